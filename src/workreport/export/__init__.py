"""Exports of the library: its tables (xlsx, csv, json, parquet), a compiled 汇编 (docx), and the
comparison table of one measure (csv, xlsx).  Exports read the library through its API only."""
from __future__ import annotations

from typing import Any

from ..errors import ExportError

FORMATS = ("xlsx", "csv", "json", "parquet", "docx")


def export(lib, fmt: str, out: str) -> dict[str, Any]:
    """The whole library ``lib`` to ``out``: ``{"path", "format", "tables": {name: rows}}``."""
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "docx":
        from .compile_docx import write_docx

        return write_docx(lib, out)
    from .tables import write_tables

    return write_tables(lib, fmt, out)
