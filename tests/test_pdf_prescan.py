"""Pages whose forms are drawn many times are refused before pdfium loads them (ingest/pdfscan.py).

pdfium copies a form's objects each time the form is drawn while it loads the page: a 600 KB file
drawing a form of 2,000 characters 50,000 times cost it 17 s and 1.2 GB before any count through
pdfium could look.  The pre-scan counts the same objects from the content streams."""
from __future__ import annotations

import time
import zlib

import pytest

from test_hostile_inputs import _pdf
from workreport.errors import LimitExceeded
from workreport.ingest import document_from_bytes, pdf as pdf_reader
from workreport.ingest.limits import DEFAULT, Limits
from workreport.ingest.pdfscan import check_pages, operators


def _file(objs: list[bytes], root: int = 1) -> bytes:
    """A PDF of the given object bodies (numbered from 1) with a classic xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
    return bytes(out)


def _stream(dict_body: bytes, data: bytes, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data)
        dict_body += b" /Filter /FlateDecode"
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_TEXT = b"BT /F1 12 Tf 72 700 Td (Line of a report.) Tj ET\n"


def _nested(outer: int, inner: int, flate: bool = True, in_objstm: bool = False) -> bytes:
    """A page drawing form A ``outer`` times; A draws form B ``inner`` times; B holds one text."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    res_page = b"<< /Font << /F1 5 0 R >> /XObject << /F#41 6 0 R >> >>"  # /F#41 is the name /FA
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources %d 0 R >>"
            % (9 if in_objstm else 8),
            _stream(b"", _TEXT + b"q /FA Do Q\n" * outer, flate),
            font,
            _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /FB 7 0 R >> >>",
                    b"q /FB Do Q\n" * inner, flate),
            _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>",
                    b"BT /F1 9 Tf (x) Tj ET", flate)]
    if in_objstm:  # the page's resources (object 9) inside a compressed object stream (object 8)
        head = b"9 0 "
        objs.append(_stream(b"/Type /ObjStm /N 1 /First %d" % len(head), head + res_page, flate=True))
    else:
        objs.append(res_page)
    return _file(objs)


def test_the_form_bomb_is_refused_before_pdfium_loads_a_page(monkeypatch):
    """2,000 characters drawn 50,000 times: refused by the pre-scan, no page ever loaded."""
    data = _pdf(595, 842, forms=50_000, form_chars=2_000)

    def no_page(*a, **k):
        raise AssertionError("pdfium was asked to load a page")

    monkeypatch.setattr(pdf_reader, "_page_boxes", no_page)
    t = time.process_time()
    with pytest.raises(LimitExceeded, match="page 1 holds too many pieces of text.*pdf_page_text_objects"):
        document_from_bytes(data, "forms.pdf")
    assert time.process_time() - t < 3


@pytest.mark.parametrize("in_objstm", [False, True])
def test_nested_forms_multiply(in_objstm):
    """300 draws of a form that draws another 300 times: 90,000 pieces of text from 4 KB."""
    data = _nested(300, 300, in_objstm=in_objstm)
    assert len(data) < 8000
    with pytest.raises(LimitExceeded, match="pdf_page_text_objects"):
        check_pages(data, "n.pdf", DEFAULT)
    check_pages(_nested(3, 3, in_objstm=in_objstm), "small.pdf", DEFAULT)  # 10 pieces: fine
    with pytest.raises(LimitExceeded, match="pdf_page_text_objects"):
        check_pages(_nested(3, 3, in_objstm=in_objstm), "n.pdf", Limits(pdf_page_text_objects=9))


def test_counts_agree_with_pdfium_below_the_limits():
    """A file both can read: the pre-scan's counts are those pdfium's own count refuses at."""
    data = _nested(20, 10, flate=False)
    document_from_bytes(data, "ok.pdf")  # 201 pieces of text: read
    for limits in (Limits(pdf_page_text_objects=200), Limits(pdf_page_objects=200)):
        with pytest.raises(LimitExceeded):
            check_pages(data, "n.pdf", limits)


def test_a_form_drawing_itself_ends():
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /XObject << /A 5 0 R >> >> >>",
            _stream(b"", b"/A Do " * 1000),
            _stream(b"/Subtype /Form /Resources << /XObject << /A 5 0 R >> >>", b"(t) Tj /A Do /A Do")]
    t = time.process_time()
    check_pages(_file(objs), "loop.pdf", DEFAULT)
    assert time.process_time() - t < 2


def test_strings_comments_and_inline_images_are_not_operators():
    content = (b"BT (a (nested) Do) Tj ET % /F Do Tj\n<2F462044>Tj BI /W 1 /H 1 ID \x00Do Tj\x01 EI "
               b"(x\\) Do) ' [(a)-3(b)] TJ (s) \"")
    ops = operators(content)
    assert ops.count(b"Do") == 0
    assert [o for o in ops if o in (b"Tj", b"TJ", b"'", b'"')] == [b"Tj", b"Tj", b"'", b"TJ", b'"']
    assert b"BI" in ops


def test_too_much_content_is_refused():
    data = _nested(3000, 1, flate=True)
    with pytest.raises(LimitExceeded, match="pdf_content_bytes"):
        check_pages(data, "big.pdf", Limits(pdf_content_bytes=10_000))


@pytest.mark.parametrize("junk", [b"", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R", b"\x00" * 100,
                                  b"%PDF-1.7 trailer << /Root 1 0 R >> 1 0 obj << /Pages [ ( >> endobj"])
def test_what_it_cannot_read_is_left_to_pdfium(junk):
    check_pages(junk, "junk.pdf", DEFAULT)  # no error: pdfium decides
