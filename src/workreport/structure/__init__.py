"""Structure stage: furniture -> paragraphs -> reports -> outline -> roles, org, level, year."""
from __future__ import annotations

from bisect import bisect_right
from pathlib import PurePath

from ..model import Document, Report
from . import author, furniture, outline, paragraphs, roles, split
from .titles import Evidence


def structure(doc: Document) -> tuple[frozenset[int], list[Report]]:
    """Furniture lines, and the reports with org/level/year and their labelled outline."""
    furn = furniture.find_furniture(doc)
    paras = paragraphs.build_paragraphs(doc, furn)
    drafts = list(split.split_reports(doc, paras, furn))
    furn_sorted = sorted(furn)
    # a file holding one report is often named by its title (year, province, genre); in a file of
    # several, the name may still be the first report's title when that report lost its own
    stem = PurePath(doc.path).stem if doc.path else None
    file_title = stem if len(drafts) == 1 else None
    first_title = stem if stem and drafts and drafts[0].title is None and not author.names_compilation(stem) else None
    reports: list[Report] = []
    prev_end = 0
    for draft in drafts:
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
        # the furniture rows of this report's page (CMS rows name the author and the title)
        lo, hi = bisect_right(furn_sorted, prev_end), bisect_right(furn_sorted, draft.end_line)
        rows = tuple((n, doc.lines[n - 1]) for n in furn_sorted[lo:hi])
        title = file_title if len(drafts) == 1 else (first_title if not reports else None)
        reports.append(roles.find_parts(roles.assign_roles(author.identify(report, Evidence(rows, title)))))
        prev_end = draft.end_line
    # (a report that begins at a site's copy of its title printed in the furniture begins there: that
    # line is the report's first, no furniture; the rows under it stay furniture)
    # (a page's heading printed over a report's own title is the page's: furniture)
    headings = {n for d in drafts for n in d.heading_lines}
    return (furn | headings) - {d.start_line for d in drafts}, reports
