"""Lexical cohesion across each paragraph boundary (TextTiling-like), lexicon-free.

Two texts pasted one after the other were written by different bodies on different subjects:
the characters just before a seam and just after it share few word pieces, where two paragraphs
of one report share its subject's (its body's name, its field's terms).  The cosine of the
character-bigram tf-idf vectors of a bounded window before and after the boundary says how much.
The idf is the document's own (each paragraph a document), so no outside vocabulary is read.
Alone the measure is weak (a report changes topic between parts too); evidence.py reads it only
where the page shows a break (low_cohesion).
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


def boundary_cosines(paras: list[Paragraph]) -> list[float]:
    """For each paragraph i, the cosine between the last ``_WINDOW`` characters before it and the
    first ``_WINDOW`` from it on (1.0, no evidence, for the first paragraph, near the document's
    edges where a window cannot be filled, and where either side has no bigram).  Linear in the
    document: each window is built once per boundary from at most ``_WINDOW`` characters (and
    paragraphs), the paragraphs' texts precomputed."""
    texts = ["".join(p.norm_text.split()) for p in paras]
    n = len(texts)
    out = [1.0] * n
    if n < 2:
        return out
    df: Counter = Counter()
    for t in texts:
        df.update(set(_bigrams(t)))
    idf_none = math.log(n + 1)  # (never seen: cannot happen, the windows are the paragraphs' own text)
    idf = {g: math.log((n + 1) / c) for g, c in df.items()}

    def vector(text: str) -> dict[str, float]:
        return {g: k * idf.get(g, idf_none) for g, k in _bigrams(text).items()}

    for i in range(1, n):
        before, j = "", i - 1
        while j >= 0 and len(before) < _WINDOW:
            before = texts[j][-_WINDOW:] + before
            j -= 1
        after, j = "", i
        while j < n and len(after) < _WINDOW:
            after += texts[j][:_WINDOW]
            j += 1
        if len(before) < _WINDOW or len(after) < _WINDOW:
            continue  # (a window the document's edge cuts short, a heading alone at its top: too little to compare)
        a, b = vector(before[-_WINDOW:]), vector(after[:_WINDOW])
        na = math.sqrt(sum(v * v for v in a.values()))
        nb = math.sqrt(sum(v * v for v in b.values()))
        if not na or not nb:
            continue
        out[i] = sum(v * b.get(g, 0.0) for g, v in a.items()) / (na * nb)
    return out
