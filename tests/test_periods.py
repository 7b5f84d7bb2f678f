"""Periods of figures (extract/periods.py): the hand-written cases of tests/cases/periods run
through the whole pipeline, and the report's clock on its own."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workreport.extract.periods import Period, report_clock, text_periods
from workreport.ingest import document_from_bytes
from workreport.model import Report
from workreport.pipeline import parse

CASES = [c for f in sorted((Path(__file__).parent / "cases" / "periods").glob("*.yaml"))
         for c in yaml.safe_load(f.read_text(encoding="utf-8"))["cases"]]


def _figures(text: str):
    parsed = parse(document_from_bytes(text.encode("utf-8"), "case.txt"))
    return [i for r in parsed.reports for i in r.indicators]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    figures = _figures(case["text"])
    for want in case["figures"]:
        hits = [i for i in figures if i.text == want["span"]]
        assert len(hits) == 1, (want, [i.text for i in figures])
        (i,) = hits
        got = (i.period, i.period_end, i.period_kind)
        assert got == (want["period"], want.get("end"), want["kind"]), (want["span"], got, i.period_rule)


def test_clock_of_a_government_report_and_of_a_summary():
    gov = report_clock(Report(start_line=1, end_line=1, year=2025, title="2026年某某省政府工作报告"))
    assert (gov.reviewed, gov.speaking, gov.plan) == (2025, 2026, 2026)
    summary = report_clock(Report(start_line=1, end_line=1, year=2022, title="某某镇2022年工作总结"))
    assert (summary.reviewed, summary.speaking, summary.plan) == (2022, 2022, 2023)
    unknown = report_clock(Report(start_line=1, end_line=1))
    assert (unknown.reviewed, unknown.speaking, unknown.plan) == (None, None, None)


def test_without_a_year_only_written_years_count():
    clock = report_clock(Report(start_line=1, end_line=1))
    base = Period(None, None, "annual", "period.report_year")
    text = "今年新建道路3公里。2021年新建道路2公里。"
    got, _ = text_periods(text, [text.index("3公里"), text.index("2公里")], base, clock)
    assert [(p.start, p.kind) for p in got] == [(None, "annual"), (2021, "annual")]


def test_a_cue_inside_a_sentence_holds_for_that_sentence_only():
    clock = report_clock(Report(start_line=1, end_line=1, year=2022, title="某镇2022年工作总结"))
    base = Period(2022, 2022, "annual", "period.report_year")
    text = "全镇道路建设加快，上半年新建道路3公里。全年新建桥梁2座。"
    got, _ = text_periods(text, [text.index("3公里"), text.index("2座")], base, clock)
    assert [p.kind for p in got] == ["to_date", "annual"]


def test_an_appended_list_for_the_plan_year_holds_targets_only():
    """A list appended after the report for the year it is delivered in (某某区2026年民生实事): its
    figures are that year's aims, also those a figure's own time word reaches ("raised to 10 yuan",
    "the whole year") — never results of the year reviewed."""
    text = ("2026年青山区政府工作报告\n一、2025年工作回顾\n过去一年，城镇新增就业1.2万人，新建公厕8座。\n"
            "附件\n2026年青山区民生实事\n1.实现城镇新增就业1万人以上，全年开展技能培训3000人次。\n"
            "2.将学生意外伤害保险保费由每生每年5元提高至10元。\n")
    figures = {i.text: i for i in _figures(text)}
    assert figures["1.2万人"].period == 2025 and figures["1.2万人"].kind == "actual"
    for span in ("1万人以上", "3000人次", "5元", "10元"):
        assert figures[span].period == 2026 and figures[span].kind == "target", (span, figures[span])
    # the list's number is not part of the measure
    assert figures["1万人以上"].measure == "城镇新增就业"


def test_the_title_does_not_turn_the_report_into_a_plan():
    """A title that opens with the year it is delivered in (2026年…工作报告) names no time for the
    paragraphs after it: an estimate of the year reviewed stays that year's."""
    text = "2026年青山市政府工作报告\n全市地区生产总值预计增长5.1%左右。\n主要预期目标是：地区生产总值增长5%左右。\n"
    figures = {i.text: i for i in _figures(text)}
    assert figures["5.1%左右"].period == 2025 and figures["5.1%左右"].kind != "target"
    assert figures["5%左右"].period == 2026 and figures["5%左右"].kind == "target"
