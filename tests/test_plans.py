"""Plan items: built reports for each shape of plan section, rule data examples, dev recall."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from workreport.extract.plans import extract_plan_items
from workreport.model import Indicator, Paragraph, Report, Section, Span

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def para(line, text, end=None, pieces=None):
    return Paragraph(line, end or line, text, pieces or ((line, 0),))


def sec(line, heading, role, end, children=()):
    return Section(line=line, heading=heading, ordinal=None, depth=1, role=role, end_line=end, children=tuple(children))


def test_headed_items_with_targets_deadline_and_lead_org():
    kids = [Section(line=3, heading="(一)加快通村公路建设。", ordinal="(一)", depth=2, role="plan", end_line=4),
            Section(line=5, heading="(二)提升网络覆盖。", ordinal="(二)", depth=2, role="plan", end_line=5)]
    paras = (
        para(1, "四、2024年工作计划"),
        para(3, "(一)加快通村公路建设。"),
        para(4, "年底前村组公路硬化率达100%(牵头单位:区交通局)。"),
        para(5, "(二)提升网络覆盖。宽带入户率达60%以上,6月底前完成招标。"),
    )
    inds = (
        Indicator(line=4, span=Span(6, 14), text="硬化率达100%", value="100", number=100.0, unit="%", measure="村组公路硬化率", kind="rate"),
        Indicator(line=5, span=Span(9, 20), text="宽带入户率达60%以上", value="60", number=60.0, unit="%", measure="宽带入户率", kind="target"),
        Indicator(line=9, span=Span(0, 3), text="3亿元", value="3", number=3.0, unit="亿元", measure="投资", kind="actual"),
    )
    r = Report(start_line=1, end_line=5, sections=(sec(1, "四、2024年工作计划", "plan", 5, kids),), paragraphs=paras,
               indicators=inds)
    items = extract_plan_items(r)
    assert [i.line for i in items] == [3, 5]
    assert items[0].text.startswith("(一)加快通村公路建设。年底前")
    assert [t.measure for t in items[0].targets] == ["村组公路硬化率"] and items[0].targets[0].kind == "target"
    assert items[0].deadline == "年底前" and items[0].lead_org == "区交通局"
    assert [t.measure for t in items[1].targets] == ["宽带入户率"] and items[1].deadline == "6月底前"


def test_inline_enumeration_several_on_one_line_and_across_a_page_break():
    text = "2024年,突出抓好四项工作。一是狠抓项目落地,增强发展后劲。二是狠抓城乡融合,建设美丽乡村。三是狠抓民生保障。四是狠抓安全稳定。"
    cut = text.index("三是") - 3
    p = Paragraph(3, 4, text, ((3, 0), (4, cut)))
    r = Report(start_line=1, end_line=4, sections=(sec(1, "二、2024年工作计划", "plan", 4),),
               paragraphs=(para(1, "二、2024年工作计划"), p))
    items = extract_plan_items(r)
    assert [(i.line, i.text[:2]) for i in items] == [(3, "一是"), (3, "二是"), (4, "三是"), (4, "四是")]


def test_plain_paragraph_items_drop_the_intro():
    r = Report(start_line=1, end_line=7, sections=(sec(1, "四、下一步工作计划", "plan", 7),), paragraphs=(
        para(1, "四、下一步工作计划"),
        para(3, "2024年,我局将以推动高质量发展为主线,统筹抓好各项工作。"),
        para(5, "坚持项目为王,加快产业转型升级。"),
        para(7, "坚持民生优先,办好民生实事。"),
    ))
    assert [i.line for i in extract_plan_items(r)] == [5, 7]


def test_combined_heading_takes_items_after_the_next_step_cue():
    r = Report(start_line=1, end_line=9, sections=(sec(1, "三、存在的不足及下一步工作", "problems", 9),), paragraphs=(
        para(1, "三、存在的不足及下一步工作"),
        para(3, "回顾2023年工作,仍存在以下不足:一是队伍建设有短板。二是发展后劲不足。"),
        para(5, "下一步,我镇将围绕年度目标,补齐短板弱项。"),
        para(7, "一是要稳增长,强产业。服务骨干企业。"),
        para(9, "二是要惠民生,保稳定。推进老旧小区改造。"),
    ))
    assert [i.line for i in extract_plan_items(r)] == [7, 9]


def test_headed_paragraphs_when_the_outline_gave_no_children():
    r = Report(start_line=1, end_line=7, sections=(sec(1, "二、2023年工作打算", "plan", 7),), paragraphs=(
        para(1, "二、2023年工作打算"), para(3, "()总体思路"), para(4, "以改革创新为动力。"), para(5, "()主要措施"),
        para(7, "1、提升服务水平。"),
    ))
    assert [i.line for i in extract_plan_items(r)] == [3, 5]


def test_no_plan_section_no_items():
    r = Report(start_line=1, end_line=3, sections=(sec(1, "一、2023年工作总结", "achievements", 3),),
               paragraphs=(para(1, "一、2023年工作总结"), para(3, "一是加强领导。二是强化措施。")))
    assert extract_plan_items(r) == ()


def test_dev_plan_item_recall():
    gold_path = DEV / "gold_part1.json"
    if not gold_path.exists():
        pytest.skip("dev data not available")
    from workreport.pipeline import parse_path

    parsed = parse_path(DEV / "compilation_2022_part1.txt")
    got = {i.line for r in parsed.reports for i in r.plan_items}
    gold = [x["line"] for g in json.loads(gold_path.read_text(encoding="utf-8"))["reports"] for x in g["plan_items"]]
    recall = sum(line in got for line in gold) / len(gold)
    assert recall >= 0.85
