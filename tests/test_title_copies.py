"""Near copies of one title (site_heads.near_copy, dated_twin): a page's headline or a document's
file name over the text's own title, a year, a place's suffix or the site's tags more or less.
Every name invented."""
import pytest

from workreport.structure import site_heads


@pytest.mark.parametrize("a, b", [
    ("临江镇人民政府2019年工作报告.doc", "临江镇人民政府2019年工作报告"),
    ("临江开发区工作总结及2023年工作安排.docxVIP专享VIP免费", "临江开发区工作总结及2023年工作安排"),
    ("2022年临江县图书馆年报", "临江县图书馆年报"),
    ("2022年临江图书馆年报", "2022年临江县图书馆年报"),
    ("××区妇联2022年工作总结.docx", "区妇联2022年工作总结 区妇联2021年工作总结"),
])
def test_near_copies(a, b):
    assert site_heads.near_copy(a, b)


@pytest.mark.parametrize("a, b", [
    ("临江镇2022年工作总结", "临江镇2023年工作总结"),  # one body's two years: two reports
    ("临江县图书馆2022年年报", "临江县文化馆2022年年报"),  # two bodies
    ("临江镇2022年工作总结", "青山镇2022年工作计划"),
    ("2022年年报", "年报"),  # too short to name a text
])
def test_not_near_copies(a, b):
    assert not site_heads.near_copy(a, b)


def test_dated_twin_needs_a_year_and_no_field_row():
    assert site_heads.dated_twin("2022年临江县图书馆年报", "临江县图书馆年报")
    assert not site_heads.dated_twin("临江县图书馆年报", "临江县图书馆年报")  # (no year: a row printed twice)
    assert not site_heads.dated_twin("临江县图书馆年报", "2022年临江县图书馆年报")  # (a section's bare name over a dated title)
    assert not site_heads.dated_twin("成文日期: | 2022年10月31日 |", "发布日期: | 2022年11月09日 |")


def test_title_copy_strictness_is_the_callers():
    # (by default the same line: a title printed again inside its text)
    assert site_heads.title_copy("临江县图书馆2022年工作总结", "临江县图书馆2022年工作总结")
    assert not site_heads.title_copy("临江县图书馆2022年工作总结", "临江县图书馆2022年工作总结.doc")
    # (head: the first characters alike, a tag at the end of one copy)
    assert site_heads.title_copy("临江县图书馆2022年工作总结", "临江县图书馆2022年工作总结(精选)", head=8)
    assert not site_heads.title_copy("临江县图书馆", "临江县图书", head=8)  # (too short to compare)
    # (near: a year or a file name more, but not a dated title under an undated column name)
    assert site_heads.title_copy("2022年临江县图书馆年报", "临江县图书馆年报", near=True)
    assert site_heads.title_copy("临江镇人民政府2019年工作报告.doc", "临江镇人民政府2019年工作报告", near=True)
    assert not site_heads.title_copy("临江县图书馆年报", "2022年临江县图书馆年报", near=True)
