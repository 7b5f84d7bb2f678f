"""The library's tables as exports and ``Library.table`` show them: one row per object, each
naming its source file (``document``) and ``line``, and the body that wrote its report (``org``)."""
from __future__ import annotations

from ..errors import ExportError

_SQL = {
    "documents": "SELECT d.id, d.path AS document, 1 AS line, d.n_lines, d.sha256, d.format, d.encoding, d.size,"
                 " d.n_reports, d.n_paragraphs, d.n_indicators, d.n_findings, d.ingested_at"
                 " FROM documents d ORDER BY d.path",
    "reports": "SELECT r.id, d.path AS document, r.start_line AS line, r.end_line, r.org, r.level, r.region,"
               " r.domain, r.year, r.title, r.n_paragraphs, r.n_indicators, r.n_pairs, r.n_plan_items,"
               " r.n_findings, r.rule FROM reports r JOIN documents d ON d.id = r.document_id"
               " ORDER BY d.path, r.ord",
    "sections": "SELECT s.id, d.path AS document, s.line, s.end_line, s.report_id, r.org, r.year, s.parent_id,"
                " s.depth, s.ordinal, s.inferred_ordinal, s.heading, s.role, s.family, s.rule"
                " FROM sections s JOIN reports r ON r.id = s.report_id JOIN documents d ON d.id = r.document_id"
                " ORDER BY d.path, r.ord, s.ord",
    "paragraphs": "SELECT p.id, d.path AS document, p.line_start AS line, p.line_end, p.report_id, r.org,"
                  " r.year, p.section_path AS section, p.role, p.text"
                  " FROM paragraphs p JOIN reports r ON r.id = p.report_id JOIN documents d ON d.id = r.document_id"
                  " ORDER BY d.path, r.ord, p.ord",
    "indicators": "SELECT i.id, d.path AS document, i.line, i.report_id, r.org, r.year,"
                  " i.measure, i.value, i.number, i.unit, i.kind, i.normalized_value, i.normalized_unit,"
                  " i.low, i.high, i.qualifier, i.span, i.col, i.rule"
                  " FROM indicators i JOIN reports r ON r.id = i.report_id JOIN documents d ON d.id = r.document_id"
                  " ORDER BY d.path, r.ord, i.ord",
    "pairs": "SELECT x.id, d.path AS document, x.line, x.report_id, r.org, r.year, x.measure, x.target,"
             " x.actual, x.completion, x.rule"
             " FROM pairs x JOIN reports r ON r.id = x.report_id JOIN documents d ON d.id = r.document_id"
             " ORDER BY d.path, r.ord, x.ord",
    "plan_items": "SELECT x.id, d.path AS document, x.line, x.report_id, r.org, r.year, x.text, x.deadline,"
                  " x.lead_org, x.targets_json AS targets, x.rule"
                  " FROM plan_items x JOIN reports r ON r.id = x.report_id JOIN documents d ON d.id = r.document_id"
                  " ORDER BY d.path, r.ord, x.ord",
    "findings": 'SELECT x.id, d.path AS document, x.line, x.report_id, r.org, r.year, x.rule, x.severity,'
                ' x.message, x.wrong, x."right"'
                " FROM findings x JOIN reports r ON r.id = x.report_id JOIN documents d ON d.id = r.document_id"
                " ORDER BY d.path, r.ord, x.ord",
}
TABLES = tuple(_SQL)


def table_sql(name: str) -> str:
    if name not in _SQL:
        raise ExportError(f"unknown table {name!r}; tables are {', '.join(TABLES)}")
    return _SQL[name]
