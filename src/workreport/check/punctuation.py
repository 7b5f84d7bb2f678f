"""Unbalanced brackets and quotes (per paragraph), mixed half/full-width commas in one report."""
from __future__ import annotations

from .. import rules
from ..model import Document, Finding, Report
from .common import limit, message, report_lines

MIN_COMMAS = limit("check.punct.min_commas")
MINORITY = limit("check.punct.minority")
_COMMAS = rules.entry("checks", "check.comma_widths")
_HALF, _FULL = _COMMAS["half"], _COMMAS["full"]


def _balance(report: Report) -> list[Finding]:
    out = []
    pairs = rules.load("checks")["pairs"]
    for p in report.paragraphs:
        t = p.norm_text
        for e in pairs:
            o, c = e["open"], e["close"]
            if t.count(o) == t.count(c):
                continue  # balanced counts: a close before its open is too rare to pay a scan for
            depth, bad = 0, None
            for i, ch in enumerate(t):
                if ch == o:
                    depth += 1
                elif ch == c:
                    depth -= 1
                    if depth < 0:
                        bad = (i, message("unbalanced.close_without_open", open=o, close=c))
                        break
            if bad is None and depth > 0:
                bad = (t.rfind(o), message("unbalanced.never_closed", open=o))
            if bad is None:
                continue
            # A lost-ordinal heading "()" is balanced; an item marker like "1)" is a genre habit.
            if o == "(" and depth < 0 and t[: bad[0]].strip().isdigit():
                continue
            line, col = p.line_at(bad[0])
            out.append(Finding(line=line, rule="unbalanced_pair", severity="warning",
                               message=bad[1], wrong=p.text[max(0, bad[0] - 6):bad[0] + 6],
                               right=None))
    return out


def _width(lines) -> list[Finding]:
    half = full = 0
    first_half = first_full = None
    for ln, text, _ in lines:
        h, f = text.count(_HALF), text.count(_FULL)
        half += h
        full += f
        if h and first_half is None:
            first_half = ln
        if f and first_full is None:
            first_full = ln
    total = half + full
    if total < MIN_COMMAS or min(half, full) < MINORITY * total:
        return []
    minority_line = first_half if half < full else first_full
    return [Finding(line=minority_line, rule="mixed_width", severity="info",
                    message=message("mixed_width", half=half, full=full),
                    wrong=_HALF if half < full else _FULL, right=_FULL if half < full else _HALF)]


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    return _balance(report) + _width(lines)
