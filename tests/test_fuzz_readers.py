"""Property tests and a bounded fuzz pass for the readers (text, HTML, DOCX) and the number reader.

Property: any bytes give a Document or a WorkReportError, never another exception, within a
time bound per input.  Inputs are random bytes, tag soup, and mutations of real fixtures (a docx
with Word numbering, an article page): byte flips and splices on the file, and on the XML
inside the zip.  Each module stays within a few seconds (max_examples below); a longer campaign
is the same tests with `HYPOTHESIS_PROFILE=fuzz pytest --timeout=0`.  Crashes found this way are regression cases in
test_hostile_inputs.py and at the end of this file.
"""
from __future__ import annotations

import io
import math
import os
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.builders import REPORT_LEVELS, abstract, build_docx, num, numbering_xml, wrap_html
from workreport.errors import WorkReportError
from workreport.ingest import document_from_bytes

SECONDS = 3.0  # CPU per input; the readers take milliseconds here

settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=list(HealthCheck))
_profile = os.environ.get("HYPOTHESIS_PROFILE")
if _profile:
    settings.load_profile(_profile)


def fuzz(n: int):
    """A bounded, repeatable pass in the suite (the same cases every run: a red CI means a change
    broke something); a long random one under HYPOTHESIS_PROFILE=fuzz."""
    return settings(max_examples=2000 if _profile == "fuzz" else n, deadline=None, derandomize=not _profile,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def read_or_refuse(data: bytes, name: str, encoding: str | None = None):
    t = time.process_time()  # CPU, not wall: the machine may be shared
    try:
        doc = document_from_bytes(data, name, encoding=encoding)
    except WorkReportError as exc:
        assert str(exc)
        doc = None
    elapsed = time.process_time() - t
    assert elapsed < SECONDS, f"{elapsed:.1f} s for {len(data)} bytes"
    if doc is not None:
        assert doc.lines and all(isinstance(l, str) and "\n" not in l for l in doc.lines)
    return doc


# ---------------------------------------------------------------- mutations


@st.composite
def mutated(draw, seed: bytes, max_edits: int = 8):
    """``seed`` with a few byte-level edits: flip, delete, duplicate or insert a span."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_edits))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "delete", "dup", "insert", "truncate"]))
        if op == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del data[i:i + draw(st.integers(1, 64))]
        elif op == "dup":
            j = min(len(data), i + draw(st.integers(1, 256)))
            data[j:j] = data[i:j] * draw(st.integers(1, 4))
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[i:]
    return bytes(data)


NUMBERING = numbering_xml(abstract(1, *REPORT_LEVELS), num(1, 1), num(2, 1, {0: 5}))
DOCX_ITEMS = [("p", "某某县2024年工作总结"), ("p", "主要工作", {"num": (1, 0)}), ("p", "基础设施", {"num": (1, 1)}),
              ("p", "全年完成投资3.4亿元，同比增长12%。", {"num": (1, 2)}), ("table", [["指标", "数值"], ["投资", "3.4亿元"]]),
              ("p", "下一步打算", {"num": (2, 0)}), ("p", "力争完成投资4亿元。")]


@pytest.fixture(scope="module")
def docx_seed() -> bytes:
    return build_docx(DOCX_ITEMS, numbering=NUMBERING)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _rezip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


XML_PIECES = ['<w:p>', '</w:p>', '<w:r><w:t>正文</w:t></w:r>', '<w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr>',
              '<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', '<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>',
              '<w:br/>', '<w:tab/>', '<w:sym w:char="F0B7"/>', '<w:sym w:char="zz"/>', 'w:val="99999999999"',
              'w:val="-1"', 'w:val="%²"', 'w:val="%9%9%9"', '<w:start w:val="2147483647"/>', '<w:lvlRestart w:val="0"/>',
              '<w:txbxContent>', '</w:txbxContent>', '&amp;', '&#0;', '&#xD800;', '<![CDATA[x]]>', '<!-- c -->']


@st.composite
def xml_mutated(draw, seed: bytes):
    """The XML text with pieces of WordprocessingML spliced in or spans removed (mostly still zip-valid)."""
    text = seed.decode("utf-8")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:i] + draw(st.sampled_from(XML_PIECES)) + text[i:]
        else:
            text = text[:i] + text[i + draw(st.integers(1, 40)):]
    return text.encode("utf-8")


# ---------------------------------------------------------------- text


ENCODINGS = [None, "utf-8", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "latin-1", "ascii", "undefined",
             "rot13", "base64", "idna", "punycode", "utf-7", "shift_jis", "nosuch", "utf_32", "cp037"]


@fuzz(150)
@given(st.binary(max_size=600), st.sampled_from(ENCODINGS))
def test_text_any_bytes_any_encoding(data, encoding):
    read_or_refuse(data, "f.txt", encoding)


@fuzz(100)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_text_utf8_round_trips_line_for_line(text):
    from workreport.ingest.text import split_lines

    doc = read_or_refuse(text.encode("utf-8"), "f.txt")
    if doc is not None and doc.encoding in ("utf-8", "utf-8-sig"):
        assert doc.lines == split_lines(text.removeprefix("\ufeff") if doc.encoding == "utf-8-sig" else text)


# ---------------------------------------------------------------- HTML

TAGS = ["div", "p", "span", "br", "li", "ul", "table", "tr", "td", "b", "i", "a", "font", "h1", "script", "style",
        "svg", "math", "select", "option", "title", "textarea", "template", "form", "frameset", "meta", "article"]


@st.composite
def tag_soup(draw):
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 9))
        tag = draw(st.sampled_from(TAGS))
        if kind < 4:
            attr = draw(st.sampled_from(["", ' class="nav"', ' id="content"', " a=1", ' x=">"', " charset=gbk"]))
            parts.append(f"<{tag}{attr}{draw(st.sampled_from(['', '/']))}>")
        elif kind < 7:
            parts.append(f"</{tag}>")
        elif kind < 9:
            parts.append(draw(st.sampled_from(["正文内容。", "全年完成投资3亿元", "x", " ", "&nbsp;", "&#0;", "\x00"])))
        else:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<!doctype html>", "<", "</", "'", '"', "<![CDATA["])))
    return "".join(parts)


@fuzz(60)
@given(tag_soup(), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_html_tag_soup(page, encoding):
    read_or_refuse(("<html><body>" + page).encode(encoding, "replace"), "f.html")


@fuzz(60)
@given(st.data())
def test_html_mutated_real_page(data):
    seed = wrap_html(["一、主要工作", "全年完成投资3.4亿元，同比增长12%。", "二、下一步打算"], "某某县2024年工作总结")
    read_or_refuse(data.draw(mutated(seed.encode("utf-8"))), "f.html")


@fuzz(80)
@given(st.binary(max_size=400))
def test_html_any_bytes(data):
    read_or_refuse(b"<!DOCTYPE html><html>" + data, "f.html")


@pytest.mark.parametrize("snippet", [
    '<svg a=1/><title><div>',  # the "/" is part of the unquoted value: the svg stays open
    '<div><select><style></div></style>',  # raw text inside <select> too
])
def test_html_prescan_misses_found_by_fuzzing(snippet):
    from workreport.ingest.htmlscan import check_html
    from workreport.ingest.limits import Limits

    estimate, _ = check_html("<div>" + snippet * 60, "t", Limits(html_depth=10**9, html_elements=10**9))
    assert estimate >= 60


def test_html_prescan_never_far_below_the_parser():
    """The pre-scan's depth (htmlscan) against lexbor's tree, on repeated tag soup: an input the
    scan underestimates could nest deeper than html_depth and bring back the quadratic parse."""
    from selectolax.lexbor import LexborHTMLParser

    from workreport.ingest.htmlscan import check_html
    from workreport.ingest.limits import Limits

    loose = Limits(html_depth=10**9, html_elements=10**9)

    def tree_depth(page):
        best, stack = 0, [(LexborHTMLParser(page).root, 1)]
        while stack:
            node, d = stack.pop()
            best = max(best, d)
            child = node.child
            while child is not None:
                if not child.tag.startswith("-"):
                    stack.append((child, d + 1))
                child = child.next
        return best - 2  # html, body

    @fuzz(60)
    @given(tag_soup())
    def check(snippet):
        page = snippet * 30  # an underestimate that repeats grows without bound
        estimate, _ = check_html(page, "t", loose)
        assert tree_depth(page) <= 2 * estimate + 10, snippet

    check()


# ---------------------------------------------------------------- DOCX


@fuzz(40)
@given(st.data())
def test_docx_mutated_bytes(docx_seed, data):
    read_or_refuse(data.draw(mutated(docx_seed, max_edits=4)), "f.docx")


@fuzz(40)
@given(st.data(), st.sampled_from(["word/document.xml", "word/numbering.xml", "word/styles.xml"]))
def test_docx_mutated_xml(docx_seed, data, part):
    members = _members(docx_seed)
    members[part] = data.draw(xml_mutated(members[part]))
    read_or_refuse(_rezip(members), "f.docx")


# ---------------------------------------------------------------- numbers

NUMERALS = list("0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两零〇点.,-%％") + [
    "百分之", "分之", "xx", "x.xx", "余", "多", "约", "近", "左右", "以上", "元", "万元", "亿元", "公里", "人次", "个百分点",
    "平方米", "吨", "倍", "成", "年", "月", "号", "第", "增长", "下降", "、", "，", "。", "～", "至", "—", " "]
# runs of 309+ Chinese digits overflow a float in parse_number (OverflowError, reported with a
# failing test in the hand-over): the generated numerals stay shorter until that is fixed
numeral_text = st.lists(st.sampled_from(NUMERALS), max_size=40).map("".join)


@fuzz(150)
@given(numeral_text)
def test_number_reader_properties(text):
    from workreport.extract.numbers import find_quantities, parse_number

    t = time.process_time()
    value = parse_number(text)
    assert value is None or isinstance(value, float)
    for include_bare in (False, True):
        for q in find_quantities(text, include_bare=include_bare):
            assert 0 <= q.start <= q.value_start < q.value_end <= q.end <= len(text), q
            assert text[q.value_start:q.value_end] == q.value
            assert q.is_placeholder == (q.number is None)
            if q.number is not None:  # ("1-0" reads as low 1, high 0: a score, not a range; not asserted)
                assert q.low is not None and not math.isnan(q.number)
    assert time.process_time() - t < SECONDS


@fuzz(100)
@given(st.text(max_size=200))
def test_number_reader_any_text(text):
    from workreport.extract.numbers import find_quantities, parse_number

    parse_number(text)
    for q in find_quantities(text, include_bare=True):
        assert 0 <= q.start <= q.end <= len(text)


def test_number_reader_is_linear_on_long_text():
    # best of rounds and a retry (tests/timing.py): in the full suite the heap is large, and one
    # full collection landing in a timed call once cost more than the call itself
    from timing import best_cpu, holds
    from workreport.extract.numbers import find_quantities

    unit = "全年完成投资3.4亿元，同比增长12%，新建道路15公里，惠及群众2.3万人次。"
    assert len(find_quantities(unit * 2000)) == 4 * len(find_quantities(unit * 500))
    ok, figures = holds(lambda: best_cpu([lambda: find_quantities(unit * 500), lambda: find_quantities(unit * 2000)]),
                        lambda f: f[1] < 4 * f[0] * 1.6 + 0.05)
    assert ok, figures
