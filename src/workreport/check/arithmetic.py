"""Arithmetic that a careful reader would redo: parts against their total, a rate against its
parts, a growth rate against the two values it is computed from.  Only plain Arabic numbers
with the same unit in one sentence are compared; anything less explicit is left alone."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Finding, Report
from .. import rules
from .common import limit, message, patterns, report_lines

_SENT = rules.pattern("checks", "check.sentence")
_DIGIT = re.compile(r"\d")
RATE_TOLERANCE = limit("check.arith.rate_tolerance")
GROWTH_TOLERANCE = limit("check.arith.growth_tolerance")
_STEM = int(limit("check.arith.rate_stem_chars"))
_PART_WINDOW = int(limit("check.arith.part_window"))
_TOTAL_WINDOW = int(limit("check.arith.total_window"))


@lru_cache(maxsize=None)
def _pat(rid: str) -> re.Pattern:
    return next(p for i, p, _ in patterns("checks", "arithmetic") if i == rid)


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _part_total(ln: int, s: str) -> list[Finding]:
    out = []
    for m in _pat("check.arith.part_total").finditer(s):
        total, part = float(m["total"]), float(m["part"])
        if part > total:
            out.append(Finding(line=ln, rule="arithmetic", severity="error",
                               message=message("arithmetic.part_exceeds_total", part=m["part"], total=m["total"],
                                               unit=m["unit"], diff=_fmt(part - total)),
                               wrong=m.group(), right=None))
    return out


def _growth(ln: int, s: str) -> list[Finding]:
    out = []
    for m in _pat("check.arith.growth").finditer(s):
        a, b, g = float(m["a"]), float(m["b"]), float(m["g"])
        if a <= 0:
            continue
        real = (b - a) / a * 100
        if abs(real - g) > GROWTH_TOLERANCE:
            out.append(Finding(line=ln, rule="arithmetic", severity="error",
                               message=message("arithmetic.growth", stated=_fmt(g), a=m["a"], b=m["b"], unit=m["unit"],
                                               real=_fmt(real), diff=_fmt(g - real)),
                               wrong=f"{m['g']}%", right=f"{_fmt(real)}%"))
    return out


def _rate(ln: int, s: str) -> list[Finding]:
    """A stated rate against its parts: the count after the rate's own verb (what was fixed)
    over the count after a total cue (what was found), same unit, same sentence."""
    out = []
    total_cue = _pat("check.arith.total_cue")
    counts = [(m.start(), float(m["n"]), m["unit"], m.group()) for m in _pat("check.arith.rate_parts").finditer(s)]
    for m in _pat("check.arith.rate").finditer(s):
        stem = m["name"][-_STEM - 1:-1]  # the verb before the rate word
        if len(stem) < _STEM:
            continue
        before = [c for c in counts if c[0] < m.start()]
        parts = [c for c in before if stem in s[max(0, c[0] - _PART_WINDOW):c[0]]]
        totals = [c for c in before if total_cue.search(s[max(0, c[0] - _TOTAL_WINDOW):c[0]]) and c not in parts]
        if len(parts) != 1 or len(totals) != 1 or parts[0][2] != totals[0][2] or totals[0][1] <= 0:
            continue
        (_, part, _, tp), (_, total, _, tt) = parts[0], totals[0]
        real = part / total * 100
        rate = float(m["rate"])
        if abs(real - rate) > RATE_TOLERANCE:
            out.append(Finding(line=ln, rule="arithmetic", severity="error",
                               message=message("arithmetic.rate", name=m["name"], stated=m["rate"], part=tp, total=tt,
                                               real=_fmt(real), diff=_fmt(rate - real)),
                               wrong=f"{m['rate']}%", right=f"{_fmt(real)}%"))
    return out


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    out: list[Finding] = []
    for ln, _, nt in lines:
        if not _DIGIT.search(nt):
            continue
        for sm in _SENT.finditer(nt):
            s = sm.group()
            if not _DIGIT.search(s):
                continue
            out += _part_total(ln, s) + _growth(ln, s) + _rate(ln, s)
    return out
