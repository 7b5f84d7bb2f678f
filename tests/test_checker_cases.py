"""Data integrity of the checker test set (tests/cases/checker/, schema in its README).

This does NOT run the checker: it proves the set says what it claims, so that a recall or
false-positive figure measured on it later means something.  Every `wrong` is on its line, the
arithmetic a sum/percent/growth case calls wrong really is wrong (and the right figure is the
computed one), the arithmetic of every other case really is right, outline ordinals and 一是…
enumerations are in sequence everywhere except at the one planted mistake, and so on.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases" / "checker"
TYPOS = HERE.parent / "src" / "workreport" / "data" / "typos.yaml"

RULE_OF_KIND = {
    "sum": {"sum_mismatch"}, "percent": {"percent_mismatch"}, "growth": {"growth_mismatch"},
    "duplicate": {"duplicate_text"}, "enumeration": {"enumeration_gap", "enumeration_duplicate"},
    "ordinal": {"ordinal_sequence"}, "placeholder": {"placeholder"}, "year": {"year_mismatch"},
    "org_name": {"org_name_variant"}, "typo": {"typo"},
}
RULES = set().union(*RULE_OF_KIND.values())
ARITH_RULE = {"sum": "sum_mismatch", "percent": "percent_mismatch", "growth": "growth_mismatch"}


def load() -> list[dict]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append({**case, "_file": path.name})
    return out


CASES = load()
MISTAKE_CASES = [c for c in CASES if c["mistakes"]]
CLEAN_CASES = [c for c in CASES if not c["mistakes"]]


def lines(case) -> list[str]:
    return case["text"].split("\n")


# --- numbers as written ----------------------------------------------------------------------

_NUM = re.compile(r"(\d+(?:\.\d+)?)([万亿]?)")


def numbers_in(text: str) -> set[float]:
    """Every figure of a line, as written and with 万/亿 applied (1.86万 -> 1.86 and 18600)."""
    out = set()
    for m in _NUM.finditer(text):
        v = float(m.group(1))
        out.add(round(v, 6))
        if m.group(2):
            out.add(round(v * (1e4 if m.group(2) == "万" else 1e8), 6))
    return out


def decimals(x) -> int:
    """Decimals as written in the case (YAML keeps 25.0 a float, 85 an int)."""
    return 0 if isinstance(x, int) else len(repr(x).split(".")[1])


def fact_ok(f) -> tuple[bool, float | None]:
    """(is the written figure right, the right figure)."""
    if f["type"] == "sum":
        right = round(sum(f["parts"]), 6)
        return abs(right - f["total"]) < 1e-6, right
    if f["type"] == "part":  # 其中 parts: a share of the whole, never more than it
        return sum(f["parts"]) < f["total"], None
    if f["type"] == "percent":
        true = 100 * f["numerator"] / f["denominator"]
    else:  # growth; percent < 0 for 下降
        true = 100 * (f["new"] / f["old"] - 1)
    right = round(true, decimals(f["percent"]))
    if abs(right - f["percent"]) < 1e-9:
        return True, right
    # a planted mistake is off by two or more units of its last written digit, never a rounding quibble
    assert abs(true - f["percent"]) > 1.5 * 10 ** -decimals(f["percent"]), f"{f}: a rounding quibble"
    return False, right


# --- the set as a whole ----------------------------------------------------------------------

def test_counts():
    assert len(MISTAKE_CASES) >= 45 and len(CLEAN_CASES) >= 25
    for kind in RULE_OF_KIND:
        assert sum(c["kind"] == kind for c in MISTAKE_CASES) >= 4, kind
    rules = {m["rule"] for c in MISTAKE_CASES for m in c["mistakes"]}
    assert rules == RULES
    assert {c["kind"] for c in CLEAN_CASES} == set(RULE_OF_KIND), "a clean near-miss for every kind"
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_schema(case):
    assert set(case) <= {"id", "kind", "year", "unit", "text", "mistakes", "arithmetic", "_file"}
    assert case["kind"] in RULE_OF_KIND
    assert case["year"] is None or 2000 <= case["year"] <= 2030
    assert 300 <= len(case["text"].replace("\n", "")) <= 1500
    assert len(case["mistakes"]) <= 1, "exactly one mistake, or none"
    assert case["_file"] == ("clean.yaml" if not case["mistakes"] else f"{case['kind']}.yaml")
    if case["year"] is not None:
        assert str(case["year"]) in case["text"], "the draft says which year it reports"


@pytest.mark.parametrize("case", MISTAKE_CASES, ids=lambda c: c["id"])
def test_mistake_is_on_its_line(case):
    (m,) = case["mistakes"]
    text = lines(case)
    assert 1 <= m["line"] <= len(text)
    assert m["wrong"] and m["wrong"] in text[m["line"] - 1]
    assert m["rule"] in RULE_OF_KIND[case["kind"]]
    assert m["right"] is None or (isinstance(m["right"], str) and m["right"] != m["wrong"])
    if m["rule"] in ("duplicate_text", "placeholder"):
        assert m["right"] is None  # delete the copy / ask the author: nothing to compute
    else:
        assert m["right"], "a replacement is computable for this rule"


# --- arithmetic ------------------------------------------------------------------------------

@pytest.mark.parametrize("case", [c for c in CASES if c.get("arithmetic")], ids=lambda c: c["id"])
def test_arithmetic_is_what_the_case_claims(case):
    text = lines(case)
    wrong_facts = []
    for f in case["arithmetic"]:
        line = text[f["line"] - 1]
        written = [f.get("total")] + f.get("parts", []) + [f.get(k) for k in ("numerator", "denominator", "old", "new")]
        for x in written:
            if x is not None:
                assert round(float(x), 6) in numbers_in(line), f"{x} is not written on line {f['line']}"
        if f["type"] in ("percent", "growth"):
            assert round(abs(f["percent"]), 6) in numbers_in(line)
        ok, right = fact_ok(f)
        if not ok:
            wrong_facts.append((f, right))
    mistakes = [m for m in case["mistakes"] if m["rule"] in ARITH_RULE.values()]
    assert len(wrong_facts) == len(mistakes), f"wrong facts {wrong_facts} vs planted {mistakes}"
    for (f, right), m in zip(wrong_facts, mistakes):
        assert m["rule"] == ARITH_RULE[f["type"]] and m["line"] == f["line"]
        assert float(re.findall(r"\d+(?:\.\d+)?", m["wrong"])[-1]) == pytest.approx(abs(f.get("total", f.get("percent"))))
        assert float(re.findall(r"\d+(?:\.\d+)?", m["right"])[-1]) == pytest.approx(abs(right)), "right = computed figure"
        assert m["wrong"].replace(re.findall(r"\d+(?:\.\d+)?", m["wrong"])[-1], "") == \
            m["right"].replace(re.findall(r"\d+(?:\.\d+)?", m["right"])[-1], ""), "only the figure changes"


@pytest.mark.parametrize("case", [c for c in MISTAKE_CASES if c["kind"] in ARITH_RULE], ids=lambda c: c["id"])
def test_arithmetic_mistakes_record_their_numbers(case):
    assert any(f["type"] == case["kind"] and f["line"] == case["mistakes"][0]["line"] for f in case["arithmetic"])


def test_clean_arithmetic_near_misses():
    facts = [f for c in CLEAN_CASES for f in c.get("arithmetic", [])]
    kinds = {f["type"] for f in facts}
    assert {"sum", "part", "percent", "growth"} <= kinds
    assert any(f["type"] == "growth" and f["percent"] < 0 for f in facts), "a correct 下降"


# --- sequences: ordinals and 一是… -----------------------------------------------------------

CN = "一二三四五六七八九十"
_LEVELS = (
    (re.compile(r"^([一二三四五六七八九十]+)、"), 1),
    (re.compile(r"^（([一二三四五六七八九十]+)）"), 2),
    (re.compile(r"^(\d+)[.．、]"), 3),
    (re.compile(r"^（(\d+)）"), 4),
)


def _value(tok: str) -> int:
    return int(tok) if tok.isdigit() else CN.index(tok) + 1 if len(tok) == 1 else 10 + (CN.index(tok[1]) + 1 if len(tok) > 1 else 0)


def _render(level: int, n: int) -> str:
    return {1: f"{CN[n - 1]}、", 2: f"（{CN[n - 1]}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def ordinal_breaks(case) -> list[tuple[int, str, str]]:
    """(line, written ordinal, expected ordinal) wherever an outline ordinal is out of sequence."""
    last = {}
    out = []
    for n, line in enumerate(lines(case), 1):
        for rx, level in _LEVELS:
            m = rx.match(line)
            if not m:
                continue
            v = _value(m.group(1))
            want = last.get(level, 0) + 1
            if v != want:
                out.append((n, m.group(0), _render(level, want)))
            last[level] = want if v != want else v
            for deeper in [k for k in last if k > level]:
                del last[deeper]
            break
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_ordinals_in_sequence_except_the_planted_one(case):
    breaks = ordinal_breaks(case)
    planted = [m for m in case["mistakes"] if m["rule"] == "ordinal_sequence"]
    assert len(breaks) == len(planted), breaks
    for m, (n, written, expected) in zip(planted, breaks):
        assert m["line"] == n and m["wrong"].startswith(written) and m["right"].startswith(expected)


def test_ordinal_cases_cover_every_level():
    levels = set()
    for c in MISTAKE_CASES:
        for m in c["mistakes"]:
            if m["rule"] == "ordinal_sequence":
                levels |= {lv for rx, lv in _LEVELS if rx.match(m["wrong"])}
    assert levels == {1, 2, 3, 4}


_ENUM = re.compile(r"([一二三四五六七八九十])是")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_enumerations_complete_except_the_planted_one(case):
    planted = {m["line"]: m for m in case["mistakes"] if m["rule"].startswith("enumeration_")}
    for n, line in enumerate(lines(case), 1):
        seq = [CN.index(x) + 1 for x in _ENUM.findall(line)]
        if n not in planted:
            assert seq == list(range(1, len(seq) + 1)), (n, seq)
            continue
        m = planted[n]
        bad = next(i for i, v in enumerate(seq) if v != i + 1)
        assert m["wrong"].startswith(f"{CN[seq[bad] - 1]}是") and m["right"].startswith(f"{CN[bad]}是")
        assert m["wrong"][2:] == m["right"][2:]
        kind = "enumeration_duplicate" if seq[bad] in seq[:bad] else "enumeration_gap"
        assert m["rule"] == kind
    rules = {m["rule"] for c in MISTAKE_CASES for m in c["mistakes"]}
    assert {"enumeration_gap", "enumeration_duplicate"} <= rules


# --- the other kinds -------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"[xX]{2}|X\.X|××|○○|\*")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_placeholders_only_where_planted(case):
    planted = [m for m in case["mistakes"] if m["rule"] == "placeholder"]
    for n, line in enumerate(lines(case), 1):
        hits = _PLACEHOLDER.findall(line)
        mine = [m for m in planted if m["line"] == n]
        if mine:
            assert hits and _PLACEHOLDER.search(mine[0]["wrong"])
        else:
            assert not hits, (n, hits)


@pytest.mark.parametrize("case", [c for c in MISTAKE_CASES if c["kind"] == "duplicate"], ids=lambda c: c["id"])
def test_duplicate_repeats_earlier_text(case):
    (m,) = case["mistakes"]
    earlier = "\n".join(lines(case)[: m["line"] - 1])
    assert len(m["wrong"]) >= 15 and m["wrong"] in earlier


@pytest.mark.parametrize("case", [c for c in MISTAKE_CASES if c["kind"] == "year"], ids=lambda c: c["id"])
def test_year_mistakes(case):
    (m,) = case["mistakes"]
    wy = {int(y) for y in re.findall(r"20\d\d", m["wrong"])}
    ry = {int(y) for y in re.findall(r"20\d\d", m["right"])}
    assert len(wy) == len(ry) == 1 and wy != ry
    assert ry <= {case["year"], case["year"] + 1}, "the review's year or the plan's (next) year"


@pytest.mark.parametrize("case", [c for c in MISTAKE_CASES if c["kind"] == "org_name"], ids=lambda c: c["id"])
def test_org_name_variant(case):
    (m,) = case["mistakes"]
    assert m["right"] == case["unit"] and m["right"] in case["text"].replace(m["wrong"], "")


def test_typo_cases_in_and_out_of_the_typo_table():
    table = TYPOS.read_text(encoding="utf-8")
    flags = []
    for c in MISTAKE_CASES:
        for m in c["mistakes"]:
            if m["rule"] == "typo":
                assert isinstance(m.get("in_table"), bool), c["id"]
                assert len(m["wrong"]) == len(m["right"]) and sum(a != b for a, b in zip(m["wrong"], m["right"])) == 1
                # a table typo is one of the table's own examples
                assert (m["wrong"] in table) == m["in_table"], (c["id"], m)
                flags.append(m["in_table"])
    assert flags.count(True) >= 2 and flags.count(False) >= 2
