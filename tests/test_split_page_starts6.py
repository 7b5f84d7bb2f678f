"""Report starts at a page's seam (issue 10, round 5): a page the site cut off in mid-sentence,
then the next page with no title, only its opening formula (the year, the body, the leadership
it works under), pasted with no blank line between.  A short cut line is a page's end when it is
running text (a clause ended inside it and the next broken off); a short subheading is not.
All units and sentences here are made up."""
from structure_helpers import BODY as _BODY, DONE as _DONE, MORE as _MORE
from workreport.ingest import document_from_bytes
from workreport.structure import structure


def _starts(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    _, reports = structure(doc)
    return [r.start_line for r in reports]


_PAGE = ["青山县林业局2023年工作总结", "2023年，县林业局在县委县政府的领导下，扎实做好森林防火和生态修复工作。", "1.森林防火", _DONE, "2.生态修复", _MORE]
# (the body named as short as openings do: no other name to tell it by)
_OPENING = "2024年，中心在区政务服务管理局的领导下，坚持以服务群众为宗旨，统筹推进窗口服务和队伍建设，各项工作取得新进展。"
_NEXT = [_OPENING, "一、窗口服务能力持续提升", *_BODY]


def test_an_opening_after_a_short_line_cut_in_mid_sentence_starts_a_report():
    cut = "汛期来得早。怎样在雨季前把山塘加固完成，成为全局下一步必须抓紧解决的难"  # under 60 characters
    assert len(cut) < 60
    assert _starts([*_PAGE, cut, *_NEXT]) == [1, len(_PAGE) + 2]


def test_an_opening_under_a_short_subheading_stays_in_the_report():
    # an unnumbered subheading with no stop is not a page cut: the year's opening under it is the part's text
    sub = "强化森林防火，守护绿水青山"
    own = "2023年，县林业局在县委县政府的领导下，坚持预防为主，全年未发生较大森林火灾，各项工作取得新进展。"
    assert _starts([*_PAGE, sub, own, *_BODY]) == [1]


def test_a_title_naming_no_body_heads_a_page_over_its_date_and_source_rows():
    # a page's first line is its title even when it names no body, when the site's rows follow it
    page = ["2021年度文化工作总结", "发布时间：2022-01-05 09:30:12 来源：某某网", "", _OPENING, "一、窗口服务能力持续提升", *_BODY]
    starts = _starts([*_PAGE, "", *page])
    assert starts == [1, len(_PAGE) + 2]


def test_a_title_naming_no_body_inside_a_report_is_a_part_heading():
    # the same words with no furniture beside them, under a report's text: the report's own part
    part = ["2022年工作计划", "2022年，县林业局将持续抓好森林防火，推进国土绿化，完成植树造林五千亩。", *_BODY]
    assert _starts([*_PAGE, "全年各项目标任务顺利完成。", *part]) == [1]


def test_an_essay_sites_tagged_title_naming_no_body_heads_its_page():
    # the genre words, the site's tags after them (a model text, a collection) and a bracketed count
    # (a line longer than the furniture pass's short rows: a shorter one beside the page's rows is dropped with them)
    for title in ("乡镇机关单位年度工作总结及明年工作计划范本", "乡镇机关单位年度工作总结及明年工作计划范本【推荐】"):
        page = [title, "发布时间：2023-12-20 10:02:44", "", _OPENING, "一、窗口服务能力持续提升", *_BODY]
        assert _starts([*_PAGE, "", *page]) == [1, len(_PAGE) + 2], title


# a page cut off long in mid-sentence (the search corpus and doc-share previews stop anywhere)
_LONG_CUT = "加快推进城乡供水一体化，新建改造供水管网八十余公里，完成农村饮水安全巩固提升工程十二处，同时对全县水厂的水质检测能力开展"


def test_a_leadership_paragraph_under_a_page_head_row_after_a_cut_page_starts_a_report():
    # the next page: a short label row, a blank line, then its first paragraph, site words before the
    # opening proper, saying whose leadership the body worked under, then its outline
    led = "回顾过去一年，青山街道在区委区政府的坚强领导下，紧紧围绕年度目标任务，统筹推进经济发展、城市管理、平安建设和民生保障各项工作，"
    nxt = ["概述", "", led, "一、主要工作完成情况", *_BODY]
    assert _starts([*_PAGE, _LONG_CUT, *nxt]) == [1, len(_PAGE) + 4]


def test_a_short_row_between_two_pieces_of_one_broken_sentence_is_no_page_head():
    # a masked name printed on a line of its own inside a sentence, no blank line around it
    broken = ["全年共完成造林任务三千余亩，新建苗圃两处，林下经济产值达到", "XX", "万元，在县委县政府的领导下，林区群众收入持续增长，森林覆盖率稳步提高。"]
    assert _starts([*_PAGE, *broken, *_BODY]) == [1]


def test_a_page_run_into_one_line_with_its_title_glued_on_starts_at_the_title():
    # a converted page: the title, then the whole text with no line break (here the same bureau's
    # half-year summary of the same year: no other name or year tells it); before it a page whose
    # last line was a short dash item the site broke off
    blob = ("青山县林业局2023年上半年工作总结2023年是林业改革走向深入的关键之年，全局干部职工紧扣森林资源保护，"
            "完成植树造林一千二百亩，森林火灾零发生，新建防火通道十二公里，开展巡山两千余人次，护林队伍力量仍然不足，"
            "下半年将继续抓好森林防火和国土绿化。")
    before = [*_PAGE, "——做好汛"]
    assert _starts([*before, "", blob]) == [1, len(before) + 2]
