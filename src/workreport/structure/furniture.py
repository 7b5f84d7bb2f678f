"""Page furniture: site headers and footers, share buttons, page numbers -> furniture lines.

Patterns, words and limits: data/furniture.yaml.  Lines are read normalised from the Document.
"""
from __future__ import annotations

import re

from .. import rules
from ..model import Document
from ..textnorm import norm

_TABLE = "furniture"
_T = rules.load(_TABLE)
_LINE = [(e["id"], re.compile(e["pattern"])) for e in _T["line"]]
_TAIL = [(e["id"], re.compile(e["pattern"])) for e in _T["tail_start"]]
_DATELINE = rules.pattern(_TABLE, "furniture.dateline")
_META_BARE = rules.pattern(_TABLE, "furniture.meta_bare")
_SENTENCE = rules.pattern(_TABLE, "furniture.sentence")
_PAGE_TITLE_MAX = rules.entry(_TABLE, "furniture.page_title")["max_chars"]
_CRUMB_SEPARATORS = frozenset(rules.words(_TABLE, "furniture.crumb_separators"))
_CRUMB_MAX = rules.limit(_TABLE, "furniture.crumb_max_chars")
_META_VALUE_MAX = rules.limit(_TABLE, "furniture.meta_value_max_chars")
_PROSE_MIN = rules.limit(_TABLE, "furniture.prose_min_chars")
_TAIL_END_MIN = rules.limit(_TABLE, "furniture.tail_end_min_chars")


def furniture_rule(text: str, normalized: str | None = None) -> str | None:
    """Id of the furniture rule matching one line, or None. ``text`` is the raw line."""
    s = (normalized if normalized is not None else norm(text)).strip()
    if not s:
        return None
    for rid, pat in _LINE:
        if pat.match(s):
            return rid
    return None


def _reads_as_text(s: str) -> bool:
    """A line that is clearly report prose (ends a sentence and is long)."""
    return len(s) >= _PROSE_MIN and bool(_SENTENCE.search(s))


def find_furniture(doc: Document) -> frozenset[int]:
    lines = doc.lines
    normed = [s.strip() for s in doc.norm_lines]  # stripped normalised line n is normed[n - 1]
    found: set[int] = set()
    nonblank = [i for i, l in enumerate(lines, 1) if l.strip()]
    for n in nonblank:
        if furniture_rule(lines[n - 1], normed[n - 1]):
            found.add(n)
    # Breadcrumbs scattered one word per line (separators on lines of their own), and the value
    # printed on the line after a bare source or date label.
    for k, n in enumerate(nonblank):
        s = normed[n - 1]
        if s in _CRUMB_SEPARATORS:
            for m in nonblank[max(0, k - 1): k + 2]:
                if len(normed[m - 1]) <= _CRUMB_MAX:
                    found.add(m)
        elif _META_BARE.match(s) and k + 1 < len(nonblank):
            m = nonblank[k + 1]
            if len(normed[m - 1]) <= _META_VALUE_MAX:
                found.add(m)
    # The compilation page's own title: the first line, directly followed by a date/view line.
    if len(nonblank) >= 2:
        first, second = nonblank[0], nonblank[1]
        s1, s2 = normed[first - 1], normed[second - 1]
        if _DATELINE.match(s2) and len(s1) <= _PAGE_TITLE_MAX and not _SENTENCE.search(s1):
            found.add(first)
            # the page header repeats where the source had page breaks
            for n in nonblank[2:]:
                if lines[n - 1].strip() == lines[first - 1].strip():
                    found.add(n)
    # Tail blocks (related links, recommendations): the marker and what follows, until prose resumes.
    in_tail = False
    for n in nonblank:
        s = normed[n - 1]
        if any(p.match(s) for _, p in _TAIL):
            in_tail = True
            found.add(n)
            continue
        if in_tail:
            if _reads_as_text(s) and len(s) > _TAIL_END_MIN:
                in_tail = False
            else:
                found.add(n)
    return frozenset(found)
