"""The shape of a furniture line, whatever its words (data/furniture.yaml `shape`).

A page's menu, a row of fields (site | channel | date), an index number: they have the shape
of no line a report is made of (no sentence, no title, no heading).  A shape never drops a line
by itself; furniture.py lets a shaped line join a block of short non-sentence lines, and that
block must lie between report text and the next report, or next to known furniture.
"""
from __future__ import annotations

from .. import rules
from .headings import match_heading
from . import cues

_TABLE = "furniture"
_SHAPES = [(e["id"], rules.compiled(e["pattern"])) for e in rules.load(_TABLE)["shape"]]
# the shapes no line under a report's title has (a byline may look like a menu; a row of fields cannot)
_UNDER_TITLE = frozenset(e["id"] for e in rules.load(_TABLE)["shape"] if e.get("under_title"))
_MAX = rules.limit(_TABLE, "furniture.shape_max_chars")
_TABLE_ROW = rules.pattern(_TABLE, "furniture.table_row")
_CELLS = rules.pattern(_TABLE, "furniture.table_cells")
_COLON_END = rules.pattern("paragraphs", "paragraph.colon_end")


def shape_rule(s: str) -> str | None:
    """Id of the furniture shape of the normalised, stripped line ``s``, or None.  A title, a
    heading, a preamble, a signature's date or a table row of figures has no furniture shape."""
    if not s or len(s) > _MAX:
        return None
    rid = next((rid for rid, pat in _SHAPES if pat.match(s)), None)
    if rid is None or _TABLE_ROW.search(s) or match_heading(s, 0) is not None:
        return None
    if cues.title_kind(s, s) is not None or cues.preamble_rule(s, s) or cues.is_signature_date(s, s):
        return None
    return rid


def under_titles(text: list[str], found: list[bool]) -> list[int]:
    """The lines right under a title (furniture already found may sit among them) that all have a
    shape no report line under its title has (a row of fields, a date row, a code), when a line
    that has none of these shapes follows them: the page's rows between its title and its text."""
    out: list[int] = []
    k = 0
    while k < len(text):
        s = text[k]
        if found[k] or cues.title_kind(s, s) is None:
            k += 1
            continue
        j, shaped = k + 1, []
        while j < len(text) and (found[j] or shape_rule(text[j]) in _UNDER_TITLE):
            if not found[j]:
                shaped.append(j)
            j += 1
        if shaped and j < len(text):
            out.extend(shaped)
        k = max(j, k + 1)
    return out


def table_continues(above: str, s: str) -> bool:
    """Is the row ``s`` (cells between bars) a row of the table that ``above`` is a row of or
    announces (a sentence ending in a colon: as the table below shows)?"""
    return bool(_CELLS.match(s) and (_CELLS.match(above) or _COLON_END.search(above)))
