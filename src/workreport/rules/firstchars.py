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


def _class(av) -> str:
    """One character class (a regex) for a parsed ``IN`` item, negated ones included."""
    out, negate = [], False
    for o, a in av:
        if o is C.NEGATE:
            negate = True
        elif o is C.LITERAL:
            out.append(re.escape(chr(a)))
        elif o is C.RANGE:
            out.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
        elif o is C.CATEGORY and a in _CATEGORIES:
            out.append(_CATEGORIES[a])
        else:
            raise _Open
    return ("[^" if negate else "[") + "".join(out) + "]"


def _last_seq(items) -> tuple[list[str], bool]:
    """(one-character regexes the sequence's last character matches, may match empty)."""
    out: list[str] = []
    for op, av in reversed(list(items)):
        last, empty = _last_node(op, av)
        out += last
        if not empty:
            return out, False
    return out, True


def _last_node(op, av) -> tuple[list[str], bool]:
    if op is C.LITERAL:
        return [re.escape(chr(av))], False
    if op is C.IN:
        return [_class(av)], False
    if op is C.NOT_LITERAL:
        return ["[^" + re.escape(chr(av)) + "]"], False
    if op is C.ANY:
        return ["."], False  # not DOTALL (flags are refused): any character but a newline
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Open
        return _last_seq(sub)
    if op is C.BRANCH:
        out, empty = [], False
        for branch in av[1]:
            last, e = _last_seq(branch)
            out += last
            empty |= e
        return out, empty
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        lo, _, sub = av
        last, empty = _last_seq(sub)
        return last, empty or lo == 0
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _last_seq(av)
    if op in (C.ASSERT, C.ASSERT_NOT) or (op is C.AT and av not in _END):
        return [], True  # zero width: it only narrows what comes before
    raise _Open  # a back-reference, a conditional, an end anchor inside


_END = (C.AT_END, C.AT_END_STRING) if _parser is not None else ()


def _ends_at_end(items) -> bool:
    """Does every match of the parsed sequence end at the end anchor (``$`` or ``\\Z``)?"""
    items = list(items)
    if not items:
        return False
    op, av = items[-1]
    if op is C.AT:
        return av in _END
    if op is C.BRANCH:
        return all(_ends_at_end(b) for b in av[1])
    if op is C.SUBPATTERN and not (av[1] or av[2]):
        return _ends_at_end(av[3])
    return False


def _strip_end(items) -> list:
    """The sequence without its end anchors (see _ends_at_end)."""
    items = list(items)
    op, av = items[-1]
    if op is C.AT:
        return items[:-1]
    if op is C.BRANCH:
        return items[:-1] + [(C.BRANCH, (av[0], [_strip_end(b) for b in av[1]]))]
    return items[:-1] + [(C.SUBPATTERN, (av[0], av[1], av[2], _strip_end(av[3])))]


def last_class(pattern: str) -> str | None:
    """A regex of one character that every match of ``pattern`` ends with, when every match
    ends at the end anchor (``$``); None when not (or when a match may be empty)."""
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern, 0)
        if tree.state.flags & ~int(re.UNICODE) or not _ends_at_end(tree):
            return None
        last, empty = _last_seq(_strip_end(tree))
    except (_Open, re.error, RecursionError):
        return None
    if empty or not last:
        return None
    return "(?:" + "|".join(dict.fromkeys(last)) + ")"


class Ends:
    """Can a match of an end-anchored pattern end where a text ends?  ``may_end(text)`` is False
    only when no match of the pattern in ``text`` (searched or matched from its start, no end
    position given) can exist, by its last character; the answer per character is kept."""

    __slots__ = ("_test", "_seen")

    def __init__(self, pattern: str):
        from .loader import compiled

        cls = last_class(pattern)
        self._test = compiled(cls) if cls is not None else None
        self._seen: dict[str, bool] = {}

    def may_end(self, text: str) -> bool:
        # ``$`` also matches before a final newline: then the last character proves nothing
        if self._test is None or not text or text[-1] == "\n":
            return True
        c = text[-1]
        known = self._seen.get(c)
        if known is None:
            known = self._seen[c] = self._test.fullmatch(c) is not None
        return known
