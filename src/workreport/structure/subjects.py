"""Bodies named as the subject of a clause: what an organisation's name looks like (a run of
characters ending in a known suffix, data/orgs.yaml suffixes) and where a sentence names one
as the actor before its verb.

Kept apart from org.py, which weighs the places an author may be named (title, opening,
signature, rows) against each other: this module answers only "which bodies does this text
name as its subject", a question the author guess asks of the opening, of the whole report
(the most frequent subject) and of a title's bare department alike.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rules
from ..textnorm import norm
from . import bodies
from .names import PH, clean_name, is_body, is_self, superior

_TABLE = "orgs"
_T = rules.load(_TABLE)


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


_HAN = rules.piece("han")
SUFFIX_INFO: dict[str, dict] = {}
for _e in _T["suffixes"]:
    for _w in _e["words"]:
        SUFFIX_INFO.setdefault(_w, _e)
# a PDF's text puts a space between a mask and the characters after it ("xx town"): one is allowed
NAME = rf"(?:{PH}[ ]?|{_HAN}){{1,{_limit('name_max_chars')}}}?(?:{rules.alternation(SUFFIX_INFO)})"
SUBJECT_CUES = rules.entry(_TABLE, "org.subject")
_SUBJECT = rules.compiled(rf"{SUBJECT_CUES['before']}\s*(?P<name>{NAME})(?={SUBJECT_CUES.get('alias', '')}{SUBJECT_CUES['after']})")


def subjects(text: str, limit: int | None = None, normalized: str | None = None) -> list[tuple[int, str]]:
    """(offset, name) of every body named as the subject of a clause."""
    s = normalized if normalized is not None else norm(text if limit is None else text[:limit])
    if limit is not None:
        s = s[:limit]
    s = bodies.fold(s)  # traditional characters: the cues are matched in simplified ones
    out = []
    for m in _SUBJECT.finditer(s):
        raw = text[m.start("name"): m.end("name")]
        nm = clean_name(raw.replace(" ", ""))
        if nm:
            # the name starts after the words it lost ("and the city bureau's guidance"): what
            # follows it is read from its own end
            out.append((m.end("name") - len(nm) if raw.endswith(nm) else m.start("name"), nm))
    return out


def opens_with_subject(text: str, normalized: str | None = None) -> bool:
    """Does a paragraph begin with its author as subject (a body, then what it did)?"""
    subs = subjects(text, _limit("opening_subject_window"), normalized)
    return bool(subs) and subs[0][0] == 0 and len(text) >= _limit("min_opening_chars")


def names_subject(text: str, normalized: str | None = None) -> bool:
    """Does a paragraph's first sentence name an organisation as its subject?"""
    return bool(subjects(text, _limit("first_sentence_window"), normalized))


def authors(text: str, limit: int | None, normalized: str) -> list[tuple[int, str]]:
    """Subjects that name a known kind of body and are not the author's superiors; a company,
    school or hospital may be the subject by its bare kind (the company, the school: org.bare_subjects)."""
    found = [(o, nm) for o, nm in subjects(text, limit, normalized)
             if not is_self(nm) and is_body(nm) and not superior(normalized, o, o + len(nm))]
    s = bodies.fold(normalized if limit is None else normalized[:limit])
    # a bare kind named as the one that leads ("under the town committee's leadership") is no author either
    found += [(m.start("name"), text[m.start("name"): m.end("name")]) for m in _bare_subject().finditer(s)
              if not superior(s, m.start("name"), m.end("name"))]
    return sorted(found)


@lru_cache(maxsize=1)
def _bare_subject() -> re.Pattern:
    forms = bodies.forms_of(rules.words(_TABLE, "org.bare_subjects", "bodies"))
    return rules.compiled(rf"{SUBJECT_CUES['before']}\s*(?P<name>{rules.alternation(forms)})(?={SUBJECT_CUES.get('alias', '')}{SUBJECT_CUES['after']})")
