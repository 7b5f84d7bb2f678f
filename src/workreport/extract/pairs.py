"""Target and actual stated together: "目标6.65亿元,增幅30%,已完成7.01亿元,增幅56.97%".

Within one sentence, figures after a goal cue (目标, 任务, 力争 …) are targets and figures
after a cue of achievement (已, 完成, 实际, 目前, 净增 …) are actuals (the phases of
indicators.py).  Each actual is paired with the latest unpaired target of the same kind of
unit (money with money, % with %, 户 with 户), so "目标数新增642户、企业333户,完成企业落户252户"
pairs 252户 with 333户.  completion = actual / target when both are numbers.
A table row (tables.py) pairs its target column with its actual column.
"""
from __future__ import annotations

import re

from ..model import Indicator, Pair, Paragraph, Report
from ..textnorm import norm
from .indicators import _SENT, _TARGET_MODAL, _TARGET_NOUN, _TOPIC_TAIL, _phases
from .numbers import unit_dimension

_GOAL = re.compile(f"{_TARGET_NOUN}|{_TARGET_MODAL}")


def _unit_key(i: Indicator) -> str:
    return unit_dimension(i.unit) or i.unit


def _offset(p: Paragraph, line: int, col: int) -> int | None:
    for ln, off in p.pieces:
        if ln == line:
            return off + col
    return None


_GOAL_WORDS = re.compile(_TOPIC_TAIL.pattern.rstrip("$"))


def _measure(target: Indicator) -> str:
    """What the pair measures: the target's measure without its goal words."""
    return _GOAL_WORDS.sub("", target.measure) or target.measure


def paragraph_pairs(p: Paragraph, indicators: list[Indicator]) -> list[Pair]:
    if len(indicators) < 2:
        return []
    t = norm(p.text)
    if not _GOAL.search(t):
        return []  # no goal stated, nothing to pair
    phase = _phases(t)
    sent_ends = [m.end() for m in _SENT.finditer(t)] + [len(t) + 1]
    placed = []
    for i in indicators:
        off = _offset(p, i.line, i.col)
        if off is None:
            continue
        sid = next(k for k, e in enumerate(sent_ends) if off < e)
        placed.append((off, sid, i))
    placed.sort(key=lambda x: x[0])
    out: list[Pair] = []
    open_targets: list[tuple[int, Indicator, str]] = []  # (sentence, indicator, unit key)
    for off, sid, i in placed:
        open_targets = [x for x in open_targets if x[0] == sid]
        state = phase.at(off)
        if i.kind in ("rate",) and state != "target":
            continue
        key = _unit_key(i)
        if state == "target":
            open_targets.append((sid, i, key))
        elif state == "actual":
            for k in range(len(open_targets) - 1, -1, -1):
                if open_targets[k][2] == key:
                    tgt = open_targets.pop(k)[1]
                    completion = _completion(tgt, i)
                    out.append(
                        Pair(
                            line=tgt.line,
                            measure=_measure(tgt),
                            target=tgt,
                            actual=i,
                            completion=completion,
                            rule="pairs.phase_same_unit",
                        )
                    )
                    break
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
