"""The cues that tell where one pasted page ends and the next begins (issue 10), one by one,
on fictional lines: a related link over another body's text, document-sharing chunks, a
title run on with its text, the address forms of a government work report."""
import pytest

from workreport.structure import cues


@pytest.mark.parametrize("title,opening,conflict", [
    ("青山区审计局2024年工作总结", "2023年，临江市林业局在市委、市政府的坚强领导下，扎实推进各项工作。", True),
    ("某某街道工作总结", "今年以来，云溪县统计局在县委的领导下，依法统计。", True),
    ("云溪县统计局2023年工作总结", "2023年，云溪县统计局在县委、县政府的坚强领导下，依法统计。", False),
    ("某某镇2022年工作总结", "2022年，镇党委、政府在县委的领导下，团结带领全镇干部群众。", False),  # says only its level
    ("青山区政务服务和数据管理局2022年工作总结", "2022年，区政务服务和数据管理局在区委、区政府的坚强领导下，深化改革。", False),
    ("某某局工作总结", "今年以来，我局在县委、县政府的坚强领导下，扎实推进各项工作。", False),  # no name to compare
])
def test_names_conflict(title, opening, conflict):
    assert cues.names_conflict(title, opening) == conflict


def test_chunk_runs_keep_the_short_last_chunk():
    long1 = "1、" + "某某镇2023年工作总结一年来全镇坚持稳中求进工作总基调" * 5
    long2 = "2、" + "亿元同比增长百分之五点二全年新增市场主体九百户" * 5
    last = "3、为明年工作打下良好基础"
    assert cues.chunk_runs([long1, long2, last, "今年以来，某某局扎实推进各项工作。"]) == {0, 1, 2}


def test_numbered_items_are_no_chunks():
    items = ["1、加强组织领导。", "2、完善工作机制。", "3、强化督查考核。"]
    assert cues.chunk_runs(items) == set()


def test_fused_title_ends_where_its_text_begins():
    line = "青山区林业局2023年工作总结和2024年工作计划范文今年以来，青山区林业局在区委区政府的坚强领导下"
    end = cues.fused_end(line)
    assert line[end:].startswith("今年以来")


@pytest.mark.parametrize("line", [
    "我受县人民政府委托，向大会作政府工作报告，请予审议。",
    "根据上级的决定，我代表国务院，向第四届全国人民代表大会作政府工作报告。",
    "本届政府任期即将结束。现在，我代表国务院，向大会报告过去五年的工作，请予审议。",
])
def test_address_forms(line):
    assert cues.preamble_rule(line) == "split.preamble.address"


def test_broken_title_not_from_scattered_keywords_of_the_title_below():
    # the pair reads as a title, but the title itself follows: the lines are the page's keywords
    from workreport.ingest import document_from_bytes
    from workreport.structure.furniture import find_furniture

    text = "2022\n综合\n执法局\n工作总结\n区综合行政执法局2022年工作总结\n2022年，区综合行政执法局坚持执法为民。\n"
    assert sorted(find_furniture(document_from_bytes(text.encode("utf-8"), "x.txt"))) == [1, 2, 3, 4]
