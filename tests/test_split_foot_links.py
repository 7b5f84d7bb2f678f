"""A page's foot (issue 10, round 5): under a report's last lines a page may print another text's
title with the first few words of that text, cut where the site cut the page (a related link, the
next article of the site).  That is no report of its own: the lines stay with the report before, and
the next report still begins at its own title.  A title with a real opening under it, a page heading
over the text's own title, and a title with its first part heading are left alone.  All units and
sentences are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_FIRST = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作，各项任务全面完成。",
          "一、主要工作", _DONE * 2, "二、存在问题", "社会救助资金使用效率还需进一步提高，基层经办力量较为薄弱，信息化水平"]
_NEXT = ["白石镇2021年工作总结", "2021年，白石镇在县委县政府的坚强领导下，统筹推进乡村振兴和基层治理各项工作。", _DONE]


def _spans(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    return [(r.start_line, r.end_line) for r in structure(doc)[1]]


def test_another_texts_title_and_its_first_words_at_a_pages_foot_stay_with_the_report_before():
    foot = ["红河县2022年社会救助工作情况汇报", "今年以来，在县委县政府"]
    lines = [*_FIRST, *foot, *_NEXT]
    assert _spans(lines) == [(1, len(_FIRST) + 2), (len(_FIRST) + 3, len(lines))]


def test_the_same_at_the_end_of_the_paste():
    lines = [*_FIRST, "红河县2022年社会救助工作情况汇报", "今年以来，在县委县政府"]
    assert _spans(lines) == [(1, len(lines))]


def test_a_title_with_its_opening_under_it_is_a_report_a_site_cut_short():
    cut = ["红河县2022年社会救助工作情况汇报", "今年以来，红河县在市委市政府的坚强领导下，围绕兜底保障目标，持续完善社会救助体系，"]
    lines = [*_FIRST, *cut, *_NEXT]
    assert _spans(lines) == [(1, len(_FIRST)), (len(_FIRST) + 1, len(_FIRST) + 2), (len(_FIRST) + 3, len(lines))]


def test_a_pages_heading_and_a_dateline_over_the_texts_own_title_are_not_the_report_befores():
    head = ["（授权发布）红河县2022年社会救助工作情况汇报", "", "某某社北京1月5日电", "", "红河县2022年社会救助工作情况汇报", "",
            "——在红河县第二届人民代表大会第一次会议上", "", "（2022年3月3日）", "各位代表：", _DONE]
    lines = [*_FIRST, "", *head]
    spans = _spans(lines)
    assert spans[0] == (1, len(_FIRST)) and spans[-1][1] == len(lines)
