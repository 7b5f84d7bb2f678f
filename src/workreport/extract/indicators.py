"""Every figure of a report as an Indicator: value, unit, what it measures, what kind it is.

The number grammar is numbers.py; this module decides which quantities are indicators
(traps in data/indicators.yaml drop dates' cousins: slogans with numerals, document numbers),
names the measure from the clause around the number, and gives the kind:

    placeholder  anonymised value (xx, x.xx)
    target       in a plan section, or after a goal cue (a goal noun, a stated intention)
    rate         a percentage of something (a completion rate, progress against schedule)
    growth       a change (year-on-year growth, an increase, a fall in percentage points)
    actual       everything else: what was done

Cues, boundaries and limits: data/indicators.yaml, by entry id.  Offsets: matching runs on the
paragraph's normalised text (``Paragraph.norm_text``, same length), so a quantity's offsets map
to (line, column) through ``Paragraph.line_at``; a figure cut by a page break is clipped at
the end of its first line.  Every step is linear in the paragraph (lookups by bisection), so a
paragraph of thousands of joined lines costs what its lines cost.

Table rows (tab-separated cells, DOCX tables) are not prose: tables.py reads them cell by
cell, with the row and column labels as measure; cells of prose in a table are read here.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass

from .. import rules
from ..model import Indicator, LineHint, Paragraph, Report, Span, role_at
from . import tables
from .measures import Canonical, anchored, before_scope, canonical, level_of, with_unit_noun
from .numbers import Quantity, find_quantities
from .periods import ReportTime, period_fields, with_period
from .respective import respective

_TABLE = "indicators"
_T = rules.load(_TABLE)


def _union(entries, lead: str = "") -> re.Pattern:
    # ``lead``: a lookahead class every match starts with; checked first, it keeps scans fast
    return rules.compiled(lead + "(?:" + "|".join(f"(?:{e['pattern']})" for e in entries) + ")")


_TRAPS = _union(_T["traps"], _T["scan_hints"]["traps"])
_BARE = _union(_T["bare_cues"])
def _source(rid: str) -> str:
    return rules.entry(_TABLE, rid)["pattern"]


_GROWTH = rules.pattern(_TABLE, "indicators.kind.growth")
_GROWTH_CMP = rules.pattern(_TABLE, "indicators.kind.growth_compare")
_RATE = _union(_T["kinds"]["rate"])
_TARGET_NOUN = _source("indicators.kind.target_noun")
_TARGET_MODAL = _source("indicators.kind.target_modal")
_CLAUSE = rules.pattern(_TABLE, "indicators.boundary.clause")
_SENTENCE = _source("indicators.boundary.sentence")
# One pass over a paragraph finds every cue and boundary that decides a kind phase.
_EVENTS = rules.compiled(
    _T["scan_hints"]["cues"] + f"(?:(?P<tl>{_source('indicators.kind.target_list')})|(?P<tn>{_TARGET_NOUN})"
    f"|(?P<tm>{_TARGET_MODAL})|(?P<ac>{_source('indicators.kind.actual')})"
    f"|(?P<sb>{_SENTENCE})|(?P<cb>{_source('indicators.boundary.clause')}))"
)
_LEAD = rules.pattern(_TABLE, "indicators.measure.lead")
_TAIL = rules.pattern(_TABLE, "indicators.measure.tail")
_AFTER = rules.pattern(_TABLE, "indicators.measure.after")
_AFTER_JOIN = rules.pattern(_TABLE, "indicators.measure.after_join")
_GENERIC = rules.pattern(_TABLE, "indicators.measure.generic")
_GENERIC_NAME = rules.pattern(_TABLE, "indicators.measure.generic_name")
_TOPIC_TAIL = rules.pattern(_TABLE, "indicators.measure.topic_tail")
_TOPIC_PREDICATE = rules.pattern(_TABLE, "indicators.measure.topic_predicate")
_PROJECT_TOTAL = rules.pattern(_TABLE, "indicators.measure.project_total")
_PART_OF = rules.pattern(_TABLE, "indicators.measure.part_of")
_CHANGE_END = rules.pattern("measures", "measure.change_word")
_MIN_TOPIC = int(rules.limit(_TABLE, "indicators.min_topic_chars"))
_OF_PREVIOUS = rules.pattern(_TABLE, "indicators.measure.of_previous")
_PARA_SUBJECT = rules.pattern(_TABLE, "indicators.measure.paragraph_subject")
_PARA_SUBJECT_NAME = rules.entry(_TABLE, "indicators.measure.paragraph_subject")["name"]
_SENT = rules.compiled(_SENTENCE)
_RESPECTIVE = "indicators.measure.respectively"

_RATIO_DIMS = ("percent", "permille", "fraction", "ratio")
_NUMERIC = rules.compiled(r"[-+]?[0-9xX][0-9xX.,]*")
_MAX_PREFIX = int(rules.limit(_TABLE, "indicators.max_measure_chars"))
_TARGET_CLAUSES = int(rules.limit(_TABLE, "indicators.target_noun_clauses"))


@dataclass(frozen=True, slots=True)
class _Phase:
    """Kind phase at a position: 'target' (from a goal noun or modal), 'list' (a list of
    targets, to the paragraph's end), 'actual' or ''."""

    starts: tuple[int, ...]
    states: tuple[str, ...]

    def at(self, pos: int) -> str:
        k = bisect_right(self.starts, pos)
        return self.states[k - 1] if k else ""


def _phases(t: str) -> _Phase:
    starts: list[int] = [0]
    states: list[str] = [""]
    state = ""
    modal = False
    clauses_since_noun = 0
    for m in _EVENTS.finditer(t):
        g = m.lastgroup
        new = state
        if state == "list":
            break  # a list of targets holds to the paragraph's end
        if g == "tl":
            new = "list"
        elif g == "tn":
            new, modal, clauses_since_noun = "target", False, 0
        elif g == "tm":
            new, modal = "target", True
        elif g == "ac":
            if not (state == "target" and modal):  # "strive to complete" stays a target
                new = "actual"
        elif g == "sb":
            new, modal = "", False
        elif g == "cb":
            if state == "target":
                if modal:
                    new, modal = "", False
                else:
                    clauses_since_noun += 1
                    if clauses_since_noun > _TARGET_CLAUSES:
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


def _prefix(t: str, q: Quantity, prev: tuple[int, int], start: int | None = None) -> str:
    """The words of the clause before the number, after any figure earlier in the clause (the
    measure begins after it), unless they only tie this figure to that one ("N units, X% of it"): then
    the whole clause without that figure.  ``start``: the clause's start, when the caller has it."""
    if start is None:
        start = _clause_start(t, q.start, 0)
    if prev[1] > start:
        if _OF_PREVIOUS.match(t, prev[1], q.start):
            return t[start:prev[0]] + t[prev[1]:q.start]
        start = prev[1]
    return t[start:q.start]


def _local_measure(t: str, q: Quantity, prev: tuple[int, int], pre: str | None = None) -> tuple[str, str]:
    """(the clause before the number, the noun after it): what the figure measures.  ``pre``:
    the clause before the number (``_prefix``), when the caller has it."""
    if pre is None:
        pre = _prefix(t, q, prev)
    lead = _LEAD.match(pre)
    if lead:
        pre = pre[lead.end():]
    tail = _TAIL.search(pre)
    if tail and tail.start() > 0:
        pre = pre[: tail.start()]
    after = ""
    if q.dimension not in _RATIO_DIMS:
        am = _AFTER.match(t, q.end)
        noun = am.group() if am else ""
        if noun and _starts_number(t[am.end(): am.end() + 1]):
            j = _AFTER_JOIN.search(noun)  # "N of A and M of B": A is this figure's
            noun = noun[: j.start()] if j and j.start() else ""
        if noun and not _starts_number(noun):
            after = before_scope(noun)  # (not when it names the next figure's measure)
    return pre.strip(), after


def _topic(t: str, sent_start: int, clause_lo: int) -> str:
    """The first clause of the sentence, when the figure is in a later clause."""
    if clause_lo <= sent_start:
        return ""
    m = _CLAUSE.search(t, sent_start)
    end = m.start() if m and m.start() < clause_lo else clause_lo
    first = t[sent_start:min(end, sent_start + _MAX_PREFIX)]
    lead = _LEAD.match(first)
    if lead:
        first = first[lead.end():]
    first = _NUMERIC.sub("", first)
    return _clean_topic(first)


def _subject(topic: str) -> str:
    """The subject of a topic clause that says how it went ("local industry grew against the
    trend" -> "local industry"), when it
    is long enough to name something; else ""."""
    m = _TOPIC_PREDICATE.search(topic)
    subject = canonical(topic[: m.start()] if m else topic).name
    return subject if m and len(subject) >= _MIN_TOPIC else ""


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
    if phase == "list":
        return "target", "indicators.kind.target_list"
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


def paragraph_indicators(p: Paragraph, in_plan=lambda line: False, time: ReportTime | None = None) -> list[Indicator]:
    """Indicators of one paragraph; ``in_plan(line)`` tells whether a line is in a plan section,
    ``time`` (the report's) gives each figure its period."""
    text = p.text
    t = p.norm_text
    qs = find_quantities(text, include_bare=True, normalized=t)
    periods = time.paragraph(p, [q.start for q in qs]) if time is not None else [None] * len(qs)
    if not qs:
        return []
    subject = _PARA_SUBJECT_NAME if _PARA_SUBJECT.search(t) else ""  # names what nothing else names
    listed = respective(t, qs)  # "A, B grew X%, Y% respectively": one by one
    traps = _trapped(t)  # in text order, never overlapping: their ends ascend
    trap_ends = [b for _, b in traps]
    phase = _phases(t)
    out: list[Indicator] = []
    prev = (0, 0)  # where the last figure of the paragraph is
    sent_starts = [0] + [m.end() for m in _SENT.finditer(t)]
    si = 0
    last_local = ""  # the last local measure of the sentence that names something
    last_name = ""  # the last figure's measure in the sentence
    for q, period in zip(qs, periods):
        k = bisect_right(trap_ends, q.value_start)  # the first trap ending after the number starts
        if k < len(traps) and traps[k][0] < q.value_end:
            continue
        clause_lo = _clause_start(t, q.start, 0)
        prefix = _prefix(t, q, prev, clause_lo)
        if not q.unit and q.numeral not in ("fraction", "ratio"):
            if not _BARE.search(prefix):
                continue
        while si + 1 < len(sent_starts) and sent_starts[si + 1] <= q.start:
            si += 1
            last_local = last_name = ""
        level = q.dimension not in _RATIO_DIMS and q.dimension != "points"
        if q.start in listed:
            name, prefix, local = listed[q.start]
            named = with_unit_noun(_with_topic(name, canonical(prefix, ratio=not level), level, whole=True), q.dimension)
            named = Canonical(named.name, (_RESPECTIVE,) + named.rules)
            last_local = last_name = local
            prev = (q.start, q.end)
            out.extend(_indicator(p, q, period, time, in_plan, named, local, prefix, phase, ""))
            continue
        pre, after = _local_measure(t, q, prev, prefix)  # prev is unchanged since prefix was read
        local = (pre + after).strip()
        named = canonical(pre, ratio=not level)
        if after:  # scope and verbs before the count are stripped, the noun after it is kept
            named = _joined(named, after)
        # generic as written (a completion rate, "higher than the national"): the last named
        # measure of the sentence, else the sentence's topic; generic once stripped ("investment
        # completed" -> "investment"): the last named measure, else what the paragraph is about,
        # else the subject of a topic clause that names something
        written_generic = bool(_GENERIC.search(local))
        context = ""
        if written_generic:
            context = _clean_topic(last_local) if last_local else (last_name or _topic(t, sent_starts[si], clause_lo)
                                                                   or subject)
        elif not named.name or _GENERIC_NAME.search(named.name):
            context = _clean_topic(last_local) if last_local else (
                subject or _subject(_topic(t, sent_starts[si], clause_lo)))
        if not context and named.name and last_local and _PART_OF.match(prefix) and not _GENERIC.search(local):
            context = _clean_topic(last_local)  # of which …: a part of the last named figure's measure
        generic = written_generic or bool(context)
        if context:
            named = _with_topic(context, named, level)
        named = with_unit_noun(named, q.dimension) if named.name else Canonical(_TAIL.sub("", local), named.rules)
        if not generic:
            last_local = local
        elif context and level:
            last_local = named.name  # N firms, output X, growth Y%: the growth is the output's
            total = _PROJECT_TOTAL.search(last_local)
            if total and total.start():  # the projects' whole cost: what follows is the projects'
                last_local = last_local[: total.start()]
        last_name = named.name
        prev = (q.start, q.end)
        out.extend(_indicator(p, q, period, time, in_plan, named, local, prefix, phase,
                              context if written_generic else ""))
    return out


def _indicator(p: Paragraph, q: Quantity, period, time, in_plan, named: Canonical, local: str, prefix: str,
               phase: _Phase, context: str) -> list[Indicator]:
    """The figure ``q`` as an Indicator (none when its span is empty)."""
    line, col = p.line_at(q.start)
    end = min(q.end, p.piece_end(q.start))
    span = p.text[q.start:end].rstrip("\n")
    if not span:
        return []
    # a plan section's figures are targets, unless their words say they total years gone by
    plan = (in_plan(line) or (period is not None and time.planned(period))) and \
        not (period is not None and time.looks_back(period))
    kind, krule = _kind(q, prefix, phase.at(q.value_start), plan, context)
    ind = Indicator(
            line=line,
            span=Span(col, col + len(span)),
            text=span,
            value=q.value,
            number=q.number,
            unit=q.unit,
            measure=named.name,
            kind=kind,
            normalized_value=q.normalized_value,
            normalized_unit=q.normalized_unit,
            low=q.low,
            high=q.high,
            qualifier=q.qualifier,
            rules=(q.rule, krule, *named.rules),
            measure_phrase=local,
            **period_fields(period),
            )
    return [ind]


def _joined(head: Canonical, tail: str) -> Canonical:
    both = canonical(head.name + tail)
    return Canonical(both.name, head.rules + both.rules)


def _with_topic(context: str, local: Canonical, level: bool, whole: bool = False) -> Canonical:
    """A generic local measure (investment, growth, completion rate) named by the topic; a
    level figure (``level``: not a ratio) is of the level of a growth topic.  ``whole``: the
    topic is a name as listed, not a clause to find a listed name in."""
    if not context:
        return local
    topic = canonical(context) if whole else anchored(canonical(context))
    if level:
        topic = level_of(topic)
    tail = local.name if local.name not in topic.name else ""
    head = topic.name
    level_head = head
    while (m := _CHANGE_END.search(level_head)) and m.start() >= 2:
        level_head = level_head[: m.start()]
    if tail and _CHANGE_END.fullmatch(tail) and level_head != head:
        head = level_head  # cut by 4 days, by 14%: both changes of the same level
    else:
        k = next((k for k in range(min(len(head), len(tail)), 1, -1) if head.endswith(tail[:k])), 0)
        tail = tail[k:]  # the topic ends with the words the local name starts with: said once
    both = canonical(head + tail)
    return Canonical(both.name, topic.rules + local.rules + both.rules)


def extract_indicators(report: Report, hints: tuple[LineHint, ...] = ()) -> tuple[Indicator, ...]:
    """Figures of a report; table rows (tables.py) are read cell by cell, not as prose.

    ``hints``: the document's layout hints (DOCX table rows carry style "table").
    """
    cache: dict[int, bool] = {}

    def in_plan(line: int) -> bool:
        if line not in cache:
            cache[line] = role_at(report, line) == "plan"
        return cache[line]

    time = ReportTime(report)
    found = tables.find_tables(report, hints)
    rows = frozenset(ln for t in found for ln in t.lines)
    out: list[Indicator] = []
    for p in report.paragraphs:
        for part in tables.without_lines(p, rows):
            out.extend(paragraph_indicators(part, in_plan, time))
    if not found:
        return tuple(out)
    for t in found:
        out.extend(with_period(i, time.labels(i.line, i.measure_phrase)) for i in tables.table_indicators(t, in_plan))
        for line, cell in tables.text_cells(t):  # a cell of prose keeps its figures
            for i in paragraph_indicators(Paragraph(line, line, cell.text, ((line, 0),)), in_plan, time):
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
