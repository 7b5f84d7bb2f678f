"""Text PDFs through pdfium (pypdfium2): page geometry -> report paragraphs, one per line.

pypdfium2 was chosen on a measured test (docs/FORMATS.md): same CJK text as pdfplumber and
PyMuPDF on our generated reports, 20x faster than pdfplumber, and already a dependency.

Per page, pdfium's text rectangles (one per run of text on a line) are:
1. split into running header / footer bands and body;
2. split into columns where a vertical gap runs down the middle of the page;
3. grouped into lines (same baseline), lines into paragraphs: a paragraph starts at an indented
   line, after a line that stops short of the right edge, or after a wider vertical gap.
A paragraph that fills its last line to the right edge and resumes flush-left at the top of the
next page (or column) is joined across the break.  Band lines that read as page numbers, or that
repeat on several pages (digits ignored), are dropped as running headers/footers.

Bounds (``Limits``): pages, page size (the column finder works in 1-point steps across the
page), objects and text objects per page (counted through form XObjects before pdfium's text
page is built: ~250 bytes per character drawn), characters per page and per document.  What
pdfium spends loading one page (a form XObject drawn 50,000 times cost it 17 s and 1.2 GB) is
bounded by counting the same objects in the file's content streams before any page is loaded
(pdfscan.py); the per-document process budget covers what that scan cannot read.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..errors import CorruptFile, EncryptedFile, LimitExceeded, NoTextLayer
from ..model import Document
from .debris import read_lines
from .limits import Limits, resolve
from .pdfscan import check_pages

BAND = 0.085  # top/bottom share of the page height where running headers and footers live
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\u00ad]")


@dataclass(slots=True)
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def h(self) -> float:
        return self.y1 - self.y0


@dataclass(slots=True)
class _Line:
    x0: float
    x1: float
    y: float  # top
    h: float
    text: str


def _page_number_pattern() -> re.Pattern:
    from .. import rules

    for entry in rules.load("furniture").get("line", []):
        if entry.get("id") == "furniture.page_number":
            return re.compile(entry["pattern"])
    return re.compile(r"^$")


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def _boxes(textpage) -> list[_Box]:
    """Runs of characters sharing a baseline with no wide gap, in pdfium's character order.

    Built from per-character loose boxes (font ascent..descent, so 。 and a digit get the same
    height as 国); pdfium's own rectangles overlap and would duplicate characters.
    """
    import pypdfium2.raw as raw

    n = textpage.count_chars()
    out: list[_Box] = []
    cur: list | None = None  # [x0, y0, x1, y1, [chars]]
    pending_high = None
    for i in range(n):
        code = raw.FPDFText_GetUnicode(textpage.raw, i)
        if 0xD800 <= code <= 0xDBFF:  # high surrogate: the next index holds the low half
            pending_high = code
            continue
        if pending_high is not None and 0xDC00 <= code <= 0xDFFF:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = None
        ch = chr(code)
        if ch in "\r\n" or _CONTROL.match(ch):
            if cur is not None:
                out.append(cur)
                cur = None
            continue
        x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)
        h = max(y1 - y0, 0.1)
        if cur is not None:
            same_line = abs(y0 - cur[1]) < 0.3 * h and abs(y1 - cur[3]) < 0.6 * h
            gap = x0 - cur[2]
            if same_line and -0.3 * h < gap < 0.8 * h:
                cur[2] = max(cur[2], x1)
                cur[1], cur[3] = min(cur[1], y0), max(cur[3], y1)
                cur[4].append(ch)
                continue
            out.append(cur)
        cur = [x0, y0, x1, y1, [ch]]
    if cur is not None:
        out.append(cur)
    boxes = []
    for x0, y0, x1, y1, chars in out:
        text = "".join(chars).strip()
        if text:
            boxes.append(_Box(x0, y0, x1, y1, text))
    return boxes


def _lines(boxes: list[_Box]) -> list[_Line]:
    """Boxes sharing a baseline, left to right; top to bottom."""
    if not boxes:
        return []
    # tallest first within a band, so a line's extent is set by its full-height glyphs and small
    # punctuation boxes (。，、 sit low in the em square) join it by vertical overlap
    boxes = sorted(boxes, key=lambda b: (-round(b.y1), -b.h, b.x0))
    groups: list[list] = []  # [y0, y1, boxes]
    for b in boxes:
        for g in reversed(groups[-4:]):
            overlap = min(b.y1, g[1]) - max(b.y0, g[0])
            if overlap >= 0.5 * min(b.h, g[1] - g[0]) and overlap > 0:
                g[2].append(b)
                g[0], g[1] = min(g[0], b.y0), max(g[1], b.y1)
                break
        else:
            groups.append([b.y0, b.y1, [b]])
    groups = [g[2] for g in sorted(groups, key=lambda g: -(g[0] + g[1]))]
    lines = []
    for g in groups:
        g.sort(key=lambda b: b.x0)
        cw = max(max(b.h for b in g), 1.0)
        text = g[0].text
        for prev, b in zip(g, g[1:]):
            gap = b.x0 - prev.x1
            text += (" " if gap > cw else "") + b.text
        lines.append(_Line(g[0].x0, max(b.x1 for b in g), max(b.y1 for b in g), cw, text.strip()))
    return lines


def _split_columns(boxes: list[_Box], width: float) -> list[list[_Box]]:
    """One list per column, read left to right; boxes spanning the gutter stay in the first."""
    if len(boxes) < 12:
        return [boxes]
    lo, hi = int(width * 0.3), int(width * 0.7)
    cover = [0] * (hi - lo + 1)
    for b in boxes:
        for x in range(max(lo, int(b.x0)), min(hi, int(b.x1)) + 1):
            cover[x - lo] += 1
    # the gutter is a run of (nearly) empty x positions at least about one character wide;
    # narrower empty runs are just the aligned gaps between glyphs of monospaced CJK lines
    limit = max(1, len(boxes) // 20)
    em = statistics.median(b.h for b in boxes)
    best_run, run_start = (0, 0), None
    for i, c in enumerate(cover + [limit + 1]):
        if c <= limit:
            run_start = i if run_start is None else run_start
        elif run_start is not None:
            if i - run_start > best_run[1] - best_run[0]:
                best_run = (run_start, i)
            run_start = None
    if best_run[1] - best_run[0] < max(8.0, 1.2 * em):
        return [boxes]
    cut = lo + (best_run[0] + best_run[1]) // 2
    left = [b for b in boxes if b.x1 <= cut]
    right = [b for b in boxes if b.x0 >= cut]
    span = [b for b in boxes if b.x0 < cut < b.x1]
    if len(left) < len(boxes) * 0.2 or len(right) < len(boxes) * 0.2:
        return [boxes]
    # full-width lines (a title over both columns) read before the columns when above them
    top_of_cols = max(b.y1 for b in left + right)
    above = [b for b in span if b.y0 >= top_of_cols - 1]
    below = [b for b in span if b.y0 < top_of_cols - 1]
    cols = [above + left, right]
    if below:
        cols.append(below)
    return [c for c in cols if c]


@dataclass(slots=True)
class _Para:
    text: str
    ends_full: bool  # last line reached the right edge: the paragraph may go on


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def _paragraphs(lines: list[_Line]) -> tuple[list[_Para], bool]:
    """Paragraphs of one column; and whether its first line is flush-left (may continue a paragraph)."""
    if not lines:
        return [], False
    cw = statistics.median(l.h for l in lines)
    left = Counter(round(l.x0) for l in lines).most_common(1)[0][0]
    lefts = [l.x0 for l in lines if abs(l.x0 - left) < cw * 0.5]
    left = min(lefts) if lefts else left
    right = max(l.x1 for l in lines)
    pitches = [a.y - b.y for a, b in zip(lines, lines[1:]) if a.y - b.y > 0]
    pitch = statistics.median(pitches) if pitches else cw * 1.5
    paras: list[_Para] = []
    prev = prev_line = None
    for line in lines:
        indented = line.x0 > left + 0.8 * cw
        full = line.x1 >= right - 1.5 * cw
        new = (
            prev is None
            or indented
            or not prev.ends_full
            or (prev_line.y - line.y) > 1.6 * pitch
        )
        if new:
            prev = _Para(line.text, full)
            paras.append(prev)
        else:
            prev.text = _join(prev.text, line.text)
            prev.ends_full = full
        prev_line = line
    first_flush = lines[0].x0 <= left + 0.8 * cw
    return paras, first_flush


def _furniture(pages_bands: list[list[_Line]]) -> set[str]:
    """Texts (digits masked) of band lines that repeat on several pages."""
    counts = Counter()
    for band in pages_bands:
        counts.update({re.sub(r"\d+", "#", _norm(l.text)) for l in band})
    need = 2 if len(pages_bands) < 6 else max(2, len(pages_bands) // 4)
    return {k for k, n in counts.items() if n >= need}


def _is_furniture(line: _Line, repeated: set[str], pn: re.Pattern) -> bool:
    t = _norm(line.text)
    return bool(pn.match(t)) or t.isdigit() or re.sub(r"\d+", "#", t) in repeated


def _open(data: bytes, path: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise EncryptedFile(path, "PDF") from exc
        raise CorruptFile(path, f"not a readable PDF ({exc})") from exc


def _count_objects(page, path: str, number: int, limits: Limits) -> None:
    """Refuse a page whose objects, with form XObjects expanded, exceed the limits (text first:
    a form of text drawn thousands of times multiplies the text page pdfium would build)."""
    import pypdfium2.raw as raw

    text = total = 0
    stack = [(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject)]
    while stack:
        holder, count, get = stack.pop()
        n = count(holder)
        total += n
        if total > limits.pdf_page_objects:
            raise LimitExceeded(path, f"page {number} holds too many objects", total, limits.pdf_page_objects,
                                "pdf_page_objects")
        for k in range(n):
            obj = get(holder, k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                text += 1
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                stack.append((obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject))
        if text > limits.pdf_page_text_objects:
            raise LimitExceeded(path, f"page {number} holds too many pieces of text", text,
                                limits.pdf_page_text_objects, "pdf_page_text_objects")


def _page_boxes(pdf, i: int, path: str, limits: Limits) -> tuple[float, float, list[_Box]]:
    try:
        page = pdf[i]
    except Exception as exc:  # pdfium raises its own error types per damaged page
        raise CorruptFile(path, f"page {i + 1} cannot be read ({exc})") from exc
    try:
        w, h = page.get_size()
        side = limits.pdf_page_side
        if not (0 < w <= side and 0 < h <= side):  # also NaN
            raise LimitExceeded(path, f"page {i + 1} measures {w:.0f} x {h:.0f} points", max(abs(w), abs(h)),
                                side, "pdf_page_side")
        _count_objects(page, path, i + 1, limits)
        try:
            tp = page.get_textpage()
        except Exception as exc:
            raise CorruptFile(path, f"page {i + 1} cannot be read ({exc})") from exc
        try:
            n = tp.count_chars()
            if n > limits.pdf_page_chars:
                raise LimitExceeded(path, f"page {i + 1} holds too many characters", n, limits.pdf_page_chars,
                                    "pdf_page_chars")
            try:
                boxes = _boxes(tp)
            except Exception as exc:
                raise CorruptFile(path, f"page {i + 1} cannot be read ({exc})") from exc
        finally:
            tp.close()
    finally:
        page.close()
    return w, h, boxes


def read_pdf(data: bytes, path: str, sha256: str, limits: Limits | None = None) -> Document:
    limits = resolve(limits)
    pdf = _open(data, path)
    try:
        n = len(pdf)
        if n > limits.pdf_pages:
            raise LimitExceeded(path, "the PDF has too many pages", n, limits.pdf_pages, "pdf_pages")
        check_pages(data, path, limits)  # before pdfium loads a page: forms drawn many times (pdfscan.py)
        pn = _page_number_pattern()
        pages = []  # (body lines per column, band lines)
        chars = 0
        for i in range(n):
            w, h, boxes = _page_boxes(pdf, i, path, limits)
            chars += sum(len(b.text) for b in boxes)
            if chars > limits.pdf_chars:
                raise LimitExceeded(path, "the PDF holds too many characters", chars, limits.pdf_chars, "pdf_chars")
            band = [b for b in boxes if b.y0 > h * (1 - BAND) or b.y1 < h * BAND]
            body = [b for b in boxes if not (b.y0 > h * (1 - BAND) or b.y1 < h * BAND)]
            pages.append(([_lines(col) for col in _split_columns(body, w)], _lines(band)))
    finally:
        pdf.close()
    if chars < 10 * max(n, 1) and chars < 200:
        raise NoTextLayer(path)
    repeated = _furniture([band for _, band in pages])
    out: list[str] = []
    last: _Para | None = None
    for columns, band in pages:
        kept = [l for l in band if not _is_furniture(l, repeated, pn)]
        # band text that is not furniture (a line set low on the page) is body text
        if kept:
            columns = [sorted(columns[0] + kept, key=lambda l: -l.y)] + columns[1:] if columns else [kept]
        for col in columns:
            paras, flush = _paragraphs(col)
            if not paras:
                continue
            if last is not None and last.ends_full and flush and out:
                out[-1] = _join(out[-1], paras[0].text)
                paras[0].text = out[-1]
                out.pop()
            out.extend(p.text for p in paras)
            last = paras[-1]
    if not any(l.strip() for l in out):
        raise NoTextLayer(path)
    lines = tuple(out)
    return Document(path=path, sha256=sha256, format="pdf", encoding="n/a", lines=lines, norm_lines=read_lines(lines))
