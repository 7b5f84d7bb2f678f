"""The figures of a report as the arithmetic checks see them: the extract stage's indicators of
one line, in text order, with a unit key to compare them by and the precision they are
written with.  Two figures can be added or divided when their keys are equal (ten thousand yuan
and a hundred million yuan are both money; people and person-visits are not the same count)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from ..model import Indicator, Report

_PERCENT = "%"
_TIMES = rules.entry("checks", "check.fig.per_visit")["chars"]  # person-visits, household-visits: not people
_SENT = rules.pattern("checks", "check.sentence")


@dataclass(frozen=True, slots=True)
class Fig:
    ind: Indicator
    start: int  # columns of the figure in its line (qualifiers included)
    end: int
    value_start: int  # where the number as written starts and ends
    value_end: int
    number: float
    base: float  # the value in the unit's base (yuan, people, square metres …)
    key: tuple[str, bool]  # (base unit, counts visits): figures with equal keys add up
    decimals: int  # digits after the point as written

    @property
    def is_percent(self) -> bool:
        return self.key[0] == _PERCENT

    @property
    def scale(self) -> float:
        """The base value of one unit as written (1e4 for ten thousand yuan)."""
        return self.base / self.number if self.number else 1.0


def label_before(nt: str, end: int, lo: int, width: int, stops: str) -> str:
    """The words just before ``end`` that name a figure: at most ``width`` characters, from
    ``lo`` on, back to the nearest of the ``stops`` marks (data: checks.yaml stops)."""
    a = max(lo, end - width)
    for sep in stops:
        a = max(a, nt.rfind(sep, a, end) + 1)
    return nt[a:end]


def _decimals(value: str) -> int:
    return len(value.split(".", 1)[1]) if "." in value else 0


def figure(ind: Indicator, nt: str) -> Fig | None:
    """A Fig of an Arabic figure with a unit (``nt``: its normalised line); None for
    placeholders, ranges and Chinese numerals."""
    if ind.number is None or not ind.unit or ind.high not in (None, ind.low):
        return None
    if not re.fullmatch(r"\d+(?:\.\d+)?", ind.value):
        return None
    i = nt.find(ind.value, ind.span.start, ind.span.end)
    if i < 0:
        return None
    base = ind.normalized_value if ind.normalized_value is not None else ind.number
    unit = ind.normalized_unit or ind.unit
    key = (_PERCENT, False) if ind.unit == _PERCENT else (unit, any(c in ind.unit for c in _TIMES))
    return Fig(ind=ind, start=ind.span.start, end=ind.span.end, value_start=i, value_end=i + len(ind.value),
               number=ind.number, base=base, key=key, decimals=_decimals(ind.value))


def line_figures(report: Report, lines) -> dict[int, list[Fig]]:
    """Figures of each line (``lines``: the checker's (line, text, normalised) triples).
    Kept with ``lines`` when they carry a memo (common.ReportLines): the sums and the rates
    checks read the same figures.  Callers only read what is returned."""
    memo = getattr(lines, "memo", None)
    if memo is not None:
        kept = memo.get("line_figures")
        if kept is not None and kept[0] is report:
            return kept[1]
    out = _line_figures(report, lines)
    if memo is not None:
        memo["line_figures"] = (report, out)
    return out


def _line_figures(report: Report, lines) -> dict[int, list[Fig]]:
    texts = {ln: nt for ln, _, nt in lines}
    out: dict[int, list[Fig]] = {}
    for ind in report.indicators:
        text = texts.get(ind.line)
        if text is None:
            continue
        f = figure(ind, text)
        if f is not None:
            out.setdefault(ind.line, []).append(f)
    for figs in out.values():
        figs.sort(key=lambda f: f.start)
    return out


def sentences(nt: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised line."""
    return [m.span() for m in _SENT.finditer(nt)]


def fmt(x: float, decimals: int) -> str:
    """``x`` written with ``decimals`` digits after the point (12.0 -> "12" when 0)."""
    return f"{x:.{max(0, decimals)}f}"


def replace_number(f: Fig, line_text: str, value: str) -> str:
    """The figure's text with its number replaced (the suggested correction of ``wrong``)."""
    return line_text[f.start:f.value_start] + value + line_text[f.value_end:f.end]
