"""Indicators: hand-labelled paragraphs (precision and recall), kinds, measures, pairs."""
from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
import yaml

from workreport.extract.indicators import extract_indicators, paragraph_indicators
from workreport.extract.pairs import find_pairs
from workreport.model import Indicator, Paragraph, Report, Section

CASES = sorted((Path(__file__).parent / "cases" / "indicators").glob("*.yaml"))


def _para(text: str, line: int = 1) -> Paragraph:
    return Paragraph(line, line, text, ((line, 0),))


def _predict(p: dict) -> list[Indicator]:
    return paragraph_indicators(_para(p["text"]), in_plan=lambda line: p.get("plan", False))


def _score(paragraphs) -> tuple[int, int, int, int]:
    """(matched, predicted, gold, kind right) over value+unit multisets per paragraph."""
    tp = n_pred = n_gold = kind_ok = 0
    for p in paragraphs:
        pred = _predict(p)
        gold = Counter((v, u) for v, u, _ in p["figures"])
        got = Counter((i.value, i.unit) for i in pred)
        tp += sum((gold & got).values())
        n_pred += len(pred)
        n_gold += len(p["figures"])
        kinds = {}
        for i in pred:
            kinds.setdefault((i.value, i.unit), []).append(i.kind)
        for v, u, k in p["figures"]:
            if k and k in kinds.get((v, u), []):
                kind_ok += 1
    return tp, n_pred, n_gold, kind_ok


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_cases_cover_dev_and_provincial_reports():
    names = [c.stem for c in CASES]
    assert sum(n.startswith("dev_") for n in names) >= 3
    assert sum(n.startswith("provincial_") for n in names) >= 2


def test_hand_labelled_precision_and_recall():
    tp = n_pred = n_gold = kind_ok = 0
    for path in CASES:
        a, b, c, d = _score(_load(path)["paragraphs"])
        tp, n_pred, n_gold, kind_ok = tp + a, n_pred + b, n_gold + c, kind_ok + d
    precision, recall = tp / n_pred, tp / n_gold
    assert n_gold >= 150
    assert precision >= 0.90, precision
    assert recall >= 0.90, recall
    assert kind_ok / n_gold >= 0.85


@pytest.mark.parametrize("path", CASES, ids=[c.stem for c in CASES])
def test_each_case_file_is_not_far_off(path):
    tp, n_pred, n_gold, _ = _score(_load(path)["paragraphs"])
    if n_gold:
        assert tp / n_gold >= 0.8
    assert n_pred - tp <= max(2, n_gold // 5)


def _one(text, **kw) -> list[Indicator]:
    return paragraph_indicators(_para(text), **kw)


@pytest.mark.parametrize(
    "text",
    [
        "2022年5月26日召开会议。",
        "1-10月份,工作稳步推进。",
        "印发《方案》(〔2022〕x号)。",
        "第三,抓好落实。一是加强领导。",
        "宣传三减三健知识,依托“一网统管”平台。",
        "落实“四个最严”要求,推进六位一体建设。",
        "实施二次供水改造。",
        "做到两个维护,落实一户多残补助。",
        "0-14岁儿童健康。",
        "开通12345热线。",
        "坚持24小时值班值守。",
        "爱国卫生运动xx周年。",
    ],
)
def test_traps_are_not_indicators(text):
    assert _one(text) == []


def test_measure_kind_and_unit():
    (i,) = _one("共立案查处食品药品违法案件,罚没款165万元。")
    assert (i.value, i.unit, i.kind) == ("165", "万元", "actual")
    assert "罚没款" in i.measure
    assert i.normalized_value == 1650000.0 and i.normalized_unit == "元"
    (i,) = _one("今年种植蓝莓355.6亩。")
    assert i.measure == "种植蓝莓面积" and i.measure_phrase == "种植蓝莓"  # the time word goes, the area noun comes


def test_measure_takes_the_noun_after_a_count():
    (i,) = _one("全乡共设立84个公益性岗位。")
    assert "公益性岗位" in i.measure and i.unit == "个"


def test_generic_measure_gets_the_sentence_topic():
    inds = _one("共抽检食用农产品490批次,完成率约为98.8%。")
    rate = inds[-1]
    assert rate.kind == "rate" and "食用农产品" in rate.measure and "完成率" in rate.measure


def test_kinds():
    k = {i.value: i.kind for i in _one("销售总额目标6.65亿元,增幅30%,已完成7.01亿元,同比增长56.97%,时序进度102%。")}
    assert k == {"6.65": "target", "30": "growth", "7.01": "actual", "56.97": "growth", "102": "rate"}
    (i,) = _one("宣传材料约x.xx万份。")
    assert i.kind == "placeholder" and i.number is None and i.qualifier == "约"
    (i,) = _one("下降2个百分点。")
    assert i.kind == "growth" and i.unit == "个百分点"


def test_plan_section_makes_targets():
    (i,) = _one("参合率和参保率均达到95%以上。", in_plan=lambda line: True)
    assert i.kind == "target" and i.qualifier == "以上"
    (i,) = _one("参合率和参保率均达到95%以上。")
    assert i.kind == "rate"


def test_bare_number_only_after_an_index_cue():
    (i,) = _one("健康城市建设评价综合指数为xx.xx。")
    assert i.value == "xx.xx" and i.unit == ""
    assert _one("位于xx.xx。") == []


def test_span_is_clipped_at_the_line_end_across_a_page_break():
    p = Paragraph(10, 12, "开展培训共计xxxxx余次,效果好。", ((10, 0), (12, 11)))
    (i,) = paragraph_indicators(p)
    assert (i.line, i.col, i.text, i.value, i.unit) == (10, 6, "xxxxx", "xxxxx", "次")


def _report(text: str, plan: bool = False) -> Report:
    sections = (Section(line=1, heading="计划", ordinal="一", depth=1, role="plan" if plan else "achievements", end_line=5),)
    r = Report(start_line=1, end_line=5, sections=sections, paragraphs=(_para(text, 2),))
    return dataclasses.replace(r, indicators=extract_indicators(r))


def test_pairs():
    r = _report(
        "销售总额目标6.65亿元,增幅30%,已完成7.01亿元,增幅56.97%;市场主体目标数新增642户、企业333户,"
        "完成企业落户252户。油菜任务460亩,实际完成油菜种植510亩。"
    )
    pairs = {(p.target.value + p.target.unit, p.actual.value + p.actual.unit) for p in find_pairs(r)}
    assert pairs == {("6.65亿元", "7.01亿元"), ("30%", "56.97%"), ("333户", "252户"), ("460亩", "510亩")}
    p = next(p for p in find_pairs(r) if p.target.value == "460")
    assert p.completion == pytest.approx(510 / 460) and p.line == 2


def test_no_pairs_without_a_target():
    r = _report("已完成7.01亿元,增幅56.97%。")
    assert find_pairs(r) == ()


def test_in_plan_uses_the_report_sections():
    r = _report("新建护砌渠道9条。", plan=True)
    assert [i.kind for i in r.indicators] == ["target"]


def test_cli_indicators_json_and_csv(tmp_path):
    from click.testing import CliRunner

    from workreport.cli import main

    f = tmp_path / "r.txt"
    f.write_text("XX镇2022年工作总结\n\n一、工作成效\n\n全年发放低保金22.4万元,惠及低保户262户。\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["indicators", str(f), "--json"])
    assert res.exit_code == 0, res.output
    import json

    rows = json.loads(res.output)["indicators"]
    assert {(r["value"], r["unit"]) for r in rows} == {("22.4", "万元"), ("262", "户")}
    row = next(r for r in rows if r["value"] == "22.4")
    assert row["normalized_value"] == 224000.0 and row["normalized_unit"] == "元" and row["line"] == 5
    res = CliRunner().invoke(main, ["indicators", str(f), "--csv"])
    assert res.exit_code == 0 and res.output.startswith("\ufeff单位,报告起行,所在章节,行,")  # BOM for Excel
    assert len(res.output.splitlines()) == 3
