"""The library's tables as xlsx (one sheet each), csv and parquet (a folder, one file each) and json.

Every table row names its source file (``document``) and ``line``, so any figure can be found
again in the original text.
"""
from __future__ import annotations

import csv
import json
import os
import re
from typing import Any


def write_tables(lib, fmt: str, out: str) -> dict[str, Any]:
    """Every table of the library ``lib`` (``lib.tables()``) to ``out`` in ``fmt``."""
    tables = lib.tables()
    counts = {name: len(rows) for name, (_, rows) in tables.items()}
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    if fmt == "parquet":
        _parquet(tables, out, lib)
    else:
        {"xlsx": _xlsx, "csv": _csv, "json": _json}[fmt](tables, out)
    return {"path": out, "format": fmt, "tables": counts}


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_MAX = 32767


def _cell(v):
    if isinstance(v, str):
        v = _ILLEGAL.sub("", v)
        return v[:_XLSX_MAX]
    return v


def _xlsx(tables, out: str) -> None:
    """One sheet per table, sheet names and headers in Chinese (labels.py)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from ..labels import TABLE_LABELS, column_label

    wb = Workbook(write_only=True)  # streams rows: memory stays flat on big libraries
    for name, (cols, rows) in tables.items():
        ws = wb.create_sheet(TABLE_LABELS.get(name, name))
        ws.freeze_panes = "A2"  # header row stays in view
        for i, c in enumerate(cols, 1):
            ws.column_dimensions[get_column_letter(i)].width = 60 if c in ("text", "message", "heading") else 14
        ws.append([column_label(c) for c in cols])
        for row in rows:
            ws.append([_cell(v) for v in row])
    wb.save(out)


def _csv(tables, out: str) -> None:
    """A folder of one CSV per table (UTF-8 with BOM so Excel reads the Chinese; Chinese headers)."""
    from ..labels import column_label

    os.makedirs(out, exist_ok=True)
    for name, (cols, rows) in tables.items():
        with open(os.path.join(out, f"{name}.csv"), "w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow([column_label(c) for c in cols])
            w.writerows(rows)


def _json(tables, out: str) -> None:
    obj = {name: [dict(zip(cols, r)) for r in rows] for name, (cols, rows) in tables.items()}
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1)


def arrow_table(types: list[tuple[str, str]], rows):
    """A pyarrow Table of ``rows`` with one column per (name, value type): the one schema both
    ``export --format parquet`` and the Spark batch write."""
    import pyarrow as pa

    kinds = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "bytes": pa.binary()}
    rows = list(rows)
    arrays = [pa.array([r[i] for r in rows], type=kinds[typ]) for i, (_, typ) in enumerate(types)]
    return pa.Table.from_arrays(arrays, schema=pa.schema([(name, kinds[typ]) for name, typ in types]))


def _parquet(tables, out: str, lib) -> None:
    """A folder of one Parquet file per table, and under ``_extra/`` the stored columns the
    tables do not show (so ``ingest --from-parquet`` can load the folder into another store).
    Column types come from the library (``Library.table_types``): export sits below the store."""
    import pyarrow.parquet as pq

    from ..errors import ExportError

    os.makedirs(out, exist_ok=True)
    for name, (cols, rows) in tables.items():
        types = lib.table_types(name)
        if [c for c, _ in types] != list(cols):
            raise ExportError(f"table {name}: columns {cols} are not the declared ones {types}")
        pq.write_table(arrow_table(types, rows), os.path.join(out, f"{name}.parquet"))
    os.makedirs(os.path.join(out, "_extra"), exist_ok=True)
    for name in tables:
        _, rows = lib.extra_table(name)
        pq.write_table(arrow_table(lib.table_types(name, extra=True), rows),
                       os.path.join(out, "_extra", f"{name}.parquet"))
    # which other files hold a stored document's text: a library loaded from this folder knows
    # them too (re-importing one changes nothing there either)
    types, rows = lib.sources_table()
    pq.write_table(arrow_table(types, rows), os.path.join(out, "document_sources.parquet"))
