"""What a site prints over a text that repeats the text's own head: a summary cut from the text's
beginning (a line that the lines under it begin with), a teaser row that names the text's
title, and a headline that is the text's plain title dressed with a model-text word or a year.
The summary and the headline are the site's (furniture); the title the teaser names is the text's.
``pl`` is furniture.PageLines; lines found are set in ``pl.found``, titles kept in ``pl.headlines``."""
from __future__ import annotations

import difflib
import re

from .. import rules
from . import cues, shape

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
_YEAR_WORD = rules.pattern(_TABLE, "furniture.copy_year")
_TITLE_MAX = int(rules.entry("split", "split.title")["max_chars"])  # (no title is longer)
_SENTENCE_END = rules.pattern(_TABLE, "furniture.sentence")


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
        if _covers(s, text, under) or (under and _title_again(text, k, under[0]) and _covers(s, text, under[1:])):
            pl.found[k] = True


_AGAIN_SAME = 8  # first characters two copies of a title share (one may carry a label or a tag the other has not)


def _title_again(text: list[str], k: int, m: int) -> bool:
    """Is line m, under the summary at line k, the title printed over the summary printed again
    (headline, summary, the text's own title, the text): the summary is cut from the text under it."""
    return k > 0 and title_copy(text[k - 1], text[m], head=_AGAIN_SAME) and not _SENTENCE_END.search(text[m])


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


def tagged_over_title(a: str, b: str) -> bool:
    """Is ``a``, a line printed over the title line ``b``, the same title dressed with the site's
    model-text word (data: furniture.title_tag), its year dropped or moved (twin_key)?  Such a
    headline reads as no title by itself (no year); over its plain title it is the title's first
    copy, where the text starts (mark_tagged_twins reads the dated kind)."""
    if not _TITLE_TAG.search(cues.fold(a)) or _TITLE_TAG.search(cues.fold(b)) or cues.title_kind(b, b) is None:
        return False
    key = twin_key(a)
    return len(key) >= _TWIN_MIN and key == twin_key(b)


def title_over_date_row(pl, a: int, b: int) -> int | None:
    """A title the page prints over its date row and again under it (the page's heading and the
    article's), inside the run of short lines a..b that the copy under it ends: the upper copy, where
    the text begins (the rows between are the site's), or None."""
    if b + 1 >= len(pl) or b < a:
        return None
    return next((m for m in range(a, b) if not pl.found[m] and title_copy(pl.text[m], pl.text[b + 1])
                 and any(_PAGE_DATE_ROW.match(pl.text[r]) for r in range(m + 1, b + 1))), None)


def title_over_own_rows(pl, a: int, b: int) -> int | None:
    """The title a page prints over its date row, the rows (date, source, a toolbar) all that is
    between it and the text it opens, at the foot of the run of short lines a..b (the breadcrumb
    and the site's name over it): a full title, or a bare one that opens with its year.  That
    title's line, or None.  (Not a bare column name, nor a list's link whose next line is no text.)"""
    if b + 1 >= len(pl):
        return None
    m = b
    # (a row no rule names still reads as the page's by its shape: a date row with the poster's name
    # and a view count, a toolbar -- round 23)
    while m >= a and page_row(pl, m):
        m -= 1
    if m < a or m == b or m + _OWN_ROWS < b or not (
            _PAGE_DATE_ROW.match(pl.text[m + 1]) or shape.shape_rule(pl.text[m + 1]) == _SHAPED_DATE):
        return None
    t = pl.text[m]
    if cues.title_kind(t, t) is None and not cues.dated_bare_title(t):
        return None
    return m if pl.body_after(m) == b + 1 and all(pl.rule[r] != _CRUMB for r in range(m + 1, b + 1)) else None


def page_row(pl, m: int) -> bool:
    """Is line m one of the page's rows: named by a line rule, or with a row's shape (fields, a date row,
    a menu, a code: shape.py), which no line of a report's head has?"""
    return pl.found[m] or shape.shape_rule(pl.text[m]) is not None


def between_title_copies(pl, a: int, b: int) -> bool:
    """Are the short lines a..b the page's rows between its heading and the article's own copy of
    the same title (title, a toolbar or source row, the title again), with no date row needed?"""
    if a == 0 or b + 1 >= len(pl) or b - a + 1 > _COPY_ROWS:
        return False
    top = pl.text[a - 1]
    return not pl.found[a - 1] and title_copy(top, pl.text[b + 1]) and cues.title_kind(top, top) is not None


_OWN_ROWS = 3  # rows a page prints between its title and the text (date and source, a toolbar)
_CRUMB = "furniture.crumb_path"
_SHAPED_DATE = "furniture.shape.date_row"
_FILE_EXT = re.compile(r"\.(docx|doc|pdf|wps)(?![a-z])")  # (a sharing site runs its VIP tags on after the extension)
_FILE_COPY_LOOK = 8  # lines down from a file-name heading to the document's own title (a download panel's rows run longer)
_FILE_TAIL = re.compile(r"\.(docx|doc|pdf|wps)(\s*VIP)?$")  # (a file name, as the line's end)
# (a viewer's page images, or a download panel's cells and preview note: the file name heads the
# panel, and the text starts at its own title -- the convention of block.doc_share_head)
_PAGE_THUMBS = frozenset({"furniture.doc.page_thumb", "furniture.doc.thumbnail", "furniture.doc.preview",
                          "furniture.doc.size_pages", "furniture.doc.stats_row"})
_FILE_REPEAT = 3  # lines over a file name where the site may have printed it already
_NEAR_MIN = 6  # characters a title keeps without its year: a shorter one is a part's label
_NEAR_EXTRA = 2  # characters one copy may add inside the other (a place's suffix: district, county)
_YEARS = re.compile(r"(?:19|20)\d{2}")
_MASK = re.compile(r"[\u00d7*\uff0a_]+")  # (a name a site masked in one copy and not in the other: crosses, stars)


def _near_key(s: str) -> str:
    """A title as two copies of it are compared: read as a title (site decorations cut), spaces
    out, a file name's extension and what the site ran on after it cut."""
    m = _FILE_EXT.search(s)
    if m:
        s = s[:m.start()]
    return _MASK.sub("", _SPACES.sub("", cues.title_core(s)))


def column_name(upper: str, lower: str, *, at_end: bool = False) -> bool:
    """Is ``upper``, a title as read (title_core), a section's bare genre name printed over ``lower``,
    the text's fuller title (a portal's column over its article): all of it inside the lower one, and
    less.  Such a line is no copy of the title and no headline of the text.  The one reading of a
    column over its article's title; the callers differ only in how sure they must be:
    - by default anywhere inside (the head walk, split._own_title: it only declines to take the line
      as the text's own title, so a weaker sign costs nothing);
    - ``at_end``: the lower title ends with it, the genre words that close a title (the readers that
      act on the line: furniture._column_labels takes it away as the site's, split._heading_copy
      moves the start under it).  Those readers also want the upper line undated, each by the cue it
      holds (no digit in a raw line; no year in a line's cues).
    (site_heads.title_copy(near=True) compares near copies, which may differ by a year or a place's
    suffix, so containment cannot tell a column there: it reads the column by the year alone, an
    undated line over a dated one.)"""
    return upper != lower and (lower.endswith(upper) if at_end else upper in lower)


def near_copy(a: str, b: str) -> bool:
    """Are two title lines copies of one title, as a page prints its headline (or the document's
    file name) over the text's own title: the same once the site's decorations are cut, or one
    holding the other, or a year or a place's suffix (one or two characters) more in one of them.
    Two copies that name years name the same years (one body's summaries of two years are two)."""
    # (a title run on with the text may run on with the next title of a list in it: its first piece too)
    return any(_near(x, y) for x in {a, a.split()[0] if a.split() else a} for y in {b, b.split()[0] if b.split() else b})


def title_copy(title: str, line: str, *, head: int = 0, near: bool = False) -> bool:
    """Is ``line`` a copy of the title line ``title`` printed over it?  The one comparison for a
    title a page prints twice; the caller says how alike the two must be:
    - by default the same line (a title printed again inside the text, or under the page's rows);
    - ``head``: the same first ``head`` characters, ``line`` at least that long (one copy may carry
      a label or a tag at its end that the other has not: a title over a site's summary and under it);
    - ``near``: a near copy (near_copy: decorations, a year, a place's suffix more or less), but not a
      dated title under an undated one: that undated line is a section's bare genre name over the
      text's full title (a portal's column), not its headline.  (Near copies may differ by a year,
      so the column's containment test, column_name, cannot be the guard here: the year is.)"""
    if near:
        return near_copy(title, line) and not (_dated(line) and not _dated(title))
    if head:
        return len(line) >= head and line[:head] == title[:head]
    return line == title


def _dated(title: str) -> bool:
    """Does a title line name its year (with the year character), as two copies are compared?"""
    return bool(_YEAR_WORD.search(_near_key(title)))


def _near(a: str, b: str) -> bool:
    ka, kb = _near_key(a), _near_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= _NEAR_MIN and short in long_:
        return True  # (with its years: a title run on with the next of a list the text opens with)
    ya, yb = _YEARS.findall(ka), _YEARS.findall(kb)
    if ya and yb and ya != yb:
        return False
    # (a year dropped with its year character: a headline dated, the text's own title not)
    ka, kb = _YEAR_WORD.sub("", ka), _YEAR_WORD.sub("", kb)
    short, long_ = sorted((ka, kb), key=len)
    if len(short) < _NEAR_MIN:
        return False
    if short in long_:
        return True
    if len(long_) - len(short) > _NEAR_EXTRA:
        return False
    ops = difflib.SequenceMatcher(None, short, long_, autojunk=False).get_opcodes()
    return all(op in ("equal", "insert") for op, *_ in ops)


def file_first_copy(pl, k: int) -> bool:
    """Is line k a document's file name that a sharing site prints as the page's heading, with its
    rows under it and then the document's own title (or its first line, the title run on with the
    text)?  The file name is the title's first copy, where the text starts (the convention for a
    title printed twice); the rows between are the site's.  (Not a copy the site prints again under
    its first one, nor a file name with no title of the text close under it: a download panel's.)"""
    s = pl.text[k]
    m = _FILE_EXT.search(s)
    if m is None or m.start() == 0 or cues.title_kind(s[:m.start()], s[:m.start()]) is None or _WEAK_PUNCT.search(s):
        return False  # (a file name alone on its line, tags aside: not a row that names the file in a sentence)
    if any(_near_key(pl.text[j]) == _near_key(s) for j in range(max(0, k - _FILE_REPEAT), k)):
        return False
    for j in range(k + 1, min(len(pl), k + 1 + _FILE_COPY_LOOK)):
        t = pl.text[j]
        if pl.found[j]:
            # (the site's rows; the file name printed again as the viewer's header, over a title
            # the document's conversion may have broken: the same document)
            if _FILE_TAIL.search(t) and _near_key(t) == _near_key(s):
                return True
            if pl.rule[j] in _PAGE_THUMBS:
                return False  # (a viewer's page images under it: the file name is its download panel's)
            continue
        title = t if cues.title_kind(t, t) is not None else cues.fused_title(t, t)
        if title is not None:
            return near_copy(s, title)
    return False


def keep_file_copies(pl) -> None:
    """A sharing site's file-name heading over the document's own title is the text's first line
    (file_first_copy), whatever row rule took it."""
    for k in range(len(pl)):
        if pl.found[k] and file_first_copy(pl, k):
            pl.found[k], pl.rule[k] = False, None
            pl.headlines.add(k)


# a download panel's cells of figures (file size, page count, downloads), one or several a row
_PANEL_CELLS = frozenset({"furniture.doc.size_pages", "furniture.doc.stats_row"})
# and the notes a sharing site prints in that panel, with its cells or alone (check before you pay,
# a part-preview may be refunded, who owns the upload): the same panel
_PANEL_NOTES = frozenset({"furniture.doc.notice", "furniture.doc.site_notice"})
# round 23: the preview's own note (the free part is over, download to read on), which sharing sites
# print between a file's name and its text as well as under a cut text: the panel's too, unless the
# rows hold the page's date row (an article's headline over its date row is the title's first copy)
_PANEL_PREVIEW = "furniture.doc.preview"
_DIGIT = re.compile(r"\d")


def mark_panel_heads(pl) -> None:
    """A title a sharing site prints over its download panel (cells of the file's size, page count,
    downloads, or the site's download notes): the panel's head, the site's, as a file name over such a panel is; the text starts
    at its own first line, the document's copy of the title or, lost, its text.  (A title over the
    page's date or source rows alone is the text's first copy: block.repeated_title.)"""
    for k in range(len(pl) - 1):
        s = pl.text[k]
        if pl.found[k] or k in pl.headlines or not pl.found[k + 1] or cues.title_kind(s, s) is None:
            continue
        j, panel, preview, dated = k + 1, False, False, False
        while j < len(pl) and pl.found[j] and j - k <= _FILE_COPY_LOOK:
            panel = panel or (pl.rule[j] in _PANEL_CELLS and bool(_DIGIT.search(pl.text[j]))) or pl.rule[j] in _PANEL_NOTES
            preview = preview or pl.rule[j] == _PANEL_PREVIEW
            dated = dated or bool(_PAGE_DATE_ROW.match(pl.text[j]))
            j += 1
        if (panel or (preview and not dated)) and j < len(pl) and j - k <= _FILE_COPY_LOOK:
            pl.found[k] = True


_TWIN_END = 2  # characters of genre words the two copies end on alike


def dated_twin(a: str, b: str) -> bool:
    """Two short lines of a head, ``a`` over ``b``, that are one title printed twice, the site's
    copy with the year and the text's own without it (or with a place's suffix more): near copies
    that end alike, the upper one naming its year.  (A menu or a row does not repeat itself with a year.)"""
    if any(_WEAK_PUNCT.search(t) or "|" in t for t in (a, b)):
        return False  # (a page's field rows: a label, a value, cells)
    ka, kb = _near_key(a), _near_key(b)
    if len(ka) < _NEAR_MIN or len(kb) < _NEAR_MIN or ka[-_TWIN_END:] != kb[-_TWIN_END:]:
        return False
    # (the upper copy dated: an undated line over a dated title is a section's bare name, title_copy)
    return _dated(a) and title_copy(a, b, near=True)


_INNER_LOOK = 8  # lines (of text) back from a title's copy inside a text to the title itself
_INNER_PROSE = 40  # a line longer than this with commas or a full stop is text (a title is shorter)
_INNER_SAME = 12  # characters a site's summary shares with the start of the text it cuts
_INNER_MIN = 10  # characters of a title copied inside its text (a shorter one is too generic: a part's label, a bare genre word)


def mark_inner_copies(pl) -> None:
    """The text's title printed again inside the text, after its opening paragraph (an essay site
    repeats it for search engines): the site's line, not a second text.  Only when the same title
    stands a few lines above with report text between, and no text opens under the copy (the next
    page's text under a title of the same words would)."""
    text, found = pl.text, pl.found
    for k in range(1, len(pl)):
        s = text[k]
        if found[k] or len(s) < _INNER_MIN or cues.title_kind(s, s) is None:
            continue
        first = next((j for j in range(k - 1, max(-1, k - 1 - _INNER_LOOK), -1) if title_copy(text[j], s)), None)
        if first is None or (k + 1 < len(pl) and pl.anchor(k + 1)):
            continue
        between = [m for m in range(first + 1, k) if not found[m] and _reads_as_text(text[m])]
        # (not when what stands between is the site's summary: the text under the copy begins the same way)
        under = text[k + 1] if k + 1 < len(pl) else ""
        if between and not any(text[m][:_INNER_SAME] == under[:_INNER_SAME] for m in between):
            found[k] = True


def _reads_as_text(s: str) -> bool:
    """A sentence of the report's (a line longer than a title, with a sentence's punctuation), not a row of the site's."""
    return len(s) > _INNER_PROSE and bool(_SENTENCE_END.search(s) or _WEAK_PUNCT.search(s))


_FRAGMENT_SHARE = rules.limit(_TABLE, "furniture.fragment_share")
_FRAGMENT_LOOK = int(rules.limit(_TABLE, "furniture.fragment_look"))


def title_fragment(piece: str, title: str) -> bool:
    """Is ``piece``, a short line printed over the title line ``title``, cut from that title: all its
    characters stand in the title in their order, and it is much shorter or drops the title's year?
    A page's head repeats the title's words in pieces (a masthead's body name, a tag list one word a
    line, a headline cut short), while a title's own first line (a body's name over the rest of a
    title broken in two) is not printed again under it, and a site's headline adds to the title
    (a year, a tag) rather than only dropping from it."""
    kp, kt = _near_key(piece), _near_key(title)
    if kp and kp not in kt:
        kt = _SPACES.sub("", title)  # (a tag of the words the title's reading cuts: a bracketed scope)
    if not kp or len(kp) >= len(kt):
        return False
    rest = iter(kt)
    if not all(c in rest for c in kp):
        return False
    return len(kp) <= _FRAGMENT_SHARE * len(kt) or (_dated(title) and not _dated(piece))


def mark_title_fragments(pl) -> None:
    """Lines of a page's head that are pieces of the title printed under them (title_fragment) are
    the site's: the text starts at the title.  Read top down, so a tag list's words, each a piece,
    are taken one after another."""
    for k in range(len(pl) - 1):
        s = pl.text[k]
        if pl.found[k] or k in pl.headlines or len(s) > _TITLE_MAX or _SENTENCE_END.search(s) or _WEAK_PUNCT.search(s):
            continue
        below = [m for m in range(k + 1, len(pl)) if not pl.found[m]][:_FRAGMENT_LOOK]
        for m in below:
            t = pl.text[m]
            if cues.title_kind(t, t) is not None and title_fragment(s, t):
                pl.found[k] = True
                break
            # (only other pieces of it stand between a piece and its title: a body's name signed
            # over its date, then the title of the text it issues, is no piece of the page's head)
            if not any(title_fragment(t, pl.text[n]) for n in below if n > m and cues.title_kind(pl.text[n], pl.text[n])):
                break
