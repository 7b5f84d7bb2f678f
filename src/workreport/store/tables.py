"""The library's tables as exports, ``Library.table`` and the Spark batch show them: one row per
object, each naming its source file (``document``) and ``line``, and the body that wrote its
report (``org``).

Declared once (``EXPORT``), read two ways: as SQL over a store (``table_sql``) and over the rows
of one document in memory (``export_rows``, used by the batch).  Columns a store keeps but the
tables do not show (``EXTRA``) travel beside them in batch output, so ``ingest --from-parquet``
can rebuild the stored rows exactly.
"""
from __future__ import annotations

from ..errors import ExportError
from .rows import COLUMNS, TABLES as STORED_TABLES, TYPES, DocumentRows

# (column, source): "x.col" the table's own column, "r.col" its report's, "d.col" its document's;
# an int is that constant.
EXPORT: dict[str, tuple[tuple[str, str | int], ...]] = {
    "documents": (("id", "x.id"), ("document", "x.name"), ("line", 1), ("path", "x.path"), ("n_lines", "x.n_lines"),
                  ("sha256", "x.sha256"), ("format", "x.format"), ("encoding", "x.encoding"), ("size", "x.size"),
                  ("n_reports", "x.n_reports"), ("n_paragraphs", "x.n_paragraphs"),
                  ("n_indicators", "x.n_indicators"), ("n_findings", "x.n_findings"),
                  ("ingested_at", "x.ingested_at")),
    "reports": (("id", "x.id"), ("document", "d.name"), ("line", "x.start_line"), ("end_line", "x.end_line"),
                ("org", "x.org"), ("level", "x.level"), ("region", "x.region"), ("domain", "x.domain"),
                ("year", "x.year"), ("title", "x.title"), ("n_paragraphs", "x.n_paragraphs"),
                ("n_indicators", "x.n_indicators"), ("n_pairs", "x.n_pairs"), ("n_plan_items", "x.n_plan_items"),
                ("n_findings", "x.n_findings"), ("rule", "x.rule")),
    "sections": (("id", "x.id"), ("document", "d.name"), ("line", "x.line"), ("end_line", "x.end_line"),
                 ("report_id", "x.report_id"), ("org", "r.org"), ("year", "r.year"), ("parent_id", "x.parent_id"),
                 ("depth", "x.depth"), ("ordinal", "x.ordinal"), ("inferred_ordinal", "x.inferred_ordinal"),
                 ("heading", "x.heading"), ("role", "x.role"), ("family", "x.family"), ("rule", "x.rule")),
    "paragraphs": (("id", "x.id"), ("document", "d.name"), ("line", "x.line_start"), ("line_end", "x.line_end"),
                   ("report_id", "x.report_id"), ("org", "r.org"), ("year", "r.year"),
                   ("section", "x.section_path"), ("role", "x.role"), ("text", "x.text")),
    "indicators": (("id", "x.id"), ("document", "d.name"), ("line", "x.line"), ("report_id", "x.report_id"),
                   ("org", "r.org"), ("year", "r.year"), ("measure", "x.measure"),
                   ("measure_phrase", "x.measure_phrase"), ("period", "x.period"), ("period_end", "x.period_end"),
                   ("period_kind", "x.period_kind"), ("value", "x.value"),
                   ("number", "x.number"), ("unit", "x.unit"), ("kind", "x.kind"),
                   ("normalized_value", "x.normalized_value"), ("normalized_unit", "x.normalized_unit"),
                   ("low", "x.low"), ("high", "x.high"), ("qualifier", "x.qualifier"), ("span", "x.span"),
                   ("col", "x.col"), ("rule", "x.rule")),
    "pairs": (("id", "x.id"), ("document", "d.name"), ("line", "x.line"), ("report_id", "x.report_id"),
              ("org", "r.org"), ("year", "r.year"), ("measure", "x.measure"), ("target", "x.target"),
              ("actual", "x.actual"), ("completion", "x.completion"), ("rule", "x.rule")),
    "plan_items": (("id", "x.id"), ("document", "d.name"), ("line", "x.line"), ("report_id", "x.report_id"),
                   ("org", "r.org"), ("year", "r.year"), ("text", "x.text"), ("deadline", "x.deadline"),
                   ("lead_org", "x.lead_org"), ("targets", "x.targets_json"), ("rule", "x.rule")),
    "findings": (("id", "x.id"), ("document", "d.name"), ("line", "x.line"), ("report_id", "x.report_id"),
                 ("org", "r.org"), ("year", "r.year"), ("rule", "x.rule"), ("severity", "x.severity"),
                 ("message", "x.message"), ("wrong", "x.wrong"), ("right", "x.right")),
}
TABLES = tuple(EXPORT)
# stored columns each export table does not show (with the id to join them on)
EXTRA: dict[str, tuple[str, ...]] = {
    t: ("id",) + tuple(c for c in COLUMNS[t] if f"x.{c}" not in {src for _, src in EXPORT[t]})
    for t in STORED_TABLES
}
_SOURCE_TABLE = {"x": None, "r": "reports", "d": "documents"}


def column_types(name: str) -> list[tuple[str, str]]:
    """(column, value type) of an export table, types as in ``rows.SCHEMA``."""
    out = []
    for col, src in EXPORT[name]:
        if isinstance(src, int):
            out.append((col, "int"))
        else:
            alias, stored = src.split(".")
            out.append((col, TYPES[_SOURCE_TABLE[alias] or name][stored]))
    return out


def _check(name: str) -> None:
    if name not in EXPORT:
        raise ExportError(f"unknown table {name!r}; tables are {', '.join(TABLES)}")


def table_sql(name: str) -> str:
    """SELECT of one export table over a store (SQLite and PostgreSQL alike)."""
    _check(name)

    def expr(src):
        if isinstance(src, int):
            return str(src)
        alias, col = src.split(".")
        if name == "documents" and alias == "d":
            alias = "x"
        return f'{alias}."{col}"'

    cols = ", ".join(f'{expr(src)} AS "{col}"' for col, src in EXPORT[name])
    if name == "documents":
        return f"SELECT {cols} FROM documents x ORDER BY x.path"
    if name == "reports":
        return f"SELECT {cols} FROM reports x JOIN documents d ON d.id = x.document_id ORDER BY d.path, x.ord"
    return (f"SELECT {cols} FROM {name} x JOIN reports r ON r.id = x.report_id"
            f" JOIN documents d ON d.id = r.document_id ORDER BY d.path, r.ord, x.ord")


def extra_sql(name: str) -> str:
    """SELECT of the ``EXTRA`` columns of one stored table, in id order."""
    _check(name)
    return f"SELECT {', '.join(f'x.{_q(c)} AS {_q(c)}' for c in EXTRA[name])} FROM {name} x ORDER BY x.id"


def extra_types(name: str) -> list[tuple[str, str]]:
    return [(c, TYPES[name][c]) for c in EXTRA[name]]


def _q(col: str) -> str:
    return f'"{col}"'


def export_rows(rows: DocumentRows) -> dict[str, list[tuple]]:
    """The export tables' rows of one document (``rows`` with its final ids), in table order."""
    doc = dict(zip(COLUMNS["documents"], rows.document))
    reports = {r["id"]: r for r in rows.dicts("reports")}
    out: dict[str, list[tuple]] = {}
    for name in TABLES:
        srcs = EXPORT[name]
        table_rows = []
        for x in rows.dicts(name):
            rep = reports.get(x.get("report_id"))
            scope = {"x": x, "r": rep, "d": doc}
            table_rows.append(tuple(src if isinstance(src, int) else scope[src[0]][src[2:]] for _, src in srcs))
        out[name] = table_rows
    return out


def extra_rows(rows: DocumentRows) -> dict[str, list[tuple]]:
    """The ``EXTRA`` columns of one document's rows."""
    return {name: [tuple(x[c] for c in EXTRA[name]) for x in rows.dicts(name)] for name in STORED_TABLES}
