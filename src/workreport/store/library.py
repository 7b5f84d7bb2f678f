"""``Library``: the Python API of the store (the CLI and the web app are shells over it).

Results are plain dicts and lists of JSON-able values.  The database behind it is a ``Store``
(base.py): a SQLite file or a PostgreSQL server, chosen by the location given.
"""
from __future__ import annotations

import collections
import functools
import hashlib
import json
import os
import threading
import time
from typing import Any, Callable

from ..errors import LibraryNotFound
from . import files as _files
from .base import Store, open_store
from .corrections import Corrections
from .rows import DocumentRows, document_rows
from .sqlite import DEFAULT_PATH
from .tables import TABLES


# An ingest writes parsed documents in batches: one transaction per batch (fewer commits, the
# search index grows in bigger steps), each kept short so that a writer waiting behind it waits
# little.  Readers never wait (WAL, sqlite.py).
BATCH_DOCUMENTS = 16
BATCH_PARAGRAPHS = 4_000
BATCH_SECONDS = 0.5


SEARCH_CACHE = 256  # search results kept per Library (see Library.search)


def _copy_result(res: dict) -> dict:
    """A search result the caller may change without changing the cached one."""
    return {**res, "hits": [dict(h) for h in res["hits"]], "facets": {k: dict(v) for k, v in res["facets"].items()}}


def _picklable(fn) -> bool:
    import pickle

    try:
        pickle.dumps(fn)
        return True
    except (pickle.PicklingError, AttributeError, TypeError):
        return False


def _default_parser():
    from ..pipeline import parse

    return parse


def _report_meta(row: dict) -> dict[str, Any]:
    out = {**row, "document": row.get("document") or os.path.basename(row["path"])}
    out["corrected"] = bool(out.get("corrected"))  # a person corrected org, level, domain or year
    return out


def _indicator(row: dict) -> dict[str, Any]:
    """A stored indicator in the contract's shape (normalized value and unit as one object)."""
    out = dict(row)
    nv, nu = out.pop("normalized_value"), out.pop("normalized_unit")
    out["normalized"] = {"value": nv, "unit": nu} if nv is not None and nu is not None else None
    return out


def _json_cols(row: dict, **cols: str) -> dict[str, Any]:
    """The row as a dict, with JSON text columns decoded (``name=column``)."""
    out = dict(row)
    for name, col in cols.items():
        text = out.pop(col)
        out[name] = json.loads(text) if text else None
    return out


class Library(Corrections):
    """A library of parsed reports in one SQLite file or a PostgreSQL database.

    Example:

        lib = Library("workreport.db")  # the default, DEFAULT_PATH
        lib = Library("postgresql://user@dbhost/reports")  # a shared server
        lib.ingest(["reports/"])
        lib.search("隐患 整改", year=2022)["hits"][0]["snippet"]
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, *, parser: Callable | None = None,
                 store: Store | None = None, create: bool = True, rules_version: str | None = None,
                 readonly: bool = False):
        """``create=False``: the library must exist (commands that only read never make an empty
        one).  ``readonly``: open it for reading only (nothing is ever written, no lock taken: a
        read-only file or folder is fine).  ``rules_version``: what stored documents are compared
        with to decide a re-parse (default: the installed rules; a custom ``parser`` says its own,
        else "custom")."""
        self.path = os.fspath(path)
        if ((readonly or not create) and store is None and self.path != ":memory:" and "://" not in self.path
                and not os.path.exists(self.path)):
            raise LibraryNotFound(self.path)
        self._parser = parser  # Document -> ParsedDocument; module-level so workers can pickle it (else parsed in this process, without a budget)
        self._rules_version = rules_version
        self._lock = threading.RLock()
        self.backend = store or open_store(self.path, readonly=readonly)
        self._cache: collections.OrderedDict = collections.OrderedDict()  # search results
        self._cache_size = SEARCH_CACHE if hasattr(self.backend, "version") else 0

    # -- ingest -------------------------------------------------------------------------------
    @property
    def parser(self) -> Callable:
        return self._parser or _default_parser()

    @property
    def rules_version(self) -> str:
        if self._rules_version:
            return self._rules_version
        if self._parser is not None:
            return getattr(self._parser, "rules_version", None) or "custom"
        from ..rules.version import rules_version

        return rules_version()

    def _is_current(self, sha: str) -> bool | None:
        """None: not stored; True: stored under the current rules (or a known copy of a stored
        document: its text is there once); False: under others."""
        stored, version = self.backend.stored_version(sha)
        if stored:
            return version == self.rules_version
        return True if self.backend.source(sha) else None

    def _write(self, parsed, size=None, force: bool = False) -> dict:
        return self.backend.write(document_rows(parsed, size=size, rules_version=self.rules_version), force=force)

    def ingest(self, paths, *, workers: int | None = None, progress: Callable[[dict], None] | None = None,
               errors: list | None = None, budget=None, pool=None) -> dict:
        """Parse and store files and folder trees; unchanged documents (same SHA-256, parsed under
        the current rules) are skipped, those parsed under other rules are parsed again
        (``documents_reparsed``); corrections apply to every document written.

        Each file is parsed in a worker process under ``budget`` (``workers.Budget``: wall time
        and memory per document); ``workers`` processes (default one per core; 0 = parse here,
        unbounded), or the given ``pool`` (``workers.WorkerPool``, e.g. the server's).
        A file that cannot be read, or goes past its budget, is listed under ``failures`` (one
        line each); ``errors``, when given, receives its exception (a WorkReportError, with the
        ``status`` the web answers).
        """
        t0 = time.monotonic()
        files = _files.find_files(paths)
        summary = _summary()
        todo: list[str] = []
        reparsed: set[str] = set()
        for f in files:
            try:
                sha = _files.sha256_file(f)
            except OSError as exc:
                summary["failures"].append({"path": f, "error": f"{f}: {exc.strerror or exc}"})
                continue
            current = self._is_current(sha)
            if current:
                summary["documents_unchanged"] += 1
            else:
                todo.append(f)
                if current is False:
                    reparsed.add(f)
                    summary["documents_reparsed"] += 1
        state = {"done": len(files) - len(todo), "total": len(files)}

        batch: list = []  # (path, rows) parsed and waiting to be written
        since = [0.0]

        def flush() -> None:
            if batch:
                for (path, _), written in zip(batch, self.backend.write_many([rows for _, rows in batch])):
                    _count(summary, written, path in reparsed, path)
                    report(path, "ok")
                batch.clear()

        def report(path: str, status: str) -> None:
            state["done"] += 1
            if progress:
                progress({**state, "path": path, "status": status, "reports": summary["reports"],
                          "indicators": summary["indicators"], "findings": summary["findings"],
                          "failures": len(summary["failures"])})

        def handle(path: str, status: str, value: Any) -> None:
            if status == "ok":  # rows made by the worker: here they are only inserted, in batches
                if not batch:
                    since[0] = time.monotonic()
                batch.append((path, value))
                if (len(batch) >= BATCH_DOCUMENTS or sum(len(r.tables["paragraphs"]) for _, r in batch)
                        >= BATCH_PARAGRAPHS or time.monotonic() - since[0] >= BATCH_SECONDS):
                    flush()
            else:
                summary["failures"].append({"path": path, "error": _files.failure_text(value)})
                if errors is not None:
                    errors.append(value)
                report(path, status)

        if progress:
            progress({**state, "path": None, "status": "start", "reports": 0, "indicators": 0, "findings": 0,
                      "failures": len(summary["failures"])})
        if workers is None:
            workers = os.cpu_count() or 1
        if not _picklable(self.parser):  # a closure cannot be sent to a worker: parsed here, unbounded
            workers, pool = 0, None
        try:
            _files.parse_files(self.parser, todo, min(workers, max(1, len(todo))) if workers else 0, handle,
                               budget=budget, pool=pool,
                               build=functools.partial(self.backend.row_builder(), rules_version=self.rules_version))
        finally:
            flush()  # what was parsed before a failure or Ctrl-C is kept
        summary["seconds"] = round(time.monotonic() - t0, 3)
        return summary

    def ingest_bytes(self, data: bytes, filename: str) -> dict:
        """Store one uploaded file (web uploads); same summary shape as :meth:`ingest`."""
        t0 = time.monotonic()
        summary = _summary()
        sha = hashlib.sha256(data).hexdigest()
        current = self._is_current(sha)
        if current:
            summary["documents_unchanged"] = 1
        else:
            summary["documents_reparsed"] = int(current is False)
            status, value = _files.parse_bytes(self.parser, data, filename)
            if status == "ok":
                _count(summary, self._write(value, len(data)), current is False, filename)
            else:
                summary["failures"].append({"path": filename, "error": _files.failure_text(value)})
        summary["seconds"] = round(time.monotonic() - t0, 3)
        return summary

    def ingest_parquet(self, folder, *, progress: Callable[[dict], None] | None = None) -> dict:
        """Load Parquet tables (``workreport batch`` output, or ``export --format parquet`` of
        another library) without parsing again; same summary as :meth:`ingest`.  Documents the
        batch could not parse are listed under ``failures``.  The batch writes every file; copies
        (the same or nearly the same text as a stored document) are found here, as ``ingest``
        finds them, and listed under ``duplicates``."""
        from . import load

        t0 = time.monotonic()
        summary = _summary()
        def flush(batch: list) -> None:  # in ingest's batches: one transaction per batch
            # copies are found here, as in ingest: a file holding a stored text becomes its source
            for rows, written in zip(batch, self.backend.write_many(batch)):
                _count(summary, written, path=rows.path)
                if progress:
                    progress({"path": rows.path, "documents": summary["documents_new"]})
            batch.clear()

        batch: list = []
        for part in load.parts(folder):
            for rows in load.documents(part):
                batch.append(rows)
                if len(batch) >= BATCH_DOCUMENTS or sum(len(r.tables["paragraphs"]) for r in batch) >= BATCH_PARAGRAPHS:
                    flush(batch)
        flush(batch)
        summary["sources_added"] = self.backend.add_sources(load.sources(folder))
        for e in load.batch_errors(folder):
            summary["failures"].append({"path": e["path"], "error": e["message"]})
        summary["seconds"] = round(time.monotonic() - t0, 3)
        return summary

    def store(self, parsed) -> dict:
        """Store an already parsed document (a ParsedDocument); one transaction."""
        return self._write(parsed)

    def store_rows(self, rows: DocumentRows) -> dict:
        """Store one document given as rows (batch output, another library); one transaction."""
        return self.backend.write(rows)

    def delete_document(self, document_id: int, *, source: str = "") -> bool:
        """Delete a document and its reports (logged; its corrections are kept for a re-import)."""
        return self.backend.delete_document(int(document_id), source=source)

    # -- reading ------------------------------------------------------------------------------
    def stats(self) -> dict:
        return self.backend.stats()

    def document_lines(self, document_id: int) -> list[str] | None:
        """The text of a stored document, as its lines (line n is item n-1)."""
        return self.backend.document_lines(int(document_id))

    def documents(self) -> list[dict]:
        return self.backend.documents()

    def document(self, document_id: int) -> dict | None:
        """A stored document's row, with ``sources``: the other files found to hold its text."""
        row = self.backend.document(int(document_id))
        if row is not None:
            row["sources"] = self.backend.document_sources(int(document_id))
        return row

    def reports(self, *, org=None, level=None, domain=None, year=None, limit: int = 100, offset: int = 0,
                sort: str | None = None) -> dict:
        """One page of reports; ``sort``: org, level, domain, year, indicators, findings,
        plan_items or document, ``-`` before it for descending (default: newest year first)."""
        total, rows = self.backend.reports(org=org, level=level, domain=domain, year=year, limit=limit, offset=offset,
                                           sort=sort)
        return {"total": total, "items": [_report_meta(r) for r in rows]}

    def facets(self) -> dict:
        return self.backend.facets()

    def report(self, report_id: int) -> dict | None:
        row = self.backend.report_row(int(report_id))
        if row is None:
            return None
        out = _report_meta(row)
        rid = out["id"]
        out["corrections"] = self.corrections(rid)
        # the other files holding this report's document (one copy is stored)
        out["sources"] = [{k: x[k] for k in ("name", "format", "similarity")}
                          for x in self.backend.document_sources(out["document_id"])]
        out["edits"] = self.edits(report_id=rid)
        kids = lambda table: self.backend.report_children(rid, table)  # noqa: E731
        nodes, roots = {}, []
        for row in kids("sections"):
            node = {**row, "children": []}
            parent = node.pop("parent_id")
            nodes[node["id"]] = node
            (nodes[parent]["children"] if parent in nodes else roots).append(node)
        out["sections"] = roots
        out["paragraphs"] = [_json_cols(r, section="section_path") for r in kids("paragraphs")]
        lines = self.document_lines(out["document_id"]) or []
        out["lines"] = [{"line": n, "text": lines[n - 1]}
                        for n in range(max(1, out["start_line"]), min(len(lines), out["end_line"]) + 1)]
        out["indicators"] = [_indicator(r) for r in kids("indicators")]
        out["pairs"] = [_json_cols(r, target_indicator="target_json", actual_indicator="actual_json")
                        for r in kids("pairs")]
        out["plan_items"] = [_json_cols(r, targets="targets_json") for r in kids("plan_items")]
        out["findings"] = kids("findings")
        return out

    def parsed_report(self, report_id: int):
        """(Report, Document) model objects of a stored report, for stages that need them (track).

        Re-read from the source file when it is still there unchanged (it keeps DOCX layout
        hints), else re-parsed from the text stored in the library; org, level, domain and year
        are the stored ones (a person's corrections included).
        """
        from dataclasses import replace

        row = self.backend.report_row(int(report_id))
        if row is None:
            return None
        doc = self._source(row["document_id"])
        for r in self.parser(doc).reports:
            if r.start_line == row["start_line"]:
                return replace(r, org=row["org"], level=row["level"], domain=row["domain"], year=row["year"]), doc
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
        """Paragraphs holding every term of ``query`` (search.py).  Recent results are kept
        (``SEARCH_CACHE`` of them) until the library changes: a server answers a word many
        people search for from memory.  The result is the caller's to change."""
        args = dict(org=org, level=level, domain=domain, year=year, role=role, limit=limit, offset=offset)
        if not self._cache_size:
            return self.backend.search(query, **args)
        key = (query, *args.values())
        version = self.backend.version()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == version:
                self._cache.move_to_end(key)
                return _copy_result(hit[1])
        res = self.backend.search(query, **args)
        with self._lock:
            self._cache[key] = (version, res)
            self._cache.move_to_end(key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return _copy_result(res)

    # -- figures ------------------------------------------------------------------------------
    def measures(self, prefix: str = "", limit: int = 50) -> list[dict]:
        return self.backend.measures(prefix or "", limit)

    def measure_spread(self, *, limit: int = 10, min_orgs: int = 2) -> list[dict]:
        """Measures reported by the most bodies: ``[{"measure", "orgs", "count"}]``."""
        return self.backend.measure_spread(limit=limit, min_orgs=min_orgs)

    def compare(self, measure: str, *, org=None, year=None, level=None) -> dict:
        """One measure (and its listed synonyms) across bodies and the years its figures are
        about (comparison.py): a body x year table of actual and target, totals and to-date
        figures apart, a bar for one year, a line chart for a few bodies, and every figure in
        ``rows``.  ``year`` is a year the figures are about (never the report's year): only it
        is shown, and figures of a range only when the range holds it."""
        names = synonyms(measure)
        rows = self.backend.compare_rows(names, org=org, level=level)
        if year is not None:
            rows = [r for r in rows if _about(r, int(year))]
        from . import comparison  # here, not at the top: it loads the figure reader, which reading commands never need

        return {"measure": measure, "synonyms": names, **comparison.compare(rows, year=year)}

    # -- export -------------------------------------------------------------------------------
    def export(self, fmt: str, out) -> dict:
        """The library to ``out`` as xlsx, csv, json, parquet (its tables) or docx (a 汇编)."""
        from ..export import export

        with self._lock, self.backend.snapshot():  # one consistent state across the tables
            return export(self, fmt, os.fspath(out))

    def table(self, name: str) -> tuple[list[str], list[tuple]]:
        """Columns and rows of one export table (every row names its source file and line)."""
        return self.backend.table(name)

    def extra_table(self, name: str) -> tuple[list[str], list[tuple]]:
        """The stored columns export table ``name`` does not show, by id (``tables.EXTRA``):
        with the export tables, enough to rebuild the library (``ingest_parquet``)."""
        return self.backend.table(name, extra=True)

    def sources_table(self) -> tuple[list[tuple[str, str]], list[tuple]]:
        """(column, value type) and rows of every document's sources (files holding its text),
        each naming its document by sha256 and path: what ``ingest_parquet`` records again."""
        from .copy_sql import SOURCE_COLUMNS

        return list(SOURCE_COLUMNS), self.backend.all_sources()

    @staticmethod
    def table_types(name: str, *, extra: bool = False) -> list[tuple[str, str]]:
        """(column, value type) of export table ``name``, or with ``extra`` of its hidden
        columns: the one schema every Parquet writer uses."""
        from .tables import column_types, extra_types

        return extra_types(name) if extra else column_types(name)

    def tables(self) -> dict[str, tuple[list[str], list[tuple]]]:
        """Every export table: {name: (columns, rows)}."""
        with self._lock:
            return {name: self.table(name) for name in TABLES}

    def close(self) -> None:
        with self._lock:
            self.backend.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _summary() -> dict:
    return {"documents_new": 0, "documents_unchanged": 0, "documents_reparsed": 0, "documents_duplicate": 0,
            "reports": 0, "paragraphs": 0, "indicators": 0, "findings": 0, "failures": [], "duplicates": []}


def _count(summary: dict, written: dict, reparsed: bool = False, path: str | None = None) -> None:
    if written["new"]:
        summary["documents_new"] += 0 if reparsed else 1
        for k in ("reports", "paragraphs", "indicators", "findings"):
            summary[k] += written[k]
    elif written.get("duplicate_of") is not None:
        # the same report from another file (or nearly): one copy is kept, this file is named as its source
        summary["documents_duplicate"] += 1
        summary["duplicates"].append({"path": written.get("duplicate_path") or path, "document_id": written["duplicate_of"],
                                      "document": written.get("document"), "similarity": written["similarity"]})
    else:
        summary["documents_unchanged"] += 1


def _about(row: dict, year: int) -> bool:
    """A figure is about ``year``: its period is that year, or a range that holds it; a figure
    without a period, when its report's year is that year."""
    start = row.get("period")
    if start is None:
        return row.get("year") == year
    return start <= year <= (row.get("period_end") or start)


def synonyms(measure: str) -> list[str]:
    """The measure and its listed synonyms (data/measures.yaml); only listed ones, nothing guessed."""
    from ..extract.measures import synonyms as listed

    return listed(measure)
