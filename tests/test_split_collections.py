"""Essay pages that collect several texts (issue 10, round 5): the page's headline with the count of
texts (…工作总结(5篇), …汇报多篇6篇) and the item header over each text (篇一 …, 第2篇: …, …多篇篇1).
Both are the page's furniture when the text's own plain title (the headline without its count) is
printed in the page head; where the page prints no plain title, the headline (or, when the headline
is lost, the item header) is the report's title line and its start.  All units, sites and sentences
are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure
from workreport.structure.furniture import find_furniture

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_FIRST = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 3,
          "一、主要工作", _DONE]
_SPEECH = ["各位代表：", "现在，我代表区人民政府，向大会报告政府工作，请予审议。", "一、过去一年工作回顾", _DONE]


def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")


def _parse(lines):
    return structure(_doc(lines))


def test_a_headline_with_no_plain_title_under_it_is_the_reports_title_line():
    head = ["2024年区政府工作报告多篇5篇", "发布时间:2025-01-09 10:12:40 来源:网友投稿", "2024年区政府工作报告多篇篇1"]
    lines = [*_FIRST, *head, *_SPEECH]
    chrome, reports = _parse(lines)
    headline = len(_FIRST) + 1
    assert headline not in chrome
    assert [r.start_line for r in reports] == [1, headline]
    # the item header right under the headline is still the page's
    assert headline + 2 in find_furniture(_doc(lines))


def test_a_headline_over_the_texts_plain_title_is_the_pages():
    head = ["2023年白河乡政府工作报告全文(4篇)", "时间:2024-02-03 阅读:88", "2023年白河乡政府工作报告全文",
            "篇一 2023年白河乡政府工作报告全文3120字"]
    lines = [*_FIRST, *head, *_SPEECH]
    chrome, reports = _parse(lines)
    headline = len(_FIRST) + 1
    assert {headline, headline + 3} <= chrome and headline + 2 not in chrome
    assert [r.start_line for r in reports] == [1, headline + 2]


def test_a_plain_title_run_into_a_teaser_still_makes_the_headline_the_pages():
    # the page prints its title glued to the first words of the text as a teaser under the headline
    head = ["2023年某某镇工作汇报多篇6篇", "2023年某某镇工作汇报各位代表：现在，我代表镇人民政府向大会报告工作。"]
    lines = [*_FIRST, *head, *_SPEECH]
    assert len(_FIRST) + 1 in find_furniture(_doc(lines))


def test_a_headline_given_back_is_no_weak_page_row_even_without_a_year_mark():
    # a bare year before the line of work (no year character): not read as a title, still the title line
    head = ["2021森林防火工作总结及计划3篇", "2023-07-14 09:20:31",
            "2021森林防火工作总结及计划3篇 今年以来，县林业局把森林防火摆在突出位置。"]
    lines = [*_FIRST, *head, "总结一 2021年，县林业局全面落实森林防火责任制，全年未发生较大森林火灾。", _DONE]
    assert len(_FIRST) + 1 not in find_furniture(_doc(lines))


def test_the_headline_repeated_with_a_teaser_is_no_plain_title():
    head = ["2021年森林防火工作总结及计划3篇", "2023-07-14 09:20:31",
            "2021年森林防火工作总结及计划3篇 今年以来，县林业局把森林防火摆在突出位置。"]
    lines = [*_FIRST, *head, "总结一 2021年，县林业局全面落实森林防火责任制，全年未发生较大森林火灾。", _DONE]
    assert len(_FIRST) + 1 not in find_furniture(_doc(lines))


def test_an_item_header_left_alone_when_the_headline_is_lost_is_the_title_line():
    lines = [*_FIRST, "2024年区政府工作报告多篇篇1", *_SPEECH]
    chrome, reports = _parse(lines)
    item = len(_FIRST) + 1
    assert item not in chrome
    assert [r.start_line for r in reports] == [1, item]
    assert cues.title_core("2024年区政府工作报告多篇篇1") == "2024年区政府工作报告"


def test_a_bare_item_number_and_a_page_counter_header_stay_the_pages():
    assert len(_FIRST) + 1 in find_furniture(_doc([*_FIRST, "篇二", *_SPEECH]))
    # a later page of a collection: the counter says the text goes on from an earlier page
    lines = [*_FIRST, "乡镇2023年工作总结-9篇(第4/18页)", "一年来，全镇把民生实事摆在突出位置，逐件抓好落实。", _DONE]
    assert len(_FIRST) + 1 in find_furniture(_doc(lines))


def test_an_item_marker_before_the_texts_own_title_is_a_plain_title_but_a_numbered_headline_is_not():
    # the page lost its plain title line; the item header still prints it (with the site's word count)
    head = ["2023年白河乡政府工作报告全文(4篇)", "时间:2024-02-03 阅读:88", "篇一 2023年白河乡政府工作报告全文3120字"]
    doc = _doc([*_FIRST, *head, *_SPEECH])
    assert {len(_FIRST) + 1, len(_FIRST) + 3} <= find_furniture(doc)
    # the headline's words with a number after them only number the headline
    head = ["2023年白河乡政府工作报告多篇5篇", "发布:2024-02-03 阅读:88", "2023年白河乡政府工作报告多篇篇1"]
    assert len(_FIRST) + 1 not in find_furniture(_doc([*_FIRST, *head, *_SPEECH]))
