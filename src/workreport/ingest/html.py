"""Saved web pages: the main text of the page, one block element per line.

1. Decode: BOM, then the page's own ``<meta charset>``, then strict UTF-8, then GB18030.
   A linear pre-scan (htmlscan) refuses pages nested or sized past ``Limits`` before parsing:
   the HTML tree builder is quadratic in nesting depth.
2. Parse with selectolax (lexbor); drop scripts, styles, nav/header/footer/aside/forms, and
   elements whose class/id reads as chrome (data/html.yaml) unless they hold most of the text.
3. The main container is the deepest element that still holds nearly all of the page's
   non-link text; link lists (menus, related articles) hardly count, so they fall outside it.
   A page title (h1/h2) just before the container is kept as the first line.
4. Block elements (p, div, h1-h6, li, tr …) and <br> end lines; table cells are joined by a tab.

What survives is handed to the structure stage, whose furniture rules (分享, 责任编辑 …) apply.
"""
from __future__ import annotations

import codecs
import re

from ..errors import TooLarge, UnknownEncoding
from ..model import Document
from .debris import read_lines
from .htmlscan import check_html
from .limits import Limits, resolve
CONTAINER_SHARE = 0.85  # the container holds at least this share of the page's non-link text
SHORT_LINE = 60  # characters: a sibling this short beside the main text is a title or meta line

BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table tbody thead tfoot section article main "
    "blockquote pre center figure figcaption address hr caption body html fieldset details summary".split()
)
CELL = frozenset(("td", "th"))
WRAPPERS = frozenset("div section article main center font span".split())  # never a table or list
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def _rules():
    from .. import rules

    table = rules.load("html")
    drop = frozenset(table["drop_tags"]["words"])
    chrome = rules.compiled(table["chrome_attr"][0]["pattern"])
    return drop, chrome


def decode_html(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    from .text import decode, text_codec

    if encoding:
        return decode(data, path, encoding)
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, path)
    m = _META_CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii").lower()
        name = _ALIASES.get(name, name)
        try:
            return data.decode(text_codec(name, path)), name
        except (UnknownEncoding, UnicodeError):
            pass  # the page lies about itself (or names no real encoding): fall back to detection
    return decode(data, path)


def _children(node):
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _attr_text(node) -> str:
    attrs = node.attributes
    return " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)


def _text_len(s: str) -> int:
    return len(_SPACE.sub("", s))


def _measure(root):
    """Non-link text length per element (keyed by mem_id), computed without recursion."""
    sizes: dict[int, int] = {}
    parents: dict[int, int | None] = {}
    order = []
    stack = [(root, None, False)]
    while stack:
        node, parent_id, in_link = stack.pop()
        tag = node.tag
        if tag == "-text":
            if not in_link and parent_id is not None:
                sizes[parent_id] = sizes.get(parent_id, 0) + _text_len(node.text_content or "")
            continue
        if tag.startswith("-") or tag.startswith("_"):
            continue
        mid = node.mem_id
        parents[mid] = parent_id
        sizes.setdefault(mid, 0)
        order.append(mid)
        for child in reversed(list(_children(node))):
            stack.append((child, mid, in_link or tag == "a"))
    for mid in reversed(order):  # children before parents
        p = parents[mid]
        if p is not None:
            sizes[p] = sizes.get(p, 0) + sizes[mid]
    return sizes


def _strip_chrome(body, drop, chrome) -> None:
    for tag in drop:
        for node in body.css(tag):
            node.decompose()
    sizes = _measure(body)
    total = max(sizes.get(body.mem_id, 0), 1)
    doomed = []
    for node in body.traverse():
        if node.tag in ("body", "html"):
            continue
        attrs = _attr_text(node)
        if attrs and chrome.search(attrs) and sizes.get(node.mem_id, 0) < 0.3 * total:
            doomed.append(node)
    for node in doomed:
        try:
            node.decompose()
        except Exception:  # already gone with an ancestor
            pass


def _container(body):
    sizes = _measure(body)
    total = sizes.get(body.mem_id, 0)
    best, best_depth = body, 0
    stack = [(body, 0)]
    while stack:
        node, depth = stack.pop()
        for child in _children(node):
            if child.tag.startswith("-") or child.tag.startswith("_"):
                continue
            if sizes.get(child.mem_id, 0) >= CONTAINER_SHARE * total and total:
                if depth + 1 > best_depth:
                    best, best_depth = child, depth + 1
                stack.append((child, depth + 1))
    # then descend while one child holds most of the text and its siblings are only short
    # lines (a title, a source/date line, a share bar): those are page furniture
    while True:
        kids = [c for c in _children(best) if not (c.tag.startswith("-") or c.tag.startswith("_"))]
        size = sizes.get(best.mem_id, 0)
        main = max(kids, key=lambda c: sizes.get(c.mem_id, 0), default=None)
        if main is None or main.tag not in WRAPPERS or not size or sizes.get(main.mem_id, 0) < 0.6 * size:
            return best
        loose = _text_len("".join(c.text_content or "" for c in _children(best) if c.tag == "-text"))
        others = [sizes.get(c.mem_id, 0) for c in kids if c is not main and c.mem_id != main.mem_id]
        if loose > SHORT_LINE or any(o > SHORT_LINE for o in others):
            return best
        best = main


def _lines_of(node) -> list[str]:
    lines: list[str] = []
    cur: list[str] = []

    def flush():
        text = "".join(cur)
        cur.clear()
        text = "\t".join(_SPACE.sub(" ", cell).strip() for cell in text.split("\t")).strip("\t ")
        if text.strip():
            lines.append(text)

    stack = [(node, False)]
    while stack:
        n, closing = stack.pop()
        tag = n.tag
        if closing:
            if tag in CELL:
                cur.append("\t")
            elif tag in BLOCK:
                flush()
            continue
        if tag == "-text":
            cur.append(n.text_content or "")
            continue
        if tag.startswith("-") or tag.startswith("_"):
            continue
        if tag == "br":
            flush()
            continue
        if tag in BLOCK:
            flush()
        stack.append((n, True))
        for child in reversed(list(_children(n))):
            stack.append((child, False))
    flush()
    return lines


def _title_before(body, container) -> str | None:
    """The h1 (else h2) that precedes the container, when the container does not hold one."""
    if container is body:
        return None
    for tag in ("h1", "h2"):
        if container.css_first(tag) is not None:
            return None
        node = body.css_first(tag)
        if node is not None:
            text = _SPACE.sub(" ", node.text(deep=True)).strip()
            if text:
                return text
    return None


def read_html(data: bytes, path: str, sha256: str, encoding: str | None = None,
              limits: Limits | None = None) -> Document:
    from selectolax.lexbor import LexborHTMLParser

    limits = resolve(limits)
    if len(data) > limits.html_bytes:
        raise TooLarge(path, len(data), limits.html_bytes)
    text, enc = decode_html(data, path, encoding)
    check_html(text, path, limits)
    tree = LexborHTMLParser(text)
    body = tree.body
    lines: list[str] = []
    if body is not None:
        drop, chrome = _rules()
        _strip_chrome(body, drop, chrome)
        container = _container(body)
        title = _title_before(body, container)
        lines = _lines_of(container)
        if title and (not lines or lines[0] != title):
            lines.insert(0, title)
    if not lines:
        from ..errors import EmptyInput

        raise EmptyInput(path)
    lines = tuple(lines)
    return Document(path=path, sha256=sha256, format="html", encoding=enc, lines=lines, norm_lines=read_lines(lines))
