"""Who wrote a report: the author as the report names it, the line that shows it, and the rule.

The order follows how the genre names its author (docs/GENRE.md §3, §10): a government work
report's preamble; the title (titles.py: the report's own, its first line, one fused with a first
line, a CMS title row, the page heading, the file name); the opening's subject, sector, report
formula or self-reference ("our bureau", "our town", "this unit") made into the body of that
kind the rows or the text name; the subject found through the whole report; the CMS author rows;
the signature; the self-reference as written; a body the opening names with a name of its own.
A candidate must name a known kind of body (bodies.py): a phrase that merely ends like one ("…
as the centre") is no author.  Words and patterns: data/orgs.yaml.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import rules
from ..model import Report
from ..textnorm import norm
from . import bodies
from .names import PH, OrgGuess, clean_name, fuller, is_body, is_self, superior, system_stem
from .selfref import (GUESSED_KINDS, bare_organ, SELF, TITLED_PLACE, field_department, local_name, named_of_bare_kind, resolve_self,
                      line_led, self_word, system_department, title_field_author)
from .openings import frequent_mention, lead_paragraphs, opening, opening_self, own_place_leader, title_below_opening
from .subjects import SUBJECT_CUES, SUFFIX_INFO, authors
from .titles import Evidence, bare_kind, byline, speaker_line, is_prose, lone_name, org_from_title, page_rows, report_titles, row_authors, signature

__all__ = ["OrgGuess", "Evidence", "find_org", "canonical_org", "region_of"]

_TABLE = "orgs"
_T = rules.load(_TABLE)


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def _words(rid: str) -> tuple[str, ...]:
    return rules.words(_TABLE, rid)


def _pattern(rid: str) -> re.Pattern:
    return rules.pattern(_TABLE, rid)


_SUFFIXES_LONGEST_FIRST = sorted(SUFFIX_INFO, key=len, reverse=True)
_NOT_NAME = _pattern("org.not_names")
_BAD_START = _pattern("org.name.bad_start")
_FUNCTION_CHARS = _pattern("org.name.function_chars")
_PLACE = _pattern("org.name.place")
_SPEECH = [(e["id"], rules.compiled(e["pattern"]), e.get("unit")) for e in _T["speech"]]
_SPEECH_BODY = rules.entry(_TABLE, "org.speech.body")["word"]
_DATELINE = "org.speech.congress"
_BYLINE_ID = "org.speech.byline"
_BYLINE = next(pat for rid, pat, _ in _SPEECH if rid == _BYLINE_ID)
_REGION_SUFFIXES = _words("org.region_suffixes")
_SYSTEM = _pattern("org.system")
_BODY_FRAME = _pattern("org.subject.body_frame")
_ZONE_BODIES = frozenset(rules.words(_TABLE, "org.zone_bodies", "bodies"))
_SYSTEM_SCOPE = rules.pattern(_TABLE, "org.system", "scope")
_FORMULA = _pattern("org.subject.formula")
_SECTOR = rules.entry(_TABLE, "org.sector")
_SECTOR_OPENING = rules.compiled(rf"{SUBJECT_CUES['before']}\s*" + _pattern("org.sector").pattern)
_POST = _pattern("org.subject.post")
_POST_LEAD = _pattern("org.subject.post_lead")
_SPEAKER_PLACE = _pattern("org.speech.speaker_place")
_SPEECH_ORGAN = _pattern("org.speech.organ")
_SPEAKER_BODY = _pattern("org.speaker_body")
_WE_NAMED = _pattern("org.self_reference.we_named")
_SUPERVISED_ENTRY = rules.entry(_TABLE, "org.supervised_government")
_SUPERVISED = rules.compiled(_SUPERVISED_ENTRY["pattern"])
_SUPERVISED_UNLESS = rules.compiled(_SUPERVISED_ENTRY["unless"])
_WHOLE_PLACE = _pattern("org.whole_place")
_SCOPE = _pattern("org.scope")
_ENTRUSTED = rules.entry(_TABLE, "org.entrusted_audit")
_ENTRUSTED_AUDIT = rules.compiled(_ENTRUSTED["pattern"])
_ENTRUSTED_GOV = _pattern("org.entrusted_government")
_OWN_REALITY = _pattern("org.subject.own_reality")
_GENERIC_OWNER = _pattern("org.title.generic_owner")
_ESSAY_TITLE = "org.title.essay"
# what a speaker's own body decides over: a sector spoken for, a self-reference, nothing
_SPEAKER_BODY_OVER = frozenset({"org.system", "org.sector", "org.self_reference.bare_organ", "org.none"})


def _suffix_of(name: str) -> str | None:
    for w in _SUFFIXES_LONGEST_FIRST:
        if name.endswith(w):
            return w
    return None


def _speech_org(report: Report, titles: list[tuple[str, int, str]]) -> OrgGuess | None:
    """The government a work report speaks for, from its title block."""
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
            break
    for k, (text, line) in enumerate(block):
        raw = norm(text).strip()
        s = bodies.fold(raw)  # matched folded, kept as written (same length)
        for rid, pat, org in _SPEECH:
            m = pat.search(s)
            if m:
                groups = {k: raw[m.start(k): m.end(k)] for k, v in m.groupdict().items() if v is not None}
                name = org or groups.get("body") or (groups["place"] + _SPEECH_BODY)
                # the lines above, read as one text, come first (a wrapped dateline)
                above = _speech_org_joined(block[:k])
                here = OrgGuess(name, line, rid)
                return organ or (above and (_delivered(above, block) or above)) or _delivered(here, block) \
                    or _signed(groups, block[k + 1:], rid) or here
    joined = _speech_org_joined(block)
    joined = joined and (_delivered(joined, block) or joined)
    if joined:
        return organ or joined
    # the speaker's own words name the organ (a CPPCC standing committee's dateline names its
    # plenary, not a people's congress): they decide over a title naming only the place
    return organ if organ and _title_names_only_place(titles) else None


def _title_names_only_place(titles: list[tuple[str, int | None, str]]) -> bool:
    """Does the report's first title name no body, or only a place (its government)?"""
    u = org_from_title(titles[0][0]) if titles else None
    body = bodies.classify_body(canonical_org(u)) if u else None
    return body is None or body.comprehensive


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
            return OrgGuess(place + _SPEECH_BODY, line, _BYLINE_ID) if same else None
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
            name = org or groups.get("body") or (groups["place"] + _SPEECH_BODY)
            end, line = 0, None
            for t, ln in pieces:  # the line the match starts on
                end += len(t)
                if m.start() < end:
                    line = ln
                    break
            return OrgGuess(name, line, rid)
    return None


def find_org(report: Report, ev: Evidence = Evidence()) -> OrgGuess:
    """The author as the report names it, the line that shows it, and the rule; a bare town
    government the speaker names as the town they came to."""
    guess = _find_org(report, ev)
    if guess.rule in _SPEAKER_BODY_OVER:
        return _speaker_body(report) or guess
    return _speaker_place(guess, report) or guess


def _entrusted_audit(report: Report) -> OrgGuess | None:
    """An audit report delivered on a government's behalf (orgs.yaml entrusted_audit): that
    government's audit office."""
    for p in opening(report):
        m = _ENTRUSTED_AUDIT.search(bodies.fold(p.norm_text))
        if m:
            place = p.norm_text[m.start("place"): m.end("place")]
            organs = _ENTRUSTED["organs"]
            return OrgGuess(place + m.group("stem") + organs.get(place[-1:], organs[""]), p.line_start, _ENTRUSTED["id"])
    return None


def _entrusted_government(report: Report) -> OrgGuess | None:
    """A report delivered on a government's behalf (orgs.yaml entrusted_government): that government."""
    for p in opening(report):
        m = _ENTRUSTED_GOV.search(bodies.fold(p.norm_text))
        if m:
            return OrgGuess(p.norm_text[m.start("body"): m.end("body")], p.line_start, "org.entrusted_government")
    return None


def _place_spoken_for(report: Report) -> OrgGuess | None:
    """A report that names no author but speaks as its place's government (supervised by the
    place's congress: orgs.yaml supervised_government) or as the whole place (orgs.yaml
    whole_place): that place's government, by its place word."""
    for pat, rid in ((_SUPERVISED, _SUPERVISED_ENTRY["id"]), (_WHOLE_PLACE, "org.whole_place")):
        for p in opening(report):
            s = bodies.fold(p.norm_text[: _limit("subject_window")])
            m = pat.search(s)
            if m and not (pat is _SUPERVISED and _SUPERVISED_UNLESS.search(s)):
                g = "scope" if m.group("scope") else "town"
                return OrgGuess(p.norm_text[m.start(g): m.end(g)], p.line_start, rid)
    return None


def _speaker_body(report: Report) -> OrgGuess | None:
    """The body a speaker says they speak for in a report that names no author of its own
    (orgs.yaml speaker_body): that body, when named with its place."""
    for p in opening(report):
        for m in _SPEAKER_BODY.finditer(bodies.fold(p.norm_text)):
            name = p.norm_text[m.start("body"): m.end("body")]
            body = bodies.classify_body(name)
            if body is not None and body.prefix and is_body(name) and clean_name(name) == name and not is_self(name):
                return OrgGuess(name, p.line_start, "org.speaker_body")
    return None


def _find_org(report: Report, ev: Evidence) -> OrgGuess:
    ev = page_rows(report, ev)
    titles = report_titles(report, ev)
    if title_below_opening(report):  # a following report's title, in a report that ran on
        titles = [t for t in titles if t[2] != "org.title"]
    speech = _speech_org(report, titles)
    if speech:
        return speech
    sig = signature(report)
    for title, line, rule in titles:
        u = org_from_title(title)
        by = byline(report, line)
        if by and (u is None or canonical_org(u) != u):  # the title names only a place, or nobody
            return OrgGuess(by[0], by[1], "org.byline")
        if u and canonical_org(u) != u:
            dept = field_department(u, title, report)
            if dept:
                return OrgGuess(dept, line, "org.title.field_department")
        if u:
            # a bare "street office": the one the text names; a bare or stand-in government: the
            # place of its kind the sentences name as their subject
            local = local_name(u, report)
            generic = None if local else _named_of_generic(u, report)
            if generic:
                return OrgGuess(generic, line, "org.title.generic_owner")
            if local is None and u in GUESSED_KINDS:
                opened = _opening_of_kind(u, report, ev, sig)
                if opened:
                    return opened
            # an essay site's own words for the piece: the text's name for the same body wins,
            # and so does the text's own sector of that body's line spoken for as a whole
            system = _essay_sector(u, report) if rule == _ESSAY_TITLE else None
            if system:
                return system
            same = _same_body_named(_placed(u, report), report, site_words=rule == _ESSAY_TITLE)
            return OrgGuess(local or _fuller_from(same, sig), line, rule)
    lone = lone_name(report)  # the author's name alone over a title-less text
    if lone:
        return OrgGuess(lone[0], lone[1], "org.lone_name")
    audit = _entrusted_audit(report) or _entrusted_government(report)
    if audit:
        return audit
    for p in opening(report):
        found = _opening_author(p, report, ev, sig)
        if found:
            return _row_of_sector(found, ev) or _place_body(found, report) or found
    frequent = _frequent_subject(report)
    if frequent and frequent.rule != "org.subject.frequent":  # named once, further in
        own = own_place_leader(report) or opening_self(report, frequent.name, ev, sig)
        if own:
            return own
    if frequent:
        return OrgGuess(_fuller_from(fuller(frequent.name, report), sig), frequent.line, frequent.rule)
    for title, line, _ in titles:  # a template's title that kept only the kind of its author
        kind = bare_kind(title)
        if kind:
            return OrgGuess(local_name(kind, report) or kind, line, "org.title.bare_kind")
    rows = row_authors(ev)
    if rows:
        return OrgGuess(rows[0][0], rows[0][1], "org.row")
    if sig:
        return OrgGuess(sig[0], sig[1], "org.signature")
    led = own_place_leader(report)
    if led:
        return led
    field = title_field_author(report, ev)  # a title naming only a line department's field
    if field:
        return field
    for p in report.paragraphs:
        m = SELF.search(p.norm_text)
        if m:
            own = _own_body(p.norm_text, m)
            return OrgGuess(own, p.line_start, "org.self_reference.own_body") if own else \
                resolve_self(m, report, ev, p.line_start, sig)
    place = _place_spoken_for(report)
    if place:
        return place
    named = _opening_mention(report)
    if named:
        return named
    for p in opening(report):  # a sector spoken for as a whole, further into a long opening
        system = _system_subject(p.text, p.norm_text)
        if system:
            return bare_organ(report) or OrgGuess(system[1], p.line_start, "org.system")
    mentioned = frequent_mention(report)
    if mentioned:
        return mentioned
    return bare_organ(report) or OrgGuess(None, None, "org.none")



def _speaker_place(speech: OrgGuess, report: Report) -> OrgGuess | None:
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


def _named_of_generic(name: str, report: Report) -> str | None:
    """A title's author that names only a kind of government (the town's government, a stand-in
    county: orgs.yaml generic_owner): the place of that kind, with a name of its own, that the
    report's sentences name as their subject most often.  A bare "government" takes a place
    whose scope the text speaks of ("the whole township")."""
    if not _GENERIC_OWNER.search(bodies.fold(norm(name))):
        return None
    kind = bodies.classify_body(name)
    place = kind.place if kind is not None else None
    text = bodies.fold(norm("".join(p.text for p in report.paragraphs)))
    c: Counter[str] = Counter()
    for p in report.paragraphs:
        for _, nm in authors(p.text, None, p.norm_text):
            m = bodies.classify_body(nm)
            if m is None or not m.comprehensive or not m.place or re.search(PH, m.prefix) \
                    or len(m.prefix) < _limit("generic_owner_min_chars"):
                continue
            if m.place == place or (place is None and any(s.group(1) == m.place for s in _SCOPE.finditer(text))):
                c[nm] += 1
    return c.most_common(1)[0][0] if c else None


def _essay_sector(name: str, report: Report) -> OrgGuess | None:
    """An essay site's title names a line department while the opening's subject is that line's
    sector as a whole ("the whole city's civil affairs system"): the sector, as the text writes it."""
    body = bodies.classify_body(name)
    if body is None or body.comprehensive:
        return None
    for p in opening(report)[:1]:
        system = _system_subject(p.text, p.norm_text[:_limit("subject_window")])
        m = _SYSTEM.search(bodies.fold(system[1])) if system else None
        stem = system_stem(m.group("stem")) if m else None
        line = bodies.stem_body(stem) if stem else None
        if line is not None and line.id == body.id and system[0] <= _limit("opening_subject_window"):
            return OrgGuess(system[1], p.line_start, "org.system")
    return None


def _opening_of_kind(kind: str, report: Report, ev: Evidence, sig) -> OrgGuess | None:
    """A title naming only a bare kind (the street office's summary) defers to an opening
    whose subject is one body of that kind, named or masked (a starred or placeholder name)."""
    for p in opening(report):
        found = _opening_author(p, report, ev, sig)
        if found and found.name and found.name != kind and found.name.endswith(kind):
            return found
    return None


def _place_body(found: OrgGuess, report: Report) -> OrgGuess | None:
    """A bare place named as a subject ("the county held …") in a report whose recurring subject
    is one body of that place (the county's women's federation): that body."""
    if found.name is None or canonical_org(found.name) == found.name:
        return None
    frequent = _frequent_subject(report)
    if frequent and frequent.rule == "org.subject.frequent" and frequent.name != found.name \
            and frequent.name.startswith(found.name):
        body = bodies.classify_body(frequent.name)
        return frequent if body is not None and not body.comprehensive else None
    return None


def _row_of_sector(found: OrgGuess, ev: Evidence) -> OrgGuess | None:
    """A sector spoken for as a whole (the whole city's transport system) whose page's author row
    names the department of that function: that department."""
    if found.rule not in ("org.system", _SECTOR["id"]):
        return None
    body = bodies.classify_body(found.name)
    if body is None:
        m = _SYSTEM.search(bodies.fold(found.name))
        stem = system_stem(m.group("stem")) if m else None
        body = bodies.stem_body(stem) if stem else None
    for name, line in row_authors(ev):
        row = bodies.classify_body(name)
        if body is not None and row is not None and row.id == body.id:
            return OrgGuess(name, line, "org.row.sector")
    return None


def _opening_author(p, report: Report, ev: Evidence, sig) -> OrgGuess | None:
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
    sector = _sector_subject(p.norm_text[:window])
    if sector and (selfref is None or sector[0] <= selfref.start()):
        cands.append((sector[0], "sector", sector[1]))
    elif selfref:
        own = _own_body(p.norm_text, selfref)  # "our town's women's federation": that body
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
    if not cands:  # a sector spoken for as a whole, when no body is named
        system = _system_subject(p.text, p.norm_text[:window])
        sector = None if system else _sector_subject(p.norm_text[:window])
        if system or sector:
            cands.append((system or sector)[:1] + ("system" if system else "sector",) + (system or sector)[1:])
    for _, kind, x in sorted(cands, key=lambda c: c[0]):
        if kind == "subject":
            # "the school" of a report that names its school; "the community" that names its own
            named = named_of_bare_kind(x, report) or local_name(x, report)
            if named:
                return OrgGuess(named, p.line_start, "org.subject.bare_named")
            return OrgGuess(_fuller_from(fuller(x, report), sig), p.line_start, "org.subject.opening")
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


def _own_body(s: str, selfref: re.Match) -> str | None:
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
    for x in bodies.mentions(p.text[m.end("lead"):], bodies.table().end_chars):
        if x.start > 0:
            break
        if not is_self(x.name) and clean_name(x.name) == x.name and is_body(x.name):
            return m.end("lead"), x.name
    return None


def _system_subject(text: str, s: str) -> tuple[int, str] | None:
    """A sector named as the subject (the whole region's water system): offset and name."""
    s = bodies.fold(s)
    for m in _SYSTEM.finditer(s):
        stem = system_stem(m.group("stem"))
        if stem:
            start = m.end("stem") - len(stem)
            if m.group("ranks"):  # "the whole region's water departments at every level"
                start = m.start("ranks")
            scope = _SYSTEM_SCOPE.search(s, max(0, start - _limit("system_scope_chars")), start)
            if scope:
                start = scope.start()
            return start, text[start: m.end()]
    return None


def _sector_subject(s: str) -> tuple[int, str] | None:
    """An opening whose subject is its sector's work in a scope (the whole county's civil
    affairs work): the department of that function in the scope's government."""
    s = bodies.fold(s)
    m = _SECTOR_OPENING.search(s)
    stem = system_stem(m.group("stem")) if m else None
    body = bodies.stem_body(stem) if stem else None
    if body is None:
        return None
    name = m.group("scope") + stem + _SECTOR["organs"][m.group("scope")]
    found = bodies.classify_body(name)
    return (m.start("scope") - 1, name) if found is not None and found.id == body.id else None


def _opening_mention(report: Report) -> OrgGuess | None:
    """The first body the opening names, not as its leader, with a name of its own
    (masked or a place's: orgs.yaml mention_owner_min_chars)."""
    ends = bodies.table().end_chars
    for p in opening(report):
        s = norm(p.text)
        for x in bodies.mentions(p.text, ends):
            owner = x.body.prefix  # a name of its own: masked, or a place's name
            if (re.search(PH, owner) or len(owner) >= _limit("mention_owner_min_chars")) \
                    and not superior(s, x.start, x.end) and not is_self(x.name) \
                    and clean_name(x.name) == x.name and is_body(x.name):
                return OrgGuess(x.name, p.line_start, "org.mention.opening")
    return None


def _frequent_subject(report: Report) -> OrgGuess | None:
    """The body that is the subject of the report's sentences, searched through the whole
    report: named at least twice, or once where it opens a paragraph after a time phrase (a
    title-less opening under the first heading; orgs.yaml body_frame).  Superiors (named as leading the author) are not counted."""
    c: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    opens: set[str] = set()
    for p in report.paragraphs:
        for off, nm in authors(p.text, None, p.norm_text):
            c[nm] += 1
            first_line.setdefault(nm, p.line_start)
            if _BODY_FRAME.search(p.norm_text[:off]):
                opens.add(nm)
    if not c:
        return None
    nm, n = c.most_common(1)[0]
    if n >= _limit("min_subject_hits"):
        return OrgGuess(nm, first_line[nm], "org.subject.frequent")
    opening = [k for k in c if k in opens]
    return OrgGuess(opening[0], first_line[opening[0]], "org.subject.body") if opening else None


def _placed(name: str, report: Report) -> str:
    """A department named without its place (a title's bare bureau) as the report's sentences
    name it with its place, as their subject (the city's bureau): the first such name."""
    m = bodies.classify_body(name)
    if m is None or m.prefix or m.comprehensive or re.search(PH, name):
        return name
    key = bodies.fold(name)
    for p in report.paragraphs:
        for _, nm in authors(p.text, None, p.norm_text):
            if len(nm) > len(name) and bodies.fold(nm).endswith(key) and not is_self(nm):
                return nm
    return name


def _same_body_named(name: str, report: Report, site_words: bool = False) -> str:
    """A department a title names by its place word alone ("the district's health bureau") that
    the report's sentences name as their subject with its place's name before the same words:
    that name, the one used most.  (A short form and a full one are two spellings: the title's
    is kept, as an annotator keeps it -- unless the title is an essay site's words for the piece.)"""
    m = bodies.classify_body(name)
    if m is None or m.comprehensive or len(m.prefix) + bool(m.place) > 1 or re.search(PH, name):
        return name
    if not (m.prefix or m.place or site_words):
        return name
    key = bodies.fold(name)
    c: Counter[str] = Counter(nm for p in report.paragraphs for _, nm in authors(p.text, None, p.norm_text)
                              if len(nm) > len(name) and _same_words(nm, key, m, site_words) and not is_self(nm))
    return c.most_common(1)[0][0] if c else name


def _same_words(name: str, key: str, title: bodies.BodyMatch, site_words: bool = False) -> bool:
    """Does ``name`` end with the title's words, or with the same words in the other order the
    body is also written in (a youth league committee: the district before or after the league
    word)?  A site's title for the piece (``site_words``) is the site's wording: any form of the
    same body of the same place word will do (a short form there, the full one in the text)."""
    folded = bodies.fold(name)
    if folded.endswith(key):
        return True
    m = bodies.classify_body(name)
    if m is None or m.id != title.id or not m.prefix:
        return False
    if site_words:
        word = title.prefix or title.place or ""
        return not word or m.prefix.endswith(word) or m.place == word
    return sorted(folded[len(m.prefix):]) == sorted(key)


def _fuller_from(name: str, sig: tuple[str, int] | None) -> str:
    """A signature that spells out the same body in full (the county's name before it)."""
    if sig and len(sig[0]) > len(name) and bodies.fold(sig[0]).endswith(bodies.fold(name)):
        return sig[0]
    return name


def _is_zone(name: str) -> bool:
    m = bodies.classify_body(name)
    return m is not None and m.id in _ZONE_BODIES


def canonical_org(name: str) -> str:
    """A bare place stands for its government (a town for the town's people's government); a
    zone is its own body (its committee), kept as written."""
    suf = _suffix_of(name)
    info = SUFFIX_INFO.get(suf or "")
    if info and info.get("place") and info.get("body") and name.endswith(suf) and not _is_zone(name):
        if is_self(name):
            name = name[1:]
        return name + info["body"]
    return name


def region_of(org: str | None) -> str | None:
    if not org or re.match(PH, org) or is_self(org):
        return None
    m = _PLACE.match(org)
    if not m:
        return None
    place = m.group(1)
    return place if len(place) >= _limit("region_min_chars") or place.endswith(_REGION_SUFFIXES) else None
