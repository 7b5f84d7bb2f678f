"""Recognise outline headings: which family, which ordinal, which heading text.

Families, their patterns and how their ordinals are written are data/outline.yaml; numbers are
read by numerals.py.  Callers may pass the normalised text (``textnorm.norm``, same length)
when they have it, so a paragraph is normalised once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import numerals, rules
from ..model import Heading
from ..textnorm import norm
from .bodies import fold

_TABLE = "outline"
_T = rules.load(_TABLE)


@dataclass(frozen=True, slots=True)
class _Family:
    id: str
    family: str
    rank: int
    pattern: re.Pattern
    lost: bool
    written: str  # how the ordinal is kept: "{o}" is the ordinal as matched


FAMILIES = tuple(
    _Family(e["id"], e["family"], int(e["rank"]), rules.compiled(e["pattern"]), bool(e.get("lost", False)),
            e.get("written", "{o}"))
    for e in _T["families"]
)
FAMILY_RANK = {f.family: f.rank for f in FAMILIES}
_RENDER = {}
for _e in _T["families"]:
    if "render" in _e:
        _RENDER.setdefault(_e["family"], _e["render"])
_NOT = [(e["id"], rules.compiled(e["pattern"])) for e in _T["not_heading"]]
BARE_ORDINAL = rules.pattern(_TABLE, "outline.bare_ordinal")
ORDINAL_CONTINUATION = rules.pattern(_TABLE, "outline.ordinal_continuation")
LONE_ORDINAL = rules.pattern(_TABLE, "outline.lone_ordinal")
BARE_HEADING = rules.pattern(_TABLE, "outline.bare_heading")
BARE_HEADING_MAX = int(rules.entry(_TABLE, "outline.bare_heading")["max_chars"])
BARE_HEADING_MIN = int(rules.entry(_TABLE, "outline.bare_heading")["min_chars"])
BARE_HEADING_STRONG = rules.pattern(_TABLE, "outline.bare_heading.strong")
_HEADING_END = rules.pattern(_TABLE, "outline.heading_end")
_CLAUSE_END = rules.pattern(_TABLE, "outline.clause_end")
_TERMINAL = rules.pattern(_TABLE, "outline.terminal")
_ORDINAL_PREFIX = rules.pattern(_TABLE, "outline.ordinal_prefix")
HEADING_MAX = int(rules.limit(_TABLE, "outline.heading_max_chars"))
_SHI = "cn_shi"  # the inline family (first, second … as subjects): not a heading between lines
_KEPT_END = rules.entry(_TABLE, "outline.heading_end")["kept"]  # end marks kept with the heading

ordinal_value = numerals.ordinal_value


def render_ordinal(family: str, value: int) -> str:
    """How an item of ``family`` numbered ``value`` is written (to suggest a lost ordinal)."""
    template = _RENDER.get(family)
    if template is None:
        return str(value)
    return template.format(cn=numerals.to_chinese(value), n=value, circled=numerals.circled(value))


def is_terminal(text: str, normalized: str | None = None) -> bool:
    """Does the text end a sentence (so a following line starts a new paragraph)?"""
    return bool(_TERMINAL.search((normalized if normalized is not None else norm(text)).rstrip()))


def heading_text(text: str, start: int, normalized: str | None = None) -> tuple[str, bool]:
    """(heading, has_inline_body): the heading is the first sentence when that is short."""
    normalized = normalized if normalized is not None else norm(text)
    m = _HEADING_END.search(normalized, start)
    if m and m.start() <= HEADING_MAX:
        rest = text[m.end():].strip()
        head = text[: m.start() + (1 if m.group() in _KEPT_END else 0)] if rest else text.rstrip()
        return head.strip(), bool(rest)
    if len(text) <= HEADING_MAX:
        return text.strip(), False
    # a long first sentence: its first clause names the item well enough
    c = _CLAUSE_END.search(normalized, start, HEADING_MAX)
    return (text[: c.start()] if c else text[:HEADING_MAX]).strip(), True


def match_heading(text: str, line: int, *, allow_shi: bool = True, normalized: str | None = None) -> Heading | None:
    """The Heading opened by a paragraph whose text is ``text`` (first line at ``line``);
    ``normalized``: ``norm(text)`` when the caller has it."""
    return _match_heading(text, line, allow_shi, normalized)


@lru_cache(maxsize=1 << 16)
def _match_heading(text: str, line: int, allow_shi: bool, normalized: str | None) -> Heading | None:
    # Stages ask about the same paragraph several times (page breaks, split, outline).
    raw = text
    s = normalized if normalized is not None else norm(raw)
    full = s
    lead = len(s) - len(s.lstrip())
    s = s.lstrip()
    if not s:
        return None
    for fam in FAMILIES:
        if fam.family == _SHI and not allow_shi:
            continue
        m = fam.pattern.match(s)
        if not m:
            continue
        if fam.lost:
            ordinal, value = None, None
        else:
            value = ordinal_value(m.group(1))
            if value is None:
                continue
            ordinal = fam.written.format(o=m.group(1))
        # what is no heading although it starts like one (read only for a line that does: most do not)
        if any(pat.search(s) for _, pat in _NOT):
            return None
        head, inline = heading_text(raw[lead:], 0, full[lead:])
        return Heading(line=line, family=fam.family, ordinal=ordinal, value=value, heading=head,
                       rule=fam.id, inline_body=inline)
    return None


def is_bare_heading(text: str, strong: bool = False, normalized: str | None = None) -> bool:
    """A short unnumbered line naming a part of a report (outline.yaml: bare_heading).

    ``strong``: only names of whole parts (a year, a review or plan, problems, next steps).
    """
    s = (normalized if normalized is not None else norm(text)).strip()
    s = fold(s)  # (a part name printed in traditional characters names the same part: a mirror's year review)
    ok = BARE_HEADING_MIN <= len(s) <= BARE_HEADING_MAX and not is_terminal(s, s) and bool(BARE_HEADING.match(s))
    return ok and (not strong or bool(BARE_HEADING_STRONG.search(s)))


def strip_ordinal(s: str) -> str:
    """A title without the number a compilation put before it."""
    m = _ORDINAL_PREFIX.match(s)
    return s[m.end():] if m else s
