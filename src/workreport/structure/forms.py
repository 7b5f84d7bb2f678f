"""Tables of fields a page prints one field a row: a CMS's metadata table (index number,
publisher, dates, the title again, a summary, validity) and a form the page publishes the text
in (a public institution's annual-report form: its registered name, aim, address, funds ...).

A row holds a label and its value.  Rows whose label a list knows (data/furniture.yaml `labels`,
`form_fields`) printed together, no blank line between, make a table; the table then takes the
rows next to it that have a label's shape (a short label and a colon: a label no list holds, or
one the page cut to its last character) and the few short lines between two of its rows (a
form's sub-table: a bare sub-label, its column heads, its figures).  A text line, a title or a
heading printed right against the table stays the text's.  ``pl`` is furniture.PageLines.
"""
from __future__ import annotations

import re

from .. import rules
from ..textnorm import norm
from . import cues
from .headings import match_heading

_TABLE = "furniture"
_LABELS = "furniture.labels"
_FIELD_ROW = rules.compiled(
    rules.pattern(_TABLE, "furniture.label_lead").pattern + "(?:" + "|".join(
        sorted((re.escape(norm(w)) for w in rules.words(_TABLE, "furniture.form_fields")), key=len, reverse=True))
    + ")" + rules.pattern(_TABLE, "furniture.label_end").pattern)
_LABEL_SHAPE = rules.pattern(_TABLE, "furniture.label_shape")
_BULLET_FIELD = rules.pattern(_TABLE, "furniture.bullet_field")
_SENTENCE = rules.pattern(_TABLE, "furniture.sentence")
_BULLET_LEAD = rules.pattern(_TABLE, "furniture.label_lead")
_MIN_ROWS = int(rules.limit(_TABLE, "furniture.form_min_rows"))
_GAP_LINES = int(rules.limit(_TABLE, "furniture.form_gap_lines"))
_GAP_CHARS = rules.limit(_TABLE, "furniture.form_gap_chars")
_ROW_MAX = 220  # (furniture.py's longest rule line: a content-summary row)


def field_row(s: str) -> bool:
    """Does the normalised line ``s`` start with a form's field label (then its value)?"""
    return bool(_FIELD_ROW.match(s))


def _shaped(s: str) -> bool:
    """A row with a label's shape (short label, colon) that is no outline heading and no
    salutation or opening (the text's first line, printed right under the table)."""
    return (len(s) <= _ROW_MAX and bool(_LABEL_SHAPE.match(s)) and match_heading(s, 0) is None
            and not cues.intro_rules(s, s) and cues.preamble_rule(s, s) is None)


def _cell(pl, g: int) -> bool:
    """Can line g, between two rows of a table, be a cell of it (short, no sentence, and not the
    text's title or opening, which a page may print between two of its metadata rows)?"""
    s = pl.text[g]
    return (len(s) <= _GAP_CHARS and not _SENTENCE.search(s) and cues.title_kind(s, s) is None
            and not pl.anchor(g))


def mark_field_tables(pl) -> None:
    """Mark the tables of fields of the page (see the module's doc) in ``pl.found``."""
    n = len(pl)
    k = 0
    while k < n:
        j = k  # the lines printed together with line k (no blank line between)
        while j + 1 < n and pl.nonblank[j + 1] == pl.nonblank[j] + 1:
            j += 1
        rows = [m for m in range(k, j + 1) if pl.rule[m] == _LABELS or field_row(pl.text[m])]
        if 0 < len(rows) < _MIN_ROWS:
            rows = _bulleted(pl, rows, k, j)
        if len(rows) >= _MIN_ROWS:
            _mark(pl, rows, k, j)
        k = j + 1


def _bulleted(pl, rows: list[int], a: int, b: int) -> list[int]:
    """The known rows with the bulleted rows of a label's shape printed right against them, when
    the known rows are bulleted too: one list of fields (an info box) whose other labels no list holds."""
    if not all(_BULLET_FIELD.match(pl.text[m]) for m in rows):
        return rows
    out = set(rows)
    for m in rows:
        for step in (-1, 1):
            g = m + step
            while a <= g <= b and g not in out and _BULLET_FIELD.match(pl.text[g]) and _shaped(_bare(pl.text[g])):
                out.add(g)
                g += step
    return sorted(out)


def _bare(s: str) -> str:
    """The row without its list bullet."""
    return _BULLET_LEAD.sub("", s, count=1)


def _mark(pl, rows: list[int], a: int, b: int) -> None:
    """The table of the rows ``rows`` inside the block of lines a..b."""
    for m in rows:
        pl.found[m] = True
    for r0, r1 in zip(rows, rows[1:]):  # a form's sub-table between two of its rows
        gap = range(r0 + 1, r1)
        if 0 < len(gap) <= _GAP_LINES and all(_cell(pl, g) for g in gap):
            for g in gap:
                pl.found[g] = True
    # rows with a label's shape next to the table (through furniture already found)
    for m in rows:
        for step in (-1, 1):
            g = m + step
            while a <= g <= b and (pl.found[g] or _shaped(pl.text[g])):
                pl.found[g] = True
                g += step
