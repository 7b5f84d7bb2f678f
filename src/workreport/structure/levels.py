"""The level of government a body name belongs to (levels.yaml): the last place word before
its form, with what the genre adds -- a municipality's districts, county-level cities, a
county department's station in a town, a branch serving part of its parent's area, national
bodies and organs whose level their kind fixes.

A part of bodies.py's table (``_Table`` inherits ``Levels``), kept in its own file: bodies.py
reads what kind of body a name ends with (its forms, owners, trailers, branches); this reads
which government the owner part names.  The fields used here are made in ``_Table.__init__``
from levels.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .. import rules

if TYPE_CHECKING:
    from .bodies import BodyMatch

_HAN_CHAR = re.compile(rules.piece("han"))


@dataclass(frozen=True, slots=True)
class LevelMatch:
    level: str
    rule: str
    place: str | None = None
    text_decides: bool = False  # the name cannot tell (a city may be a county-level city)


class Levels:
    """Mixed into bodies._Table: the level lookup over its levels.yaml fields."""

    def last_place(self, text: str) -> LevelMatch | None:
        """The level of the last place word in ``text`` (words that only contain one, such as the
        market or town-and-country, are skipped: levels.yaml not_place)."""
        last, end = None, None
        for m in self.place_re.finditer(text):
            if m.group() not in self.not_place:
                last, end = m, None
            elif m.group() in self.name_end and m.start() > 0 and m.end() == len(text) \
                    and text[m.start() - 1] not in self.name_end_not_after:
                last, end = m, m.end() - 1  # the name ends with the compound's first character
        if last is None:
            return None
        if end is not None:
            return self._place(text[end:], text[:end])
        return self._place(last.group(), text[: last.start()])

    def named_owner(self, text: str) -> bool:
        """Can ``text`` be the owner places of a name?  Not when it holds a word that only
        contains a place word (rural areas, the market: levels.yaml not_place, save a compound a
        name may end with), nor when two place words stand together with no name between them
        (province and city, city and county: levels of government listed, no place)."""
        end = None
        for m in self.place_re.finditer(text):
            if m.group() in self.not_place and m.group() not in self.name_end:
                return False
            if end is not None and m.start() == end:
                return False
            end = m.end()
        return True

    def _station(self, s: str, m: BodyMatch) -> LevelMatch | None:
        """A county department's station in a town (its police station, justice office, market
        supervision office): township level, under whichever county's name it is written."""
        if not s.endswith(self.stations):
            return None
        lv = self.last_place(m.prefix)
        if lv and (lv.level == self.station_level or self.owner.match(m.prefix)):
            return lv  # in a town's name, or a county's own station (the county's veterinary station)
        return LevelMatch(self.station_level, "level.station")

    def joint(self, name: str) -> LevelMatch | None:
        """A zone run jointly with a street office or a town, named with it in brackets: the
        street's level (levels.yaml joint_township)."""
        if self.joint_township.search(re.sub(r"\s+", "", name)):
            return LevelMatch(self.joint_level, self.joint_id)
        return None

    def _owner_at_end(self, before: str, owners: frozenset[str]):
        """The government word of ``owners`` that ``before`` ends with (no name between it and
        what follows), or None."""
        last = None
        for m in self.place_re.finditer(before):
            last = m
        if last is None or last.end() != len(before) or last.group() not in owners:
            return None
        return last

    def _place(self, word: str, before: str) -> LevelMatch:
        if word in self.owners:
            owner = self._owner_at_end(before, self.owners[word])
            if owner is not None:  # the zone of the government named right before it (a city word, then the zone word)
                return replace(self._place(owner.group(), before[: owner.start()]), rule="level.owned_zone")
        level, rid, decides = self.place_level[word]
        if decides and before.endswith(self.municipalities):
            return LevelMatch("province", "level.municipality", word)
        if decides and self.county_city(before):
            return LevelMatch(self.county_city_level, "level.county_city", word)
        return LevelMatch(level, rid, word, decides)

    def county_city(self, before: str) -> bool:
        """Does the owner part before a city word end with a county-level city's name (after a
        province's or region's word, a placeholder or nothing; not a longer name that merely ends
        so)?"""
        for n in range(2, min(len(before), self.county_city_chars) + 1):
            if before[-n:] in self.county_cities:
                head = before[:-n]
                if not head or head.endswith(self.county_city_after) or not _HAN_CHAR.match(head[-1]):
                    return True
        return False

    def level(self, s: str, m: BodyMatch | None) -> LevelMatch | None:
        if m is None:
            return self.last_place(s)
        if m.level:
            return LevelMatch(m.level, m.id)
        if m.branch is not None:
            lv = self.last_place(m.branch)
            if lv:
                return lv
            # a branch named without a place word serves a part of its parent's area
            parent = self.level(m.prefix + m.form, replace(m, branch=None))
            below = self.branch_below.get(parent.level) if parent else None
            if below:
                return LevelMatch(below, "level.branch")
        station = self._station(s, m)
        if station:
            return station
        if m.place:
            return self._place(m.place, m.prefix)
        lv = self.last_place(m.prefix + m.form if m.comprehensive else m.prefix)
        if lv and lv.text_decides and m.form in self.county_forms and lv.level != self.county_form_level:
            # a kind that exists at county level (a media centre): a county-level city's, unless
            # its text shows a prefecture (text_decides stays)
            return replace(lv, level=self.county_form_level, rule="level.county_form")
        if lv:
            return lv
        if (m.national and m.prefix in self.national_prefixes | {""}) or m.prefix in self.national_prefixes:
            return LevelMatch("national", "level.national")
        if m.organ in self.organ_levels:
            return LevelMatch(self.organ_levels[m.organ], "level.organ")
        return None
