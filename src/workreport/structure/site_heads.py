"""What a site prints over a text that repeats the text's own head: a summary cut from the text's
beginning (a line that the lines under it begin with), a teaser row that names the text's
title, and a headline that is the text's plain title dressed with a model-text word or a year.
The summary and the headline are the site's (furniture); the title the teaser names is the text's.
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
_COPY_ROWS = 4  # rows a page prints between its heading and the article's copy of the title
_TEASER_LOOK = 2  # rows of the site between its teaser row and the title it names
_SPACES = re.compile(r"\s+")
_TITLE_TAG = rules.pattern(_TABLE, "furniture.title_tag")
_TWIN_NOISE = rules.pattern(_TABLE, "furniture.twin_noise")
_TWIN_LOOK = 3  # lines of text between a tagged headline and the plain title it dresses
_TWIN_MIN = 6  # characters the two must still share with the noise taken out (a shorter plain title is too generic: a part's label)
_TWIN_TAGGED = "furniture.twin_noise"  # (the rule data that reads such a headline)
_PAGE_DATE_ROW = rules.pattern("split", "split.page_date_row")
_TITLE_MAX = int(rules.entry("split", "split.title")["max_chars"])  # (no title is longer)


def _covers(s: str, text: list[str], under: list[int]) -> bool:
    """Does ``s`` (no spaces) hold the beginning of the text of the lines ``under`` it, run together, and stop inside it?"""
    cut = s
    nxt, used = "", 0
    for m in under[:_SUMMARY_LINES]:
        nxt, used = nxt + _SPACES.sub("", text[m]), used + 1
        if len(nxt) >= len(s) or not s.startswith(nxt):
            break
    # (the site may close its cut with a full stop: over several lines, or where the text's sentence
    # goes on; the same sentence printed again is no cut)
    stripped = s.rstrip("\u3002")
    if used > 1 or (len(nxt) > len(stripped) and nxt[len(stripped)] != "\u3002"):
        cut = stripped
    # (a line with no punctuation that runs several of the lines under it together is such a
    # summary too: a headline adds a date or a tag to the title, it never goes on with the text)
    # (nor does it run on past a title's length: a summary with no punctuation that takes the title,
    # the session line and the speaker together is longer than any title)
    return len(nxt) > len(cut) and nxt.startswith(cut) and (bool(_WEAK_PUNCT.search(s)) or used > _RUN_LINES
                                                             or len(s) > _TITLE_MAX)


def mark_summaries(pl) -> None:
    """A summary the site cut from the text's beginning, printed above the text itself.
    (spaces a PDF or the site put in one of the two are not compared; the text under it may run
    over a few lines: its title, the salutation, the first paragraph; a row of the site's found
    between the two, a notice or a link, is passed over.)"""
    text = pl.text
    for k in range(len(pl) - 1):
        s = _SPACES.sub("", text[k].rstrip("…. "))
        if len(s) < _SUMMARY_MIN or cues.title_kind(text[k], text[k]) is not None:
            continue
        under = [m for m in range(k + 1, min(len(pl), k + 1 + 2 * _SUMMARY_LINES)) if not pl.found[m]]
        if _covers(s, text, under):
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


def twin_key(s: str) -> str:
    """What a title names once the site's dressing (model-text word, tag, year) is taken out."""
    return _TWIN_NOISE.sub("", cues.title_core(s))


def mark_tagged_twins(pl) -> None:
    """An essay site's headline is the text's plain title dressed with a model-text word, a tag or a
    year (data: furniture.twin_noise).  Printed under that plain title (a date row between), the
    headline is the site's and the plain title the text's; printed over it, the headline is the
    first copy of the title, where the text starts (the rows between are the site's).  (A
    headline whose twin carries the site's word too, or runs on into the text, has no plain title.)"""
    kept = [k for k in range(len(pl)) if not pl.found[k]]
    for i, k in enumerate(kept):
        s = pl.text[k]
        if k in pl.headlines or not _TITLE_TAG.search(cues.fold(s)) or cues.title_kind(s, s) is None:
            continue
        key = twin_key(s)
        if len(key) < _TWIN_MIN:
            continue
        for j in kept[max(0, i - _TWIN_LOOK):i + 1 + _TWIN_LOOK]:
            t = pl.text[j]
            if j < k and not _TITLE_TAG.search(cues.fold(t)) and cues.title_kind(t, t) is not None and twin_key(t) == key:
                pl.found[k], pl.rule[k] = True, _TWIN_TAGGED
                break


def title_over_date_row(pl, a: int, b: int) -> int | None:
    """A title the page prints over its date row and again under it (the page's heading and the
    article's), inside the run of short lines a..b that the copy under it ends: the upper copy, where
    the text begins (the rows between are the site's), or None."""
    if b + 1 >= len(pl) or b < a:
        return None
    return next((m for m in range(a, b) if not pl.found[m] and pl.text[m] == pl.text[b + 1]
                 and any(_PAGE_DATE_ROW.match(pl.text[r]) for r in range(m + 1, b + 1))), None)


def between_title_copies(pl, a: int, b: int) -> bool:
    """Are the short lines a..b the page's rows between its heading and the article's own copy of
    the same title (title, a toolbar or source row, the title again), with no date row needed?"""
    if a == 0 or b + 1 >= len(pl) or b - a + 1 > _COPY_ROWS:
        return False
    top = pl.text[a - 1]
    return not pl.found[a - 1] and top == pl.text[b + 1] and cues.title_kind(top, top) is not None
