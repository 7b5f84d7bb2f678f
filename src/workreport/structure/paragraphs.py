"""Logical paragraphs: source lines joined where a page break (or a web link) cut a sentence.

A line that does not end a sentence goes on in the next text line, unless that next line opens
a heading or the line itself reads as a heading.  Headings are never glued to body text.
Words and limits: data/paragraphs.yaml.  The lines are read normalised from the Document, and a
growing paragraph is never normalised or copied again for each line it takes in: building is
linear in the text.
"""
from __future__ import annotations

from .. import rules
from ..model import Document, Paragraph
from . import cues, figures
from .furniture import INLINE as _INLINE, furniture_rule
from .headings import BARE_ORDINAL, LONE_ORDINAL, ORDINAL_CONTINUATION, is_bare_heading, is_terminal, match_heading, strip_ordinal

_TABLE = "paragraphs"
_CONTINUATION_START = rules.pattern(_TABLE, "paragraph.continuation_start")
_FIRST_PAGE = rules.pattern(_TABLE, "paragraph.first_page_mark")
_LIST_START = rules.pattern(_TABLE, "paragraph.list_start")
_ANY_PUNCT = rules.pattern(_TABLE, "paragraph.any_punct")
_COLON_END = rules.pattern(_TABLE, "paragraph.colon_end")
_SEMI_END = rules.pattern(_TABLE, "paragraph.semicolon_end")
_OPENERS = frozenset(rules.words(_TABLE, "paragraph.openers"))
_LONG_LINE = rules.limit(_TABLE, "paragraph.long_line")
_SHORT_TITLE = rules.limit(_TABLE, "paragraph.short_title")
_LONG_ITEM = rules.limit(_TABLE, "paragraph.long_item")
_BLANK_SEAM = int(rules.limit(_TABLE, "paragraph.blank_seam_chars"))
_SPACING_WINDOW = 10  # lines on each side that say how a text is spaced (as paragraph_cues reads paragraphs)
_SIBLING_WINDOW = int(rules.limit(_TABLE, "paragraph.sibling_window"))
_CLAUSE_COMMA = ","  # (normalised: the comma that closes a sentence's opening phrase)
_SENTENCE_OPENINGS = frozenset({"split.intro.opening_year", "split.intro.period"})  # a year or a period, then a comma
_WRITER_START = rules.pattern(_TABLE, "paragraph.writer_start")
_FIGURE_START = rules.pattern(_TABLE, "paragraph.figure_start")
_PAGE_STAMP = rules.pattern(_TABLE, "paragraph.page_stamp")
_SENTENCE_STOP = rules.pattern("split", "split.sentence_stop")
_BODY_NAME = rules.pattern("furniture", "furniture.signature_name")
_GENERIC_SUBJECT = rules.pattern("split", "split.generic_subject")
_SESSION = "split.preamble.session"
# an opening's frame: the leadership the writer worked under, a time phrase, the report announced
_LED = cues.LEADERSHIP
_OPENING_FRAME = frozenset({"split.intro.leadership", "split.intro.closing", *_SENTENCE_OPENINGS})


class _Lines:
    """The document's lines (raw and normalised) in reading order, furniture and blanks left out."""

    __slots__ = ("raw", "norm", "order", "chunks", "furniture")

    def __init__(self, doc: Document, furniture: frozenset[int]):
        self.raw = doc.lines
        self.norm = doc.norm_lines
        self.furniture = furniture
        # a line of nothing but invisible characters (zero-width spaces) is blank
        self.order = [i for i, l in enumerate(doc.norm_lines, 1) if l.strip() and i not in furniture]
        self.chunks = cues.chunk_runs([self.norm[n - 1] for n in self.order])

    def text(self, idx: int) -> str:
        return self.raw[self.order[idx] - 1]

    def heading(self, idx: int, allow_shi: bool = True):
        n = self.order[idx]
        return match_heading(self.raw[n - 1], n, allow_shi=allow_shi, normalized=self.norm[n - 1])

    def stripped(self, idx: int) -> str:
        return self.norm[self.order[idx] - 1].strip()

    def seam_gap(self, idx: int) -> bool:
        """Is the furniture between line ``idx`` and the next a web page's (a toolbar, a site's
        rows, a lead), not the mark of a page break (a page number, a page's thumbnail)?  Two pages
        pasted one after the other: the first one's cut sentence does not go on in the second."""
        for n in range(self.order[idx] + 1, self.order[idx + 1]):
            if n in self.furniture and self.norm[n - 1].strip() and furniture_rule(self.raw[n - 1], self.norm[n - 1]) not in _INLINE:
                return True
        return False

    def blank_gap(self, idx: int) -> bool:
        """Are there more blank lines between line ``idx`` and the next than the text around usually
        puts between its lines (a text spaced by one blank everywhere breaks its pages across one), and no furniture?"""
        between = range(self.order[idx] + 1, self.order[idx + 1])
        if any(n in self.furniture for n in between):
            return False
        near = sorted(self.order[k + 1] - self.order[k] - 1
                      for k in range(max(0, idx - _SPACING_WINDOW), min(len(self.order) - 1, idx + _SPACING_WINDOW + 1)))
        return sum(1 for n in between if not self.norm[n - 1].strip()) > near[len(near) // 2]

    def titled_gap(self, idx: int) -> bool:
        """Does the furniture between line ``idx`` and the next print a title (another page's header)?"""
        for n in range(self.order[idx] + 1, self.order[idx + 1]):
            s = self.norm[n - 1].strip()
            if n in self.furniture and s and cues.title_kind(s, s) is not None:
                return True
        return False


def _opens_block(lines: _Lines, idx: int) -> bool:
    """Does this line start something new: a heading, a bullet, a bare heading?"""
    s = lines.stripped(idx)
    if _LIST_START.match(s):
        return True
    if lines.heading(idx) is not None:
        return True
    return is_bare_heading(s, normalized=s)


def _short_title(s: str) -> bool:
    """A short paragraph (normalised, stripped) with no punctuation at all reads as a title."""
    return len(s) <= _SHORT_TITLE and not _ANY_PUNCT.search(s)


def _cut_list_item(idx: int, lines: _Lines) -> bool:
    """An ordinal line with no sentence end whose siblings are long prose items was cut by a
    page break (a short numbered line between two long numbered paragraphs): not a heading."""
    order = lines.order
    h = lines.heading(idx, allow_shi=False)
    if h is None or h.value is None:
        return False
    before = after = None
    for j in range(idx - 1, max(-1, idx - _SIBLING_WINDOW), -1):
        o = lines.heading(j, allow_shi=False)
        if o is not None:
            if o.family == h.family and o.value == h.value - 1:
                before = j
            break
    for j in range(idx + 1, min(len(order), idx + _SIBLING_WINDOW)):
        o = lines.heading(j, allow_shi=False)
        if o is not None:
            if o.family == h.family and o.value == h.value + 1:
                after = j
            break
    items = [x for x in (before, after) if x is not None]
    return bool(items) and all(len(lines.stripped(x)) >= _LONG_ITEM and is_terminal("", lines.norm[order[x] - 1])
                               for x in items)


def _opening_only(so_far: str) -> bool:
    """Is the paragraph so far only a sentence's opening (its year or period, then the comma)?
    Its subject follows: the line after goes on it even when it reads as a text's opening."""
    return (so_far[-1:] == _CLAUSE_COMMA and _ANY_PUNCT.search(so_far[:-1]) is None
            and bool(cues.intro_rules(so_far, so_far) & _SENTENCE_OPENINGS))


def _writer_opening(text: str, normalized: str) -> bool:
    """Does a line open a text: its writer as the subject at its start (data: paragraph.writer_start,
    or a body named by its own name: split.subject) and an opening's frame in the same line?  No cut
    sentence goes on with its writer's name and the leadership it worked under or the report it
    announces (round 22: a named body, e.g. a bureau holding to its guiding thought and announcing
    its summary, opens the next text of a compilation whose last page was cut mid-sentence)."""
    s = normalized.strip()
    if not cues.intro_rules(text, normalized) & _OPENING_FRAME:
        return False
    if _WRITER_START.match(cues.fold(s)):
        return True
    name = cues.opening_subject(text, normalized)
    # (named at the line's very start: a time phrase first is the year-opening rule's; a generic
    # government or party committee may well be a cut sentence's object)
    return bool(name) and cues.fold(s).startswith(name) and _GENERIC_SUBJECT.search(name) is None


def _cut_figure(idx: int, lines: _Lines, so_far: str) -> bool:
    """Does a figure a PDF text layer put on a line of its own join line ``idx`` and the next?
    The line ends in the figure and the next opens with its measure word (a title broken at its
    year too); or the line is an unfinished sentence and the next is only the figure the line
    after it goes on from.  Not across a web page's rows; a heading or a title line keeps its own line."""
    cs, ns = lines.stripped(idx), lines.stripped(idx + 1)
    if lines.seam_gap(idx):
        return False
    if figures.measured(cs, ns) or (figures.figure_only(cs) and figures.goes_on(cs, ns) and not _opens_block(lines, idx + 1)):
        return True
    if not figures.figure_only(ns) or idx + 2 >= len(lines.order) or lines.seam_gap(idx + 1):
        return False
    if is_terminal("", cs) or _COLON_END.search(cs) or cues.title_kind(cs, cs) is not None:
        return False
    h = lines.heading(idx, allow_shi=False)
    if (h is not None and not h.inline_body) or is_bare_heading(cs, normalized=cs):
        return False
    after = lines.stripped(idx + 2)
    if not figures.goes_on(ns, after) or _opens_block(lines, idx + 2):
        return False
    # the figure may open another text instead: a title broken at its year, a sentence opening
    # with its year (the line before was a page's last, cut by the site)
    whole = ns + after
    if _opening_only(so_far):
        return True
    return not (cues.title_kind(whole, whole) is not None or cues.is_anchor(whole, whole)
                or cues.intro_rules(whole, whole) & _SENTENCE_OPENINGS)


def _running_text(first: bool, idx: int, lines: _Lines, so_far: str) -> bool:
    """Is the paragraph ending at line ``idx`` running text a site cut mid-sentence, not a heading
    line?  A heading is short, or opens with an ordinal (any, an unusual one too) and has no
    sentence stop; over blank lines it heads the paragraph below, it is no page's cut end."""
    if len(so_far) <= _SHORT_TITLE or _ANY_PUNCT.search(so_far) is None:
        return False
    if first:
        h = lines.heading(idx, allow_shi=False)
        if h is not None and not h.inline_body:
            return False
    return strip_ordinal(so_far) == so_far or _SENTENCE_STOP.search(so_far) is not None


def _joins(title_like: bool, first: bool, idx: int, lines: _Lines, so_far: str = "") -> str | None:
    """Rule id if the paragraph ending at line ``idx`` goes on into the next line.

    ``title_like``: the paragraph so far is short and unpunctuated; ``first``: it is one line;
    ``so_far``: its normalised text, stripped."""
    if idx in lines.chunks or idx + 1 in lines.chunks:
        return None  # a document-sharing chunk is cut by the site, not by a page
    nxt_line = lines.order[idx + 1]
    ns = lines.stripped(idx + 1)
    cs = lines.stripped(idx)
    if BARE_ORDINAL.match(cs) and ORDINAL_CONTINUATION.match(ns):
        return "paragraph.join.cut_ordinal"
    if (first and LONE_ORDINAL.match(cs) and ns and nxt_line == lines.order[idx] + 1 and lines.heading(idx + 1) is None
            and _SENTENCE_STOP.search(ns) is None and cues.title_kind(ns, lines.norm[nxt_line - 1].strip()) is None
            and not _opens_block(lines, idx + 1)):
        # the heading's words (no sentence), broken after its number on the very next line (an excerpt
        # that stops at a part's number goes on into no blank line, title or opening sentence after it)
        return "paragraph.join.lone_ordinal"
    if cs in _OPENERS:
        # a link or a page cut the ordinal from its bracket; an excerpt cut right after the bracket
        # is the text's last line: a title or an opening under it begins another text
        if cues.title_kind(ns, lines.norm[nxt_line - 1].strip()) is not None or _opens_block(lines, idx + 1) \
                or cues.is_anchor(lines.text(idx + 1), lines.norm[nxt_line - 1]):
            return None
        return "paragraph.join.cut_bracket"
    if _CONTINUATION_START.match(ns) and not _LIST_START.match(ns):
        return "paragraph.join.punct_start"
    if _short_title(ns) and _broken_title_run(lines, idx + 1):
        return None  # a title a text layer broke into pieces opens another text: a cut line does not go on into it
    if _cut_figure(idx, lines, so_far):
        return "paragraph.join.cut_figure"
    # (the rest is the shorter piece and goes on mid-phrase: not a page's cut line over the next text's title)
    if (first and title_like and len(ns) < len(cs) and not ns[:1].isdigit() and lines.heading(idx + 1) is None
            and not _LIST_START.match(ns) and cues.broken_title(cs, ns)
            and not (idx + 2 < len(lines.order) and cues.title_kind(lines.stripped(idx + 2), lines.stripped(idx + 2)))):
        return "paragraph.join.broken_title"  # (its rest alone may read as a part name: "...and the next" / "step plan")
    # (a formal report's title left open on its first line goes on with its second, which may begin with its year)
    if (first and title_like and cues.open_title_head(cs) and lines.heading(idx + 1) is None
            and not _LIST_START.match(ns) and cues.broken_title(cs, ns)):
        return "paragraph.join.broken_title"
    if _opens_block(lines, idx + 1) or _FIRST_PAGE.match(ns):
        return None  # (a document's first page begins another text)
    if _PAGE_STAMP.match(ns):
        return None  # a web page's head (its publication stamp in the line's first words) begins another page
    if (idx + 2 < len(lines.order) and lines.order[idx + 2] == nxt_line + 1
            and cues.speech_title_over(ns, lines.stripped(idx + 2))):
        return None  # a speech's title right over its session line goes on no sentence a page cut
    if not title_like and cues.preamble_rule(ns, ns) == _SESSION:
        return None  # a speech's session line (its title lost) goes on no sentence a page cut either
    if _COLON_END.search(ns) and _BODY_NAME.match(cues.fold(ns[:-1].strip())):
        return None  # an addressee line (a body's name and a colon) begins a report sent up to that body
    if is_terminal("", cs) or _COLON_END.search(cs):
        return None
    if _SEMI_END.search(cs) and len(cs) < _LONG_LINE:
        return None  # a short item of a semicolon list; a long line ending so was cut by the page
    if lines.seam_gap(idx):
        return None  # a web page's rows between: a title is not broken across another page's header
    if first and title_like and cues.broken_title(cs, ns) and not (
            idx + 2 < len(lines.order) and cues.title_kind(lines.stripped(idx + 2), lines.stripped(idx + 2))):
        return "paragraph.join.broken_title"  # a title a narrow page broke over two lines
    if _short_title(ns):
        return None  # a name or title line of its own
    if first and (len(cs) > _SHORT_TITLE or len(ns) > _SHORT_TITLE) and cues.title_kind(cs, cs) is not None:
        # a long title line is whole, and so is a shorter one with prose under it (the first half of
        # a broken title goes on with a short rest, above)
        return None
    if cues.is_anchor(lines.text(idx + 1), lines.norm[nxt_line - 1]):
        return None  # a page cut the last sentence of a report; the next line opens another
    # (cut mid-word, or right after an item's number: the page's last line is the number alone)
    cut = _ANY_PUNCT.search(cs[-1:]) is None or not strip_ordinal(cs)
    whole = len(ns) >= _LONG_LINE and is_terminal("", ns)
    found = cues.intro_rules(lines.text(idx + 1), lines.norm[nxt_line - 1]) if cut or whole else set()
    if cut and found & _SENTENCE_OPENINGS:
        return None  # cut mid-word, then a sentence that opens with its year or period and a comma: another text
    if whole and found & _LED:
        # a sentence left open (cut mid-word or after a list's comma), then a whole paragraph as a web page
        # prints one (long, its sentence ended; a wrapped line of a text layer is short) saying in its
        # first sentences whose leadership the body worked under: another text's opening, not the rest
        # of the open sentence
        return None
    if cut and _writer_opening(lines.text(idx + 1), lines.norm[nxt_line - 1]):
        return None  # cut mid-word, then a sentence whose subject is its writer, framed as an opening: another text
    if lines.titled_gap(idx) or lines.seam_gap(idx):
        return None  # a page header with a title, or a web page's furniture, between: not joined across it
    if first:
        h = lines.heading(idx, allow_shi=False)
        if h is not None and not h.inline_body:
            return "paragraph.join.cut_list_item" if _cut_list_item(idx, lines) else None
        if is_bare_heading(cs, normalized=cs):
            return None
    if title_like:
        return None
    if lines.blank_gap(idx) and len(ns) >= _BLANK_SEAM and not _FIGURE_START.match(ns) and _running_text(first, idx, lines, so_far):
        # a cut sentence, a blank line, then a whole page run into one line (not going on the sentence's figure):
        # the site cut the page above there and another text begins
        return None
    return "paragraph.join.page_break"


def _broken_title_run(lines: _Lines, i: int) -> int:
    """How many lines after line ``i`` finish a title a PDF or a narrow page broke into three or
    more short pieces (a body's name, a year, genre words, the next year ...); 0 if none does.
    The furniture pass reads the same rule (cues.broken_title_lines), so the lines it keeps as a
    title are the lines joined here; two pieces are the pair rule's (cues.broken_title)."""
    # (one line more than a title's pieces: the line after them may not be a title itself)
    parts = [lines.stripped(j) for j in range(i, min(len(lines.order), i + cues.BROKEN_LINES + 1))]
    return max(cues.broken_title_lines(parts) - 1, 0)


def build_paragraphs(doc: Document, furniture: frozenset[int]) -> tuple[Paragraph, ...]:
    lines = _Lines(doc, furniture)
    order = lines.order
    out: list[Paragraph] = []
    i = 0
    while i < len(order):
        start = order[i]
        more = _broken_title_run(lines, i) if _short_title(lines.stripped(i)) else 0
        if more:
            span = range(i, i + more + 1)
            offs = [0]
            for j in span:
                offs.append(offs[-1] + len(lines.text(j)))
            out.append(Paragraph(line_start=start, line_end=order[i + more], text="".join(lines.text(j) for j in span),
                                 pieces=tuple((order[j], offs[j - i]) for j in span), rule="paragraph.join.broken_title",
                                 norm_text="".join(lines.norm[order[j] - 1] for j in span)))
            i += more + 1
            continue
        raw = [lines.raw[start - 1]]
        normed = [lines.norm[start - 1]]
        pieces = [(start, 0)]
        size = len(raw[0])
        rule = "paragraph.line"
        # Whether the paragraph so far reads as a title: once it does not, it never will again
        # (text only grows), so the joined text is looked at only while it is still short.
        title_like = _short_title(normed[0].strip())
        while i + 1 < len(order):
            why = _joins(title_like, len(pieces) == 1, i, lines, "".join(normed).strip())
            if why is None:
                break
            i += 1
            n = order[i]
            pieces.append((n, size))
            raw.append(lines.raw[n - 1])
            normed.append(lines.norm[n - 1])
            size += len(raw[-1])
            if title_like:
                title_like = _short_title("".join(normed).strip())
            rule = why
        out.append(Paragraph(line_start=start, line_end=order[i], text="".join(raw), pieces=tuple(pieces),
                             rule=rule, norm_text="".join(normed)))
        i += 1
    return tuple(out)
