"""Page furniture: site headers and footers, share buttons, page numbers -> furniture lines."""
from __future__ import annotations

import re

from .. import rules
from ..model import Document
from ..textnorm import norm


def _table():
    t = rules.load("furniture")
    line = [(e["id"], re.compile(e["pattern"])) for e in t["line"]]
    tail = [(e["id"], re.compile(e["pattern"])) for e in t["tail_start"]]
    return line, tail, t["page_title"]


_LINE, _TAIL, _PAGE_TITLE = _table()
_DATELINE = next(p for rid, p in _LINE if rid == "furniture.dateline")
_SENTENCE = re.compile(r"[。！？；!?;]")
_META_BARE = next(p for rid, p in _LINE if rid == "furniture.meta_bare")
_CRUMB_SEPARATORS = {">", "»", ">>", "/", "›"}
_CRUMB_MAX = 12
_META_VALUE_MAX = 30


def furniture_rule(text: str) -> str | None:
    """Id of the furniture rule matching one line, or None. ``text`` is the raw line."""
    s = norm(text).strip()
    if not s:
        return None
    for rid, pat in _LINE:
        if pat.match(s):
            return rid
    return None


def _reads_as_text(s: str) -> bool:
    """A line that is clearly report prose (ends a sentence and is long)."""
    return len(s) >= 40 and bool(_SENTENCE.search(s))


def find_furniture(doc: Document) -> frozenset[int]:
    lines = doc.lines
    chrome: set[int] = set()
    nonblank = [i for i, l in enumerate(lines, 1) if l.strip()]
    for n in nonblank:
        if furniture_rule(lines[n - 1]):
            chrome.add(n)
    # Breadcrumbs scattered one word per line ("首页" / ">" / "政府信息公开" / ">"), and the
    # value printed on the line after a bare "来源：" / "时间：".
    for k, n in enumerate(nonblank):
        s = norm(lines[n - 1]).strip()
        if s in _CRUMB_SEPARATORS:
            for m in nonblank[max(0, k - 1): k + 2]:
                if len(norm(lines[m - 1]).strip()) <= _CRUMB_MAX:
                    chrome.add(m)
        elif _META_BARE.match(s) and k + 1 < len(nonblank):
            m = nonblank[k + 1]
            if len(norm(lines[m - 1]).strip()) <= _META_VALUE_MAX:
                chrome.add(m)
    # The compilation page's own title: the first line, directly followed by a date/view line.
    if len(nonblank) >= 2:
        first, second = nonblank[0], nonblank[1]
        s2 = norm(lines[second - 1]).strip()
        s1 = norm(lines[first - 1]).strip()
        if _DATELINE.match(s2) and len(s1) <= _PAGE_TITLE["max_chars"] and not _SENTENCE.search(s1):
            chrome.add(first)
            # the page header repeats where the source had page breaks
            for n in nonblank[2:]:
                if lines[n - 1].strip() == lines[first - 1].strip():
                    chrome.add(n)
    # Tail blocks ("相关内容", "热门推荐" …): the marker and what follows, until prose resumes.
    in_tail = False
    for n in nonblank:
        s = norm(lines[n - 1]).strip()
        if any(p.match(s) for _, p in _TAIL):
            in_tail = True
            chrome.add(n)
            continue
        if in_tail:
            if _reads_as_text(s) and len(s) > 80:
                in_tail = False
            else:
                chrome.add(n)
    return frozenset(chrome)
