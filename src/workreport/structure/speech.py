"""Who a delivered report speaks for, read from its title block: the session's dateline (a
people's congress, a CPPCC plenary), the organ that reports to it (a court, a standing
committee), the speaker's line under the dateline (a department delivering a budget or audit
report on the government's behalf; the government as its head signs it), and, in the opening,
the body or town a speaker says they speak for.  Kept apart from org.py because a dateline names
the forum, not the author: these rules decide which line of the block names the author before
org.py weighs titles, openings, rows and signatures.  Patterns: data/orgs.yaml ``speech``.
"""
from __future__ import annotations

import re

from .. import rules
from ..model import Report
from ..textnorm import norm
from . import bodies
from .names import OrgGuess, clean_name, is_body, is_self
from .openings import lead_paragraphs, opening
from .titles import FILE_RULE, is_prose, speaker_line

_TABLE = "orgs"
_T = rules.load(_TABLE)


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


_SPEECH = [(e["id"], rules.compiled(e["pattern"]), e.get("unit")) for e in _T["speech"]]
_SPEECH_BODY = rules.entry(_TABLE, "org.speech.body")["word"]
_ZONE_BODIES = frozenset(rules.words(_TABLE, "org.zone_bodies", "bodies"))
_DATELINE = "org.speech.congress"
_BYLINE_ID = "org.speech.byline"
_BYLINE = next(pat for rid, pat, _ in _SPEECH if rid == _BYLINE_ID)
_SPEAKER_PLACE = rules.pattern(_TABLE, "org.speech.speaker_place")
_SPEECH_ORGAN = rules.pattern(_TABLE, "org.speech.organ")
_SPEAKER_BODY = rules.pattern(_TABLE, "org.speaker_body")
_ORGAN_PLACE = rules.pattern(_TABLE, "org.speech.organ_place")
_ORGAN_TERM = rules.pattern(_TABLE, "org.speech.organ_place", "term")


def _place_body(place: str) -> str:
    """The body a place's work report speaks for: its people's government; a zone (a new area,
    a development zone) is run by its committee, not a government: its name as written."""
    body = bodies.classify_body(place)
    return place if body is not None and body.id in _ZONE_BODIES else place + _SPEECH_BODY


def speech_org(report: Report, titles: list[tuple[str, int, str]], place_only: bool) -> OrgGuess | None:
    """The government a work report speaks for, from its title block; ``place_only``: the
    report's first title names no body, or only a place."""
    block = [(t, line) for t, line, _ in titles[:1]]
    lead = lead_paragraphs(report)[:_limit("title_block_paragraphs")]
    if not lead:  # the report starts at a heading-like line (an item header): the address after it
        heads = {s.line for s in report.sections}
        lead = [p for p in report.paragraphs if p.line_start not in heads][:_limit("speech_after_heading_paragraphs")]
    prose = next((k for k, p in enumerate(lead) if is_prose(p)), len(lead))
    block += [(p.text, p.line_start) for p in lead[: prose + 1]]  # the block ends at the text
    organ = None  # a court's, a procuratorate's, a standing committee's report: over the dateline
    for text, line in block:
        m = _SPEECH_ORGAN.search(bodies.fold(norm(text)))
        if m:
            organ = OrgGuess(norm(text)[m.start("body"): m.end("body")], line, "org.speech.organ")
            organ = _organ_placed(organ, block)
            break
    for k, (text, line) in enumerate(block):
        raw = norm(text).strip()
        s = bodies.fold(raw)  # matched folded, kept as written (same length)
        for rid, pat, org in _SPEECH:
            m = pat.search(s)
            if m:
                groups = {k: raw[m.start(k): m.end(k)] for k, v in m.groupdict().items() if v is not None}
                name = org or groups.get("body") or _place_body(groups["place"])
                # the lines above, read as one text, come first (a wrapped dateline)
                above = _speech_org_joined(block[:k])
                here = OrgGuess(name, line, rid)
                return organ or (above and (_delivered(above, block) or above)) or _delivered(here, block) \
                    or _signed(groups, block[k + 1:], rid) or here
    joined = _speech_org_joined(block)
    joined = joined and (_delivered(joined, block) or joined)
    if joined:
        return organ or joined
    if organ and place_only:
        # the speaker's own words name the organ (a CPPCC standing committee's dateline names its
        # plenary, not a people's congress): they decide over a title naming only the place
        return organ
    # a department's speaker line heading the block with no dateline over it (the page, or a
    # compilation, lost the session line, and no title stands over it, or the speaker line was read
    # as the title): the department delivers the report, as under a dateline (a title's byline
    # is read by the title rules)
    own = [t for t in titles if t[2] != FILE_RULE]  # (the file's name is no title over the text)
    headless = not own or speaker_line(own[0][0]) is not None
    for text, line in (block[: _limit("speaker_line_lines")] if headless else []):
        name = speaker_line(text) if line is not None else None
        if name:
            return OrgGuess(name, line, "org.speech.speaker_line")
    return None


def _organ_placed(organ: OrgGuess, block: list[tuple[str, int | None]]) -> OrgGuess:
    """A standing committee named by its term and its place word alone (orgs.yaml organ_place):
    named without the term, after the place its title block writes in full with that place word."""
    name = _ORGAN_TERM.sub("", organ.name)
    body = bodies.classify_body(name)
    if body is None or len(body.prefix) != 1:
        return OrgGuess(name, organ.line, organ.rule)
    texts = [norm(t).strip() for t, _ in block]
    for text in [*texts, "".join(texts)]:  # a dateline wrapped over two lines, read as one
        for m in _ORGAN_PLACE.finditer(bodies.fold(text)):
            place = text[m.start("place"): m.end("place")]
            if place.endswith(body.prefix) and bodies.table().named_owner(bodies.fold(place)):
                return OrgGuess(place + name[1:], organ.line, organ.rule)
    return OrgGuess(name, organ.line, organ.rule)


def _delivered(dated: OrgGuess, block: list[tuple[str, int | None]]) -> OrgGuess | None:
    """A session's dateline names the forum, not the author: a department's speaker line under it
    (titles.speaker_line: a budget, plan or audit report delivered on the government's behalf)
    names the author (None when there is none, or ``dated`` is another rule's)."""
    if dated.rule != _DATELINE:
        return None
    below = [(t, ln) for t, ln in block if ln is not None and dated.line is not None and ln > dated.line]
    for text, line in below[: _limit("speaker_line_lines")]:
        name = speaker_line(text)
        if name:
            return OrgGuess(name, line, "org.speech.speaker_line")
    return None


def _signed(groups: dict, rest: list[tuple[str, int | None]], rid: str) -> OrgGuess | None:
    """The speaker's line under a session's dateline ("<place> people's government, head <name>")
    names the government as it signs itself, often in its short form (a banner's short name):
    that form is the author's, when it is the same kind of place as the dateline's."""
    if rid != _DATELINE or "place" not in groups:
        return None
    for text, line in rest:
        raw = norm(text).strip()
        m = _BYLINE.search(bodies.fold(raw))
        if m:
            place = raw[m.start("place"): m.end("place")]
            same = place[:1] == groups["place"][:1] and place[-1:] == groups["place"][-1:]
            return OrgGuess(_place_body(place), line, _BYLINE_ID) if same else None
    return None


def _speech_org_joined(block: list[tuple[str, int | None]]) -> OrgGuess | None:
    """The title block read as one text without spaces: a page wraps the session's dateline over
    two lines (the congress's name cut after its term) and spaces out a title's characters."""
    pieces: list[tuple[str, int | None]] = []
    for text, line in block:  # the title is also the block's first paragraph: once
        piece = re.sub(r"\s+", "", norm(text))
        if not pieces or (piece, line) != pieces[-1] and piece != pieces[-1][0]:
            pieces.append((piece, line))
    raw = "".join(t for t, _ in pieces)
    s = bodies.fold(raw)
    for rid, pat, org in _SPEECH:
        m = pat.search(s)
        if m:
            groups = {k: raw[m.start(k): m.end(k)] for k, v in m.groupdict().items() if v is not None}
            name = org or groups.get("body") or _place_body(groups["place"])
            end, line = 0, None
            for t, ln in pieces:  # the line the match starts on
                end += len(t)
                if m.start() < end:
                    line = ln
                    break
            return OrgGuess(name, line, rid)
    return None


def speaker_body(report: Report) -> OrgGuess | None:
    """The body a speaker says they speak for in a report that names no author of its own
    (orgs.yaml speaker_body): that body, when named with its place."""
    for p in opening(report):
        for m in _SPEAKER_BODY.finditer(bodies.fold(p.norm_text)):
            name = p.norm_text[m.start("body"): m.end("body")]
            body = bodies.classify_body(name)
            if body is not None and body.prefix and is_body(name) and clean_name(name) == name and not is_self(name):
                return OrgGuess(name, p.line_start, "org.speaker_body")
    return None


def speaker_place(speech: OrgGuess, report: Report) -> OrgGuess | None:
    """A bare town government (a speech's, a "we" led by the town's committee) whose speaker
    names the town they came to (orgs.yaml speaker_place): that town."""
    body = bodies.classify_body(speech.name) if speech.name else None
    if body is None or not body.comprehensive or body.prefix or not body.place:
        return None
    for p in opening(report):
        m = _SPEAKER_PLACE.search(bodies.fold(p.norm_text))
        if m and m.group("name").endswith(body.place):
            return OrgGuess(p.norm_text[m.start("name"): m.end("name")], p.line_start, "org.speech.speaker_place")
    return None
