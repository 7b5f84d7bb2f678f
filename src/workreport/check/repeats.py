"""Text repeated inside one report (duplicate_text): a sentence or paragraph pasted twice.

Sentences are compared whole, after dropping spaces, punctuation and a leading ordinal, so a
paragraph pasted again under another heading is found too; short sentences (stock phrases such
such as "cover all who qualify") are left alone.  A sentence that repeats the last clauses of an earlier one
(or the other way round) counts when that tail is long enough to be no stock phrase.  The later copy is reported, its run of repeated sentences
in one finding, with the line of the first copy.  Copies between different reports of a
compilation are copies.py's business.
"""
from __future__ import annotations

import re

from .. import rules
from ..model import Document, Finding, Report, Span
from .common import limit, message

_SENT = rules.pattern("checks", "check.repeat.sentence")
_ORDINAL = rules.pattern("checks", "check.repeat.leading_ordinal")
_DROP = re.compile(r"[\W_]+")
_END = rules.pattern("checks", "check.repeat.sentence_end")
_CLAUSE = rules.pattern("checks", "check.repeat.clause")
MIN_CHARS = int(limit("check.repeat.min_chars"))
MIN_TAIL = int(limit("check.repeat.min_tail_chars"))
PLAIN_CHARS = int(limit("check.repeat.plain_chars"))
_DIGIT = re.compile(r"\d")


def _key(sentence: str) -> str:
    m = _ORDINAL.match(sentence)
    return _DROP.sub("", sentence[m.end():] if m else sentence)


def _tails(sentence: str, start: int):
    """(offset, key) of each clause tail of a sentence: the text after each comma."""
    for m in _CLAUSE.finditer(sentence):
        yield start + m.end(), _key(sentence[m.end():])


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    seen: dict[str, int] = {}  # sentence key -> line of its first copy
    tails: dict[str, int] = {}  # key of a clause tail of an earlier sentence -> its line
    out: list[Finding] = []
    for p in report.paragraphs:
        run: list[tuple[int, int, int]] = []  # (start, end, first line) of repeated sentences in a row
        for m in _SENT.finditer(p.norm_text):
            s = m.group()
            # a fragment or heading is no sentence; a short one without figures is a slogan the
            # genre repeats on purpose (a review and its plan name the same goal)
            key = _key(s) if _END.search(s) and (_DIGIT.search(s) or len(_key(s)) >= PLAIN_CHARS) else ""
            if len(key) < MIN_CHARS:
                if run and not key:
                    continue
                out += _close(p, run)
                run = []
                continue
            first = seen.get(key)
            if first is None and len(key) >= MIN_TAIL:
                first = tails.get(key)  # "…, 368 disputes settled this year, 99.2% mediated." then that tail alone
            if first is not None:
                run.append((m.start(), m.end(), first))
                continue
            out += _close(p, run)
            run = []
            line = p.line_at(m.start())[0]
            for a, tail in _tails(m.group(), m.start()):
                if len(tail) >= MIN_TAIL and tail in seen:  # an earlier sentence again as this one's tail
                    out += _close(p, [(a, m.end(), seen[tail])])
                    break
            seen[key] = line
            for _, tail in _tails(m.group(), m.start()):
                if len(tail) >= MIN_TAIL:
                    tails.setdefault(tail, line)
        out += _close(p, run)
    return out


def _close(p, run: list[tuple[int, int, int]]) -> list[Finding]:
    """One finding per line for a run of repeated sentences (a span never leaves its line)."""
    out: list[Finding] = []
    by_line: dict[int, list[tuple[int, int, int]]] = {}
    for a, b, first in run:
        by_line.setdefault(p.line_at(a)[0], []).append((a, b, first))
    for ln, items in by_line.items():
        a, b = items[0][0], min(items[-1][1], p.piece_end(items[-1][0]))
        while a < b and p.text[a].isspace():
            a += 1
        while b > a and p.text[b - 1].isspace():
            b -= 1
        col = p.line_at(a)[1]
        whole = p.text[a:b] == p.text.strip()
        key = "duplicate_text.paragraph" if whole else "duplicate_text.sentence"
        out.append(Finding(line=ln, rule="duplicate_text", severity="warning",
                           message=message(key, line=items[0][2], n=len(items)), wrong=p.text[a:b], right=None,
                           span=Span(col, col + b - a), rule_id="check.repeat.sentence"))
    return out
