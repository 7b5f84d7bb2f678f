"""A guard for a large alternation: ``(?=[first characters])`` in front of it.

Python's regex engine tries every branch of an alternation at every position of the text unless
all branches begin with a plain character.  A scan of many cue patterns (periods.yaml's cues,
one alternation) spent most of its time failing branch after branch at positions where no cue
can begin.  The characters a match can begin with are read from the pattern's parse tree; one
class test then turns those positions away.  The matches are the same: a match beginning at a
position consumes its first character, which is in the class.
"""
from __future__ import annotations

import re

try:
    from re import _constants as C
    from re import _parser
except ImportError:  # pragma: no cover - other Pythons: no guard, same matches
    _parser = None

_CATEGORIES = {}
if _parser is not None:
    _CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                   C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


class _Open(Exception):
    """The first character is not a finite class (any character, a negated class, a back-reference…)."""


def _seq(items) -> tuple[list[str], bool]:
    """(class pieces, may match empty) for a sequence of parsed items."""
    out: list[str] = []
    for op, av in items:
        first, empty = _node(op, av)
        out += first
        if not empty:
            return out, False
    return out, True


def _node(op, av) -> tuple[list[str], bool]:
    if op is C.LITERAL:
        return [re.escape(chr(av))], False
    if op is C.IN:
        out = []
        for o, a in av:
            if o is C.LITERAL:
                out.append(re.escape(chr(a)))
            elif o is C.RANGE:
                out.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is C.CATEGORY and a in _CATEGORIES:
                out.append(_CATEGORIES[a])
            else:  # NEGATE and the rest
                raise _Open
        return out, False
    if op is C.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:
            raise _Open
        return _seq(sub)
    if op is C.BRANCH:
        out, empty = [], False
        for branch in av[1]:
            first, e = _seq(branch)
            out += first
            empty |= e
        return out, empty
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        lo, _, sub = av
        first, empty = _seq(sub)
        return first, empty or lo == 0
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _seq(av)
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return [], True  # zero width: it only narrows what follows
    raise _Open


def first_class(pattern: str) -> str | None:
    """A character class every match of ``pattern`` begins with, or None when there is none
    (a match may be empty or begin with any character, or the pattern ignores case)."""
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern, 0)
        if tree.state.flags & ~int(re.UNICODE):
            return None  # inline flags (ignore case, verbose …) would not survive the wrapping
        first, empty = _seq(tree)
    except (_Open, re.error, RecursionError):
        return None
    if empty or not first:
        return None
    return "[" + "".join(dict.fromkeys(first)) + "]"


def guarded(pattern: str) -> str:
    """``pattern`` behind a look-ahead for its first characters (the same matches, found sooner)."""
    cls = first_class(pattern)
    return pattern if cls is None else f"(?={cls})(?:{pattern})"
