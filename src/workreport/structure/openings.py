"""Where a report opens, and the author clues read there when neither its title nor its
opening's subject names the author: a report that speaks as "we" under its own street office's
or town's committee, an opening's self-reference against a body named once further in (the next
report's, when a start was missed), a title below an opening (the next report's), a body named
again and again though never as subject.  Used by org.py; patterns: data/orgs.yaml."""
from __future__ import annotations

import re
from collections import Counter

from .. import rules
from ..model import Report
from ..textnorm import norm
from . import bodies
from .names import OrgGuess, clean_name, is_body, is_self, superior
from .selfref import SELF, resolve_self, self_word
from .subjects import authors
from .titles import Evidence, is_prose

_TABLE = "orgs"
_OWN_PLACE_LEADER = rules.pattern(_TABLE, "org.own_place_leader")
_YEAR = re.compile(rules.piece("year"))


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def lead_paragraphs(report: Report) -> list:
    """The paragraphs before the first heading; or the first line, when it was read as a
    numbered heading but is a whole paragraph (a document-sharing chunk: number, title, opening)."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    before = [p for p in report.paragraphs if p.line_start < first_head]
    at = [p for p in report.paragraphs if p.line_start == first_head][:1]
    if at and len(at[0].norm_text) >= _limit("chunk_opening_min_chars"):
        return before + at
    return before


def opening(report: Report) -> list:
    """The paragraphs that may hold the opening: those before the first heading, or the one
    right after it when the report starts at its first part heading.  A first line read as a
    numbered heading that is a whole paragraph (a document-sharing chunk: number, title, opening)
    is the opening itself."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    head_lines = {s.line for s in report.sections}
    after = [p for p in report.paragraphs if p.line_start > first_head and p.line_start not in head_lines][:1]
    return lead_paragraphs(report)[:_limit("opening_paragraphs")] + after


def own_place_leader(report: Report) -> OrgGuess | None:
    """An opening that speaks as "we", led last by its own street office's or town's committee
    (orgs.yaml own_place_leader): that place, by its kind."""
    for p in opening(report):
        led = _OWN_PLACE_LEADER.search(bodies.fold(p.norm_text[:_limit("leadership_window")]))
        if led:
            return OrgGuess(p.norm_text[led.start("kind"): led.end("kind")], p.line_start, "org.own_place_leader")
    return None


def opening_self(report: Report, other: str, ev: Evidence, sig) -> OrgGuess | None:
    """The opening's self-reference ("our town"), when the body named once further in is of
    another kind: that body opens a report that ran on, not this one."""
    for p in opening(report):
        m = SELF.search(p.norm_text[: _limit("subject_window")])
        if m:
            kind = bodies.classify_body(self_word(m)[1:])
            body = bodies.classify_body(other)
            if kind is not None and body is not None and kind.id != body.id:
                return resolve_self(m, report, ev, p.line_start, sig)
            return None
    return None


def title_below_opening(report: Report) -> bool:
    """Is the report's title below a paragraph that names its author as subject?  A report opens
    with its title or its opening, never an opening and then a title: that title is the next
    report's, whose start was missed."""
    if not report.title:
        return False
    title = norm(report.title).strip()
    # a headline or file name printed over the text's own copy of the title often differs from
    # it a little (a plan for a programme): the copy is the same title when it has the same
    # author and year at its head
    y = _YEAR.search(title)
    head = title[: y.end()] if y and y.start() >= _limit("title_head_min_chars") else None
    for p in report.paragraphs[: _limit("opening_paragraphs")]:
        if title and title in p.norm_text:
            return False
        if head and head in p.norm_text[: len(title)]:
            return False
        if authors(p.text, _limit("subject_window"), p.norm_text) or is_prose(p):
            return True
    return False


def frequent_mention(report: Report) -> OrgGuess | None:
    """A body the report names again and again though never as its sentences' subject (a
    section's or a station's summary that speaks of itself in the third person): the most named,
    clearly ahead of any other, superiors not counted (orgs.yaml min_mention_hits)."""
    c: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in report.paragraphs:
        s = norm(p.text)
        for x in bodies.mentions(p.text, bodies.table().end_chars):
            if superior(s, x.start, x.end) or is_self(x.name) or clean_name(x.name) != x.name or not is_body(x.name):
                continue
            c[x.name] += 1
            first.setdefault(x.name, p.line_start)
    top = c.most_common(2)
    if not top or top[0][1] < _limit("min_mention_hits") or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return OrgGuess(top[0][0], first[top[0][0]], "org.mention.frequent")
