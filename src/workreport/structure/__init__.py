"""Structure stage: furniture -> paragraphs -> reports -> outline -> roles, org, level, year."""
from __future__ import annotations

from ..model import Document, Report
from . import furniture, org, outline, paragraphs, roles, split


def structure(doc: Document) -> tuple[frozenset[int], list[Report]]:
    """Furniture lines, and the reports with org/level/year and their labelled outline."""
    furn = furniture.find_furniture(doc)
    paras = paragraphs.build_paragraphs(doc, furn)
    reports: list[Report] = []
    for draft in split.split_reports(doc, paras):
        sections = outline.build_outline(draft.paragraphs, draft.end_line, stop_line=draft.appendix_line,
                                         hints=doc.hints, title_line=draft.title_line)
        report = Report(
            start_line=draft.start_line,
            end_line=draft.end_line,
            sections=sections,
            paragraphs=draft.paragraphs,
            title=draft.title,
            rule=draft.rule,
        )
        reports.append(roles.assign_roles(org.identify(report)))
    return furn, reports
