"""Titles a page prints at its head that the furniture pass must leave to the report, and the
site's own lines around them that it must take (issue 10, round 5 wave 2).

A title that opens with its year written without 年 (as essay and document sites print it), a
title carrying the site's tags (范文大全, 通用模板, a bracketed count) and a collection headline
over a date row are one text's title line, not a row of the page; the same bare shape inside a
report, with no page furniture beside it, stays a part of the text.  A file name the site prints
twice at the head and a site's slogan are the site's.  All units and sentences are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure

_OPEN = "今年以来，青山县档案局在县委、县政府的坚强领导下，认真履行职责，各项工作取得新成效。"
_TEXT = [_OPEN, "", "一、主要工作", "", "(一)抓好档案接收。全年接收进馆档案1200卷。"]
_ROWS = ["当前位置:某某文档网 > 工作汇报 > 青山县档案局工作汇报", "", "发布时间:2024-03-02 来源:某某文档网", ""]


def _parse(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "page.txt")
    furniture, reports = structure(doc)
    return furniture, [r.start_line for r in reports]


def test_year_first_title_without_its_character_opens_the_page():
    lines = [*_ROWS, "2023青山县档案局工作汇报", "", "2023青山县档案局工作汇报", "", *_TEXT]
    furniture, starts = _parse(lines)
    assert starts == [5]
    assert 5 not in furniture and 7 not in furniture and {1, 3} <= furniture


def test_year_first_title_over_its_date_row_is_the_title_not_the_page_title():
    lines = ["2021农田水利工作总结与打算5篇", "2023-06-01 10:20:30", "", *_TEXT]
    furniture, starts = _parse(lines)
    assert starts == [1] and 1 not in furniture and 2 in furniture


def test_the_same_shape_inside_a_report_stays_text():
    lines = [*_ROWS, "2023青山县档案局工作汇报", "", *_TEXT, "", "2023全县档案工作总结", "",
             "全年共完成档案数字化30万页，为明年工作打下了基础。"]
    _, starts = _parse(lines)
    assert starts == [5]
    assert cues.dated_bare_title("2023全县档案工作总结") and not cues.dated_bare_title("年终工作总结")


def test_titles_with_the_sites_tags_are_kept_at_a_page_head():
    for title in ("乡镇工作总结范文大全【精选】", "社区年度工作计划通用模板【精选5篇】"):
        lines = ["首页 > 范文大全 > 工作总结", "", title, "", "发布时间:2023-01-05 来源:网友投稿", "", *_TEXT]
        furniture, starts = _parse(lines)
        assert starts == [3] and 3 not in furniture, title
    assert cues.title_core("某某街道工作总结范文大全") == "某某街道工作总结"
    assert cues.title_core("某某社区年度工作计划通用模板") == "某某社区年度工作计划"


def test_a_run_on_title_ends_after_all_of_the_sites_tags():
    line = "某某镇工作总结范文大全今年以来，全镇上下认真贯彻落实各项部署"
    assert cues.fused_title(line) == "某某镇工作总结范文大全"
    assert line[cues.fused_end(line):].startswith("今年以来")


def test_a_file_name_printed_twice_starts_the_text_at_its_first_copy_and_a_sites_slogan_is_the_sites():
    # (round 9 gold convention: a title printed twice at the head starts the report at the first copy)
    lines = ["某某公文网免费提供工作总结范文与写作模板", "青山县档案局2023年工作总结.docx", "",
             "青山县档案局2023年工作总结.docx", "", *_TEXT]
    furniture, starts = _parse(lines)
    assert 1 in furniture and 2 not in furniture and starts == [2]


def test_a_tagged_title_naming_no_body_heads_its_text_but_not_a_page_foot():
    head = ["首页 > 范文大全 > 工作总结", "", "年终工作总结【精选】", "", "发布时间:2023-01-05 来源:某某范文网", "", *_TEXT]
    furniture, starts = _parse(head)
    assert starts == [3] and 3 not in furniture
    # the same line under a text's last sentence, with no text under it: a related link of the page
    foot = [*_TEXT, "", "年终工作总结【精选】", "", "首页 关于我们 联系我们"]
    furniture, starts = _parse(foot)
    assert starts == [1] and {7, 9} <= furniture
