"""One measure compared across bodies and years, built for the question an office asks: what did
each body achieve in year Y, against what target?

The input is ``Store.compare_rows``: every figure of the measure (and its listed synonyms), each
with the year it is about (``period``) and how (``period_kind``).  The answer:

* ``table``: one row per body, one column per *period* year (never the year of the report that
  states it), each cell the actual and the target of that year and their difference — in
  百分点 for rates (5.4% against a 5% target is 0.4 个百分点, not 0.4%).  Only annual (and
  year-end) figures go in these columns.
* ``apart``: multi-year totals (五年累计) and figures to a date (1-11月, 上半年), listed apart: they
  are not one year's figure and must never sit in a year column.
* ``bar``: one year, the bodies sorted by their actual (the year asked for, else the latest year
  most bodies report); ``bars``: the same for every year (the page switches between them).
  ``line``: actuals over the years, only for a few bodies (a line per
  body stops being readable past ``MAX_LINES``).
* ``rows``: every figure, for the detail list and the downloads, with its period.

One unit per comparison: the one most figures are in (after normalising 万人 and 人 alike);
figures in another unit stay in ``rows`` and are counted in ``other_unit``.  Pure functions of
row dicts; ``Library.compare`` calls ``compare``.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from typing import Any, Iterable

from ..extract.difference import difference_unit
from ..rules import pattern
from ..structure import names

_FILE_YEAR = pattern("library", "comparison.file_year")
MAX_LINES = 8  # bodies a line chart still shows legibly
ANNUAL = ("annual", "point")  # period kinds that are one year's figure
ACTUAL_KINDS = ("actual", "rate", "growth")


def org_label(row: dict) -> str:
    """The body a figure belongs to: the report's org, else its file's name (not always found).
    An org that leaves its place unsaid (我局, 区统计局) carries its file's name too, less the
    file's years: two districts' statistics bureaus are two rows of a comparison, never one, and
    one district's compilations of two years still give one row."""
    doc = os.path.splitext(os.path.basename(row.get("document") or ""))[0]
    org = row.get("org")
    if not org:
        return doc or "（未知单位）"
    if not names.placeless(org):
        return org
    key = _FILE_YEAR.sub("", doc)
    return f"{org}（{key or doc}）" if doc else org


def role_of(row: dict) -> str | None:
    """"target", "actual", or None (a placeholder, nothing to compare)."""
    kind = row.get("kind")
    if kind == "target":
        return "target"
    return "actual" if kind in ACTUAL_KINDS else None


def _scale(rows: list[dict]) -> tuple[str, str | None, dict[str, float]]:
    """(the unit shown, the normalised unit it stands for, factor of each written unit to it)."""
    norm_units = Counter(r.get("normalized_unit") or r.get("unit") or "" for r in rows if r.get("number") is not None)
    if not norm_units:
        return "", None, {}
    base = norm_units.most_common(1)[0][0]
    mine = [r for r in rows if (r.get("normalized_unit") or r.get("unit") or "") == base and r.get("number") is not None]
    shown = Counter(r.get("unit") or "" for r in mine).most_common(1)[0][0]
    factors: dict[str, float] = {}
    for r in mine:
        nv = r.get("normalized_value")
        if nv is not None and r["number"]:
            factors.setdefault(r.get("unit") or "", nv / r["number"])
    return shown, base, factors


def _value(row: dict, shown: str, base: str | None, factors: dict[str, float]) -> float | None:
    """The figure in the unit shown; None when it is in another unit."""
    if row.get("number") is None or (row.get("normalized_unit") or row.get("unit") or "") != base:
        return None
    unit = row.get("unit") or ""
    if unit == shown or unit not in factors or shown not in factors:
        return row["number"] if unit == shown else None
    return round(row["number"] * factors[unit] / factors[shown], 6)


def _preference(row: dict, role: str) -> tuple:
    """Which of several figures for one cell is shown: a target stated in the report of its own
    year (预期目标), an actual from the latest report (a later review states the final figure,
    an earlier one an estimate); then document order."""
    period, year = row.get("period"), row.get("year")
    if role == "target":
        return (year != period, -(year or 0), row.get("line") or 0)
    return (-(year or 0), row.get("line") or 0)


def _cell(row: dict, value: float, others: list[tuple[float, dict]]) -> dict:
    return {"value": value, "text": row.get("span") or "", "phrase": row.get("measure_phrase") or row.get("measure"),
            "measure": row.get("measure"), "line": row.get("line"), "report_id": row.get("report_id"),
            "document": row.get("document"), "report_year": row.get("year"), "period_kind": row.get("period_kind"),
            "others": [{"value": v, "line": o.get("line"), "report_id": o.get("report_id"), "text": o.get("span")}
                       for v, o in others],
            "conflict": any(abs(v - value) > 1e-9 for v, _ in others)}


def compare(rows: Iterable[dict], *, year: int | None = None) -> dict[str, Any]:
    """The comparison of one measure's figures (``Store.compare_rows`` dicts)."""
    rows = [dict(r) for r in rows]
    shown, base, factors = _scale(rows)
    diff_unit = difference_unit(shown)
    candidates: dict[tuple[str, int, str], list[tuple[float, dict]]] = defaultdict(list)
    apart, unplaced, other_unit = [], 0, 0
    levels: dict[str, str | None] = {}
    for r in rows:
        r["org_label"] = org_label(r)
        role = role_of(r)
        value = _value(r, shown, base, factors)
        r["shown_value"] = value
        if role is None:
            continue
        if value is None:
            other_unit += 1
            continue
        kind = r.get("period_kind")
        if r.get("period") is None or kind is None:
            unplaced += 1
            continue
        if kind not in ANNUAL:
            apart.append({"org": r["org_label"], "role": role, "period": r.get("period"),
                          "period_end": r.get("period_end"), "period_kind": kind, **_cell(r, value, [])})
            continue
        levels.setdefault(r["org_label"], r.get("level"))
        candidates[(r["org_label"], int(r["period"]), role)].append((value, r))
    cells: dict[tuple[str, int], dict[str, Any]] = defaultdict(dict)
    for (org, period, role), found in candidates.items():
        found.sort(key=lambda vr: _preference(vr[1], role))
        cells[(org, period)][role] = _cell(found[0][1], found[0][0], found[1:])
    for c in cells.values():
        if "actual" in c and "target" in c:
            c["gap"] = round(c["actual"]["value"] - c["target"]["value"], 4)
    years = sorted({y for _, y in cells})
    orgs = sorted({o for o, _ in cells})
    table = [{"org": o, "level": levels.get(o), "cells": {str(y): cells[(o, y)] for y in years if (o, y) in cells}}
             for o in orgs]
    apart.sort(key=lambda a: (a["org"], a["period"] or 0, a["role"]))
    return {"unit": shown, "difference_unit": diff_unit, "years": years, "orgs": orgs, "table": table,
            "apart": apart, "bar": _bar(cells, years, year), "bars": [_bar(cells, years, y) for y in years],
            "line": _line(cells, years, orgs),
            "rows": rows, "unplaced": unplaced, "other_unit": other_unit}


def _bar(cells: dict, years: list[int], year: int | None) -> dict[str, Any] | None:
    """One year's actuals (and targets) per body, largest actual first."""
    if not years:
        return None
    with_actual = Counter(y for (_, y), c in cells.items() if "actual" in c)
    if year is None or year not in years:
        year = max(years, key=lambda y: (with_actual[y], y))
    items = [{"org": o, "actual": (c.get("actual") or {}).get("value"), "target": (c.get("target") or {}).get("value")}
             for (o, y), c in cells.items() if y == year]
    items.sort(key=lambda i: (i["actual"] is None, -(i["actual"] or 0), -(i["target"] or 0), i["org"]))
    return {"year": year, "items": items, "years": years}


def _line(cells: dict, years: list[int], orgs: list[str]) -> dict[str, Any]:
    """Actuals over the years, one line per body; only for a few bodies and more than one year."""
    if len(years) < 2:
        return {"shown": False, "reason": "years"}
    if len(orgs) > MAX_LINES:
        return {"shown": False, "reason": "orgs", "max": MAX_LINES}
    series = [{"org": o, "data": [(cells.get((o, y), {}).get("actual") or {}).get("value") for y in years]}
              for o in orgs]
    return {"shown": True, "years": years, "series": [s for s in series if any(v is not None for v in s["data"])]}
