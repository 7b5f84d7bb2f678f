"""What a city body's report says of its city's level (levels.yaml city_cues, county_cities): a
municipality's bureau is provincial, a prefecture's directs counties, a county-level city's speaks
of its own towns and streets, names its county-level city again and again or answers to another
named city.  The name alone cannot tell (a city word may name any of them): bodies.level_of leaves it to
the text (``text_decides``)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import rules
from ..textnorm import norm
from .bodies import table

__all__ = ["answers_to_another_city", "city_level_from_text", "municipality_names_own", "names_own_city", "ranked_among_counties"]


@lru_cache(maxsize=1)
def _city_cues() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict]:
    cues = rules.load("levels")["city_cues"]
    mun = cues["municipality"]
    return (rules.compiled(cues["prefecture"]["pattern"]), rules.compiled(cues["county"]["pattern"]),
            rules.compiled(mun["pattern"]), mun)


@lru_cache(maxsize=1)
def _ranked() -> re.Pattern:
    return rules.compiled(rules.load("levels")["city_cues"]["ranked_among_counties"]["pattern"])


@lru_cache(maxsize=1)
def _in_province() -> re.Pattern:
    return rules.compiled(rules.load("levels")["city_cues"]["in_province"]["pattern"])


@lru_cache(maxsize=1)
def _superior_city() -> re.Pattern:
    return re.compile(rules.load("levels")["city_cues"]["superior_city"]["pattern"])


def _own_city(own: str) -> str:
    """The city's name in the owner part of a city body's name ("" when only the city word)."""
    t = table()
    city_words = [w for w, (_, _, decides) in t.place_level.items() if decides]  # the city word
    cut = max((own.rfind(w) for w in city_words), default=-1)
    return own[:cut] if cut > 0 else ""


def names_own_city(own: str) -> bool:
    """Does the owner part name its city, unmasked (a named city that is no municipality, whose
    text may still speak of the municipalities as models)?"""
    city = _own_city(own)
    return bool(city) and not re.search(rules.piece("placeholder"), city)


def answers_to_another_city(text: str, own: str) -> bool:
    """Does a city body's report follow another named city's body (its documents, its guidance)?
    ``own``: the owner part of the author's name (its city's name, masked or not); a report that
    names no city of its own cannot tell."""
    own_city = _own_city(own)
    if not own_city:
        return False
    ph = re.compile(rules.piece("placeholder"))
    return any(m.group("city") != own_city and (ph.search(own_city) or not m.group("city").endswith(own_city))
               for m in _superior_city().finditer(norm(text)))


def municipality_names_own(text: str, org: str) -> bool:
    """Does the text name the author, written with only its city word ("the city's medical
    insurance bureau"), once in full with a municipality's name before it?  Its own full name
    decides what one mention of a municipality elsewhere could not (levels.yaml
    city_cues.municipality)."""
    _, _, municipality, mun = _city_cues()
    s = norm(text)
    for m in municipality.finditer(s):
        if m.group() == mun["capital"] or len(org) < 3:
            continue
        rest = s[m.end():]
        if rest.startswith(org) or (m.group().endswith(org[0]) and rest.startswith(org[1:])):
            return True
    return False


def ranked_among_counties(text: str) -> bool:
    """Does the text rank its body among the counties and districts (levels.yaml ranked cue)?"""
    return bool(_ranked().search(norm(text)))


def city_level_from_text(text: str) -> str | None:
    """For a city's body, what its report's text says the city is: "province" when it names one
    of the four municipalities or the capital it serves again and again (their bureaus are
    provincial; levels.yaml city_cues.municipality), "city" when it directs counties and districts,
    "county_district" when it speaks only of its own towns and streets (a county-level city), None
    when it says neither."""
    prefecture, county_city, municipality, mun = _city_cues()
    s = norm(text)
    # (its own municipality: the one named most; a city's report that names two of them once each
    # names partners, and a municipality's report names itself, not the other three)
    by_name: Counter[str] = Counter()
    for m in municipality.finditer(s):
        w = m.group()
        if w == mun["capital"]:
            by_name[mun["capital_of"]] += mun["capital_weight"]
        else:
            by_name[w.removesuffix(mun["city_word"])] += mun["name_weight"]
    points = max(by_name.values(), default=0)
    pref = prefecture.search(s)
    # a text that ranks its body in its own province is no municipality's (levels.yaml in_province)
    in_province = len(_in_province().findall(s)) >= int(rules.limit("levels", "level.in_province_min_mentions"))
    if not in_province and (points >= mun["decisive"] or (points >= mun["enough"] and not pref)):
        return "province"
    if _ranked().search(s):  # ranked among counties: before the prefecture cue its ranking contains
        return "county_district"
    if pref:
        return "city"
    if county_city.search(s) or _own_city_is_county_level(s):
        return "county_district"
    return None


def _own_city_is_county_level(s: str) -> bool:
    """Does the text name one county-level city (levels.yaml county_cities, written with its city
    word) again and again, and no other as often?  The report of a body that writes only the
    city word names its own city; a prefecture's body names the county-level cities under it
    with its counties (a prefecture cue, looked for first)."""
    t = table()
    city_words = "|".join(re.escape(w) for w, (_, _, decides) in t.place_level.items() if decides)
    c: Counter[str] = Counter()
    for i in (m.start() for m in re.finditer(city_words, s)):
        for n in range(min(i, t.county_city_chars), 1, -1):  # the longest listed name before it
            if s[i - n: i] in t.county_cities:
                c[s[i - n: i]] += 1
                break
    if not c:
        return False
    (top, k), *rest = c.most_common(2)
    return k >= int(rules.limit("levels", "level.county_city_min_mentions")) and (not rest or rest[0][1] < k)
