"""Plan items: the first-level commitments of a report's plan section(s).

A plan section is one whose role is ``plan`` or whose heading reads as a plan (data
``plans.yaml: plan_heading``, which also catches combined headings such as problems + next
steps; there the items begin at the paragraph with a next-step cue).  Inside it the items are,
in order of preference:

1. the section's children in the outline (headed items);
2. paragraphs opening with an item ordinal, when the outline gave no children;
3. inline enumerations (first …, second …), several possibly on one line;
4. plain paragraphs, when the plan has no ordinals at all (the opening intro paragraph dropped).

Each item keeps its line, text, the quantified targets on its lines, a deadline and a lead unit.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from .. import rules
from ..model import Indicator, Paragraph, PlanItem, Report, Section, walk_sections
from ..textnorm import norm

TARGET_KINDS = ("target", "rate", "growth")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[str, re.Pattern]]]:
    table = rules.load("plans")
    return {key: [(e["id"], rules.compiled(e["pattern"])) for e in table[key] if e.get("pattern")] for key in table}


def _first(key: str, text: str) -> tuple[str, re.Match] | None:
    for rid, pat in _patterns()[key]:
        m = pat.search(text)
        if m:
            return rid, m
    return None


def is_plan_heading(heading: str) -> bool:
    return _first("plan_heading", norm(heading)) is not None


def plan_sections(report: Report) -> list[Section]:
    """Outermost sections that hold the plan (nested plan sections are not repeated)."""
    found: list[Section] = []

    def visit(sections, parent_role):
        for s in sections:
            # Inside a review or problems part a "plan" role alone is weak evidence (a review
            # item about future work); there the heading itself must read as a plan.
            trusted_role = s.role == "plan" and parent_role in (None, "plan", "other")
            if trusted_role or is_plan_heading(s.heading):
                found.append(s)
                continue
            visit(s.children, s.role)

    visit(report.sections, None)
    return found


def _section_end(report: Report, s: Section) -> int:
    if s.end_line:
        return s.end_line
    later = [x.line for x in walk_sections(report.sections) if x.line > s.line]
    return min(later) - 1 if later else report.end_line


def _paras_in(report: Report, first: int, last: int) -> list[Paragraph]:
    return [p for p in report.paragraphs if first <= p.line_start <= last]


def _targets(report: Report, first: int, last: int, col_from: int = 0, col_to: int | None = None) -> tuple[Indicator, ...]:
    out = []
    for ind in report.indicators:
        if not first <= ind.line <= last or ind.kind not in TARGET_KINDS:
            continue
        if ind.line == first and ind.col < col_from:
            continue
        if col_to is not None and ind.line == last and ind.col >= col_to:
            continue
        out.append(ind if ind.kind == "target" else dataclasses.replace(ind, kind="target"))
    return tuple(out)


def _deadline(text: str) -> str | None:
    hit = _first("deadline", norm(text))
    return text[hit[1].start():hit[1].end()] if hit else None


def _lead_unit(text: str) -> str | None:
    hit = _first("lead_unit", norm(text))
    if not hit:
        return None
    m = hit[1]
    return text[m.start(1):m.end(1)].strip()


def _item(report: Report, line: int, last: int, text: str, rule: str, col_from=0, col_to=None) -> PlanItem:
    return PlanItem(
        line=line,
        text=text,
        targets=_targets(report, line, last, col_from, col_to),
        deadline=_deadline(text),
        lead_org=_lead_unit(text),
        rule=rule,
    )


def _body_text(paras: list[Paragraph], first: int, last: int) -> str:
    return "".join(p.text for p in paras if first <= p.line_start <= last)


def _items_from_children(report: Report, sec: Section, paras: list[Paragraph]) -> list[PlanItem]:
    kids = list(sec.children)
    out = []
    end = _section_end(report, sec)
    for i, k in enumerate(kids):
        last = (kids[i + 1].line - 1) if i + 1 < len(kids) else end
        text = _body_text(paras, k.line, last) or k.heading
        out.append(_item(report, k.line, last, text, "plan.item.heading"))
    return out


def _items_from_headed_paragraphs(report: Report, paras: list[Paragraph], end: int) -> list[PlanItem]:
    hits: list[tuple[Paragraph, str]] = []
    family = None
    for p in paras:
        h = _first("item_heading", p.norm_text)
        if not h:
            continue
        rid = h[0]
        if rid == "plan.item.lost_paren":
            rid = "plan.item.cn_paren"  # a lost bracketed ordinal is still of the bracketed family
        family = family or rid
        if rid == family:
            hits.append((p, h[0]))
    if len(hits) < 2:
        return []
    out = []
    for i, (p, rid) in enumerate(hits):
        last = hits[i + 1][0].line_start - 1 if i + 1 < len(hits) else end
        out.append(_item(report, p.line_start, last, _body_text(paras, p.line_start, last), rid))
    return out


def _items_from_inline(report: Report, paras: list[Paragraph]) -> list[PlanItem]:
    out = []
    for p in paras:
        t = p.norm_text
        marks: list[tuple[int, str]] = []
        for rid, pat in _patterns()["inline_item"]:
            marks.extend((m.start(), rid) for m in pat.finditer(t))
        marks.sort()
        for i, (start, rid) in enumerate(marks):
            stop = marks[i + 1][0] if i + 1 < len(marks) else len(t)
            line, col = p.line_at(start)
            last, col_to = p.line_at(stop) if stop < len(t) else (p.line_end, None)
            out.append(_item(report, line, last, p.text[start:stop], rid, col, col_to))
    return out


def _items_from_paragraphs(report: Report, paras: list[Paragraph]) -> list[PlanItem]:
    if paras and _first("intro", paras[0].norm_text):
        paras = paras[1:]
    if len(paras) < 2:
        return []
    return [_item(report, p.line_start, p.line_end, p.text, "plan.item.paragraph") for p in paras]


def _items_of(report: Report, sec: Section) -> list[PlanItem]:
    end = _section_end(report, sec)
    paras = [p for p in _paras_in(report, sec.line, end) if p.line_start != sec.line]
    combined = _first("combined_heading", norm(sec.heading)) is not None and any(
        _first("plan_start", p.norm_text) for p in paras
    )
    if combined:
        # Combined heading (problems + next steps): the plan begins at the next-step cue.
        start = next(i for i, p in enumerate(paras) if _first("plan_start", p.norm_text))
        paras = paras[start:]
        kids = [k for k in sec.children if k.line >= paras[0].line_start]
    else:
        kids = list(sec.children)
    if kids:
        return _items_from_children(report, dataclasses.replace(sec, children=tuple(kids)), paras)
    return (
        _items_from_headed_paragraphs(report, paras, end)
        or _items_from_inline(report, paras)
        or _items_from_paragraphs(report, paras)
    )


def extract_plan_items(report: Report) -> tuple[PlanItem, ...]:
    items: list[PlanItem] = []
    for sec in plan_sections(report):
        items.extend(_items_of(report, sec))
    return tuple(items)
