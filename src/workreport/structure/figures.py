"""Figures a PDF text layer cut out of their sentence: a number (or a masked figure) alone on a
line between the words before it and its measure word on the next line, a title broken at its year.

A number and the word it is counted in are one phrase, so a line ending in a figure goes on in a
line that opens with a measure word, and a line that is only a figure is the middle of the
sentence around it when the text before it is unfinished and the text after it takes the figure
(a measure word, a closing mark; after a percent or a masked figure any text).  A page number or an
outline number alone on its line has no measure word after it and stays a line of its own.
Patterns: data/paragraphs.yaml (figure_only, figure_end, measure_start).
"""
from __future__ import annotations

from .. import rules

_TABLE = "paragraphs"
_ONLY = rules.pattern(_TABLE, "paragraph.figure_only")
_END = rules.pattern(_TABLE, "paragraph.figure_end")
_MEASURE = rules.pattern(_TABLE, "paragraph.measure_start")
_CONTINUATION = rules.pattern(_TABLE, "paragraph.continuation_start")
_PUNCT = rules.pattern(_TABLE, "paragraph.any_punct")


def figure_only(s: str) -> bool:
    """Is the (normalised, stripped) line nothing but a number or a masked figure?"""
    return bool(_ONLY.match(s))


def _closed(s: str) -> bool:
    """A figure that needs no measure word after it: a percent, or a mask (xx) standing for a
    name or a figure alike."""
    return s.endswith("%") or not any(c.isdigit() for c in s)


def measured(figure_line: str, nxt: str) -> bool:
    """Does ``nxt`` take the figure that ends ``figure_line`` (its measure word, a closing mark)?"""
    return bool(_END.search(figure_line) and (_MEASURE.match(nxt) or _CONTINUATION.match(nxt)))


def goes_on(figure_line: str, nxt: str) -> bool:
    """Is ``nxt`` the rest of the sentence a lone figure line is the middle of?"""
    if measured(figure_line, nxt):
        return True
    return figure_only(figure_line) and _closed(figure_line) and bool(nxt) and not nxt[:1].isdigit()


def wrapped_figure_row(line: str, nxt: str) -> bool:
    """A line of prose (with its commas) whose last figure's measure word opens the next line:
    a sentence wrapped by the page, not a contents entry with its page number."""
    return bool(_PUNCT.search(line)) and measured(line, nxt)
