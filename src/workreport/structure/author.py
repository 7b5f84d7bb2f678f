"""A report's author, level, domain and year, with the rule behind each (CONTRACT.md).

The author is found by org.py.  Its kind of body (bodies.py over bodies.yaml) gives the domain:
a department reports on its function whatever words its text repeats; only comprehensive bodies
(a street office, a township, a farm, a zone) are read from their text, and a government or a
government work report is always on government work (orgs.yaml domain_fixed).  The level is that
of the government the body belongs to (levels.yaml); a name that cannot tell (a bureau named
without its place, "our bureau") takes the government its leadership phrase names or the scope
its text speaks of ("the whole district", "our county"), and a city's body the text's cues (a
municipality, a prefecture, a county-level city).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .. import rules
from ..model import Paragraph, Report
from ..textnorm import norm
from . import bodies, city_text, cues
from .names import PH, as_written, clean_name, is_self, superior, system_stem
from .org import OrgGuess, canonical_org, find_org, government_label, region_of
from .selfref import department_kind, field_department_of, kind_field_department
from .titles import Evidence, report_titles
from .year import is_gov_title, report_year

_TABLE = "orgs"
_T = rules.load(_TABLE)
_DOMAINS = [(e["id"], e["label"], rules.compiled(e["text"]), int(e["min_hits"])) for e in _T["domains"]]
# fields that are a part of every comprehensive body's report, its focus only when it names them
_COUNTY_CITY = "county_district"  # the level of a county-level city's bodies (CONTRACT.md)
_NOT_FOCUS = frozenset(e["label"] for e in _T["domains"] if e.get("not_focus_of_comprehensive"))
_FIXED = frozenset(rules.words(_TABLE, "org.domain.fixed", "bodies"))
_FROM_TEXT = frozenset(rules.words(_TABLE, "org.domain.from_text", "bodies"))
_OWN_LABEL = frozenset(rules.words(_TABLE, "org.domain.own_label", "bodies"))
_SCOPE = rules.pattern(_TABLE, "org.scope")
_SCOPE_LEVEL: dict[str, str] = _T["scope_levels"]
_PREFECTURE_SCOPES = frozenset(_T["prefecture_scopes"])
_SCOPE_PEOPLE = rules.pattern(_TABLE, "org.scope.own_people")
_SCOPE_OWN = rules.pattern(_TABLE, "org.scope.own_place")
_REGION_SCOPE = rules.entry(_TABLE, "org.scope.autonomous_region")
_STATE_FARM = "level.place.state_farm"
_FARM_DISTRICT = rules.entry("levels", "level.farm.administers")
_FARM_DISTRICT_CUE = rules.compiled(_FARM_DISTRICT["pattern"])
_REGION_CUE = rules.compiled(_REGION_SCOPE["pattern"])
_REGION_UNLESS = rules.compiled(_REGION_SCOPE["unless"])
_LEADERSHIP = rules.pattern(_TABLE, "org.scope.leadership")
_LEADERSHIP_NEXT = rules.pattern(_TABLE, "org.scope.leadership_next")
_NAMED_GOV = rules.pattern(_TABLE, "org.scope.named_government")
_UNPLACED_DEFAULT = rules.entry(_TABLE, "org.level.unplaced_default")
_SECTOR_RULE = rules.entry(_TABLE, "org.sector")["id"]
_SECTOR_ORGANS: dict[str, str] = rules.entry(_TABLE, "org.sector")["organs"]
_LEVEL_ORDER = ("township_street", "county_district", "city", "province")
_PLACE_ONLY = "org.self_reference.titled_place"
_SYSTEM = rules.pattern(_TABLE, "org.system")
_SYSTEM_PLACE = rules.pattern(_TABLE, "org.system", "place")
_DEPARTMENT_STEMS: dict[str, str] = rules.entry(_TABLE, "org.system")["department_stems"]
_GOV_DOMAIN = rules.entry(_TABLE, "org.domain.fixed")["label"]
_PH = rules.compiled(rules.piece("placeholder"))
_TOPIC = rules.pattern(_TABLE, "org.domain.topic")
_OWN_WORK = rules.pattern(_TABLE, "org.domain.own_work")
_TITLE_FIELD = rules.pattern(_TABLE, "org.self_reference.title_field")
_SHORT_FORMS = [(rules.compiled(e["pattern"]), e["short"]) for e in _T["short_forms"]]
_COMPILATION_NAME = rules.pattern(_TABLE, "org.file_compilation")
_ESSAY_TITLE_RULE = "org.title.essay"
_ORGAN_SPEECH = "org.speech.organ"
# a head's report to a school's or company's staff congress: dated like a government's, on its body's own line
_STAFF_SPEECH = "org.speech.staff_congress"
_SPEAKER_LINE = "org.speech.speaker_line"  # a department's report to the congress: dated like the government's
_BARE_ORGAN = "org.self_reference.bare_organ"
_FIELD_AUTHOR = rules.entry("orgs", "org.field_author")
_FIELD_ORGANS: dict[str, str] = _FIELD_AUTHOR["organs"]
_DELEGATES = "org.speech.on_behalf_delegates"
_PLACE_LINE = rules.entry(_TABLE, "org.place.line_department")
_PLACE_RULES = frozenset(_PLACE_LINE["rules"])
_UNCOUNTED = frozenset(_PLACE_LINE["uncounted"])


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def names_compilation(file_name: str) -> bool:
    """Does a file's name name a compilation of several reports, not one report?"""
    return bool(_COMPILATION_NAME.search(norm(file_name)))


def _text(report: Report) -> str:
    return "".join(p.text for p in report.paragraphs)


def scope_level(text: str) -> tuple[str | None, str]:
    """The level of the scope a report speaks of ("the whole district", "our county"), when it
    recurs; "the whole region" in a text that follows its autonomous region's party committee is
    the autonomous region's (orgs.yaml scope_region)."""
    # its own people as a whole ("the whole county, top to bottom"): the lowest such scope decides
    people = {_SCOPE_LEVEL.get(m.group("scope")) for m in _SCOPE_PEOPLE.finditer(text)} - {None}
    if people:
        return min(people, key=_LEVEL_ORDER.index), "level.scope.own_people"
    # "our county" names its own place; a higher "whole city" may be where it is ranked (orgs.yaml
    # scope_own): the lowest place it calls its own decides
    own = {m.group("scope"): _SCOPE_LEVEL[m.group("scope")] for m in _SCOPE_OWN.finditer(text)
           if m.group("scope") in _SCOPE_LEVEL}
    if own:  # (the rule ends with the scope word, as the count's does: the caller reads it)
        word = min(own, key=lambda w: _LEVEL_ORDER.index(own[w]))
        return own[word], f"level.scope.own_place.{word}"
    c = Counter(m.group(1) for m in _SCOPE.finditer(text))
    if not c:
        return None, "level.none"
    scope, n = c.most_common(1)[0]
    # one mention decides only when no other scope is named
    if n < _limit("scope_min_hits") and len(c) > 1:
        return None, "level.none"
    if (scope in _REGION_SCOPE["scopes"] and len(_REGION_CUE.findall(text)) >= _limit("region_cue_min")
            and not _REGION_UNLESS.search(text)):
        return _REGION_SCOPE["level"], _REGION_SCOPE["id"]
    return _SCOPE_LEVEL.get(scope), f"level.scope.{scope}"


def _unplaced_level(org: str | None, guess: OrgGuess, text: str) -> tuple[str | None, str]:
    """A name without a place (a bare bureau, "our bureau"): a department belongs to the
    government its leadership phrase names (orgs.yaml leadership); else the scope its text
    speaks of."""
    body = bodies.classify_body(org) if org else None
    dept = body is None or (not body.comprehensive and body.level is None)
    lead = _LEADERSHIP.search(text[: _limit("leadership_window")]) if dept and guess.rule != "org.system" else None
    if lead and lead.group("scope") in _SCOPE_LEVEL:
        level, rule = _leaders_level(text, lead), "level.leadership"
    else:
        level, rule = scope_level(text)
    scope = lead.group("scope") if lead else rule.rpartition(".")[2]
    if level == "city" and scope not in _PREFECTURE_SCOPES and city_text.city_level_from_text(text) == _COUNTY_CITY:
        return _COUNTY_CITY, "level.city.text"  # "our city" that is a county-level city
    if lead and lead.group("scope") in _SCOPE_LEVEL:
        return level, rule
    if level is None and dept and org:
        # a department that names neither its place nor its scope: the places it directs
        # (counties and districts: a city's; only towns and streets: a county's)
        level = city_text.city_level_from_text(text)
        rule = "level.text_cues" if level else rule
    if level is None and dept and org:
        level = _named_government_level(text)
        rule = "level.named_government" if level else rule
    if level is None and body is not None and not body.comprehensive and body.level is None:
        level, rule = _UNPLACED_DEFAULT["level"], _UNPLACED_DEFAULT["id"]
    return level, rule


def _leaders_level(text: str, lead) -> str:
    """The lowest level among the leaders a leadership phrase lists, highest first (the
    province's committee and government, then the city's: the author is the city's)."""
    levels, pos = [_SCOPE_LEVEL[lead.group("scope")]], lead.end()
    while (m := _LEADERSHIP_NEXT.match(text, pos)) is not None:
        levels.append(_SCOPE_LEVEL.get(m.group("scope"), levels[-1]))
        pos = m.end()
    return min(levels, key=lambda lv: _LEVEL_ORDER.index(lv) if lv in _LEVEL_ORDER else len(_LEVEL_ORDER))


def _named_government_level(text: str) -> str | None:
    """The lowest government a department names by its place word alone (orgs.yaml
    named_government): the one it answers to."""
    levels = {_SCOPE_LEVEL.get(m.group("scope")) for m in _NAMED_GOV.finditer(text)} - {None}
    return min(levels, key=_LEVEL_ORDER.index) if levels else None


def _system_level(org: str, text: str) -> tuple[str | None, str] | None:
    """A sector spoken for with its scope ("the whole city's health system"): the scope's level;
    "the whole region" is an autonomous region's when the text follows that region's party
    committee or government (orgs.yaml scope_region), else a district's."""
    m = _SYSTEM.search(bodies.fold(org))
    scope = m.group("scope") if m else None
    if scope not in _SCOPE_LEVEL:
        return None
    if scope in _REGION_SCOPE["scopes"] and _REGION_CUE.search(text) and not _REGION_UNLESS.search(text):
        return _REGION_SCOPE["level"], _REGION_SCOPE["id"]
    return _SCOPE_LEVEL[scope], f"level.system.{scope}"


def _owner_part(m: bodies.BodyMatch) -> str:
    """The owner part of a body's name with its city word: a government's form begins with the
    place word it belongs to (a named city + the city's people's government), which the owner
    part then lacks."""
    return m.prefix + m.place if m.place and m.form.startswith(m.place) else m.prefix


def level_of(org: str | None, guess: OrgGuess, text: str) -> tuple[str | None, str]:
    """The level of the government ``org`` belongs to, and the rule."""
    if org and guess.rule == "org.system":
        by_scope = _system_level(org, text)
        if by_scope:
            return by_scope
    if org and guess.rule == _SECTOR_RULE and org[:1] in _REGION_SCOPE["scopes"] \
            and _REGION_CUE.search(text) and not _REGION_UNLESS.search(text):
        return _REGION_SCOPE["level"], _REGION_SCOPE["id"]  # the whole autonomous region's line of work
    lv = bodies.level_of(org) if org and guess.rule != "org.system" else None
    if lv is None:
        return _unplaced_level(org, guess, text)
    if lv.text_decides and lv.rule == _STATE_FARM:  # run as an enterprise, unless it governs a district
        return (_FARM_DISTRICT["level"], _FARM_DISTRICT["id"]) if _FARM_DISTRICT_CUE.search(text) else (lv.level, lv.rule)
    if lv.text_decides:
        m = bodies.classify_body(org)
        own = _owner_part(m) if m is not None else ""
        if m is not None and city_text.answers_to_another_city(text, own):
            return _COUNTY_CITY, "level.city.superior_city"
        if m is not None and len(own) == 1 and city_text.municipality_names_own(text, org):
            return "province", "level.city.municipality_own_name"
        by_text = city_text.city_level_from_text(text)
        if by_text == "province" and m is not None and city_text.names_own_city(own):
            by_text = None  # a named city is no municipality, whichever ones its text cites
        if by_text == _COUNTY_CITY and m is not None and city_text.names_own_city(own) \
                and not city_text.ranked_among_counties(text):
            # nor a county-level one for speaking of its towns and streets, when the national
            # list of those (levels.yaml county_cities) leaves it out: a prefecture without
            # counties governs its towns and streets itself (its ranking among counties still tells)
            by_text = None
        if by_text:
            return by_text, "level.city.text"
    return lv.level, lv.rule


def text_domain(text: str, comprehensive: bool, topic: str = "") -> tuple[str | None, str]:
    """What the report's words are about (orgs.yaml domains): for a body of no known kind, the
    most frequent; for a comprehensive body, only a field that dominates its text, or the field
    its title or opening names as its topic (a street office's report on one programme) when
    the text bears it out (as many cues as the field asks, no fewer than half the top field's)."""
    hits = [(len(pat.findall(text)), label, rid, minh) for rid, label, pat, minh in _DOMAINS]
    focused = max(((n, label, rid) for n, label, rid, minh in hits if n >= minh), default=None)
    if focused is None:
        return None, "domain.none"
    n, label, rid = focused
    if not comprehensive:
        return label, rid
    second = sorted(h[0] for h in hits)[-2] if len(hits) > 1 else 0
    if (n >= _limit("domain_focus_ratio") * max(_limit("domain_focus_floor"), second)
            and n * 1000 >= _limit("domain_focus_per_mille") * max(1, len(text))
            and label not in _NOT_FOCUS):  # a part of every such report: only when the topic names it
        return label, rid
    topic = _PH.sub("", topic)  # "health xx action": a masked place inside a programme's name
    named = [(k, lb) for (k, lb, r, minh), (_, _, pat, _) in zip(hits, _DOMAINS)
             if k >= minh and k * _limit("domain_focus_ratio") >= n and pat.search(topic)]
    if len(named) == 1:
        return named[0][1], "domain.topic"
    return None, "domain.none"


def department_domain(text: str) -> tuple[str | None, str]:
    """The line of work of a department that names itself only by its organ ("our bureau", "the
    whole bureau"): one field's words recurring far ahead of every other's (a short excerpt of
    its report names its line fewer times than an unknown body's text must)."""
    hits = sorted(((len(pat.findall(text)), label) for _, label, pat, _ in _DOMAINS), reverse=True)
    (n, label), second = hits[0], hits[1][0] if len(hits) > 1 else 0
    if n >= _limit("department_domain_min_hits") and n >= _limit("department_domain_lead") * max(1, second):
        return label, "domain.department_text"
    return None, "domain.none"


def title_field(title: str) -> tuple[str | None, str]:
    """The field a title names as its work (a work-safety summary: emergency management): the
    department of that function's domain, or the one domain whose words the field holds."""
    f = _TITLE_FIELD.search(bodies.fold(norm(title)))
    if not f:
        return None, "domain.none"
    stem = system_stem(f.group("stem"))
    body = bodies.stem_body(stem) if stem else None
    if body is not None and not body.comprehensive:
        return body.domain, "domain.title_field"
    labels = {label for _, label, pat, _ in _DOMAINS if pat.search(f.group("stem"))}
    return (labels.pop(), "domain.title_field") if len(labels) == 1 else (None, "domain.none")


def domain_of(body: bodies.BodyMatch | None, gov_report: bool, text: str,
              topic: str = "", title: str = "") -> tuple[str | None, str]:
    """The body's function first; the text only for comprehensive and unknown bodies (``topic``:
    the report's title and opening, where a report names what it is about); a comprehensive
    body's report whose title names one field of work is on that field."""
    if gov_report and body is not None and body.comprehensive and body.id not in _FIXED and body.domain:
        # a town's or a street's own congress report is its whole work: the place's comprehensive label
        return body.domain, "domain.government.local"
    if gov_report or (body is not None and body.id in _FIXED):
        return _GOV_DOMAIN, "domain.government"
    if body is not None and not body.comprehensive and body.id not in _FROM_TEXT:
        return body.domain, body.id
    if body is not None and body.id in _OWN_LABEL and body.domain:
        # a town's one field is part of its work: only a programme its opening answers names another
        label, rid = text_domain(text, comprehensive=True, topic=topic)
        return (label, rid) if rid == "domain.topic" else (body.domain, "domain.own_label")
    if body is not None and body.comprehensive and title:
        label, rid = title_field(title)
        if label:
            return label, rid
    label, rid = text_domain(text, comprehensive=body is not None and body.comprehensive, topic=topic)
    if label:
        return label, rid
    return (body.domain, body.id) if body is not None else (None, rid)


def own_work_domain(opening: str, text: str) -> tuple[str | None, str]:
    """The line of work an author of no known kind says it does in its opening (orgs.yaml
    own_work), when exactly one field's words hold it and the text names that field again."""
    for m in _OWN_WORK.finditer(bodies.fold(opening)):
        labels = {(label, rid, pat) for rid, label, pat, _ in _DOMAINS if pat.search(m.group("field"))}
        if len(labels) == 1:
            label, rid, pat = labels.pop()
            if len(pat.findall(text)) >= _limit("own_work_min_hits"):
                return label, "domain.own_work"
    return None, "domain.none"


def place_line_department(place: str, level: str | None, text: str) -> tuple[str, bodies.BodyMatch] | None:
    """A text that keeps naming one line department's function far ahead of every other line
    (orgs.yaml place_line), written by a body named only by ``place``: that line's department of
    the place (its name and kind), or None when the text spreads over many lines."""
    organ = _FIELD_ORGANS.get(level or "")
    counts = [(b, n) for b, n in bodies.line_mentions(text) if b.form not in _UNCOUNTED]
    if not organ or not counts:
        return None
    (line, n), second = counts[0], counts[1][1] if len(counts) > 1 else 0
    if n < _PLACE_LINE["min_hits"] or n < _PLACE_LINE["lead"] * max(1, second) or line.comprehensive:
        return None
    dept = kind_field_department(organ, line.domain) if line.domain else None
    found = bodies.classify_body(place + dept) if dept else None
    if found is not None and found.id == line.id:
        return place + dept, found
    # a line with no government department: the place's word, the committee word for the party
    # committee's working bodies (political-legal, united front: orgs.yaml committee_bodies) and
    # none for a mass organisation, then the body's usual short name
    form = bodies.first_form(line.id)
    committee = _PLACE_LINE["committee"] if line.id in _PLACE_LINE["committee_bodies"] else ""
    name = place + committee + form if form else None
    found = bodies.classify_body(name) if name else None
    return (name, found) if found is not None and found.id == line.id else None


def _system_body(name: str) -> bodies.BodyMatch | None:
    """The department a sector named as a whole stands for (the whole region's transport system
    is transport's)."""
    m = _SYSTEM.search(bodies.fold(name))  # a sector written in traditional characters too
    stem = system_stem(m.group("stem")) if m else None
    return bodies.stem_body(stem) if stem else None


def _region_department(dept: str | None) -> str | None:
    """A department composed with the region's scope word and a bureau's organ ("the district"
    + water + bureau) as the autonomous region's own (the region + water + its provincial organ:
    orgs.yaml scope_region), when the table reads it as the same kind of body."""
    organ = _SECTOR_ORGANS.get(dept[:1]) if dept else None
    if not organ or dept[:1] not in _REGION_SCOPE["scopes"] or not dept.endswith(organ):
        return None
    name = _REGION_SCOPE["department_place"] + dept[1:len(dept) - len(organ)] + _REGION_SCOPE["department_organ"]
    found, want = bodies.classify_body(bodies.fold(name)), bodies.classify_body(bodies.fold(dept))
    return name if found is not None and want is not None and found.id == want.id else None


def _system_department(name: str) -> str | None:
    """A sector spoken for as a whole with its scope (the whole district's civil affairs system)
    is its department's report: the scope's government's department of that function (district
    + civil affairs + bureau: orgs.yaml sector_opening organs), as the sector's name writes it."""
    m = _SYSTEM.search(bodies.fold(name))
    stem = system_stem(m.group("stem")) if m else None
    scope = m.group("scope") if m else None
    if not stem or len(m.group(0)) != len(name) - m.start():
        return None
    at = m.end("stem") - len(stem)
    # or the sector's own place written into its name (the district's justice system): the place's
    # department, by the place's last word
    place = None if scope else _SYSTEM_PLACE.search(bodies.fold(name), m.start(), at)
    if place is None and not scope:
        return None
    where = name[m.start("scope"): m.end("scope")] if scope else name[place.start(): place.end()]
    organ = _SECTOR_ORGANS.get(scope or where[-1:])
    if organ is None:
        return None
    # a sector named by its work's short form: the department's own name for that function
    dept = where + _DEPARTMENT_STEMS.get(stem, name[at: m.end("stem")]) + organ
    found, line = bodies.classify_body(bodies.fold(dept)), bodies.stem_body(stem)
    return dept if found is not None and line is not None and found.id == line.id else None


def _without_glosses(p: Paragraph) -> Paragraph:
    """A paragraph read without the pinyin an essay site printed after its characters (a town's
    name glossed character by character is no name the author rules know); its pieces still map
    to its lines."""
    text = cues.drop_pinyin(p.text)
    if text == p.text:
        return p
    keep = [0] * (len(p.text) + 1)  # characters kept before each offset of the original
    n = 0
    dropped = {i for m in cues.pinyin_spans(p.text) for i in range(*m)}
    for i in range(len(p.text)):
        keep[i] = n
        n += i not in dropped
    keep[len(p.text)] = n
    pieces = tuple((line, keep[start]) for line, start in p.pieces)
    return replace(p, text=text, pieces=pieces, norm_text="")


def _folded(p: Paragraph) -> Paragraph:
    text = bodies.fold(p.text)
    return p if text == p.text else replace(p, text=text, norm_text="")


def _as_written_in(name: str, text: str) -> str:
    """A name read in simplified characters, as the text writes it (same length when folded), or
    the place the rules made its government (a congress's place + government) with the place as
    written; a name the rules supply (the State Council) stays as they write it."""
    if name in text:  # written so somewhere: kept (a mixed page's odd spelling elsewhere is not its name)
        return name
    folded = bodies.fold(text)
    i = folded.find(name)
    if i >= 0:
        return text[i: i + len(name)]
    # its longest head the text writes (a place, or place and district, before the organ the rules
    # add), in the text's own script: a traditional page's district is not half folded
    for k in range(len(name) - 1, 1, -1):
        i = folded.find(name[:k])
        if i >= 0:
            return text[i: i + k] + name[k:]
    return name


def short_form(name: str) -> str:
    """The genre's short name for a body whose formal name is long (orgs.yaml short_forms)."""
    for pat, short in _SHORT_FORMS:
        m = pat.match(bodies.fold(norm(name)))  # a traditional page's formal name too
        if m:
            return name[m.start("place"): m.end("place")] + m.expand(short)[len(m.group("place")):]
    return name


# the rules that compose a department's name from its place word, its field and the organ word
# ("our bureau" + a text all on civil affairs; "the whole city's health system"): the table's
# canonical form, which a page may write otherwise (a commission, not a bureau; a short form)
_COMPOSED = frozenset({"org.system", f"{_BARE_ORGAN}.text_field", "org.self_reference.text_field",
                       _FIELD_AUTHOR["id"], "org.self_reference.system", _PLACE_LINE["id"]})


def _written_department(name: str, report: Report) -> str | None:
    """A department's name the rules composed, as the report itself first writes that body (the
    same kind of body, of the same place word, not named as a leader or guide: the title's
    bracketed "city health commission" for the composed "city health bureau").  Every result
    should trace to a name its page writes."""
    want = bodies.classify_body(name)
    if want is None or want.comprehensive:
        return None
    word = want.prefix or want.place or ""
    if not word:  # a bare bureau: which place's body of that kind is its own, the text cannot tell
        return None
    ends = bodies.table().end_chars
    for p in report.paragraphs:
        s = norm(p.text)
        for x in bodies.mentions(p.text, ends):
            nm = clean_name(x.name)
            b = bodies.classify_body(nm) if nm else None
            if b is None or b.id != want.id or is_self(nm) or superior(s, x.end - len(nm), x.end):
                continue
            own = b.prefix or b.place or ""
            if own == word or (len(word) == 1 and own.endswith(word) and not re.search(PH, own)):
                return nm
    return None


def identify(report: Report, ev: Evidence = Evidence()) -> Report:
    """The report with its author, level, domain, year and region set, and the rules."""
    written = report
    unglossed = tuple(_without_glosses(p) for p in report.paragraphs)
    # read in simplified characters (a traditional page's "our town", "according to"), named as written
    report = replace(report, paragraphs=tuple(_folded(p) for p in unglossed),
                     title=bodies.fold(cues.drop_pinyin(report.title)) if report.title else report.title)
    guess = find_org(report, ev)
    named = _as_written_in(guess.name, "\n".join(p.text for p in unglossed)) if guess.name else None
    guess = replace(guess, name=named)
    titles = tuple((t, rule) for t, _, rule in report_titles(report, ev))
    gov = guess.rule.startswith("org.speech") or any(is_gov_title(t) for t, _ in titles)
    # an essay site's name for the piece tells who wrote it, not which year it reviews (the site
    # dates the piece by when it was posted)
    # a head's report to the deputies on one programme is dated by its own title, not a year back
    # as the government work report that reviews the year before
    dated_gov = gov and (guess.rule != _DELEGATES or any(is_gov_title(t) for t, _ in titles))
    # (its editor's line leading the piece in marks a sharing site, which restamps the headline's year)
    shared = any(rule == _ESSAY_TITLE_RULE for _, rule in titles)
    year, year_rule = report_year(report, tuple(t for t in titles if t[1] != _ESSAY_TITLE_RULE), dated_gov, ev.rows,
                                  shared)
    # a place known only from its documents' titles: which of its bodies wrote is not known
    org = (named if guess.rule == _PLACE_ONLY else canonical_org(named)) if named else None
    text = _text(report)
    org = as_written(named, org, text) if org else org  # "town government", as the report writes it
    org = government_label(org) if org else org
    if guess.rule == "org.system":
        body = _system_body(named)
    elif guess.rule == _PLACE_ONLY:  # the place is known, not which of its bodies wrote
        body = None
    else:
        body = bodies.classify_body(org) if org else None
    level, level_rule = level_of(org, guess, text)
    if level_rule == _STATE_FARM and any(_FARM_DISTRICT_CUE.search(t) for _, t in ev.rows):
        level, level_rule = _FARM_DISTRICT["level"], _FARM_DISTRICT["id"]  # its page's publisher row says so
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    opening = "".join(p.norm_text for p in report.paragraphs[:1] if p.line_start < first_head)
    title = titles[0][0].replace(named, "") if titles and named else "".join(t for t, _ in titles[:1])
    topic = title + "".join(m.group(0) for m in _TOPIC.finditer(opening))  # not the author's own name
    own_title = title if titles and titles[0][1] != _ESSAY_TITLE_RULE else ""
    # a court's, a standing committee's or a department's report to the congress (or a head's to
    # the staff congress) dates like the government's, but is on its own function
    domain, domain_rule = domain_of(body, gov and guess.rule not in (_ORGAN_SPEECH, _STAFF_SPEECH, _SPEAKER_LINE),
                                    text, topic, own_title)
    # an author of no known kind, or one that names itself only "our bureau": the work its opening says it does
    if (body is None or (org is not None and is_self(org))) and not gov:
        lead = "".join(p.norm_text for p in report.paragraphs[:_limit("own_work_paragraphs")] if p.line_start < first_head)
        own, own_rule = own_work_domain(lead, text)
        if own:
            domain, domain_rule = own, own_rule
    if domain is None and org and not gov and department_kind(org):
        domain, domain_rule = department_domain(text)
    rule = guess.rule
    if rule == _BARE_ORGAN and org and domain and domain_rule.startswith("domain."):
        dept = kind_field_department(org, domain)  # "the whole department" whose text is one field's
        if dept:
            org, rule = dept, f"{_BARE_ORGAN}.text_field"
    if rule == "org.self_reference" and org and is_self(org) and domain and domain_rule.startswith("domain."):
        dept = field_department_of(org, domain)  # "our bureau" whose text is all one field's
        if dept:
            org, rule = dept, "org.self_reference.text_field"
            if level is None:  # a kind that fixes its level (a hospital)
                level, level_rule = level_of(org, guess, text)
    place = bodies.fold(named) if named else ""  # read in simplified characters
    if rule in _PLACE_RULES and not gov and body is not None and body.id in _FIXED and place \
            and (is_self(place) or canonical_org(place) != place):
        # a government read from a bare place ("the county", "our city") whose text is all one line's
        # work: that line's department of the place
        place = place[1:] if is_self(place) else place
        dept = place_line_department(place, level, text)
        if dept:
            org, rule = dept[0], _PLACE_LINE["id"]
            domain, domain_rule = dept[1].domain, dept[1].id
    if org is None and not gov and domain and domain_rule.startswith("domain.") and level in _FIELD_ORGANS:
        dept = kind_field_department(_FIELD_ORGANS[level], domain)  # a text all one field's, no name
        if dept:
            org, rule = dept, _FIELD_AUTHOR["id"]
    scoped = _SYSTEM.search(bodies.fold(org)) if rule == "org.system" and org else None
    if org and level_rule == _REGION_SCOPE["id"] and rule in ("org.system", _SECTOR_RULE):
        # the whole autonomous region's line of work: the region's own department of that line
        org = _region_department(_system_department(org) if scoped else org) or org
        scoped = None
    if scoped and (level_rule.startswith("level.system.") or not scoped.group("scope")):
        dept = _system_department(org)
        if dept and (level is None or not scoped.group("scope")):
            # a sector named with its own place (a municipality's civil affairs system): that
            # place's level, not the scope its text speaks of ("the whole city")
            placed = level_of(dept, OrgGuess(dept, guess.line, "org.system.place"), text)
            level, level_rule = placed if placed[0] or level is None else (level, level_rule)
        org = dept or org  # "the whole district's civil affairs system": its bureau
    if org and rule in _COMPOSED:  # a name the rules put together: the text's own, where it writes one
        org = _written_department(org, report) or org
    if org:  # a unit is named without the pinyin a site printed after its characters (the line keeps it)
        org = short_form(cues.drop_pinyin(org))
    return replace(written, org=org, org_line=guess.line, level=level, region=region_of(named), domain=domain,
                   year=year, org_rule=rule, level_rule=level_rule, domain_rule=domain_rule,
                   year_rule=year_rule)
