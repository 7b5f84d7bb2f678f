"""Predicates on candidate author names shared by org.py and titles.py: is it a name at all
(not a scope, a verb phrase, a superior), does it name a known kind of body, is it named as the
author's superior, which function does a sector's name hold.  Patterns: data/orgs.yaml."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .. import rules
from ..model import Report
from . import bodies

_TABLE = "orgs"
PH = rules.piece("placeholder")
_SELF_PREFIXES = rules.words(_TABLE, "org.self_prefixes")
_PLACELESS_OWNER = rules.pattern(_TABLE, "org.placeless_owner")
_SUPERIOR = rules.pattern(_TABLE, "org.superiors")
_SUPERIOR_BEFORE = rules.pattern(_TABLE, "org.superior_context.before")
_SUPERIOR_AFTER = rules.pattern(_TABLE, "org.superior_context.after")
_SPACES = re.compile(r"\s+")
_NOT_NAME = rules.pattern(_TABLE, "org.not_names")
_BAD_START = rules.pattern(_TABLE, "org.name.bad_start")
_LEAD = rules.pattern(_TABLE, "org.name.lead")
_NOT_IN_OWNER = rules.pattern(_TABLE, "org.name.not_in_owner")
_GENERIC = rules.pattern(_TABLE, "org.name.generic")
_TECHNICAL = rules.pattern(_TABLE, "org.system", "technical")
_ORGAN_IN_PLACE = rules.pattern(_TABLE, "org.name.organ_in_place")
_QUALITY = rules.pattern(_TABLE, "org.name.government_quality")
NAME_MIN = int(rules.limit(_TABLE, "org.name_min_chars"))
_WRITTEN = rules.pattern(_TABLE, "org.written_government")
# places named bare unless the report writes their office's full name (orgs.yaml suffixes `bare`)
_BARE = tuple(w for e in rules.load(_TABLE)["suffixes"] if e.get("bare") for w in e["words"])
_HAN = rules.piece("han")
_FUNCTION_CHARS = rules.pattern(_TABLE, "org.name.function_chars")
_SHORT_PLACE_HEADS = frozenset(rules.words(_TABLE, "org.short_place_heads"))
_PLACE_HEADS = frozenset(rules.words(_TABLE, "org.place_heads"))
_NOT_PLACE_ENDINGS = rules.words(_TABLE, "org.not_place_endings")
_FULLER_MAX = int(rules.limit(_TABLE, "org.fuller_prefix_max"))
_PLACE_WORDS = rules.alternation(rules.words(_TABLE, "org.place_heads"))
_FW = rules.entry(_TABLE, "org.function_word_places")
# real places whose first character is read elsewhere as a function word: their full names (each
# with its guard), then their short forms, longest first


def _fw_place(words: set[str]) -> re.Pattern:
    return rules.compiled("^(?:" + "|".join(
        re.escape(w) + (f"(?!{_FW['guards'][w]})" if w in _FW.get("guards", {}) else "")
        for w in sorted(words, key=lambda w: (-len(w), w))) + ")")


_FW_PLACE = _fw_place({*_FW["words"], *_FW["short"]})
# (in running text, where a name need not begin: some read as a verb there)
_FW_RUNNING = _fw_place({*_FW["words"], *_FW["short"]} - set(_FW["not_in_running_text"]))


@dataclass(frozen=True, slots=True)
class OrgGuess:
    """The body a report names as its author, where it names it, and the rule that found it."""

    name: str | None
    line: int | None
    rule: str




def limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def place_start(name: str, running: bool = False) -> int:
    """The length of a real place's name (orgs.yaml function_word_places) that ``name`` starts
    with, else 0: its first character is no function word, time word or self prefix there.
    ``running``: ``name`` was read anywhere in running text, not where a name begins."""
    m = (_FW_RUNNING if running else _FW_PLACE).match(bodies.fold(name))
    return m.end() if m else 0


def is_self(name: str) -> bool:
    return name.startswith(_SELF_PREFIXES) and not place_start(name)


def placeless(name: str) -> bool:
    """Does ``name`` leave its place unsaid ("our bureau", a district's bureau, a town's government,
    a masked district's bureau)?  Two reports so named may be two bodies.  (A name of no known body
    counts as placed: a company's.)"""
    if is_self(name):
        return True
    m = bodies.classify_body(name)
    return m is not None and bool(_PLACELESS_OWNER.match(m.prefix))


def clean_name(name: str) -> str | None:
    """``name`` less the function words before it, or None when it is no name.  A word that
    begins the name's own body form is no lead or bad start (a development zone's name may
    start like one).  (A place whose name starts like one loses that character: the rest still
    holds the name, and an owner that takes any word before a place word would keep verbs.)"""
    name = name.strip()
    # the words are matched in simplified characters (a traditional text's "according to")
    lead = _LEAD.match(bodies.fold(name))
    if lead and lead.end() and lead.end() <= _form_start(name) and lead.end() > _place_head(name):
        name = name[lead.end():]
    folded = bodies.fold(name)
    if _NOT_NAME.match(folded):
        return None
    if len(re.sub(PH, "", name)) < NAME_MIN and not re.search(PH, name):
        return None
    bad = _BAD_START.match(folded)
    if (bad and bad.end() <= _form_start(name) and bad.end() > _place_head(name)) or _SUPERIOR.match(folded):
        return None
    return name


def government_named_as_superior(name: str) -> bool:
    """A government named the way a subordinate names its superior (the district government):
    no author in running text, but a title that begins with it is that government's own."""
    m = bodies.classify_body(name)
    return bool(_SUPERIOR.match(name)) and m is not None and m.comprehensive


def _place_head(name: str) -> int:
    """The length of a place word the name starts with (a zone's short name starts like a
    function word), else 0: no lead or bad start inside it."""
    m = bodies.table().place_re.match(name)
    return max(m.end() if m and m.group() not in bodies.table().not_place else 0, place_start(name))


def _form_start(name: str) -> int:
    """Where the known body form ``name`` ends with begins (its length when there is none)."""
    m = bodies.classify_body(name)
    return len(name) - len(m.form) if m is not None else len(name)


def is_body(name: str) -> bool:
    """A name of a known kind of body whose owner part is a name, not a phrase."""
    m = bodies.classify_body(name)
    return m is not None and not _NOT_IN_OWNER.search(m.prefix[place_start(m.prefix):]) and not _GENERIC.match(m.prefix + m.form) \
        and not (m.comprehensive and (_ORGAN_IN_PLACE.search(m.prefix) or _QUALITY.search(m.prefix))) \
        and not common_noun(m)


def common_noun(m: bodies.BodyMatch) -> bool:
    """Is a place's form read after a character it makes a common word with (the countryside, the city:
    levels.yaml not_place)?  A common noun of the text, no body (a farm's, a village's name stays)."""
    if not m.place or not m.prefix:
        return False
    own = bodies.fold(m.prefix[-1:] + m.place)
    return own in bodies.table().not_place


def superior(s: str, start: int, end: int) -> bool:
    """Is the body at s[start:end] named as the one that leads or guides the author (orgs.yaml
    superior_context)?"""
    window = limit("superior_window")
    if _SUPERIOR_BEFORE.search(s[max(0, start - window):start]) or _SUPERIOR_AFTER.match(s, end):
        return True
    # a PDF's text breaks words with spaces ("the correct  leadership"): read the phrase without them
    after = s[end: end + limit("superior_after_chars")]
    return " " in after and bool(_SUPERIOR_AFTER.match(_SPACES.sub("", after)))


def report_text(report: Report) -> str:
    """The report's paragraphs, one a line: no name is read across two of them."""
    return "\n".join(p.text for p in report.paragraphs)


def system_stem(words: str) -> str | None:
    """The longest end of ``words`` that names a department's function ("through civil affairs"
    ends with civil affairs)."""
    for k in range(len(words) - 1):
        if bodies.stem_body(words[k:]) is not None:
            return words[k:]
    return None


def sector_stem(m: re.Match) -> str | None:
    """The function of a sector a system phrase names (orgs.yaml system), or None when the phrase
    is a technical system: a function that is an information word, not right after a scope."""
    stem = system_stem(m.group("stem"))
    if stem and _TECHNICAL.search(stem) and not ((m.group("scope") or m.group("ranks")) and m.group("stem") == stem):
        return None
    return stem


def ph_of_function(name: str, m: bodies.BodyMatch, text: str) -> str:
    """A department named without its place, in a report that gives its function a masked place
    ("the XX district's health work"): that place's department, the place named most often so,
    not as a superior."""
    stem = m.form[: len(m.form) - len(m.organ)] if m.organ and m.form.endswith(m.organ) else ""
    if len(stem) < NAME_MIN:
        return name
    c = Counter(x.group(1) for x in re.finditer(rf"({PH}(?:{_PLACE_WORDS})){re.escape(stem)}", text)
                if not superior(text, x.start(), x.end()))
    return c.most_common(1)[0][0] + name if c else name


def fuller(name: str, report: Report) -> str:
    """A fuller form of ``name`` used in the report: a department named by its place word
    alone (district + disabled persons' federation) gets the place's name.

    The prefix must be a placeholder, or a place name (prefix + the name's place word) that the
    report uses on its own at least twice: a community's federation is no community body.

    org._in_full answers the same question for every rule's final guess (the page's head first, the
    same organ, no superior, and only mentions that stand alone).  The one difference that keeps this
    reader apart: a placeholder place written right before the very name is taken here wherever it
    stands, even run on from the word before it (a year run into a masked county), where _in_full
    would not count that mention; leaving the place word to _in_full alone lost such names.
    """
    text = report_text(report)
    if not re.match(PH, name) and name[0] in _SHORT_PLACE_HEADS:
        # a body named by its place's last character, in a report that names the place in full
        head, rest = re.escape(name[0]), re.escape(name[1:])
        m = re.search(rf"({PH}{_HAN}{{0,{_FULLER_MAX}}}{head})(?={rest})", text) or \
            re.search(rf"({PH}{_HAN}{{0,{_FULLER_MAX}}}{head})", text)
        if m:
            return m.group(1) + name[1:]
    if re.match(PH, name):
        return name
    if name[0] not in _PLACE_HEADS:
        # a department named without its place, in a report that gives it its masked place
        m = bodies.classify_body(name)
        if m is not None and not m.prefix and not m.comprehensive:
            ph = re.search(rf"({PH}(?:{_PLACE_WORDS}))(?={re.escape(name)})", text)
            return ph.group(1) + name if ph else ph_of_function(name, m, text)
        return name
    ph = re.search(rf"({PH}){re.escape(name)}", text)
    if ph:
        return ph.group(1) + name
    cands = place_names(name, name[0], text)
    if not cands:
        return name
    return cands.most_common(1)[0][0] + name


def place_names(before: str, word: str, text: str) -> Counter[str]:
    """The place names (less their place word ``word``) the text writes before ``before`` (a
    body's form) and uses with ``word`` at least place_min_uses times, by their uses."""
    cands: Counter[str] = Counter()
    for m in re.finditer(rf"({_HAN}{{{NAME_MIN},{_FULLER_MAX}}}?)(?={re.escape(before)})", text):
        pre = m.group(1)
        for k in range(len(pre)):
            sub = pre[k:]
            if (_FUNCTION_CHARS.search(sub) or _BAD_START.match(sub)) and not place_start(sub):
                continue
            place = sub + word
            if place.endswith(_NOT_PLACE_ENDINGS):
                continue
            n = text.count(place)
            if n >= limit("place_min_uses"):
                cands[sub] = max(cands[sub], n)
    return cands


def bare_place(name: str) -> bool:
    """Is ``name`` a street office's or town's place, which stands for its body by itself?"""
    return len(name) > 2 and name.endswith(_BARE) and not re.match(PH, name) and not is_self(name)


def short_government(name: str) -> str | None:
    """The place of a government named in its short form (a place and "government", not its people's
    government's full name), or None: a masked or unsaid place names nobody."""
    m = _WRITTEN.search(name)
    if not m or m.start() == 0 or m.end() != len(name) or re.match(PH, name) or is_self(name):
        return None
    place = name[:m.start()]
    return None if placeless(name) else place


def as_written(name: str, org: str, text: str) -> str:
    """A bare place made its people's government (``org``) as the report writes that government
    after the place's own words (orgs.yaml written_government: a town's summary that only says
    "town government"), when it never writes the full form there; else ``org``."""
    self_named = is_self(name)
    if self_named:  # "our county": the county
        name = name[1:]
    if org == name or not name or not org.startswith(name):
        return org
    full, short = org[len(name):], Counter()
    for m in re.finditer(re.escape(name), text):
        if text.startswith(full, m.end()):
            return org
        w = _WRITTEN.match(text, m.end())
        if w:
            short[w.group("form")] += 1
    if short:
        # (as written; org.government_label then names a placed town by its name, a county or
        # higher by its full name)
        return name + short.most_common(1)[0][0]
    # a street office or town the report names only by its place keeps that name; a masked place
    # (a placeholder and a town word) names nobody, so its office's name is the informative form
    return name if not self_named and bare_place(name) else org
