"""Word automatic numbering (numbering.xml) rendered the way Word counts it.

What Word does, and what this module reproduces:

* A paragraph is numbered through ``w:numPr`` (numId + ilvl), directly or from its paragraph
  style (``w:pStyle`` -> style ``w:numPr``, following ``w:basedOn``).  ``numId`` 0 switches it off.
* ``w:num`` points at an ``w:abstractNum``; every ``w:num`` of one abstractNum shares ONE running
  count (a second numId continues the list) unless it carries ``w:lvlOverride/w:startOverride``,
  which restarts that level the first time the numId is used.
* Numbering a level advances it and restarts the deeper levels (``w:lvlRestart`` can narrow which
  shallower levels restart a level; 0 = never).
* ``w:lvlText`` "%1.%2" substitutes the current value of each level in that level's ``w:numFmt``;
  ``w:isLgl`` forces decimal.  A level used before it was ever counted shows its start value.
* ``w:suff`` (tab | space | nothing) separates the number from the text.

The digit systems (chineseCounting and friends) follow Word's output for 1..9999; their
characters are in data/numbering.yaml.

Bounded as Word bounds it (a 1 KB numbering.xml must not cost gigabytes): only levels 0..8 are
read, and a rendered number stops at 31 characters, so ``lowerLetter`` at 2,600,000,000 costs
what ``a`` costs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from lxml import etree

from .. import rules

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_CIRCLED = [chr(0x2460 + i) for i in range(20)]  # circled 1..20
_PAREN = [chr(0x2474 + i) for i in range(20)]  # parenthesised 1..20
_FULLSTOP = [chr(0x2488 + i) for i in range(20)]  # 1..20 with a full stop
_COUNTING_MAX = 9999  # Word counts in place words up to here, then writes the plain digits


def _counting(n: int, digits: str, places: list[str], zero: str) -> str:
    """Counting with place words (ten, hundred, thousand), as Word writes chineseCountingThousand."""
    if n <= 0 or n > _COUNTING_MAX:
        return str(n)
    ten, hundred, thousand = places
    th, h, t, o = n // 1000, n // 100 % 10, n // 10 % 10, n % 10
    out = ""
    if th:
        out += digits[th] + thousand
    if h:
        out += digits[h] + hundred
    elif th and (t or o):
        out += zero
    if t:
        # "ten-one" alone, but "one hundred one-ten-one": the leading one is dropped only below 20
        out += ("" if n < 20 else digits[t]) + ten
    elif (th or h) and o:
        if not out.endswith(zero):
            out += zero
    if o:
        out += digits[o]
    return out


def _counter(e: dict):
    digits, places, zero = e["digits"], list(e["places"]), e["zero"]
    switch, by_digit = e.get("digit_by_digit_from"), e.get("digit_by_digit")

    def render(n: int) -> str:
        if switch is not None and switch <= n <= _COUNTING_MAX:
            return "".join(by_digit[int(d)] for d in str(n))
        return _counting(n, digits, places, zero)
    return render


def _digital(e: dict):
    digits = e["digits"]
    return lambda n: "".join(digits[int(d)] if d.isdigit() else d for d in str(n))


def _sequence(e: dict):
    items = e["items"]
    return lambda n: _table(items, n)


@lru_cache(maxsize=1)
def _east_asian() -> dict[str, Callable[[int], str]]:
    """w:numFmt -> renderer, for the formats of data/numbering.yaml."""
    t = rules.load("numbering")
    out: dict[str, Callable[[int], str]] = {}
    for key, make in (("counting", _counter), ("digital", _digital), ("sequences", _sequence)):
        for e in t[key]:
            for fmt in e["formats"]:
                out[fmt] = make(e)
    return out


def _letters(n: int, upper: bool, cap: int) -> str:
    # Word repeats the letter: 27 -> AA, 53 -> AAA (never more than the cap: n can be 2**31)
    if n <= 0:
        return str(n)
    ch = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return ch * min((n - 1) // 26 + 1, cap)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _table(seq, n: int) -> str:
    return seq[n - 1] if 1 <= n <= len(seq) else str(n)


TEXT_CAP = 31  # Word: a rendered level text is at most 31 characters


def format_number(n: int, fmt: str, cap: int = TEXT_CAP) -> str:
    """One level value in one ``w:numFmt``, at most ``cap`` characters."""
    return _format(n, fmt, cap)[:cap]


def _format(n: int, fmt: str, cap: int) -> str:
    if fmt in ("decimal", "", None):
        return str(n)
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in str(n))
    east = _east_asian().get(fmt)
    if east is not None:
        return east(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _table(_CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _table(_PAREN, n)
    if fmt == "decimalEnclosedFullstop":
        return _table(_FULLSTOP, n)
    if fmt == "upperLetter":
        return _letters(n, True, cap)
    if fmt == "lowerLetter":
        return _letters(n, False, cap)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)  # unknown formats: Word falls back to decimal


@dataclass(frozen=True, slots=True)
class Level:
    ilvl: int
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None = no number shown
    start: int = 0  # ECMA-376: an absent w:start means 0 (Word's UI always writes it)
    restart: int | None = None  # lvlRestart; None = restart after any shallower level
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None  # w:pStyle linking this level to a paragraph style


@dataclass(frozen=True, slots=True)
class Num:
    num_id: str
    abstract_id: str
    start_overrides: tuple[tuple[int, int], ...] = ()
    level_overrides: tuple[tuple[int, Level], ...] = ()


def _val(el, tag, default=None):
    if el is None:
        return default
    child = el.find(W + tag)
    if child is None:
        return default
    return child.get(W + "val", default)


def _int(s, default=0):
    if s is None or len(s) > 12:  # w:val is a 32-bit number in Word; longer is not a number
        return default
    try:
        return int(s)
    except (TypeError, ValueError):
        return default


def _on(el, tag) -> bool:
    child = el.find(W + tag) if el is not None else None
    return child is not None and child.get(W + "val", "true") not in ("0", "false", "off")


def _parse_level(el) -> Level:
    fmt = _val(el, "numFmt")
    if fmt is None:
        # Word 2010+ writes custom formats ("001, 002, 003") inside mc:AlternateContent
        alt = el.find(f"{MC}AlternateContent/{MC}Choice/{W}numFmt")
        if alt is not None:
            fmt = alt.get(W + "val")
            if fmt == "custom":
                fmt = "decimalZero" if (alt.get(W + "format") or "").startswith("0") else "decimal"
    restart = _val(el, "lvlRestart")
    return Level(
        ilvl=_int(el.get(W + "ilvl")),
        fmt=fmt or "decimal",
        text=_val(el, "lvlText"),
        start=_int(_val(el, "start"), 0),
        restart=None if restart is None else _int(restart, 0),
        legal=_on(el, "isLgl"),
        suffix=_val(el, "suff", "tab"),
        style=_val(el, "pStyle"),
    )


@dataclass(slots=True)
class Numbering:
    """numbering.xml parsed; ``render`` is stateful (it counts) and must see paragraphs in order."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    single_level: set[str] = field(default_factory=set)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractId -> numStyleLink style
    nums: dict[str, Num] = field(default_factory=dict)
    style_num: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    levels_max: int = 9  # Limits.numbering_levels
    text_max: int = TEXT_CAP  # Limits.numbering_text_chars
    # running state
    _values: dict[str, dict[int, int]] = field(default_factory=dict)
    _last_level: dict[str, int] = field(default_factory=dict)
    _used_overrides: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root, style_num: dict[str, tuple[str | None, int | None]] | None = None,
                 levels_max: int = 9, text_max: int = TEXT_CAP) -> "Numbering":
        nb = cls(style_num=dict(style_num or {}), levels_max=levels_max, text_max=text_max)
        if root is None:
            return nb
        in_range = range(levels_max)  # Word refuses other levels; so each list has at most 9
        for an in root.iter(W + "abstractNum"):
            aid = an.get(W + "abstractNumId")
            nb.abstracts[aid] = {lv.ilvl: lv for lv in map(_parse_level, an.findall(W + "lvl")) if lv.ilvl in in_range}
            if _val(an, "multiLevelType") == "singleLevel":
                nb.single_level.add(aid)
            link = _val(an, "numStyleLink")
            if link:
                nb.style_links[aid] = link
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            starts, levels = [], []
            for ov in num.findall(W + "lvlOverride"):
                il = _int(ov.get(W + "ilvl"))
                if il not in in_range or len(starts) + len(levels) >= 2 * levels_max:
                    continue
                so = _val(ov, "startOverride")
                if so is not None:
                    starts.append((il, _int(so, 0)))
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    parsed = _parse_level(lvl)
                    levels.append((il, Level(**{**{s: getattr(parsed, s) for s in Level.__slots__}, "ilvl": il})))
            nb.nums[nid] = Num(nid, _val(num, "abstractNumId"), tuple(starts), tuple(levels))
        return nb

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract_id
        # numStyleLink: the list is defined by the numbering style's own numId (bounded hops)
        link = self.style_links.get(aid)
        if link and depth < 4:
            target = self.style_num.get(link, (None, None))[0]
            if target and target != num_id:
                return self._abstract_of(target, depth + 1) or aid
        return aid

    def levels(self, num_id: str) -> dict[int, Level]:
        aid = self._abstract_of(num_id)
        base = dict(self.abstracts.get(aid, {})) if aid is not None else {}
        num = self.nums.get(num_id)
        if num:
            base.update(dict(num.level_overrides))
        return base

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        for lv in self.levels(num_id).values():
            if lv.style == style_id:
                return lv.ilvl
        return None

    def render(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """Advance the count for one numbered paragraph; (number text with suffix, is_ordinal).

        None when the paragraph is not numbered after all (unknown numId, no level, no lvlText).
        """
        num = self.nums.get(num_id)
        aid = self._abstract_of(num_id)
        if num is None or aid is None:
            return None
        if aid in self.single_level:
            ilvl = 0
        levels = self.levels(num_id)
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        values = self._values.setdefault(aid, {})
        overrides = dict(num.start_overrides)
        start = overrides.get(ilvl, lvl.start)
        if ilvl in overrides and num_id not in self._used_overrides:
            # startOverride: this list instance restarts here, once
            self._used_overrides.add(num_id)
            values[ilvl] = start
        elif ilvl in values:
            values[ilvl] += 1
        else:
            values[ilvl] = start
        for deeper in [k for k in values if k > ilvl]:
            rs = levels.get(deeper, Level(deeper)).restart
            if rs is None or (rs != 0 and ilvl <= rs - 1):
                del values[deeper]
        if lvl.text is None or lvl.fmt == "bullet":
            return ("", False) if lvl.fmt == "bullet" else None
        out = []
        i, text, size, cap = 0, lvl.text, 0, self.text_max
        while i < len(text) and size < cap:
            ch = text[i]
            # %1..%9 only: "%²" or "%٣" pass isdigit() but name no level
            if ch == "%" and i + 1 < len(text) and "1" <= text[i + 1] <= "9":
                k = int(text[i + 1]) - 1
                ref = levels.get(k, Level(k))
                v = values.get(k, overrides.get(k, ref.start))
                fmt = ref.fmt
                if lvl.legal and fmt not in ("none", "decimalZero"):
                    fmt = "decimal"
                piece = format_number(v, fmt, cap)
                i += 2
            else:
                piece = ch
                i += 1
            out.append(piece)
            size += len(piece)
        rendered = "".join(out)[:cap]
        if not rendered:
            return None
        if lvl.suffix == "space":
            rendered += " "
        elif lvl.suffix == "tab" and rendered[-1].isalnum():
            # Word shows a tab stop; after punctuation (a number then a comma, a bracketed number, "1.")
            # the gap adds nothing, after a bare number (a chapter number, "1") a space keeps it apart
            rendered += " "
        return rendered, True


def parse_xml(data: bytes):
    """Parse a bounded XML part safely (no entities, no network, no DTD)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    return etree.fromstring(data, parser)
