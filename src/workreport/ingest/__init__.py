"""Readers: a path in, a :class:`~workreport.model.Document` out (one source paragraph per line).

``read_document`` picks the reader by content first (magic bytes), then by extension, so a
``.docx`` that is really a PDF is read as a PDF or refused with a clear message.
Every bound a reader enforces is a setting of :class:`~workreport.ingest.limits.Limits`.
"""
from __future__ import annotations

import hashlib
import os

from ..errors import BinaryInput, EmptyInput, FormatMismatch, InputNotFound, NotAFile, TooLarge, UnsupportedFormat
from ..model import Document
from .limits import Limits, resolve

__all__ = ["Limits", "binary_kind", "document_from_bytes", "read_bytes", "read_document"]

# Files that are certainly no text, by their first bytes: pictures, archives, programs, media.
# (zip is left out: a .docx is a zip; PDF and OLE are formats the readers take.)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"), (b"\x00\x00\x01\x00", "ico"), (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!\x1a\x07", "rar"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"),
    (b"\x7fELF", "program"), (b"MZ", "program"), (b"\xca\xfe\xba\xbe", "program"), (b"ID3", "audio"),
    (b"OggS", "audio"), (b"fLaC", "audio"), (b"\x1aE\xdf\xa3", "video"),
)


def binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes say it is no text (png, jpeg, gzip, program …)."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # two-letter magics also start words: a program has a NUL within its first bytes
            return kind if len(magic) > 2 or b"\x00" in data[:64] else None
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "webp" if head[8:12] == b"WEBP" else "audio" if head[8:12] == b"WAVE" else "video"
    if head[4:8] == b"ftyp":
        return "video"
    if head.startswith(b"BM") and b"\x00" in data[2:14]:
        return "bmp"
    return None


def _sniff(data: bytes, ext: str) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if ext in (".html", ".htm", ".xhtml", ".mhtml"):
        return "html"
    head = data[:2048].lstrip().lower()
    for bom in (b"\xef\xbb\xbf",):
        head = head.removeprefix(bom)
    if head.startswith((b"<!doctype html", b"<html")) or (b"<html" in head and b"</" in data[:65536].lower()):
        return "html"
    return "txt"


_CLAIMS = {".docx": "a Word .docx file", ".pdf": "a PDF", ".doc": "a Word .doc file"}
_CONTENT = {"pdf": "a PDF", "docx": "a zip/.docx package", "doc": "an OLE2 (Word 97-2003 or encrypted Office) file"}


def _check_claim(path: str, ext: str, kind: str) -> None:
    """Refuse a binary format posing as another (a .docx that is a PDF): say what it really is.

    A zip named .doc (a .docx saved with the old extension) and an OLE file named .docx (an
    encrypted or old Word file) are read for what they are; HTML saved as .doc is too.
    """
    if ext not in _CLAIMS or kind not in _CONTENT:
        return
    claimed_kind = ext.lstrip(".")
    if kind == claimed_kind or {claimed_kind, kind} <= {"doc", "docx"}:
        return
    raise FormatMismatch(path, _CLAIMS[ext], _CONTENT[kind])


def read_bytes(path: str, limit: int | None = None) -> bytes:
    limit = resolve(None).file_bytes if limit is None else limit
    if not os.path.exists(path):
        raise InputNotFound(path)
    if os.path.isdir(path):
        raise NotAFile(path)
    size = os.path.getsize(path)
    if size > limit:
        raise TooLarge(path, size, limit)
    with open(path, "rb") as fh:
        # read(n) reserves n bytes first: asking for the limit (200 MB) of every small file
        # took that much of a parser process's memory budget
        data = fh.read(size + 1)
        if len(data) > size:  # it grew since: still never more than the limit
            data += fh.read(limit + 1 - len(data))
    if len(data) > limit:
        raise TooLarge(path, len(data), limit)
    if not data.strip():
        raise EmptyInput(path)
    return data


def read_document(path: str | os.PathLike, encoding: str | None = None, limits: Limits | None = None) -> Document:
    """Read any supported file into a Document."""
    path = os.fspath(path)
    limits = resolve(limits)
    data = read_bytes(path, limits.file_bytes)
    return document_from_bytes(data, path, encoding=encoding, limits=limits)


def document_from_bytes(data: bytes, path: str = "<bytes>", encoding: str | None = None,
                        limits: Limits | None = None) -> Document:
    limits = resolve(limits)
    if len(data) > limits.file_bytes:
        raise TooLarge(path, len(data), limits.file_bytes)
    if not data.strip():
        raise EmptyInput(path)
    if binary_kind(data):
        raise BinaryInput(path)  # even with --encoding: a picture decoded as GB18030 is noise
    ext = os.path.splitext(path)[1].lower()
    kind = _sniff(data, ext)
    _check_claim(path, ext, kind)
    sha = hashlib.sha256(data).hexdigest()
    if kind == "txt":
        from .text import read_text

        return read_text(data, path, sha, encoding=encoding)
    if kind == "html":
        from .html import read_html

        return read_html(data, path, sha, encoding=encoding, limits=limits)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, path, sha, limits=limits)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, path, sha, limits=limits)
    if kind == "doc":
        from .doc import read_doc

        return read_doc(data, path, sha, limits=limits)
    raise UnsupportedFormat(path)
