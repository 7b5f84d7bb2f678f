"""The period of every figure: the year (or range of years) it is about, and how (annual,
cumulative, to date, a point in time).

A report has three years (``Clock``): the one it reviews (``Report.year``), the one it is spoken
in (a government work report is delivered in the year after the one it reviews, a year-end
summary inside it) and the one its plans are for.  Each figure starts from its section (a plan
section: the plan year; a heading with a time word: that time; else the reviewed year); the time
words of its paragraph then change it as they come: a cue that opens a sentence holds to the end
of the paragraph, one inside a sentence to the end of the sentence, and a cue right before a
figure ("that year's" value, a yearly average) for that figure only.  Cues, their years, kinds
and reach: data/periods.yaml.  One scan per paragraph and heading; pure functions.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .. import numerals, rules
from ..model import Indicator, Paragraph, Report, enclosing_sections, role_at
from ..textnorm import norm

_TABLE = "periods"
_T = rules.load(_TABLE)
_NAMED_GROUP = rules.compiled(r"\(\?P<\w+>")
_YEAR = rules.compiled(rules.piece("year"))
_SENTENCE = rules.pattern(_TABLE, "period.boundary.sentence")
_CLAUSE = rules.pattern(_TABLE, "period.boundary.clause")
_PLAN_YEARS = int(rules.limit(_TABLE, "period.plan_years"))
_OPENING = int(rules.limit(_TABLE, "period.opening_chars"))
_SLIP_GAP = int(rules.limit(_TABLE, "period.slip_gap"))
_PLAN_PERIODS: dict[str, int] = rules.entry(_TABLE, "period.plan_periods")["values"]
_HALF_YEAR = rules.pattern(_TABLE, "period.report.half_year")
_NEXT_YEAR_GENRE = rules.pattern(_TABLE, "period.report.speaks_next_year")
_AFTER = rules.pattern(_TABLE, "period.report.speaks_after")
_WITHIN = rules.pattern(_TABLE, "period.report.speaks_within")
_OPENER = rules.pattern(_TABLE, "period.opener")
PLAN_CARRY = "@plan"  # the rule suffix of a plan year carried on in a section not headed as a plan


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    rx: re.Pattern
    ignore: bool
    year: str
    kind: str
    reach: str


_CUES = tuple(Cue(e["id"], rules.compiled(e["pattern"]), bool(e.get("ignore")), e.get("year", "keep"),
                  e.get("kind", "annual"), e.get("reach", "sentence")) for e in _T["cues"])
# one scan finds every cue; the entry's own pattern then reads its groups.  Guarded by the
# characters a cue can begin with: without it the engine tried all the cues at every position
# (8x slower; the same matches)
_SCAN = rules.compiled(rules.guarded(
    "|".join(f"(?P<c{k}>{_NAMED_GROUP.sub('(?:', c.rx.pattern)})" for k, c in enumerate(_CUES))))


@dataclass(frozen=True, slots=True)
class Period:
    start: int | None
    end: int | None
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class Clock:
    """The report's years: reviewed, spoken in, planned for."""

    reviewed: int | None
    speaking: int | None
    plan: int | None
    half_year: bool


def _add(y: int | None, k: int) -> int | None:
    return None if y is None else y + k


def report_clock(report: Report) -> Clock:
    y = report.year
    head = " ".join([report.title or ""] + [s.heading for s in report.sections[:1]])
    half = bool(_HALF_YEAR.search(norm(head)))
    title_years = [int(m.group()) for m in _YEAR.finditer(norm(report.title or ""))]
    if report.title and _NEXT_YEAR_GENRE.search(report.title) and title_years and title_years[0] != y:
        speaking = title_years[0]  # (a title naming the year reviewed says nothing of when it is read)
    else:  # the review's own words: "the past year" is said after it, "so far this year" inside it
        after = within = 0
        for p in report.paragraphs:
            if role_at(report, p.line_start) == "plan":
                continue  # a plan's "this year" is the year it plans, whenever it is read
            after += len(_AFTER.findall(p.norm_text))
            within += len(_WITHIN.findall(p.norm_text))
        speaking = _add(y, 1) if after > within else y
    return Clock(y, speaking, y if half else _add(y, 1), half)


def _cue_period(cue: Cue, text: str, state: Period, clock: Clock, wider: Period | None = None) -> Period:
    """The period a cue (its matched ``text``) names, given the one in force (and ``wider``, the
    last range in force: a yearly average "by 2030" is over the plan's years)."""
    years = [int(m.group()) for m in _YEAR.finditer(text)]
    kind = cue.kind
    how = cue.year
    if how == "written" and years:
        a, b = years[0], years[-1]
    elif how == "since" and years:
        a, b = years[0], clock.reviewed
        if b is not None and a >= b:
            a, kind = b, "annual"  # "since January of this year": the year itself
    elif how == "years_back":
        m = cue.rx.search(text)
        n = m and (m.group("n") or m.group("n2"))
        k = int(n) if n and n.isdigit() else int(numerals.cn_int(n) or 0) if n else 0
        if not k or clock.reviewed is None:
            return dataclasses.replace(state, kind=kind, rule=cue.id)
        a, b = clock.reviewed - k + 1, clock.reviewed
        if k == 1:
            kind = "annual"
    elif how in ("plan_period", "plan_period_end", "plan_period_since"):
        name = next((w for w in _PLAN_PERIODS if w in text), None)
        if name is None:
            return state
        a = _PLAN_PERIODS[name]
        b = a + _PLAN_YEARS - 1
        if how == "plan_period_end":  # the plan's last year
            a = b
        elif how == "plan_period_since" and clock.reviewed is not None and a <= clock.reviewed:
            b = min(b, clock.reviewed)  # so far: up to the year reviewed
    elif how in ("reviewed", "speaking", "previous", "next", "plan"):
        a = b = {"reviewed": clock.reviewed, "speaking": clock.speaking, "previous": _add(clock.speaking, -1),
                 "next": _add(clock.speaking, 1), "plan": clock.plan}[how]
    elif how == "before":
        a = b = _add(state.start, -1)
    elif how == "last":
        a = b = state.end
    else:  # keep the years in force (a written cue without a year keeps them too)
        a, b = state.start, state.end
        if kind == "cumulative" and a == b and wider is not None and b is not None \
                and wider.start is not None and wider.end is not None and wider.start <= b <= wider.end:
            a, b = wider.start, wider.end
        if kind != "cumulative" and b is not None:  # part of, or the whole of, the last year
            a = b
    rule = cue.id
    if state.rule.endswith(PLAN_CARRY) and (a, b) == (state.start, state.end) and kind == state.kind:
        rule += PLAN_CARRY  # a time word naming the plan year again ("the whole year") keeps the plan
    return Period(a, b if b != a else a, kind, rule)


def _events(t: str):
    for m in _SCAN.finditer(t):
        yield m.start(), m.end(), _CUES[int(m.lastgroup[1:])], m.group()


def _opens_sentence(t: str, at: int, sentence_start: int) -> bool:
    """The cue at ``at`` stands in the first clause of its sentence, near its start (after an
    address to the audience, if any)."""
    if at - sentence_start > _OPENING:
        return False
    m = _OPENER.match(t, sentence_start, at)
    return not _CLAUSE.search(t, m.end() if m else sentence_start, at)


def _one_year(p: Period) -> int | None:
    return p.start if p.start is not None and p.start == p.end and p.kind == "annual" else None


def _names_year(t: str, year: int) -> bool:
    """A written year cue of ``t`` names ``year`` (not as a base of comparison)."""
    return any(not c.ignore and c.year == "written" and str(year) in text for _, _, c, text in _events(t))


def text_periods(t: str, offsets: list[int], base: Period, clock: Clock,
                 slip: int | None = None) -> tuple[list[Period], Period | None]:
    """The period of the figure at each offset (ascending) of text ``t`` (one pass over the
    text's cues and figures together), and the state the text leaves for the paragraphs after
    it when a cue opening one of its sentences set one (else None).  ``slip``: a year that, opening
    a sentence of a text that never names the base's year, is last year's wording left in this
    year's review (the base holds)."""
    ends = [m.end() for m in _SENTENCE.finditer(t)]
    para = sent = base
    wider = base if base.start != base.end else None  # the last range in force
    current = -1  # the sentence ``sent`` belongs to
    figure: tuple[Period, int] | None = None  # a figure-only period and where its clause ends
    opened: Period | None = None
    out: list[Period] = []
    if slip is not None and _names_year(t, base.start):
        slip = None
    # a year that opened the current sentence for the paragraph: (the paragraph's state before
    # it, the sentence); a second year in the same sentence makes it a comparison of two years
    set_here: tuple[Period, Period | None, int] | None = None

    def enter(pos: int) -> int:
        nonlocal sent, current, figure, set_here
        k = bisect_right(ends, pos)
        if k != current:  # a new sentence: what held for the last one only is over
            sent, current, figure, set_here = para, k, None, None
        return ends[k - 1] if k else 0

    def take(pos: int) -> None:
        nonlocal figure
        enter(pos)
        if figure is not None and pos <= figure[1]:
            out.append(figure[0])
            figure = None
        else:
            out.append(sent)

    k = 0
    for a, b, cue, text in _events(t):
        while k < len(offsets) and offsets[k] <= a:
            take(offsets[k])
            k += 1
        start = enter(a)
        if cue.ignore:
            continue
        if cue.reach == "figure":
            m = _CLAUSE.search(t, b)
            figure = (_cue_period(cue, text, sent, clock, wider), m.start() if m else len(t))
            continue
        before = sent
        sent = _cue_period(cue, text, sent, clock, wider)
        if slip is not None and cue.year == "written" and _one_year(sent) == slip and _opens_sentence(t, a, start):
            sent = dataclasses.replace(base, rule=cue.id + "@slip")
        if sent.start != sent.end:
            wider = sent
        if cue.reach == "paragraph" and _opens_sentence(t, a, start):
            set_here = (para, opened, current)
            para = sent
            if not start:  # it opens the paragraph: it may hold for the paragraphs after it
                opened = sent
        elif cue.reach == "paragraph" and set_here is not None and set_here[2] == current \
                and _one_year(before) is not None and _one_year(sent) not in (None, _one_year(before)):
            para, opened = set_here[0], set_here[1]  # last year's figure, then this year's: a comparison
            set_here = None
    while k < len(offsets):
        take(offsets[k])
        k += 1
    return out, opened


@dataclass(frozen=True, slots=True)
class Base:
    """What a line's sections say of its time."""

    period: Period  # from the innermost heading with time words that agree, the plan, the review
    top: int | None  # the line of its top-level section
    inner: int | None  # the line of its innermost section
    own: bool  # the innermost heading named a time itself
    plan: bool  # in a plan section


def section_base(report: Report, clock: Clock, line: int) -> Base:
    """The period a figure at ``line`` has before its own words: its sections' (innermost
    heading with time words that agree), a plan section's plan year, else the reviewed year."""
    chain = enclosing_sections(report.sections, line)
    kind = "to_date" if clock.half_year else "annual"
    state = Period(clock.reviewed, clock.reviewed, kind, "period.report_year")
    plan = any(s.role == "plan" for s in chain)
    if plan:
        state = Period(clock.plan, clock.plan, "annual", "period.plan_section")
    own = False
    for s in chain:
        before = state
        state = _heading_period(s.heading, state, clock)
        own = state != before
    return Base(state, chain[0].line if chain else None, chain[-1].line if chain else None, own, plan)


@lru_cache(maxsize=4096)
def _heading_period(heading: str, state: Period, clock: Clock) -> Period:
    # in the heading's order (a set's first changes with the process: two cues of one span with
    # two rules must give one rule in every run): the first cue's
    found = list(dict.fromkeys(_cue_period(cue, text, state, clock) for _, _, cue, text in _events(norm(heading))
                               if not cue.ignore))
    spans = {(p.start, p.end, p.kind) for p in found}
    if len(spans) != 1:  # none, or a review of one year and of five years at once: no change
        return state
    return dataclasses.replace(found[0], rule=found[0].rule + "@heading")


class ReportTime:
    """The periods of one report's figures: its clock, its sections' bases (cached by line)."""

    def __init__(self, report: Report):
        self.report = report
        self.clock = report_clock(report)
        self._bases: dict[int, Base] = {}
        # a review's time, set by a paragraph that opens with it (five years, or the year just
        # gone), holds for the paragraphs after it in the same top-level section, unless their
        # own section's heading names another: (top section, innermost section, state)
        self._carry: tuple[int | None, int | None, Period] | None = None

    def base(self, line: int) -> Period:
        return self._base(line).period

    def _base(self, line: int) -> Base:
        if line not in self._bases:
            self._bases[line] = section_base(self.report, self.clock, line)
        return self._bases[line]

    def paragraph(self, p: Paragraph, offsets: list[int]) -> list[Period]:
        """The period at each offset (ascending) of the paragraph's text; paragraphs are given
        in document order (those without figures too, with no offsets)."""
        b = self._base(p.line_start)
        base, c = b.period, self._carry
        if c is not None and c[0] == b.top and (not b.own or c[1] == b.inner):
            base = c[2]
        out, opened = text_periods(p.norm_text, offsets, base, self.clock, self._slip(b))
        if opened is not None and self._is_title(p):
            opened = None  # the title names the year it is delivered in, not a time for what follows
        if opened is not None:  # a review's time carries on; a plan's paragraphs speak for themselves
            r = self.clock.reviewed
            back = r is not None and opened.end is not None and opened.end <= r and opened.kind != "to_date"
            # a section not headed as a plan that turns to the plan year ("the plan year is …") is the plan
            # from there to its end: its figures are that year's targets
            ahead = (not b.plan and opened.start is not None and opened.start == opened.end == self.clock.plan
                     and opened.kind == "annual")
            if ahead and not opened.rule.endswith(PLAN_CARRY):
                opened = dataclasses.replace(opened, rule=opened.rule + PLAN_CARRY)
            self._carry = (b.top, b.inner, opened) if (back or ahead) and not b.plan else None
        return out

    def _slip(self, b: Base) -> int | None:
        """The year before the reviewed one, when a heading of a one-year review names the
        reviewed year: opening a sentence, it is more often last year's text left unchanged
        than a look back (the checker reports it as year_mismatch)."""
        r, p = self.clock.reviewed, b.period
        if r is None or b.plan or not p.rule.endswith("@heading") or _one_year(p) != r:
            return None
        return r - _SLIP_GAP

    def _is_title(self, p: Paragraph) -> bool:
        title = self.report.title
        return bool(title) and p.line_start <= self.report.start_line + 1 and norm(title).strip() in p.norm_text

    def labels(self, line: int, words: str) -> Period:
        """The period of a table cell: its row and column labels are its words (a 2022 column)."""
        return text_periods(norm(words), [len(words)], self.base(line), self.clock)[0][0]

    @staticmethod
    def planned(period: Period) -> bool:
        """The plan year carried on from a paragraph that turned to it: a target's period."""
        return period.rule.endswith(PLAN_CARRY)

    def looks_back(self, period: Period) -> bool:
        """A total over years already reviewed (the last five years): a result even in a plan section."""
        r = self.clock.reviewed
        return period.kind == "cumulative" and period.end is not None and r is not None and period.end <= r


def period_fields(p: Period | None) -> dict:
    """The Indicator fields that say its period (none for no period): given when an indicator
    is made, so it need not be copied to add them."""
    if p is None:
        return {}
    return {"period": p.start, "period_end": p.end if p.end != p.start else None, "period_kind": p.kind,
            "period_rule": p.rule}


def with_period(i: Indicator, p: Period) -> Indicator:
    return dataclasses.replace(i, **period_fields(p))
