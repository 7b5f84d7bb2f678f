"""What one paragraph says by itself, read once before the splitter walks the document: the
cues of cues.py (a title, a preamble, an opening, a numbered heading) and what the paragraph's
place adds (furniture and blank lines above it, a document-sharing chunk's number, a title the
furniture just above prints).  evidence.py reads these against the report being built.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import rules
from ..model import Heading, Paragraph
from ..textnorm import norm
from . import cues
from .headings import is_bare_heading, is_terminal, match_heading
from .roles import cue_role

_TABLE = "split"
_YEAR = rules.pattern(_TABLE, "split.year")
_TITLE_ROW = rules.pattern(_TABLE, "split.title_row")
_YEAR_WINDOW = int(rules.limit(_TABLE, "split.year_window_chars"))
WEAK_OPENINGS = frozenset({"split.intro.opening_year", "split.intro.period"})  # a year or a period opens: weakly
_FUSED_OPENINGS = WEAK_OPENINGS | {"split.intro.scene"}
_HEAD_LINE = int(rules.limit(_TABLE, "split.head_line_chars"))
_PUNCT = rules.pattern("paragraphs", "paragraph.any_punct")
_CHUNK = rules.pattern(_TABLE, "split.chunk")
_CELL_END = rules.compiled(r"\s*[|\uff5c]+\s*$")  # a table cell's closing bar
_INLINE_OUTLINE = rules.pattern(_TABLE, "split.inline_outline")
_INLINE_CHARS = int(rules.limit(_TABLE, "split.inline_outline_chars"))
_SPACING_WINDOW = 10  # paragraphs on each side that say how a text is spaced
_NAME_MIN = 4  # a body named with its place (county + forestry bureau) at least
_SHORT_BODY = rules.pattern(_TABLE, "split.short_body_name")
_SHORT_PLAIN = 8  # a line this short with no punctuation (a name under a preamble) is part of a head
_GREETING = rules.pattern(_TABLE, "split.greeting")
_BARE_TITLE = rules.pattern(_TABLE, "split.bare_title")
_BARE_TITLE_MAX = int(rules.limit(_TABLE, "split.bare_title_max_chars"))
_PAGE_HEAD_ROW = rules.pattern(_TABLE, "split.page_head_row")
_PAGE_DATE_ROW = rules.pattern(_TABLE, "split.page_date_row")
_TEXT_LABEL = rules.pattern("furniture", "furniture.text_label")
_TEASER_COPY = int(rules.limit(_TABLE, "split.teaser_copy_chars"))
_TRANSLATION = rules.pattern(_TABLE, "split.translation_line")
_TEASER_REPEAT = int(rules.limit(_TABLE, "split.teaser_repeat_chars"))
_FIRST_ROLES = ("achievements", "overview", "highlights")  # (as evidence.py: the part a report begins with)


@dataclass(frozen=True, slots=True)
class Cues:
    """What one paragraph says by itself."""

    title: str | None  # cues.title_kind
    fused: bool
    preamble: str | None
    intro: frozenset[str]
    strong: bool  # opens the way reports open
    head: Heading | None  # numbered heading (the 'firstly' family excluded)
    bare: bool
    terminal: bool
    signature: bool
    gap_furniture: int  # furniture lines between the paragraph before and this one
    gap_blank: int  # blank lines before it, beyond the document's usual spacing
    title_in_furniture: bool  # a title printed only in the furniture just above (a title row, a file name)
    year: int | None  # the year a title, an opening or a numbered heading names first
    name: str | None  # the author a title or opening names
    short_plain: bool  # a few characters, no punctuation: a name line
    exclaims: bool  # ends with an exclamation mark (the salutation with an exclamation mark)
    appendix: bool  # an attachment or glossary line: what follows is no report's outline
    colon: bool  # ends with a colon
    title_core: str | None  # the title as read (decorations cut), to tell a repeated title
    chunk: int = 0  # the number of a document-sharing chunk (1: the first, where a report begins), 0: none
    inline: bool = False  # an opening with the first part heading run on after it (a page without line breaks)
    greeting: str | None = None  # whom a salutation addresses (the words before its colon or exclamation mark)
    run_on: bool = False  # a whole report run into one line (a title or an opening with its text after it)
    furniture_title: str | None = None  # the title a furniture line just above prints (read as title_core)
    page_head: bool = False  # the furniture just above holds a row only a page's head prints (catalogue fields, a breadcrumb)
    page_dated: bool = False  # the furniture just above holds a page's date row (its head's or its foot's)
    cell: bool = False  # ends at a table cell's bar: a row of a table, not a sentence a page cut off
    translation: bool = False  # Latin words only: the translation of the Chinese line above (a bilingual page)
    teased: bool = False  # opens with the words the paragraph right above opens with (a site's teaser of it)

    @property
    def head_line(self) -> bool:
        """A line a report's head is made of (title, preamble, address, a name under them)."""
        return self.headish or self.short_plain

    @property
    def headish(self) -> bool:
        """A line of a report's head: title, preamble, address."""
        return bool(self.title or self.fused or self.preamble or self.salutation)

    @property
    def salutation(self) -> bool:
        return "split.intro.salutation" in self.intro

    @property
    def speaks(self) -> bool:
        """The speech has begun (the salutation with a colon, the speaker reporting to the congress): nothing after is head."""
        return (self.salutation and not self.exclaims) or self.preamble == "split.preamble.address"


def _teaser_copy(lines: list[str], n: int) -> bool:
    """Line n and a line with text right beside it open with the same words: a site's teaser of the text
    (its opening cut short) printed over the text itself, under the page's date row.  Which of the two
    begins the text is not told by the date row, so the row marks no seam here."""
    def key(t: str) -> str:
        return "".join(t.split())[:_TEASER_COPY]
    first = key(lines[n - 1])
    near = [t for t in lines[n:n + 3] if t.strip()][:1] + [t for t in reversed(lines[max(0, n - 4):n - 1]) if t.strip()][:1]
    return len(first) == _TEASER_COPY and any(key(t) == first for t in near)


def paragraph_cues(doc, paras: list[Paragraph], furniture: frozenset[int]) -> list[Cues]:
    out = []
    prev_end = 0
    spacing = _usual_spacing(paras)
    chunks = _chunks(paras)
    for i, p in enumerate(paras):
        chunk = chunks.get(i, 0)
        text, normed = p.text, p.norm_text
        if chunk:  # the chunk's number is the site's, not the report's: read what follows it
            cut = _CHUNK.match(normed).end()
            text, normed = text[cut:], normed[cut:]
        pipe = _CELL_END.search(normed)
        if pipe and pipe.start() > 0:  # a title or text left in a table cell: the cell's bar is the table's
            text, normed = text[:pipe.start()], normed[:pipe.start()]
        mark = cues.page_mark_end(normed)
        if mark:  # a page-count mark glued before the page's first line: the site's, not the text's
            text, normed = text[mark:], normed[mark:]
        s = normed.strip()
        gap = range(prev_end + 1, p.line_start)
        gap_f = sum(1 for n in gap if n in furniture)
        gap_b = sum(1 for n in gap if not doc.norm_lines[n - 1].strip()) - spacing[i]  # more than usual
        single = len(p.pieces) == 1
        title = cues.title_kind(text, normed) if single or len(s) <= _HEAD_LINE else None
        run_on = cues.fused_end(text, normed) if title is None else None
        fused = run_on is not None
        pre = cues.preamble_rule(text, normed) if len(s) <= 2 * _HEAD_LINE else None
        # a title run on with its text: the text after the title is the opening
        said, said_n = (text[run_on:], normed[run_on:]) if fused else (text, normed)
        intro = cues.intro_rules(said, said_n) if chunk < 2 else set()
        # (after a title run on with its text, a time phrase or the year's scene opens: the title names the subject)
        strong = title is None and chunk < 2 and (cues.opening_strength(said, said_n, found=intro) == "strong"
                                                  or (fused and bool(intro & _FUSED_OPENINGS)))
        head = None if fused or chunk else match_heading(text, p.line_start, allow_shi=False, normalized=normed)
        if title is None and not fused and head is None and single and _page_head(i, paras, furniture, gap_f) \
                and cues.bare_title(s):
            title = "title"  # a title naming no body, where a page prints its head (furniture beside it)
        if title is None and not fused and head is None and single and any(
                n in furniture and cues.teased_title(doc.norm_lines[n - 1]) == cues.title_core(s) for n in gap):
            title = "title"  # the line a site's teaser row right above names as the text's title
        furn_title = next((t for n in gap if n in furniture for t in [_furniture_title_core(doc.norm_lines[n - 1])] if t), None)
        in_furn = furn_title is not None
        year = name = None
        # (a bare part name that reviews a year, over a text that lost its title, says the year too)
        review = head is None and not fused and is_bare_heading(s) and cue_role(s) in _FIRST_ROLES
        if title or fused or strong or in_furn or (head is not None and head.value == 1) or review:
            m = _YEAR.search(s[:_YEAR_WINDOW])
            year = int(m.group(0)[:4]) if m and m.group(0)[:4].isdigit() else None
        if title or fused:
            name = cues.title_name(cues.title_core(s) if title else (cues.fused_title(text, normed) or ""))
        elif strong:
            name = cues.opening_subject(text, normed) or cues.lead_subject(text, normed)
        # (a bare party committee: no name to compare; a people's body by its level and short form, the
        # county's CPPCC, is one; a place alone is not: a department's report names its place as the scene)
        name = _key(name) if name and (len(name) >= _NAME_MIN or bool(_SHORT_BODY.match(name))) else None
        out.append(Cues(title, fused, pre, frozenset(intro), strong, head, head is None and is_bare_heading(s),
                        is_terminal(s, s), cues.is_signature_date(s, s), gap_f, gap_b, in_furn, year, name,
                        len(s) <= _SHORT_PLAIN and not _PUNCT.search(s), s.endswith("!"),
                        head is None and cues.is_appendix(text, normed), s.endswith(":") and _worded_end(p),
                        cues.title_core(s) if title else (cues.title_core(cues.fused_title(text, normed) or "") or None if fused else None), chunk,
                        strong and bool(_INLINE_OUTLINE.search(s[:_INLINE_CHARS])),
                        _greeting(said_n.strip()) if "split.intro.salutation" in intro else None,
                        (fused and len(s) > 2 * _HEAD_LINE) or (strong and bool(_INLINE_OUTLINE.search(s[:_INLINE_CHARS]))),
                        furn_title,
                        any(n in furniture and (_PAGE_HEAD_ROW.match(doc.norm_lines[n - 1]) or _TEXT_LABEL.match(doc.norm_lines[n - 1].strip()))
                            for n in gap),
                        any(n in furniture and _PAGE_DATE_ROW.match(doc.norm_lines[n - 1]) for n in gap)
                        and not _teaser_copy(doc.norm_lines, p.line_start),
                        bool(pipe), bool(_TRANSLATION.match(s))))
        prev_end = p.line_end
    return _teased(_attachment_notes(_slogans(out, paras), paras), paras)


def _opening_key(p: Paragraph) -> str:
    """The first words of a paragraph, spaces and an opening bracket or quote aside."""
    return "".join(p.norm_text.split()).lstrip("([{<\"'\u201c\u2018\u3010\u3008\u300a\u300c")[:_TEASER_REPEAT]


def _teased(out: list[Cues], paras: list[Paragraph]) -> list[Cues]:
    """A paragraph that opens with the very words of the paragraph right above goes on the same text:
    the one above is the site's teaser or summary of it (its opening cut short, often in brackets)."""
    for i in range(1, len(out)):
        key = _opening_key(paras[i])
        if len(key) == _TEASER_REPEAT and key == _opening_key(paras[i - 1]):
            out[i] = replace(out[i], teased=True)
    return out


def _attachment_notes(out: list[Cues], paras: list[Paragraph]) -> list[Cues]:
    """An official document notes its attachment (the label, then the attached document's title)
    under its text and right over its signature (the issuing body, the date): that line is the
    notice's, naming what it issues, not the attached document's own title, printed after the date."""
    for i, c in enumerate(out):
        if not (c.appendix and c.title):
            continue
        for j in range(i + 1, min(len(out), i + 4)):
            if out[j].signature:
                out[i] = replace(c, title=None, title_core=None, name=None, year=None)
                break
            if out[j].terminal or len(paras[j].norm_text.strip()) > _HEAD_LINE:
                break
    return out


def _slogans(out: list[Cues], paras: list[Paragraph]) -> list[Cues]:
    """A slogan (one line or two) over a dash subtitle that is the report's title: the slogan is
    the title's first line, where the report begins."""
    for i in range(len(out) - 1):
        c, nxt = out[i], out[i + 1]
        if (c.title is None and not c.fused and c.preamble is None and c.head is None and not c.intro
                and nxt.title and len(paras[i].pieces) == 1
                and cues.slogan_over(paras[i].norm_text, paras[i + 1].norm_text)):
            out[i] = replace(c, title="title", bare=False)
            # (a headline of two slogan lines: the first is where the title begins)
            b = out[i - 1] if i > 0 else None
            if (b is not None and b.title is None and not b.fused and b.preamble is None and b.head is None and not b.intro
                    and len(paras[i - 1].pieces) == 1 and cues.slogan_over(paras[i - 1].norm_text, paras[i + 1].norm_text)):
                out[i - 1] = replace(b, title="title", bare=False)
    return out


_CJK = re.compile("[\u4e00-\u9fff]")


def _worded_end(p: Paragraph) -> bool:
    """Does the paragraph's last line hold words (a sentence that announces what follows with its
    colon)?  A row of a forum or social page joined to a cut line (a handle and a colon, a stray
    label in Latin letters) announces nothing."""
    return len(p.pieces) == 1 or bool(_CJK.search(p.norm_text[p.pieces[-1][1]:]))


def _page_head(i: int, paras: list[Paragraph], furniture: frozenset[int], gap_f: int) -> bool:
    """Is paragraph i where a page prints its head: the site's furniture right above or right below it?"""
    if gap_f:
        return True
    return i + 1 < len(paras) and any(n in furniture for n in range(paras[i].line_end + 1, paras[i + 1].line_start))


def _greeting(s: str) -> str | None:
    m = _GREETING.match(cues.fold(s))
    return m.group(0) if m else None


def _chunks(paras: list[Paragraph]) -> dict[int, int]:
    """Paragraph index -> chunk number, for runs of document-sharing chunks (cues.chunk_runs)
    that begin with the first chunk cut in mid-sentence (a numbered item of a report ends its sentence)."""
    runs = cues.chunk_runs([p.norm_text for p in paras])
    out: dict[int, int] = {}
    for i in sorted(runs):
        s = paras[i].norm_text.strip()
        first = _CHUNK.match(s).group("n") == "1" and not is_terminal(s, s) and not (
            i and _under_heading(paras[i - 1]) and not _begins_text(s[_CHUNK.match(s).end():]))
        # a chunk numbered one right after another page's chunks is that page's first: a new run
        if i - 1 in out and not first:
            out[i] = out[i - 1] + 1
        elif first:
            out[i] = 1
    return out


def _under_heading(p: Paragraph) -> bool:
    """A part heading with no text of its own (a line of the outline): the numbered pieces under
    it are its items, a list the report goes on with.  A sharing site's first chunk is the whole
    text's beginning, printed where the page's text begins, never under a heading of that text
    (a heading right above it is where the page before was cut)."""
    h = match_heading(p.text, p.line_start, normalized=p.norm_text)
    return (h is not None and h.value is not None and not h.inline_body) or is_bare_heading(p.norm_text)


def _begins_text(s: str) -> bool:
    """Does a piece read as a text's beginning: its title run on with it, or an opening?  (Under
    the heading another page was cut at, a sharing site's first chunk still begins its text.)"""
    return bool(cues.fused_title(s, s)) or cues.opening_strength(s, s) == "strong"


def _furniture_title_core(line: str) -> str | None:
    """The title a furniture line prints (a title row, a page's collection header), as read."""
    s = line.strip()
    m = _TITLE_ROW.match(s)
    if m:
        t = m.group("title") or m.group("shared")
        return cues.title_core(t) if cues.is_title(t) else None
    return cues.title_core(s) if cues.title_kind(s, s) in ("title", "numbered") else None


def _usual_spacing(paras: list[Paragraph]) -> list[int]:
    """Blank lines the text around each paragraph usually puts between paragraphs (some sources
    put three everywhere, others none): the median gap of its neighbourhood."""
    gaps = [0] + [b.line_start - a.line_end - 1 for a, b in zip(paras, paras[1:])]
    out = []
    for i in range(len(gaps)):
        near = sorted(gaps[max(0, i - _SPACING_WINDOW): i + _SPACING_WINDOW + 1])
        out.append(near[len(near) // 2])
    return out


def _key(name: str) -> str:
    """A name as compared between reports: no spaces, no place prefix of a self-reference."""
    return re.sub(r"\s+", "", cues.fold(norm(name)))
