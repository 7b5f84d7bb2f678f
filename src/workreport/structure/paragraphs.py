"""Logical paragraphs: source lines joined where a page break (or a web link) cut a sentence.

A line that does not end a sentence goes on in the next text line, unless that next line opens
a heading or the line itself reads as a heading.  Headings are never glued to body text.
"""
from __future__ import annotations

import re

from ..model import Document, Paragraph
from ..textnorm import norm
from .headings import BARE_ORDINAL, is_bare_heading, is_terminal, match_heading

_CONTINUATION_START = re.compile(r"^[，,。.、；;：:！!？?”’」』)）\]】%％]")
_LIST_START = re.compile(r"^(——|--|—|•|·|●|■|◆|▲|★|\*|-\s)")
_ANY_PUNCT = re.compile(r"[，,。；;：:、！!？?]")
_COLON_END = re.compile(r"[:：]$")
_SEMI_END = re.compile(r"[;；]$")
_LONG_LINE = 80
_OPENERS = {"(", "[", "“", "‘", "《", "【", "「", "『"}
_SIBLING_WINDOW = 12
_LONG_ITEM = 40


def _strip(s: str) -> str:
    return norm(s).strip()


def _opens_block(text: str, line: int) -> bool:
    """Does this line start something new: a heading, a bullet, a bare heading?"""
    s = _strip(text)
    if _LIST_START.match(s):
        return True
    if match_heading(text, line) is not None:
        return True
    return is_bare_heading(s)


def _short_title(acc: str) -> bool:
    """A short paragraph with no punctuation at all reads as a title or heading."""
    s = _strip(acc)
    return len(s) <= 30 and not _ANY_PUNCT.search(s)


def _cut_list_item(idx: int, order: list[int], lines: tuple[str, ...]) -> bool:
    """An ordinal line with no sentence end whose siblings are long prose items was cut by a
    page break ("3、针对…" between two long numbered paragraphs), so it is not a heading."""
    n = order[idx]
    h = match_heading(lines[n - 1], n, allow_shi=False)
    if h is None or h.value is None:
        return False
    before = after = None
    for j in range(idx - 1, max(-1, idx - _SIBLING_WINDOW), -1):
        o = match_heading(lines[order[j] - 1], order[j], allow_shi=False)
        if o is not None:
            if o.family == h.family and o.value == h.value - 1:
                before = lines[order[j] - 1]
            break
    for j in range(idx + 1, min(len(order), idx + _SIBLING_WINDOW)):
        o = match_heading(lines[order[j] - 1], order[j], allow_shi=False)
        if o is not None:
            if o.family == h.family and o.value == h.value + 1:
                after = lines[order[j] - 1]
            break
    items = [x for x in (before, after) if x is not None]
    return bool(items) and all(len(_strip(x)) >= _LONG_ITEM and is_terminal(x) for x in items)


def _joins(acc: str, idx: int, order: list[int], lines: tuple[str, ...]) -> str | None:
    """Rule id if the paragraph ``acc`` (ending at order[idx]) goes on into order[idx+1]."""
    cur_line = order[idx]
    nxt_line = order[idx + 1]
    cur, nxt = lines[cur_line - 1], lines[nxt_line - 1]
    ns = _strip(nxt)
    cs = _strip(cur)
    if BARE_ORDINAL.match(cs) and _CONTINUATION_START.match(ns):
        return "paragraph.join.cut_ordinal"
    if cs in _OPENERS:
        return "paragraph.join.cut_bracket"  # "（" / "三）改革开放…": a link or page cut the ordinal
    if _CONTINUATION_START.match(ns) and not _LIST_START.match(ns):
        return "paragraph.join.punct_start"
    if _opens_block(nxt, nxt_line):
        return None
    if is_terminal(cs) or _COLON_END.search(cs):
        return None
    if _SEMI_END.search(cs) and len(cs) < _LONG_LINE:
        return None  # a short item of a ；-list; a long line ending in ； was cut by the page
    if _short_title(nxt):
        return None  # a name or title line of its own (省长 王某某)
    first_line = order[idx] if acc == cur else None
    if first_line is not None:
        h = match_heading(cur, cur_line, allow_shi=False)
        if h is not None and not h.inline_body:
            return "paragraph.join.cut_list_item" if _cut_list_item(idx, order, lines) else None
        if is_bare_heading(cs):
            return None
    if _short_title(acc):
        return None
    return "paragraph.join.page_break"


def build_paragraphs(doc: Document, furniture: frozenset[int]) -> tuple[Paragraph, ...]:
    lines = doc.lines
    order = [i for i, l in enumerate(lines, 1) if l.strip() and i not in furniture]
    out: list[Paragraph] = []
    i = 0
    while i < len(order):
        start = order[i]
        text = lines[start - 1]
        pieces = [(start, 0)]
        rule = "paragraph.line"
        while i + 1 < len(order):
            why = _joins(text, i, order, lines)
            if why is None:
                break
            i += 1
            pieces.append((order[i], len(text)))
            text += lines[order[i] - 1]
            rule = why
        out.append(Paragraph(line_start=start, line_end=order[i], text=text, pieces=tuple(pieces), rule=rule))
        i += 1
    return tuple(out)
