"""The number grammar: figures with their qualifier, multiplier and unit, in Chinese prose.

Public API (used by indicators, pairs and the tracking code):

- ``parse_number(text)`` reads one number: Arabic (1,100, -17.01, full-width), Chinese numerals
  (by place value, or digit by digit as years are written), mixed (a decimal with a ten-thousand
  or hundred-million multiplier), percent and fraction words.  Placeholders (x, xx.xx) and text
  without a number give ``None``.
- ``find_quantities(text)`` finds every quantity with a unit (with qualifiers, multipliers,
  ranges, placeholders) as frozen ``Quantity`` objects whose offsets are those of ``text``.

All words (units, multipliers, qualifiers, things that are not units) live in data/units.yaml,
the numerals in data/numerals.yaml (read by numerals.py).  Matching runs on
``textnorm.norm(text)`` (same length), so offsets are valid in the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import numerals, rules
from ..textnorm import norm


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # offsets in the text given to find_quantities (qualifiers included)
    end: int
    value: str  # the number as written (digits, placeholder, Chinese numeral or a range)
    number: float | None  # None for placeholders; the low end of a range
    low: float | None
    high: float | None
    qualifier: str | None  # about, nearly, over, more than … as written (units.yaml qualifiers)
    unit: str  # as written, multiplier included; "" for a bare number
    multiplier: float  # 1, 1e4, 1e8 …
    normalized_value: float | None  # number * multiplier * unit factor
    normalized_unit: str | None  # the unit's base (units.yaml), the count word itself …
    is_placeholder: bool
    unit_word: str = ""  # the unit without its multiplier
    dimension: str = ""  # money, area, people, count, percent … ("" bare, "unknown")
    value_start: int = 0  # where the number itself starts
    value_end: int = 0
    numeral: str = "arabic"  # arabic | chinese | placeholder | percent_words | fraction
    rule: str = ""


# ---------------------------------------------------------------------------------------
# Tables, compiled once at import.

@dataclass(frozen=True, slots=True)
class UnitInfo:
    """One unit word of data/units.yaml: what it measures and how it converts to its base."""

    dimension: str  # money, area, people, count …
    base: str | None  # the normalised unit; None: the word itself (counted things)
    factor: float  # word -> base
    arabic_only: bool  # reads as a word after a Chinese numeral, so counts only after digits
    rule: str  # the id of its entry


_TABLE = "units"
_T = rules.load(_TABLE)
_GRAM = {e["id"]: e["pattern"] for e in _T["grammar"]}
_CN_DIGITS = numerals.DIGITS
_CN_SMALL = numerals.SMALL
_CN_BIG = numerals.BIG
_VAGUE = numerals.VAGUE_DIGIT
_CN_DIGITS_OR_TEN = set(_CN_DIGITS) | set(_CN_SMALL)
_VAGUE_Q = numerals.VAGUE_QUALIFIER

_UNITS: dict[str, UnitInfo] = {}
for _e in _T["units"]:
    for _w in _e["words"]:
        _UNITS[norm(_w)] = UnitInfo(_e["dimension"], _e.get("base"), float(_e["factor"]), bool(_e.get("arabic_only")),
                                    _e["id"])
_NOT_UNITS = {norm(w) for e in _T["not_units"] for w in e["words"]}
# Traditional characters (pages pasted from Hong Kong, Taiwan or converted sites) are
# folded one to one before matching, so units and multipliers are read; offsets do not change and
# the unit is still taken as written.
_FOLD_MAP: dict[str, str] = rules.entry("traditional", "fold.traditional")["chars"]
_FOLD = str.maketrans(_FOLD_MAP)
_TRADITIONAL = rules.compiled("[" + "".join(sorted(_FOLD_MAP)) + "]")
_MULTIPLIERS = rules.entry(_TABLE, "units.multiplier")
_MULT: dict[str, float] = {k: float(v) for k, v in _MULTIPLIERS["words"].items()}
_AFTER_CHINESE = tuple(_MULTIPLIERS["after_chinese"])
_LONE_ARTICLE = frozenset(rules.words(_TABLE, "units.lone_article"))
PERCENT = rules.entry(_TABLE, "units.percent")["base"]  # the unit of a percentage
_Q = _T["qualifiers"]

_AR = _GRAM["numbers.arabic"]
_PH = _GRAM["numbers.placeholder"]
_CN = _GRAM["numbers.chinese"]
_SIMPLE = f"(?:{_PH}|{_AR}|{_CN})"
_PCT = _GRAM["numbers.percent_words"]
_FRAC = _GRAM["numbers.fraction_words"]
_RATIO = _GRAM["numbers.ratio"]
_NUMBER = (
    f"(?:{_PCT}(?:{_AR}|{_CN})"  # percent words, then the number
    f"|{_AR}{_RATIO}{_AR}"  # a ratio: 2.9 to 1
    f"|(?:{_AR}|{_CN}){_FRAC}(?:{_AR}|{_CN})"  # a fraction: denominator, then numerator
    f"|{_SIMPLE})"
)
_MULT_RE = rules.alternation(_MULT)
_UNIT_RE = rules.alternation(list(_UNITS) + list(_NOT_UNITS))

# Every quantity starts with a digit, a placeholder, a Chinese numeral, a sign or a qualifier:
# checking that one character first makes the scan several times faster.
_FIRST = "".join(sorted({w[0] for w in _Q["pre"]} | set(_CN_DIGITS) | {numerals.TEN, _PCT[0]}))
_RANGE = f"(?:(?P<rmark>{re.escape(PERCENT)}|{_MULT_RE})?(?P<rng>{_GRAM['numbers.range']})(?P<num2>{_SIMPLE}))?"
_QTY_PARTS = (
    f"(?=[0-9xX×+\\-{_FIRST}])"
    f"(?P<pre>{rules.alternation(_Q['pre'])})?"
    f"(?P<num>{_NUMBER})",
    f"(?P<vague>{_VAGUE})?"
    f"(?P<mid>{rules.alternation(_Q['mid'])})?"
    # a unit that starts like a multiplier (a kilogram, a kilowatt) wins over multiplier + unit
    f"(?:(?P<unit0>{_UNIT_RE})|(?P<mult>{_MULT_RE})(?P<mid2>{rules.alternation(_Q['mid'])})?(?P<unit>{_UNIT_RE})?)?"
    f"(?P<post>{rules.alternation(_Q['post'])})?",
)
_QTY = rules.compiled(_QTY_PARTS[0] + _RANGE + _QTY_PARTS[1])
# the same without a range: where the second number is below the first (a score, 1-0) the two
# are not the ends of one range, so the first is read alone
_NO_RANGE = "(?:(?P<rmark>(?!))(?P<rng>(?!))(?P<num2>(?!)))?"  # the range's groups, never matched
_QTY_ONE = rules.compiled(_QTY_PARTS[0] + _NO_RANGE + _QTY_PARTS[1])
_NUM_ONLY = rules.compiled(f"(?P<num>{_NUMBER})(?:{_VAGUE})?(?P<mult>{_MULT_RE})?")
_UNKNOWN = rules.pattern(_TABLE, "units.unknown_single")
_ORDINAL = rules.compiled(_GRAM["numbers.ordinal_prefix"])
_PH_RE = rules.compiled(_PH)
_AR_RE = rules.compiled(_AR)
_CN_FULL = rules.compiled(_CN)
_PCT_RE = rules.compiled(_PCT)
_FRAC_RE = rules.compiled(_FRAC)
_RATIO_RE = rules.compiled(_RATIO)
_ASCII_LETTER = rules.compiled("[A-Za-z]")


# ---------------------------------------------------------------------------------------
# Reading one number.


_cn_number = numerals.cn_number
_finite = numerals.finite


def _ratio(a: float | None, b: float | None) -> float | None:
    return _finite(a / b) if a is not None and b else None


def _simple_number(s: str) -> float | None:
    if _PH_RE.fullmatch(s):
        return None
    if _AR_RE.fullmatch(s):
        return _finite(s.replace(",", ""))
    if _CN_FULL.fullmatch(s):
        return _cn_number(s)
    return None


def _read(s: str) -> tuple[float | None, str]:
    """(number, numeral kind) of a NUMBER token (normalised text)."""
    m = _PCT_RE.match(s)
    if m:
        return _simple_number(s[m.end():]), "percent_words"
    m = _RATIO_RE.search(s)
    if m:
        a, b = _simple_number(s[: m.start()]), _simple_number(s[m.end():])
        return _ratio(a, b), "ratio"
    m = _FRAC_RE.search(s)
    if m and m.start() > 0:
        den, nom = _simple_number(s[: m.start()]), _simple_number(s[m.end():])
        return _ratio(nom, den), "fraction"
    if _PH_RE.fullmatch(s):
        return None, "placeholder"
    if _AR_RE.fullmatch(s):
        return _finite(s.replace(",", "")), "arabic"
    return _cn_number(s), "chinese"


def parse_number(text: str) -> float | None:
    """The number in ``text`` (the first one when there are several), multiplier applied.

    A multiplier applies (1.2 with the ten-thousand multiplier -> 12000.0), Chinese digits
    alone read as a year does (2022.0), percent words and signs give the percentage (30.0,
    5.4); placeholders and text without a number -> None.
    """
    t = norm(text or "").strip()
    if not t:
        return None
    m = _NUM_ONLY.fullmatch(t) or _NUM_ONLY.search(t)
    if not m:
        return None
    tok, mult = m.group("num"), m.group("mult")
    number, kind = _read(tok)
    if kind == "chinese" and not mult:
        tok, mult = _split_big(tok)
        number = _cn_number(tok) if tok else number
    if number is None:
        return None
    return _finite(number * (_MULT[mult] if mult else 1.0))


def _split_big(tok: str) -> tuple[str, str | None]:
    """A Chinese numeral ending in a big unit is (numeral, multiplier): 3500 of ten thousand."""
    for m in sorted(_MULT, key=len, reverse=True):
        if tok.endswith(m) and len(tok) > len(m) and all(ch in _CN_BIG for ch in m if ch in _CN_BIG):
            head = tok[: -len(m)]
            if head and not any(ch in _CN_BIG for ch in head) and m in _AFTER_CHINESE:
                return head, m
    return tok, None


# ---------------------------------------------------------------------------------------
# Finding quantities.


def find_quantities(text: str, include_bare: bool = False, normalized: str | None = None) -> list[Quantity]:
    """Every quantity in ``text`` with a unit (bare numbers too if ``include_bare``).

    Dates, clock times, ages and ordinals are not quantities (their "unit" is in
    units.yaml ``not_units``, or an ordinal prefix precedes them); a Chinese numeral needs a
    real unit and is never a lone article (units.yaml ``lone_article``).  ``normalized`` is ``norm(text)`` when the
    caller has it already.
    """
    t = normalized if normalized is not None else norm(text)
    if _TRADITIONAL.search(t):
        t = t.translate(_FOLD)
    out: list[Quantity] = []
    pos = 0
    while (m := _QTY.search(t, pos)) is not None:
        if m.group("num2") and _inverted(m):
            m = _QTY_ONE.match(t, m.start())
        pos = m.end()
        q = _quantity(text, t, m, include_bare)
        if q is not None:
            out.append(q)
    return out


def _inverted(m: re.Match) -> bool:
    """A "range" whose second end is below its first (1-0) is no range."""
    low, high = _read(m.group("num"))[0], _read(m.group("num2"))[0]
    return low is not None and high is not None and high < low


def _quantity(orig: str, t: str, m: re.Match, include_bare: bool) -> Quantity | None:
    tok = m.group("num")
    if (m.group("unit0") or m.group("unit")) in _NOT_UNITS:
        return None  # dates and ages
    if tok[0] in _CN_DIGITS_OR_TEN and not (m.group("unit0") or m.group("unit") or m.group("mult")):
        if not (_FRAC in tok or _RATIO in tok):  # a Chinese numeral needs a unit: most are words
            return None
    vs, ve = m.span("num")
    if m.group("num2"):
        ve = m.end("num2")
    if vs and _ORDINAL.search(t[max(0, vs - 1): vs]) and not m.group("pre"):
        return None
    if vs and _ASCII_LETTER.match(t[vs - 1]):  # names with digits: G20, PM2.5, H7N9
        return None
    number, numeral = _read(tok)
    if number is None and numeral in ("arabic", "chinese"):
        return None  # more digits than any float holds: no figure
    mult = m.group("mult")
    ugroup = "unit0" if m.group("unit0") else "unit"
    unit = m.group(ugroup) or ""
    rmark = m.group("rmark")
    if numeral == "chinese" and not mult:
        head, big = _split_big(tok)
        if big:
            tok, mult, ve = head, big, vs + len(head)
            number = _cn_number(head)
    if rmark and rmark != PERCENT and not mult:
        mult = rmark
    if unit in _NOT_UNITS:
        return None
    if unit and _ASCII_LETTER.match(unit[-1]) and m.end(ugroup) < len(t) and _ASCII_LETTER.match(t[m.end(ugroup)]):
        return None  # "5min" is not 5 m
    rule = "numbers.quantity"
    end = m.end()
    post = m.group("post")
    if not unit:
        um = _UNKNOWN.match(t, max(m.end(g) for g in ("num", "num2", "vague", "mid", "mult", "mid2")))
        if (
            um
            and numeral in ("arabic", "placeholder")
            and not post
            and not m.group("mid2")
            and um.group() not in _CN_DIGITS
            and um.group() not in _CN_SMALL
        ):
            unit = um.group()
            end = um.end()
            post = None
            rule = "numbers.unknown_unit"
    if numeral == "percent_words":
        unit = PERCENT
    info = _UNITS.get(unit)
    if numeral == "chinese":
        if not unit or info is None or info.arabic_only:
            return None
        if tok in _LONE_ARTICLE and not mult:
            return None
    if not unit and not mult and numeral not in ("fraction", "ratio") and not include_bare:
        return None
    if rule == "numbers.unknown_unit":
        dim, base, factor = "unknown", unit, 1.0
    elif info:
        dim, base, factor = info.dimension, info.base or unit, info.factor
        rule = info.rule
    else:
        dim, base, factor = ("percent", PERCENT, 1.0) if numeral == "percent_words" else ("", "", 1.0)
    if numeral in ("fraction", "ratio"):
        dim = dim or numeral
    low = number
    high = None
    if m.group("num2"):
        high, _ = _read(m.group("num2"))
    qual = m.group("pre") or m.group("vague") and _VAGUE_Q or m.group("mid") or m.group("mid2") or post
    if m.group("vague"):
        ve = m.end("vague")
    multiplier = _MULT[mult] if mult else 1.0
    unit_written = orig[m.start("mult"):m.end("mult")] if mult and m.group("mult") else (mult or "")
    if numeral == "percent_words":
        unit_written = PERCENT
    elif unit:
        unit_written += orig[end - len(unit):end] if rule == "numbers.unknown_unit" else orig[m.start(ugroup):m.end(ugroup)]
    placeholder = numeral == "placeholder"
    nv = None if number is None else _finite(number * multiplier * factor)
    return Quantity(
        start=m.start(),
        end=end,
        value=orig[vs:ve],
        number=number,
        low=low,
        high=high,
        qualifier=qual or None,
        unit=unit_written,
        multiplier=multiplier,
        normalized_value=nv,
        normalized_unit=(base if nv is not None else None),
        is_placeholder=placeholder,
        unit_word=unit,
        dimension=dim,
        value_start=vs,
        value_end=ve,
        numeral=numeral,
        rule=rule,
    )


def unit_dimension(unit: str) -> str:
    """What a unit (as written, multiplier included) measures: "money", or "count:<word>" for
    a counted thing."""
    u = norm(unit)
    for m in sorted(_MULT, key=len, reverse=True):
        if u.startswith(m) and u[len(m):] in _UNITS:
            u = u[len(m):]
            break
    info = _UNITS.get(u)
    if info is None:
        return f"count:{u}" if u and u not in _MULT else ""
    return f"count:{u}" if info.dimension == "count" else info.dimension
