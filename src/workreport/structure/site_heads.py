"""What a site prints over a text that repeats the text's own head: a summary cut from the text's
beginning (a line that the lines under it begin with) and a teaser row that names the text's
title.  The summary is the site's (furniture); the title the teaser names is the text's.
``pl`` is furniture.PageLines; lines found are set in ``pl.found``, titles kept in ``pl.headlines``."""
from __future__ import annotations

import re

from .. import rules
from . import cues

_TABLE = "furniture"
_WEAK_PUNCT = rules.pattern(_TABLE, "furniture.weak_punct")
_SUMMARY_MIN = rules.limit(_TABLE, "furniture.summary_min_chars")
_SUMMARY_LINES = int(rules.limit(_TABLE, "furniture.summary_lines"))
_RUN_LINES = 2  # a summary with no punctuation runs more than this many of the lines under it together
_TEASER_LOOK = 2  # rows of the site between its teaser row and the title it names
_SPACES = re.compile(r"\s+")


def _covers(s: str, text: list[str], k: int) -> bool:
    """Does ``s`` (no spaces) hold the beginning of the text under line k, run together, and stop inside it?"""
    cut = s
    nxt, used = "", 0
    for m in range(k + 1, min(len(text), k + 1 + _SUMMARY_LINES)):
        nxt, used = nxt + _SPACES.sub("", text[m]), used + 1
        if len(nxt) >= len(s) or not s.startswith(nxt):
            break
    if used > 1:  # (run over several lines, the site may close its cut with a full stop)
        cut = s.rstrip("\u3002")
    # (a line with no punctuation that runs several of the lines under it together is such a
    # summary too: a headline adds a date or a tag to the title, it never goes on with the text)
    return len(nxt) > len(cut) and nxt.startswith(cut) and (bool(_WEAK_PUNCT.search(s)) or used > _RUN_LINES)


def mark_summaries(pl) -> None:
    """A summary the site cut from the text's beginning, printed above the text itself.
    (spaces a PDF or the site put in one of the two are not compared; the text under it may run
    over a few lines: its title, the salutation, the first paragraph.)"""
    text = pl.text
    for k in range(len(pl) - 1):
        s = _SPACES.sub("", text[k].rstrip("…. "))
        if len(s) < _SUMMARY_MIN or cues.title_kind(text[k], text[k]) is not None:
            continue
        if _covers(s, text, k):
            pl.found[k] = True


def mark_teased(pl) -> None:
    """The line right under an essay site's teaser row that reads the title the row names is the
    text's title line (kept, however little it looks like a title: a speech titled by its meeting)."""
    for k, s in enumerate(pl.text):
        if not pl.found[k]:
            continue
        quoted = cues.teased_title(s)
        if quoted is None:
            continue
        j = k + 1
        while j < len(pl) and pl.found[j] and j - k <= _TEASER_LOOK:
            j += 1  # (the site's other rows between)
        if j < len(pl) and not pl.found[j] and cues.title_core(pl.text[j]) == quoted:
            pl.headlines.add(j)
