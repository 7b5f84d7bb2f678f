"""Shape and vocabulary of the genre cases (tests/cases/genre), so a malformed case fails
here and not later in the stage that runs it."""
import pathlib
import re

import pytest
import yaml

CASES = pathlib.Path(__file__).parent / "cases" / "genre"
CONTRACT = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "CONTRACT.md"

LEVELS = {"national", "province", "city", "county_district", "township_street", "enterprise_other"}
ROLES = {"achievements", "highlights", "problems", "plan", "suggestions", "overview", "other"}
GENRES = {"summary", "summary_plan", "plan", "gov_report", "debrief", "report_up"}
LINE_KEYS = {"opening": bool, "title": bool, "furniture": bool, "heading": bool, "top_level": bool,
             "ordinal": str, "role": str, "org": (str, type(None)), "level": str, "domain": str,
             "domain_accept": list, "year": (int, type(None)), "genre": str}
BLOCK_KEYS = {"starts": list, "furniture_lines": list, "reports": list}
REPORT_KEYS = {"org", "level", "domain", "domain_accept", "year", "end"}
FILES = ["openings.yaml", "titles.yaml", "furniture.yaml", "headings.yaml", "blocks.yaml"]

# The closed domain vocabulary of ../shared/CONTRACT.md, copied because the contract is not
# beside every checkout; test_domain_list_matches_contract keeps the copy honest where it is.
DOMAINS = {
    "政府工作", "党的建设", "纪检监察", "政法", "发展改革", "工业和信息化", "科技", "教育", "公安", "民政",
    "司法行政", "财政", "人力资源社会保障", "自然资源", "生态环境", "住房城乡建设", "城市管理", "交通运输",
    "水利", "农业农村", "林业和园林绿化", "商务", "投资促进", "文化旅游", "体育", "卫生健康", "爱国卫生",
    "健康促进", "食品药品安全", "市场监管", "退役军人事务", "应急管理", "审计", "统计", "医疗保障", "信访",
    "政务服务和数据", "国有资产", "残疾人工作", "群团工作", "街道综合", "乡镇综合", "垦殖场综合", "企业经营", "其他",
}


def _load(name):
    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


def _all_cases():
    return [(name, case) for name in FILES for case in _load(name)]


def test_domain_list_matches_contract():
    if not CONTRACT.exists():
        pytest.skip("../shared/CONTRACT.md not on this machine")
    text = CONTRACT.read_text(encoding="utf-8")
    block = text.split("gets its 综合 label:", 1)[1].split("(城管", 1)[0]
    assert DOMAINS == {w.strip() for w in re.split(r"[·\n]", block) if w.strip()}


def test_ids_unique_and_enough_cases():
    ids = [case["id"] for _, case in _all_cases()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 40
    # every file has counter-examples next to its examples
    for name in FILES[:4]:
        assert any(".not." in c["id"] for c in _load(name)), name


def _check_common(case):
    assert set(case) <= {"id", "input", "expect", "why"}, case["id"]
    assert isinstance(case["input"], str) and case["input"].strip(), case["id"]


def _check_value(key, value, where):
    if key == "level":
        assert value in LEVELS, where
    elif key == "domain":
        assert value in DOMAINS, where
    elif key == "domain_accept":
        assert value and set(value) <= DOMAINS, where
    elif key == "role":
        assert value in ROLES, where
    elif key == "genre":
        assert value in GENRES, where


@pytest.mark.parametrize("name", FILES[:4])
def test_line_cases(name):
    for case in _load(name):
        _check_common(case)
        assert "\n" not in case["input"].strip(), case["id"]
        exp = case["expect"]
        assert exp, case["id"]
        for key, value in exp.items():
            assert key in LINE_KEYS, (case["id"], key)
            assert isinstance(value, LINE_KEYS[key]) and not (LINE_KEYS[key] is int and isinstance(value, bool)), (case["id"], key)
            _check_value(key, value, (case["id"], key))
        if "domain_accept" in exp and "domain" in exp:
            assert exp["domain"] in exp["domain_accept"], case["id"]


def test_block_cases():
    for case in _load("blocks.yaml"):
        _check_common(case)
        lines = case["input"].rstrip("\n").split("\n")
        exp = case["expect"]
        assert set(exp) == set(BLOCK_KEYS), case["id"]
        starts, furniture, reports = exp["starts"], exp["furniture_lines"], exp["reports"]
        n = len(lines)
        assert starts == sorted(set(starts)) and all(1 <= s <= n for s in starts), case["id"]
        assert all(1 <= f <= n and lines[f - 1].strip() for f in furniture), case["id"]
        assert not set(starts) & set(furniture), case["id"]
        assert len(reports) == len(starts), case["id"]
        for i, (start, rep) in enumerate(zip(starts, reports)):
            assert set(rep) <= REPORT_KEYS, case["id"]
            for key, value in rep.items():
                _check_value(key, value, (case["id"], key))
            if "end" in rep:
                nxt = starts[i + 1] if i + 1 < len(starts) else n + 1
                assert start <= rep["end"] < nxt and rep["end"] not in furniture, case["id"]
                assert lines[rep["end"] - 1].strip(), case["id"]
