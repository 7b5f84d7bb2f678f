"""Plain text: detect the encoding, split into lines exactly as the file has them."""
from __future__ import annotations

import codecs

from ..errors import BinaryInput, DecodeError, UnknownEncoding
from ..model import Document
from .debris import read_lines

# Tried in order when the file has no BOM. GB18030 is a superset of GBK and GB2312.
FALLBACKS = ("utf-8", "gb18030")
# Named in the message for an unknown --encoding: what Chinese reports are actually saved in.
COMMON = ("utf-8", "gb18030", "gbk", "gb2312", "big5", "utf-16", "utf-16-le", "utf-16-be")


def text_codec(name: str, path: str = "<input>") -> str:
    """The codec name for ``name`` if it decodes bytes to text; else UnknownEncoding.

    Python also registers codecs that are no text encoding at all: 'undefined' (always raises),
    bytes-to-bytes ones (base64, zlib, hex) and str-to-str rot13; none of them may reach decode().
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError) as exc:  # ValueError: a NUL in the name
        raise UnknownEncoding(path, name, COMMON) from exc
    if info.name == "undefined" or not getattr(info, "_is_text_encoding", True):
        raise UnknownEncoding(path, name, COMMON)
    return info.name


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl > max(8, len(sample) // 100)


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding name). BOMs win; then strict UTF-8, then GB18030."""
    if encoding:
        codec = text_codec(encoding, path)
        try:
            return data.decode(codec), encoding
        except UnicodeError as exc:  # not only UnicodeDecodeError: idna and friends raise the base
            raise DecodeError(path, (encoding,)) from exc
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodeError(path, ("utf-8-sig",)) from exc
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(name), "utf-16"
            except UnicodeDecodeError as exc:
                raise DecodeError(path, ("utf-16",)) from exc
    if _looks_binary(data):
        # UTF-16 without a BOM: every other byte of ASCII/CJK text is often NUL.
        if len(data) % 2 == 0 and data[1::2].count(0) > len(data) // 4:
            try:
                return data.decode("utf-16-le"), "utf-16-le"
            except UnicodeDecodeError:
                pass
        raise BinaryInput(path)
    for name in FALLBACKS:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise DecodeError(path, FALLBACKS)


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as a text editor numbers them: split on \\n only, \\r dropped, no phantom last line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(l[:-1] if l.endswith("\r") else l for l in lines)


def read_text(data: bytes, path: str, sha256: str, encoding: str | None = None) -> Document:
    text, enc = decode(data, path, encoding)
    if not text.strip():
        from ..errors import EmptyInput

        raise EmptyInput(path)
    lines = split_lines(text)
    return Document(path=path, sha256=sha256, format="txt", encoding=enc, lines=lines, norm_lines=read_lines(lines))
