"""Figures of the fictional district set (samples/district/gold.yaml) as the parser reads them:
measure names, kinds, periods and target/actual pairs, with floors.

Measures are matched as the shared scorer does (../shared/tools/score.py): at least half of the
gold name's characters in the predicted name.  Periods are compared except on the lines where the
set plants a wrong year (a `year_mismatch` mistake: the text's year is wrong there and the
checker is the one to say so).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from workreport.pipeline import parse_path

DISTRICT = Path(__file__).resolve().parent.parent / "samples" / "district"
GOLD = yaml.safe_load((DISTRICT / "gold.yaml").read_text(encoding="utf-8"))["compilations"]
# floors: measured 0.912 / 0.944 / 0.900 (measure), 0.99-1.0 (kind), 1.0 (pairs), 0.96-1.0 (period)
FLOORS = {"measure": 0.85, "kind": 0.95, "period": 0.95, "pairs": 0.8}


def _norm(s) -> str:
    return "".join(unicodedata.normalize("NFKC", s or "").split())


@lru_cache(maxsize=None)
def _parsed(name: str):
    return parse_path(DISTRICT / name)


def _scores(comp: dict) -> dict[str, float]:
    parsed = _parsed(comp["file"])
    by_line: dict[int, list] = {}
    for r in parsed.reports:
        for i in r.indicators:
            by_line.setdefault(i.line, []).append(i)
    wrong_year = {m["line"] for r in comp["reports"] for m in r.get("mistakes", []) if m["rule"] == "year_mismatch"}
    n = measure = kind = 0
    n_period = period = 0
    for g in (i for r in comp["reports"] for i in r["indicators"]):
        n += 1
        hits = [i for i in by_line.get(g["line"], ()) if _norm(i.value) == _norm(g["value"]) and _norm(i.unit) == _norm(g["unit"])]
        if not hits:
            continue
        i = hits[0]
        gm = set(_norm(g["measure"]))
        measure += len(gm & set(_norm(i.measure))) / len(gm) >= 0.5
        kind += i.kind == g["kind"]
        if g["line"] not in wrong_year:
            n_period += 1
            period += i.period == g["period"]
    pairs = {(p.line, _norm(p.target.value + p.target.unit), _norm(p.actual.value + p.actual.unit))
             for r in parsed.reports for p in r.pairs}
    gold_pairs = [(p["line"], _norm(p["target"]), _norm(p["actual"])) for r in comp["reports"] for p in r["target_actual_pairs"]]
    return {"measure": measure / n, "kind": kind / n, "period": period / n_period,
            "pairs": (sum(p in pairs for p in gold_pairs) / len(gold_pairs)) if gold_pairs else 1.0}


@pytest.mark.parametrize("comp", GOLD, ids=[c["file"] for c in GOLD])
def test_district_figures_floors(comp):
    got = _scores(comp)
    low = {k: round(v, 3) for k, v in got.items() if v < FLOORS[k]}
    assert not low, (got, FLOORS)


def test_every_target_of_a_plan_section_is_for_the_next_year():
    comp = next(c for c in GOLD if c["format"] == "txt")
    by_line = {(i.line, _norm(i.value)): i for r in _parsed(comp["file"]).reports for i in r.indicators}
    wrong_year = {m["line"] for r in comp["reports"] for m in r.get("mistakes", []) if m["rule"] == "year_mismatch"}
    for g in (i for r in comp["reports"] for i in r["indicators"] if i["kind"] == "target"):
        i = by_line.get((g["line"], _norm(g["value"])))
        if i is not None and g["line"] not in wrong_year:
            assert (i.kind, i.period) == ("target", comp["year"] + 1), (g, i.period, i.period_rule)
