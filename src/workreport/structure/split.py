"""Split a compilation into reports: every paragraph is a candidate start, weighed on evidence.

A report begins where the evidence outweighs the threshold: a title (as sites dress it, or
printed only in a metadata row above), a government work report's preamble, an opening formula (a time
phrase and a subject, under the leadership of, reported as follows), a new author named, a change of year, the
top-level outline starting again, a gap of page furniture, the paragraph before being a cut
sentence or a signature — against the report being built having no body yet, or being short.
The features are evidence.py; their weights and the threshold are data/split.yaml
(`evidence`), fitted on synthetic compilations by scripts/fit_split.py, not on any real file.
The walk is one pass over the paragraphs (each looks at most two ahead): linear in the text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .. import rules
from ..model import Paragraph
from . import cues, evidence, paragraph_cues, site_heads
from .headings import FAMILY_RANK, is_bare_heading, match_heading
from .cohesion import Cohesion
from .cues import intro_rule, intro_rules, is_appendix, is_title, opening_strength  # noqa: F401 (public API)

_TABLE = "split"
_T = rules.load(_TABLE)
_EVIDENCE = _T["evidence"]
WEIGHTS: dict[str, float] = {k: float(v) for k, v in _EVIDENCE["weights"].items()}
THRESHOLD = float(_EVIDENCE["threshold"])
_TITLE_WITHIN = int(rules.limit(_TABLE, "split.title_within_paragraphs"))
_TITLE_ROW = rules.pattern(_TABLE, "split.title_row")
_SHORT = int(rules.limit(_TABLE, "split.short_report_chars"))
_NOT_A_START = rules.pattern(_TABLE, "split.not_a_start")
_MID_SENTENCE = rules.pattern(_TABLE, "split.mid_sentence")
_TOPIC_PARAS = int(rules.limit(_TABLE, "split.topic_paragraphs"))
_TOPIC_CHARS = int(rules.limit(_TABLE, "split.topic_chars"))
_TOPIC_MARGIN = rules.limit(_TABLE, "split.topic_margin")
_HEAD_LINE = int(rules.limit(_TABLE, "split.head_line_chars"))
_SESSION = "split.preamble.session"
_SPEECH_TITLE_LINES = int(rules.limit(_TABLE, "split.speech_title_lines"))
_ADDRESSEE = rules.pattern(_TABLE, "split.addressee")
_DOC_TITLE = rules.pattern(_TABLE, "split.document_title")
_TRANSMIT = rules.pattern(_TABLE, "split.transmit")
_TRANSMIT_NAMED = rules.pattern(_TABLE, "split.transmit_named")
_SIGNOFF = int(rules.limit(_TABLE, "split.issued_signoff_paragraphs"))
_GLUED_ADDRESSEE = "split.issued.glued_addressee"
_HEADING_TAIL = int(rules.limit(_TABLE, "split.heading_copy_tail_chars"))
_PAGE_HEADING = "split.page_heading"
_PAGE_TOP = "split.page_top"  # (the page's own lines over the first report: no report, furniture)
_HEAD_TOP = "split.head_top"  # (a start a head pass moved up past a page heading: the heading is the report's)
_DOC_NUMBER = "split.preamble.doc_number"
_PUNCT = rules.pattern("paragraphs", "paragraph.any_punct")
_BYLINE = rules.pattern("furniture", "furniture.signature_name")
_FOOT_WORDS = int(rules.limit(_TABLE, "split.foot_link_words_chars"))
_TIE = int(rules.limit(_TABLE, "split.head_tie_chars"))
_TIE_PARAS = int(rules.limit(_TABLE, "split.head_tie_paragraphs"))
_DATE_ROW = rules.pattern(_TABLE, "split.page_date_row")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CLAUSE_MARK = re.compile(r"[,\uff0c;\uff1b:\uff1a\u3002!\uff01?\uff1f]")  # a clause or sentence mark (a list's comma is none)
_REVIEW_OPENINGS = frozenset({"split.intro.opening_year", "split.intro.scene", "split.intro.system", "split.intro.leadership",
                              "split.intro.leadership_first"})
_NOT_OPENINGS = frozenset({"split.intro.future"})
_ANNOUNCES = "split.intro.closing"
_CUT_LINE = int(rules.limit(_TABLE, "split.cut_line_chars"))
_ANNOUNCED_AFTER = 2  # a report's own head and opening come first: an announcement after them is another report's
_ROW_COPY_CHARS = 6  # a shorter line is a label, no copy of a title
_TITLE_COPY_LOOK = 12  # lines over a title row where a page prints the same title as its heading


@dataclass(frozen=True, slots=True)
class ReportDraft:
    start_line: int
    end_line: int
    paragraphs: tuple[Paragraph, ...]
    title: str | None
    rule: str
    appendix_line: int | None = None
    title_line: int | None = None
    score: float | None = None  # the evidence for this start (None for the document's first report)
    heading_lines: tuple[int, ...] = ()  # the page's heading over the report's own title: page furniture


def score(f: dict[str, float], weights: dict[str, float] | None = None) -> float:
    w = WEIGHTS if weights is None else weights
    return sum(w.get(k, 0.0) * v for k, v in f.items() if v)


def _why(f: dict[str, float], weights: dict[str, float]) -> str:
    """The rule id of a start: the cue that weighed most for it."""
    best = max((k for k, v in f.items() if v and k != "bias"), key=lambda k: weights.get(k, 0.0) * f[k], default="bias")
    return f"split.evidence.{best}"


def find_starts(doc, paras: list[Paragraph], furniture: frozenset[int] = frozenset(),
                weights: dict[str, float] | None = None, threshold: float | None = None) -> list[tuple[int, str, float | None]]:
    """(paragraph index, rule, score) of every report start."""
    if not paras:
        return []
    cs = paragraph_cues.paragraph_cues(doc, paras, furniture)
    starts = decode(cs, paras, weights, threshold)
    for attach in _HEAD_PASSES:
        starts = attach(cs, paras, starts)
    if _unsaid_top(cs, paras, starts):
        starts[0] = (0, _PAGE_TOP, None)
    return starts


def _unsaid_top(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> bool:
    """Do the document's first lines, over a report that prints its own title, say nothing (round 22):
    no sentence, no title, no name, no salutation or preamble?  A site's banner or advertisement, a
    snapshot site's head, a breadcrumb, the navigation of the report's parts (its headings listed
    with no text): a block of labels and headings is never a report by itself, and no report is
    above it to hold it, so it is the page's (furniture)."""
    if len(starts) < 2 or starts[0][0] != 0:
        return False
    top = starts[1][0]
    if not cs[top].title_core:
        return False
    for k in range(top):
        c, t = cs[k], paras[k].norm_text.strip()
        if c.title or c.title_core or c.fused or c.name or c.preamble or c.greeting or c.signature or c.strong or c.intro:
            return False
        if len(t) > _HEAD_LINE or c.terminal or c.colon or _CLAUSE_MARK.search(t):
            return False  # (a sentence, a piece of one (the report before, cut), or a line that leads into one)
        if c.head is not None and c.head.inline_body:
            return False  # (a numbered part with its text run on: the report's own body)
        if len(t) >= _ROW_COPY_CHARS and site_heads.title_copy(cues.title_core(t) or t, cs[top].title_core, near=True):
            return False  # (the title's first copy, the page's headline: the report begins there)
    return True


def _first_copies(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A report found at the text's own copy of its title, the page's copy right over it (a year
    more or less, only the page's rows between): the report begins at the first copy (a title
    printed twice starts at its first copy, whatever title words it has: site_heads.dated_twin; when
    that copy already opens a report, the two are one)."""
    out: list = []
    for i, rule, sc in starts:
        j = i - 1
        if (out and j >= out[-1][0] and cs[j].head is None and not cs[j].terminal and _second_copy(i, cs, paras)):
            if j == out[-1][0]:
                continue  # (the report before is the page's copy alone: this title's first copy opened it)
            i = j
        out.append((i, rule, sc))
    return out


def _addressed(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A report sent up to a body begins at its addressee line (the body's name and a colon, a line
    of its own) right over its opening: the addressee is the report's, not the text's before."""
    out: list = []
    for i, rule, sc in starts:
        j = i - 1
        if (out and j >= out[-1][0] and cs[i].strong and paras[j].line_end + 1 == paras[i].line_start
                and cs[j].colon and not cs[j].salutation and evidence.addressee(paras[j])):
            if j == out[-1][0]:
                continue  # (the report before is the addressee line alone: it opened this report)
            i = j
        out.append((i, rule, sc))
    return out


def _bylines(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A report begins at the body's name printed alone right over its first line when
    page furniture, not a last sentence, is above that name (a portal's byline)."""
    out: list = []
    for i, rule, sc in starts:
        j = i - 1
        if (out and j > out[-1][0] and cs[j].short_plain and cs[j].gap_furniture > 0
                and _BYLINE.match(paras[j].norm_text.strip())):
            i = j
        out.append((i, rule, sc))
    return out


def _speech_heads(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A speech found at its session line or its salutation begins at the top of its head (_speech_top).
    A title line over the session line taken for a report of its own is the speech's: that start goes
    (and the speech goes on the first report when the document begins with its title)."""
    out: list = []
    for i, rule, sc in starts:
        if out:
            top = _speech_top(cs, paras, i, out[-1][0])
            while len(out) > 1 and out[-1][0] >= top:
                out.pop()
            if out[-1][0] >= top:
                continue
            i = top
        out.append((i, rule, sc))
    return out


def _occasions(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A report found at its title begins at the meeting it was given at, printed as the title's first
    line right over it (at the plenary session, then the report on the year's work; split.occasion_line): one title on two lines."""
    out: list = []
    for i, rule, sc in starts:
        j = i - 1
        if (out and j > out[-1][0] and _tight(cs[i]) and paras[j].line_end + 1 == paras[i].line_start
                and cues.occasion_over(paras[j].norm_text, paras[i].norm_text)):
            i = j
        out.append((i, rule, sc))
    return out


def _addressee_titles(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A document found at its addressee line or its document number row begins at its own title
    printed over it (a notice or a report on ..., the number row between; furniture rows and blank
    lines may part them): the title, a head with no body, is not left to the text before."""
    out: list = []
    for i, rule, sc in starts:
        if out and (_ADDRESSEE.match(_folded(paras[i])) or cs[i].preamble == _DOC_NUMBER):
            i = _document_top(cs, paras, i, out[-1][0])
        out.append((i, rule, sc))
    return out


def _document_top(cs: list[evidence.Cues], paras: list[Paragraph], i: int, floor: int) -> int:
    """The first line of a document's head over paragraph i: its own title (the number row between)."""
    top, j = i, i - 1
    while j > floor and i - j <= _SPEECH_TITLE_LINES + 1 and _document_head_line(cs[j], paras[j]):
        if _DOC_TITLE.match(_folded(paras[j])) and not _cut_before(cs, paras, j):
            top = j
        j -= 1
    return top


def _issued_documents(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A notice that issues a document (its addressees, the sentence that issues it to them, the
    issuing body and the date) is that document's head: the document's title under it, when it is
    the one the notice names, opens no report of its own.  The report begins at the notice (its title
    or its addressee line): the start moves there, or goes when the report before already begins there."""
    out: list = []
    for i, rule, sc in starts:
        head = _issuing_notice(cs, paras, i, out[-1][0]) if out else None
        if head is not None:
            if head <= out[-1][0] or _notice_head_above(cs, paras, out[-1][0], head):
                continue  # (the notice opened the report: the document goes on it)
            i = head
            # (its addressee line joined to the cut last sentence of the page before: it is split off there, _unglue)
            if i > out[-1][0] + 1 and not cs[i - 1].salutation and len(paras[i - 1].pieces) > 1 and _addressee_piece(paras[i - 1]):
                rule = _GLUED_ADDRESSEE
        out.append((i, rule, sc))
    return out


def _page_headings(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A page prints its heading, then the article's own title over the text, the same title
    (its site's or section's words around it, or the body named another way) with nothing but
    page rows between: the report begins at the article's title, the lower copy, when that is a
    full title of its own (it names its year, the same year).  (A bare genre heading under a full
    title, the speech's genre word over its session line, is not: the upper line stays the start.)"""
    out: list = []
    for n, (i, rule, sc) in enumerate(starts):
        k = i + 1
        nxt = starts[n + 1][0] if n + 1 < len(starts) else len(paras)
        if k < nxt and _heading_copy(cs[i], paras[i], cs[k], paras[k]):
            i, rule = k, _PAGE_HEADING
        out.append((i, rule, sc))
    return out


def _head_tops(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A report begins at the top of its head.  A start found at a head's lower line (a second copy
    of the title, a session line, a speaker, a salutation, an opening under the page's rows) has over
    it, past the page's furniture, the lines a page prints before a text: titles, preambles, dates
    and names, none a sentence, none a numbered part.  When a title is among them, the report begins
    at the highest title: whatever the site printed between is the report's head, not the text
    before's (that ended on a sentence, a numbered part or a signature under it)."""
    out: list = []
    for i, rule, sc in starts:
        if out:
            i = _speech_opening(cs, paras, i, out[-1][0])
            top, j = i, i - 1
            years = {cs[i].year} - {None}
            cores = [cs[i].title_core or ""]
            # (who the report is: the names its head and first paragraphs give)
            names = {n for k in range(i, min(i + _HEAD_NAMES, len(cs))) if (n := cs[k].name or evidence.named(cs, paras, k))}
            while j > out[-1][0] and i - j <= _HEAD_TOP_PARAS and _head_material(cs[j], paras[j]):
                here = evidence.named(cs, paras, j)
                if _another_texts(cs[j], here, names, years):
                    break
                if _own_title(cs[j], cores):
                    top = j
                elif _adopted_over(cs, paras, j, top) or _byline_top(cs, paras, j, top):
                    top = j
                elif top == i and _opening_byline(cs, paras, j, i, out[-1][0]):
                    top = j
                cores.append(cs[j].title_core or "")
                names |= {here} - {None}
                years |= {cs[j].year} - {None}
                j -= 1
            if j == out[-1][0] and i - j <= _HEAD_TOP_PARAS and _head_stub(cs, paras, j, i, top, cores, names, years):
                continue  # (the start before is this text's head alone: its first line)
            # (no title left over a speech's head: it begins at the highest of its preamble lines; when
            # that is the start before, a report of head lines only, the speech began there)
            i = top if top < i else _speech_top(cs, paras, i, out[-1][0])
            if i <= out[-1][0]:
                continue
        out.append((i, rule, sc))
    return out


def _head_stub(cs: list[evidence.Cues], paras: list[Paragraph], j: int, i: int, top: int, cores: list[str],
               names: set, years: set) -> bool:
    """Is the start j, with only head lines between it and the start i under it (whose head reaches
    up to ``top``), the first line of that head?  A "report" of head lines has no text of its own: it is
    the text's head when its line is the text's title (_stub_title: a first copy), the first piece of
    its title wrapped over two lines, or what the head walk takes right over its top: the adopting
    meeting's note (_adopted_over) or the body's name over its title (_byline_top, as a page prints
    it, once the page's furniture over it no longer hides the seam).  The same readings as the walk's,
    one step further up."""
    if top == j + 1 and _wrapped_title(cs, paras, j):
        return True
    if _byline_top(cs, paras, j, top) or _adopted_over(cs, paras, j, top):
        return True
    return _stub_title(cs, paras, j, cores, names, years) or _dressed_copy(cs, paras, j, i)


def _dressed_copy(cs: list[evidence.Cues], paras: list[Paragraph], j: int, i: int) -> bool:
    """Is the head line j the site's copy of the title at the start i under it, dressed with a
    model-text word and its year dropped or moved (site_heads.tagged_over_title), or the same dressed
    line printed twice?  No title rule reads such a line (it names no year), yet it is the title's
    first copy: the text starts there."""
    a, b = _folded(paras[j]), _folded(paras[i])
    return _head_material(cs[j], paras[j]) and (site_heads.tagged_over_title(a, b) or (
        a == b and any(site_heads.tagged_over_title(a, _folded(q)) for q in paras[i + 1:i + 1 + _HEAD_NAMES])))


def _stub_title(cs: list[evidence.Cues], paras: list[Paragraph], j: int, cores: list[str], names: set,
                years: set) -> bool:
    """Is the start j, with only head lines between it and the start under it, that report's own
    first title (a site's headline, a metadata row's title over the article's copy)?  A "report"
    of head lines only has no text of its own: it is the head of the text under it, when its line
    is a title of that text: not a bare column name over a fuller title, not another year's, not
    another body's (a related link at the foot of the page before)."""
    c = cs[j]
    if not _head_material(c, paras[j]):
        return False
    return _own_title(c, cores) and not _another_texts(c, evidence.named(cs, paras, j), names, years)


def _adopted_over(cs: list[evidence.Cues], paras: list[Paragraph], j: int, top: int) -> bool:
    """Is head line j the note of the meeting that adopted the text, right over the head's top
    (under its title, or alone when the title is lost): the head's first line.  The one reading for
    the head walk (_head_tops) and a start found on the note (_head_stub)."""
    return top == j + 1 and _head_material(cs[j], paras[j]) and bool(_ADOPTED.match(_folded(paras[j])))


def _byline_top(cs: list[evidence.Cues], paras: list[Paragraph], j: int, top: int) -> bool:
    """Is head line j the body's name a page prints right over the head's top, its title
    (_byline_over): the head's first line.  The one reading for the head walk and the stub."""
    return top == j + 1 and _head_material(cs[j], paras[j]) and _byline_over(cs, paras, j, top)


def _opening_byline(cs: list[evidence.Cues], paras: list[Paragraph], j: int, i: int, floor: int) -> bool:
    """Is head line j the body's name a text with no title left prints over its opening i (its date
    line may be between): the head's first line?  The same shape closes a text (its signature under
    its last sentence), so the name must belong to the text under it: the opening names that body,
    or the line over the name is a sentence a page cut off (a cut text lost its signature with its end)."""
    if not (cs[i].strong and cs[j].short_plain and _BYLINE.match(_folded(paras[j]))):
        return False
    if any(not (_HEAD_DATE.match(_folded(paras[k])) and _head_material(cs[k], paras[k])) for k in range(j + 1, i)):
        return False  # (only the date between the name and the opening)
    name = _folded(paras[j])  # (folded already)
    subject = cs[i].name
    if subject and len(subject) >= 2 and (subject in name or name in subject):
        return True
    above = j - 1
    return above > floor and not cs[above].terminal and not _head_material(cs[above], paras[above]) \
        and cs[above].head is None and not cs[above].signature


def _own_title(c: evidence.Cues, cores: list[str]) -> bool:
    """Is a head line a title of the text under it: a title line of its own (not run on with text),
    not a bare genre line over a fuller title below (the site's column name, not a copy)?"""
    return bool(c.title) and not c.fused and not any(site_heads.column_name(c.title_core or "", k) for k in cores)


def _another_texts(c: evidence.Cues, here: str | None, names: set, years: set) -> bool:
    """Is a head line (naming ``here``) another text's: a headline of another year than the head's
    (a listing's), or a title naming another body (a related link at the foot of the page before)?"""
    if c.year is not None and years and c.year not in years:
        return True
    return bool(here and any(cues.names_differ(here, n) for n in names))


def _wrapped_title(cs: list[evidence.Cues], paras: list[Paragraph], j: int) -> bool:
    """Is paragraph j the first piece of a title wrapped over two lines, the title's line j + 1
    printed right under it (a long title centred on the page: the body's name, then its genre words)?
    Neither a title of its own nor a sentence; the two read as one title."""
    c, below = cs[j], cs[j + 1]
    if c.title or not below.title or not _tight(below) or not _head_material(c, paras[j]):
        return False
    joined = _folded(paras[j]) + _folded(paras[j + 1])
    return len(joined) <= _HEAD_LINE and cues.title_kind(joined, joined) is not None


def session_piece(folded: str) -> bool:
    """Is a (folded, spaceless) line the second piece of a session line wrapped in two (…at its Nth meeting)?"""
    return bool(_SESSION_PIECE.match(folded))


def speaker_name(folded: str) -> bool:
    """Is a (folded, spaceless) line a speaker's name alone (not a page's fragment cut mid-word)?"""
    return bool(_SPEAKER_NAME.match(folded)) and not _NOT_A_START.match(folded)


def _speech_opening(cs: list[evidence.Cues], paras: list[Paragraph], i: int, floor: int) -> int:
    """A start found under a speech's address (its first part heading) or at the address moves up to
    the address and to the salutation right over it: the speech opens with them, whatever rows or
    lines the page printed over them."""
    def joined(k: int) -> bool:
        return k - 1 > floor and _tight(cs[k])
    if not cs[i].salutation and cs[i].preamble not in _SPEECH_HEAD and joined(i) and cs[i - 1].preamble == _ADDRESS:
        i -= 1
    if cs[i].preamble == _ADDRESS and joined(i) and cs[i - 1].salutation and not evidence.addressee(paras[i - 1]):
        i -= 1
    return i


def _tight(c: evidence.Cues) -> bool:
    """Is a line printed right under the one before (no page rows, no more blank lines than the page's usual)?"""
    return c.gap_furniture == 0 and c.gap_blank <= 0


def _speech_top(cs: list[evidence.Cues], paras: list[Paragraph], i: int, floor: int) -> int:
    """The first line of a speech's head over paragraph i, its session line, its salutation or another of
    its preamble lines.  A speech prints over its salutation, in this order: its title (a headline and a
    subtitle, short lines of no sentence with no blank line between, right over the session line), its
    session line (maybe wrapped in two), the day it was delivered and its speaker (the office and name,
    the name alone, or the body that reports).  The report begins at the title when it has one (a title
    line may have been taken for the start before ``floor``: the caller drops that start); else at the
    highest of the preamble lines left, none parted from the next by the page's rows or a blank line.
    (A date under a last sentence or a signed name, and the name over it, are the report before's
    signature.)"""
    if not (cs[i].salutation or cs[i].preamble in _SPEECH_HEAD):
        return i
    top, j = i, i - 1
    if cs[i].preamble == _SESSION:
        while (j >= 0 and i - j <= _SPEECH_TITLE_LINES and paras[j].line_end + 1 == paras[j + 1].line_start
               and _speech_title_line(cs[j], paras[j], paras[i] if j == i - 1 else None)):
            top, j = j, j - 1
        if top < i:
            return top
    while j >= floor and i - j <= _HEAD_TOP_PARAS and _tight(cs[j + 1]):
        c, t = cs[j], _folded(paras[j])
        if c.terminal or c.head is not None or c.salutation or len(t) > 2 * _HEAD_LINE:
            break
        if c.preamble in _SPEECH_HEAD or session_piece(t) or cues.preamble_rule(t, t) == _SPEAKER:
            top = j  # (a session line, its wrapped second piece, a speaker; a mirror's pinyin read past)
        elif j == floor:
            # (the start before is the speech's own when it is one of these lines, or the speaker's name or
            # the reporting body alone, or the day, over the rest of the head: head lines with no text under
            # them are no report of their own; a date or name there signs nothing, no text is over it)
            if c.signature or speaker_name(t) or _BYLINE.match(t):
                top = j
            break
        elif c.signature:
            if j - 1 > floor and (cs[j - 1].terminal or cs[j - 1].short_plain or _BYLINE.match(_folded(paras[j - 1]))):
                break  # (the date the report before is signed with)
            top = j
        elif (top == j + 1 and cs[top].salutation and not evidence.addressee(paras[top])
              and (speaker_name(t) or _BYLINE.match(t)) and not _wrapped_cut(cs, paras, j)):
            top = j  # (the speaker's name, or the body that reports, right over the salutation)
        else:
            break
        j -= 1
    return top


def _headings_in_place(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A start placed under a page's heading keeps that mark only while the heading is still the line
    right over it: a later pass that moved the start up (onto the heading, or to a higher title of the
    head) made the heading the report's own line, and the line over the start now is the text
    before's last line, which is neither furniture nor cut from that report."""
    return [(i, _HEAD_TOP if rule == _PAGE_HEADING and not (i > 0 and _heading_copy(cs[i - 1], paras[i - 1], cs[i], paras[i]))
             else rule, sc) for i, rule, sc in starts]


def _byline_over(cs: list[evidence.Cues], paras: list[Paragraph], j: int, top: int) -> bool:
    """Is paragraph j the body's name a page prints alone right over the report's title (the
    author's line of the head)?  The title names that body; or it names none and no last sentence
    is over the name, only the page's rows (a name under a sentence may be that text's signature)."""
    name = _folded(paras[j])
    if not (cs[top].title and cs[top].title_core and _BYLINE.match(name)):
        return False
    body = cues.title_name(cs[top].title_core)
    if body:
        return name in cues.fold(cs[top].title_core)
    return cs[j].gap_furniture > 0 or j == 0 or not cs[j - 1].terminal


def _head_material(c: evidence.Cues, p: Paragraph) -> bool:
    """A line a page's head is made of: short, no sentence, not a numbered part, not a greeting
    (a salutation has its speech under it: what is over it is the speech's head or another's)."""
    return (len(p.norm_text.strip()) <= _HEAD_LINE and not c.terminal and c.head is None and not c.bare
            and not c.speaks and len(p.pieces) == 1 and not _COMMA.search(p.norm_text))


_COMMA = re.compile("[,\uff0c\u3001;\uff1b]")  # a clause runs on: a sentence's piece, no head line
_HEAD_NAMES = 3  # paragraphs from a start read for the body it names (head, address, opening)
_ADDRESS = "split.preamble.address"
_SPEAKER = "split.preamble.speaker"
_ADOPTED = rules.pattern(_TABLE, "split.adopted_note")
_HEAD_DATE = rules.pattern(_TABLE, "split.head_date")
_SPEECH_HEAD = frozenset({_SESSION, _SPEAKER, _ADDRESS, "split.preamble.congress_document"})
_SESSION_PIECE = rules.pattern(_TABLE, "split.speech_session_piece")
_SPEAKER_NAME = rules.pattern(_TABLE, "split.speaker_name")
_WRAP_LINE = 2 * _HEAD_LINE  # a line longer than this is a paragraph printed whole, no narrow page's wrapped line
_HEAD_TOP_PARAS = 6  # head lines looked at over a start (title, date, session, speaker, name, subtitle)


# A start found in a report's body is moved up to the first line of the report's head: each pass
# reads one kind of head (a speech's, over its session line or salutation: _speech_top; a notice
# that issues it; a page heading; a title printed twice; the meeting over a title; an addressee line; a title over the
# addressee or number row; a byline; then the head's highest title or, over a speech, the top of
# its head again, whatever the passes before left).  The order matters: a later pass reads the
# heads the earlier ones have found (a byline over a title that a notice's pass has placed).
_NEW_NAME = "split.evidence.new_name"


def _subject_heads(cs: list[evidence.Cues], paras: list[Paragraph], starts: list) -> list:
    """A report found at an opening that names a new subject (the report before named none) has
    its head right over it when that line is short, no sentence and no part of an outline, and is a
    title or a bare part name that names no other body (a title kept only as its year and genre, a
    compilation's numbered title): the line is the new report's head, not the last line of the one
    before, which names another subject or none and ends on a sentence."""
    out: list = []
    for i, rule, sc in starts:
        j = i - 1
        if (out and rule == _NEW_NAME and j > out[-1][0] and cs[i].name
                and not cs[j].terminal and len(paras[j].norm_text.strip()) <= _HEAD_LINE
                and not _COMMA.search(paras[j].norm_text)
                and (cs[j].title or (cs[j].bare and cs[j].head is None))):
            here = evidence.named(cs, paras, j)
            if not (here and cues.names_differ(here, cs[i].name)):
                i = j
        out.append((i, rule, sc))
    return out


_HEAD_PASSES = (_speech_heads, _issued_documents, _page_headings, _first_copies, _occasions,
                _addressed, _addressee_titles, _bylines, _head_tops, _headings_in_place, _subject_heads)


def _heading_copy(c: evidence.Cues, p: Paragraph, below: evidence.Cues, q: Paragraph) -> bool:
    """Is ``p`` a page's heading over ``q``, the article's own title (or a title run on with its text)?"""
    if not c.title or c.fused or c.preamble or not c.title_core or below.year is None:
        return False
    if c.year is not None and c.year != below.year:
        return False
    if below.title == "title" and below.title_core:
        lower = below.title_core
    elif below.fused:
        t = cues.fused_title(q.text, q.norm_text)
        lower = cues.title_core(t) if t else None
    else:
        return False
    if not lower:
        return False
    a, b = re.sub(r"\s+", "", c.title_core), re.sub(r"\s+", "", lower)
    if a == b or b.startswith(a):
        # (the same title printed twice: the article's, the first copy begins it; also when the lower
        # line runs the same title on with a second copy of it, as a converted document's running
        # header does: a file name over its share row and its text whose first words repeat it)
        return False
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    year = str(below.year)
    if tail < _HEADING_TAIL or year not in b or tail == len(b):
        # (the lower line's own title names the year: a speech's genre word run on with its session
        # line is its head, not a title; the upper one the lower with a site's or section's tag before
        # it is printed either way, as the page's title or as the article's, and says nothing)
        return False
    # (the section's bare genre name over a full title (a heading that names the year is the article's
    # title, the body added under it a copy); or the same year and genre words with the body named
    # another way; a link that only shares the genre words is another text)
    if site_heads.column_name(a, b, at_end=True):
        return c.year is None
    return year in a[len(a) - tail:]


def _addressee_piece(p: Paragraph) -> bool:
    """Is the last piece of a paragraph joined across lines a document's addressee line?"""
    t = cues.fold(re.sub(r"\s+", "", p.norm_text[p.pieces[-1][1]:]))
    return bool(_ADDRESSEE.match(t))


def _issuing_notice(cs: list[evidence.Cues], paras: list[Paragraph], i: int, floor: int) -> int | None:
    """The first line of a notice right over paragraph i that issues the document i is the title of, or None."""
    j = i - 1
    while j >= floor and i - j <= _SIGNOFF and _signoff_line(cs[j], paras[j]) and not _TRANSMIT.search(_folded(paras[j])):
        j -= 1
    if j < floor or i - j > _SIGNOFF or not _TRANSMIT.search(_folded(paras[j])):
        return None
    head = j
    if j - 1 >= floor and cs[j - 1].colon and not cs[j - 1].terminal and (
            cs[j - 1].salutation or _ADDRESSEE.match(_folded(paras[j - 1]))):
        head = j - 1  # (its addressees)
    head = _document_top(cs, paras, head, floor - 1)
    named = [n for k in range(head, j + 1) for n in _named_documents(_folded(paras[k]))]
    here = "".join(_folded(p) for p in paras[i: i + 2])
    if not any(n in here for n in named):
        return None  # (the notice names another document, or none: the title is not known to be its)
    # (a title naming another body than the one that signed the notice is another body's report)
    title = cs[i].title_core and cues.title_name(cs[i].title_core)
    issuers = [_folded(paras[k]) for k in range(j + 1, i) if _BYLINE.match(_folded(paras[k]))]
    if title and issuers and all(cues.names_differ(title, b) for b in issuers):
        return None
    return head


def _notice_head_above(cs: list[evidence.Cues], paras: list[Paragraph], start: int, head: int) -> bool:
    """Did the report begun at ``start`` open at the head of the notice whose addressees are at
    ``head``: its title or its number row, with nothing but short head lines between (a copy of the
    title, a number row the page printed damaged, its addressees)?  A notice's title, number and addressees are one
    document's head, whichever of them a site kept."""
    return (0 < head - start <= _SIGNOFF and _document_head_line(cs[start], paras[start])
            and all(len(_folded(paras[k])) <= _HEAD_LINE and not cs[k].terminal and cs[k].head is None
                    for k in range(start + 1, head)))  # (an addressee line the notice's pass did not read as one)


def _signoff_line(c: evidence.Cues, p: Paragraph) -> bool:
    """A short line of a notice's foot: the issuing body, the date, the publication mark."""
    return len(_folded(p)) <= _HEAD_LINE and not c.terminal and not c.colon and c.head is None


def _named_documents(folded: str) -> list[str]:
    """The documents a notice's line names as issued (in book-title marks, after 'now X is issued', in 'notice on issuing X')."""
    out = []
    for m in _TRANSMIT_NAMED.finditer(folded):
        name = m.group("quoted") or m.group("plain") or m.group("titled")
        if name:
            out.append(name)
    return out


def _folded(p: Paragraph) -> str:
    # (a traditional-script mirror's pinyin after its characters breaks the notice's words: read without it)
    return cues.drop_pinyin(cues.fold(re.sub(r"\s+", "", p.norm_text)))


def _document_head_line(c: evidence.Cues, p: Paragraph) -> bool:
    """A line of a document's head over its addressees: its title or its document number row."""
    t = _folded(p)
    return (not c.terminal and c.head is None and len(t) <= _HEAD_LINE
            and (c.preamble == _DOC_NUMBER or bool(_DOC_TITLE.match(t))))


def _cut_before(cs: list[evidence.Cues], paras: list[Paragraph], j: int) -> bool:
    """Does line j go on a sentence the line right over it leaves unfinished (a page the site cut)?"""
    if j == 0:
        return False
    prev = paras[j - 1]
    joined = prev.line_end + 1 == paras[j].line_start and not cs[j].gap_furniture
    return joined and not cs[j - 1].terminal and not cs[j - 1].head_line and len(prev.norm_text.strip()) > _HEAD_LINE


def _wrapped_cut(cs: list[evidence.Cues], paras: list[Paragraph], j: int) -> bool:
    """Does the short line j go on a sentence a narrow page wrapped and then cut (its rest, a few
    characters)?  The line over it is a cut sentence printed as a wrapped page prints it: a line of a
    wrapped page's width, the last of a paragraph of several lines or with no blank line over it.  A page that
    prints a whole paragraph to one long line (or parts its paragraphs with blank lines) wraps no
    name off it: the short line under its cut sentence is the next page's."""
    if not _cut_before(cs, paras, j):
        return False
    prev = paras[j - 1]
    last = prev.norm_text[prev.pieces[-1][1]:].strip()  # (the cut line itself)
    return len(last) <= _WRAP_LINE and (len(prev.pieces) > 1 or cs[j - 1].gap_blank <= 0)


def _speech_title_line(c: evidence.Cues, p: Paragraph, below: Paragraph | None = None) -> bool:
    t = p.norm_text.strip()
    # (not a page number, nor the last piece of a sentence the page before was cut in: a particle begins no title;
    # the line right over the session line may keep a mis-decoded page's stray marks when it ends as a speech's title)
    plain = not _PUNCT.search(t) or (below is not None and cues.speech_title_over(t, below.norm_text))
    # (right over a dated line: the body's name the report is signed with at its head, a byline)
    named = below is not None and bool(_BYLINE.match(_folded(p)))
    # (a short line with no genre word is a cut page's last piece only where text is over it: printed
    # under the page's rows, right over the session line, it is the speech's title the page cut -- round 23)
    headed = below is not None and c.gap_furniture > 0
    return (len(t) <= _HEAD_LINE and not c.terminal and c.head is None and not c.bare and not c.signature
            and not c.preamble and plain and not t.isdigit() and not _NOT_A_START.match(t)
            and (cues.speech_headline(t) or named or headed))


def decode(cs: list[evidence.Cues], paras: list[Paragraph], weights: dict[str, float] | None = None,
           threshold: float | None = None) -> list[tuple[int, str, float | None]]:
    """The starts from each paragraph's cues: one walk, the report state updated as it goes."""
    w = WEIGHTS if weights is None else weights
    thr = THRESHOLD if threshold is None else threshold
    comp = evidence.is_compilation(cs)
    inside = evidence.head_blocks(cs, paras)
    links = evidence.link_heads(cs, paras, inside)
    coh = Cohesion(paras)
    st = evidence.State()
    st.take(cs[0], paras[0])
    starts: list[tuple[int, str, float | None]] = [(0, "split.document_start", None)]
    for i in range(1, len(paras)):
        if cs[i].translation:
            continue  # (a translation under its line: neither a start nor the report's text, evidence.features reads past it)
        if not _candidate(i, cs, paras, inside, links) and not (inside[i] is None and _second_copy(i, cs, paras)):
            st.take(cs[i], paras[i])
            continue
        f = evidence.features(i, cs, paras, st, comp, links, coh)
        sc = score(f, w)
        if sc > thr and (_unsaid_head(cs, paras, st, starts, i) or _own_opening(cs, paras, st, starts, i, f)):
            st.take(cs[i], paras[i])  # (the head goes on: a line under a title that has said nothing yet)
            continue
        if sc > thr:
            if _head_only(st, starts) or _foot_link(cs, paras, starts, i):
                starts.pop()
            starts.append((i, _why(f, w), sc))
            st.begin(i)
        st.take(cs[i], paras[i])
    if _head_only(st, starts) or _foot_link(cs, paras, starts, len(paras)):
        starts.pop()
    return starts


def _candidate(i: int, cs: list[evidence.Cues], paras: list[Paragraph], inside: list[int | None], links: set[int]) -> bool:
    """Is paragraph i weighed as a start at all?  The head block above starts here or nowhere;
    another text's title (a link), a name line or a later chunk never does (a short line right under
    a page's head rows may: a part heading the text begins with when its title was lost), nor a line that
    begins inside a sentence (a particle or a mark that only follows words: the rest of a broken line)."""
    return inside[i] is None and i not in links and cs[i].chunk < 2 and not cs[i].teased and not (
        cs[i].short_plain and not cs[i].headish and not cs[i].page_head) and not _MID_SENTENCE.match(paras[i].norm_text.lstrip())


def _second_copy(i: int, cs: list[evidence.Cues], paras: list[Paragraph]) -> bool:
    """Is the short line i the text's own copy of the title the page printed right over its rows
    (site_heads.dated_twin)?  It is weighed as a start like a title (_first_copies then moves the
    start to the page's copy); no title rule may read either copy."""
    return (i > 0 and cs[i].gap_furniture > 0
            and site_heads.dated_twin(paras[i - 1].norm_text.strip(), paras[i].norm_text.strip()))


def _head_only(st: evidence.State, starts: list) -> bool:
    """A "report" of a title and an address only, before the next one or the end (a teaser of
    the same speech at the foot of its page): no report; its lines stay with the one before.
    (A title with its opening under it is a report a site cut short, a preview that stops
    after its first lines, whether its title is a title line or a speech's title printed with its
    speaker; an opening alone is a paragraph of the report before.)"""
    return len(starts) > 1 and st.body == 0 and st.chars < _SHORT and not (st.opened and st.titled)


def _unsaid_head(cs: list[evidence.Cues], paras: list[Paragraph], st: evidence.State, starts: list, i: int) -> bool:
    """Is paragraph i read as a start under a head that has said nothing yet (title copies, a
    byline, a date: short lines, not one sentence) and that shares a word with the head of the
    text from i on (a byline, a session line, a part heading, the opening, down to the first
    sentence)?  A report of no sentence is no report: the lines under a title that name its body
    or its subject again are its head (a site prints the title twice, the text's copy adds the
    body's name and the date under it).  A head that shares no word with what follows (a site's
    banner, a link list) stays apart, and so does a text that begins with another title."""
    top = starts[-1][0]
    if st.chars >= _SHORT:
        return False
    head = paras[top:i]
    # (head lines only: no punctuation (a page's cut sentence, a labelled row), no numbered heading (an outline))
    if any(cs[k].head is not None or len(q.norm_text.strip()) > _HEAD_LINE or _PUNCT.search(q.norm_text)
           for k, q in zip(range(top, i), head)):
        return False
    folded = ["".join(q.norm_text.split()) for q in head]
    if cs[i].title_core and not any(cs[i].title_core in t for t in folded):
        return False  # (another title: another text, unless the head above printed it already)
    window = []
    for k in range(i, min(len(paras), i + _TIE_PARAS)):
        window.append(paras[k].norm_text)
        if cs[k].terminal and len(paras[k].norm_text.strip()) > _HEAD_LINE:
            break  # (down to the text's first sentence)
    said = "".join(window)
    # (each head line against what follows it: the byline a title names may stand above the line read as the start)
    for k, q in enumerate(head):
        if _DATE_ROW.match(q.norm_text):
            continue
        below = "".join(folded[k + 1:]) + said
        if any(r[a:a + _TIE] in below for r in _HAN_RUN.findall(q.norm_text) for a in range(len(r) - _TIE + 1)):
            return True
    return False


_HEAD_CUES = ("title", "genre_title", "fused_title", "preamble", "salutation", "address", "chunk",
              "title_in_furniture", "after_page_head", "printed_twice", "furniture_gap")


def _own_opening(cs: list[evidence.Cues], paras: list[Paragraph], st: evidence.State, starts: list, i: int,
                 f: dict[str, float]) -> bool:
    """Is paragraph i the own opening of the report being built (round 23)?  That report is a head
    that has said nothing yet (a title, or a speaker's byline and salutation: short lines, no
    sentence, no clause mark but a salutation's colon at its end, no numbered heading, no opening; a
    cut line of running text has its commas): a report of no sentence is no report, and the text
    right under a head opens it.  The opening may name its body short or its year other than a
    sharing site's title does (a new author or year, the outline it announces right after it), but
    it carries no head of its own: no title, preamble, salutation, page seam or site rows.  (Before,
    the decoder dropped the head as a report of no text (_head_only) and began at the opening, or,
    for the document's first report, kept both.)"""
    if st.opened or st.said or st.chars >= _SHORT or any(f.get(k) for k in _HEAD_CUES):
        return False
    head = range(starts[-1][0], i)
    return (any(cs[k].title_core or cs[k].name or cs[k].greeting or cs[k].headish for k in head)
            and not any(cs[k].terminal or cs[k].head is not None or len(paras[k].norm_text.strip()) > _HEAD_LINE
                        or _CLAUSE_MARK.search(paras[k].norm_text.strip()[:-1]) for k in head))


def _foot_link(cs: list[evidence.Cues], paras: list[Paragraph], starts: list, end: int) -> bool:
    """A "report" of a title and a few words under it, not a sentence, before the next report
    (that is not the same text: its own title again) or the end: another text's title at the foot of a page
    (a related link, the next article of the site) with the first words of its text where the site cut
    the page.  No report; its lines stay with the one before."""
    if len(starts) < 2 or end - starts[-1][0] != 2:
        return False
    head, tail = cs[starts[-1][0]], cs[end - 1]
    words = paras[end - 1].norm_text.strip()
    # (a title alone on its line: a title run on with its text is a text)
    if (not head.title or len(paras[starts[-1][0]].norm_text.strip()) > _HEAD_LINE or tail.terminal
            or tail.head is not None or len(words) >= _FOOT_WORDS):
        return False
    nxt = cs[end].title_core if end < len(cs) else None  # (a page's heading over the text's own title)
    return not (nxt and head.title_core and (evidence.repeats(nxt, {head.title_core})
                                             or evidence.repeats(head.title_core, {nxt})))


def training_rows(cs: list[evidence.Cues], paras: list[Paragraph], gold_starts: set[int]):
    """(features, is a start) for every paragraph after the first, the report state following
    the gold starts (line numbers): the rows scripts/fit_split.py fits the weights on."""
    comp = evidence.is_compilation(cs)
    inside = evidence.head_blocks(cs, paras)
    links = evidence.link_heads(cs, paras, inside)
    coh = Cohesion(paras)
    st = evidence.State()
    st.take(cs[0], paras[0])
    rows = []
    for i in range(1, len(paras)):
        y = paras[i].line_start in gold_starts
        if cs[i].translation and not y:
            continue
        if _candidate(i, cs, paras, inside, links):
            rows.append((evidence.features(i, cs, paras, st, comp, links, coh), y))
        if y:
            st.begin(i)
        st.take(cs[i], paras[i])
    return rows


def split_reports(doc, paragraphs: tuple[Paragraph, ...], furniture: frozenset[int] = frozenset()) -> list[ReportDraft]:
    paras = list(paragraphs)
    starts = find_starts(doc, paras, furniture)
    paras, starts = _announced(*_unglue(paras, starts))
    drafts: list[ReportDraft] = []
    top: tuple[int, ...] = ()
    for k, (s, rule, sc) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else len(paras)
        if rule == _PAGE_TOP:
            top = tuple(range(paras[s].line_start, paras[e - 1].line_end + 1))
            continue
        if k + 1 < len(starts) and starts[k + 1][1] == _PAGE_HEADING:
            e -= 1  # (the next page's heading is no line of this report)
        # (the page's heading over this report's title: furniture)
        heading = tuple(range(paras[s - 1].line_start, paras[s - 1].line_end + 1)) if rule == _PAGE_HEADING and s > 0 else ()
        heading, top = heading + top, ()
        chunk = tuple(paras[s:e])
        if not chunk:
            continue
        title_p = next((q for q in chunk[:_TITLE_WITHIN] if is_title(q.text, q.norm_text)), None)
        title = cues.clean_title(title_p.text, title_p.norm_text) if title_p else _furniture_title(doc, paras, s, furniture)
        if title_p is not None:
            title = _fuller_copy(chunk, title_p, title)
        appendix = next((q.line_start for q in chunk if is_appendix(q.text, q.norm_text)), None)
        header = _item_header(doc, paras, s, furniture) if k and title_p is not chunk[0] else None
        if header is None and title_p is None:
            header = _title_row(doc, paras, s, furniture)
        elif header is None and title_p is chunk[0]:
            header = _title_row(doc, paras, s, furniture, copy_of=title)
        drafts.append(ReportDraft(header or chunk[0].line_start, chunk[-1].line_end, chunk, title, rule, appendix,
                                  title_p.line_start if title_p else None, sc, heading))
    return drafts


def _fuller_copy(chunk: tuple[Paragraph, ...], title_p: Paragraph, title: str) -> str:
    """The title a page prints twice (its headline, then the text's own copy under the page's rows)
    as the text's own copy spells it when that only adds one character inside it (the place's tier
    word the headline left out): the author's own spelling of its name.  (A copy with more before
    the title, a masked place, is another reading of the author, not a spelling of the same name.)"""
    k = chunk.index(title_p)
    for q in chunk[k + 1: _TITLE_WITHIN]:
        if not is_title(q.text, q.norm_text):
            continue
        other = cues.clean_title(q.text, q.norm_text)
        if len(other) == len(title) + 1 and any(other[:n] + other[n + 1:] == title for n in range(1, len(title))):
            return other
        break
    return title


def _item_header(doc, paras: list[Paragraph], s: int, furniture: frozenset[int]) -> int | None:
    """The line of an essay site's item marker with the report's title (an item number and the
    title), printed in the furniture right above a report that does not open with a title of its
    own: the report begins there."""
    return next((n for n in _furniture_above(paras, s, furniture)
                 if cues.item_header(doc.lines[n - 1], doc.norm_lines[n - 1])), None)


def _furniture_above(paras: list[Paragraph], s: int, furniture: frozenset[int]):
    """The furniture lines between paragraph s and the paragraph before it, nearest first."""
    lo = paras[s - 1].line_end + 1 if s > 0 else 1
    return (n for n in range(paras[s].line_start - 1, lo - 1, -1) if n in furniture)


def _title_row(doc, paras: list[Paragraph], s: int, furniture: frozenset[int], copy_of: str | None = None) -> int | None:
    """The line of a portal's metadata row that holds a report's title (its title or name field),
    in the rows right above a report that prints no title line of its own: the row is the only
    place the title is printed, so the report begins there (the other rows stay furniture).
    ``copy_of``: the title line the report opens with.  A disclosure table's title field over the
    text's own copy of that title is the title printed twice, and the first copy begins the text
    (round 22: the name row of a portal's table over the article's heading, the rows between the
    site's); a row naming another title is only a row."""
    for n in _furniture_above(paras, s, furniture):
        m = _TITLE_ROW.match(doc.norm_lines[n - 1].strip())
        if copy_of is not None and m and m.group("title") and not site_heads.title_copy(
                cues.title_core(m.group("title")), cues.title_core(copy_of), near=True):
            continue
        if m and m.group("title") and is_title(m.group("title")):
            # (a page that printed the title as a line over its rows has its start there: the row is a
            # copy; that first copy may differ a little, a year or a place more or less, as copies do)
            core = cues.title_core(m.group("title"))
            above = range(max(1, n - _TITLE_COPY_LOOK), n)
            return None if any(_copy_above(cues.title_core(doc.norm_lines[a - 1].strip()), core, copy_of is not None)
                               for a in above) else n
    return None


def _copy_above(line: str, core: str, near: bool) -> bool:
    """Is a line over a title row a copy of the row's title?  Over the text's own title line (``near``)
    the page's headline may differ a little from both; a title-shaped line is asked, never a sentence."""
    if line == core:
        return True
    return near and bool(line) and is_title(line) and site_heads.title_copy(core, line, near=True)


def _titled(p: Paragraph) -> bool:
    """Is the paragraph a title line (a report's own head, not a cut sentence's rest)?"""
    t = p.norm_text.strip()
    return cues.title_kind(p.text.strip(), t) is not None


def _unglue(paras: list[Paragraph], starts: list) -> tuple[list[Paragraph], list]:
    """A report that lost its end glued by a page break to one that lost its opening: when a
    report starts at its outline and the paragraph before was joined across a page break, its
    last piece goes with the new report if it speaks of what follows more than of what precedes."""
    out_paras, out_starts, shift = list(paras), [], 0
    for k, (i, rule, sc) in enumerate(starts):
        j = i + shift - 1
        prev_start = out_starts[-1][0] if out_starts else 0
        if rule == _GLUED_ADDRESSEE and j > prev_start and len(out_paras[j].pieces) > 1:
            head, tail = _split_piece(out_paras[j])
            out_paras = [*out_paras[:j], head, tail, *out_paras[j + 1:]]
            shift += 1
            out_starts.append((j + 1, rule, sc))
            continue
        # (not before a report that opens with its own title: that one lost no opening)
        if (rule.startswith("split.evidence.restart") and j > prev_start and len(out_paras[j].pieces) > 1
                and not _titled(out_paras[j + 1])
                and _can_open(out_paras[j].norm_text[out_paras[j].pieces[-1][1]:])):
            head, tail = _split_piece(out_paras[j])
            trial = [*out_paras[:j], head, tail, *out_paras[j + 1:]]
            if _closer_to_next(trial, j + 1, prev_start):
                out_paras = trial
                shift += 1
                out_starts.append((j + 1, "split.restart.unjoined", sc))
                continue
        # a report that lost its opening and its title begins with a paragraph of no telling
        # shape before its outline: it goes with the outline when it speaks of what follows
        here = out_paras[j + 1]
        if (rule.startswith("split.evidence.restart") and j > prev_start + 1 and len(out_paras[j].pieces) == 1
                and match_heading(here.text, here.line_start, normalized=here.norm_text) is not None
                and not _heads(out_paras[j - 1])  # text under a part heading is that part's
                and match_heading(out_paras[j].text, out_paras[j].line_start, normalized=out_paras[j].norm_text) is None
                and _can_open(out_paras[j].norm_text)
                and (_closer_to_next(out_paras, j, prev_start) or _opens(out_paras[j]))):
            out_starts.append((j, "split.restart.placed", sc))
            continue
        out_starts.append((i + shift, rule, sc))
    return out_paras, out_starts


def _announced(paras: list[Paragraph], starts: list) -> tuple[list[Paragraph], list]:
    """A report's opening paragraph ends announcing the report (now set out as follows:) right over
    its outline's first part.  A page break that joined that paragraph to the cut last line of the
    page before hides the start: when such a last piece, a whole sentence long, is followed by a
    first part of the top family, inside a report that already has its text, the piece is the next
    report's opening, and that report begins there."""
    cuts = set()
    for k, (i, _rule, _sc) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(paras)
        # (a report's first paragraphs may be its own opening a page break cut, the announcement
        # ending it; past them, or after a first piece with no opening cue, it is another report's)
        cuts.update(j for j in range(i, end - 1) if _announces(paras, j) and (
            j - i >= _ANNOUNCED_AFTER or not intro_rules(paras[j].text[:paras[j].pieces[-1][1]],
                                                         paras[j].norm_text[:paras[j].pieces[-1][1]])))
    if not cuts:
        return paras, starts
    out, at = [], {}
    for j, p in enumerate(paras):
        at[j] = len(out)
        out.extend(_split_piece(p) if j in cuts else (p,))
    # (a start found on the joined paragraph itself, not the document's first: the announcement's cues
    # made it; its first piece is the report before's cut last line, and the report begins at the announcement)
    # (not a first piece that opens a text itself: a one-line page, its title run on with its text, glued to the next)
    glued = {i for i, _rule, _sc in starts[1:] if i in cuts and not _opens_itself(paras[i])}
    moved = [(at[i], rule, sc) for i, rule, sc in starts if i not in glued]
    return out, sorted(moved + [(at[j] + 1, "split.announced_after_cut", None) for j in cuts], key=lambda s: s[0])


def _opens_itself(p: Paragraph) -> bool:
    """Does the first piece of a joined paragraph begin a text of its own: a title, a title run on
    with its text, or an opening?"""
    off = p.pieces[1][1]
    text, normed = p.text[:off], p.norm_text[:off]
    return (cues.fused_title(text, normed) is not None or cues.title_kind(text, normed) is not None
            or opening_strength(text, normed) is not None)


def _announces(paras: list[Paragraph], j: int) -> bool:
    """Is paragraph j joined across a page break, its last piece a sentence that announces a
    report (the cue split.intro.closing), with the first part of an outline's top family under it?"""
    p, nxt = paras[j], paras[j + 1]
    if len(p.pieces) < 2:
        return False
    tail = p.norm_text[p.pieces[-1][1]:].strip()
    if len(tail) < _CUT_LINE or not _can_open(tail) or _ANNOUNCES not in intro_rules(tail, tail):
        return False
    h = match_heading(nxt.text, nxt.line_start, normalized=nxt.norm_text)
    return h is not None and h.value == 1 and FAMILY_RANK.get(h.family, 99) <= 1


def _opens(p: Paragraph) -> bool:
    """Does the paragraph open a report's review: its year or period first, then the year's
    character or the body at work (the year was the Nth of the plan; this year, the bureau kept
    to ...), not what it will do?  A report says this once, right above its first part heading;
    a report's last paragraph looks ahead or sums up, it does not begin with its year again."""
    found = intro_rules(p.text, p.norm_text)
    return bool(found & _REVIEW_OPENINGS) and not found & _NOT_OPENINGS


def _heads(p: Paragraph) -> bool:
    """A part heading with its text below it (not a list item that carries its own text)."""
    h = match_heading(p.text, p.line_start, normalized=p.norm_text)
    return (h is not None and not h.inline_body) or is_bare_heading(p.norm_text)


def _split_piece(p: Paragraph) -> tuple[Paragraph, Paragraph]:
    """Undo the last page-break join of a paragraph: (first pieces, last piece)."""
    line, off = p.pieces[-1]
    head_pieces = p.pieces[:-1]
    head = Paragraph(p.line_start, head_pieces[-1][0], p.text[:off], head_pieces, rule="paragraph.line",
                     norm_text=p.norm_text[:off])
    tail = Paragraph(line, p.line_end, p.text[off:], ((line, 0),), rule="split.unjoin_at_report_start",
                     norm_text=p.norm_text[off:])
    return head, tail


def _can_open(normalized: str) -> bool:
    """Can a paragraph begin like this?  A particle or a comma cannot."""
    return not _NOT_A_START.match(normalized.lstrip())


def _bigrams(text: str) -> Counter:
    return Counter(text[k : k + 2] for k in range(len(text) - 1) if not text[k : k + 2].isascii())


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / (sum(v * v for v in a.values()) ** 0.5 * sum(v * v for v in b.values()) ** 0.5)


def _closer_to_next(paras: list[Paragraph], j: int, report_start: int) -> bool:
    """Does paragraph j speak of what follows it more than of what precedes it?"""
    before = "".join(q.text for q in paras[max(report_start, j - _TOPIC_PARAS) : j])[-_TOPIC_CHARS:]
    after = "".join(q.text for q in paras[j + 1 : j + 1 + _TOPIC_PARAS])[:_TOPIC_CHARS]
    me = _bigrams(paras[j].text)
    return _cosine(me, _bigrams(after)) > _cosine(me, _bigrams(before)) * _TOPIC_MARGIN


def _furniture_title(doc, paras: list[Paragraph], s: int, furniture: frozenset[int]) -> str | None:
    """A title printed only in the furniture just above a report (a title row, a file name)."""
    for n in _furniture_above(paras, s, furniture):
        line = doc.norm_lines[n - 1].strip()
        m = _TITLE_ROW.match(line)
        group = ("title" if m.group("title") else "shared") if m else None
        text = m.group(group) if m else line
        if is_title(text):
            raw = doc.lines[n - 1].strip()
            return cues.clean_title(raw[m.start(group): m.end(group)] if m else raw)
    return None

