"""What one batch task does, whatever engine runs it: parse a slice of the documents with the
pipeline (the library's own ``files.parse_file``), and write the slice's rows as one part of
each Parquet table.

A part holds whole documents.  Ids are numbered in two steps so they are the same as one
process would give, in file order, whatever the number of tasks: a task first counts its rows
(``totals``), the driver adds up the counts of the parts before each one, and the task then
numbers its documents from there (``write_part``).
"""
from __future__ import annotations

import functools
import os
from typing import Callable, Iterable

from ..errors import InputNotFound, TooLarge, WorkReportError
from ..store import files as _files
from ..store.rows import TABLES as STORED, DocumentRows, document_rows, now, renumber
from ..store.tables import TABLES, column_types, export_rows, extra_rows, extra_types

# One task reads one file whole; larger files are reported in the errors table.
MAX_BYTES = 64 * 1024 * 1024
ERROR_TYPES = [("path", "str"), ("error", "str"), ("message", "str"), ("status", "int"), ("size", "int")]
Result = tuple[str, object]  # ("ok", DocumentRows) or ("error", error row)


def default_parser() -> Callable:
    from ..pipeline import parse

    return parse


def rules_version_of(parser: Callable | None) -> str:
    """The rules version stored with each document, as ``Library.rules_version`` says it."""
    if parser is not None:
        return getattr(parser, "rules_version", None) or "custom"
    from ..rules.version import rules_version

    return rules_version()


def parse_one(parser: Callable, path: str, max_bytes: int = MAX_BYTES, version: str | None = None) -> Result:
    """One document as rows, or one row of the errors table saying why not."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return "error", _error_row(path, InputNotFound(path), None)
    if size > max_bytes:
        return "error", _error_row(path, TooLarge(path, size, max_bytes), size)
    # the ingest workers' own function: the document read, parsed and made into rows in one call
    build = functools.partial(document_rows, ingested_at=now(), rules_version=version)
    status, value = _files.parse_file(parser, path, build)
    return ("ok", value) if status == "ok" else ("error", _error_row(path, value, size))


def _error_row(path: str, exc: WorkReportError, size: int | None) -> tuple:
    return (path, type(exc).__name__, _files.failure_text(exc), getattr(exc, "status", 422), size)


def parse_slice(parser: Callable | None, max_bytes: int, items: Iterable[tuple[int, str]]) -> list[Result]:
    """Parse the (index, path) items of one task in order."""
    version = rules_version_of(parser)
    parser = parser or default_parser()
    return [parse_one(parser, path, max_bytes, version) for _, path in items]


def totals(results: Iterable[Result]) -> dict[str, int]:
    """Rows per stored table in a part (for the ids of the parts after it)."""
    out = dict.fromkeys(STORED, 0)
    for status, value in results:
        if status == "ok":
            for t, n in value.counts().items():
                out[t] += n
    return out


def offsets(part_totals: list[dict[str, int]]) -> list[dict[str, int]]:
    """The first id of each table in each part: 1 plus the rows of all parts before it."""
    start = dict.fromkeys(STORED, 1)
    out = []
    for tot in part_totals:
        out.append(dict(start))
        start = {t: start[t] + tot[t] for t in STORED}
    return out


def part_name(part: int) -> str:
    return f"part-{part:05d}.parquet"


def write_part(out: str, part: int, results: Iterable[Result], start: dict[str, int]) -> dict[str, int]:
    """Number the documents of a part from ``start`` and write its rows: ``<table>/part-N``,
    ``_extra/<table>/part-N`` and ``errors/part-N`` under ``out``.  Returns rows per table."""
    shown: dict[str, list[tuple]] = {t: [] for t in TABLES}
    hidden: dict[str, list[tuple]] = {t: [] for t in STORED}
    errors: list[tuple] = []
    start = dict(start)
    for status, value in results:
        if status != "ok":
            errors.append(value)
            continue
        rows: DocumentRows = renumber(value, start)
        for t, n in rows.counts().items():
            start[t] += n
        for t, r in export_rows(rows).items():
            shown[t].extend(r)
        for t, r in extra_rows(rows).items():
            hidden[t].extend(r)
    for t in TABLES:
        _write(os.path.join(out, t), part, column_types(t), shown[t])
        _write(os.path.join(out, "_extra", t), part, extra_types(t), hidden[t])
    _write(os.path.join(out, "errors"), part, ERROR_TYPES, errors)
    return {**{t: len(shown[t]) for t in TABLES}, "errors": len(errors)}


def _write(folder: str, part: int, types, rows) -> None:
    """One Parquet file, written under a temporary name and renamed, so a retried task
    replaces its part whole and a reader never sees half a file."""
    import pyarrow.parquet as pq

    from ..export.tables import arrow_table

    os.makedirs(folder, exist_ok=True)
    final = os.path.join(folder, part_name(part))
    tmp = f"{final}.tmp-{os.getpid()}"
    pq.write_table(arrow_table(types, rows), tmp)
    os.replace(tmp, final)
