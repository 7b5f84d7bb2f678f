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
