"""Leftover placeholders (xx, ×× in numbers, names, document numbers).

One finding per line, listing every placeholder on it, so an anonymised text does not drown
the user; a report where most lines carry placeholders gets one summary note at its start.
"""
from __future__ import annotations

from ..model import Document, Finding, Report, Span
from .common import Joined, limit, message, patterns, report_lines

SUMMARY_SHARE = limit("check.placeholder.summary_share")  # above it the report reads as a template
SUMMARY_MIN = limit("check.placeholder.summary_min")
SHOWN = int(limit("check.placeholder.shown"))


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    out: list[Finding] = []
    j = Joined(lines)
    by_line: dict[int, list[tuple[int, int]]] = {}
    rids: dict[tuple[int, int], str] = {}
    for rid, pat, _ in patterns("checks", "placeholder"):
        for m in pat.finditer(j.norm):
            ln, col = j.locate(m.start())
            by_line.setdefault(ln, []).append((col, col + m.end() - m.start()))
            rids[(ln, col)] = rid
    texts = {ln: text for ln, text, _ in lines}
    for ln in sorted(by_line):
        text, spans = texts[ln], sorted(by_line[ln])
        shown = message("placeholder.separator").join(dict.fromkeys(text[a:b] for a, b in spans[:SHOWN]))
        more = message("placeholder.more", n=len(spans)) if len(spans) > 1 else ""
        out.append(Finding(
            line=ln, rule="placeholder", severity="warning",
            message=message("placeholder", shown=shown, more=more),
            wrong=text[spans[0][0]:spans[0][1]], right=None, span=Span(*spans[0]), rule_id=rids[(ln, spans[0][0])],
        ))
    if lines and len(out) > SUMMARY_SHARE * len(lines) and len(out) >= SUMMARY_MIN:
        out.insert(0, Finding(
            line=report.start_line, rule="placeholder", severity="info",
            message=message("placeholder.summary", n=len(lines), m=len(out)), rule_id="check.placeholder.summary",
        ))
    return out
