"""Exports of the whole library: xlsx, csv, json, parquet (tables) and docx (a compiled 汇编).

Every table row names its source file (``document``) and ``line``, so any figure can be found
again in the original text.
"""
from __future__ import annotations

import csv
import json
import os
import re
from datetime import date
from typing import Any

from ..errors import WorkReportError

FORMATS = ("xlsx", "csv", "json", "parquet", "docx")

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


class ExportError(WorkReportError):
    pass


def table_sql(name: str) -> str:
    if name not in _SQL:
        raise ExportError(f"unknown table {name!r}; tables are {', '.join(TABLES)}")
    return _SQL[name]


def export(lib, fmt: str, out: str) -> dict[str, Any]:
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "docx":
        from .compile_docx import write_docx

        return write_docx(lib, out)
    tables = {name: lib.table(name) for name in TABLES}
    counts = {name: len(rows) for name, (_, rows) in tables.items()}
    parent = os.path.dirname(os.path.abspath(out))
    os.makedirs(parent, exist_ok=True)
    {"xlsx": _xlsx, "csv": _csv, "json": _json, "parquet": _parquet}[fmt](tables, out)
    return {"path": out, "format": fmt, "tables": counts}


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_MAX = 32767


def _cell(v):
    if isinstance(v, str):
        v = _ILLEGAL.sub("", v)
        return v[:_XLSX_MAX]
    return v


def _xlsx(tables, out: str) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)  # streams rows: memory stays flat on big libraries
    for name, (cols, rows) in tables.items():
        ws = wb.create_sheet(name)
        ws.freeze_panes = "A2"  # header row stays in view
        for i, c in enumerate(cols, 1):
            ws.column_dimensions[get_column_letter(i)].width = 60 if c in ("text", "message", "heading") else 14
        ws.append(cols)
        for row in rows:
            ws.append([_cell(v) for v in row])
    wb.save(out)


def _csv(tables, out: str) -> None:
    """A folder of one CSV per table (UTF-8 with BOM so Excel reads the Chinese)."""
    os.makedirs(out, exist_ok=True)
    for name, (cols, rows) in tables.items():
        with open(os.path.join(out, f"{name}.csv"), "w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            w.writerows(rows)


def _json(tables, out: str) -> None:
    obj = {name: [dict(zip(cols, r)) for r in rows] for name, (cols, rows) in tables.items()}
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)


_PA_TYPES = {"int": "int64", "float": "float64", "str": "string"}


def _parquet(tables, out: str) -> None:
    """A folder of one Parquet file per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    os.makedirs(out, exist_ok=True)
    for name, (cols, rows) in tables.items():
        arrays = []
        for i, _ in enumerate(cols):
            values = [r[i] for r in rows]
            kinds = {type(v).__name__ for v in values if v is not None}
            if kinds == {"int"}:
                arrays.append(pa.array(values, type=pa.int64()))
            elif kinds and kinds <= {"int", "float"}:
                arrays.append(pa.array([None if v is None else float(v) for v in values], type=pa.float64()))
            else:
                arrays.append(pa.array([None if v is None else str(v) for v in values], type=pa.string()))
        pq.write_table(pa.Table.from_arrays(arrays, names=list(cols)), os.path.join(out, f"{name}.parquet"))


def today() -> str:
    return date.today().isoformat()
