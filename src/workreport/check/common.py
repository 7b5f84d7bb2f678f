"""What every check shares: the report's lines, compiled rule patterns, finding helpers."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .. import rules
from ..model import Document, Report

@lru_cache(maxsize=1)
def _messages() -> dict[str, str]:
    return rules.load("messages")["messages"]


def message(key: str, **fields) -> str:
    """The reader-facing text of a finding (data/messages.yaml), filled in."""
    return _messages()[key].format(**fields)


@lru_cache(maxsize=None)
def patterns(table: str, key: str) -> tuple[tuple[str, re.Pattern, dict], ...]:
    """(rule id, compiled pattern, entry) of every entry with a pattern under ``key``."""
    return tuple(
        (e["id"], rules.compiled(e["pattern"]), e) for e in rules.load(table)[key] if e.get("pattern")
    )


def limit(rid: str):
    return rules.limit("checks", rid)


class ReportLines(list):
    """The (line, text, normalised text) triples of one report, with a place where what several
    checks derive from them (the figures of each line) is kept, so it is derived once."""

    __slots__ = ("memo",)

    def __init__(self, items=()):
        super().__init__(items)
        self.memo: dict = {}


def report_lines(doc: Document, report: Report) -> list[tuple[int, str, str]]:
    """(line, text, normalised text) of the report's text lines (furniture left out); the
    normalised text is the Document's own."""
    seen: set[int] = set()
    out = []
    for p in report.paragraphs:
        for ln, _ in p.pieces:
            if ln in seen or not 1 <= ln <= len(doc.lines):
                continue
            seen.add(ln)
            out.append((ln, doc.lines[ln - 1], doc.norm_lines[ln - 1]))
    if not report.paragraphs:  # a report built without paragraphs: every non-blank line
        for ln in range(report.start_line, report.end_line + 1):
            text = doc.lines[ln - 1]
            if text.strip():
                out.append((ln, text, doc.norm_lines[ln - 1]))
    out.sort()
    return ReportLines(out)


class Joined:
    """The report's lines joined by newlines, to run a pattern once per report, not per line.

    ``locate`` maps an offset of the joined text back to (line, offset in that line).
    """

    __slots__ = ("text", "norm", "starts", "numbers")

    def __init__(self, lines: list[tuple[int, str, str]]):
        self.text = "\n".join(t for _, t, _ in lines)
        self.norm = "\n".join(n for _, _, n in lines)
        self.numbers = [ln for ln, _, _ in lines]
        self.starts = []
        pos = 0
        for _, t, _ in lines:
            self.starts.append(pos)
            pos += len(t) + 1

    def locate(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return self.numbers[i], offset - self.starts[i]
