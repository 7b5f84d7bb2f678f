"""The files an ingest reads: folders walked for the supported formats, and the worker that reads
and parses one file (in a worker process; only the main process writes to the store)."""
from __future__ import annotations

import hashlib
import os
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


