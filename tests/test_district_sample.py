"""Data integrity of the fictional district set (samples/district/ and its gold.yaml).

The gold is used by people (the demo) and by later tests (checker recall, tracking); a line
number that drifts after an edit of the text would silently make those measure the wrong thing.
So every line, span, heading and verdict here is checked against the text itself.  The parser
is NOT tested here (only ``workreport text`` is used, to read the .docx as the gold counts it).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DISTRICT = Path(__file__).resolve().parent.parent / "samples" / "district"
GOLD = yaml.safe_load((DISTRICT / "gold.yaml").read_text(encoding="utf-8"))
RULES = {"sum_mismatch", "percent_mismatch", "growth_mismatch", "duplicate_text", "enumeration_gap",
         "enumeration_duplicate", "ordinal_sequence", "placeholder", "year_mismatch", "org_name_variant", "typo"}
LEVELS = {"county_district", "township_street"}
ROLES = {"achievements", "highlights", "problems", "plan", "suggestions", "overview", "other"}
KINDS = {"actual", "target", "rate", "growth", "placeholder"}
_LINES: dict[str, list[str]] = {}


def lines(name: str) -> list[str]:
    if name not in _LINES:
        path = DISTRICT / name
        if path.suffix == ".docx":
            out = subprocess.run([sys.executable, "-m", "workreport", "text", str(path)], capture_output=True,
                                 text=True, check=True).stdout
            _LINES[name] = out.rstrip("\n").split("\n")
        else:
            _LINES[name] = path.read_text(encoding="utf-8").split("\n")
    return _LINES[name]


# The closed domain vocabulary of ../shared/CONTRACT.md (the scorer compares labels exactly).
DOMAINS = set("""政府工作 党的建设 纪检监察 政法 发展改革 工业和信息化 科技 教育 公安 民政 司法行政 财政 人力资源社会保障
自然资源 生态环境 住房城乡建设 城市管理 交通运输 水利 农业农村 林业和园林绿化 商务 投资促进 文化旅游 体育 卫生健康 爱国卫生
健康促进 食品药品安全 市场监管 退役军人事务 应急管理 审计 统计 医疗保障 信访 政务服务和数据 国有资产 残疾人工作 群团工作
街道综合 乡镇综合 垦殖场综合 企业经营 其他""".split())


COMPS = GOLD["compilations"]
REPORTS = [(c, r) for c in COMPS for r in c["reports"]]
_ID = lambda cr: f"{cr[0]['year']}-{cr[1]['key']}-{cr[0]['format']}"  # noqa: E731


def test_files_and_years():
    assert {c["file"] for c in COMPS} == {p.name for p in DISTRICT.iterdir() if p.suffix in (".txt", ".docx")}
    by_year = {}
    for c in COMPS:
        by_year.setdefault(c["year"], set()).update(r["key"] for r in c["reports"])
        assert c["range"] == [1, len(lines(c["file"]))]
    assert by_year[2024] == by_year[2025], "both years have the same units"
    assert 10 <= len(by_year[2024]) <= 15


def test_chrome_lines_are_furniture_not_report_text():
    for c in COMPS:
        text = lines(c["file"])
        for n in c["chrome_lines"]:
            assert text[n - 1].strip(), (c["file"], n)
        covered = set(c["chrome_lines"])
        for r in c["reports"]:
            covered |= set(range(r["start"], r["end"] + 1))
        stray = [n for n, t in enumerate(text, 1) if t.strip() and n not in covered]
        assert not stray, f"{c['file']}: non-blank lines in no report and not furniture: {stray}"


@pytest.mark.parametrize("cr", REPORTS, ids=_ID)
def test_report_frame(cr):
    c, r = cr
    text = lines(c["file"])
    assert text[r["start"] - 1].strip() and text[r["end"] - 1].strip()
    assert r["start"] not in c["chrome_lines"] and r["end"] not in c["chrome_lines"]
    assert r["level"] in LEVELS and r["domain"] in DOMAINS
    assert r["year_reported"] == c["year"] and r["unit"] == r["org"]
    if r["title_line"] is not None:
        assert r["title_line"] == r["start"] and str(r["year_reported"]) in text[r["start"] - 1]
    body = sum(len(text[n - 1]) for n in range(r["start"], r["end"] + 1) if n not in c["chrome_lines"])
    assert 1000 <= body <= 3000, body
    others = [x for x in c["reports"] if x is not r]
    assert all(x["end"] < r["start"] or x["start"] > r["end"] for x in others)


@pytest.mark.parametrize("cr", REPORTS, ids=_ID)
def test_sections_and_plan_items(cr):
    c, r = cr
    text = lines(c["file"])
    roles = [s["role"] for s in r["sections"]]
    assert set(roles) <= ROLES and roles[0] == "achievements" and roles[-1] == "plan" and "problems" in roles
    for s in r["sections"]:
        assert r["start"] <= s["line"] <= r["end"] and text[s["line"] - 1] == s["heading"]
    plan = r["sections"][-1]["line"]
    assert str(r["year_reported"] + 1) in r["sections"][-1]["heading"]
    for p in r["plan_items"]:
        assert plan < p["line"] <= r["end"] and text[p["line"] - 1].startswith(p["text"].rstrip("。"))
    for n in r["page_breaks"]:
        assert not re.search(r"[。；;：:！？!?）)”]$", text[n - 1]), "a page break cuts a sentence"
        assert not text[n].strip() or n + 1 <= r["end"]


@pytest.mark.parametrize("cr", REPORTS, ids=_ID)
def test_indicators_and_pairs(cr):
    c, r = cr
    text = lines(c["file"])
    plan = r["sections"][-1]["line"]
    assert 6 <= len(r["indicators"]) <= 10
    for i in r["indicators"]:
        line = text[i["line"] - 1]
        assert r["start"] <= i["line"] <= r["end"] and i["span"] in line
        assert i["value"] in i["span"] and i["unit"] in i["span"] and i["kind"] in KINDS
        assert (i["kind"] == "target") == (i["line"] > plan)
        assert i["period"] == r["year_reported"] + (1 if i["line"] > plan else 0)
    for p in r["target_actual_pairs"]:
        line = text[p["line"] - 1]
        assert p["target"] in line and p["actual"] in line


def _num(s: str) -> float:
    return float(re.findall(r"\d+(?:\.\d+)?", s)[-1])


@pytest.mark.parametrize("cr", REPORTS, ids=_ID)
def test_planted_mistakes(cr):
    c, r = cr
    text = lines(c["file"])
    assert 1 <= len(r["mistakes"]) <= 2
    assert [(t["line"], t["wrong"]) for t in r["typos"]] == [(m["line"], m["wrong"]) for m in r["mistakes"]]
    for m in r["mistakes"]:
        line = text[m["line"] - 1]
        assert m["rule"] in RULES and r["start"] <= m["line"] <= r["end"]
        assert line.count(m["wrong"]) == 1, (m["wrong"], line)
        if m["rule"] == "sum_mismatch":
            assert round(sum(m["parts"]), 6) != m["total"] and _num(m["wrong"]) == m["total"]
            assert _num(m["right"]) == pytest.approx(sum(m["parts"]))
        elif m["rule"] == "percent_mismatch":
            right = round(100 * m["numerator"] / m["denominator"], 1)
            assert right != m["percent"] and _num(m["wrong"]) == m["percent"] and _num(m["right"]) == right
        elif m["rule"] == "growth_mismatch":
            right = round(100 * (m["new"] / m["old"] - 1), 1)
            assert right != m["percent"] and _num(m["wrong"]) == abs(m["percent"]) and _num(m["right"]) == abs(right)
        elif m["rule"] == "duplicate_text":
            assert m["right"] is None and any(m["wrong"] in text[n - 1] for n in range(r["start"], m["line"]))
        elif m["rule"] == "year_mismatch":
            assert str(r["year_reported"]) in m["right"] or str(r["year_reported"] + 1) in m["right"]
        elif m["rule"] == "placeholder":
            assert m["right"] is None and re.search(r"[xX×○*]", m["wrong"])
        else:
            assert m["right"] and m["right"] != m["wrong"]
    for nm in r["near_misses"]:
        assert nm["text"] in text[nm["line"] - 1]
        assert all(nm["line"] != m["line"] or nm["text"] != m["wrong"] for m in r["mistakes"])


def test_mistake_kinds_cover_the_checker():
    kinds = [m["rule"] for _, r in REPORTS for m in r["mistakes"]]
    assert set(kinds) == RULES
    typo_rows = [m for _, r in REPORTS for m in r["mistakes"] if m["rule"] == "typo"]
    assert any("NOT in typos.yaml" in m["note"] for m in typo_rows)
    assert any("in typos.yaml" in m["note"] and "NOT" not in m["note"] for m in typo_rows)


_SCALE = {"万": 1e4, "亿": 1e8}


def _amount(span: str) -> tuple[float, str]:
    m = list(re.finditer(r"(\d+(?:\.\d+)?)([万亿]?)", span))[-1]
    return float(m.group(1)) * _SCALE.get(m.group(2), 1), span[m.end():m.end() + 1]


@pytest.mark.parametrize("t", GOLD["tracking"], ids=lambda t: t["unit"])
def test_tracking_verdicts(t):
    old = next(c for c in COMPS if c["file"] == t["old"]["file"])
    new = next(c for c in COMPS if c["file"] == t["new"]["file"])
    orep = next(r for r in old["reports"] if r["start"] == t["old"]["report_start"])
    nrep = next(r for r in new["reports"] if r["start"] == t["new"]["report_start"])
    assert orep["key"] == nrep["key"] and nrep["year_reported"] == orep["year_reported"] + 1
    assert {orep["org"], *orep["org_accept"]} & {nrep["org"], *nrep["org_accept"]}, "one unit, named either way"
    oplan, nplan = orep["sections"][-1]["line"], nrep["sections"][-1]["line"]
    for item in t["items"]:
        tl = item["target"]["line"]
        assert oplan < tl <= orep["end"] and item["target"]["span"] in lines(old["file"])[tl - 1]
        if item["actual"] is None:
            assert item["status"] == "no_evidence" and item["margin"] is None
            continue
        al = item["actual"]["line"]
        assert nrep["start"] <= al < nplan, "evidence comes from the results, never the new plan"
        assert item["actual"]["span"] in lines(new["file"])[al - 1]
        tv, tu = _amount(item["target"]["span"])
        av, au = _amount(item["actual"]["span"])
        assert tu == au, item
        assert item["status"] == ("met" if av >= tv else "missed"), item
        scale = _amount(re.findall(r"\d+(?:\.\d+)?[万亿]?", item["target"]["span"])[-1])[0] / _num(item["target"]["span"])
        assert item["margin"] == pytest.approx((av - tv) / scale, abs=1e-9), item
    statuses = {i["status"] for i in t["items"]}
    assert statuses <= {"met", "missed", "no_evidence"}


def test_tracking_has_every_verdict():
    counts = {}
    for t in GOLD["tracking"]:
        for i in t["items"]:
            counts[i["status"]] = counts.get(i["status"], 0) + 1
    assert set(counts) == {"met", "missed", "no_evidence"} and min(counts.values()) >= 8
