"""The author an opening paragraph names first: a body as the subject of its first clause, a
department of "our town", a report formula's body ("the work of <body> is reported as follows"),
"we" before the author's name, the body whose circumstances a plan suits, the body whose post
the speaker holds, a line of work a government leads, or a sector spoken for as a whole (the
whole county's civil affairs work: that function's department).  Kept apart from org.py, which
decides when the opening is asked at all (after the title block, titles, bylines and entrusted
reports): this module only reads one paragraph and says which of these it names first.
Patterns: data/orgs.yaml org.subject.*, org.system, org.sector, org.self_reference.we_named.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import rules
from ..model import Report
from . import bodies
from .names import OrgGuess, clean_name, fuller, is_body, is_self, superior, system_stem
from .selfref import SELF, TITLED_PLACE, bare_organ, line_led, local_name, named_of_bare_kind, resolve_self, self_word, \
    system_department
from .subjects import SUBJECT_CUES, SUFFIX_INFO, authors
from .titles import Evidence

_TABLE = "orgs"


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def _pattern(rid: str) -> re.Pattern:
    return rules.pattern(_TABLE, rid)


_SYSTEM = _pattern("org.system")
_SYSTEM_SCOPE = rules.pattern(_TABLE, "org.system", "scope")
_SYSTEM_PLACE = rules.pattern(_TABLE, "org.system", "place")
_FORMULA = _pattern("org.subject.formula")
_SECTOR = rules.entry(_TABLE, "org.sector")
_SECTOR_OPENING = rules.compiled(rf"{SUBJECT_CUES['before']}\s*" + _pattern("org.sector").pattern)
_POST = _pattern("org.subject.post")
_POST_LEAD = _pattern("org.subject.post_lead")
_WE_NAMED = _pattern("org.self_reference.we_named")
_OWN_REALITY = _pattern("org.subject.own_reality")
_SECTOR_NAMED = _pattern("org.sector.named")
_SCOPE = _pattern("org.scope")
_SELF_PREFIXES = tuple(rules.words(_TABLE, "org.self_prefixes"))
_CROSS_CUTTING = tuple(rules.words(_TABLE, "org.title_field.cross_cutting"))
_BODY_FRAME = _pattern("org.subject.body_frame")
_CLAUSE_END = re.compile(r"[,;:!?\uff0c\u3001\u3002\uff1b\uff1a\uff01\uff1f]")
_SENTENCE_END = re.compile(r"[;!?\u3002\uff1b\uff01\uff1f]")


def _framed_subject(s: str) -> tuple[int, str] | None:
    """The opening formula's subject: a time phrase and its comma, then a department's full name
    (not a place or a government: a bare place word here may be a topic), whatever verb follows
    it.  The verb cues of subject_cues are not needed there: the formula itself makes the name
    its subject (round 22).  The longest name of a known kind in that first clause; none when the
    sentence also speaks as "we" (a body acting on the author) or names a superior."""
    comma = _CLAUSE_END.search(s)
    if comma is None or s[comma.start()] not in ",\uff0c" or not _BODY_FRAME.search(s[:comma.end()]):
        return None
    off = comma.end()
    clause_end = _CLAUSE_END.search(s, off)
    end = clause_end.start() if clause_end else len(s)
    sentence = _SENTENCE_END.search(s, off)
    if SELF.search(s[off: sentence.start() if sentence else len(s)]):
        return None
    best = None
    for k in range(off + 2, min(end, off + _limit("name_max_chars") + 8) + 1):
        nm = s[off:k]
        if not any(nm.endswith(w) for w in SUFFIX_INFO) or clean_name(nm) != nm or not is_body(nm):
            continue
        m = bodies.classify_body(nm)
        if m is None or m.comprehensive or is_self(nm) or superior(s, off, k):
            continue
        best = nm
    return (off, best) if best else None


def opening_author(p, report: Report, ev: Evidence, sig) -> OrgGuess | None:
    """Whichever an opening paragraph says first: a body as subject, a sector as a whole
    (orgs.yaml system), the body its report formula names, a self-reference that the report lets
    us name."""
    window = _limit("subject_window")
    cands: list[tuple[int, str, object]] = []
    subs = authors(p.text, window, p.norm_text)
    if subs:
        cands.append((subs[0][0], "subject", subs[0][1]))
    selfref = SELF.search(p.norm_text[:window])
    # "our county's civil affairs work …" before any self-reference: the sector's department
    sector = _sector_subject(p.norm_text[:window], report)
    if sector and (selfref is None or sector[0] <= selfref.start()):
        cands.append((sector[0], "sector", sector[1]))
    elif selfref:
        own = own_body(p.norm_text, selfref)  # "our town's women's federation": that body
        cands.append((selfref.start(), "subject", own) if own else (selfref.start(), "self", selfref))
    formula = _formula_author(p)
    if formula:
        cands.append((formula[0], "subject", formula[1]))
    we = _we_named(p.norm_text[:window])
    if we:
        cands.append((we[0], "subject", we[1]))
    suited = _own_reality(p.norm_text)  # anywhere in the paragraph: it closes a plan's preamble
    if suited:
        cands.append((suited[0], "subject", suited[1]))
    post = _post_holder(p, window)
    if post:
        cands.append((post[0], "subject", post[1]))
    led = None if subs else line_led(p.norm_text)  # a line of work led by a government
    if led and (selfref is None or led[0] < selfref.start()):
        cands.append((led[0], "subject", led[1]))
    framed = _framed_subject(bodies.fold(p.norm_text[:window]))
    if framed and not any(c[0] <= framed[0] for c in cands):
        cands.append((framed[0], "subject", p.text[framed[0]: framed[0] + len(framed[1])]
                      if len(p.text) == len(p.norm_text) else framed[1]))
    system = system_subject(p.text, p.norm_text[:window])
    first = min(cands, key=lambda c: c[0]) if cands else None
    if system and first and system[0] <= _limit("opening_subject_window") and system[0] < first[0] \
            and first[1] == "subject" and _place_only(first[2]):
        # a sector spoken for as a whole as the opening's very subject (the whole city's market
        # regulation system …) before a place the paragraph names further on (the city's firms):
        # the sector decides; a department named further on still does (the region's water department)
        cands.append((system[0], "system", system[1]))
    if not cands:  # a sector spoken for as a whole, when no body is named
        sector = None if system else _sector_subject(p.norm_text[:window], report)
        if system or sector:
            cands.append((system or sector)[:1] + ("system" if system else "sector",) + (system or sector)[1:])
    for _, kind, x in sorted(cands, key=lambda c: c[0]):
        if kind == "subject":
            # "the school" of a report that names its school; "the community" that names its own
            named = named_of_bare_kind(x, report) or local_name(x, report)
            if named:
                return OrgGuess(named, p.line_start, "org.subject.bare_named")
            return OrgGuess(fuller_from(fuller(x, report), sig), p.line_start, "org.subject.opening")
        if kind == "system":
            dept = system_department(x, report)  # "our department" speaking for its sector
            if dept:
                return OrgGuess(dept, p.line_start, "org.system.self")
            # a department that speaks of itself by its organ word ("the whole department")
            # reviews its line at every level: the department, not the line, is the author
            return bare_organ(report) or OrgGuess(x, p.line_start, "org.system")
        if kind == "sector":
            return OrgGuess(x, p.line_start, _SECTOR["id"])
        found = resolve_self(x, report, ev, p.line_start, sig)
        if found.name != self_word(x) or x.group(1) not in TITLED_PLACE:
            return found
    return None


def _place_only(name: str) -> bool:
    """Does a subject name only a place or its government (no department of it)?"""
    body = bodies.classify_body(name)
    return body is None or body.comprehensive


def own_body(s: str, selfref: re.Match) -> str | None:
    """A department of the author's own place right after "our town" (our town's women's
    federation, our town's justice office): the place word and the department's form."""
    form = bodies.form_at(s, selfref.end())
    body = bodies.classify_body(form) if form else None
    if body is None or body.comprehensive or body.level is not None:
        return None
    name = s[selfref.start(1): selfref.end()] + form
    return name if bodies.classify_body(name) is not None and is_body(name) else None


def _we_named(s: str) -> tuple[int, str] | None:
    """"We" before the author's own name and its staff (orgs.yaml we_named): offset and name."""
    m = _WE_NAMED.search(bodies.fold(s))
    if m is None:
        return None
    name = s[m.start("name"): m.end("name")]
    return (m.start(), name) if is_body(name) and clean_name(name) == name and not is_self(name) else None


def _own_reality(s: str) -> tuple[int, str] | None:
    """The body whose circumstances a plan says it suits (orgs.yaml own_reality): offset and name."""
    for m in _OWN_REALITY.finditer(bodies.fold(s)):
        name = s[m.start("name"): m.end("name")]
        if is_body(name) and clean_name(name) == name and not is_self(name):
            return m.start("name"), name
    return None


def _post_holder(p, window: int) -> tuple[int, str] | None:
    """The body whose post the speaker holds (a debrief speaks for the head of a body: org.subject.post)."""
    s = bodies.fold(p.norm_text[:window])
    for x in bodies.mentions(p.text[:window], bodies.table().end_chars):
        if not _POST.match(s, x.end) or superior(s, x.start, x.end):
            continue
        lead = None
        for lead in _POST_LEAD.finditer(x.name[:len(x.body.prefix)]):
            pass  # the name starts after the last verb that puts the speaker in the post
        start = x.start + (lead.end() if lead else 0)
        name = x.name[start - x.start:]
        if clean_name(name) == name and is_body(name):
            return start, name
    return None


def _formula_author(p) -> tuple[int, str] | None:
    """The body a report formula names ("the work of <body> is reported as follows")."""
    m = _FORMULA.search(p.norm_text)
    if not m:
        return None
    rest = p.text[m.end("lead"):]
    for x in bodies.mentions(rest, bodies.table().end_chars):
        # a place name the mention scan left off ("big" read as a word) still heads the name
        name = rest[: x.end] if x.start > 0 else x.name
        if x.start > _limit("formula_name_gap"):
            break
        if not is_self(name) and clean_name(name) == name and is_body(name):
            return m.end("lead"), name
        if x.start > 0:
            break
    return None


def system_subject(text: str, s: str) -> tuple[int, str] | None:
    """A sector named as the subject (the whole region's water system): offset and name."""
    s = bodies.fold(s)
    for m in _SYSTEM.finditer(s):
        stem = system_stem(m.group("stem"))
        if stem:
            start = m.end("stem") - len(stem)
            if m.group("ranks"):  # "the whole region's water departments at every level"
                start = m.start("ranks")
            scope = _SYSTEM_SCOPE.search(s, max(0, start - _limit("system_scope_chars")), start)
            # the sector's own place written into its name (the district's justice system)
            place = None if scope or m.group("ranks") else _SYSTEM_PLACE.search(s, m.start(), start)
            if scope or place:
                start = (scope or place).start()
            return start, text[start: m.end()]
    return None


def _sector_subject(s: str, report: Report | None = None) -> tuple[int, str] | None:
    """An opening whose subject is its sector's work in a scope (the whole county's civil
    affairs work): the department of that function in the scope's government."""
    s = bodies.fold(s)
    m = _SECTOR_OPENING.search(s)
    if m is None:
        return _named_sector_subject(s, report)
    stem = system_stem(m.group("stem"))
    tail = m.group("tail") or ""
    if tail in _SECTOR["name_tails"]:  # "emergency management", not "emergency": the department's own name
        longer = system_stem(m.group("stem") + tail)
        stem = longer if longer and longer.endswith(tail) else stem
    body = bodies.stem_body(stem) if stem else None
    if body is None:
        return None
    name = m.group("scope") + stem + _SECTOR["organs"][m.group("scope")]
    found = bodies.classify_body(name)
    return (m.start("scope") - 1, name) if found is not None and found.id == body.id else None


def _named_sector_subject(s: str, report: Report | None) -> tuple[int, str] | None:
    """The sector's work as the opening's subject after its place's own name, or bare after the
    opening's year (orgs.yaml sector_opening_named): the named place's department of that line,
    or the bare department.  Not for the fields every body works on."""
    m = _SECTOR_NAMED.search(s)
    stem = system_stem(m.group("stem")) if m else None
    if not stem or any(w in m.group("stem") for w in _CROSS_CUTTING):
        return None
    tail = m.group("tail") or ""
    if tail in _SECTOR["name_tails"]:
        longer = system_stem(m.group("stem") + tail)
        stem = longer if longer and longer.endswith(tail) else stem
    body = bodies.stem_body(stem)
    if body is None or body.comprehensive:
        return None
    place = m.group("place") or ""
    if place:
        own = bodies.classify_body(place)  # a place's name stands for its government
        if own is None or not own.comprehensive or not own.place:
            return None
    if not place and report is not None:
        place = _own_scope(report)  # a bare line: in the place the report calls its own (our district)
    name = place + stem + _SECTOR["organs"].get(place[-1:], _SECTOR["organs"][""])
    found = bodies.classify_body(name)
    return (m.start("place" if place else "stem"), name) if found is not None and found.id == body.id else None


def _own_scope(report: Report) -> str:
    """The place word a report most often calls its own ("our district", "this county": orgs.yaml
    scope after a self prefix), or nothing."""
    c: Counter[str] = Counter()
    for p in report.paragraphs:
        for m in _SCOPE.finditer(p.norm_text):
            if m.group(0)[:1] in _SELF_PREFIXES and m.group(1) in _SECTOR["organs"]:
                c[m.group(1)] += 1
    return c.most_common(1)[0][0] if c else ""


def fuller_from(name: str, sig: tuple[str, int] | None) -> str:
    """A signature that spells out the same body in full (the county's name before it)."""
    if sig and len(sig[0]) > len(name) and bodies.fold(sig[0]).endswith(bodies.fold(name)):
        return sig[0]
    return name
