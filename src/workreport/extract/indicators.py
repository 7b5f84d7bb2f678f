"""Every figure of a report as an Indicator: value, unit, what it measures, what kind it is.

The number grammar is numbers.py; this module decides which quantities are indicators
(traps in data/indicators.yaml drop dates' cousins: slogans with numerals, document numbers),
names the measure from the clause around the number, and gives the kind:

    placeholder  anonymised value (xx, x.xx)
    target       in a plan section, or after a goal cue (目标6.65亿元, 力争…)
    rate         a percentage of something (完成率98.8%, 时序进度102%)
    growth       a change (同比增长27.81%, 增幅56.97%, 下降2个百分点)
    actual       everything else: what was done

Offsets: matching runs on ``textnorm.norm`` of the paragraph (same length), so a quantity's
offsets map to (line, column) through ``Paragraph.line_at``; a figure cut by a page break is
clipped at the end of its first line.

Table rows (tab-separated cells, DOCX tables) are not prose: tables.py reads them cell by
cell, with the row and column labels as measure; cells of prose in a table are read here.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .. import rules
from ..model import Indicator, LineHint, Paragraph, Report, Span, role_at
from ..textnorm import norm
from . import tables
from .numbers import Quantity, find_quantities

_T = rules.load("indicators")


def _union(entries, lead: str = "") -> re.Pattern:
    # ``lead``: a lookahead class every match starts with; checked first, it keeps scans fast
    return re.compile(lead + "(?:" + "|".join(f"(?:{e['pattern']})" for e in entries) + ")")


_TRAPS = _union(_T["traps"], _T["scan_hints"]["traps"])
_BARE = _union(_T["bare_cues"])
_GROWTH = re.compile(_T["kinds"]["growth"][0]["pattern"])
_GROWTH_CMP = re.compile(_T["kinds"]["growth"][1]["pattern"])
_RATE = _union(_T["kinds"]["rate"])
_TARGET_NOUN = _T["kinds"]["target"][0]["pattern"]
_TARGET_MODAL = _T["kinds"]["target"][1]["pattern"]
_ACTUAL = _union(_T["kinds"]["actual"])
_B = {e["id"]: e["pattern"] for e in _T["boundaries"]}
_CLAUSE = re.compile(_B["indicators.boundary.clause"])
_SENTENCE = _B["indicators.boundary.sentence"]
# One pass over a paragraph finds every cue and boundary that decides a kind phase.
_EVENTS = re.compile(
    _T["scan_hints"]["cues"] + f"(?:(?P<tn>{_TARGET_NOUN})|(?P<tm>{_TARGET_MODAL})|(?P<ac>{_T['kinds']['actual'][0]['pattern']})"
    f"|(?P<sb>{_SENTENCE})|(?P<cb>{_B['indicators.boundary.clause']}))"
)
_M = {e["id"]: re.compile(e["pattern"]) for e in _T["measure"]}
_LEAD, _TAIL, _AFTER = (_M["indicators.measure.lead"], _M["indicators.measure.tail"], _M["indicators.measure.after"])
_GENERIC, _TOPIC_TAIL = _M["indicators.measure.generic"], _M["indicators.measure.topic_tail"]
_SENT = re.compile(_SENTENCE)

_RATIO_DIMS = ("percent", "permille", "fraction", "ratio")
_NUMERIC = re.compile(r"[-+]?[0-9xX][0-9xX.,]*")
_MAX_PREFIX = 24  # a measure is a phrase, not a paragraph


@dataclass(frozen=True, slots=True)
class _Phase:
    """Kind phase at a position: 'target' (from a goal noun or modal), 'actual' or ''."""

    starts: tuple[int, ...]
    states: tuple[str, ...]

    def at(self, pos: int) -> str:
        state = ""
        for s, st in zip(self.starts, self.states):
            if s > pos:
                break
            state = st
        return state


def _phases(t: str) -> _Phase:
    starts: list[int] = [0]
    states: list[str] = [""]
    state = ""
    modal = False
    clauses_since_noun = 0
    for m in _EVENTS.finditer(t):
        g = m.lastgroup
        new = state
        if g == "tn":
            new, modal, clauses_since_noun = "target", False, 0
        elif g == "tm":
            new, modal = "target", True
        elif g == "ac":
            if not (state == "target" and modal):  # 力争…完成 stays a target
                new = "actual"
        elif g == "sb":
            new, modal = "", False
        elif g == "cb":
            if state == "target":
                if modal:
                    new, modal = "", False
                else:
                    clauses_since_noun += 1
                    if clauses_since_noun > 2:
                        new = ""
        if new != state:
            starts.append(m.start())
            states.append(new)
            state = new
    return _Phase(tuple(starts), tuple(states))


def _trapped(t: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TRAPS.finditer(t)]


def _clause_start(t: str, pos: int, floor: int) -> int:
    lo = max(floor, pos - _MAX_PREFIX)
    seg = t[lo:pos]
    last = None
    for last in _CLAUSE.finditer(seg):
        pass
    return lo + last.end() if last else lo


def _local_measure(t: str, q: Quantity, prev_end: int) -> tuple[str, int]:
    """(measure, start offset) from the clause before the number and the noun after it."""
    start = _clause_start(t, q.start, 0)
    # another figure earlier in the same clause: the measure begins after it (罚没款83000元、…)
    start = max(start, prev_end)
    pre = t[start:q.start]
    lead = _LEAD.match(pre)
    if lead:
        pre, start = pre[lead.end():], start + lead.end()
    tail = _TAIL.search(pre)
    if tail and tail.start() > 0:
        pre = pre[: tail.start()]
    after = ""
    if q.dimension not in _RATIO_DIMS:
        am = _AFTER.match(t, q.end)
        if am and not _starts_number(am.group()) and not _starts_number(t[am.end(): am.end() + 1]):
            after = am.group()  # (not when it names the next figure: "1.18亿元增幅30%")
    return (pre + after).strip(), start


def _topic(t: str, sent_start: int, clause_lo: int) -> str:
    """The first clause of the sentence, when the figure is in a later clause."""
    if clause_lo <= sent_start:
        return ""
    m = _CLAUSE.search(t, sent_start)
    end = m.start() if m and m.start() < clause_lo else clause_lo
    first = t[sent_start:end][:_MAX_PREFIX]
    lead = _LEAD.match(first)
    if lead:
        first = first[lead.end():]
    first = _NUMERIC.sub("", first)
    return _clean_topic(first)


def _clean_topic(s: str) -> str:
    tail = _TAIL.search(s)
    if tail and tail.start() > 0:
        s = s[: tail.start()]
    tt = _TOPIC_TAIL.search(s)
    if tt and tt.start() > 0:
        s = s[: tt.start()]
    return s


def _starts_number(s: str) -> bool:
    return bool(s) and (s[0].isdigit() or s[0] in "xX")


def _kind(q: Quantity, prefix: str, phase: str, in_plan: bool, context: str = "") -> tuple[str, str]:
    if q.is_placeholder:
        return "placeholder", "indicators.kind.placeholder"
    if in_plan:
        return "target", "indicators.kind.plan_section"
    ratio = q.dimension in _RATIO_DIMS
    if ratio and _RATE.search(prefix):
        return "rate", "indicators.kind.rate_measure"
    if _GROWTH.search(prefix) or (q.dimension == "points"):
        return "growth", "indicators.kind.growth"
    if phase == "target":
        return "target", "indicators.kind.target"
    if ratio and context and _GROWTH.search(context):
        return "growth", "indicators.kind.growth_topic"
    if ratio:
        if _GROWTH_CMP.search(prefix):
            return "growth", "indicators.kind.growth_compare"
        return "rate", "indicators.kind.rate_default"
    return "actual", "indicators.kind.actual"


def _piece_end(p: Paragraph, offset: int) -> int:
    """Offset in ``p.text`` where the line holding ``offset`` ends."""
    for i, (_, off) in enumerate(p.pieces):
        if off > offset:
            return off
    return len(p.text)


def paragraph_indicators(p: Paragraph, in_plan=lambda line: False) -> list[Indicator]:
    """Indicators of one paragraph; ``in_plan(line)`` tells whether a line is in a plan section."""
    text = p.text
    t = norm(text)
    qs = find_quantities(text, include_bare=True, normalized=t)
    if not qs:
        return []
    traps = _trapped(t)
    phase = _phases(t)
    out: list[Indicator] = []
    prev_end = 0
    sent_starts = [0] + [m.end() for m in _SENT.finditer(t)]
    si = 0
    locals_in_sentence: list[str] = []
    for q in qs:
        if any(a < q.value_end and q.value_start < b for a, b in traps):
            continue
        clause_lo = _clause_start(t, q.start, 0)
        prefix = t[max(clause_lo, prev_end): q.start]
        if not q.unit and q.numeral not in ("fraction", "ratio"):
            if not _BARE.search(prefix):
                continue
        while si + 1 < len(sent_starts) and sent_starts[si + 1] <= q.start:
            si += 1
            locals_in_sentence = []
        local, _ = _local_measure(t, q, prev_end)
        context = ""
        if _GENERIC.search(local):
            context = next((c for c in reversed(locals_in_sentence) if not _GENERIC.search(c)), "")
            context = _clean_topic(context) if context else _topic(t, sent_starts[si], clause_lo)
        measure = context + local if local not in context else context
        if not _GENERIC.search(local):
            locals_in_sentence.append(local)
        prev_end = q.end
        line, col = p.line_at(q.start)
        end = min(q.end, _piece_end(p, q.start))
        span = text[q.start:end].rstrip("\n")
        if not span:
            continue
        kind, krule = _kind(q, prefix, phase.at(q.value_start), in_plan(line), context)
        out.append(
            Indicator(
                line=line,
                span=Span(col, col + len(span)),
                text=span,
                value=q.value,
                number=q.number,
                unit=q.unit,
                measure=measure,
                kind=kind,
                normalized_value=q.normalized_value,
                normalized_unit=q.normalized_unit,
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                rules=(q.rule, krule),
            )
        )
    return out


def extract_indicators(report: Report, hints: tuple[LineHint, ...] = ()) -> tuple[Indicator, ...]:
    """Figures of a report; table rows (tables.py) are read cell by cell, not as prose.

    ``hints``: the document's layout hints (DOCX table rows carry style "table").
    """
    cache: dict[int, bool] = {}

    def in_plan(line: int) -> bool:
        if line not in cache:
            cache[line] = role_at(report, line) == "plan"
        return cache[line]

    found = tables.find_tables(report, hints)
    rows = frozenset(ln for t in found for ln in t.lines)
    out: list[Indicator] = []
    for p in report.paragraphs:
        for part in tables.without_lines(p, rows):
            out.extend(paragraph_indicators(part, in_plan))
    if not found:
        return tuple(out)
    for t in found:
        out.extend(tables.table_indicators(t, in_plan))
        for line, cell in tables.text_cells(t):  # a cell of prose keeps its figures
            for i in paragraph_indicators(Paragraph(line, line, cell.text, ((line, 0),)), in_plan):
                out.append(dataclasses.replace(i, span=i.span.shift(cell.col)))
    return tuple(sorted(out, key=lambda i: (i.line, i.col)))


def _is_unknown_unit(i: Indicator) -> bool:
    return "numbers.unknown_unit" in i.rules


def unknown_units(indicators) -> list[str]:
    """Units read by the unknown-unit rule: candidates for data/units.yaml."""
    return sorted({i.unit for i in indicators if _is_unknown_unit(i)})


def unknown_unit_counts(indicators) -> list[tuple[str, int, Indicator]]:
    """(unit, how many figures use it, the first such figure), most frequent first.

    A pure function of the indicators: the list for the data table to grow.
    """
    counts: dict[str, int] = {}
    first: dict[str, Indicator] = {}
    for i in indicators:
        if _is_unknown_unit(i):
            counts[i.unit] = counts.get(i.unit, 0) + 1
            first.setdefault(i.unit, i)
    return [(u, counts[u], first[u]) for u in sorted(counts, key=lambda u: (-counts[u], u))]
