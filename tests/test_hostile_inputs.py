"""Hostile input for the readers, each built here and small: read in bounded time and memory, or
refused with one line naming the setting (``workreport.ingest.limits.Limits``).

The CLI cases run in a child and check its wall time and peak RSS (tests/limited.py); the
library cases check the exception a caller gets.  Figures before/after: docs/RELIABILITY.md.
"""
from __future__ import annotations

import io
import os
import time
import zipfile

import pytest

from limited import assert_read, assert_refused
from workreport.errors import ArchiveBomb, LimitExceeded, UnknownEncoding, WorkReportError
from workreport.ingest import document_from_bytes, read_document
from workreport.ingest.limits import DEFAULT, Limits

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def small_docx(body: str, numbering: str | None = None, styles: str | None = None) -> bytes:
    """A minimal .docx (no python-docx: a hostile file is written by hand, as an attacker would)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                           'package/2006/content-types"/>')
        zf.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">'
                                         f"<w:body>{body}</w:body></w:document>")
        if numbering is not None:
            zf.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
        if styles is not None:
            zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')
    return buf.getvalue()


def numbered(text: str, num_id: int = 1, ilvl: int = 0) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{text}</w:t></w:r></w:p>")


def one_list(fmt: str, text: str, start: str = "1") -> str:
    return (f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')


def write(tmp_path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ---------------------------------------------------------------- Word numbering


def test_numbering_bomb_renders_in_constant_memory(tmp_path):
    """2 KB: w:start 2.6e9 in lowerLetter was 100 MB of 'z' per paragraph (4 GB for the file)."""
    data = small_docx("".join(numbered(f"第{i}项工作") for i in range(40)), one_list("lowerLetter", "%1.", "2600000000"))
    assert len(data) < 2048
    text = assert_read(write(tmp_path, "bomb.docx", data))
    lines = text.splitlines()
    assert len(lines) == 40 and len(text) < 40 * 50
    first, rest = lines[0].split(" ", 1)
    assert first == "z" * 31 and rest == "第0项工作"  # Word's own cap: 31 characters


@pytest.mark.parametrize("fmt", ["upperLetter", "lowerLetter", "decimal", "chineseCounting", "decimalFullWidth",
                                 "ordinal", "upperRoman", "decimalEnclosedCircle"])
@pytest.mark.parametrize("value", [2_600_000_000, 10**12, -5])
def test_any_number_value_stays_short(fmt, value):
    from workreport.ingest.numbering import format_number

    assert 0 < len(format_number(value, fmt)) <= 31


@pytest.mark.parametrize("template", ["%²、", "%٣.", "%0)", "%", "%%1", "%a"])
def test_odd_level_text_is_literal_not_a_crash(template):
    doc = document_from_bytes(small_docx(numbered("第一项工作"), one_list("decimal", template)), "odd.docx")
    assert doc.lines[0].endswith("第一项工作")
    assert "%" in doc.lines[0] or template == "%%1"


def test_levels_outside_word_range_are_ignored():
    """Word loads only levels 0..8: thousands of others must not make every paragraph scan them."""
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                     f'<w:lvlText w:val="%1."/></w:lvl>' for i in range(2_000))
    numbering = (f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    from workreport.ingest.numbering import Numbering, parse_xml

    nb = Numbering.from_xml(parse_xml(f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'.encode()))
    assert sorted(nb.abstracts["1"]) == list(range(9))
    doc = document_from_bytes(small_docx(numbered("甲", ilvl=9) + numbered("乙", ilvl=0), numbering), "lv.docx")
    assert doc.lines == ("甲", "1.乙")


# ---------------------------------------------------------------- XML shape


def test_deep_xml_is_refused_by_setting(tmp_path):
    body = "<w:sdt><w:sdtContent>" * 100 + "<w:p><w:r><w:t>正文</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * 100
    p = write(tmp_path, "deep.docx", small_docx(body))
    with pytest.raises(LimitExceeded) as err:
        read_document(p)
    assert err.value.setting == "xml_depth"
    assert_refused(p, "xml_depth")
    assert read_document(p, limits=Limits(xml_depth=250)).lines == ("正文",)


def test_deep_side_part_is_refused_in_our_words():
    styles = "<w:style>" * 300 + "</w:style>" * 300  # libxml2 stops at 256 levels by itself
    with pytest.raises(LimitExceeded, match="xml_depth") as err:
        document_from_bytes(small_docx("<w:p><w:r><w:t>正文</w:t></w:r></w:p>", styles=styles), "s.docx")
    assert "XML_PARSE_HUGE" not in str(err.value)


def test_element_counts_are_bounded():
    runs = "<w:r><w:t>字</w:t></w:r>" * 2000
    data = small_docx(f"<w:p>{runs}</w:p>" + "<w:p><w:r><w:t>尾</w:t></w:r></w:p>")
    assert document_from_bytes(data, "ok.docx").lines[0] == "字" * 2000
    with pytest.raises(LimitExceeded, match="xml_block_elements"):
        document_from_bytes(data, "one.docx", limits=Limits(xml_block_elements=3000))
    many = small_docx("<w:p><w:r><w:t>字</w:t></w:r></w:p>" * 2000)
    with pytest.raises(LimitExceeded, match="xml_elements"):
        document_from_bytes(many, "all.docx", limits=Limits(xml_elements=5000))
    with pytest.raises(LimitExceeded, match="xml_block_elements"):
        document_from_bytes(small_docx("<w:p><w:r><w:t>字</w:t></w:r></w:p>", styles="<w:style/>" * 5000),
                            "styles.docx", limits=Limits(xml_block_elements=1000))


def test_highly_compressed_member_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>'.encode()
                    + b"<w:p/>" * 4_000_000 + b"</w:body></w:document>")
    assert len(buf.getvalue()) < 200_000
    with pytest.raises(ArchiveBomb, match="compressed"):
        document_from_bytes(buf.getvalue(), "ratio.docx")


# ---------------------------------------------------------------- HTML


def test_deep_html_is_refused_fast(tmp_path):
    """100,000 nested <div> took 32 s in the parser (quadratic); now a linear pre-scan refuses it."""
    p = write(tmp_path, "deep.html", ("<html><body>" + "<div>" * 100_000 + "正文" + "</div>" * 100_000).encode())
    assert_refused(p, "html_depth", seconds=3)


def test_html_nesting_within_the_limit_reads(tmp_path):
    n = DEFAULT.html_depth - 10
    html = "<html><body>" + "<div>" * n + "正文内容。" + "</div>" * n + "<p>第二段。</p></body></html>"
    assert document_from_bytes(html.encode(), "ok.html").lines == ("正文内容。", "第二段。")


def test_reopened_formatting_counts_as_nesting():
    """Unclosed <b> with distinct attributes are reopened in every later paragraph: the parser nests
    all of them although the text never nests a tag."""
    html = "".join(f'<p><b class="c{i}">第{i}段</p>' for i in range(400)) + "<p>尾</p>"
    with pytest.raises(LimitExceeded, match="html_depth"):
        document_from_bytes(html.encode(), "reopen.html")


def test_too_many_html_elements_are_refused():
    html = "<html><body><p>" + "<i>字</i>" * 3000 + "</p></body></html>"
    assert document_from_bytes(html.encode(), "ok.html").lines == ("字" * 3000,)
    with pytest.raises(LimitExceeded, match="html_elements"):
        document_from_bytes(html.encode(), "many.html", limits=Limits(html_elements=2000))
    reopened = "<p><b>字</p>" + "<p>字</p>" * 1500  # each paragraph gets a <b> the text never wrote
    with pytest.raises(LimitExceeded, match="html_elements"):
        document_from_bytes(reopened.encode(), "reopened.html", limits=Limits(html_elements=2000))


def test_html_prescan_is_linear():
    from workreport.ingest.htmlscan import check_html

    loose = Limits(html_depth=10**9, html_elements=10**9)

    def cost(n):
        page = "<div>" * n + "x" + "</div>" * n + "<p><b class=a>x</p>" * n
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            check_html(page, "t", loose)
            best = min(best, time.process_time() - t)
        return best

    small, big = cost(2_000), cost(8_000)
    assert big < 4 * small * 1.6, (small, big)  # 4x the input: about 4x the time, never 16x


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("name", ["undefined", "nosuch", "rot13", "base64", "zlib", "hex", "utf-8\x00"])
def test_unknown_encoding_names_are_refused_with_the_ones_that_work(tmp_path, name):
    p = write(tmp_path, "a.txt", "正文内容。\n".encode())
    with pytest.raises(UnknownEncoding) as err:
        read_document(p, encoding=name)
    assert "gb18030" in str(err.value) and "utf-8" in str(err.value)


def test_unknown_encoding_on_the_command_line(tmp_path):
    p = write(tmp_path, "a.txt", "正文内容。\n".encode())
    assert_refused(p, "unknown text encoding 'undefined'", "gb18030", args=("--encoding", "undefined"))


@pytest.mark.parametrize("charset", ["undefined", "rot13", "x-no-such", "base64"])
def test_a_page_naming_no_real_encoding_is_read_by_detection(charset):
    html = f'<html><head><meta charset="{charset}"></head><body><p>正文内容第一段。</p></body></html>'
    doc = document_from_bytes(html.encode("utf-8"), "p.html")
    assert doc.lines == ("正文内容第一段。",) and doc.encoding == "utf-8"


# ---------------------------------------------------------------- PDF


def _pdf(width: float, height: float, pages: int = 1, lines: int = 20, forms: int = 0, form_chars: int = 200) -> bytes:
    """A hand-written PDF: one page object listed ``pages`` times in the page tree; ``forms``: a
    form XObject holding one line of ``form_chars`` characters, drawn that many times on the page."""
    content = b"".join(b"BT /F1 12 Tf 72 %d Td (Line %d of a report with some words.) Tj ET\n" % (800 - 14 * i, i)
                       for i in range(lines)) + b"q /Fm1 Do Q\n" * forms
    form = b"BT /F1 12 Tf 72 72 Td (" + b"A" * form_chars + b") Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b"3 0 R " * pages + b"] /Count %d >>" % pages,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> >>" % (width, height),
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Length %d >>\nstream\n" % len(form) + form + b"\nendstream"]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def test_pdf_builder_reads():
    doc = document_from_bytes(_pdf(595, 842), "ok.pdf")
    assert doc.lines and "Line 0 of a report" in doc.lines[0]


def test_absurd_page_size_is_refused(tmp_path):
    """A 1e9-point page: the column finder allocated per point across it (270 MB for 3 KB)."""
    assert_refused(write(tmp_path, "big.pdf", _pdf(10**9, 10**9)), "pdf_page_side")


def test_too_many_pages_say_pages_not_bytes(tmp_path):
    err = assert_refused(write(tmp_path, "many.pdf", _pdf(595, 842, pages=DEFAULT.pdf_pages + 1)), "pdf_pages")
    assert "bytes" not in err


def test_text_drawn_through_forms_is_counted_before_the_text_page():
    """A form of text drawn thousands of times: pdfium's text page costs ~250 bytes per character
    drawn (50,000 draws of 2,000 characters: past 12 GB), so the text objects are counted first."""
    data = _pdf(595, 842, forms=300)
    assert len(document_from_bytes(data, "ok.pdf").lines) >= 20
    with pytest.raises(LimitExceeded, match="pdf_page_text_objects"):
        document_from_bytes(data, "forms.pdf", limits=Limits(pdf_page_text_objects=250))
    with pytest.raises(LimitExceeded, match="pdf_page_objects"):
        document_from_bytes(data, "objects.pdf", limits=Limits(pdf_page_objects=200))


def test_characters_per_page_and_per_document_are_bounded():
    data = _pdf(595, 842, pages=3)
    with pytest.raises(LimitExceeded, match="pdf_page_chars"):
        document_from_bytes(data, "p.pdf", limits=Limits(pdf_page_chars=100))
    with pytest.raises(LimitExceeded, match="pdf_chars"):
        document_from_bytes(data, "d.pdf", limits=Limits(pdf_chars=1500))


# ---------------------------------------------------------------- the settings table


def test_limits_are_one_frozen_table_every_reader_reads():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.html_depth = 1  # type: ignore[misc]
    names = set(DEFAULT.as_dict())
    src = os.path.join(os.path.dirname(__file__), "..", "src", "workreport", "ingest")
    used = set()
    for fn in os.listdir(src):
        if fn.endswith(".py") and fn != "limits.py":
            with open(os.path.join(src, fn), encoding="utf-8") as fh:
                text = fh.read()
            used |= {n for n in names if f"limits.{n}" in text or f'"{n}"' in text}
    assert used == names, names - used  # no setting is dead


def test_file_size_limit_applies_to_bytes_too():
    with pytest.raises(WorkReportError, match="over the limit"):
        document_from_bytes("正文".encode() * 100, "a.txt", limits=Limits(file_bytes=100))
