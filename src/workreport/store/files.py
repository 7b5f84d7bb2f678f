"""The files an ingest reads: folders walked for the supported formats, and the worker that reads
and parses one file (in a worker process; only the main process writes to the store)."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from ..errors import ParseFailed, WorkReportError

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


def parse_file(parser: Callable, path: str) -> tuple[str, Any]:
    """Worker: read and parse one file.  Returns ("ok", ParsedDocument) or ("error", the
    WorkReportError saying what is wrong: a parser bug comes back as ParseFailed)."""
    from ..ingest import read_document

    try:
        return "ok", parser(read_document(path))
    except Exception as exc:  # one bad file is reported and skipped, the rest go in
        return "error", as_input_error(exc, path)


def parse_bytes(parser: Callable, data: bytes, filename: str) -> tuple[str, Any]:
    from ..ingest import document_from_bytes

    try:
        return "ok", parser(document_from_bytes(data, filename))
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


def parse_in_pool(parser: Callable, todo: list[str], workers: int,
                  handle: Callable[[str, str, Any], None]) -> None:
    """Parse ``todo`` in ``workers`` processes; ``handle(path, status, value)`` in this process, one
    file at a time, as :func:`parse_file` answers."""
    # fork: works from any caller (scripts without a __main__ guard, stdin, notebooks), and
    # cheap.  The child inherits the SQLite connection but never touches it, and pool workers
    # leave with os._exit, so it is not closed there either.
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    queue = list(reversed(todo))
    while queue:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            pending: dict = {}
            broken = False
            while queue or pending:
                while queue and len(pending) < 2 * workers and not broken:
                    path = queue.pop()
                    pending[pool.submit(parse_file, parser, path)] = path
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    path = pending.pop(fut)
                    try:
                        status, value = fut.result()
                    except BrokenProcessPool:
                        # A worker died (crash, out of memory).  We cannot tell which file
                        # killed it: parse the unfinished ones again one at a time, here.
                        broken = True
                        queue.append(path)
                        continue
                    except Exception as exc:
                        status, value = "error", ParseFailed(path, str(exc))
                    handle(path, status, value)
                if broken and not pending:
                    break
        if broken:
            while queue:
                path = queue.pop()
                with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as solo:
                    try:
                        status, value = solo.submit(parse_file, parser, path).result()
                    except BrokenProcessPool:
                        status, value = "error", ParseFailed(path, "the parser process crashed on this file")
                handle(path, status, value)
