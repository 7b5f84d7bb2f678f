"""A pre-scan of a PDF's pages, before pdfium loads any of them: objects and pieces of text
counted through form XObjects, from the file's own bytes.

Loading a page, pdfium parses its content and makes a copy of a form's objects every time the
form is drawn: a 600 KB file drawing one form of text 50,000 times cost it 17 s and 1.2 GB in
``FPDF_LoadPage``, before any count made through pdfium could look at the page.  Here the
content streams are read instead: every ``Do`` of a form adds that form's counts (memoised per
form, so nesting costs nothing more), and a page past ``pdf_page_text_objects`` or
``pdf_page_objects`` is refused at once with the same error the later count gives.

Bounded: each object is parsed once; streams are inflated up to ``pdf_content_bytes`` per page
(past it the page is refused too); the page tree is walked once per object.  It reads what pdfium
reads for these counts (objects, including those in object streams; Flate, ASCIIHex, ASCII85 and
RunLength filters; inherited page resources) and errs upward where it cannot tell (a string
with unbalanced parentheses is read as pdfium reads it).  A file it cannot read is left to
pdfium and the per-page counts after it: this scan only ever refuses.
"""
from __future__ import annotations

import base64
import binascii
import bisect
import re
import zlib

from ..errors import LimitExceeded
from .limits import Limits

_OBJ = re.compile(rb"(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\b")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_EOL = re.compile(rb"[\r\n]")
_DELIM = b"()<>[]{}/%"
_WS = b" \t\r\n\f\x00"
_REGULAR = re.compile(rb"[^\s()<>\[\]{}/%\x00]+")
_NAME = re.compile(rb"/[^\s()<>\[\]{}/%\x00]*")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REF = re.compile(rb"(\d{1,10})\s+(\d{1,5})\s+R(?![^\s()<>\[\]{}/%\x00])")
_HEX_ESC = re.compile(rb"#([0-9A-Fa-f]{2})")
_SKIP_WS = re.compile(rb"(?:[\s\x00]|%[^\r\n]*)*")

# content streams: what is not an operator is cut out first (strings, comments, inline images)
_SPECIAL = re.compile(rb"[(%]|(?<!<)<(?!<)|(?<![^\s\x00])BI(?![^\s\x00])")
_SIMPLE_STRING = re.compile(rb"\((?:[^()\\]|\\.)*\)", re.S)
_PAREN = re.compile(rb"[()\\]")
_INLINE_END = re.compile(rb"(?<![^\s\x00])EI(?![^\s\x00])")
_TOKEN = re.compile(rb"/[^\s()<>\[\]{}/%\x00]*|[^\s()<>\[\]{}/%\x00]+")
_TEXT_OPS = frozenset([b"Tj", b"TJ", b"'", b'"'])
_PAINT_OPS = frozenset([b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"sh"])
_STREAM = "stream"  # the key a stream's (start, end) is kept under: a str, so no PDF name can be it
_MAX_DEPTH = 64  # page tree and form nesting (pdfium stops forms far earlier)


class _Unreadable(Exception):
    """Not understood here: left to pdfium."""


class _Ref(tuple):
    __slots__ = ()


class _Name(bytes):
    __slots__ = ()


def _name(raw: bytes) -> _Name:
    return _Name(_HEX_ESC.sub(lambda m: bytes([int(m.group(1), 16)]), raw[1:]))


class _Reader:
    def __init__(self, data: bytes, limits: Limits):
        self.data = data
        self.limits = limits
        self.offsets: dict[int, int] = {}
        for m in _OBJ.finditer(data):  # the last definition wins, as in an incremental update
            self.offsets[int(m.group(1))] = m.end()
        self.in_streams: dict[int, tuple[bytes, int]] = {}
        self.cache: dict[int, object] = {}
        self._object_streams()

    # -- objects
    def value(self, buf: bytes, pos: int, depth: int = 0):
        """(value, end) of the PDF object at ``pos``."""
        if depth > _MAX_DEPTH:
            raise _Unreadable
        pos = _SKIP_WS.match(buf, pos).end()
        if pos >= len(buf):
            raise _Unreadable
        c = buf[pos:pos + 1]
        if c == b"/":
            m = _NAME.match(buf, pos)
            return _name(m.group()), m.end()
        if buf.startswith(b"<<", pos):
            out, pos = {}, pos + 2
            while True:
                pos = _SKIP_WS.match(buf, pos).end()
                if buf.startswith(b">>", pos):
                    return out, pos + 2
                key, pos = self.value(buf, pos, depth + 1)
                if not isinstance(key, _Name):
                    raise _Unreadable
                out[key], pos = self.value(buf, pos, depth + 1)
        if c == b"[":
            out, pos = [], pos + 1
            while True:
                pos = _SKIP_WS.match(buf, pos).end()
                if buf.startswith(b"]", pos):
                    return out, pos + 1
                item, pos = self.value(buf, pos, depth + 1)
                out.append(item)
        if c == b"(":
            return None, _string_end(buf, pos)
        if c == b"<":
            end = buf.find(b">", pos)
            if end < 0:
                raise _Unreadable
            return None, end + 1
        m = _REF.match(buf, pos)
        if m:
            return _Ref((int(m.group(1)), int(m.group(2)))), m.end()
        m = _REGULAR.match(buf, pos)
        if not m:
            raise _Unreadable
        tok = m.group()
        if _NUMBER.fullmatch(tok):
            return (float(tok) if b"." in tok else int(tok)), m.end()
        return tok, m.end()  # true, false, null, or a keyword

    def obj(self, num: int):
        """The object ``num`` (a dict, with ``_stream`` = (start, end) for a stream), or None."""
        if num in self.cache:
            return self.cache[num]
        self.cache[num] = None  # a reference to itself while being read resolves to nothing
        try:
            val = self._read_obj(num)
        except (_Unreadable, ValueError, IndexError, OverflowError):
            val = None  # one damaged object: the rest is still read
        self.cache[num] = val
        return val

    def _read_obj(self, num: int):
        if num in self.offsets:
            buf, pos = self.data, self.offsets[num]
            val, end = self.value(buf, pos)
            at = _SKIP_WS.match(buf, end).end()
            if isinstance(val, dict) and buf.startswith(b"stream", at):
                start = at + 6 + (2 if buf.startswith(b"\r\n", at + 6) else 1 if buf[at + 6:at + 7] in (b"\n", b"\r") else 0)
                length = self.resolve(val.get(b"Length"))
                stop = start + length if isinstance(length, int) and 0 <= length <= len(buf) - start else -1
                if stop < 0 or buf.find(b"endstream", stop, stop + 64) < 0:
                    stop = buf.find(b"endstream", start)
                    if stop < 0:
                        raise _Unreadable
                val = dict(val)
                val[_STREAM] = (start, stop)
        elif num in self.in_streams:
            buf, pos = self.in_streams[num]
            val, _ = self.value(buf, pos)
        else:
            val = None
        return val

    def resolve(self, v, depth: int = 0):
        while isinstance(v, _Ref):
            depth += 1
            if depth > _MAX_DEPTH:
                return None
            v = self.obj(v[0])
        return v

    def stream(self, d: dict, budget: list[int]) -> bytes:
        """The decoded bytes of a stream object; ``budget`` = bytes still allowed for this page."""
        start, stop = d[_STREAM]
        raw = self.data[start:stop]
        filters = self.resolve(d.get(b"Filter"))
        filters = [filters] if isinstance(filters, _Name) else (filters or [])
        for f in filters:
            f = self.resolve(f)
            if f in (b"FlateDecode", b"Fl"):
                z = zlib.decompressobj()
                try:
                    out = z.decompress(raw, budget[0] + 1)
                except zlib.error:
                    raise _Unreadable from None
                raw = out
            elif f in (b"ASCIIHexDecode", b"AHx"):
                hexes = re.sub(rb"[^0-9A-Fa-f]", b"", raw.split(b">", 1)[0])
                raw = binascii.unhexlify(hexes + b"0" * (len(hexes) % 2))
            elif f in (b"ASCII85Decode", b"A85"):
                body = raw.strip()
                body = body[2:] if body.startswith(b"<~") else body
                try:
                    raw = base64.a85decode(body.split(b"~>", 1)[0], ignorechars=_WS)
                except ValueError:
                    raise _Unreadable from None
            elif f in (b"RunLengthDecode", b"RL"):
                raw = _run_length(raw, budget[0] + 1)
            else:
                raise _Unreadable  # LZW and image codecs: left to pdfium
            if len(raw) > budget[0]:
                raise _TooBig
        budget[0] -= len(raw)
        return raw

    def _object_streams(self) -> None:
        budget = [self.limits.pdf_content_bytes]
        starts = sorted((off, num) for num, off in self.offsets.items())
        keys = [off for off, _ in starts]
        holders = set()
        for m in _OBJSTM.finditer(self.data):  # only the objects that say they are object streams
            k = bisect.bisect_right(keys, m.start()) - 1
            if k >= 0:
                holders.add(starts[k][1])
        for num in sorted(holders):
            d = self.obj(num)
            if not (isinstance(d, dict) and d.get(b"Type") == b"ObjStm" and _STREAM in d):
                continue
            try:
                body = self.stream(d, budget)
            except (_Unreadable, _TooBig):
                continue
            n, first = self.resolve(d.get(b"N")), self.resolve(d.get(b"First"))
            if not isinstance(n, int) or not isinstance(first, int):
                continue
            nums = re.findall(rb"\d+", body[:first])
            for k in range(0, min(len(nums), 2 * n) - 1, 2):
                self.in_streams.setdefault(int(nums[k]), (body, first + int(nums[k + 1])))
        self.cache.clear()

    # -- pages
    def pages(self) -> list[dict]:
        """The page dicts in order (from the catalog's page tree), each with its resources."""
        roots = re.findall(rb"/Root\s+(\d{1,10})\s+\d{1,5}\s+R", self.data)
        if not roots:
            raise _Unreadable
        catalog = self.obj(int(roots[-1]))
        if not isinstance(catalog, dict):
            raise _Unreadable
        out: list[dict] = []
        seen: set[int] = set()

        def walk(node_ref, inherited, depth):
            if depth > _MAX_DEPTH or len(out) > self.limits.pdf_pages:
                return
            node = self.resolve(node_ref)
            if not isinstance(node, dict):
                return
            res = node.get(b"Resources", inherited)
            kids = self.resolve(node.get(b"Kids"))
            if node.get(b"Type") == b"Page" or not isinstance(kids, list):
                key = node_ref[0] if isinstance(node_ref, _Ref) else id(node)
                out.append({"page": node, "resources": res, "key": key})
                return
            if isinstance(node_ref, _Ref):
                if node_ref[0] in seen:
                    return
                seen.add(node_ref[0])
            for kid in kids:
                walk(kid, res, depth + 1)

        walk(catalog.get(b"Pages"), None, 0)
        return out


class _TooBig(Exception):
    pass


def _run_length(raw: bytes, cap: int) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw) and len(out) < cap:
        n = raw[i]
        if n == 128:
            break
        if n < 128:
            out += raw[i + 1:i + 2 + n]
            i += n + 2
        else:
            out += raw[i + 1:i + 2] * (257 - n)
            i += 2
    return bytes(out)


def _string_end(buf: bytes, pos: int) -> int:
    """The end of the literal string opening at ``pos``: parentheses nest, a backslash escapes."""
    m = _SIMPLE_STRING.match(buf, pos)
    if m:
        return m.end()
    depth = 0
    i = pos
    while True:
        m = _PAREN.search(buf, i)
        if m is None:
            return len(buf)
        c = m.group()
        if c == b"\\":
            i = m.end() + 1
            continue
        depth += 1 if c == b"(" else -1
        i = m.end()
        if depth == 0:
            return i


def operators(content: bytes) -> list[bytes]:
    """The tokens of a content stream that are neither strings, comments nor inline images."""
    keep: list[bytes] = []
    pos = 0
    while True:
        m = _SPECIAL.search(content, pos)
        if m is None:
            keep.append(content[pos:])
            break
        keep.append(content[pos:m.start()])
        c = m.group()
        if c == b"(":
            pos = _string_end(content, m.start())
            keep.append(b" () ")  # an operand: keeps ' and " apart from what precedes them
        elif c == b"%":
            nl = _EOL.search(content, m.start())
            pos = nl.start() if nl else len(content)
            keep.append(b" ")
        elif c == b"<":
            end = content.find(b">", m.start())
            pos = len(content) if end < 0 else end + 1
            keep.append(b" <> ")
        else:  # BI ... ID <binary> EI: one image object
            ei = _INLINE_END.search(content, m.end())
            pos = len(content) if ei is None else ei.end()
            keep.append(b" BI ")
    return _TOKEN.findall(b"".join(keep))


def check_pages(data: bytes, path: str, limits: Limits) -> None:
    """Refuse (``LimitExceeded``) a page whose objects or pieces of text, forms drawn as often as
    they are drawn, are past the limits; return quietly otherwise, or when the file is not read here."""
    try:
        reader = _Reader(data, limits)
        pages = reader.pages()
    except (_Unreadable, RecursionError, ValueError, IndexError, OverflowError):
        return
    forms: dict[int, tuple[int, int]] = {}
    done: dict[object, tuple[int, int]] = {}  # a page object listed many times is counted once
    for number, page in enumerate(pages, 1):
        budget = [limits.pdf_content_bytes]
        try:
            if page["key"] not in done:
                done[page["key"]] = _page_counts(reader, page, forms, budget)
            text, total = done[page["key"]]
        except _TooBig:
            raise LimitExceeded(path, f"page {number} holds too much content", limits.pdf_content_bytes + 1,
                                limits.pdf_content_bytes, "pdf_content_bytes") from None
        except (_Unreadable, RecursionError, ValueError, IndexError, OverflowError):
            continue
        if text > limits.pdf_page_text_objects:
            raise LimitExceeded(path, f"page {number} holds too many pieces of text", text,
                                limits.pdf_page_text_objects, "pdf_page_text_objects")
        if total > limits.pdf_page_objects:
            raise LimitExceeded(path, f"page {number} holds too many objects", total, limits.pdf_page_objects,
                                "pdf_page_objects")


def _page_counts(reader: _Reader, page: dict, forms: dict, budget: list[int]) -> tuple[int, int]:
    node = page["page"]
    contents = reader.resolve(node.get(b"Contents"))
    streams = contents if isinstance(contents, list) else [contents]
    body = b"\n".join(reader.stream(s, budget) for s in map(reader.resolve, streams)
                      if isinstance(s, dict) and _STREAM in s)
    return _counts(reader, body, reader.resolve(page["resources"]), forms, budget, 0)


def _counts(reader: _Reader, content: bytes, resources, forms: dict, budget: list[int],
            depth: int) -> tuple[int, int]:
    """(pieces of text, objects) drawn by ``content``, forms expanded."""
    toks = operators(content)
    text = sum(1 for t in toks if t in _TEXT_OPS)
    total = text + sum(1 for t in toks if t in _PAINT_OPS or t == b"BI")
    xobjects = reader.resolve(resources.get(b"XObject")) if isinstance(resources, dict) else None
    if not isinstance(xobjects, dict):
        xobjects = {}
    limit_text, limit_total = reader.limits.pdf_page_text_objects, reader.limits.pdf_page_objects
    for k in range(1, len(toks)):
        if toks[k] != b"Do" or not toks[k - 1].startswith(b"/"):
            continue
        total += 1  # the image or form object itself
        ref = xobjects.get(_name(toks[k - 1]))
        if not isinstance(ref, _Ref) or depth >= _MAX_DEPTH:
            continue
        if ref[0] not in forms:
            forms[ref[0]] = (0, 0)  # a form drawing itself: pdfium stops it; counted once here
            x = reader.obj(ref[0])
            if isinstance(x, dict) and x.get(b"Subtype") == b"Form" and _STREAM in x:
                own = reader.resolve(x.get(b"Resources"))
                forms[ref[0]] = _counts(reader, reader.stream(x, budget), own if isinstance(own, dict) else resources,
                                        forms, budget, depth + 1)
        t, n = forms[ref[0]]
        text += t
        total += n
        if text > limit_text or total > limit_total:
            break  # past a limit already: no need to add up the rest
    return text, total
