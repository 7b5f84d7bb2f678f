"""Recognise outline headings: which family, which ordinal, which heading text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import rules
from ..model import Heading
from ..textnorm import norm

_T = rules.load("outline")


@dataclass(frozen=True, slots=True)
class _Family:
    id: str
    family: str
    rank: int
    pattern: re.Pattern
    lost: bool


FAMILIES = tuple(
    _Family(e["id"], e["family"], int(e["rank"]), re.compile(e["pattern"]), bool(e.get("lost", False)))
    for e in _T["families"]
)
FAMILY_RANK = {f.family: f.rank for f in FAMILIES}
_NOT = [(e["id"], re.compile(e["pattern"])) for e in _T["not_heading"]]
BARE_ORDINAL = re.compile(_T["bare_ordinal"]["pattern"])
ORDINAL_CONTINUATION = re.compile(_T["bare_ordinal"]["continuation"])
BARE_HEADING = re.compile(_T["bare_heading"]["pattern"])
BARE_HEADING_MAX = int(_T["bare_heading"]["max_chars"])
BARE_HEADING_STRONG = re.compile(_T["bare_heading_strong"]["pattern"])
_HEADING_END = re.compile(_T["heading_end"])
HEADING_MAX = int(_T["heading_max_chars"])
_CLAUSE_END = re.compile(r"[,，、]")
_TERMINAL = re.compile(r"[。！？!?…]$|[。！？!?][”’」』)）\]】]$")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CN_ORDINALS = "一二三四五六七八九十"


def ordinal_value(s: str) -> int | None:
    """Value of an ordinal as written: 一→1, 十一→11, 二十→20, 3→3, ③→3."""
    if not s:
        return None
    if len(s) == 1 and s in _CIRCLED:
        return _CIRCLED.index(s) + 1
    if s.isascii() and s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            cur = _CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def ordinal_digits(s: str) -> str:
    """Chinese digits read one by one ("二二" -> "22", "〇八" -> "08"), as years are written."""
    return "".join(str(_CN_DIGITS.get(ch, 0)) if ch not in "○" else "0" for ch in s)


def cn_numeral(n: int) -> str:
    """1→一, 11→十一, 20→二十 (for suggesting a lost ordinal)."""
    d = "零一二三四五六七八九"
    if n < 10:
        return d[n]
    if n < 20:
        return "十" + (d[n % 10] if n % 10 else "")
    return d[n // 10] + "十" + (d[n % 10] if n % 10 else "")


def render_ordinal(family: str, value: int) -> str:
    return {
        "cn_dun": f"{cn_numeral(value)}、",
        "cn_paren": f"({cn_numeral(value)})",
        "ar_dun": f"{value}.",
        "ar_paren": f"({value})",
        "circled": _CIRCLED[value - 1] if 0 < value <= 20 else str(value),
        "cn_shi": f"{cn_numeral(value)}是",
        "chapter": f"第{cn_numeral(value)}章",
        "article": f"第{cn_numeral(value)}条",
    }.get(family, str(value))


def is_terminal(text: str) -> bool:
    """Does the text end a sentence (so a following line starts a new paragraph)?"""
    return bool(_TERMINAL.search(norm(text).rstrip()))


def heading_text(text: str, start: int) -> tuple[str, bool]:
    """(heading, has_inline_body): the heading is the first sentence when that is short."""
    m = _HEADING_END.search(norm(text), start)
    if m and m.start() <= HEADING_MAX:
        rest = text[m.end():].strip()
        head = text[: m.start() + (1 if m.group() in "。" else 0)] if rest else text.rstrip()
        return head.strip(), bool(rest)
    if len(text) <= HEADING_MAX:
        return text.strip(), False
    # a long first sentence: its first clause names the item well enough
    c = _CLAUSE_END.search(norm(text), start, HEADING_MAX)
    return (text[: c.start()] if c else text[:HEADING_MAX]).strip(), True


def match_heading(text: str, line: int, *, allow_shi: bool = True) -> Heading | None:
    """The Heading opened by a paragraph whose text is ``text`` (first line at ``line``)."""
    return _match_heading(text, line, allow_shi)


@lru_cache(maxsize=1 << 16)
def _match_heading(text: str, line: int, allow_shi: bool) -> Heading | None:
    # Stages ask about the same paragraph several times (page breaks, split, outline).
    raw = text
    s = norm(raw)
    lead = len(s) - len(s.lstrip())
    s = s.lstrip()
    if not s:
        return None
    for rid, pat in _NOT:
        if pat.search(s):
            return None
    for fam in FAMILIES:
        if fam.family == "cn_shi" and not allow_shi:
            continue
        m = fam.pattern.match(s)
        if not m:
            continue
        if fam.lost:
            ordinal, value = None, None
        else:
            ordinal = m.group(1)
            value = ordinal_value(ordinal)
            if value is None:
                continue
            if fam.family in ("cn_paren", "ar_paren"):
                ordinal = f"({ordinal})"
            elif fam.family == "cn_shi":
                ordinal = f"{ordinal}是"
        head, inline = heading_text(raw[lead:], 0)
        return Heading(line=line, family=fam.family, ordinal=ordinal, value=value, heading=head,
                       rule=fam.id, inline_body=inline)
    return None


def is_bare_heading(text: str, strong: bool = False) -> bool:
    """A short unnumbered line naming a part of a report ("2023年工作计划").

    ``strong``: only names of whole parts (with a year, 工作总结/计划, 存在问题, 下步…).
    """
    s = norm(text).strip()
    ok = 2 <= len(s) <= BARE_HEADING_MAX and not is_terminal(s) and bool(BARE_HEADING.match(s))
    return ok and (not strong or bool(BARE_HEADING_STRONG.search(s)))


_ORDINAL_PREFIX = re.compile(r"^\s*(第?[一二三四五六七八九十\d]{1,3}[、.．,，篇章条是]|[(（][一二三四五六七八九十\d]{0,3}[)）]|[①-⑳])\s*")


def strip_ordinal(s: str) -> str:
    """A title without the number a compilation put before it."""
    m = _ORDINAL_PREFIX.match(s)
    return s[m.end():] if m else s
