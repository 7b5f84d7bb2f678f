"""Target and actual stated together: a goal and its figure, then what was achieved.

Within one sentence, figures after a goal cue (a goal noun, a stated intention) are targets and
figures after a cue of achievement (already, completed, actually …) are actuals (the phases of
indicators.py, cues in data/indicators.yaml).  Each actual is paired with the latest unpaired
target of the same kind of unit (money with money, percent with percent, households with
households), so an actual count of enterprises pairs with the enterprises' target, not with the
households' target before it.  completion = actual / target when both are numbers.
A table row (tables.py) pairs its target column with its actual column.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Indicator, Pair, Paragraph, Report
from .indicators import _SENT, _TARGET_MODAL, _TARGET_NOUN, _TOPIC_TAIL, _phases
from .numbers import unit_dimension

_GOAL = re.compile(f"{_TARGET_NOUN}|{_TARGET_MODAL}")


def _unit_key(i: Indicator) -> str:
    return unit_dimension(i.unit) or i.unit


_GOAL_WORDS = re.compile(_TOPIC_TAIL.pattern.rstrip("$"))


def _measure(target: Indicator) -> str:
    """What the pair measures: the target's measure without its goal words."""
    return _GOAL_WORDS.sub("", target.measure) or target.measure


def paragraph_pairs(p: Paragraph, indicators: list[Indicator]) -> list[Pair]:
    if len(indicators) < 2:
        return []
    t = p.norm_text
    if not _GOAL.search(t):
        return []  # no goal stated, nothing to pair
    phase = _phases(t)
    sent_ends = [m.end() for m in _SENT.finditer(t)] + [len(t) + 1]
    line_offset = {ln: off for ln, off in reversed(p.pieces)}  # the first piece of each line
    placed = []
    for i in indicators:
        if i.line not in line_offset:
            continue
        off = line_offset[i.line] + i.col
        sid = bisect_right(sent_ends, off)  # the sentence whose end is the first beyond ``off``
        placed.append((off, sid, i))
    placed.sort(key=lambda x: x[0])
    out: list[Pair] = []
    # the open targets of the current sentence, by unit key, latest last
    open_targets: dict[str, list[Indicator]] = {}
    current = None
    for off, sid, i in placed:
        if sid != current:
            open_targets, current = {}, sid
        state = phase.at(off)
        if i.kind in ("rate",) and state != "target":
            continue
        key = _unit_key(i)
        if state == "target":
            open_targets.setdefault(key, []).append(i)
        elif state == "actual" and open_targets.get(key):
            tgt = open_targets[key].pop()
            out.append(Pair(line=tgt.line, measure=_measure(tgt), target=tgt, actual=i,
                            completion=_completion(tgt, i), rule="pairs.phase_same_unit"))
    return out


def _completion(target: Indicator, actual: Indicator) -> float | None:
    if actual.number is not None and target.number and actual.unit == target.unit:
        return actual.number / target.number
    if actual.normalized_value is not None and target.normalized_value:
        return actual.normalized_value / target.normalized_value
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
