"""Who wrote a report (org, level, region), about what (domain), for which year.

Every word, pattern and threshold is in data/orgs.yaml (names of bodies, self-references,
places, domains, limits); numerals are read by numerals.py.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .. import numerals, rules
from ..model import Report
from ..textnorm import norm
from .headings import strip_ordinal
from .roles import cue_role

_TABLE = "orgs"
_T = rules.load(_TABLE)


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def _words(rid: str) -> tuple[str, ...]:
    return rules.words(_TABLE, rid)


def _pattern(rid: str) -> re.Pattern:
    return rules.pattern(_TABLE, rid)


@dataclass(frozen=True, slots=True)
class OrgGuess:
    """The body a report names as its author, where it names it, and the rule that found it."""

    name: str | None
    line: int | None
    rule: str


PH = rules.piece("placeholder")
_HAN = rules.piece("han")
_SUFFIX_INFO: dict[str, dict] = {}
for _e in _T["suffixes"]:
    for _w in _e["words"]:
        _SUFFIX_INFO.setdefault(_w, _e)
_SUFFIXES_LONGEST_FIRST = sorted(_SUFFIX_INFO, key=len, reverse=True)
_SUFFIX_ALT = rules.alternation(_SUFFIX_INFO)
# any name holding a township-level place word is a township-level body
_TOWNSHIP_WORD = re.compile(rules.alternation(w for w, e in _SUFFIX_INFO.items() if e.get("level") == "township_street"))
NAME = rf"(?:{PH}|{_HAN}){{1,{_limit('name_max_chars')}}}?(?:{_SUFFIX_ALT})"
_SUBJECT_CUES = rules.entry(_TABLE, "org.subject")
_SUBJECT = re.compile(rf"{_SUBJECT_CUES['before']}\s*(?P<name>{NAME})(?={_SUBJECT_CUES['after']})")
_SELF = _pattern("org.self_reference")
_SELF_ALIAS: dict[str, str] = rules.entry(_TABLE, "org.self_alias")["map"]
_SELF_PREFIXES = _words("org.self_prefixes")
_UNGUESSED = frozenset(_words("org.unguessed_places"))
_SUPERIOR = _pattern("org.superiors")
_NOT_NAME = _pattern("org.not_names")
_BAD_START = _pattern("org.name.bad_start")
_LEAD = _pattern("org.name.lead")
_FUNCTION_CHARS = _pattern("org.name.function_chars")
_PLACE = _pattern("org.name.place")
_YEAR = _pattern("org.year")
_CN_YEAR = _pattern("org.year.cn")
_PLACE_LEVELS = [(e["id"], re.compile(e["pattern"]), e["level"]) for e in _T["place_levels"]]
_PREFECTURE = _pattern("org.city.prefecture")
_COUNTY = _pattern("org.city.county")
_SPEECH = [(e["id"], re.compile(e["pattern"]), e.get("unit")) for e in _T["speech"]]
_SPEECH_BODY = rules.entry(_TABLE, "org.speech.body")["word"]
_SCOPE = _pattern("org.scope")
_SCOPE_LEVEL: dict[str, str] = _T["scope_levels"]
_TP = rules.entry(_TABLE, "org.titled_place")
_TITLED_PLACE = {k: re.compile(f"{_TP['before']}({_TP['name']}{re.escape(k)}){_TP['after']}") for k in _TP["kinds"]}
_SHORT_PLACE_HEADS = frozenset(_words("org.short_place_heads"))
_PLACE_HEADS = frozenset(_words("org.place_heads"))
_NOT_PLACE_ENDINGS = _words("org.not_place_endings")
_PLACE_CONTINUES = _pattern("org.place_continues")
_NOT_AFTER_SELF = rules.entry(_TABLE, "org.self_named.not_before")["pattern"]
_REGION_SUFFIXES = _words("org.region_suffixes")
_NEXT_YEAR_GENRE = _pattern("org.next_year_genre")
_DOMAINS = [(e["id"], e["label"], re.compile(e["unit"]), re.compile(e["text"]), int(e["min_hits"])) for e in _T["domains"]]
_COMPREHENSIVE = [(e["id"], re.compile(e["suffix"]), e["label"]) for e in _T["comprehensive"]]
_GENRE = _pattern("org.title.genre")
_TITLE_YEAR = _pattern("org.title.year")
_TITLE_TRIM = rules.entry(_TABLE, "org.title.trim")["chars"]
_NOT_REPORT_YEAR = _pattern("org.year.not_reported")
_FULLER_MAX = _limit("fuller_prefix_max")
_NAME_MIN = _limit("name_min_chars")


def _years(text: str, normalized: str | None = None) -> list[int]:
    s = normalized if normalized is not None else norm(text)
    out = [int(m.group(1)) for m in _YEAR.finditer(s)]
    for m in _CN_YEAR.finditer(s):
        out.append(int(numerals.read_digits(m.group(1))))
    return out


def report_year(report: Report) -> int | None:
    """The year whose work is reported: from top-level headings, then the title/opening."""
    if report.title and _NEXT_YEAR_GENRE.search(report.title):
        ys = _years(report.title)
        if ys:
            return ys[0] - 1
    votes: Counter[int] = Counter()
    for s in report.sections:
        ys = _years(s.heading)
        if not ys:
            continue
        role = cue_role(s.heading)
        if role == "plan":
            votes[ys[0] - 1] += _limit("year_vote_plan")
        elif role in ("achievements", "highlights", "overview"):
            votes[ys[0]] += _limit("year_vote_review")
    if votes:
        return votes.most_common(1)[0][0]
    head = [p.norm_text for p in report.paragraphs[:_limit("opening_paragraphs")]]
    if report.title:
        ys = _years(report.title)
        if ys:
            return ys[0] - 1 if _NEXT_YEAR_GENRE.search(report.title) else ys[0]
    for t in head:
        ys = _years("", _NOT_REPORT_YEAR.sub("", t[:_limit("year_window")]))
        if ys:
            return ys[0]
    allys = Counter(y for p in report.paragraphs for y in _years(p.text, p.norm_text))
    return allys.most_common(1)[0][0] if allys else None


def _is_self(name: str) -> bool:
    return name.startswith(_SELF_PREFIXES)


def _clean_name(name: str) -> str | None:
    name = _LEAD.sub("", name.strip())
    if _NOT_NAME.match(name):
        return None
    if len(re.sub(PH, "", name)) < _NAME_MIN and not re.search(PH, name):
        return None
    if _BAD_START.match(name) or _SUPERIOR.match(name):
        return None
    return name


def _subjects(text: str, limit: int | None = None, normalized: str | None = None) -> list[tuple[int, str]]:
    """(offset, name) of every body named as the subject of a clause."""
    s = normalized if normalized is not None else norm(text if limit is None else text[:limit])
    if limit is not None:
        s = s[:limit]
    out = []
    for m in _SUBJECT.finditer(s):
        nm = _clean_name(text[m.start("name"): m.end("name")])
        if nm:
            out.append((m.start("name"), nm))
    return out


def opens_with_subject(text: str, normalized: str | None = None) -> bool:
    """Does a paragraph begin with its author as subject (a body, then what it did)?"""
    subs = _subjects(text, _limit("opening_subject_window"), normalized)
    return bool(subs) and subs[0][0] == 0 and len(text) >= _limit("min_opening_chars")


def names_subject(text: str, normalized: str | None = None) -> bool:
    """Does a paragraph's first sentence name an organisation as its subject?"""
    return bool(_subjects(text, _limit("first_sentence_window"), normalized))


def _suffix_of(name: str) -> str | None:
    for w in _SUFFIXES_LONGEST_FIRST:
        if name.endswith(w):
            return w
    return None


def _report_text(report: Report) -> str:
    return "".join(p.text for p in report.paragraphs)


def _fuller(name: str, report: Report) -> str:
    """A fuller form of ``name`` used in the report: a department named by its place word
    alone (district + disabled persons' federation) gets the place's name.

    The prefix must be a placeholder, or a place name (prefix + the name's place word) that the
    report uses on its own at least twice: a community's federation is no community body.
    """
    text = _report_text(report)
    if not re.match(PH, name) and name[0] in _SHORT_PLACE_HEADS:
        # a body named by its place's last character, in a report that names the place in full
        head, rest = re.escape(name[0]), re.escape(name[1:])
        m = re.search(rf"({PH}{_HAN}{{0,{_FULLER_MAX}}}{head})(?={rest})", text) or \
            re.search(rf"({PH}{_HAN}{{0,{_FULLER_MAX}}}{head})", text)
        if m:
            return m.group(1) + name[1:]
    if re.match(PH, name) or name[0] not in _PLACE_HEADS:
        return name
    ph = re.search(rf"({PH}){re.escape(name)}", text)
    if ph:
        return ph.group(1) + name
    cands: Counter[str] = Counter()
    for m in re.finditer(rf"({_HAN}{{{_NAME_MIN},{_FULLER_MAX}}}?)(?={re.escape(name)})", text):
        pre = m.group(1)
        for k in range(len(pre)):
            sub = pre[k:]
            if _FUNCTION_CHARS.search(sub) or _BAD_START.match(sub):
                continue
            place = sub + name[0]
            if place.endswith(_NOT_PLACE_ENDINGS):
                continue
            n = text.count(place)
            if n >= _limit("place_min_uses"):
                cands[sub] = max(cands[sub], n)
    if not cands:
        return name
    return cands.most_common(1)[0][0] + name


def _self_named(kind: str, report: Report) -> str | None:
    """A self-reference made a name: the place of that kind the report names with a
    placeholder; for a department, the one of that kind that is most often the subject of its
    sentences; None when it names none.

    Real place names are not guessed: any other place in the text may be a superior or a neighbour.
    """
    text = _report_text(report)
    kind = _SELF_ALIAS.get(kind, kind)
    c: Counter[str] = Counter(m.group(1) for m in re.finditer(rf"({PH}{re.escape(kind)})(?!{_NOT_AFTER_SELF})", text))
    if c:
        return c.most_common(1)[0][0]
    if kind in _UNGUESSED:
        return None
    for p in report.paragraphs:
        for _, nm in _subjects(p.text, None, p.norm_text):
            if nm.endswith(kind) and len(nm) > len(kind) + 1 and not _is_self(nm):
                c[nm] += 1
    return _fuller(c.most_common(1)[0][0], report) if c else None


def _titled_place(kind: str, report: Report) -> str | None:
    """A self-referring city, district or county named by the documents the report says it
    issued: a superior's name rarely heads its own work plans in a subordinate's report.
    Needs one name clearly ahead of any other."""
    text = _report_text(report)
    c = Counter(m.group(1) for m in _TITLED_PLACE[kind].finditer(text)) if kind in _TITLED_PLACE else Counter()
    c = Counter({k: v for k, v in c.items() if not _NOT_NAME.match(k) and not _BAD_START.match(k)})
    top = c.most_common(2)
    if not top or (len(top) > 1 and top[1][1] * _limit("titled_place_margin") > top[0][1]):
        return None
    return top[0][0]


def _org_from_title(title: str) -> str | None:
    s = _GENRE.sub("", strip_ordinal(norm(title).strip())).strip(_TITLE_TRIM)
    s = _TITLE_YEAR.sub("", s)
    return s if _NAME_MIN <= len(s) <= _limit("title_name_max_chars") else None


def _speech_org(report: Report) -> OrgGuess | None:
    """The government a work report speaks for, from its title block."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    for p in report.paragraphs[:_limit("title_block_paragraphs")]:
        if p.line_start >= first_head:
            break
        s = p.norm_text.strip()
        for rid, pat, org in _SPEECH:
            m = pat.search(s)
            if m:
                groups = m.groupdict()
                name = org or groups.get("body") or (groups["place"] + _SPEECH_BODY)
                return OrgGuess(name, p.line_start, rid)
    return None


def _self_word(m: re.Match) -> str:
    """A self-reference spelled out with the place word it abbreviates (self_alias)."""
    return m.group(0)[0] + _SELF_ALIAS.get(m.group(1), m.group(1))


def find_org(report: Report) -> OrgGuess:
    """The author as the report names it, the line that shows it, and the rule."""
    speech = _speech_org(report)
    if speech:
        return speech
    if report.title:
        u = _org_from_title(report.title)
        if u:
            return OrgGuess(u, report.start_line, "org.title")
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    window = _limit("subject_window")
    opening = [p for p in report.paragraphs if p.line_start < first_head][:_limit("opening_paragraphs")]
    for p in opening:
        subs = _subjects(p.text, window, p.norm_text)
        selfref = _SELF.search(p.norm_text[:window])
        if subs and (selfref is None or subs[0][0] < selfref.start()):
            return OrgGuess(_fuller(subs[0][1], report), p.line_start, "org.subject.opening")
        if selfref:
            found = _resolve_self(selfref, report, p.line_start)
            if found.name != _self_word(selfref) or selfref.group(1) not in _TITLED_PLACE:
                return found
    # No opening: the body's most frequent subject.
    c: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    for p in report.paragraphs:
        for _, nm in _subjects(p.text, None, p.norm_text):
            c[nm] += 1
            first_line.setdefault(nm, p.line_start)
    if c and c.most_common(1)[0][1] >= _limit("min_subject_hits"):
        nm = c.most_common(1)[0][0]
        return OrgGuess(_fuller(nm, report), first_line[nm], "org.subject.frequent")
    for p in report.paragraphs:
        m = _SELF.search(p.norm_text)
        if m:
            return _resolve_self(m, report, p.line_start)
    return OrgGuess(None, None, "org.none")


def _resolve_self(m: re.Match, report: Report, line: int) -> OrgGuess:
    """A self-reference made into a name as far as the report allows."""
    kind = m.group(1)
    named = _self_named(kind, report)
    if named:
        return OrgGuess(named, line, "org.self_reference")
    place = _titled_place(kind, report)
    if place:
        return OrgGuess(place, line, "org.self_reference.titled_place")
    return OrgGuess(_self_word(m), line, "org.self_reference")


def canonical_org(name: str) -> str:
    """A bare place stands for its government (a town for the town's people's government)."""
    suf = _suffix_of(name)
    info = _SUFFIX_INFO.get(suf or "")
    if info and info.get("place") and info.get("body") and name.endswith(suf):
        if _is_self(name):
            name = name[1:]
        return name + info["body"]
    return name


def org_level(org: str | None, report: Report) -> str | None:
    """Level from the name: its suffix (a town, a street, a company…), else the first
    administrative place in it (a district's department is a district body), else the scope
    the report speaks of."""
    if not org:
        return None
    suf = _suffix_of(org)
    info = _SUFFIX_INFO.get(suf or "", {})
    bare = re.sub(rf"^(?:{PH})", "", org)
    within = _limit("place_within")
    if info.get("level") == "township_street" or _TOWNSHIP_WORD.search(bare[:within]):
        return "township_street"
    if info.get("level") == "enterprise_other":
        return "enterprise_other"
    best = None
    for rid, pat, level in _PLACE_LEVELS:
        for m in pat.finditer(bare):
            # a place word followed by another one is part of the name (a province's capital)
            if _PLACE_CONTINUES.match(bare, m.end()):
                continue
            if m.start() <= within and (best is None or m.start() < best[0]):
                best = (m.start(), rid, level)
            break
    if best is None or (_is_self(org) and best[1] not in ("org.place.township", "org.place.city")):
        return _level_from_scope(report)
    _, rid, level = best
    if level == "city":
        text = _report_text(report)
        pref, county = len(_PREFECTURE.findall(text)), len(_COUNTY.findall(text))
        return "city" if pref >= county or pref > 0 and county == 0 else "county_district"
    return level


def _level_from_scope(report: Report) -> str | None:
    """A department with no place in its name: the scope it speaks of (all the district…)."""
    text = _report_text(report)
    c = Counter(m.group(1) for m in _SCOPE.finditer(text))
    if not c:
        return None
    scope, n = c.most_common(1)[0]
    return _SCOPE_LEVEL.get(scope) if n >= _limit("scope_min_hits") else None


def region_of(org: str | None) -> str | None:
    if not org or re.match(PH, org) or _is_self(org):
        return None
    m = _PLACE.match(org)
    if not m:
        return None
    place = m.group(1)
    return place if len(place) >= _limit("region_min_chars") or place.endswith(_REGION_SUFFIXES) else None


def domain_of(org: str | None, report: Report) -> str | None:
    u = org or ""
    comprehensive = next((label for _, spat, label in _COMPREHENSIVE if u and spat.search(u)), None)
    for rid, label, upat, _, _ in _DOMAINS:
        if u and not comprehensive and upat.search(u):
            return label
    text = _report_text(report)
    hits = [(len(tpat.findall(text)), label, minh) for rid, label, _, tpat, minh in _DOMAINS]
    focused = max(((n, label) for n, label, minh in hits if n >= minh), default=None)
    if comprehensive:
        # a comprehensive body writing about one field (a street office's report on health)
        second = sorted(n for n, _, _ in hits)[-2]
        if (focused and focused[0] >= _limit("domain_focus_ratio") * max(_limit("domain_focus_floor"), second)
                and focused[0] * 1000 >= _limit("domain_focus_per_mille") * max(1, len(text))):
            return focused[1]
        return comprehensive
    return focused[1] if focused else None


def identify(report: Report) -> Report:
    year = report_year(report)
    guess = find_org(report)
    named = guess.name
    # a place known only from its documents' titles: which of its bodies wrote is not known
    org = (named if guess.rule == "org.self_reference.titled_place" else canonical_org(named)) if named else None
    level = org_level(org, report)
    return replace(report, org=org, org_line=guess.line, level=level, region=region_of(named),
                   domain=domain_of(org, report), year=year)

