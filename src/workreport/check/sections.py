"""Missing parts: a year-end report with no problems part or no plan for the next year.  A
problems part is a section with that role or a heading-less problems paragraph (Report.parts)."""
from __future__ import annotations

from ..extract.plans import is_plan_heading
from ..model import Document, Finding, Report, walk_sections
from .common import message, patterns


def _matches(key: str, text: str) -> bool:
    return any(p.search(text) for _, p, _ in patterns("checks", key))


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    secs = list(walk_sections(report.sections))
    top = list(report.sections)
    if len(top) < 2:
        return []  # no outline to judge by
    year_end = any(s.role in ("achievements", "overview") or _matches("year_end_heading", s.heading) for s in top)
    if not year_end:
        return []
    has_problems = (any(s.role == "problems" or _matches("problems_heading", s.heading) for s in secs)
                    or any(p.role == "problems" for p in report.parts))  # a paragraph under no heading
    has_plan = any(s.role == "plan" or is_plan_heading(s.heading) for s in secs)
    out = []
    if not has_problems:
        out.append(Finding(line=report.start_line, rule="missing_section", severity="info",
                           message=message("missing_section.problems"), rule_id="check.section.problems"))
    if not has_plan:
        out.append(Finding(line=report.start_line, rule="missing_section", severity="info",
                           message=message("missing_section.plan"), rule_id="check.section.plan"))
    return out
