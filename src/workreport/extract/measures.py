"""Canonical measure names: the phrase before a figure, as the text words it, made short and
comparable (a province's GDP growth "expected" under its scope word becomes the plain GDP-growth
name; "built N toilets in towns and villages in all" becomes "toilets built").

The steps and their words are data/measures.yaml: cut at a scope marker, strip leading scope,
self, time and doing words, strip adverbs before a change verb, strip trailing verbs and
particles, then map a listed synonym to its group's name.  A step that would leave fewer than
``measure.min_chars`` characters (but some) is not taken, and a phrase that is a listed synonym at any step
stops there (a listed name that opens with a word the lead step strips stays whole).  Pure
functions of strings.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import rules
from ..textnorm import norm

_TABLE = "measures"
_T = rules.load(_TABLE)
_MIN = int(rules.limit(_TABLE, "measure.min_chars"))
_SPACE = rules.compiled(r"\s+")


def _rx(key: str) -> list[tuple[str, re.Pattern]]:
    return [(e["id"], rules.compiled(e["pattern"])) for e in _T[key]]


_RENAME = [(e["id"], rules.compiled(e["pattern"]), e["replace"], bool(e.get("ratio"))) for e in _T["rename"]]
_CUT = _rx("cut")
_LEAD = _rx("lead")
_INNER = _rx("inner")
_TAIL = _rx("tail")


# canonical names are in simplified characters: a page in traditional ones names the same measures
_FOLD = str.maketrans(rules.entry("traditional", "fold.traditional")["chars"])


def _key(s: str) -> str:
    return _SPACE.sub("", norm(s).translate(_FOLD))


_UNIT_NOUN: dict[str, tuple[str, tuple[str, ...], str]] = {
    d: (e["noun"], tuple(e["ends"]), e["id"]) for e in _T["unit_nouns"] for d in e["dimensions"]}

_GROUP: dict[str, tuple[str, str]] = {}  # word -> (group name, group id)
for _e in _T["synonyms"]:
    _name = _e.get("name") or _e["words"][0]
    for _w in _e["words"]:
        _GROUP[_key(_w)] = (_name, _e["id"])


_CHANGE = rules.pattern(_TABLE, "measure.change_word")
_NARROW = rules.pattern(_TABLE, "measure.narrowing")
# listed names of levels, longest first: a topic that holds one is named by it (``anchored``);
# short names and names of changes are too easily part of another phrase to anchor anything
_ANCHORS = [w for w in _GROUP if len(w) >= 2 * _MIN and not _CHANGE.search(w)]
_LISTED = rules.compiled(rules.alternation(_ANCHORS)) if _ANCHORS else None


@dataclass(frozen=True, slots=True)
class Canonical:
    name: str  # the canonical measure ("" when nothing is left: the caller uses the topic)
    rules: tuple[str, ...]  # ids of the steps that changed it, in order


def group_of(name: str) -> tuple[str, str] | None:
    """(group name, group id) when ``name`` is a listed synonym."""
    return _GROUP.get(_key(name))


def synonyms(name: str) -> list[str]:
    """Every listed word of the group ``name`` is in (only listed ones, nothing guessed)."""
    g = group_of(name)
    if g is None:
        return [name]
    entry = rules.entry(_TABLE, g[1])
    return list(dict.fromkeys([name, *map(str, entry["words"])]))


def _strip_once(s: str, steps, at_start: bool) -> tuple[str, str | None]:
    for rid, rx in steps:
        m = rx.search(s)
        if not m or m.end() == m.start():
            continue
        rest = s[m.end():] if at_start else s[: m.start()]
        if len(rest) >= _MIN or not rest:  # all may go (a bare scope word: the topic names it)
            return rest, rid
    return s, None


@lru_cache(maxsize=1 << 14)
def canonical(phrase: str, ratio: bool = False) -> Canonical:
    """The canonical name of a measure phrase (see the module doc); ``ratio``: the phrase is a
    percentage's (renames meant for shares of a plan apply)."""
    s = _key(phrase)
    done: list[str] = []

    def named(x: str) -> Canonical | None:
        g = _GROUP.get(x)
        if g is None:
            return None
        return Canonical(g[0], tuple(done) + ((g[1],) if g[0] != x else ()))

    hit = named(s)
    if hit:
        return hit
    for rid, rx, to, ratio_only in _RENAME:
        if (ratio or not ratio_only) and rx.search(s):
            return Canonical(rx.sub(to, s), (rid,))
    for rid, rx in _CUT:
        m = rx.search(s)
        if m and len(s) - m.end() >= _MIN:
            s = s[m.end():]
            done.append(rid)
            break
    for steps, at_start in ((_LEAD, True), (_TAIL, False)):
        while True:
            hit = named(s)
            if hit:
                return hit
            s2, rid = _strip_once(s, steps, at_start)
            if rid is None:
                break
            s = s2
            done.append(rid)
        if at_start:
            for rid, rx in _INNER:
                s2 = rx.sub("", s)
                if s2 != s and len(s2) >= _MIN:
                    s = s2
                    done.append(rid)
    return named(s) or Canonical(s, tuple(done))


def before_scope(s: str) -> str:
    """``s`` up to its first scope marker: the noun after a count ends where a new total begins
    (N traps set, in all M kg of bait laid: the noun after N is the traps', not the bait's)."""
    for _, rx in _CUT:
        m = rx.search(s)
        if m:
            return s[: m.start()]
    return s


def with_unit_noun(c: Canonical, dimension: str) -> Canonical:
    """``c`` with the noun of its unit's dimension when the name does not say what is counted
    (rapeseed planted, in mu -> rapeseed planted area); listed synonyms and short names keep their form."""
    noun = _UNIT_NOUN.get(dimension)
    if noun is None or len(c.name) < _MIN or _GROUP.get(c.name) or _bare(c.name).endswith(noun[1]):
        return c
    return Canonical(c.name + noun[0], c.rules + (noun[2],))


def _bare(name: str) -> str:
    """``name`` without trailing punctuation (a quoted name ends in its closing quote)."""
    end = len(name)
    while end and unicodedata.category(name[end - 1]).startswith("P"):
        end -= 1
    return name[:end]


def anchored(topic: Canonical) -> Canonical:
    """A topic that is not a listed name but holds one ("the regional product crossed four
    thresholds") is named by the listed name it holds, the longest at its place."""
    if _LISTED is None or topic.name in _GROUP:
        return topic
    m = _LISTED.search(topic.name)
    if m is None or _NARROW.search(topic.name, 0, m.start()):
        return topic  # (a part of the listed measure: above-size firms' retail sales)
    name, rid = _GROUP[m.group()]
    return Canonical(name, topic.rules + (rid,))


def level_of(c: Canonical) -> Canonical:
    """The level a change is of: a growth name without its change word (for a money or count
    figure named after a growth figure)."""
    m = _CHANGE.search(c.name)
    if m is None or m.start() < _MIN:
        return c
    return canonical(c.name[: m.start()])
