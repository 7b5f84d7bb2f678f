"""Report starts lost in a head block or a paragraph join (issue 10, round 4): another text's title
at a page's foot (a related link, alone or with its date) between a report's last, cut line and
the next report's head; a site's listing of a title with a count in brackets over the text's own
title; a title with the page's keyword label run on; a document-sharing page's first-page mark
glued before the next text.  All units and sentences here are made up."""
import pytest

from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraphs import build_paragraphs

_OPEN = "今年以来，青山县林业局在县委县政府的坚强领导下，扎实推进国土绿化和森林防火各项工作，取得明显成效。"
_DONE = "全年共完成植树造林一万二千亩，新建护林站三处，森林覆盖率提高零点五个百分点，群众满意度持续提升。"
_CUT = "持续推进农村人居环境整治，全年共清理河塘沟渠四十余条，新建公厕十二座，改造农户厨房两百余户，完成村庄绿化美化工程十余处，为下一步"
_FIRST = ["青山县林业局2023年工作总结", _OPEN, "一、主要工作", _DONE, _CUT, ""]
_TITLED = ["石门街道2023年工作总结", "2023年，石门街道在区委区政府的坚强领导下，坚持以人民为中心，统筹推进基层治理和民生保障各项工作，取得新进展。",
           "一、主要工作", _DONE]
_SPEECH = ["各位代表：", "现在，我代表石门镇人民政府向大会报告工作，请予审议，并请各位列席人员提出意见。", "一、2023年工作回顾", _DONE]
_SESSION = ["——2024年1月8日在石门镇第十八届人民代表大会第三次会议上", "镇长  王某", *_SPEECH]
_UNTITLED = ["2023年，石门街道在区委区政府的坚强领导下，坚持以人民为中心，统筹推进基层治理和民生保障各项工作，取得新进展。",
             "一、主要工作", _DONE]


def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")


def _reports(lines):
    _, reports = structure(_doc(lines))
    return [(r.start_line, r.end_line) for r in reports]


@pytest.mark.parametrize("foot", [["柳河镇2022年上半年工作总结"], ["柳河镇2022年上半年工作总结", "2022-07-15"],
                                  ["柳河镇2022年上半年工作总结", "责任编辑：李某"]])
@pytest.mark.parametrize("nxt", [_TITLED, _SPEECH, _SESSION])
def test_another_texts_title_at_a_page_foot_stays_with_the_report_before(foot, nxt):
    lines = [*_FIRST, *foot, "", *nxt]
    head = len(_FIRST) + len(foot) + 2  # the next report's own first line
    reports = _reports(lines)
    assert [s for s, _ in reports] == [1, head]
    assert reports[0][1] >= len(_FIRST) + 1  # the foot's title went with the report before (or is furniture)


def test_a_title_over_an_opening_of_the_same_body_is_one_head():
    # (the opening names the body the title names, in other words: no link)
    same = ["石门街道办事处2023年工作总结", "2023年，石门街道在区委区政府的坚强领导下，统筹推进基层治理和民生保障各项工作，取得新进展。",
            "一、主要工作", _DONE]
    assert [s for s, _ in _reports([*_FIRST, *same])] == [1, len(_FIRST) + 1]
    # a heading over a speech of the same town, and a speech's title over its address
    speech = ["石门镇2024年政府工作报告", *_SPEECH]
    assert [s for s, _ in _reports([*_FIRST, *speech])] == [1, len(_FIRST) + 1]


def test_names_differ_only_when_both_name_a_body_distinctly():
    assert cues.names_differ("柳河镇", "石门街道")
    assert cues.names_differ("青山县林业局", "石门镇人民政府")
    assert not cues.names_differ("石门街道办事处", "石门街道")
    assert not cues.names_differ("县卫生局", "青山县卫生局")
    assert not cues.names_differ("水务系统", "青山市水务局")  # a headline naming the sector over the bureau's own title
    assert not cues.names_differ("XX镇", "XX街道")  # masked names say too little
    assert not cues.names_differ("镇党委", "石门街道")  # 'the town's party committee' names only a level


def test_a_title_listed_with_a_count_over_the_texts_own_title_is_the_sites():
    lines = [*_FIRST, "某某范文网 > 工作总结 > 月总结", "", "2023年石门街道工作总结(4篇范文)", "", "发布时间:2024-11-14 热度:35", "",
             "2023年石门街道工作总结", "", *_UNTITLED]
    furniture, reports = structure(_doc(lines))
    listed = len(_FIRST) + 3
    assert listed in furniture
    assert [r.start_line for r in reports] == [1, listed + 4]
    assert cues.title_kind("2023年石门街道工作总结(4篇范文)") is not None  # a title by itself, the listing's by its count


def test_a_title_with_the_keyword_label_run_on_is_the_sites_row():
    lines = ["青山县卫生局工作总结 关键词:工作总结", "", "今年以来，县卫生局在县委县政府的领导下，扎实推进各项卫生工作，取得新成效。",
             "一、主要工作", _DONE]
    doc = _doc(lines)
    assert 1 in find_furniture(doc)


def test_a_first_page_mark_begins_another_text_a_later_pages_mark_does_not():
    # (a page that opens with no title)
    glued = "第1页共9页今年以来，柳河镇文化站在镇党委的领导下，认真开展群众文化活动，丰富了群众的精神生活。" + _DONE
    doc = _doc([*_FIRST[:-1], glued])
    paras = build_paragraphs(doc, find_furniture(doc))
    assert paras[-1].line_start == len(_FIRST)  # not joined to the cut line before it
    later = "第3页共9页程，全年共完成农田水利建设项目十二个。"
    doc = _doc([*_FIRST[:-1], later])
    paras = build_paragraphs(doc, find_furniture(doc))
    assert paras[-1].line_start == len(_FIRST) - 1  # inside one document the page break goes on the sentence
