"""Section roles: achievements, highlights, problems, plan, suggestions, overview, other."""
from __future__ import annotations

from dataclasses import replace

from .. import rules
from ..model import Part, Report, Section, role_at, walk_sections
from ..textnorm import norm
from .headings import strip_ordinal

_T = rules.load("roles")
_CUES = [(e["id"], e["role"], rules.compiled(e["pattern"])) for e in _T["roles"] if not e.get("priority")]
_TOP_ONLY = frozenset(e["id"] for e in _T["roles"] if e.get("top_only"))  # cues of top-level headings only
_PRIORITY = [(e["id"], e["role"], rules.compiled(e["pattern"])) for e in _T["roles"] if e.get("priority")]
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
        if cc and cc[1] in _TOP_ONLY:
            cc = None
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


# --- problems parts without a heading ------------------------------------------------------

_LEAD = {k: rules.pattern("roles", f"role.problem_lead.{k}")
         for k in ("vocative", "acknowledge", "problem", "overcome", "still", "follows", "sentence_end")}
_LEAD_CHARS = int(rules.limit("roles", "role.problem_lead.lead_chars"))
_LEAD_END = _LEAD["sentence_end"]
_NO_PART = ("plan", "problems", "suggestions")  # a part there would say nothing new


def problem_cue(text: str) -> str | None:
    """The words of a paragraph's lead sentence that make it a problems part, or None.

    ``text`` is normalised.  The lead is the first sentence (an address to the delegates
    skipped): it says problems remain ("some shortcomings still exist"), or acknowledges them
    ("we are also soberly aware") and then names one that is not something overcome ("overcame
    every difficulty").  The cues are roles.yaml ``problem_lead``."""
    v = _LEAD["vocative"].match(text)
    t = text[v.end():] if v else text
    t = t[:_LEAD_CHARS]
    end = _LEAD_END.search(t)
    lead = t[:end.start()] if end else t
    m = _LEAD["still"].search(lead)
    if m:
        return m.group()
    ack = _LEAD["acknowledge"].search(lead)
    if not ack:
        return None
    if end:  # "we soberly see the outside world is complex. … the base is still weak": the problems follow in the next sentence
        nxt = _LEAD_END.search(t, end.end())
        lead = t[:nxt.start()] if nxt else t
    for p in _LEAD["problem"].finditer(lead, ack.end()):
        if not _LEAD["overcome"].search(lead, ack.end(), p.start()):
            return lead[ack.start():p.end()]
    return None


def find_parts(report: Report) -> Report:
    """Mark heading-less problems paragraphs (and the paragraphs that go on listing them)."""
    heads = {s.line for s in walk_sections(report.sections)}
    parts: list[Part] = []
    paras = report.paragraphs
    i = 0
    while i < len(paras):
        p = paras[i]
        i += 1
        if p.line_start in heads or role_at(report, p.line_start) in _NO_PART:
            continue
        cue_words = problem_cue(p.norm_text)
        if cue_words is None:
            continue
        end = p.line_end
        while i < len(paras) and paras[i].line_start not in heads and _LEAD["follows"].match(paras[i].norm_text):
            end = paras[i].line_end
            i += 1
        parts.append(Part(line_start=p.line_start, line_end=end, role="problems", cue=cue_words,
                          rule="role.problem_lead"))
    return replace(report, parts=tuple(parts))
