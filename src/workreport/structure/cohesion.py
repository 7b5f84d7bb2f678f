"""Lexical cohesion across each paragraph boundary (TextTiling-like), lexicon-free.

Two texts pasted one after the other were written by different bodies on different subjects:
the characters just before a seam and just after it share few word pieces, where two paragraphs
of one report share its subject's (its body's name, its field's terms).  The cosine of the
character-bigram tf-idf vectors of a bounded window before and after the boundary says how much.
The idf is the document's own (each paragraph a document), so no outside vocabulary is read.
Alone the measure is weak (a report changes topic between parts too); evidence.py reads it only
where the page shows a break (low_cohesion), so a boundary's cosine is computed only when read.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from .. import rules
from ..model import Paragraph

_TABLE = "split"
_WINDOW = int(rules.limit(_TABLE, "split.cohesion_window_chars"))
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")  # bigrams never straddle punctuation, digits or Latin


def _bigrams(text: str) -> Counter:
    out: Counter = Counter()
    for run in _HAN_RUN.findall(text):
        out.update(run[k: k + 2] for k in range(len(run) - 1))
    return out


def _bigram_set(text: str) -> set[str]:
    """The distinct bigrams of ``text`` (those of _bigrams, without counting them)."""
    return {run[k: k + 2] for run in _HAN_RUN.findall(text) for k in range(len(run) - 1)}


class Cohesion:
    """The cosine at each paragraph boundary, computed when asked for (evidence.py reads it only
    where a page shows a break, at a few boundaries of many): the paragraphs' texts are joined
    once, the idf on the first question, each boundary's windows when it is asked for."""

    def __init__(self, paras: list[Paragraph]):
        self._texts = ["".join(p.norm_text.split()) for p in paras]
        self._idf: dict[str, float] | None = None
        self._idf_none = math.log(len(self._texts) + 1)  # (never seen: cannot happen, the windows are the paragraphs' own text)
        self._at: dict[int, float] = {}

    def _vector(self, text: str) -> dict[str, float]:
        if self._idf is None:
            df: Counter = Counter()
            for t in self._texts:
                df.update(_bigram_set(t))
            n = len(self._texts)
            self._idf = {g: math.log((n + 1) / c) for g, c in df.items()}
        idf, none = self._idf, self._idf_none
        return {g: k * idf.get(g, none) for g, k in _bigrams(text).items()}

    def at(self, i: int) -> float:
        """The cosine between the last ``_WINDOW`` characters before paragraph i and the first
        ``_WINDOW`` from it on (1.0, no evidence, for the first paragraph, near the document's
        edges where a window cannot be filled, and where either side has no bigram).  Each window
        is built from at most ``_WINDOW`` characters (and paragraphs)."""
        got = self._at.get(i)
        if got is None:
            got = self._at[i] = self._cosine(i)
        return got

    def _cosine(self, i: int) -> float:
        texts, n = self._texts, len(self._texts)
        if not 0 < i < n:
            return 1.0
        before, j = "", i - 1
        while j >= 0 and len(before) < _WINDOW:
            before = texts[j][-_WINDOW:] + before
            j -= 1
        after, j = "", i
        while j < n and len(after) < _WINDOW:
            after += texts[j][:_WINDOW]
            j += 1
        if len(before) < _WINDOW or len(after) < _WINDOW:
            return 1.0  # (a window the document's edge cuts short, a heading alone at its top: too little to compare)
        a, b = self._vector(before[-_WINDOW:]), self._vector(after[:_WINDOW])
        na = math.sqrt(sum(v * v for v in a.values()))
        nb = math.sqrt(sum(v * v for v in b.values()))
        if not na or not nb:
            return 1.0
        return sum(v * b.get(g, 0.0) for g, v in a.items()) / (na * nb)
