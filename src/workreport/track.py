"""Follow the targets of one year's report into the next year's report of the same body.

The older report (OLD) sets targets for the year it plans (its main expected targets, the
targets of its plan section and of its plan items); the newer one (NEW) reviews that year.
Both sides are read from the reports' indicators, so tracking sees what the comparison sees:
the canonical measure (``Indicator.measure``, extract/measures.py) and the year and kind of
period each figure is about (``Indicator.period``, ``period_kind``, extract/periods.py).

A target of OLD is followed when it is a target figure (kind ``target``) of one year, for the
year NEW reviews, standing in OLD's targets paragraph, or naming a listed measure (a synonym
group of data/measures.yaml: the headline figures such a paragraph holds, wherever the plan
states them), or belonging to a plan item.  Its evidence is NEW's first figure of the same
canonical measure and unit dimension that is one year's figure (annual or at the year's end)
about that year, outside NEW's own plan and targets: a five-year total, a figure to a date or
NEW's own target never counts.  A fall of the measure's level (a price "fell 0.1%") is the
negative of its rise.  When NEW gives no figure but the share of the plan it completed
(``measure.rename.plan_share``), the actual is derived from OLD's target and said to be so.

``met`` when the actual reaches the target's low end (or stays under it for a ceiling such as
prices), ``missed`` below it, ``no_evidence`` when NEW says nothing on it.  ``track`` is a pure
function of two Reports; choosing the two reports is ``pairing.py``'s work and
``contract.track_json`` turns the result into the track JSON of ../shared/CONTRACT.md.  Words
and cues: data/plans.yaml (tracking part).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import rules
from .extract.difference import difference_unit
from .extract.measures import group_of, level_of, canonical, synonyms
from .model import Indicator, Report, role_at

_ONE_YEAR = ("annual", "point")  # period kinds that are one year's figure
_PLAN_ITEM_MIN_MEASURE = 4  # a two-character verb alone names nothing to follow
_NAME_MATCH = 0.6  # share of an unlisted target measure's character pairs its evidence must share
_PLAN_ITEM_MATCH = 0.8  # plan items are many and varied: their evidence must name them more closely
_MIN_HELD = 4  # a rate's name that ends another's names the same rate when it is at least this long
_PLAN_SHARE = "measure.rename.plan_share"  # the rule that names a share of the plan completed


@dataclass(frozen=True, slots=True)
class TrackTarget:
    """What OLD set: the figure's line and text, and the range it asks for."""

    line: int
    text: str  # exact substring of that line: the measure as named, through the figure
    low: float | None
    high: float | None
    unit: str
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class TrackActual:
    """What NEW reports for the same measure."""

    line: int
    text: str
    value: float | None
    unit: str
    estimated: bool
    # set when NEW states only the share of the plan completed: the rule that derived the value
    # (target x share) and the share in percent; the line and text are the share's
    derived: str | None = None
    share: float | None = None
    # how it was found: "measure" (the same canonical measure, as the comparison groups them),
    # "similar_name" (an unlisted measure named closely alike), "plan_share" (derived)
    match: str = "measure"


@dataclass(frozen=True, slots=True)
class PlanItemRef:
    line: int
    text: str  # the item's opening words


@dataclass(frozen=True, slots=True)
class TrackItem:
    measure: str
    rule: str
    target: TrackTarget
    actual: TrackActual | None
    status: str  # met | missed | no_evidence
    margin: float | None  # actual - target, in ``margin_unit``
    plan_item: PlanItemRef | None = None  # the OLD plan item whose target this is
    # the unit of the margin: the target's, except that a difference of percentages is in
    # percentage points (5.4% against 5% is 0.4 points, not 0.4%)
    margin_unit: str = ""


@dataclass(frozen=True, slots=True)
class TrackSide:
    """One of the two reports: who wrote it, for which year, and where it is (set by the caller)."""

    org: str | None
    year: int | None
    path: str | None = None
    report_id: int | None = None


@dataclass(frozen=True, slots=True)
class TrackResult:
    old: TrackSide
    new: TrackSide
    items: tuple[TrackItem, ...]


@lru_cache(maxsize=None)
def _pat(key: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{e['pattern']})" for e in rules.load("plans")[key]))


@lru_cache(maxsize=None)
def _words(rid: str) -> tuple[str, ...]:
    return rules.words("plans", rid)


@lru_cache(maxsize=None)
def _sentence() -> re.Pattern:
    return rules.pattern("periods", "period.boundary.sentence")


@lru_cache(maxsize=None)
def _change_word() -> re.Pattern:
    return rules.pattern("measures", "measure.change_word")


class _Lines:
    """The text of each line of a report (the piece of its paragraph), for spans."""

    def __init__(self, report: Report):
        self.text: dict[int, str] = {}
        for p in report.paragraphs:
            for k, (ln, off) in enumerate(p.pieces):
                end = p.pieces[k + 1][1] if k + 1 < len(p.pieces) else len(p.text)
                self.text.setdefault(ln, p.text[off:end])

    def span(self, i: Indicator) -> str:
        """The measure as the line names it, through the figure ("GDP reached X, grew 5.4%"), within
        the figure's sentence; the figure alone when the name is not in the line."""
        line = self.text.get(i.line, "")
        if line[i.span.start:i.span.end] != i.text:
            return i.text
        lo = 0
        for m in _sentence().finditer(line, 0, i.span.start):
            lo = m.end()
        before = line[lo:i.span.start]
        names = set(synonyms(i.measure)) | set(synonyms(level_of(canonical(i.measure)).name))
        best: tuple[int, int] | None = None  # (end, -start) of the listed name nearest the figure
        for w in names:
            at = before.rfind(w) if w else -1
            if at >= 0 and (best is None or (at + len(w), -at) > best):
                best = (at + len(w), -at)
        starts = [-best[1]] if best else []
        if i.measure_phrase and before.rfind(i.measure_phrase) >= 0:  # the words that name it here
            starts.append(before.rfind(i.measure_phrase))
        return line[lo + min(starts):i.span.end] if starts else i.text


def _target_lines(report: Report) -> set[int]:
    """Lines of the paragraphs that set targets (from the cue to the paragraph's end)."""
    cue = _pat("target_cue")
    out: set[int] = set()
    for p in report.paragraphs:
        m = cue.search(p.norm_text)
        if m:
            first, _ = p.line_at(m.start())
            out.update(ln for ln, _ in p.pieces if ln >= first)
    return out


def _year_of(t: Indicator, old: Report) -> int | None:
    """The year a target is for: its own period, else the year after the one OLD reviews."""
    return t.period if t.period is not None else (old.year + 1 if old.year else None)


def _targets(old: Report, new: Report) -> list[tuple[Indicator, str, PlanItemRef | None]]:
    """OLD's targets to follow, in text order, one per measure: (figure, rule, plan item)."""
    lines = _target_lines(old)
    item_of = {(i.line, i.span): p for p in old.plan_items for i in p.targets}
    out, seen = [], set()
    for t in sorted(old.indicators, key=lambda i: (i.line, i.span.start)):
        if t.kind != "target" or t.number is None or len(t.measure) < 2:
            continue
        if t.period_kind is not None and t.period_kind not in _ONE_YEAR:
            continue  # a five-year or to-date aim is not one year's target
        year = _year_of(t, old)
        if year is not None and new.year is not None and year != new.year:
            continue  # NEW reviews another year: it cannot say whether this one was met
        item = item_of.get((t.line, t.span))
        if t.line in lines:
            rule = "track.target_paragraph"
        elif group_of(t.measure) is not None:
            rule = "track.listed_measure"  # a headline measure set in a task paragraph of the plan
        elif item is not None and len(t.measure) >= _PLAN_ITEM_MIN_MEASURE:
            rule = "track.plan_item"
        elif not old.plan_items and len(t.measure) >= _PLAN_ITEM_MIN_MEASURE and role_at(old, t.line) == "plan":
            rule = "track.plan_figure"  # a plan written as a bare list of figures, with no items to hold them
        else:
            continue
        key = (t.measure, t.normalized_unit or t.unit)
        if key in seen:
            continue  # the same target restated further on
        seen.add(key)
        out.append((t, rule, PlanItemRef(item.line, item.text[:60]) if item is not None else None))
    return out


def _evidence(new: Report) -> list[Indicator]:
    """NEW's figures that may report a result: one year's figures outside its plans and targets."""
    lines = _target_lines(new)
    return [i for i in sorted(new.indicators, key=lambda i: (i.line, i.span.start))
            if i.kind not in ("target", "placeholder") and i.number is not None and i.line not in lines
            and i.period_kind in _ONE_YEAR and i.period is not None and role_at(new, i.line) != "plan"]


def _in_target_unit(t: Indicator, a: Indicator) -> float | None:
    """``a``'s value in ``t``'s unit (52000 people as 5.2 ten-thousands); None when they measure differently."""
    if a.unit == t.unit:
        return a.number
    if not (t.normalized_unit and t.normalized_unit == a.normalized_unit):
        return None
    if None in (t.normalized_value, a.normalized_value) or not t.number:
        return None
    return round(a.normalized_value * t.number / t.normalized_value, 6)


def _same_measure(t: Indicator, a: Indicator) -> int:
    """1 when ``a`` reports ``t``'s measure, -1 when it reports its fall (a price "fell"), else 0."""
    if a.measure == t.measure:
        return 1
    if _change_word().search(t.measure) and _pat("decrease").search(a.measure) \
            and level_of(canonical(a.measure)).name == level_of(canonical(t.measure)).name:
        return -1
    return 0


def _share_of_plan(t: Indicator, a: Indicator) -> bool:
    """``a`` is the share of the year's plan of ``t``'s measure that was completed (in percent)."""
    return _PLAN_SHARE in a.rules and (a.normalized_unit or a.unit) == "%" and any(
        a.measure.startswith(w) for w in synonyms(t.measure) if len(w) >= 2)


def _estimated(a: Indicator, lines: _Lines) -> bool:
    if a.qualifier in _words("track.estimate_qualifier"):
        return True
    line = lines.text.get(a.line, "")
    lo = 0
    for m in _sentence().finditer(line, 0, a.span.start):
        lo = m.end()
    return bool(_pat("estimate_cue").search(line[lo:a.span.start] + a.measure_phrase))


def _judge(t: Indicator, value: float) -> tuple[str, float]:
    low = t.low if t.low is not None else t.number
    if _pat("ceiling_measure").search(t.measure):
        cap = t.high if t.high is not None else low
        return ("met" if value <= cap else "missed"), round(value - cap, 4)
    return ("met" if value >= low else "missed"), round(value - low, 4)


def _bigrams(s: str) -> set[str]:
    return {s[k:k + 2] for k in range(len(s) - 1)}


def _likeness(t: Indicator, y: str, want: set[str]) -> float:
    """How closely ``y`` names what target ``t`` measures: the share of its character pairs ``y``
    has; 1 for a percentage whose name ends the other's whole (a rate named after the count it
    is of: "mediated N disputes, success rate R" for the disputes' mediation success rate)."""
    x = t.measure
    if (t.normalized_unit or t.unit) == "%" and min(len(x), len(y)) >= _MIN_HELD and (x.endswith(y) or y.endswith(x)):
        return 1.0
    return len(want & _bigrams(y)) / len(want)


def _follow(t: Indicator, rule: str, item: PlanItemRef | None, year: int | None, candidates: list[Indicator],
            old_lines: _Lines, new_lines: _Lines) -> TrackItem:
    low = t.low if t.low is not None else t.number
    target = TrackTarget(t.line, old_lines.span(t), low, t.high, t.unit, t.qualifier)
    plan_item_rule = rule == "track.plan_item"
    usable = [a for a in candidates
              if a.period == year and not (plan_item_rule and a.qualifier in _words("track.target_qualifier"))]

    def found(a: Indicator, value: float, match: str, **derived) -> TrackItem:
        status, margin = _judge(t, value)
        actual = TrackActual(a.line, new_lines.span(a), value, t.unit, bool(derived) or _estimated(a, new_lines),
                             match=match, **derived)
        return TrackItem(t.measure, rule, target, actual, status, margin, item)

    # the same canonical measure: what the comparison groups by
    for a in usable:
        sign = _same_measure(t, a)
        value = _in_target_unit(t, a) if sign else None
        if value is not None:
            return found(a, -value if sign < 0 else value, "measure")
    # a measure the synonym table does not list is named in many ways (the object before or after
    # its verb, a qualifier more or less): the closest name by character pairs, above a share
    if group_of(t.measure) is None:
        want, need = _bigrams(t.measure), _PLAN_ITEM_MATCH if plan_item_rule or rule == "track.plan_figure" else _NAME_MATCH
        best = None
        for a in usable:
            value = _in_target_unit(t, a) if group_of(a.measure) is None else None
            score = _likeness(t, a.measure, want) if value is not None and want else 0
            if score >= need and (best is None or score > best[0]):
                best = (score, a, value)
        if best is not None:
            return found(best[1], best[2], "similar_name")
    # no figure of the year: the share of the plan it completed, if given
    for a in usable:
        if a.number is not None and low is not None and _share_of_plan(t, a):
            return found(a, round(low * a.number / 100, 4), "plan_share", derived="track.derived.plan_share",
                         share=a.number)
    return TrackItem(t.measure, rule, target, None, "no_evidence", None, item)


def track(old: Report, new: Report) -> TrackResult:
    """Follow OLD's targets into NEW (OLD sets targets, NEW reports results)."""
    old_lines, new_lines = _Lines(old), _Lines(new)
    candidates = _evidence(new)
    items = [_follow(t, rule, item, _year_of(t, old), candidates, old_lines, new_lines)
             for t, rule, item in _targets(old, new)]
    items = [replace(i, margin_unit=difference_unit(i.target.unit)) for i in items]
    return TrackResult(old=TrackSide(old.org, old.year), new=TrackSide(new.org, new.year), items=tuple(items))


