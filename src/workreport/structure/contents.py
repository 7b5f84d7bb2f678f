"""Tables of contents: a contents heading (the word for contents) with its entries (and the cover above it), or a bare list of a
report's headings printed before its title.  Neither is a report nor an outline: their lines
are furniture, and the entries are kept (``toc_entries``) as the compilation's contents.

Works on furniture.PageLines (the non-blank lines, normalised); limits: data/furniture.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from . import cues
from .headings import is_bare_heading, is_terminal, match_heading, strip_ordinal

_TABLE = "furniture"
_TOC_WORD = "furniture.toc.word"
_TOC_OUTLINE = "furniture.toc.outline"
_TOC_WORDS = frozenset({_TOC_WORD, _TOC_OUTLINE})
_TOC_ENTRY = "furniture.toc.entry"
_COVER = int(rules.limit(_TABLE, "furniture.cover_lines"))
_MIN_ENTRIES = int(rules.limit(_TABLE, "furniture.toc_min_entries"))
_REPEAT = int(rules.limit(_TABLE, "furniture.toc_repeat_lines"))
_ENTRY_MAX = 80  # an entry (with leaders and page number) is a short line
_PAGE_TAIL = re.compile(r"\s*(\.{2,}|…+|·{2,}|—{2,}|-{2,})?\s*\d{1,4}\s*$")
_HEADING_MAX = 40  # a heading listed in a contents block has no body after it
_LONG_HEADING_MAX = 64  # a numbered heading listed may run this long when it holds no clause
_CLAUSE = re.compile(r"[,\uff0c;\uff1b:\uff1a]")
_PROSE = 40  # a line this long after the list is the text (a title lost in the paste)
_LEAD_HEADINGS = 3  # headings of the page before that may lead a contents run
_KEY_MIN = 4  # a heading this long coming back is the same heading, not a common phrase
_PIECE_MIN = 8  # a piece of a listed title this long printed again is that title
_OUTLINE_CUT_LINES = 40  # an outline excerpt a site prints before the text is closed within this many lines
_STOP_END = re.compile(r"[\u3002.]$")
_STOP_IN = re.compile(r"[\u3002;\uff1b!\uff01?\uff1f]")
_RUN_ON = "\u3002\uff1a:\uff0c,\uff1b;"  # punctuation closing a heading whose text runs on after it
_ELLIPSIS_END = re.compile(r"(\u2026+|\.{3,})$")
_ELLIPSIS_ONLY = re.compile(r"^(\u2026+|\.{3,}|\u3002{3,})$")
_GLUED_PAGE = rules.pattern(_TABLE, "furniture.toc.page_tail")


@dataclass(frozen=True, slots=True)
class TocEntry:
    line: int
    text: str  # the entry without its leaders and page number
    page: int | None
    rule: str


def entry_key(s: str) -> str:
    """What an entry names: no ordinal, leaders, page number or site decoration."""
    core = _PAGE_TAIL.sub("", s) if not cues.title_kind(s, s) else s
    return cues.title_core(strip_ordinal(core.strip()))


def table_of_contents(pl) -> list[int]:
    """Indexes (into pl) of the lines of every table of contents, the cover above a contents heading included."""
    out: list[int] = []
    for k, rid in enumerate(pl.rule):
        if rid in _TOC_WORDS:
            cut = _cut_outline(pl, k) if rid == _TOC_OUTLINE else None
            out.extend(cut if cut is not None else _after_word(pl, k, outline=rid == _TOC_OUTLINE))
            if k < _COVER and rid == _TOC_WORD:  # (an article's outline has no cover)
                out.extend(m for m in range(k) if len(pl.text[m]) <= _ENTRY_MAX and not is_terminal(pl.text[m], pl.text[m]))
    out.extend(_bare_lists(pl))
    out.extend(_paged_runs(pl))
    return out


def toc_entries(pl, ks: list[int]) -> tuple[TocEntry, ...]:
    """The entries of the contents lines ``ks`` (the contents word and cover lines left out)."""
    out = []
    for k in sorted(set(ks)):
        s = pl.text[k]
        if pl.rule[k] in _TOC_WORDS or not (pl.rule[k] == _TOC_ENTRY or match_heading(s, 0) or cues.title_kind(s, s)):
            continue
        m = re.search(r"(\d{1,4})\s*$", s) if pl.rule[k] == _TOC_ENTRY else None
        out.append(TocEntry(pl.nonblank[k], entry_key(s), int(m.group(1)) if m else None, pl.rule[k] or "contents.heading"))
    return tuple(out)


def _after_word(pl, k: int, outline: bool = False) -> list[int]:
    """The entries under a contents heading: short lines up to the first that repeats an entry or opens
    a text (the first report's title with its body after it).  Under an outline's heading the entries
    are the text's own headings: one heading over the next is still the list."""
    out = [k]
    seen: set[str] = set()
    numbered: dict[str, int] = {}  # family -> the last ordinal value of the headings listed
    for j in range(k + 1, len(pl)):
        s = pl.text[j]
        if pl.found[j] and pl.rule[j] != _TOC_ENTRY:
            out.append(j)
            continue
        key = entry_key(s)
        if not key or len(s) > _ENTRY_MAX or is_terminal(s, s) or key in seen or _comes_back(key, seen):
            break
        # (a numbered entry repeated unnumbered below is the entry of that title, not the title;
        # nor is a title listed under a numbered part whose next part follows it)
        if pl.rule[j] != _TOC_ENTRY and (cues.title_kind(s, s) or (match_heading(s, 0) and not outline)) \
                and not _listed(pl, j) and not _next_part(pl, pl.body_after(j, repeat=strip_ordinal(s) == s), numbered):
            if pl.opens_body(j, repeat=strip_ordinal(s) == s):
                break
        h = match_heading(s, 0)
        if h is not None and h.value is not None:
            numbered[h.family] = h.value
        seen.add(key)
        out.append(j)
    return out


def _comes_back(key: str, seen: set[str]) -> bool:
    """Is ``key`` the first piece of an entry already listed (the title, broken over lines, under the list)?"""
    return len(key) >= _PIECE_MIN and any(x.startswith(key) and x != key for x in seen)


def _next_part(pl, body: int | None, numbered: dict[str, int]) -> bool:
    """Is the line a listed title seems to open the next numbered part of the list instead?"""
    if body is None:
        return False
    h = match_heading(pl.text[body], 0)
    return h is not None and h.value is not None and not h.inline_body and numbered.get(h.family) == h.value - 1


def _cut_outline(pl, k: int) -> list[int] | None:
    """An outline heading that ends with an ellipsis: the site printed the outline's first headings
    (long ones too) and closed the excerpt with an ellipsis alone on its line, right over the text.
    The heading, the excerpt and the closing line, or None when no closing line comes."""
    if not _ELLIPSIS_END.search(pl.text[k]):
        return None
    for j in range(k + 1, min(len(pl), k + 1 + _OUTLINE_CUT_LINES)):
        if _ELLIPSIS_ONLY.match(pl.text[j]):
            return list(range(k, j + 1))
        if is_terminal(pl.text[j], pl.text[j]) and len(pl.text[j]) > _ENTRY_MAX:
            return None  # (a paragraph of text: the excerpt was not closed)
    return None


def _listed(pl, j: int) -> bool:
    """Is the line after j another entry (so j is one too, not the first report's title)?"""
    return j + 1 < len(pl) and pl.rule[j + 1] == _TOC_ENTRY


def _listed_heading(s: str) -> bool:
    h = match_heading(s, 0)
    if h is not None and not h.inline_body and _STOP_END.search(s) and len(s) <= _HEADING_MAX:
        # (an outline whose headings end with a full stop lists them with it: one sentence, no text after)
        return not _STOP_IN.search(s[: _STOP_END.search(s).start()])
    if h is not None and _HEADING_MAX < len(s) <= _LONG_HEADING_MAX:
        # (a numbered heading naming a part at length -- the matters of one area -- lists no clause of text)
        return not is_terminal(s, s) and not _CLAUSE.search(s)
    if len(s) > _HEADING_MAX:
        return False
    if h is not None:
        return not h.inline_body and not is_terminal(s, s)
    return is_bare_heading(s)


def _bare_lists(pl) -> list[int]:
    """Runs of headings with nothing between them, printed before a title whose report repeats
    one of them: a table of contents without the contents word."""
    out: list[int] = []
    k, n = 0, len(pl)
    while k < n:
        if pl.found[k] or not _listed_heading(pl.text[k]):
            k += 1
            continue
        run = [k]
        j = k + 1
        while j < n and (pl.found[j] or _listed_heading(pl.text[j])):
            if not pl.found[j]:
                run.append(j)
            j += 1
        if len(run) >= _MIN_ENTRIES and j < n and cues.title_kind(pl.text[j], pl.text[j]):
            keys = {_bare_key(pl.text[m]) for m in run}
            later = [strip_ordinal(pl.text[m]).strip() for m in range(j + 1, min(n, j + 1 + _REPEAT))]
            stops = any(_STOP_END.search(pl.text[m]) for m in run)
            if (not stops and any(x in keys for x in later)) or (_comes_back_run_on(keys, later) and not _own_outline(pl, run[0], j)):
                out.extend(run)
        elif len(run) >= _MIN_ENTRIES and j < n and (pl.anchor(j) or len(pl.text[j]) >= _PROSE):
            # the same before a text that lost its title (its first heading comes back); the
            # run may begin with the last heading of the page before
            first = next((f for f in range(min(_LEAD_HEADINGS, len(run) - _MIN_ENTRIES + 1)) if _repeated(pl, run[f:], j)), None)
            if first is not None:
                out.extend(run[first:])
        k = j
    return out


def _own_outline(pl, first: int, title: int) -> bool:
    """Is the run right under another title (a short report printed as its outline alone, the next
    report then using the same stock headings)?  Under the same title it is that title's contents."""
    k = first - 1
    while k >= 0 and pl.found[k]:
        k -= 1
    if k < 0 or not cues.title_kind(pl.text[k], pl.text[k]):
        return False
    return cues.title_core(pl.text[k]) != cues.title_core(pl.text[title])


def _bare_key(s: str) -> str:
    """A listed heading without its ordinal and closing full stop."""
    return _STOP_END.sub("", strip_ordinal(s).strip()).strip()


def _comes_back_run_on(keys: set[str], later: list[str]) -> bool:
    """Do most of the listed headings come back below, each opening a line (as it is, or closed
    by a stop or comma with its text run on)?  A site's outline of the report lists the headings
    the text then prints with text under or after them; a short report's own bare outline, or the
    stock headings of the next report, do not mostly come back."""
    keys = {x for x in keys if len(x) >= _KEY_MIN}
    back = {x for x in keys if any(s == x or (s.startswith(x) and s[len(x)] in _RUN_ON) for s in later)}
    return len(back) >= _MIN_ENTRIES - 1 and 2 * len(back) >= len(keys)


def _repeated(pl, run: list[int], j: int) -> bool:
    """Does the run's first heading come back as it is, and another of its headings come back
    (its text run on or not), in the lines from j on?"""
    first = pl.text[run[0]].strip()
    keys = {strip_ordinal(pl.text[m]).strip() for m in run[1:]}
    keys = {x for x in keys if len(x) >= _KEY_MIN}
    lines = [pl.text[m].strip() for m in range(j, min(len(pl), j + _REPEAT))]
    if first not in lines:
        return False
    return any(s != strip_ordinal(s).strip() and any(strip_ordinal(s).strip().startswith(x) for x in keys) for s in lines)


def paged_entry(s: str) -> tuple[int, bool] | None:
    """(page number, names a report) of a line that is a listed report title or numbered item with
    its page number glued on by the converter (no leaders, no space), or None."""
    m = _GLUED_PAGE.search(s)
    if m is None or len(s) > _ENTRY_MAX or is_terminal(s, s):
        return None
    core = s[: m.start()].rstrip()
    if cues.title_kind(core, core):
        return int(m.group("page")), True
    h = match_heading(core, 0)
    return (int(m.group("page")), False) if h is not None and not h.inline_body else None


def _paged_runs(pl) -> list[int]:
    """Runs of listed report titles, one a line, each with a page number glued on, the numbers
    growing down the list: the index of the reports a page publishes together, printed without
    a contents word (an item whose title reads oddly may sit among them).  Growing numbers are what
    a list of page numbers does; a title that happens to end in a figure has no such run around it.
    (A list of headings only is a report's own outline: after its cover, its front matter.)"""
    out: list[int] = []
    run: list[tuple[int, int, bool]] = []
    for k in range(len(pl) + 1):
        e = paged_entry(pl.text[k]) if k < len(pl) and not pl.found[k] else None
        if e is not None and (not run or e[0] >= run[-1][1]):
            run.append((k, *e))
            continue
        if sum(t for *_, t in run) >= _MIN_ENTRIES and run[-1][1] > run[0][1]:
            out.extend(m for m, *_ in run)
        run = [(k, *e)] if e is not None else []
    return out
