"""Normalisation for matching only: a 1:1 character map, so offsets stay those of the original.

Full-width ASCII (digits, letters, brackets, percent sign, comma) become ASCII and U+3000 a
space; every other character is kept.  Because the map never changes a string's length, a match found in
the normalised text is at the same offsets in the original line.
"""
from __future__ import annotations

import re
from functools import lru_cache

_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TABLE[0x3000] = 0x20
_TABLE[0x00A0] = 0x20
_TABLE[0x200B] = 0x20  # zero-width space: keep the offset, drop the meaning
_TABLE[0x200D] = 0x20
_TABLE[0xFEFF] = 0x20
_TABLE[0x3007] = 0x3007  # the ideographic zero stays; numerals.py reads it as a digit


# Only these characters change; most text holds few distinct ones, and str.replace per
# distinct character is much faster than str.translate over a long string.
_NEEDS_NORM = re.compile("[\uff01-\uff5e\u3000\u00a0\u200b\u200d\ufeff]")


@lru_cache(maxsize=1 << 15)
def norm(s: str) -> str:
    """Normalised copy of ``s`` with exactly the same length.

    Stages ask for the same line or paragraph many times; the cache keeps that to one
    translation each (bounded, so memory does not grow with the corpus).
    """
    found = set(_NEEDS_NORM.findall(s))
    if not found:
        return s
    if len(found) > 12:
        return s.translate(_TABLE)
    for ch in found:
        s = s.replace(ch, chr(_TABLE[ord(ch)]))
    return s


# A markdown heading's marker at a line's start (pages saved as markdown: "### title"): blanked,
# same length, so a title or a part heading reads as it would on the page.
_MD_HEADING = re.compile(r"^\s*#{1,6}[ \t]+(?=\S)")


def norm_line(s: str) -> str:
    """norm() of one source line, with a markdown heading marker at its start blanked."""
    n = norm(s)
    if n[:1] == "#" or n.lstrip()[:1] == "#":
        m = _MD_HEADING.match(n)
        if m:
            n = " " * m.end() + n[m.end():]
    return n


# Site debris glued into a line (data: furniture.glued_head / furniture.glued_tail), loaded on
# first use: the rules package imports the model, which imports this module.
@lru_cache(maxsize=1)
def _glued() -> tuple[re.Pattern, re.Pattern]:
    from . import rules
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


def norm_lines(lines) -> tuple[str, ...]:
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
