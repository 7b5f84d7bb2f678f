"""Chinese numerals, read and written in one place (tables: data/numerals.yaml).

- ``cn_int`` / ``cn_number``: a numeral by place value (thousands, hundreds, tens, a decimal
  point written as a word); a run of plain digits is read digit by digit, as years are written.
- ``ordinal_value``: an item number as written in an outline, Chinese, Arabic or circled.
- ``read_digits``: Chinese digits one by one (zero, eight -> "08").
- ``to_chinese`` / ``circled``: a number written back, to suggest a lost ordinal.
"""
from __future__ import annotations

import math

from . import rules

_T = rules.load("numerals")
DIGITS: dict[str, int] = _T["digits"]["values"]
SMALL: dict[str, int] = _T["small"]["values"]
BIG: dict[str, int] = _T["big"]["values"]
POINT: str = _T["point"]["word"]
CIRCLED: str = _T["circled"]["chars"]
VAGUE_DIGIT: str = _T["vague"]["digit"]
VAGUE_QUALIFIER: str = _T["vague"]["qualifier"]
TEN = next(ch for ch, v in SMALL.items() if v == 10)
_WRITTEN_DIGITS = {v: ch for ch, v in reversed(DIGITS.items())}  # the first spelling of each value
_BIG_SECTION = 10000  # a big unit above ten thousand multiplies everything before it


def cn_int(s: str) -> float | None:
    """Value of a Chinese integer; None if ``s`` holds anything else."""
    if not s:
        return None
    if all(ch in DIGITS for ch in s):  # digit by digit
        return finite("".join(str(DIGITS[ch]) for ch in s))
    return _place_value(s)


def finite(x) -> float | None:
    """``x`` as a float, or None when no float holds it (a run of hundreds of digits is no
    figure; it must not stop the reading of the report nor write Infinity into JSON)."""
    try:
        f = float(x)
    except (OverflowError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _place_value(s: str) -> float | None:
    """By place value only: in an ordinal a run of digits is no year (the last one counts)."""
    total = section = num = 0
    for ch in s:
        if ch in DIGITS:
            num = DIGITS[ch]
        elif ch in SMALL:
            section += (num or 1) * SMALL[ch]
            num = 0
        elif ch in BIG:
            if BIG[ch] > _BIG_SECTION:
                total = (total + section + num) * BIG[ch]
            else:
                total += (section + num) * BIG[ch]
            section = num = 0
        else:
            return None
    return finite(total + section + num)


def cn_number(s: str) -> float | None:
    """Like ``cn_int``, with a decimal part after the word for the point."""
    whole, dot, frac = s.partition(POINT)
    base = cn_int(whole)
    if base is None or not dot:
        return base
    if not frac or not all(ch in DIGITS for ch in frac):
        return None
    return finite(f"{int(base)}.{''.join(str(DIGITS[ch]) for ch in frac)}")


def ordinal_value(s: str) -> int | None:
    """Value of an item number as written: Chinese, Arabic digits or a circled number."""
    if not s:
        return None
    if len(s) == 1 and s in CIRCLED:
        return CIRCLED.index(s) + 1
    if s.isascii() and s.isdigit():
        return int(s)
    v = _place_value(s)
    return None if v is None else int(v)


def read_digits(s: str) -> str:
    """Chinese digits read one by one, as years are written; anything else reads as 0."""
    return "".join(str(DIGITS.get(ch, 0)) for ch in s)


def to_chinese(n: int) -> str:
    """A number in Chinese numerals as outlines write it (ten, ten-one, two-ten …) up to 99;
    larger numbers stay Arabic."""
    if n < 0 or n > 99:
        return str(n)
    if n < 10:
        return _WRITTEN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _WRITTEN_DIGITS[tens]
    return head + TEN + (_WRITTEN_DIGITS[ones] if ones else "")


def circled(n: int) -> str:
    return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
