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


# The pinyin some sites print in brackets after each character (a page's <ruby> annotations
# flattened to text): a bracketed syllable with a tone mark.  The same pattern is
# rule data in furniture.yaml (furniture.pinyin, with examples); this module sits below the rule
# loader, so a test keeps the two in step.
RUBY = re.compile("[(\uff08][a-z\u00fc]{0,5}[\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec"
                  "\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc][a-z\u00fc]{0,5}[)\uff09]")
_TONED = re.compile("[\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2"
                    "\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc]")


def has_ruby(s: str) -> bool:
    """Does ``s`` carry a site's bracketed pinyin after its characters?"""
    return bool(_TONED.search(s)) and bool(RUBY.search(s))


def unruby(s: str) -> str:
    """``s`` read without a site's bracketed pinyin, padded with spaces at its end to the same
    length: the rules read a bureau's name where the page printed each of its characters
    followed by its syllable.  Offsets before the first
    bracket are still those of the original; a stage that maps offsets back into the line's text
    (figures, checks) reads ``offsets_view`` instead."""
    if not _TONED.search(s):
        return s
    out = RUBY.sub("", s)
    return out + " " * (len(s) - len(out)) if len(out) != len(s) else s


def offsets_view(text: str, normalized: str) -> str:
    """The normalised text whose offsets are the original's: ``normalized`` unless the rules'
    view of it dropped pinyin (then ``norm(text)``)."""
    return norm(text) if has_ruby(text) else normalized


def norm_line(s: str) -> str:
    """norm() of one source line as the rules read it: a markdown heading marker at its start
    blanked, a site's bracketed pinyin dropped (``unruby``)."""
    n = unruby(norm(s))
    if n[:1] == "#" or n.lstrip()[:1] == "#":
        m = _MD_HEADING.match(n)
        if m:
            n = " " * m.end() + n[m.end():]
    return n
