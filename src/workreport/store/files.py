"""The files an ingest reads: folders walked for the supported formats, and the worker that reads
and parses one file (in a worker process under a budget, workers.py; only the main process
writes to the store)."""
from __future__ import annotations

import hashlib
import os
from typing import Any, Callable

from ..errors import ParseFailed, WorkReportError
from ..workers import Budget, WorkerPool

EXTENSIONS = (".txt", ".html", ".htm", ".docx", ".pdf", ".doc")


def find_files(paths) -> list[str]:
    """Files to ingest: named files as given; folders recursed for the supported extensions."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and not f.startswith("~$") and f.lower().endswith(EXTENSIONS):
                        out.append(os.path.join(root, f))
        else:
            out.append(p)
    # absolute paths: an edited file is recognised by its path whatever the working directory
    out = [os.path.abspath(f) for f in out]
    seen: set[str] = set()
    return [f for f in out if not (f in seen or seen.add(f))]


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_file(parser: Callable, path: str, build: Callable | None = None) -> tuple[str, Any]:
    """Worker: read and parse one file.  Returns ("ok", ParsedDocument) — or, with ``build``
    (a store's ``row_builder``), ("ok", the rows ready to write) — or ("error", the
    WorkReportError saying what is wrong: a parser bug comes back as ParseFailed)."""
    from ..ingest import read_document

    try:
        parsed = parser(read_document(path))
        return "ok", build(parsed, size=os.path.getsize(path)) if build else parsed
    except MemoryError:  # past the memory budget: the worker says so (workers.py), naming the setting
        raise
    except Exception as exc:  # one bad file is reported and skipped, the rest go in
        return "error", as_input_error(exc, path)


def parse_bytes(parser: Callable, data: bytes, filename: str) -> tuple[str, Any]:
    from ..ingest import document_from_bytes

    try:
        return "ok", parser(document_from_bytes(data, filename))
    except MemoryError:
        raise
    except Exception as exc:
        return "error", as_input_error(exc, filename)


def as_input_error(exc: Exception, path: str) -> WorkReportError:
    """Our own errors as they are (they say what is wrong with the input); anything else is a bug."""
    if isinstance(exc, WorkReportError):
        return exc
    msg = str(exc).splitlines()[0] if str(exc) else ""
    return ParseFailed(path, f"internal error while parsing ({type(exc).__name__}: {msg})")


def failure_text(exc: WorkReportError) -> str:
    """One line for the ingest summary."""
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def parse_files(parser: Callable, todo: list[str], workers: int, handle: Callable[[str, str, Any], None], *,
                budget: Budget | None = None, pool: WorkerPool | None = None, build: Callable | None = None) -> None:
    """Parse ``todo`` in worker processes under ``budget`` (workers.py): ``workers`` of them, or
    ``pool``'s; ``handle(path, status, value)`` runs here, one file at a time, as they finish (a
    file past its budget or killing its worker comes back as ("error", …) like any bad file).
    ``workers=0`` parses in this process, with no budget (for library callers that want that)."""
    if workers == 0 and pool is None:
        for path in todo:
            handle(path, *parse_file(parser, path, build))
        return
    own = pool is None
    if own:
        pool = WorkerPool(workers, budget or Budget())
    try:
        for path, status, value in pool.map(parse_file, ((p, (parser, p, build)) for p in todo)):
            if status == "ok":  # parse_file's own answer: ("ok", parsed) or ("error", err)
                status, value = value
            handle(path, status, value)
    finally:
        if own:
            pool.close()
