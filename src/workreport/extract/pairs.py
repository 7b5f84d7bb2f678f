"""Target and actual stated together: a goal and its figure, and what was achieved.

Within one sentence, figures after a goal cue (a goal noun, a stated intention) are targets and
figures after a cue of achievement (already, completed, actually …) are actuals (the phases of
indicators.py, cues in data/indicators.yaml).  Each actual is paired with the latest unpaired
target of the same kind of unit (money with money, percent with percent, households with
households), so an actual count of enterprises pairs with the enterprises' target, not with the
households' target before it.  Besides that order the genre has a few others (cues in
data/indicators.yaml, ``pairs``):

- an approved quota and what was done of it ("approved N m³ … already cleared M m³");
- the result first, then the goal it is measured against ("built M, N% of the annual goal of N");
- a goal "all completed and exceeded by K": the actual is N + K;
- a goal "all completed" with no figure of its own: the actual is N.

A pair is kept only when its two figures share a unit, name the same thing (or one of them names
nothing of its own) and are about the same period.  completion = actual / target.
A table row (tables.py) pairs its target column with its actual column.
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_right

from .. import rules
from ..numerals import finite
from ..model import Indicator, Pair, Paragraph, Report
from .indicators import _CLAUSE, _GENERIC_NAME, _SENT, _TARGET_MODAL, _TARGET_NOUN, _TOPIC_TAIL, _phases
from .numbers import unit_dimension

_TABLE = "indicators"
_GOAL = rules.compiled(f"{_TARGET_NOUN}|{_TARGET_MODAL}")
_QUOTA = rules.pattern(_TABLE, "pairs.quota")
_EXCESS = rules.pattern(_TABLE, "pairs.excess")
_AGAINST = rules.pattern(_TABLE, "pairs.measured_against")
_ALL_DONE = rules.pattern(_TABLE, "pairs.all_done")
_GENERIC_UNIT = rules.pattern(_TABLE, "pairs.generic_unit")
_MIN_NAME = int(rules.limit(_TABLE, "pairs.min_named_chars"))


def _unit_key(i: Indicator) -> str:
    return unit_dimension(i.unit) or i.unit


_GOAL_WORDS = rules.compiled(_TOPIC_TAIL.pattern.rstrip("$"))


def _measure(target: Indicator, actual: Indicator | None = None) -> str:
    """What the pair measures: the more specific of the two names, without goal words."""
    names = [m for m in (target.measure, actual.measure if actual else "") if m and not _GENERIC_NAME.search(m)]
    best = max(names, key=len) if names else target.measure
    return _GOAL_WORDS.sub("", best) or best


def _bigrams(s: str) -> set[str]:
    return {s[k:k + 2] for k in range(len(s) - 1)}


def same_thing(a: Indicator, b: Indicator, strict: bool = True) -> bool:
    """Two figures may be target and actual of one thing: the same kind of unit, the same
    period (when both are known), and names that overlap unless one names nothing of its own.
    ``strict``: the names must share a pair of characters (for the weaker orders: a quota, the
    result first, a goal exceeded or done); else one character is enough (a goal and then its
    achievement in one sentence, often worded as what was done: "a target of 10 new firms,
    6 firms' records filed")."""
    if _unit_key(a) != _unit_key(b):
        return False
    if a.period is not None and b.period is not None and (a.period, a.period_end) != (b.period, b.period_end):
        return False
    x, y = a.measure, b.measure
    if len(x) < _MIN_NAME or len(y) < _MIN_NAME or x in y or y in x:
        return True
    if _GENERIC_NAME.search(x) or _GENERIC_NAME.search(y):
        return True
    return bool(_bigrams(x) & _bigrams(y)) if strict else bool(set(x) & set(y))


def _clause_prefix(t: str, off: int) -> str:
    lo = max(0, off - 24)
    last = None
    for last in _CLAUSE.finditer(t, lo, off):
        pass
    return t[last.end() if last else lo:off]


def _number_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.6g}"


def _exceeded(target: Indicator, extra: Indicator) -> Indicator | None:
    """The actual of a goal completed and exceeded by ``extra``: target + extra, in the target's
    unit (kept where ``extra`` is written)."""
    if target.number is None or extra.number is None or target.unit != extra.unit:
        return None
    total = target.number + extra.number
    nv = None
    if target.normalized_value is not None and extra.normalized_value is not None:
        nv = target.normalized_value + extra.normalized_value
    return dataclasses.replace(extra, value=_number_text(total), number=total, low=total, high=None,
                               normalized_value=nv, qualifier=None, measure=target.measure,
                               rules=extra.rules + ("pairs.excess",))


def _pair(target: Indicator, actual: Indicator, rule: str) -> Pair:
    return Pair(line=target.line, measure=_measure(target, actual), target=target, actual=actual,
                completion=_completion(target, actual), rule=rule)


def _sentence_pairs(t: str, items: list[tuple[int, Indicator]], sentence: tuple[int, int], phase) -> list[Pair]:
    out: list[Pair] = []
    targets: list[Indicator] = []  # open targets, latest last
    actuals: list[Indicator] = []  # figures of what was done that no target has taken yet
    goals: list[Indicator] = []  # targets set by a goal cue (not by a quota)
    paired: set[int] = set()
    for off, i in items:
        state = phase.at(off)
        prefix = _clause_prefix(t, off)
        if i.kind == "rate" and state != "target":
            continue
        if state == "target" or (i.kind != "rate" and _QUOTA.search(prefix)):
            # the result came first: "built M, N% of the annual goal of N"
            a = next((a for a in reversed(actuals) if same_thing(i, a)), None)
            if a is not None and state == "target" and _AGAINST.match(t, off + len(i.text)):
                actuals.remove(a)
                out.append(_pair(i, a, "pairs.actual_then_target"))
                paired.add(id(i))
                continue
            targets.append(i)
            if state == "target":
                goals.append(i)
            continue
        excess = bool(_EXCESS.search(prefix))
        tgt = next((x for x in reversed(targets) if same_thing(x, i, strict=excess or x not in goals)), None)
        if state == "actual" and tgt is not None:
            targets.remove(tgt)
            paired.add(id(tgt))
            exceeded = _exceeded(tgt, i) if excess else None
            out.append(_pair(tgt, exceeded or i, "pairs.excess" if exceeded else "pairs.phase_same_unit"))
            continue
        if i.kind in ("actual", "growth"):
            actuals.append(i)
    # a goal "all completed" with no figure of its own
    lo, hi = sentence
    for tgt in targets:
        if id(tgt) not in paired and tgt.kind == "target" and _ALL_DONE.search(t, _offset_of(items, tgt), hi):
            out.append(_pair(tgt, tgt, "pairs.all_done"))
    return out


def _offset_of(items: list[tuple[int, Indicator]], i: Indicator) -> int:
    return next(off for off, x in items if x is i)


def paragraph_pairs(p: Paragraph, indicators: list[Indicator]) -> list[Pair]:
    if not indicators:
        return []
    t = p.norm_text
    if not (_GOAL.search(t) or _QUOTA.search(t)):
        return []  # no goal or quota stated, nothing to pair
    phase = _phases(t)
    ends = [m.end() for m in _SENT.finditer(t)] + [len(t) + 1]
    line_offset = {ln: off for ln, off in reversed(p.pieces)}  # the first piece of each line
    by_sentence: dict[int, list[tuple[int, Indicator]]] = {}
    for i in indicators:
        if i.line not in line_offset:
            continue
        off = line_offset[i.line] + i.col
        by_sentence.setdefault(bisect_right(ends, off), []).append((off, i))
    out: list[Pair] = []
    for sid in sorted(by_sentence):
        items = sorted(by_sentence[sid], key=lambda x: x[0])
        lo = ends[sid - 1] if sid else 0
        out.extend(_sentence_pairs(t, items, (lo, min(ends[sid], len(t))), phase))
    return out + _across(by_sentence, out, phase)


def _across(by_sentence: dict[int, list[tuple[int, Indicator]]], pairs: list[Pair], phase) -> list[Pair]:
    """A goal left open at the end of a sentence and what was done of it in the next one
    ("the plan is N. By November, M were done."): the next sentence sets no goal of its own, the
    figure follows a cue of achievement and the two name the same thing (strictly, or the same
    specific counter and a shared character: ``_same_counted``)."""
    used = {id(x) for p in pairs for x in (p.target, p.actual)}
    out: list[Pair] = []
    for sid, items in by_sentence.items():
        nxt = by_sentence.get(sid + 1)
        if not nxt or any(i.kind == "target" for _, i in nxt):
            continue
        open_goals = [i for _, i in items if i.kind == "target" and id(i) not in used]
        if not open_goals:
            continue
        goal = open_goals[-1]
        done = next((i for off, i in sorted(nxt, key=lambda x: x[0]) if id(i) not in used and i.kind == "actual"
                     and phase.at(off) == "actual" and (same_thing(goal, i) or _same_counted(goal, i))), None)
        if done is not None:
            used.update((id(goal), id(done)))
            pair = _pair(goal, done, "pairs.next_sentence")
            if not same_thing(goal, done):  # only the counter ties them: the goal names the thing
                pair = dataclasses.replace(pair, measure=_measure(goal))
            out.append(pair)
    return out


def _same_counted(goal: Indicator, done: Indicator) -> bool:
    """The goal's thing counted again: the same specific counter (not one that counts anything),
    the same period, and names that share a character (built N toilets / built M in the villages)."""
    return bool(goal.unit == done.unit and not _GENERIC_UNIT.search(goal.unit) and same_thing(goal, done, strict=False))


def _completion(target: Indicator, actual: Indicator) -> float | None:
    if actual.number is not None and target.number and actual.unit == target.unit:
        return finite(actual.number / target.number)
    if actual.normalized_value is not None and target.normalized_value:
        return finite(actual.normalized_value / target.normalized_value)
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def table_row_pairs(indicators: list[Indicator]) -> list[Pair]:
    """A table row with a target column and an actual column of the same kind of unit."""
    out: list[Pair] = []
    targets = [i for i in indicators if i.kind == "target"]
    for a in (i for i in indicators if i.kind == "actual"):
        t = next((t for t in targets if _unit_key(t) == _unit_key(a)), None)
        if t is None:
            continue
        targets.remove(t)
        measure = _common_prefix(t.measure, a.measure) or _measure(t)  # the row label
        out.append(Pair(line=t.line, measure=measure, target=t, actual=a,
                        completion=_completion(t, a), rule="pairs.table_row"))
    return out


def find_pairs(report: Report) -> tuple[Pair, ...]:
    by_line: dict[int, list[Indicator]] = {}
    rows: dict[int, list[Indicator]] = {}
    for i in report.indicators:
        # table cells (tables.py) pair within their row, never through prose phases
        (rows if i.rules[:1] == ("tables.cell",) else by_line).setdefault(i.line, []).append(i)
    out: list[Pair] = []
    for p in report.paragraphs:
        inds = [i for ln in range(p.line_start, p.line_end + 1) for i in by_line.get(ln, ())]
        out.extend(paragraph_pairs(p, inds))
    for ln in sorted(rows):
        out.extend(table_row_pairs(rows[ln]))
    return tuple(out)
