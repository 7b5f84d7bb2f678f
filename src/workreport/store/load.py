"""Parquet tables back into stored rows: the inverse of ``tables.export_rows`` + ``extra_rows``.

Reads what ``export --format parquet`` writes (``<table>.parquet`` and ``_extra/<table>.parquet``)
and what ``workreport batch`` writes (``<table>/part-NNNNN.parquet``, the same for ``_extra``,
one part per Spark partition holding whole documents).  One part of every table is read at a
time, so memory grows with a part, not with the whole output.
"""
from __future__ import annotations

import os
import re
from typing import Iterator

from ..errors import BatchError
from .rows import COLUMNS, TABLES as STORED, DocumentRows, coerce
from .tables import EXPORT, TABLES

_PART = re.compile(r"^part-(\d+)\.parquet$")


def parts(folder: str) -> list[dict[str, tuple[str | None, str | None]]]:
    """The parts of a Parquet folder: for each, {table: (export file, extra file)}; a table with
    no rows in a part has (None, None)."""
    folder = os.fspath(folder)
    if os.path.isfile(os.path.join(folder, "documents.parquet")):  # export layout: one part
        return [{t: _pair(folder, f"{t}.parquet", t) for t in TABLES}]
    docs = os.path.join(folder, "documents")
    if not os.path.isdir(docs):
        raise BatchError(f"{folder}: no documents.parquet or documents/ folder: not workreport Parquet output")
    names = sorted((int(m.group(1)), f) for f in os.listdir(docs) if (m := _PART.match(f)))
    return [{t: _pair(folder, os.path.join(t, f), t) for t in TABLES} for _, f in names]


def _pair(folder: str, rel: str, table: str) -> tuple[str | None, str | None]:
    main, extra = os.path.join(folder, rel), os.path.join(folder, "_extra", rel)
    if not os.path.isfile(main):
        return None, None
    if not os.path.isfile(extra):
        raise BatchError(f"{extra}: missing; the {table} table alone cannot be loaded into a library"
                         " (export or batch it again with this version)")
    return main, extra


def _read(path: str | None) -> list[dict]:
    if path is None:
        return []
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def documents(part: dict[str, tuple[str | None, str | None]]) -> Iterator[DocumentRows]:
    """The documents of one part as stored rows (with the ids they have in the files)."""
    stored: dict[str, list[tuple]] = {}
    for t in STORED:
        main, extra = part[t]
        by_id = {r["id"]: r for r in _read(extra)}
        shown = {src[2:]: col for col, src in EXPORT[t] if isinstance(src, str) and src.startswith("x.")}
        rows = []
        for r in _read(main):
            x = by_id.get(r["id"])
            if x is None:
                raise BatchError(f"{extra}: no row for {t} id {r['id']}")
            rows.append(coerce(t, tuple(r[shown[c]] if c in shown else x[c] for c in COLUMNS[t])))
        stored[t] = rows
    # group every row under its document: reports by document_id, the rest by report_id
    doc_of_report = {r[0]: r[1] for r in stored["reports"]}
    grouped: dict[int, dict[str, list[tuple]]] = {d[0]: {t: [] for t in STORED} for d in stored["documents"]}
    for d in stored["documents"]:
        grouped[d[0]]["documents"].append(d)
    for r in stored["reports"]:
        grouped[r[1]]["reports"].append(r)
    for t in STORED[2:]:
        rid = COLUMNS[t].index("report_id")
        for r in stored[t]:
            grouped[doc_of_report[r[rid]]][t].append(r)
    for doc_id in sorted(grouped):
        yield DocumentRows({t: tuple(sorted(rows, key=lambda r: r[0])) for t, rows in grouped[doc_id].items()})


def batch_errors(folder: str) -> list[dict]:
    """The documents a batch could not parse (its ``errors`` table), empty for an export."""
    import pyarrow.parquet as pq

    path = os.path.join(os.fspath(folder), "errors")
    if not os.path.isdir(path):
        return []
    out: list[dict] = []
    for f in sorted(os.listdir(path)):
        if _PART.match(f):
            out.extend(pq.read_table(os.path.join(path, f)).to_pylist())
    return out


SOURCES = "document_sources.parquet"  # the export's list of copies (files kept as a document's source)


def sources(folder: str) -> list[dict]:
    """The document sources an export carries (empty for a batch, which stores every file and
    leaves finding copies to the load, and for an export made before they were written)."""
    path = os.path.join(os.fspath(folder), SOURCES)
    return _read(path) if os.path.isfile(path) else []
