"""The library's ingest (a part of ``Library``, kept in its own file): parse files, uploads and
batch output, and write them to the store in short batches; delete a stored document.

Separate from ``library.py`` because writing is its own concern -- worker processes, budgets,
batching, the summary of what was new, unchanged, re-parsed or a copy -- while ``library.py``
is the reading side (reports, search, compare, exports) the web and CLI ask for.
"""
from __future__ import annotations

import functools
import hashlib
import os
import time
from typing import Any, Callable

from . import files as _files
from .rows import DocumentRows, document_rows

# An ingest writes parsed documents in batches: one transaction per batch (fewer commits, the
# search index grows in bigger steps), each kept short so that a writer waiting behind it waits
# little.  Readers never wait (WAL, sqlite.py).
BATCH_DOCUMENTS = 16
BATCH_PARAGRAPHS = 4_000
BATCH_SECONDS = 0.5


def _picklable(fn) -> bool:
    import pickle

    try:
        pickle.dumps(fn)
        return True
    except (pickle.PicklingError, AttributeError, TypeError):
        return False


class Ingesting:
    """Mixed into ``Library``: uses its ``backend``, ``parser`` and ``rules_version``."""

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
