"""Site debris glued into text lines, blanked for reading (data: furniture.glued_head /
furniture.glued_tail): an editor's tags, a date stamp or a site's watermark before a title or a
text line, a markdown image whose alt text is the title, a site's slogan repeated after lines.

The ingest stage hands these readings to the Document it builds (``Document.norm_lines``): every
later stage reads lines without the debris, while the lines themselves, their numbers and every
offset stay those of the source (debris is replaced by spaces of the same length).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rules
from ..textnorm import norm_line


@lru_cache(maxsize=1)
def _glued() -> tuple[re.Pattern, re.Pattern]:
    return rules.pattern("furniture", "furniture.glued_head"), rules.pattern("furniture", "furniture.glued_tail")


def _blank(s: str, start: int, end: int) -> str:
    return s[:start] + " " * (end - start) + s[end:]


def _unglued_head(n: str) -> str:
    """``n`` with the site debris glued before its text blanked (the title an image's alt text
    holds is kept); unchanged when nothing of the line's own text would remain."""
    if not n or n.lstrip()[:1] not in "<12!" and ":" not in n[:40]:
        return n  # every head shape starts with a tag, a date stamp, an image, or has a colon early
    m = _glued()[0].match(n)
    if not m:
        return n
    keep = m.span("keep") if m.groupdict().get("keep") else None
    if keep:
        out = _blank(_blank(n, m.start(), keep[0]), keep[1], m.end())
    else:
        out = _blank(n, m.start(), m.end())
        if n[m.end() - 1:m.end()] == ">":  # a tag run opened the line: its closing tags end it
            tail = re.search(r"(\s*</[A-Za-z][A-Za-z0-9]*\s*>)+\s*$", out)
            if tail and out[:tail.start()].strip():
                out = _blank(out, tail.start(), tail.end())
    return out if out.strip() else n


def read_lines(lines) -> tuple[str, ...]:
    """norm_line() of every line of a document, with site debris glued into lines blanked (same
    length: line numbers and offsets stay those of the text).  A tail is blanked only where the
    same site tail ends two or more lines (a watermark repeated over the page)."""
    out = [_unglued_head(norm_line(line)) for line in lines]
    tail = _glued()[1]
    found: dict[str, list[int]] = {}
    for i, n in enumerate(out):
        if "--" in n:
            m = tail.search(n.rstrip())
            if m:
                found.setdefault(n.rstrip()[m.group().index("--") + m.start():], []).append(i)
    for slogan, rows in found.items():
        if len(rows) < 2:
            continue
        texts = [out[i].rstrip() for i in rows]
        # the site's name before the hyphens: as far back as every line carrying the tail agrees,
        # never further than the candidate reached (a line that is the tail alone is chrome: kept)
        reach = max(len(m.group()) + 1 for m in (tail.search(t) for t in texts))
        k = len(slogan)
        while k < reach and all(len(t) >= k + 1 for t in texts) and len({t[-k - 1:] for t in texts}) == 1:
            k += 1
        for i, t in zip(rows, texts):
            cut = len(t) - k
            if t[:cut].strip():
                out[i] = _blank(out[i], cut, len(t))
    return tuple(out)
