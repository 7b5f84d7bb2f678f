"""Section roles: achievements, highlights, problems, plan, suggestions, overview, other."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import rules
from ..model import Report, Section
from ..textnorm import norm
from .headings import strip_ordinal

_T = rules.load("roles")
_CUES = [(e["id"], e["role"], re.compile(e["pattern"])) for e in _T["roles"] if not e.get("priority")]
_PRIORITY = [(e["id"], e["role"], re.compile(e["pattern"])) for e in _T["roles"] if e.get("priority")]
_YEAR = rules.pattern("roles", "role.year")


def cue(heading: str) -> tuple[str, str] | None:
    """(role, rule id) of the cue found earliest in a heading, or None."""
    s = strip_ordinal(norm(heading))
    for rid, role, pat in _PRIORITY:
        if pat.search(s):
            return role, rid
    best = None
    for rid, role, pat in _CUES:
        m = pat.search(s)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), role, rid)
    return (best[1], best[2]) if best else None


def cue_role(heading: str) -> str | None:
    c = cue(heading)
    return c[0] if c else None


def _top_role(s: Section, prev: str | None, year: int | None) -> tuple[str, str]:
    c = cue(s.heading)
    m = _YEAR.search(norm(s.heading))
    if m and year and int(m.group(1)) > year and (c is None or c[0] in ("achievements", "other")):
        return "plan", "role.next_year"  # a heading naming the year after the reported one
    if c:
        return c
    if prev in ("plan",):
        return "plan", "role.after_plan"
    if prev in ("problems", "suggestions"):
        return "other", "role.after_problems"
    return "achievements", "role.default_review"


def _child_roles(children: tuple[Section, ...], parent_role: str) -> tuple[Section, ...]:
    out = []
    for c in children:
        cc = cue(c.heading)
        # only strong cues override the parent, and never a plan: everything under a plan is
        # work to do (a heading naming an industry to develop is a task, not a highlight); a
        # heading naming difficulties under a review is a problem, next steps under problems a plan
        role, rid = (cc if cc and cc[0] in ("problems", "highlights", "suggestions", "plan", "overview")
                     and parent_role != "plan"
                     else (parent_role, "role.inherit"))
        out.append(replace(c, role=role, role_rule=rid, children=_child_roles(c.children, role)))
    return tuple(out)


def assign_roles(report: Report) -> Report:
    out = []
    prev = None
    for s in report.sections:
        role, rid = _top_role(s, prev, report.year)
        out.append(replace(s, role=role, role_rule=rid, children=_child_roles(s.children, role)))
        prev = role
    return replace(report, sections=tuple(out))
