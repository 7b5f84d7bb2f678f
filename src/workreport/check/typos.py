"""Typos (rule ``typo``): the confusion list, commonly misspelled words, near misses of fixed
phrases, doubled words (data: typos.yaml).  ``rule_id`` says which list found it."""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from .. import rules
from ..model import Document, Finding, Report, Span
from ..textnorm import norm
from .common import Joined, message, patterns, report_lines

_HAN = rules.piece("han")
_HAN_RE = rules.compiled(_HAN)


@lru_cache(maxsize=1)
def _phrase_variants():
    """One alternation of literal near-miss variants, and what each stands for.

    Deletion variants drop one interior character; substitution variants (opt-in) replace one
    character with any other Chinese character.  Every alternative starts with a literal so the
    regex engine can skip most positions by their first character: a replaced first character
    is matched as the literal tail and the character before it is checked afterwards.
    """
    variants: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    tails: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    alts: list[str] = []
    for e in rules.load("typos")["fixed_phrases"]:
        exc = tuple(e.get("except", []))
        for w in e["words"]:
            for i in range(1, len(w) - 1):
                v = w[:i] + w[i + 1:]
                if len(v) >= 3 and v not in exc and v not in variants:
                    variants[v] = (e["id"], w, exc)
                    alts.append(re.escape(v))
            if e.get("substitution"):
                tails[w[1:]] = (e["id"], w, exc)
                alts.append(re.escape(w[1:]))
                for i in range(1, len(w)):
                    variants[w[:i] + "\0" + w[i + 1:]] = (e["id"], w, exc)
                    alts.append(re.escape(w[:i]) + f"(?!{re.escape(w[i])}){_HAN}" + re.escape(w[i + 1:]))
    alts.sort(key=len, reverse=True)
    return rules.compiled("|".join(alts)), variants, tails


@lru_cache(maxsize=1)
def _all_words() -> tuple[str, ...]:
    return tuple(w for e in rules.load("typos")["fixed_phrases"] for w in e["words"])


def _lookup(found: str, variants) -> tuple[str, str, tuple[str, ...]] | None:
    if found in variants:
        return variants[found]
    for i in range(len(found)):
        key = found[:i] + "\0" + found[i + 1:]
        if key in variants:
            return variants[key]
    return None


def _phrases(text: str, nt: str) -> list[Finding]:
    pat, variants, tails = _phrase_variants()
    out = []
    for m in pat.finditer(nt):
        a, b = m.start(), m.end()
        hit = _lookup(m.group(), variants)
        if not hit and m.group() in tails:
            rid, right, exc = tails[m.group()]
            prev = nt[a - 1] if a else ""
            if not _HAN_RE.fullmatch(prev) or prev == right[0]:
                continue
            hit, a = tails[m.group()], a - 1
        if not hit:
            continue
        rid, right, exc = hit
        # A real word that contains the variant, or a set phrase around it, is fine.
        if any(w in nt[max(0, a - len(w)):b + len(w)] for w in exc + _all_words()):
            continue
        wrong = text[a:b]
        out.append(Finding(
            line=a, rule="typo", severity="error",
            message=message("typo.phrase", wrong=wrong, right=right),
            wrong=wrong, right=right, rule_id=rid,
        ))
    return out


@lru_cache(maxsize=1)
def _misspelled() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    entries = rules.load("typos")["misspelled"]
    table = {e["wrong"]: (e["id"], e["right"]) for e in entries}
    return rules.compiled(rules.alternation(table)), table


def _words(text: str, nt: str) -> list[Finding]:
    pat, table = _misspelled()
    out = []
    for m in pat.finditer(nt):
        rid, right = table[m.group()]
        wrong = text[m.start():m.end()]
        out.append(Finding(line=m.start(), rule="typo", severity="error",
                           message=message("typo.confusion", wrong=wrong, right=right), wrong=wrong, right=right,
                           rule_id=rid))
    return out


def _confusions(text: str, nt: str) -> list[Finding]:
    out = []
    for rid, pat, e in patterns("typos", "confusions"):
        for m in pat.finditer(nt):
            wrong = text[m.start():m.end()]
            right = e.get("right", "")
            out.append(Finding(
                line=m.start(), rule="typo", severity="error",
                message=message("typo.confusion", wrong=wrong, right=right) if right else message("typo.forbidden", wrong=wrong),
                wrong=wrong, right=right, rule_id=rid,
            ))
    return out


_MIN_WORD_USES = rules.limit("typos", "typo.doubled.min_uses")
_LONG_TEXT = rules.limit("typos", "typo.doubled.long_text")
_WINDOW = int(rules.limit("typos", "typo.doubled.window"))


@lru_cache(maxsize=1)
def _allow() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    entries = rules.load("typos")["doubled_allow"]
    words = frozenset(w for e in entries for w in e.get("words", []))
    return words, tuple(rules.compiled(e["pattern"]) for e in entries if e.get("pattern"))


@lru_cache(maxsize=1)
def _junctions() -> tuple[str, ...]:
    return tuple(w for e in rules.load("typos")["doubled_junctions"] for w in e["words"])


def _junction(nt: str, a: int, b: int) -> bool:
    """Is the doubling at [a, b) where one compound ends and the next begins ("compulsory
    education" then "education group", the shared word written once each)?"""
    window = nt[max(0, a - 4):b + 4]
    return any(w in window for w in _junctions())


def _misaligned(nt: str, a: int, unit: str) -> bool:
    """A doubling read across word edges (the last character of one word and the first of the
    next, twice over, in "employment, entrepreneurship, innovation"): the unit read one character
    later (entrepreneurship) is the word this text uses."""
    if len(unit) != 2:
        return False
    window = nt[max(0, a - _WINDOW):a + _WINDOW]
    return window.count(unit[1] + unit[0]) > window.count(unit)


def doubled_allowed(unit: str) -> bool:
    words, pats = _allow()
    return unit in words or any(p.search(unit) for p in pats)


def _used_at_least(nt: str, unit: str, k: int) -> bool:
    """Does ``unit`` occur ``k`` times in ``nt`` (counted as str.count does)?  Stops at the k-th,
    so a word used all over a long text costs a few steps, not a scan of the text."""
    pos = 0
    for _ in range(k):
        i = nt.find(unit, pos)
        if i < 0:
            return False
        pos = i + len(unit)
    return True


def _doubled(text: str, nt: str) -> list[Finding]:
    out = []
    used: dict[str, bool] = {}  # unit -> used elsewhere in the text (asked once per unit)
    for rid, pat, _ in patterns("typos", "doubled"):
        for m in pat.finditer(nt):
            unit = m.group(1) if pat.groups else m.group()[:1]
            if doubled_allowed(unit):
                continue
            if pat.groups and len(set(unit)) == 1:  # AABB reduplication of one character each
                continue
            if pat.groups and (_junction(nt, m.start(), m.end()) or _misaligned(nt, m.start(), unit)):
                continue
            if pat.groups and len(nt) >= _LONG_TEXT and not used.setdefault(
                    unit, _used_at_least(nt, unit, int(_MIN_WORD_USES) + 2)):
                # Three words in a row can read as a doubled fragment across their borders; a
                # slip doubles a word the report uses elsewhere, not a fragment seen only there.
                continue
            wrong = text[m.start():m.end()]
            out.append(Finding(
                line=m.start(), rule="typo", severity="error",
                message=message("doubled_word", unit=unit), wrong=wrong, right=unit if pat.groups else wrong[:1],
                rule_id=rid,
            ))
    return out


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    j = Joined(lines)
    found = _confusions(j.text, j.norm) + _words(j.text, j.norm) + _phrases(j.text, j.norm) + _doubled(j.text, j.norm)
    # The helpers run over the joined text and put the match offset in ``line``; map it back.
    out = []
    for f in found:
        ln, col = j.locate(f.line)
        out.append(dataclasses.replace(f, line=ln, span=Span(col, col + len(f.wrong or ""))))
    return out


def find_in_text(text: str) -> list[Finding]:
    """Every typo finding in one piece of text (``line`` holds the offset); for tests and tools."""
    nt = norm(text)
    return _confusions(text, nt) + _words(text, nt) + _phrases(text, nt) + _doubled(text, nt)
