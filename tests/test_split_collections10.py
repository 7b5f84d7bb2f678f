"""Essay and doc-share page heads that broke starts (issue 10, round 6 wave 3): collection counts
written as "in all N" or in Chinese numerals past ten, a headline numbered for its first text and
then the text's own (differently worded) title, the editor's prologue before the title, a doc site's
category row and its unlabelled file row.  All units, sites and sentences are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure
from workreport.structure.furniture import find_furniture

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_FIRST = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 3,
          "一、主要工作", _DONE]
_BODY = ["今年以来，白石镇农业服务中心围绕全年目标，扎实推进各项工作。", "一、主要工作", _DONE * 2, "二、下步打算", _DONE]


def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")


def _starts(lines):
    return [r.start_line for r in structure(_doc(lines))[1]]


def test_counts_in_all_or_past_ten_make_a_headline_over_the_plain_title():
    for count in ("(共6篇)", "(十二篇)", "共十一篇"):
        head = [f"白石镇农业服务中心上半年工作总结{count}", "发布时间:2024-07-02 查看:12", "白石镇农业服务中心上半年工作总结"]
        lines = [*_FIRST, *head, *_BODY]
        assert _starts(lines) == [1, len(_FIRST) + 3], count
        assert len(_FIRST) + 1 in find_furniture(_doc(lines)), count


def test_a_headline_numbered_for_its_first_text_then_the_texts_own_title():
    head = ["社区服务中心工作总结(共7篇)", "社区服务中心工作总结 篇1", "某某社区居委会2021年工作总结"]
    lines = [*_FIRST, *head, *_BODY]
    assert _starts(lines) == [1, len(_FIRST) + 3]
    assert {len(_FIRST) + 1, len(_FIRST) + 2} <= find_furniture(_doc(lines))


def test_a_headline_numbered_with_the_body_right_under_it_stays_the_title_line():
    # (no title printed for the text: the headline is its title line, as the round 5 convention says)
    head = ["社区服务中心工作总结(共7篇)", "社区服务中心工作总结 篇1"]
    lines = [*_FIRST, *head, *_BODY]
    assert len(_FIRST) + 1 not in find_furniture(_doc(lines))
    assert _starts(lines)[0] == 1 and len(_starts(lines)) == 2


def test_an_editors_musing_prologue_before_the_title_is_the_sites():
    prologue = ("岁月如流水，一去不复返。做完一段事情，总要停下来想一想，把得失写成文字。怎样把总结写好呢？"
                "小编为此细心地搜集了下面的《白石镇农业服务中心工作总结》，希望对你有启发！")
    lines = [*_FIRST, "发布时间: 2019.05.06", prologue, "白石镇农业服务中心工作总结", *_BODY]
    assert len(_FIRST) + 2 in find_furniture(_doc(lines))
    assert _starts(lines) == [1, len(_FIRST) + 3]


def test_a_doc_sites_category_row_and_file_row_open_no_report():
    head = ["资料库 常用文书 报告/总结", "白石镇2023年政府工作报告",
            "政府工作报告 报告 DOCX   18页   下载2   2024-02-11   浏览61   收藏0",
            "白石镇2023年政府工作报告", "各位代表：", "现在，我代表镇人民政府，向大会报告工作，请予审议。", "一、过去一年工作回顾", _DONE]
    lines = [*_FIRST, *head]
    chrome = find_furniture(_doc(lines))
    assert {len(_FIRST) + 1, len(_FIRST) + 3} <= chrome
    assert len(_FIRST) + 1 not in _starts(lines)


def test_report_text_with_a_slash_or_a_file_kind_stays_text():
    lines = [*_FIRST, "全年完成工作总结报告12份，印发PDF版宣传手册3册。", "首页上线新闻300余条。"]
    chrome = find_furniture(_doc(lines))
    assert not {len(_FIRST) + 1, len(_FIRST) + 2} & chrome
