"""What the store's readers select and how the report list is ordered: the columns of a report
row, of each child table a report page shows, of a document row, and the sort keys.

Kept apart from ``base.py`` (the store operations and their shared SQL) because these are the
shape of what a reader gets back -- the web's sort menu and the report page read them too --
not how a database is talked to.
"""
from __future__ import annotations

from . import overrides as _overrides

REPORT_COLS = (
    "r.id, d.path, d.name AS document, r.override_id,"
    " CASE WHEN EXISTS (SELECT 1 FROM overrides o WHERE o.id = r.override_id AND o.value <> '{}') THEN 1 ELSE 0 END"
    " AS corrected, r.org, r.level, r.region, r.domain, r.year, r.start_line, r.end_line,"
    " r.n_indicators, r.n_findings, r.n_plan_items, r.title, r.document_id, r.n_paragraphs, r.n_pairs"
)
# what a report page shows of each child table (in ``ord`` order)
CHILD_COLS = {
    "sections": "id, parent_id, line, end_line, heading, ordinal, inferred_ordinal, depth, role, family, rule",
    "paragraphs": "id, line_start, line_end, text, section_path, section_id, role",
    "indicators": "id, line, span, col, value, number, unit, measure, measure_phrase, period, period_end, period_kind,"
                  " kind, normalized_value, normalized_unit, low, high, qualifier, rule",
    "pairs": "id, line, measure, target, actual, completion, rule, target_json, actual_json",
    "plan_items": "id, line, text, deadline, lead_org, rule, targets_json",
    "findings": 'id, line, rule, message, severity, wrong, "right"',
}
DOCUMENT_COLS = ("id", "path", "name", "sha256", "format", "encoding", "size", "n_lines", "n_reports", "n_paragraphs",
                 "n_indicators", "n_findings", "ingested_at", "rules_version")
# Columns the library list sorts by (``sort=year`` ascending, ``sort=-year`` descending); the
# level by rank (national first), not by its code's spelling.
SORTS = {
    "org": "r.org",
    "level": "CASE r.level " + " ".join(f"WHEN '{lv}' THEN {i}" for i, lv in enumerate(_overrides.LEVELS)) + " END",
    "domain": "r.domain",
    "year": "r.year",
    "indicators": "r.n_indicators",
    "findings": "r.n_findings",
    "plan_items": "r.n_plan_items",
    "document": "d.name",
}
DEFAULT_ORDER = "r.year IS NULL, r.year DESC, r.org IS NOT NULL, r.org, d.path, r.ord"


def sort_clause(sort: str | None) -> str:
    """ORDER BY for ``sort`` (a key of SORTS, ``-`` before it for descending); empty values last."""
    from ..errors import BadParameter

    if not sort:
        return DEFAULT_ORDER
    key = sort[1:] if sort.startswith("-") else sort
    if key not in SORTS:
        raise BadParameter(f"不能按 {sort!r} 排序：可用的列是 {', '.join(SORTS)}（前加 - 为降序）")
    col = SORTS[key]
    return f"({col}) IS NULL, {col} {'DESC' if sort.startswith('-') else 'ASC'}, {DEFAULT_ORDER}"
