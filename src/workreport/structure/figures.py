"""Figures and item marks a page cut or wrapped: a line of prose whose last figure's measure word
opens the next line (a wrapped sentence, not a contents entry with its page number), and the next
item's mark alone at a page's foot (the page was cut right after it began).

A figure a PDF text layer put on a line of its own is joined back into its sentence
(structure/paragraphs.py): a line ending in a figure goes on in a line opening with its measure
word, a line that is only a figure is the middle of the sentence around it.
Patterns: data/paragraphs.yaml (figure_only, figure_end, measure_start).
"""
from __future__ import annotations

import re

from .. import rules
from .headings import match_heading

_TABLE = "paragraphs"
_ONLY = rules.pattern(_TABLE, "paragraph.figure_only")
_END = rules.pattern(_TABLE, "paragraph.figure_end")
_MEASURE = rules.pattern(_TABLE, "paragraph.measure_start")
_CONTINUATION = rules.pattern(_TABLE, "paragraph.continuation_start")
_PUNCT = rules.pattern(_TABLE, "paragraph.any_punct")
_CUT_TEXT = "X"
_DIGIT_FAMILIES = frozenset({"ar_dun"})  # (1. and its enumeration-comma form: the notation a bare number goes on)
_LEAD_NUMBER = re.compile(r"\d{1,2}(?=\D)")


def measured(figure_line: str, nxt: str) -> bool:
    """Does ``nxt`` take the figure that ends ``figure_line`` (its measure word, a closing mark)?"""
    return bool(_END.search(figure_line) and (_MEASURE.match(nxt) or _CONTINUATION.match(nxt)))


def figure_only(s: str) -> bool:
    """Is the (normalised, stripped) line nothing but a number or a masked figure?"""
    return bool(_ONLY.match(s))


def _closed(s: str) -> bool:
    """A figure that needs no measure word after it: a percent, or a mask (xx) standing for a
    name or a figure alike."""
    return s.endswith("%") or not any(c.isdigit() for c in s)


def goes_on(figure_line: str, nxt: str) -> bool:
    """Is ``nxt`` the rest of the sentence a lone figure line is the middle of?"""
    if measured(figure_line, nxt):
        return True
    return figure_only(figure_line) and _closed(figure_line) and bool(nxt) and not nxt[:1].isdigit()


def wrapped_figure_row(line: str, nxt: str) -> bool:
    """A line of prose (with its commas) whose last figure's measure word opens the next line:
    a sentence wrapped by the page, not a contents entry with its page number."""
    return bool(_PUNCT.search(line)) and measured(line, nxt)


def next_item(above: str, line: str) -> bool:
    """Is ``line`` only the mark of the item after the one that opens ``above`` (items 1, 2, then
    "3" alone; the first point, then the second's mark alone) at a page's foot?  The page was cut
    right after the next item's mark: the text's own line, not a page number nor a title."""
    if line.isdigit():
        h = match_heading(above, 0)
        if h is not None and h.value is not None:
            return h.family in _DIGIT_FAMILIES and h.value + 1 == int(line)
        lead = _LEAD_NUMBER.match(above)  # (a site may drop the mark after an item's number)
        return lead is not None and int(lead.group()) + 1 == int(line)
    mark = match_heading(line + _CUT_TEXT, 0)  # (the mark read with the text the page cut after it)
    if mark is None or mark.value is None or match_heading(line, 0) is not None:
        return False
    h = match_heading(above, 0)
    return h is not None and h.family == mark.family and h.value is not None and h.value + 1 == mark.value

