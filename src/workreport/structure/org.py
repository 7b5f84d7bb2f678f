"""Who wrote a report: the author as the report names it, the line that shows it, and the rule.

The order follows how the genre names its author (docs/GENRE.md §3, §10): a government work
report's preamble; the title (titles.py: the report's own, its first line, one fused with a first
line, a CMS title row, the page heading, the file name); the opening's subject, sector, report
formula or self-reference ("our bureau", "our town", "this unit") made into the body of that
kind the rows or the text name; the subject found through the whole report; the CMS author rows;
the signature; the self-reference as written; a body the opening names with a name of its own.
A candidate must name a known kind of body (bodies.py): a phrase that merely ends like one ("…
as the centre") is no author.  The title block's dateline and speaker lines are read by
speech.py, an opening paragraph's subject by opening_subject.py.  Words and patterns: data/orgs.yaml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from .. import rules
from ..model import Report
from ..textnorm import norm
from . import bodies
from .names import PH, OrgGuess, bare_place, clean_name, fuller, short_government, is_body, is_self, place_names, placeless, report_text, superior, system_stem
from .names import _FUNCTION_CHARS
from .opening_subject import fuller_from, opening_author, own_body, system_subject
from .openings import frequent_mention, opening, opening_self, own_place_leader, title_below_opening
from .selfref import GUESSED_KINDS, SELF, TITLED_PLACE, bare_organ, field_department, formal_street, local_name, own_document, resolve_self, title_field_author, unnamed
from .speech import speaker_body, speaker_place, speech_org
from .subjects import SUFFIX_INFO, authors
from .year import is_gov_title
from .titles import Evidence, bare_kind, byline, lone_name, notice_issuer, org_from_title, page_rows, report_titles, row_authors, signature

__all__ = ["OrgGuess", "Evidence", "find_org", "canonical_org", "government_label", "org_suffix", "region_of"]

_TABLE = "orgs"


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def _words(rid: str) -> tuple[str, ...]:
    return rules.words(_TABLE, rid)


def _pattern(rid: str) -> re.Pattern:
    return rules.pattern(_TABLE, rid)


_SUFFIXES_LONGEST_FIRST = sorted(SUFFIX_INFO, key=len, reverse=True)
_PLACE = _pattern("org.name.place")
_REGION_SUFFIXES = _words("org.region_suffixes")
_SYSTEM = _pattern("org.system")
_BODY_FRAME = _pattern("org.subject.body_frame")
_ZONE_BODIES = frozenset(rules.words(_TABLE, "org.zone_bodies", "bodies"))
_GROUP_BODIES = frozenset(rules.words(_TABLE, "org.title.opening_group_body", "bodies"))
_INSTITUTION = rules.entry(_TABLE, "org.title.named_institution")
_INSTITUTION_IDS = frozenset(_INSTITUTION["bodies"])
_INSTITUTION_NAME = rules.compiled(_INSTITUTION["pattern"])
_INSTITUTION_NOT = rules.compiled(_INSTITUTION["not_names"])
_SECTOR = rules.entry(_TABLE, "org.sector")
_MERGED = _pattern("org.merged_second_name")
_SUPERVISED_ENTRY = rules.entry(_TABLE, "org.supervised_government")
_SUPERVISED = rules.compiled(_SUPERVISED_ENTRY["pattern"])
_SUPERVISED_UNLESS = rules.compiled(_SUPERVISED_ENTRY["unless"])
_WHOLE_PLACE = _pattern("org.whole_place")
_SCOPE = _pattern("org.scope")
_ENTRUSTED = rules.entry(_TABLE, "org.entrusted_audit")
_ENTRUSTED_AUDIT = rules.compiled(_ENTRUSTED["pattern"])
_ENTRUSTED_GOV = _pattern("org.entrusted_government")
_GENERIC_OWNER = _pattern("org.title.generic_owner")
_ESSAY_TITLE = "org.title.essay"
_GUIDED = rules.entry(_TABLE, "org.guided_we")
_GUIDED_WE = rules.compiled(_GUIDED["pattern"])
_GUIDE_RANKS: dict[str, int] = _GUIDED["ranks"]
_LEAGUE = rules.entry(_TABLE, "org.league.full_name")
_LEAGUE_FULL = rules.compiled(_LEAGUE["pattern"])
_LEAGUE_NO_OWN_NAME = rules.compiled(_LEAGUE["no_own_name"])
_LEAGUE_BRACKETED = rules.compiled(_LEAGUE["bracketed_place"])
# what a speaker's own body decides over: a sector spoken for, a self-reference, nothing
_SPEAKER_BODY_OVER = frozenset({"org.system", "org.sector", "org.self_reference.bare_organ", "org.none"})


def org_suffix(name: str) -> str | None:
    """The kind word a body's name ends in (bureau, street office, committee ...), longest first; None for no body."""
    for w in _SUFFIXES_LONGEST_FIRST:
        if name.endswith(w):
            return w
    return None


def _title_names_only_place(titles: list[tuple[str, int | None, str]]) -> bool:
    """Does the report's first title name no body, or only a place (its government)?"""
    u = org_from_title(titles[0][0]) if titles else None
    body = bodies.classify_body(canonical_org(u)) if u else None
    return body is None or body.comprehensive


def find_org(report: Report, ev: Evidence = Evidence()) -> OrgGuess:
    """The author as the report names it, the line that shows it, and the rule; a body named by
    its kind and place word alone, as the page names it in full."""
    report = _without_addressee(report)
    guess = _find_org_named(report, ev)
    full = _in_full(guess.name, report, ev) if guess.name else None
    if full:
        return OrgGuess(full, guess.line, guess.rule)
    placed = _year_place(guess.name, report) if guess.name else None
    return OrgGuess(placed[0], placed[1], _YEAR_PLACE["id"]) if placed else guess


_YEAR_PLACE = rules.entry(_TABLE, "org.year_place")
_YEAR_SLOT = rules.pattern(_TABLE, "org.year_place")
_NOT_YEAR_PLACE = frozenset(rules.words(_TABLE, "org.year_place.not_place"))
_ENDS_IN_PLACE_WORD = re.compile(rf"(?:{rules.alternation(rules.words(_TABLE, 'org.place_heads') + rules.words(_TABLE, 'org.short_place_heads'))})$")


def _not_a_place(name: str) -> bool:
    """A body other than a place's own (a company, a school): no jurisdiction's name."""
    m = bodies.classify_body(name)
    return m is not None and not m.comprehensive


def _year_place(name: str, report: Report) -> tuple[str, int] | None:
    """A government, street office or town named without its place (a speech's "the district
    government", "our street office") whose report sums up its year as a stage in one place's
    course (orgs.yaml year_place): that place's body of the same form, and the slot's line.  Only
    the report's own slots count, and only one place: two places in them tell nothing.  A bare
    name takes the body's form whole; a name with a place word must end with the form's own (a
    district government's slot naming a city is a superior's, never taken)."""
    m = bodies.classify_body(name)
    if m is None or not m.comprehensive or not placeless(name) or is_self(name) or re.search(PH, name):
        return None
    found: dict[str, int] = {}
    for p in report.paragraphs:
        s = bodies.fold(p.norm_text)
        for x in _YEAR_SLOT.finditer(s):
            place = p.norm_text[x.start("place"): x.end("place")]
            if bodies.fold(place) in _NOT_YEAR_PLACE or _FUNCTION_CHARS.search(bodies.fold(place)) \
                    or is_self(place) or _not_a_place(place):
                continue
            found.setdefault(place, p.line_start)
    if len(found) != 1:
        return None
    place, line = next(iter(found.items()))
    form = m.form
    k = max((k for k in range(1, len(form)) if place.endswith(form[:k])), default=0)
    if k == 0 and (len(place) > _limit("year_place_bare_max") or _ENDS_IN_PLACE_WORD.search(place)):
        return None  # a long bare slot holds more than a name; a place of another word is not this body's
    full = place + form[k:]
    x = bodies.classify_body(full)
    if x is None or x.id != m.id or placeless(full) or not is_body(full):
        return None
    return full, line


_ADDRESSEE_NAME = rules.pattern("furniture", "furniture.signature_name")


def _without_addressee(report: Report) -> Report:
    """The report without its addressee line (a body's name and a colon, alone on the first line
    of a report sent up to that body): the body it is sent to is its reader, never its author."""
    ps = report.paragraphs
    t = re.sub(r"\s+", "", norm(ps[0].text)) if len(ps) > 1 else ""
    if t[-1:] in (":", "\uff1a") and _ADDRESSEE_NAME.match(bodies.fold(t[:-1])):
        return replace(report, paragraphs=ps[1:])
    return report


_PLACE_CHARS = frozenset(_words("org.place_heads")) | frozenset(_words("org.short_place_heads"))
_PEOPLES = _words("org.in_full_peoples")
_NOT_OWNER = _pattern("org.in_full_not_owner")
_RUN_ON = re.compile(r"\w")  # a letter, digit or ideograph: the name runs on from a word before it
_LEAD_MAX = 4  # characters of a function word before a name ("hereby"), looked back over


def _generic(m: bodies.BodyMatch) -> str | None:
    """The place word of a body named by its kind and place word alone (the town government, the
    county's procuratorate, a bare government), "" for none; None for a name of its own."""
    if m.prefix == "":
        return m.place or ""
    return m.prefix if m.prefix in _PLACE_CHARS else None


def _same_organ(generic: bodies.BodyMatch, other: bodies.BodyMatch) -> bool:
    """Is ``other`` the same organ as a generic name: the same organ word, spelt with or without
    "the people's" (district government), in a short or a full form (the medical security
    bureau, short), or its bare place, which stands for its government (a town for the town
    government)?  A town's party committee is not its government."""
    def key(b: bodies.BodyMatch) -> str:
        f = bodies.fold(b.organ or b.form)
        for w in _PEOPLES:
            f = f.replace(w, "")
        return f
    return key(other) == key(generic) or bool(other.place) and other.form == other.place


def _in_full(name: str, report: Report, ev: Evidence) -> str | None:
    """A body named by its kind and place word alone (a speech's "I report for the county
    procuratorate", a title's "town government", a bare "government") that the page names in
    full elsewhere: the same organ of the same place word with its place's own name (orgs.yaml
    in_full).  The page's head (title lines, author rows, a name line, the signature) first; else
    the name the report's sentences use most, not as a superior.  (names.fuller gives a place word
    its place inside the rules that read a name from the text; it differs in one point: it takes a
    placeholder place right before the name even run on from a word before it, which this, counting
    only names that stand alone, does not.)"""
    if is_self(name) or re.search(PH, name):
        return None
    m = bodies.classify_body(name)
    word = _generic(m) if m is not None else None
    if word is None:
        return None

    def fits(cand: str, own_line: bool = False) -> bool:
        x = bodies.classify_body(cand)
        if x is None or x.id != m.id or _generic(x) is not None \
                or not is_body(cand) or clean_name(cand) != cand or is_self(cand) or _NOT_OWNER.search(x.prefix):
            return False
        own_word = x.place or (x.prefix[-1:] if x.prefix[-1:] in _PLACE_CHARS else "")
        # a one-character place name only on a line of its own (a page counter's last character
        # fused with a title is no county)
        short = not re.search(PH, x.prefix) and len(x.prefix) - (x.prefix[-1:] == own_word) < _limit("in_full_min_chars")
        # (a generic compound at the seam, "villages and towns", is no place's name)
        seam = is_body(x.prefix[-1:] + m.form) if x.prefix and word else True
        return (not word or own_word == word) and _same_organ(m, x) and (own_line or not short) and seam

    ev = page_rows(report, ev)
    head = [(org_from_title(t), False) for t, _, _ in report_titles(report, ev)]
    head += [(n, True) for n, _ in row_authors(ev)]
    lone, sig = lone_name(report), signature(report)
    head += [(x[0], True) for x in (lone, sig) if x]
    for cand, own_line in head:
        if cand and fits(cand.strip(), own_line):
            return _official(cand.strip(), m.form)
    if not word:  # a bare government: only a name the page's head gives
        return None
    c: Counter[str] = Counter()
    ends = bodies.table().end_chars
    for p in report.paragraphs:
        s = norm(p.text)
        for x in bodies.mentions(p.text, ends):
            nm = clean_name(x.name)  # the words a mention took in before the name ("we hereby")
            # a name standing on its own: after a stop or the words it lost, not run on from a
            # word before it ("transferred to" + the district bureau is no place)
            alone = nm != x.name or x.start == 0 or not _RUN_ON.match(s[x.start - 1]) \
                or any(clean_name(s[x.start - k: x.start] + nm) == nm for k in range(1, min(x.start, _LEAD_MAX) + 1))
            if nm and alone and x.name.endswith(nm) and fits(nm) and not superior(s, x.end - len(nm), x.end):
                c[nm] += 1
    if not c and m.form.startswith(word):  # a place name the text repeats before the organ
        text = report_text(report)
        # each distinct form once, in a fixed order (a set's order changes with the process, and
        # the Counter's order breaks most_common's ties)
        for form in dict.fromkeys([m.form, *(m.form.replace(w, "") for w in _PEOPLES)]):
            for sub, n in place_names(form, word, text).items():
                if fits(sub + form):
                    c[sub + form] += n
    return _official(c.most_common(1)[0][0], m.form) if c else None


def _official(name: str, form: str) -> str:
    """The full name with the organ's official form where the generic name wrote it and the
    full one left it out (the city government, the city people's government)."""
    x = bodies.classify_body(name)
    if x is not None and x.form != x.place and len(form) > len(x.form) and x.form != form:
        return name[: len(name) - len(x.form)] + form
    return name


def _find_org_named(report: Report, ev: Evidence) -> OrgGuess:
    guess = _find_org(report, ev)
    if unnamed(guess.name):  # no name of its own: a street office's formal name, the issuer of a document it drew up
        guess = formal_street(guess.name, report, page_rows(report, ev)) or own_document(guess.name, report) or guess
    first = _first_of_merged(guess.name) if guess.name else None
    if first:
        guess = OrgGuess(first, guess.line, guess.rule)
    full = _league_full(guess.name, report) if guess.name else None
    if full:
        return OrgGuess(full, guess.line, guess.rule)
    if guess.rule in _SPEAKER_BODY_OVER:
        return speaker_body(report) or guess
    return speaker_place(guess, report) or guess


def _league_full(name: str, report: Report) -> str | None:
    """A youth league committee named by its place word alone (the district's league committee,
    short or with a bracketed place) in a text that gives the full name of a committee of that
    place word (orgs.yaml league_full), not as a superior: that name, the most used, the first on a tie."""
    m = bodies.classify_body(name)
    if m is None or m.id != _LEAGUE["body"] or not _LEAGUE_NO_OWN_NAME.match(m.prefix):
        return None
    bracketed = _LEAGUE_BRACKETED.search(name)
    place = m.place or (bracketed.group("place") if bracketed else None) or m.prefix[-1:]
    if not place:
        return None
    c: Counter[str] = Counter()
    for p in report.paragraphs:
        s = bodies.fold(p.norm_text)
        for x in _LEAGUE_FULL.finditer(s):
            if x.group("place") == place and not superior(s, x.start(), x.end()):
                # written in full: as written; else (its term, or the short league word) in full
                full = x.group("lead") and x.group("tail")
                c[p.text[x.start(): x.end()] if full else _LEAGUE["full_word"] + x.group("name") + _LEAGUE["committee"]] += 1
    return c.most_common(1)[0][0] if c else None


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


_PUBLISHER = rules.entry(_TABLE, "org.title.publisher_department")
_NOT_PUBLISHER = frozenset(_PUBLISHER["bodies"])
_PUBLISHER_GOV = rules.entry(_TABLE, "org.title.publisher_government")


def _publisher_department(place: str, title: str, ev: Evidence) -> OrgGuess | None:
    """A title naming only a place (and its field of work) on a page whose publisher row names
    one of that place's departments (orgs.yaml publisher_department): that department, as the
    row writes it.  The row's body must be the same place's (its full place, or its place word
    alone); a government's own report, its general office or a media centre is no such case."""
    if is_gov_title(title):
        return None
    for name, line in row_authors(ev):
        b = bodies.classify_body(bodies.fold(name))
        if b is None or b.comprehensive or b.id in _NOT_PUBLISHER or is_self(name):
            continue
        own = b.prefix or b.place or ""
        if own and (own == place or own == place[-1:]):
            return OrgGuess(name, line, _PUBLISHER["id"])
    return None


def _publisher_government(u: str, ev: Evidence) -> OrgGuess | None:
    """A title naming a government of no place at all (the town's own "government work report"
    on its portal) over a publisher row naming one comprehensive body of a named place: that
    body, as the row writes it.  A portal files each document under the body that issued it, and
    a placeless government can be no other's.  (Round 24: a town's report came out as the bare
    organ word, its domain as a county's.)"""
    b = bodies.classify_body(bodies.fold(u))
    if b is None or b.id not in _PUBLISHER_GOV["bodies"] or b.prefix or b.place:
        return None
    found = {}
    for name, line in row_authors(ev):
        r = bodies.classify_body(bodies.fold(name))
        if r is not None and r.comprehensive and (r.prefix or r.place) and not is_self(name):
            found.setdefault(name, line)
    if len(found) != 1:
        return None
    (name, line), = found.items()
    return OrgGuess(name, line, _PUBLISHER_GOV["id"])


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


def _find_org(report: Report, ev: Evidence) -> OrgGuess:
    ev = page_rows(report, ev)
    titles = report_titles(report, ev)
    if title_below_opening(report):  # a following report's title, in a report that ran on
        titles = [t for t in titles if t[2] != "org.title"]
    speech = speech_org(report, titles, _title_names_only_place(titles))
    if speech:
        return speech
    sig = signature(report)
    issuer = notice_issuer(report)
    for title, line, rule in titles:
        u = org_from_title(title)
        if issuer and (u is None or canonical_org(u) != u):  # a document issued by a notice: its issuer's
            return OrgGuess(issuer[0], issuer[1], "org.notice_issuer")
        group = _opening_group_body(u, line, report, ev, sig, title) if u else None
        if group:
            return group
        named = _named_institution(u, line, report) if u else None
        if named:
            return OrgGuess(named, line, _INSTITUTION["id"])
        by = byline(report, line)
        if by and (u is None or canonical_org(u) != u):  # the title names only a place, or nobody
            return OrgGuess(by[0], by[1], "org.byline")
        # a template's stand-in place ("some county") the text names: that place, before its field
        generic = _named_of_generic(u, report) if u else None
        if u and canonical_org(u) != u and not generic:
            dept = field_department(u, title, report)
            if dept:
                return OrgGuess(dept, line, "org.title.field_department")
            published = _publisher_department(u, title, ev)
            if published:
                return published
        published = _publisher_government(u, ev) if u else None
        if published:
            return published
        if u:
            # a bare "street office": the one the text names; a bare or stand-in government: the
            # place of its kind the sentences name as their subject
            local = local_name(u, report)
            generic = None if local else generic
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
            return OrgGuess(local or fuller_from(same, sig), line, rule)
    if issuer:
        return OrgGuess(issuer[0], issuer[1], "org.notice_issuer")
    lone = lone_name(report)  # the author's name alone over a title-less text
    if lone:
        return OrgGuess(lone[0], lone[1], "org.lone_name")
    audit = _entrusted_audit(report) or _entrusted_government(report)
    if audit:
        return audit
    for p in opening(report):
        found = opening_author(p, report, ev, sig)
        if found:
            return _row_of_sector(found, ev) or _row_of_kind(found, ev) or _place_body(found, report) or found
    frequent = _frequent_subject(report)
    if frequent and frequent.rule != "org.subject.frequent":  # named once, further in
        own = own_place_leader(report) or opening_self(report, frequent.name, ev, sig)
        if own:
            return own
    if frequent:
        return OrgGuess(fuller_from(fuller(frequent.name, report), sig), frequent.line, frequent.rule)
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
    guided = _guided_we(report)
    if guided:
        return guided
    for p in report.paragraphs:
        m = SELF.search(p.norm_text)
        if m:
            # "our city" in a body's text is where the body is, not who writes: a body the opening
            # names with a name of its own before it (a city's academy, a county's college) is the author
            named = _opening_mention(report) if m.group(1) in TITLED_PLACE else None
            body = bodies.classify_body(named.name) if named else None
            if body is not None and not body.comprehensive and _named_before(named, p, m):
                return named
            own = own_body(p.norm_text, m)
            return OrgGuess(own, p.line_start, "org.self_reference.own_body") if own else \
                resolve_self(m, report, ev, p.line_start, sig)
    thanks = _thanks_speaker(report)
    if thanks:
        return thanks
    place = _place_spoken_for(report)
    if place:
        return place
    named = _opening_mention(report)
    if named:
        return named
    for p in opening(report):  # a sector spoken for as a whole, further into a long opening
        system = system_subject(p.text, p.norm_text)
        if system:
            return bare_organ(report) or OrgGuess(system[1], p.line_start, "org.system")
    mentioned = frequent_mention(report)
    if mentioned:
        return mentioned
    return bare_organ(report) or OrgGuess(None, None, "org.none")


_THANKS = rules.entry(_TABLE, "org.thanks_speaker")


def _named_before(named: OrgGuess, p, m: re.Match) -> bool:
    """Is a body named before the self-reference ``m`` of paragraph ``p`` (an earlier line, or
    earlier in the same line)?"""
    if named.line is None or named.line < p.line_start:
        return named.line is not None
    return named.line == p.line_start and 0 <= p.norm_text.find(named.name) < m.start()


def _thanks_speaker(report: Report) -> OrgGuess | None:
    """The government a work report's head thanks the people on behalf of, anywhere in its text
    (orgs.yaml thanks_speaker): an excerpt cut from the middle of the report names its author there."""
    pat = rules.compiled(_THANKS["pattern"])
    for p in report.paragraphs:
        m = pat.search(bodies.fold(p.norm_text))
        if m:
            name = p.norm_text[m.start("body"): m.end("body")]
            return OrgGuess(_THANKS["national"] if _THANKS["national"] in name else name, p.line_start, _THANKS["id"])
    return None


def _guided_we(report: Report) -> OrgGuess | None:
    """An opening that says "we" after naming its place's party committee and government as
    leading it and one line department of a higher place as guiding it (orgs.yaml guided_we):
    that line's department in the leaders' place (the county's justice bureau)."""
    for p in opening(report)[:1]:
        m = _GUIDED_WE.search(bodies.fold(p.norm_text))
        if m is None:
            continue
        guide = bodies.classify_body(m.group("guide"))
        if guide is None or guide.comprehensive or not guide.organ or not guide.form.endswith(guide.organ):
            return None
        place = _PLACE.match(m.group("guide"))
        above = (place.group(1) if place else guide.prefix)[-1:]  # the guide's place word
        if _GUIDE_RANKS.get(above, len(_GUIDE_RANKS)) >= _GUIDE_RANKS[m.group("scope")]:
            return None  # no higher place's department: not the line's superior
        stem = guide.form[: len(guide.form) - len(guide.organ)]
        scope = m.group("scope")
        name = scope + stem + _SECTOR["organs"].get(scope, _SECTOR["organs"][""])
        found = bodies.classify_body(name)
        if found is not None and found.id == guide.id:
            return OrgGuess(name, p.line_start, _GUIDED["id"])
    return None


def _runs_on_after(title: str | None, p) -> bool:
    """Is ``p`` a title fused with the opening that follows it on one line (a document site's
    text run together): the title, then at least a sentence's worth of text?"""
    if not title:
        return False
    i = p.norm_text.find(norm(title))
    return i >= 0 and len(p.norm_text) - i - len(title) >= _limit("title_line_max_chars")


def _opening_group_body(name: str, line: int | None, report: Report, ev: Evidence, sig,
                        name_title: str | None = None) -> OrgGuess | None:
    """A title that names only a place (its government stands in: a town's league-building
    report) over an opening whose subject is one of that place's mass organisations or party
    organs (orgs.yaml opening_group_body): that body, as the opening names it.  A government's own
    report never opens with one of them as its subject."""
    gov = canonical_org(name)
    kind = bodies.classify_body(gov) if gov != name else None
    word = org_suffix(name)
    if kind is None or not kind.comprehensive or not word:
        return None
    for p in opening(report):
        # (the title line itself is no opening, unless the opening runs on after the title there)
        after_title = line is None or p.line_start > line or _runs_on_after(name_title, p)
        found = opening_author(p, report, ev, sig) if after_title else None
        if not (found and found.name):
            continue
        m = bodies.classify_body(found.name)
        # the opening's first subject decides; it must belong to the title's kind of place
        # (a party organ's owner is the place's party committee: the county committee's united front department)
        owner = bodies.classify_body(m.prefix) if m is not None and m.prefix else None
        same_place = m is not None and (bodies.fold(m.prefix).endswith(word) or m.place == word
                                        or (owner is not None and owner.comprehensive and owner.place == word))
        return found if same_place and m.id in _GROUP_BODIES else None
    return None


@lru_cache(maxsize=None)
def _forms_of(ids: frozenset) -> re.Pattern:
    generic = set(_INSTITUTION["generic_forms"])
    return rules.compiled(rules.alternation([f for f in bodies.forms_of(ids) if f not in generic]))


def institution_names(text: str, ids) -> list[str]:
    """Bodies of the kinds ``ids`` (schools, hospitals, companies) that ``text`` writes with a
    name of their own before the kind's form (orgs.yaml named_institution), in text order."""
    ids = frozenset(ids)
    text = bodies.fold(norm(text))
    out: list[str] = []
    for f in _forms_of(ids).finditer(text):
        # a bounded look back from the form to a boundary: the name holds none
        m = _INSTITUTION_NAME.search(text, max(0, f.start() - _limit("institution_name_window")), f.start())
        if m is None or _INSTITUTION_NOT.match(m.group("name")):
            continue
        body = bodies.classify_body(m.group("name") + f.group())
        if body is not None and body.id in ids and body.prefix:
            out.append(m.group("name") + f.group())
    return out


def _named_institution(name: str, line: int | None, report: Report) -> str | None:
    """A title naming a school, hospital or company by its kind alone (orgs.yaml
    named_institution): the name of that kind its text uses most, after the title.  A template's
    stand-in before the kind ("some school") goes with the text's masked name of it only."""
    kind = bodies.classify_body(name)
    if kind is None or kind.id not in _INSTITUTION_IDS:
        return None
    own = bodies.classify_body(kind.prefix) if kind.prefix else None
    stand_in = bool(kind.prefix) and re.fullmatch(PH, kind.prefix) is not None  # "some school"
    if kind.prefix and not stand_in and (own is None or own.id != kind.id or own.prefix):  # the title names its own
        return None
    c: Counter[str] = Counter()
    for p in report.paragraphs:
        if line is None or p.line_start > line:
            c.update(n for n in institution_names(p.text, {kind.id}) if not stand_in or re.match(PH, n))
    return c.most_common(1)[0][0] if c else None


def _named_of_generic(name: str, report: Report) -> str | None:
    """A title's author that names only a kind of government (the town's government, a stand-in
    county: orgs.yaml generic_owner): the place of that kind, with a name of its own, that the
    report's sentences name as their subject most often.  A bare "government" takes a place
    whose scope the text speaks of ("the whole township")."""
    if not _GENERIC_OWNER.search(bodies.fold(norm(name))):
        return None
    kind = bodies.classify_body(name)
    # "township or town" (a template's word for both kinds) stands for either place word
    places = {kind.place, *kind.prefix} if kind is not None and kind.place else set()
    text = bodies.fold(norm("".join(p.text for p in report.paragraphs)))
    c: Counter[str] = Counter()
    for p in report.paragraphs:
        for _, nm in authors(p.text, None, p.norm_text):
            m = bodies.classify_body(nm)
            # a masked name (XX town) is the author's own only when the title tells its kind
            if m is None or not m.comprehensive or not m.place or (re.search(PH, m.prefix) and not places) \
                    or len(m.prefix) < _limit("generic_owner_min_chars"):
                continue
            if m.place in places or (not places and any(s.group(1) == m.place for s in _SCOPE.finditer(text))):
                c[nm] += 1
    return c.most_common(1)[0][0] if c else None


def _essay_sector(name: str, report: Report) -> OrgGuess | None:
    """An essay site's title names a line department while the opening's subject is that line's
    sector as a whole ("the whole city's civil affairs system"): the sector, as the text writes it."""
    body = bodies.classify_body(name)
    if body is None or body.comprehensive:
        return None
    for p in opening(report)[:1]:
        system = system_subject(p.text, p.norm_text[:_limit("subject_window")])
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
        found = opening_author(p, report, ev, sig)
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


def _row_of_kind(found: OrgGuess, ev: Evidence) -> OrgGuess | None:
    """An opening whose subject is a body named by its bare kind (the street office, the health
    bureau: no name or place of its own) on a page whose author row names a body of that kind
    with its name: that body, as for a self-reference ("our bureau") on such a page."""
    if found.rule != "org.subject.opening" or not found.name:
        return None
    body = bodies.classify_body(found.name)
    if body is None or body.prefix:
        return None
    for name, line in row_authors(ev):
        row = bodies.classify_body(name)
        if row is not None and row.id == body.id and row.prefix and not re.search(PH, row.prefix):
            return OrgGuess(name, line, "org.row.kind")
    return None


def _opening_mention(report: Report) -> OrgGuess | None:
    """The first body the opening names, not as its leader, with a name of its own
    (masked or a place's: orgs.yaml mention_owner_min_chars)."""
    ends = bodies.table().end_chars
    for p in opening(report):
        s = norm(p.text)
        for x in bodies.mentions(p.text, ends):
            owner = x.body.prefix  # a name of its own: masked, or a place's name
            if (re.search(PH, owner) or len(owner) >= _limit("mention_owner_min_chars")) \
                    and _named_owner(x.body) and not superior(s, x.start, x.end) and not is_self(x.name) \
                    and clean_name(x.name) == x.name and is_body(x.name):
                return OrgGuess(x.name, p.line_start, "org.mention.opening")
    return None


def _named_owner(body: bodies.BodyMatch) -> bool:
    """Is a mention's owner part a place's name, its own place word included (a bare place's
    word is its form), and not a phrase that merely holds place words (rural areas; province
    and city)?"""
    own = body.prefix + (body.form if body.place and body.form == body.place else "")
    return bodies.table().named_owner(bodies.fold(own))


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
    name it with its place, as their subject (the city's bureau): the first such name.  When
    the sentences spell the body another way (a short form), the title's spelling is kept and
    takes their place: the owner part they give, before the title's name."""
    m = bodies.classify_body(name)
    if m is None or m.prefix or m.comprehensive or re.search(PH, name):
        return name
    key = bodies.fold(name)
    other = None  # the same body with its place, spelt another way (the city's forestry bureau, short)
    for p in report.paragraphs:
        for _, nm in authors(p.text, None, p.norm_text):
            if len(nm) > len(name) and bodies.fold(nm).endswith(key) and not is_self(nm):
                return nm
            x = bodies.classify_body(nm) if other is None and not is_self(nm) else None
            # (the same organ, its short form keeping its first character (federation, fed.): a
            # bureau's short name, not an office of that line it houses)
            if x is not None and x.id == m.id and (x.organ or "")[:1] == (m.organ or "")[:1] and x.prefix \
                    and not re.search(PH, nm) \
                    and not superior(p.norm_text, *_span(p.norm_text, nm)):
                # (a place word inside the form, as the league's, belongs to that spelling alone)
                spelt = not (x.place or m.place) and bodies.fold(nm).endswith(x.form)
                other = nm[: len(nm) - len(x.form)] + name if spelt else nm
    return other or name


def _span(s: str, name: str) -> tuple[int, int]:
    i = s.find(name)
    return (i, i + len(name)) if i >= 0 else (0, 0)


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


def _first_of_merged(name: str) -> str | None:
    """Two merged offices named as one, the second in brackets after the first (orgs.yaml
    merged_second_name): the first, completed with its organ word when it left that out."""
    m = _MERGED.match(norm(name))
    if m is None:
        return None
    first = m.group("first")
    place = _PLACE.match(first)  # the organ word a department of that place's kind takes
    organ = _SECTOR["organs"].get(place.group(1)[-1:] if place else "", _SECTOR["organs"][""])
    for cand in (first, first + organ):
        body = bodies.classify_body(cand)
        if body is not None and not body.comprehensive and is_body(cand):
            return cand
    return None


def _is_zone(name: str) -> bool:
    m = bodies.classify_body(name)
    return m is not None and m.id in _ZONE_BODIES


def canonical_org(name: str) -> str:
    """A bare place stands for its government (a town for the town's people's government); a
    zone is its own body (its committee), kept as written."""
    suf = org_suffix(name)
    info = SUFFIX_INFO.get(suf or "")
    if info and info.get("place") and info.get("body") and name.endswith(suf) and not _is_zone(name):
        if is_self(name):
            name = name[1:]
        return name + info["body"]
    return name


def government_label(name: str) -> str:
    """A government named short (a place and "government") is its place's government: a town by its
    name, a county or higher by its full name; any other name as it is (round 22: one body, one
    label, as a comparison lists it and as readers name it)."""
    place = short_government(name)
    if place is None or canonical_org(place) == place:
        return name
    return place if bare_place(place) else canonical_org(place)


def region_of(org: str | None) -> str | None:
    if not org or re.match(PH, org) or is_self(org):
        return None
    m = _PLACE.match(org)
    if not m:
        return None
    place = m.group(1)
    return place if len(place) >= _limit("region_min_chars") or place.endswith(_REGION_SUFFIXES) else None
