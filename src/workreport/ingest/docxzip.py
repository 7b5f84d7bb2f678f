"""The .docx container, read as hostile: a zip checked before anything is inflated (entry count,
declared sizes, compression ratio, encryption), every part read through a byte cap, side parts
counted before they are parsed, XML errors said in our terms.  Bounds: ``Limits``.
"""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from lxml import etree

from ..errors import ArchiveBomb, CorruptFile, EncryptedFile, LimitExceeded, UnsupportedFormat
from .limits import Limits
from .numbering import parse_xml

PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def entry_count(data: bytes) -> int | None:
    """Entries in the end-of-central-directory record, read before zipfile builds its index."""
    tail = data[-(65535 + 22):]
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(tail):
        return None
    return struct.unpack("<H", tail[pos + 10:pos + 12])[0]


class CappedReader(io.RawIOBase):
    """A zip member as a stream that refuses to yield more than ``cap`` bytes."""

    def __init__(self, fh, cap: int, path: str, name: str):
        self._fh, self._cap, self._seen, self._path, self._name = fh, cap, 0, path, name

    def readable(self):
        return True

    def read(self, n=-1):
        chunk = self._fh.read(65536 if n is None or n < 0 else min(n, 1 << 20))
        self._seen += len(chunk)
        if self._seen > self._cap:
            raise ArchiveBomb(self._path, f"{self._name} inflates past {self._cap // (1 << 20)} MB")
        return chunk


class Package:
    def __init__(self, data: bytes, path: str, limits: Limits):
        self.path, self.limits = path, limits
        n = entry_count(data)
        if n is not None and n > limits.zip_entries and n != 0xFFFF:
            raise ArchiveBomb(path, f"{n} entries in the zip directory")
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise CorruptFile(path, f"not a complete zip/docx container ({exc}); the file may be truncated") from exc
        except (ValueError, OSError, EOFError) as exc:
            raise CorruptFile(path, f"unreadable zip directory ({exc})") from exc
        infos = self.zf.infolist()
        if len(infos) > limits.zip_entries:
            raise ArchiveBomb(path, f"{len(infos)} entries in the zip directory")
        self.names = {i.filename: i for i in infos}

    def has(self, name: str) -> bool:
        return name in self.names

    def open(self, name: str, cap: int):
        info = self.names[name]
        if info.flag_bits & 0x1:
            raise EncryptedFile(self.path, "zip")
        if info.file_size > cap:
            raise ArchiveBomb(self.path, f"{name} declares {info.file_size:,} bytes inflated, limit {cap:,}")
        if info.file_size > (1 << 20) and info.file_size > self.limits.zip_ratio * max(info.compress_size, 1):
            raise ArchiveBomb(self.path, f"{name} is compressed {info.file_size // max(info.compress_size, 1):,} to 1")
        try:
            return CappedReader(self.zf.open(info), cap, self.path, name)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError) as exc:
            raise CorruptFile(self.path, f"cannot open {name} ({exc})") from exc

    def read(self, name: str, cap: int | None = None) -> bytes | None:
        if name not in self.names:
            return None
        fh = self.open(name, self.limits.docx_part_bytes if cap is None else cap)
        try:
            parts = []
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    return b"".join(parts)
                parts.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise CorruptFile(self.path, f"{name} is damaged ({exc})") from exc

    def xml(self, name: str):
        data = self.read(name)
        if data is None:
            return None
        # a side part is parsed whole: every "<" may be an element, so count them first
        if (n := data.count(b"<")) > self.limits.xml_block_elements:
            raise LimitExceeded(self.path, f"{name} holds too many XML elements", n, self.limits.xml_block_elements,
                                "xml_block_elements")
        try:
            return parse_xml(data)
        except etree.XMLSyntaxError as exc:
            raise xml_error(self.path, name, exc, self.limits) from exc

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type suffix -> target part name, for one part."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root.iter(PKG_REL + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(kind, target)
        return out


def xml_error(path: str, part: str, exc: Exception, limits: Limits) -> Exception:
    # libxml2 stops at 256 levels on its own; say so in our terms, not "use XML_PARSE_HUGE"
    if "Excessive depth" in str(exc):
        return LimitExceeded(path, f"{part} nests XML elements too deeply", 256, limits.xml_depth, "xml_depth")
    return CorruptFile(path, f"{part} is not well-formed XML ({exc})")


def main_part(pkg: Package) -> str:
    main = pkg.rels("").get("officeDocument")
    if main and pkg.has(main):
        return main
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    if any(n.startswith("xl/") for n in pkg.names):
        raise UnsupportedFormat(pkg.path, "an Excel workbook, not a Word document")
    if any(n.startswith("ppt/") for n in pkg.names):
        raise UnsupportedFormat(pkg.path, "a PowerPoint file, not a Word document")
    if pkg.has("content.xml"):
        raise UnsupportedFormat(pkg.path, "an OpenDocument file; save it as .docx")
    raise UnsupportedFormat(pkg.path, "a zip archive without a Word document inside")
