"""The unit of a difference between two figures of one unit.

Two percentages differ by percentage points: 5.4% against a 5% target is 0.4 points, and
writing "0.4%" would claim a relative change (0.4% of 5%).  Other units differ in themselves
(a count of people against a count of people).  The word for points is the base of
``units.points`` in data/units.yaml.
"""
from __future__ import annotations

from .. import rules
from .numbers import unit_dimension


def difference_unit(unit: str | None) -> str:
    """The unit a difference of two figures in ``unit`` is stated in."""
    if unit and unit_dimension(unit) == "percent":
        return str(rules.entry("units", "units.points")["base"])
    return unit or ""
