"""Lists named once and counted once: "A and B grew X% and Y% respectively" — the k-th figure
after the word for "respectively" belongs to the k-th name listed before it, with the verb phrase
between that word and the first figure (grew; completed ... of the year's plan).

Names that share their head noun write it once ("urban and rural per-capita disposable income",
"equipment manufacturing and high-tech manufacturing value added"): the last name's head is given
to the others.  Where a name's last character recurs in the last name, what follows it there is
the head (the industry word before "value added"); else a short name (a modifier: urban, primary)
takes what the last name has after as many characters.  One word may name two parts at once
(urban-and-rural: data's ``joint``).

Patterns: data/indicators.yaml (indicators.measure.respectively, list_separator, list_clause,
figure_join; the limit indicators.respective_predicate_chars).  A pure function of the
paragraph's normalised text and its quantities; nothing is assigned unless the number of names
equals the number of figures.  A name that is a listed measure (data/measures.yaml) takes no head.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import rules
from .measures import canonical, group_of
from .numbers import Quantity

_TABLE = "indicators"
_RESP = rules.pattern(_TABLE, "indicators.measure.respectively")
_SEP = rules.pattern(_TABLE, "indicators.measure.list_separator")
_AND = rules.pattern(_TABLE, "indicators.measure.list_separator", key="and")
_JOINT: dict[str, list[str]] = rules.entry(_TABLE, "indicators.measure.list_separator")["joint"]
_CLAUSE = rules.pattern(_TABLE, "indicators.measure.list_clause")
_JOIN = rules.pattern(_TABLE, "indicators.measure.figure_join")
_SENT = rules.pattern(_TABLE, "indicators.boundary.sentence")
_MAX_PRED = int(rules.limit(_TABLE, "indicators.respective_predicate_chars"))
_MAX_LIST = int(rules.limit(_TABLE, "indicators.respective_list_chars"))
_MODIFIER = 2  # a name this short before a longer last name is a modifier of its head
_MIN_HEAD = 2


def respective(t: str, qs: list[Quantity]) -> dict[int, tuple[str, str, str]]:
    """{quantity start: (name, predicate, the words as written)} for the figures of
    "respectively" lists in ``t``."""
    out: dict[int, tuple[str, str, str]] = {}
    starts = [q.start for q in qs]
    written = ""
    names: list[str] = []  # the last list of names of the sentence (reached X, Y; grew Z, W)
    sent_end = -1
    for m in _RESP.finditer(t):
        if m.start() > sent_end:  # a new sentence: its end, once
            names, written = [], ""
            nxt = _SENT.search(t, m.end())
            sent_end = nxt.start() if nxt else len(t)
        k = bisect_left(starts, m.end())
        if k == len(starts):
            continue
        if qs[k].start - m.end() > _MAX_PRED:
            continue
        pred = t[m.end():qs[k].start]
        if len(pred) > _MAX_PRED or _CLAUSE.search(pred) or _SEP.search(pred):
            continue
        run = [qs[k]]
        for q in qs[k + 1:]:
            if not _JOIN.match(t[run[-1].end:q.start]):
                break
            run.append(q)
        if len(run) < 2:
            continue
        lo = max(0, m.start() - _MAX_LIST)  # (bounded: a paragraph of joined lines stays linear)
        for c in _CLAUSE.finditer(t, lo, m.start()):
            lo = c.end()
        listed = _names(t[lo:m.start()], len(run))
        if listed:
            names, written = listed, t[lo:qs[k].start].strip()
        if len(names) != len(run):
            continue
        said = written if listed else t[m.start():qs[k].start]  # names said earlier in the sentence
        for q, name in zip(run, names):
            out[q.start] = (name, pred, said)
    return out


def _names(s: str, n: int) -> list[str]:
    """The ``n`` names listed in ``s``, each with the head they share; [] when not ``n``."""
    parts = [p for p in _SEP.split(s)]
    if len(parts) < n:
        parts = parts[:-1] + [p for p in _AND.split(parts[-1])]
    if len(parts) == 1:  # one word for two parts (data: joint)
        for w, each in _JOINT.items():
            if w in parts[0] and len(each) == n:
                return [_bare(parts[0].strip().replace(w, e, 1)) for e in each]
    parts = [_bare(p.strip()) for p in parts]
    if len(parts) != n or not all(parts):
        return []
    last = parts[-1]
    return [_with_head(p, last) for p in parts[:-1]] + [last]


def _bare(name: str) -> str:
    """``name`` without its leading scope, self and time words."""
    c = canonical(name).name
    return c if c and name.endswith(c) else name


def _with_head(name: str, last: str) -> str:
    if group_of(name):  # a listed measure is whole
        return name
    at = last.rfind(name[-1], 0, len(last) - 1)
    if at >= 0:
        head = last[at + 1:]
    elif len(name) <= _MODIFIER < len(last) - 1:
        head = last[len(name):]
    else:
        return name
    if len(head) < _MIN_HEAD or name.endswith(head):
        return name
    return name + head
