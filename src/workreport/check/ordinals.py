"""Lost or broken ordinals: "()" headings, gaps and repeats in a sequence, an ordinal cut away
from its heading text."""
from __future__ import annotations

from bisect import bisect_right

from .. import numerals
from ..model import Document, Finding, Report, Section, Span, walk_sections
from ..structure.headings import FAMILIES, render_ordinal
from .common import message, patterns, report_lines

_INLINE = ("cn_shi",)  # inline ordinal items ("first is…"): checked as inline enumerations


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
            a = m.start() + len(text[m.start():m.end()]) - len(text[m.start():m.end()].lstrip())
            b = a + len(text[a:m.end()].rstrip())
            wrong = text[a:b]
            out.append(Finding(
                line=ln, rule="missing_ordinal", severity="error",
                message=message("missing_ordinal", wrong=wrong, right=right_ord),
                wrong=wrong, right=right_ord, span=Span(a, b), rule_id=rid,
            ))
    return out


def _cut(lines) -> list[Finding]:
    out = []
    for (ln, text, nt), nxt in zip(lines, lines[1:] + [None]):
        if not any(p.match(nt) for _, p, _ in patterns("checks", "bare_ordinal")):
            continue
        if nxt and any(p.match(nxt[2]) for _, p, _ in patterns("checks", "ordinal_tail")):
            a = len(text) - len(text.lstrip())
            out.append(Finding(
                line=ln, rule="broken_ordinal", severity="warning",
                message=message("broken_ordinal", ordinal=text.strip(), line=nxt[0]),
                wrong=text.strip(), right=(text.strip() + nxt[1].strip())[:20],
                span=Span(a, a + len(text.strip())), rule_id="check.bare_ordinal",
            ))
    return out


def _ordinal_at(text: str, nt: str, family: str) -> tuple[int, int, int, int] | None:
    """(start, end) of a heading line's ordinal as written (its marks included) and (start, end)
    of the numeral inside it, found with the family's own pattern."""
    lead = len(nt) - len(nt.lstrip())
    for f in FAMILIES:
        if f.family != family or f.lost:
            continue
        m = f.pattern.match(nt[lead:])
        if m:
            return lead + m.start(), lead + m.end(), lead + m.start(1), lead + m.end(1)
    return None


def _renumbered(text: str, nt: str, family: str, value: int) -> tuple[Span, str, str] | None:
    """(span, wrong, right) replacing the numeral of a heading's ordinal by ``value``, written as
    the line writes it (Chinese numerals stay Chinese, brackets and marks stay)."""
    at = _ordinal_at(text, nt, family)
    if at is None:
        return None
    a, b, na, nb = at
    b = len(text[:b].rstrip()) if text[a:b].strip() else b
    numeral = numerals.to_chinese(value) if not nt[na:nb].isdigit() else str(value)
    return Span(a, b), text[a:b], text[a:na] + numeral + text[nb:b]


def _sequence(doc: Document, report: Report) -> list[Finding]:
    """Gaps and repeats among siblings of one family (headings one, two, four; a bracketed two
    twice), with the ordinal that belongs there.  Inline lists ("first is…") are enumerations.py's."""
    out = []

    def visit(children: tuple[Section, ...]):
        by_family: dict[str, list[Section]] = {}
        for s in children:
            if s.value is not None and s.family and s.family not in _INLINE:
                by_family.setdefault(s.family, []).append(s)
        for fam in by_family.values():
            expected = None
            for prev, cur in zip(fam, fam[1:]):
                want = (expected or prev.value) + 1
                expected = None
                if cur.value == want:
                    continue
                if cur.value < prev.value and cur.value == 1:
                    continue  # a restart is a new list, not an error
                if cur.value == prev.value:
                    what = message("ordinal_repeat", ordinal=cur.ordinal, line=prev.line)
                elif cur.value > want:
                    what = message("ordinal_skip", ordinal=cur.ordinal, prev=prev.ordinal, line=prev.line)
                else:
                    continue  # a number going back (three after four) is another list more often than a slip
                if cur.value == prev.value:
                    expected = want  # the next sibling should follow the corrected number
                fix = _renumbered(doc.lines[cur.line - 1], doc.norm_lines[cur.line - 1], cur.family, want)
                span, wrong, right = fix if fix else (None, cur.ordinal, None)
                out.append(Finding(line=cur.line, rule="ordinal_sequence", severity="error",
                                   message=what + message("ordinal_fix", right=right) if right else what,
                                   wrong=wrong, right=right, span=span, rule_id=cur.rule or cur.family))
        for s in children:
            visit(s.children)

    visit(report.sections)
    return out


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    return _lost(doc, report, lines) + _cut(lines) + _sequence(doc, report)
