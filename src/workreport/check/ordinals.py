"""Lost or broken ordinals: "()" headings, gaps and repeats in a sequence, an ordinal cut away
from its heading text."""
from __future__ import annotations

from bisect import bisect_right

from ..model import Document, Finding, Report, Section, walk_sections
from ..structure.headings import render_ordinal
from .common import message, patterns, report_lines


def _lost(doc: Document, report: Report, lines) -> list[Finding]:
    by_line = {s.line: s for s in walk_sections(report.sections)}
    tops = [(s.line, s.end_line or s.line) for s in report.sections]
    starts = [a for a, _ in tops]
    out = []
    run = 0  # position among consecutive lost "()" headings, for a suggestion when the outline has none
    last_top = None
    for ln, text, nt in lines:
        for rid, pat, _ in patterns("checks", "lost_ordinal"):
            m = pat.match(nt)
            if not m:
                continue
            sec = by_line.get(ln)
            k = bisect_right(starts, ln) - 1  # the top-level section holding this line
            chain_top = tops[k][0] if k >= 0 and ln <= tops[k][1] else None
            if chain_top != last_top:
                run, last_top = 0, chain_top
            run += 1
            right_ord = (sec.inferred_ordinal if sec and sec.inferred_ordinal else render_ordinal("cn_paren", run))
            wrong = text[m.start():m.end()].strip()
            out.append(Finding(
                line=ln, rule="missing_ordinal", severity="error",
                message=message("missing_ordinal", wrong=wrong, right=right_ord),
                wrong=text.strip()[:20], right=(right_ord + text[m.end():].strip())[:20],
            ))
    return out


def _cut(lines) -> list[Finding]:
    out = []
    for (ln, text, nt), nxt in zip(lines, lines[1:] + [None]):
        if not any(p.match(nt) for _, p, _ in patterns("checks", "bare_ordinal")):
            continue
        if nxt and any(p.match(nxt[2]) for _, p, _ in patterns("checks", "ordinal_tail")):
            out.append(Finding(
                line=ln, rule="broken_ordinal", severity="warning",
                message=message("broken_ordinal", ordinal=text.strip(), line=nxt[0]),
                wrong=text.strip(), right=(text.strip() + nxt[1].strip())[:20],
            ))
    return out


def _sequence(report: Report) -> list[Finding]:
    """Gaps and repeats among siblings of one family (one, two, four; a number twice)."""
    out = []

    def visit(children: tuple[Section, ...]):
        by_family: dict[str, list[Section]] = {}
        for s in children:
            if s.value is not None and s.family:
                by_family.setdefault(s.family, []).append(s)
        for fam in by_family.values():
            for prev, cur in zip(fam, fam[1:]):
                if cur.value == prev.value + 1:
                    continue
                if cur.value == prev.value:
                    what = message("ordinal_repeat", ordinal=cur.ordinal, line=prev.line)
                elif cur.value > prev.value + 1:
                    what = message("ordinal_skip", ordinal=cur.ordinal, prev=prev.ordinal, line=prev.line)
                else:
                    continue  # a restart is a new list, not an error
                out.append(Finding(line=cur.line, rule="ordinal_sequence", severity="warning", message=what,
                                   wrong=cur.ordinal, right=None))
        for s in children:
            visit(s.children)

    visit(report.sections)
    return out


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    return _lost(doc, report, lines) + _cut(lines) + _sequence(report)
