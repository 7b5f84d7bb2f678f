"""Hostile and broken files: exit 2, one clear line, within 5 s and 200 MB (measured per run)."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from fixtures.builders import build_docx
from limited import MAX_RSS_MB, MAX_SECONDS, assert_refused, run_limited

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
                 b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
DOC_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')


@pytest.fixture(scope="module")
def good_docx():
    return build_docx([("p", "正文第一段。"), ("p", "正文第二段。")])


def test_truncated_docx(tmp_path, good_docx):
    p = tmp_path / "cut.docx"
    p.write_bytes(good_docx[: len(good_docx) // 2])
    assert_refused(p, "truncated")


def test_docx_that_is_really_a_pdf(tmp_path):
    p = tmp_path / "report.docx"
    p.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert_refused(p, "PDF", "rename")


def test_encrypted_pdf(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret"))
    c.drawString(72, 720, "confidential")
    c.showPage()
    c.save()
    p = tmp_path / "locked.pdf"
    p.write_bytes(buf.getvalue())
    assert_refused(p, "password")


def test_encrypted_office_file(tmp_path):
    # what Word writes for a password-protected .docx: an OLE2 file holding an EncryptedPackage
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    p = tmp_path / "locked.docx"
    p.write_bytes(data)
    assert_refused(p, "password")


class _RepeatingDeflate:
    """Deflate that emits each write as a self-contained, byte-aligned block sequence (a fresh
    compressor + Z_FULL_FLUSH) and caches it, so 2 GiB of one repeated chunk costs one compression."""

    def __init__(self):
        self._cache: dict[bytes, bytes] = {}

    def compress(self, data: bytes) -> bytes:
        data = bytes(data)
        if data not in self._cache:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            self._cache[data] = c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)
        return self._cache[data]

    def flush(self) -> bytes:
        return zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # the final empty block


def _zip_bomb(size: int) -> bytes:
    """A valid .docx whose document.xml honestly inflates to ``size`` bytes (sizes and CRC true)."""
    buf = io.BytesIO()
    real = zipfile._get_compressor
    zipfile._get_compressor = lambda *a, **k: _RepeatingDeflate()  # only while building this file
    try:
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", CONTENT_TYPES)
            info = zipfile.ZipInfo("word/document.xml")
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=True) as fh:
                fh.write(DOC_HEAD)
                chunk = b"A" * (1 << 20)
                for _ in range(size >> 20):
                    fh.write(chunk)
    finally:
        zipfile._get_compressor = real
    return buf.getvalue()


def test_bomb_builder_is_a_real_deflate_stream():
    data = _zip_bomb(4 << 20)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml")  # checks the CRC too
    assert body == DOC_HEAD + b"A" * (4 << 20)


@pytest.fixture(scope="module")
def bomb():
    return _zip_bomb(2 << 30)  # 2 GiB of text in a few MB


def test_zip_bomb_declared_size(tmp_path, bomb):
    assert len(bomb) < 5 << 20
    p = tmp_path / "bomb.docx"
    p.write_bytes(bomb)
    assert_refused(p, "expand")


def test_zip_bomb_lying_directory(tmp_path, bomb):
    """The same bomb with the sizes in the zip directory rewritten to 1 KB: caught while reading."""
    data = bytearray(bomb)
    zf = zipfile.ZipFile(io.BytesIO(bomb))
    info = zf.getinfo("word/document.xml")
    # zip64 extra field in the central directory holds the real sizes: overwrite them
    cd = data.rfind(b"PK\x01\x02", 0, len(data))
    name_len, extra_len = struct.unpack("<HH", data[cd + 28:cd + 32])
    extra = cd + 46 + name_len
    assert struct.unpack("<H", data[extra:extra + 2])[0] == 1  # zip64 extra
    data[extra + 4:extra + 12] = struct.pack("<Q", 1024)  # uncompressed
    assert info.file_size > 2 << 30
    p = tmp_path / "liar.docx"
    p.write_bytes(bytes(data))
    assert_refused(p)


def test_too_many_entries(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for i in range(12_000):
            zf.writestr(f"x/{i}", b"")
    p = tmp_path / "many.docx"
    p.write_bytes(buf.getvalue())
    assert_refused(p, "entries")


def test_entity_expansion_is_not_resolved(tmp_path):
    lol = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
           + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9))
           + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p><w:p><w:r><w:t>\xe6\xad\xa3\xe6\x96\x87</w:t></w:r></w:p></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", lol)
    p = tmp_path / "lol.docx"
    p.write_bytes(buf.getvalue())
    out, elapsed, rss, err = run_limited(p)
    assert elapsed < MAX_SECONDS and rss < MAX_RSS_MB
    assert out.returncode in (0, 2), err
    assert len(out.stdout) < 10_000  # never a billion a's


@pytest.mark.parametrize("name,members,words", [
    ("sheet.docx", {"xl/workbook.xml": b"<workbook/>"}, ("Excel",)),
    ("plain.docx", {"readme.txt": b"hello"}, ("zip",)),
])
def test_zip_that_is_not_word(tmp_path, name, members, words):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for k, v in members.items():
            zf.writestr(k, v)
    p = tmp_path / name
    p.write_bytes(buf.getvalue())
    assert_refused(p, *words)


def test_doc_without_libreoffice(tmp_path, monkeypatch):
    from workreport.errors import ConverterMissing
    from workreport.ingest import doc as doc_mod
    from workreport.ingest import document_from_bytes

    monkeypatch.setattr(doc_mod, "find_soffice", lambda: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    with pytest.raises(ConverterMissing, match="LibreOffice"):
        document_from_bytes(ole, "old.doc")
