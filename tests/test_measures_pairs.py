"""Canonical measure names and target/actual pairs: the hand-written cases of tests/cases/measures
and tests/cases/pairs, each a paragraph of a review section of a 2022 report."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from workreport.extract.indicators import extract_indicators
from workreport.extract.measures import canonical, synonyms
from workreport.extract.pairs import find_pairs
from workreport.model import Paragraph, Report, Section

_HERE = Path(__file__).parent / "cases"
MEASURES = yaml.safe_load((_HERE / "measures" / "paragraphs.yaml").read_text(encoding="utf-8"))["cases"]
PAIRS = yaml.safe_load((_HERE / "pairs" / "paragraphs.yaml").read_text(encoding="utf-8"))["cases"]


def _report(text: str) -> Report:
    sec = (Section(line=1, heading="一、2022年工作完成情况", ordinal="一", depth=1, role="achievements", end_line=2),)
    r = Report(start_line=1, end_line=2, year=2022, sections=sec, paragraphs=(Paragraph(2, 2, text, ((2, 0),)),))
    return dataclasses.replace(r, indicators=extract_indicators(r))


@pytest.mark.parametrize("case", MEASURES, ids=[c["text"][:12] for c in MEASURES])
def test_measures(case):
    inds = _report(case["text"]).indicators
    for want in case["figures"]:
        (i,) = [i for i in inds if i.text == want["span"]]
        if "measure" in want:
            assert i.measure == want["measure"], (want, i.measure, i.rules)
        if "phrase" in want:
            assert i.measure_phrase == want["phrase"]
        if "not" in want:
            assert i.measure != want["not"], (want, i.measure)


def _text(i) -> str:
    return f"{i.value}{i.unit}"


@pytest.mark.parametrize("case", PAIRS, ids=[c["text"][:12] for c in PAIRS])
def test_pairs(case):
    pairs = find_pairs(_report(case["text"]))
    got = {(_text(p.target), _text(p.actual)) for p in pairs}
    assert got == {(w["target"], w["actual"]) for w in case["pairs"]}, [(p.rule, p.measure) for p in pairs]
    for w in case["pairs"]:
        if "completion" in w:
            (p,) = [p for p in pairs if _text(p.target) == w["target"]]
            assert p.completion == pytest.approx(w["completion"], abs=1e-4)


def test_an_exceeded_goal_keeps_its_sources():
    (p,) = find_pairs(_report("计划新建公厕6座，已全部完成，并超额完成2座。"))
    assert p.rule == "pairs.excess" and p.actual.number == 8 and p.actual.text == "2座"
    assert "pairs.excess" in p.actual.rules and p.target.text == "6座"


def test_synonym_groups_and_their_names():
    assert canonical("全省生产总值增长").name == canonical("经济增长").name == "地区生产总值增长"
    assert canonical("新增城镇就业").name == "城镇新增就业"
    assert "地方一般公共预算收入" in synonyms("一般公共预算收入")
    assert canonical("国内生产总值增长").name != "地区生产总值增长"
    assert canonical("完成率").name == "完成率"  # no step leaves one character
