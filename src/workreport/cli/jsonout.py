"""Compact JSON written in pieces: the same bytes as ``json.dumps(obj, ensure_ascii=False,
separators=(",", ":"))``, without ever holding the whole text (or its UTF-8) in memory.

A figure-dense document's JSON is several times the size of its text: built as one string and
then encoded, the text and its bytes more than doubled the peak of ``parse --json``.  The top
levels (document, reports, report) are walked; their long lists are encoded a slice at a time
by the C encoder, so the speed stays the C encoder's.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterator

_ENC = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
SLICE = 512  # list items encoded at once: large enough to keep the C encoder's speed
WALKED = 2  # containers this deep and shallower are walked; deeper ones encoded whole
FLUSH = 1 << 20  # characters gathered before a write


def chunks(obj: Any, depth: int = 0) -> Iterator[str]:
    """The compact JSON of ``obj`` in pieces."""
    enc = _ENC.encode
    if depth <= WALKED and isinstance(obj, dict):
        yield "{"
        for n, (key, value) in enumerate(obj.items()):
            yield ("," if n else "") + enc(str(key)) + ":"
            yield from chunks(value, depth + 1)
        yield "}"
    elif depth <= WALKED and isinstance(obj, (list, tuple)):
        yield "["
        for n, value in enumerate(obj):
            if n:
                yield ","
            yield from chunks(value, depth + 1)
        yield "]"
    elif isinstance(obj, (list, tuple)) and len(obj) > SLICE:
        yield "["
        for start in range(0, len(obj), SLICE):
            yield ("," if start else "") + enc(list(obj[start:start + SLICE]))[1:-1]
        yield "]"
    else:
        yield enc(obj)


def write(obj: Any, out: Callable[[bytes], Any]) -> None:
    """Write the compact JSON of ``obj`` as UTF-8 through ``out`` (a binary stream's write)."""
    buf: list[str] = []
    size = 0
    for piece in chunks(obj):
        buf.append(piece)
        size += len(piece)
        if size >= FLUSH:
            out("".join(buf).encode("utf-8"))
            buf, size = [], 0
    out("".join(buf).encode("utf-8"))
