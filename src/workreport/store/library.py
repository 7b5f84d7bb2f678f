"""``Library``: the Python API of the store (the CLI and the web app are shells over it).

Results are plain dicts and lists of JSON-able values.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import os
import threading
import time
import unicodedata
from typing import Any, Callable

from . import files as _files
from . import search as _search
from . import writer as _writer
from .sqlite import DEFAULT_PATH, connect, transaction
from .tables import TABLES, table_sql

_REPORT_COLS = (
    "r.id, d.path, r.org, r.level, r.region, r.domain, r.year, r.start_line, r.end_line,"
    " r.n_indicators, r.n_findings, r.n_plan_items, r.title, r.document_id, r.n_paragraphs, r.n_pairs"
)
_IND_COLS = ("id, line, span, col, value, number, unit, measure, kind, normalized_value, normalized_unit, low, high,"
             " qualifier, rule")


def _default_parser():
    from ..pipeline import parse

    return parse


def _report_meta(row: sqlite3.Row) -> dict[str, Any]:
    return {"document": os.path.basename(row["path"]), **dict(row)}


def _indicator(row: sqlite3.Row) -> dict[str, Any]:
    """A stored indicator in the contract's shape (normalized value and unit as one object)."""
    out = dict(row)
    nv, nu = out.pop("normalized_value"), out.pop("normalized_unit")
    out["normalized"] = {"value": nv, "unit": nu} if nv is not None and nu is not None else None
    return out


def _json_cols(row: sqlite3.Row, **cols: str) -> dict[str, Any]:
    """The row as a dict, with JSON text columns decoded (``name=column``)."""
    out = dict(row)
    for name, col in cols.items():
        text = out.pop(col)
        out[name] = json.loads(text) if text else None
    return out


class Library:
    """A library of parsed reports in one SQLite file.

    Example:

        lib = Library("workreport.db")  # the default, DEFAULT_PATH
        lib.ingest(["reports/"])
        lib.search("隐患 整改", year=2022)["hits"][0]["snippet"]
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, *, parser: Callable | None = None):
        self.path = os.fspath(path)
        self._parser = parser  # Document -> ParsedDocument; module-level so workers can pickle it
        self._lock = threading.RLock()
        self._conn = connect(self.path)

    # -- ingest -------------------------------------------------------------------------------
    @property
    def parser(self) -> Callable:
        return self._parser or _default_parser()

    def ingest(self, paths, *, workers: int | None = None, progress: Callable[[dict], None] | None = None,
               errors: list | None = None) -> dict:
        """Parse and store files and folder trees; unchanged documents (same SHA-256) are skipped.

        A file that cannot be read is listed under ``failures`` (one line each); ``errors``, when
        given, receives its exception (a WorkReportError, with the ``status`` the web answers).
        """
        t0 = time.monotonic()
        files = _files.find_files(paths)
        summary = _summary()
        todo: list[str] = []
        for f in files:
            try:
                sha = _files.sha256_file(f)
            except OSError as exc:
                summary["failures"].append({"path": f, "error": f"{f}: {exc.strerror or exc}"})
                continue
            with self._lock:
                seen = _writer.known_sha(self._conn, sha)
            if seen:
                summary["documents_unchanged"] += 1
            else:
                todo.append(f)
        state = {"done": len(files) - len(todo), "total": len(files)}

        def handle(path: str, status: str, value: Any) -> None:
            if status == "ok":
                size = os.path.getsize(path) if os.path.exists(path) else None
                with self._lock:
                    written = _writer.store_parsed(self._conn, value, size=size)
                _count(summary, written)
            else:
                summary["failures"].append({"path": path, "error": _files.failure_text(value)})
                if errors is not None:
                    errors.append(value)
            state["done"] += 1
            if progress:
                progress({**state, "path": path, "status": status, "reports": summary["reports"],
                          "indicators": summary["indicators"], "findings": summary["findings"],
                          "failures": len(summary["failures"])})

        if progress:
            progress({**state, "path": None, "status": "start", "reports": 0, "indicators": 0, "findings": 0,
                      "failures": len(summary["failures"])})
        workers = workers or os.cpu_count() or 1
        if workers <= 1 or len(todo) <= 1:
            for f in todo:
                handle(f, *_files.parse_file(self.parser, f))
        else:
            _files.parse_in_pool(self.parser, todo, workers, handle)
        summary["seconds"] = round(time.monotonic() - t0, 3)
        return summary

    def ingest_bytes(self, data: bytes, filename: str) -> dict:
        """Store one uploaded file (web uploads); same summary shape as :meth:`ingest`."""
        t0 = time.monotonic()
        summary = _summary()
        sha = hashlib.sha256(data).hexdigest()
        with self._lock:
            seen = _writer.known_sha(self._conn, sha)
        if seen:
            summary["documents_unchanged"] = 1
        else:
            status, value = _files.parse_bytes(self.parser, data, filename)
            if status == "ok":
                with self._lock:
                    _count(summary, _writer.store_parsed(self._conn, value, size=len(data)))
            else:
                summary["failures"].append({"path": filename, "error": _files.failure_text(value)})
        summary["seconds"] = round(time.monotonic() - t0, 3)
        return summary

    def store(self, parsed) -> dict:
        """Store an already parsed document (a ParsedDocument); one transaction."""
        with self._lock:
            return _writer.store_parsed(self._conn, parsed)

    def delete_document(self, document_id: int) -> bool:
        with self._lock, transaction(self._conn) as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
                return False
            _writer.delete_document_rows(conn, document_id)
            return True

    # -- reading ------------------------------------------------------------------------------
    def _q(self, sql: str, args=()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def stats(self) -> dict:
        out = {}
        for t in TABLES:
            out[t] = self._q(f"SELECT count(*) AS n FROM {t}")[0]["n"]
        out["lines"] = self._q("SELECT coalesce(sum(n_lines), 0) AS n FROM documents")[0]["n"]
        return out

    def document_lines(self, document_id: int) -> list[str] | None:
        """The text of a stored document, as its lines (line n is item n-1)."""
        rows = self._q("SELECT lines_z FROM documents WHERE id = ?", (int(document_id),))
        return _writer.unpack_lines(rows[0]["lines_z"]) if rows else None

    def documents(self) -> list[dict]:
        cols = ("id", "path", "sha256", "format", "encoding", "size", "n_lines", "n_reports", "n_paragraphs",
                "n_indicators", "n_findings", "ingested_at")
        return [dict(r) for r in self._q(f"SELECT {', '.join(cols)} FROM documents ORDER BY path")]

    def reports(self, *, org=None, level=None, domain=None, year=None, limit: int = 100, offset: int = 0) -> dict:
        where, args = _report_filters(org, level, domain, year)
        total = self._q(f"SELECT count(*) AS n FROM reports r WHERE 1{where}", args)[0]["n"]
        rows = self._q(
            f"SELECT {_REPORT_COLS} FROM reports r JOIN documents d ON d.id = r.document_id WHERE 1{where}"
            " ORDER BY r.year IS NULL, r.year DESC, r.org, d.path, r.ord LIMIT ? OFFSET ?",
            [*args, max(0, int(limit)), max(0, int(offset))],
        )
        return {"total": total, "items": [_report_meta(r) for r in rows]}

    def facets(self) -> dict:
        out = {}
        for name in ("level", "domain", "year"):
            rows = self._q(f"SELECT {name} AS value, count(*) AS n FROM reports WHERE {name} IS NOT NULL"
                           f" GROUP BY {name} ORDER BY n DESC, value")
            out[name] = {str(r["value"]): r["n"] for r in rows}
        return out

    def report(self, report_id: int) -> dict | None:
        rows = self._q(f"SELECT {_REPORT_COLS} FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.id = ?",
                       (int(report_id),))
        if not rows:
            return None
        out = _report_meta(rows[0])
        rid = out["id"]
        nodes, roots = {}, []
        for row in self._q("SELECT id, parent_id, line, end_line, heading, ordinal, inferred_ordinal, depth, role,"
                           " family, rule FROM sections WHERE report_id = ? ORDER BY ord", (rid,)):
            node = {**dict(row), "children": []}
            parent = node.pop("parent_id")
            nodes[node["id"]] = node
            (nodes[parent]["children"] if parent in nodes else roots).append(node)
        out["sections"] = roots
        out["paragraphs"] = [
            _json_cols(r, section="section_path") for r in self._q(
                "SELECT id, line_start, line_end, text, section_path, section_id, role FROM paragraphs"
                " WHERE report_id = ? ORDER BY ord", (rid,))
        ]
        lines = self.document_lines(out["document_id"]) or []
        out["lines"] = [{"line": n, "text": lines[n - 1]}
                        for n in range(max(1, out["start_line"]), min(len(lines), out["end_line"]) + 1)]
        out["indicators"] = [_indicator(r) for r in self._q(
            f"SELECT {_IND_COLS} FROM indicators WHERE report_id = ? ORDER BY ord", (rid,))]
        out["pairs"] = [
            _json_cols(r, target_indicator="target_json", actual_indicator="actual_json") for r in self._q(
                "SELECT id, line, measure, target, actual, completion, rule, target_json, actual_json FROM pairs"
                " WHERE report_id = ? ORDER BY ord", (rid,))
        ]
        out["plan_items"] = [
            _json_cols(r, targets="targets_json") for r in self._q(
                "SELECT id, line, text, deadline, lead_org, rule, targets_json FROM plan_items WHERE report_id = ?"
                " ORDER BY ord", (rid,))
        ]
        out["findings"] = [dict(r) for r in self._q(
            'SELECT id, line, rule, message, severity, wrong, "right" FROM findings WHERE report_id = ? ORDER BY ord',
            (rid,))]
        return out

    def parsed_report(self, report_id: int):
        """(Report, Document) model objects of a stored report, for stages that need them (track).

        Re-read from the source file when it is still there unchanged (it keeps DOCX layout
        hints), else re-parsed from the text stored in the library.
        """
        from ..errors import WorkReportError
        from ..ingest import read_document
        from ..model import Document

        rows = self._q("SELECT r.start_line, d.path, d.sha256, d.format, d.encoding, d.lines_z FROM reports r"
                       " JOIN documents d ON d.id = r.document_id WHERE r.id = ?", (int(report_id),))
        if not rows:
            return None
        row = rows[0]
        start, path, sha = row["start_line"], row["path"], row["sha256"]
        doc = None
        if path and os.path.isfile(path):
            try:
                doc = read_document(path)
            except WorkReportError:
                doc = None
            if doc is not None and doc.sha256 != sha:
                doc = None
        if doc is None:
            doc = Document(path=path, sha256=sha, format=row["format"] or "txt", encoding=row["encoding"] or "",
                           lines=tuple(_writer.unpack_lines(row["lines_z"])))
        for r in self.parser(doc).reports:
            if r.start_line == start:
                return r, doc
        return None

    def track(self, old_id: int, new_id: int):
        """Follow the targets of report ``old_id`` into report ``new_id``: a ``track.TrackResult``
        (``contract.track_json`` makes the CONTRACT track JSON of it); None if either is missing."""
        from dataclasses import replace

        from ..track import track

        old, new = self.parsed_report(old_id), self.parsed_report(new_id)
        if old is None or new is None:
            return None
        res = track(old[0], new[0])
        return replace(res, old=replace(res.old, path=old[1].path, report_id=int(old_id)),
                       new=replace(res.new, path=new[1].path, report_id=int(new_id)))

    def track_pairs(self, limit: int | None = None) -> list[dict]:
        """Pairs of reports to track: the same body in consecutive years, newest first (among
        the first ``limit`` reports)."""
        from ..pairing import report_pairs

        return report_pairs(self.all_reports(limit))

    def all_reports(self, limit: int | None = None) -> list[dict]:
        """Every report's metadata (as :meth:`reports` items; at most ``limit``), in one list."""
        items: list[dict] = []
        while limit is None or len(items) < limit:
            page = self.reports(limit=500, offset=len(items))["items"]
            if not page:
                break
            items.extend(page)
        return items[:limit]

    def search(self, query: str, *, org=None, level=None, domain=None, year=None, role=None,
               limit: int = 20, offset: int = 0) -> dict:
        with self._lock:
            return _search.search(self._conn, query, org=org, level=level, domain=domain, year=year, role=role,
                                  limit=limit, offset=offset)

    # -- figures ------------------------------------------------------------------------------
    def measures(self, prefix: str = "", limit: int = 50) -> list[dict]:
        prefix = prefix or ""
        rows = self._q(
            "SELECT measure, count(*) AS count FROM indicators WHERE measure IS NOT NULL AND measure != ''"
            " AND substr(measure, 1, ?) = ? GROUP BY measure ORDER BY count(*) DESC, measure LIMIT ?",
            (len(prefix), prefix, max(0, int(limit))),
        )
        return [dict(r) for r in rows]

    def compare(self, measure: str, *, org=None, year=None, level=None) -> dict:
        names = synonyms(measure)
        where, args = _report_filters(org, level, None, year)
        rows = self._q(
            "SELECT r.id AS report_id, r.org, r.year, r.level, i.measure, i.value, i.number, i.unit,"
            " i.normalized_value, i.normalized_unit, i.kind, i.line, i.span, d.path AS document, i.id AS indicator_id"
            " FROM indicators i JOIN reports r ON r.id = i.report_id JOIN documents d ON d.id = r.document_id"
            f" WHERE i.measure IN ({','.join('?' * len(names))}){where}"
            " ORDER BY r.org IS NULL, r.org, r.year, d.path, i.line, i.ord",
            [*names, *args],
        )
        return {"measure": measure, "synonyms": names, "rows": [dict(r) for r in rows]}

    # -- export -------------------------------------------------------------------------------
    def export(self, fmt: str, out) -> dict:
        """The library to ``out`` as xlsx, csv, json, parquet (its tables) or docx (a 汇编)."""
        from ..export import export

        with self._lock:  # one consistent state across the tables
            return export(self, fmt, os.fspath(out))

    def table(self, name: str) -> tuple[list[str], list[sqlite3.Row]]:
        """Columns and rows of one export table (every row names its source file and line)."""
        with self._lock:
            cur = self._conn.execute(table_sql(name))
            return [c[0] for c in cur.description], cur.fetchall()

    def tables(self) -> dict[str, tuple[list[str], list[sqlite3.Row]]]:
        """Every export table: {name: (columns, rows)}."""
        with self._lock:
            return {name: self.table(name) for name in TABLES}

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _summary() -> dict:
    return {"documents_new": 0, "documents_unchanged": 0, "reports": 0, "paragraphs": 0, "indicators": 0,
            "findings": 0, "failures": []}


def _count(summary: dict, written: dict) -> None:
    if written["new"]:
        summary["documents_new"] += 1
        for k in ("reports", "paragraphs", "indicators", "findings"):
            summary[k] += written[k]
    else:
        summary["documents_unchanged"] += 1


def _report_filters(org, level, domain, year) -> tuple[str, list]:
    where, args = [], []
    if org:
        where.append("instr(r.org, ?) > 0")
        args.append(org)
    for col, val in (("r.level", level), ("r.domain", domain)):
        if val:
            where.append(f"{col} = ?")
            args.append(val)
    if year not in (None, ""):
        where.append("r.year = ?")
        args.append(int(year))
    return "".join(f" AND {w}" for w in where), args


def _norm_measure(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s or "").split())


def synonyms(measure: str) -> list[str]:
    """The measure and its listed synonyms (data/measures.yaml); only listed ones, nothing guessed."""
    from .. import rules

    key = _norm_measure(measure)
    for entry in rules.load("measures").get("synonyms", []):
        words = [str(w) for w in entry["words"]]
        if key in {_norm_measure(w) for w in words}:
            return [measure] + [w for w in words if w != measure]
    return [measure]
