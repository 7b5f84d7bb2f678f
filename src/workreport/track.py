"""Follow the targets of one year's report into the next year's report of the same body.

The older report (OLD) sets targets, mostly in its "主要预期目标" paragraph ("地区生产总值增长
5%左右"); the newer one (NEW) reports what was achieved ("全市生产总值达到5.67万亿元、增长5.4%").
For each measure of ``plans.yaml: measures`` the first target statement in OLD and the first
annual figure in NEW (outside NEW's own target paragraph, not a multi-year average) are paired:
``met`` when the actual reaches the target's low end (or stays under it for a ceiling such as
prices), ``missed`` below it, ``no_evidence`` when NEW says nothing on it.  OLD's other targets
(indicators of kind target in the target paragraph or in plan items) are matched by measure name.

``track`` is a pure function of two Reports and returns a ``TrackResult``; choosing which two
reports to compare (files by the place in their names, library reports by body and year) is
``pairing.py``'s work, and ``contract.track_json`` turns the result into the track JSON of
../shared/CONTRACT.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import rules
from .extract.difference import difference_unit
from .extract.numbers import Quantity, find_quantities
from .model import Indicator, Paragraph, Report, role_at
from .textnorm import norm

WINDOW = 30  # characters between a measure's name and its figure
_CLAUSE_BREAK = re.compile(r"[,，、;；:：]")


@dataclass(frozen=True, slots=True)
class TrackTarget:
    """What OLD set: the figure's line and text, and the range it asks for."""

    line: int
    text: str  # exact substring of that line
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
    # percentage points (5.4% against 5% is 0.4 个百分点, not 0.4%)
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


@dataclass(frozen=True, slots=True)
class Statement:
    """One figure for a measure: where it is and what it says."""

    measure: str
    line: int
    text: str  # exact substring of that line
    q: Quantity
    estimated: bool
    negative: bool = False


@dataclass(frozen=True, slots=True)
class _Measure:
    id: str
    name: str
    regex: re.Pattern
    after_not: re.Pattern | None
    unit: str
    direction: str
    decrease: re.Pattern | None  # a change verb that makes the figure negative (下降 0.1%)


def _pat(key: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{e['pattern']})" for e in rules.load("plans")[key]))


def _word_alt(w: str, words: list[str]) -> str:
    """``w`` as a regex that does not match the tail of a longer name (生产总值 in 人均地区生产总值
    is seen only as 地区生产总值, which the before_not check then rejects)."""
    heads = [W[: -len(w)] for W in words if W != w and W.endswith(w)]
    return "".join(f"(?<!{re.escape(h)})" for h in heads) + re.escape(w)


@lru_cache(maxsize=1)
def _measures() -> tuple[_Measure, ...]:
    out = []
    for e in rules.load("plans")["measures"]:
        words = "|".join(_word_alt(w, e["words"]) for w in sorted(e["words"], key=len, reverse=True))
        before = f"(?<![{re.escape(e['before_not'])}])" if e.get("before_not") else ""
        # name, then up to WINDOW characters inside the sentence, then the change verb
        # name, then up to WINDOW characters of the same sentence (no other percentage, no
        # quotation), then the change verb; or a name that holds its verb (经济增长)
        rx = f"{before}(?:{words})(?P<mid>[^。；;%“”]{{0,{WINDOW}}}?)(?P<chg>{e['change']})"
        if e.get("self_change_words"):
            selfw = "|".join(re.escape(w) for w in e["self_change_words"])
            rx = f"{rx}|{before}(?P<self>{selfw})"
        rx = re.compile(rx)
        out.append(_Measure(e["id"], e["name"], rx, re.compile(e["after_not"]) if e.get("after_not") else None,
                            e.get("unit", "%"), e.get("direction", "up"),
                            re.compile(e["decrease"]) if e.get("decrease") else None))
    return tuple(out)


def _statements(report: Report, m: _Measure, want_target: bool) -> list[Statement]:
    """Figures for measure ``m`` in the report, in text order; targets or actuals."""
    cue, est, not_annual = _pat("target_cue"), _pat("estimate_cue"), _pat("not_annual")
    out = []
    for p in report.paragraphs:
        t = norm(p.text)
        cue_at = [c.start() for c in cue.finditer(t)]
        for hit in m.regex.finditer(t):
            mid = hit.group("mid") or ""
            if m.after_not and m.after_not.search(mid):
                continue
            if want_target and _CLAUSE_BREAK.search(mid):
                continue  # a target is stated tightly ("X增长5%左右"); a comma means another measure
            if len(find_quantities(mid)) > 1:
                continue  # "零售总额达4.6万亿元，进出口总额5.9万亿元、增长6%": the verb is another measure's
            in_target = any(c <= hit.start() for c in cue_at) and any(
                hit.start() - c < 400 for c in cue_at if c <= hit.start()
            )
            if in_target != want_target:
                continue
            if not want_target and role_at(report, p.line_at(hit.start())[0]) == "plan":
                continue  # NEW's own plans ("规上工业增加值增长5.5%左右") are not results
            clause_lo = max(t.rfind(x, 0, hit.start()) for x in "。；;，,：:") + 1
            if not_annual.search(t[clause_lo:hit.end()]):
                continue
            # the first quantity in the measure's unit right after the verb
            rest = p.text[hit.end():hit.end() + 16]
            qs = [q for q in find_quantities(rest) if norm(q.unit) == norm(m.unit)]
            if not qs or qs[0].start > 3 or qs[0].number is None:
                continue
            q = qs[0]
            a, b = hit.start(), hit.end() + q.end
            line, _ = p.line_at(a)
            span = _line_span(p, a, b)
            sent_lo = max(t.rfind(x, 0, hit.start()) for x in "。；;") + 1
            estimated = bool(est.search(t[sent_lo:b]))
            if want_target and est.search(t[clause_lo:hit.start()] + hit.group(0)):
                continue  # "预计增长5.1%左右" near the targets is last year's estimate, not a target
            negative = bool(m.decrease and m.decrease.search(hit.group("chg") or ""))
            out.append(Statement(m.name, line, span, q, estimated and not want_target, negative))
    return out


def _line_span(p: Paragraph, a: int, b: int) -> str:
    """The part of text[a:b] that lies on the line holding ``a`` (spans are substrings of a line)."""
    line, col = p.line_at(a)
    nxt = [off for ln, off in p.pieces if off > a]
    end = min(b, nxt[0]) if nxt else b
    return p.text[a:end]


def _target(s: Statement) -> TrackTarget:
    q = s.q
    return TrackTarget(s.line, s.text, q.low, q.high, q.unit, q.qualifier)


def _actual(s: Statement) -> TrackActual:
    v = s.q.number
    return TrackActual(s.line, s.text, -v if (s.negative and v is not None) else v, s.q.unit, s.estimated)


def _judge(m: _Measure, target: Statement, actual: Statement | None) -> tuple[str, float | None]:
    if actual is None:
        return "no_evidence", None
    low = target.q.low if target.q.low is not None else target.q.number
    value = actual.q.number
    if low is None or value is None:
        return "no_evidence", None
    if actual.negative:
        value = -value
    margin = round(value - low, 4)
    if m.direction == "down":
        ceiling = target.q.high if target.q.high is not None else low
        return ("met" if value <= ceiling else "missed"), round(value - ceiling, 4)
    return ("met" if margin >= 0 else "missed"), margin


def track(old: Report, new: Report) -> TrackResult:
    """Follow OLD's targets into NEW (OLD sets targets, NEW reports results)."""
    items = []
    for m in _measures():
        targets = _statements(old, m, want_target=True)
        if not targets:
            continue
        actuals = _statements(new, m, want_target=False)
        t = targets[0]
        a = actuals[0] if actuals else None
        status, margin = _judge(m, t, a)
        items.append(TrackItem(m.name, m.id, _target(t), _actual(a) if a else None, status, margin))
    items.extend(_generic_items(old, new, {(i.target.line, i.target.text) for i in items}))
    items = [replace(i, margin_unit=difference_unit(i.target.unit)) for i in items]
    return TrackResult(old=TrackSide(old.org, old.year), new=TrackSide(new.org, new.year), items=tuple(items))


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _target_lines(report: Report) -> set[int]:
    """Lines of the paragraphs that set targets (from the cue to the paragraph's end)."""
    cue = _pat("target_cue")
    out: set[int] = set()
    for p in report.paragraphs:
        m = cue.search(norm(p.text))
        if m:
            first, _ = p.line_at(m.start())
            out.update(ln for ln, _ in p.pieces if ln >= first)
    return out


_GENERIC_MATCH = 0.6  # share of the target measure's character pairs the evidence must share
_PLAN_ITEM_MATCH = 0.8
_PLAN_ITEM_MIN_MEASURE = 4  # "建成" alone names nothing to follow
_TARGET_QUALIFIERS = ("以上", "左右", "力争")  # how targets are worded, not results
_ONE_YEAR = ("annual", "point")  # period kinds that are one year's figure


def _generic_items(old: Report, new: Report, covered: set[tuple[int, str]]) -> list[TrackItem]:
    """OLD's other target figures (in its targets paragraph), matched to NEW's figures by measure
    name (character bigrams), unit and period: the evidence is a figure of one year (annual or
    at the year's end) about the year the target is for (``Indicator.period``, from extract/
    periods.py), so a five-year total, a figure to a date or NEW's own targets never count."""
    old_lines, new_lines = _target_lines(old), _target_lines(new)
    ceiling = _pat("ceiling_measure")

    def for_year(t: Indicator) -> int | None:
        # a target without its own period is for the year after the one OLD reviews
        return t.period if t.period is not None else (old.year + 1 if old.year else None)

    candidates = [i for i in new.indicators
                  if i.kind != "target" and i.line not in new_lines and i.number is not None
                  and i.period_kind in _ONE_YEAR and i.period is not None and role_at(new, i.line) != "plan"]
    # the quantified targets of OLD's plan items count too ("宽带入户率达60%以上"); their evidence
    # must name the same thing more closely, since plan items are many and varied
    item_of = {(i.line, i.span): p for p in old.plan_items for i in p.targets}
    out = []
    for t in old.indicators:
        item = item_of.get((t.line, t.span))
        in_targets = t.line in old_lines
        if t.kind != "target" or t.number is None or len(t.measure) < 2:
            continue
        if not in_targets and (item is None or len(t.measure) < _PLAN_ITEM_MIN_MEASURE):
            continue
        if any(line == t.line and t.text in text for line, text in covered):
            continue
        want = _bigrams(t.measure)
        best = None
        need = _GENERIC_MATCH if in_targets else _PLAN_ITEM_MATCH
        year = for_year(t)
        for a in candidates:
            if a.unit != t.unit or a.period != year or (not in_targets and a.qualifier in _TARGET_QUALIFIERS):
                continue
            score = len(want & _bigrams(a.measure)) / len(want)
            if score >= need and (best is None or score > best[0]):
                best = (score, a)
        low = t.low if t.low is not None else t.number
        target = TrackTarget(t.line, t.text, low, t.high, t.unit, t.qualifier)
        rule = "track.generic" if in_targets else "track.plan_item"
        plan_item = PlanItemRef(item.line, item.text[:60]) if item is not None else None
        if best is None:
            out.append(TrackItem(t.measure, rule, target, None, "no_evidence", None, plan_item))
            continue
        a = best[1]
        if ceiling.search(t.measure):
            cap = t.high if t.high is not None else low
            status, margin = ("met" if a.number <= cap else "missed"), round(a.number - cap, 4)
        else:
            status, margin = ("met" if a.number >= low else "missed"), round(a.number - low, 4)
        actual = TrackActual(a.line, a.text, a.number, a.unit, a.qualifier in ("约", "左右", "预计"))
        out.append(TrackItem(t.measure, rule, target, actual, status, margin, plan_item))
    return out
