"""The draft checker: rule data examples, each rule on small built reports, and precision on the
dev compilation against a hand-checked list (tests/cases/checks/dev_findings.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest

import yaml

from workreport.check import copies, ordinals, placeholders, punctuation, rates, sections, sums, typos
from workreport.check.run_checks import check_all
from workreport.model import Document, Paragraph, Report, Section

CASES = Path(__file__).parent / "cases" / "checks"
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "compilation_2022_part1.txt"


def make_report(lines: list[str], sections=(), start=1) -> tuple[Document, Report]:
    """A document whose every line is a paragraph of one report."""
    paras = tuple(
        Paragraph(line_start=i, line_end=i, text=t, pieces=((i, 0),)) for i, t in enumerate(lines, start) if t.strip()
    )
    doc = Document(path="t.txt", sha256="", format="txt", encoding="utf-8", lines=tuple([""] * (start - 1) + lines))
    return doc, Report(start_line=start, end_line=start + len(lines) - 1, sections=tuple(sections), paragraphs=paras)


# --- rule data (the examples of checks.yaml and typos.yaml run in test_rule_examples.py) -------

def test_doubled_allow_pattern():
    assert typos.doubled_allowed("一件") and typos.doubled_allowed("研究")
    assert not typos.doubled_allowed("开展")


# --- rules on built reports -------------------------------------------------------------------

def test_placeholders_one_finding_per_line():
    doc, rep = make_report(["共建成xx家,覆盖x.xx万人,发文〔2022〕x号。", "", "全年完成投资3.4亿元。"])
    found = placeholders.check(doc, rep)
    assert [f.line for f in found] == [1]
    assert "共3处" in found[0].message and found[0].severity == "warning"


def test_lost_ordinals_get_their_number_from_the_run():
    lines = ["一、工作情况", "()重点工作推进情况", "正文。", "()创新做法", "二、打算", "()总体思路"]
    secs = [Section(line=1, heading="一、工作情况", ordinal="一", depth=1, role="achievements", end_line=4),
            Section(line=5, heading="二、打算", ordinal="二", depth=1, role="plan", end_line=6)]
    doc, rep = make_report(lines, secs)
    found = [f for f in ordinals.check(doc, rep) if f.rule == "missing_ordinal"]
    assert [(f.line, f.right[:3]) for f in found] == [(2, "(一)"), (4, "(二)"), (6, "(一)")]
    assert all(f.severity == "error" for f in found)


def test_ordinal_cut_from_heading():
    doc, rep = make_report(["2、健全服务网络。", "3", "、职业技能方面,扩大培训规模。"])
    found = ordinals.check(doc, rep)
    assert [(f.rule, f.line) for f in found] == [("broken_ordinal", 2)]


def test_ordinal_sequence_gap_and_repeat():
    kids = tuple(Section(line=i, heading=h, ordinal=o, depth=2, role="other", family="cn_paren", value=v)
                 for i, h, o, v in [(2, "(一)甲", "(一)", 1), (3, "(二)乙", "(二)", 2), (4, "(二)丙", "(二)", 2),
                                    (5, "(四)丁", "(四)", 4)])
    top = Section(line=1, heading="一、工作", ordinal="一", depth=1, role="achievements", children=kids, end_line=5)
    doc, rep = make_report(["一、工作", "(一)甲", "(二)乙", "(二)丙", "(四)丁"], [top])
    found = [f for f in ordinals.check(doc, rep) if f.rule == "ordinal_sequence"]
    # (二) twice: the second is (三), and then (四) is right
    assert [(f.line, f.wrong, f.right) for f in found] == [(4, "(二)", "(三)")]
    doc, rep = make_report(["一、工作", "(一)甲", "(二)乙", "(四)丁"], [Section(
        line=1, heading="一、工作", ordinal="一", depth=1, role="achievements", end_line=4, children=kids[:2] + (
            Section(line=4, heading="(四)丁", ordinal="(四)", depth=2, role="other", family="cn_paren", value=4),))])
    found = [f for f in ordinals.check(doc, rep) if f.rule == "ordinal_sequence"]
    assert [(f.line, f.wrong, f.right, f.span.start) for f in found] == [(4, "(四)", "(三)", 0)]


def test_typos_and_doubled_words_on_lines():
    doc, rep = make_report(["组织开展开展义诊活动,赋子村级组织权限。", "巩固省级文城市成果,互联网%2B监管。"])
    found = typos.check(doc, rep)
    assert {(f.line, f.wrong) for f in found} == {(1, "开展开展"), (1, "赋子"), (2, "文城市"), (2, "%2B")}


def test_arithmetic_rules():
    doc, rep = make_report([
        "共排查问题户20户,已完成整改18户,整改率达80%。",
        "共排查问题户20户,已完成整改18户,整改率达90%。",
        "全年共排查隐患120处,其中整改130处。",
        "收入由100万元增加到120万元,增长25%。",
        "新建公厕20座,改造旱厕40座,任务完成率100%。",
    ])
    from workreport.extract.indicators import extract_indicators
    import dataclasses
    rep = dataclasses.replace(rep, indicators=extract_indicators(rep))
    found = sums.check(doc, rep) + rates.check(doc, rep)
    assert sorted((f.line, f.rule) for f in found) == [(1, "percent_mismatch"), (3, "sum_mismatch"),
                                                       (4, "growth_mismatch")]
    pct = next(f for f in found if f.line == 1)
    assert (pct.wrong, pct.right) == ("80%", "90%") and doc.lines[0][pct.span.start:pct.span.end] == "80%"


def test_unbalanced_quotes():
    doc, rep = make_report(["开展“清洁家园、美化环境,成效明显。", "推行“一站式”服务。"])
    found = punctuation.check(doc, rep)
    assert [f.line for f in found] == [1]


def test_missing_sections():
    secs = [Section(line=1, heading="一、2023年工作总结", ordinal="一", depth=1, role="achievements", end_line=2),
            Section(line=3, heading="二、2024年工作计划", ordinal="二", depth=1, role="plan", end_line=4)]
    doc, rep = make_report(["一、2023年工作总结", "正文。", "二、2024年工作计划", "正文。"], secs)
    found = sections.check(doc, rep)
    assert len(found) == 1 and "存在问题" in found[0].message
    secs2 = secs[:1] + [Section(line=3, heading="二、存在的问题", ordinal="二", depth=1, role="problems", end_line=4)]
    doc, rep = make_report(["一、2022年工作总结", "正文。", "二、存在的问题", "正文。"], secs2)
    assert ["工作计划" in f.message for f in sections.check(doc, rep)] == [True]


def test_copies_reported_in_both_reports():
    shared = "全面推进垃圾分类工作,在各小区设置分类投放点一百二十个,组织志愿者开展桶边督导,居民分类投放准确率明显提升,获得群众广泛好评。"
    doc1, r1 = make_report([shared, "本单位自己的另一段独特文字,讲述完全不同的内容和做法,没有任何重复之处可言。"])
    r2 = Report(start_line=10, end_line=10, paragraphs=(Paragraph(10, 10, shared, ((10, 0),)),))
    r3 = Report(start_line=20, end_line=20, paragraphs=(Paragraph(20, 20, "完全无关的文字内容" * 6, ((20, 0),)),))
    found = copies.find_copies([r1, r2, r3])
    assert [f.line for f in found[0]] == [1] and [f.line for f in found[1]] == [10]
    assert 2 not in found


def test_check_all_fills_findings_sorted():
    doc, rep = make_report(["组织开展开展培训xx次。", "()总体思路"])
    [out] = check_all(doc, [rep])
    assert [f.line for f in out.findings] == sorted(f.line for f in out.findings)
    assert {f.rule for f in out.findings} >= {"typo", "placeholder", "missing_ordinal"}


# --- precision on the dev compilation ----------------------------------------------------------

@pytest.fixture(scope="module")
def dev_findings():
    if not DEV.exists():
        pytest.skip("dev compilation not available")
    from workreport.pipeline import parse_path

    parsed = parse_path(DEV)
    return [f for r in parsed.reports for f in r.findings]


def test_dev_findings_precision(dev_findings):
    """Every finding on the dev file was read and judged by hand; >= 80% must be real problems.

    A finding not in the judged list counts as not real, so new noise lowers the score."""
    judged = yaml.safe_load((CASES / "dev_findings.yaml").read_text(encoding="utf-8"))["findings"]
    real = {(j["line"], j["rule"]) for j in judged if j["real"]}
    got = {(f.line, f.rule) for f in dev_findings}
    precision = len(got & real) / len(got)
    assert precision >= 0.80, f"precision {precision:.2f}; unjudged: {sorted(got - {(j['line'], j['rule']) for j in judged})[:20]}"
    # and the checker still finds most of what was judged real
    assert len(got & real) >= 0.9 * len(real)


def test_check_cli_exit_codes(tmp_path):
    import json

    from click.testing import CliRunner

    from workreport.cli import main

    bad = tmp_path / "draft.txt"
    bad.write_text("2023年工作总结\n\n一、主要工作\n\n组织开展开展培训12次。\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(bad), "--json"])
    assert res.exit_code == 1, res.output
    out = json.loads(res.output)
    hit = [f for f in out["findings"] if f["rule"] == "typo"]
    assert out["contract"] == 1 and hit and hit[0]["line"] == 5 and hit[0]["severity"] == "error"
    assert set(hit[0]) >= {"line", "rule", "severity", "message", "wrong", "right", "report_start_line", "col",
                           "end_col", "rule_id"}
    assert hit[0]["rule_id"] == "typo.doubled_word" and hit[0]["wrong"] == "开展开展" and hit[0]["col"] == 2
    clean = tmp_path / "clean.txt"
    clean.write_text("2023年工作总结\n\n一、主要工作\n\n组织开展培训12次,覆盖群众3000人。\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(clean), "--json"])
    assert res.exit_code == 0, res.output
    assert CliRunner().invoke(main, ["check", str(tmp_path / "missing.txt")]).exit_code == 2


def test_copy_findings_come_in_the_same_order_whatever_the_hash_seed(tmp_path):
    """A paragraph copied into other reports gives several findings on it: their order must not
    follow the order a set of shingles happens to iterate in (it changes with PYTHONHASHSEED, so
    the same file gave different JSON from run to run)."""
    import os
    import subprocess
    import sys

    parts = ["全年组织开展安全生产大检查行动六次排查整改各类隐患一百二十处约谈企业负责人十五人",
             "新建口袋公园四座改造老旧小区管网十八公里惠及居民两千余户群众满意度明显提升",
             "举办职业技能培训班十一期培训农民工和退役军人六百人次推荐就业岗位八百余个",
             "完成农村公路提档升级三十公里新增公交线路两条开通城乡客运班车实现村村通达"]
    other = ["推进数字政府建设上线高频事项一百项实现掌上办理群众办事更加便捷高效省时省力",
             "开展春季植树活动新增绿化面积三百亩修复河道生态岸线五公里水质稳定达到三类",
             "落实河长制巡河一千二百人次清理河道垃圾八十吨整治入河排污口十二个成效明显",
             "组织文艺汇演和送戏下乡四十场次建成村级文化礼堂九家丰富群众精神文化生活"]
    # the first report holds all four parts; each other report swaps one part for its own text,
    # so each shares a different part of the first report's shingles
    paras = ["，".join(parts)] + ["，".join(other[k] if n == k else x for n, x in enumerate(parts)) for k in range(4)]
    units = ["青山区民政局", "青山区住建局", "青山区卫生健康局", "青山区商务局", "青山区交通局"]
    src = tmp_path / "c.txt"
    src.write_text("".join(f"{u}2023年工作总结\n一、主要工作\n{u}坚持以人民为中心。{para}。\n二、下步打算\n"
                           "继续加强监管。\n\n" for u, para in zip(units, paras)), encoding="utf-8")
    code = ("import sys\n"
            "from workreport.check.copies import find_copies\n"
            "from workreport.ingest import read_document\n"
            "from workreport.pipeline import parse\n"
            "out = find_copies(list(parse(read_document(sys.argv[1])).reports))\n"
            "print([(k, f.line, f.message) for k in sorted(out) for f in out[k]])\n")
    runs = [subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(8)]
    assert runs[0].count("照抄") >= 8, runs[0]  # four near-copies of one paragraph, each found at both ends
    assert len(set(runs)) == 1, runs
