"""The files an ingest reads: folders walked for the supported formats, and the worker that reads
and parses one file (in a worker process; only the main process writes to the store)."""
from __future__ import annotations

import hashlib
import os
from typing import Any, Callable

from ..errors import WorkReportError

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
    """Worker: read and parse one file.  Returns ("ok", ParsedDocument) or ("error", message)."""
    from ..ingest import read_document

    try:
        return "ok", parser(read_document(path))
    except Exception as exc:  # one bad file is reported and skipped, the rest go in
        return "error", _reason(exc, path)


def parse_bytes(parser: Callable, data: bytes, filename: str) -> tuple[str, Any]:
    from ..ingest import document_from_bytes

    try:
        return "ok", parser(document_from_bytes(data, filename))
    except Exception as exc:
        return "error", _reason(exc, filename)


def _reason(exc: Exception, path: str) -> str:
    """One line: our own errors say what is wrong with the input; anything else is a parser bug."""
    msg = str(exc).splitlines()[0] if str(exc) else ""
    if isinstance(exc, WorkReportError):
        return msg or type(exc).__name__
    return f"{path}: internal error while parsing ({type(exc).__name__}: {msg})"


