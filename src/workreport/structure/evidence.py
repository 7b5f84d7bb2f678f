"""Evidence that a report starts at a paragraph: the cues each paragraph carries on its own
(cues.py), read against the report being built (has it a body yet, which outline family and
year and author does it have) and against the document (is it a compilation at all).

``Cues`` are computed once per paragraph (paragraph_cues.py); ``features`` turns them and the
state of the current report into the named numbers the splitter weighs (data/split.yaml:
evidence).  The weights are fitted on synthetic compilations (scripts/fit_split.py); the names
here are the contract between this module, the data and the fitting script.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import rules
from ..model import Paragraph
from . import cues, site_heads
from .cohesion import Cohesion
from .headings import FAMILY_RANK
from .paragraph_cues import WEAK_OPENINGS as _WEAK_OPENINGS, Cues
from .roles import cue_role

_TABLE = "split"
_SHORT = int(rules.limit(_TABLE, "split.short_report_chars"))
_SHI = "cn_shi"

FEATURES = (
    "bias", "title", "genre_title", "fused_title", "title_in_furniture", "preamble", "salutation", "exclamation", "address",
    "opening", "opening_year", "closing_formula", "restart", "restart_ahead", "restart_compilation",
    "furniture_gap", "blank_gap", "prev_unfinished", "prev_signature", "in_head", "short_report", "new_name",
    "year_change", "heading", "repeat_title", "prev_empty_heading", "prev_heading",
    "future", "restart_after_plan", "scene", "restart_review", "prev_colon", "opened_after_plan",
    "repeat_salutation", "chunk", "inline_outline", "restart_higher", "after_chunks", "after_one_line",
    "head_after_cut", "head_after_body", "outline_goes_on", "after_page_head", "printed_twice", "low_cohesion",
    "second_opening",
)
_LATE_ROLES = ("plan", "problems", "suggestions")
_LED = cues.LEADERSHIP
_SELF = "split.intro.self"  # the report speaks of itself (we, this bureau)
# openings in which a text names itself (the report compiled or published under a law, the report
# announced as following): said once, as its first sentence.  (Not the law or plan a text works under
# alone: a government report's plan part opens on the party's proposal it follows; a time phrase with
# its subject or the leadership phrase recurs at the head of later parts too)
_OCCASIONS = frozenset({"split.intro.self_report", "split.intro.closing"})
_FIRST_ROLES = ("achievements", "overview", "highlights")
_HEAD_PREAMBLES = ("split.preamble.session", "split.preamble.speaker", "split.preamble.speech_title", "split.preamble.doc_number",
                   "split.preamble.opening_part", "split.preamble.meeting_speech", "split.preamble.congress_document")
_CUT_LINE = int(rules.limit(_TABLE, "split.cut_line_chars"))
_CUT_SENTENCE = rules.pattern(_TABLE, "split.cut_sentence")
# a list item's end: a line a semicolon closes (paragraphs.yaml semicolon_end), as a list of targets or
# measures writes each item ("...6% or so;"): no page cut a head may follow (a site seldom cuts just there)
_ITEM_END = rules.pattern("paragraphs", "paragraph.semicolon_end")
_CUT_SENTENCE_MIN = int(rules.limit(_TABLE, "split.cut_sentence_min_chars"))
_BODY_HEAD_MIN = int(rules.limit(_TABLE, "split.body_head_min_paragraphs"))
_REPEAT_MIN = int(rules.limit(_TABLE, "split.repeat_title_min_chars"))
_SPACES = re.compile(r"\s+")
_CHUNK_NUMBER = re.compile(r"^\d{1,2}[\u3001.]")  # a sharing site's preview numbers its chunks (1, 2, ...)
_TWIN_ROWS = 2  # paragraphs under a title looked at for its second copy (a short row may stand between)
_TWIN_MIN = 6  # characters of a title printed twice (a shorter line is a label or a bare genre word)
_SPEECH_OPENING = int(rules.limit(_TABLE, "split.speech_opening_paragraphs"))
_BODY_HEAD_CHARS = int(rules.limit(_TABLE, "split.body_head_min_chars"))
_ADDRESS = "split.preamble.address"
_ADDRESS_BODY = rules.pattern(_TABLE, "split.address_body")
_SESSION = "split.preamble.session"
_SESSION_BODY = rules.pattern(_TABLE, "split.session_body")
_BODY_NAME = rules.pattern("furniture", "furniture.signature_name")
_NAME_MASK = rules.pattern(_TABLE, "split.name_mask")
_MASKED_MIN = 3  # what is left of a masked name names a body (the league's district committee) when this long
_COHESION_LOW = rules.limit(_TABLE, "split.cohesion_low")
_BLANK_SEAM = int(rules.limit("paragraphs", "paragraph.blank_seam_chars"))
_NAMING_PREAMBLES = frozenset({"split.preamble.speech_title", "split.preamble.meeting_speech"})  # a speech's title line


@dataclass
class State:
    """The report being built, as the splitter walks the paragraphs."""

    start: int = 0
    chars: int = 0
    body: int = 0  # paragraphs past the report's head
    family: str | None = None  # the report's top numbered family
    top_values: list[int] = field(default_factory=list)
    year: int | None = None
    names: set[str] = field(default_factory=set)
    opened: bool = False  # an opening paragraph has been seen
    appendix: bool = False  # past an attachment / glossary line
    titles: set[str] = field(default_factory=set)
    late: bool = False  # the report has had its problems or next year's plan: it is complete
    greetings: set[str] = field(default_factory=set)  # whom the report has addressed (a speech)
    said: bool = False  # its opening was a whole paragraph, ended (the head is over even with no body yet)
    spoken: int | None = None  # body paragraphs when the speech addressed its audience or said whom it reports for
    last_item: tuple[str, int] | None = None  # the family and number of the report's last numbered item
    titled: bool = False  # the head names the text: a title, or a speech's title printed with its speaker or meeting
    seen: list[str] = field(default_factory=list)  # the report's text so far, folded, no spaces (a body it has named)

    def begin(self, i: int) -> None:
        self.start, self.chars, self.body, self.family = i, 0, 0, None
        self.top_values, self.year, self.names, self.opened = [], None, set(), False
        self.appendix, self.titles, self.late, self.greetings = False, set(), False, set()
        self.said, self.spoken, self.last_item, self.titled = False, None, None, False
        self.seen = []

    def take(self, c: Cues, p: Paragraph) -> None:
        """Add paragraph ``p`` to the report."""
        self.chars += len(p.text)
        self.seen.append(_SPACES.sub("", cues.fold(p.norm_text)))
        if c.year and self.year is None and (c.title or c.strong or c.fused):
            self.year = c.year
        if c.name and self.body == 0:
            self.names.add(c.name)  # the author is named in the head; later names are others
        if c.title_core:
            self.titles.add(c.title_core)
        self.titled = self.titled or bool(c.title_core) or c.preamble in _NAMING_PREAMBLES
        self.appendix = self.appendix or c.appendix
        if c.greeting:
            self.greetings.add(c.greeting)
        if c.speaks and self.spoken is None:
            self.spoken = self.body
        if c.bare:
            self.top_values = []  # a part heading (the next year's arrangements) begins a fresh list
        h = c.head
        if h is not None and h.family != _SHI and h.value is not None:
            self.last_item = (h.family, h.value)
            if self.family is None or FAMILY_RANK.get(h.family, 99) < FAMILY_RANK.get(self.family, 99):
                self.family = h.family
                self.top_values = []
            if h.family == self.family:
                self.top_values.append(h.value)
                self.late = self.late or cue_role(h.heading) in _LATE_ROLES
        if c.bare and cue_role(p.text) in _LATE_ROLES:
            self.late = True
        if self.year is None and c.year and c.head is not None and c.head.family == self.family:
            self.year = c.year  # no title or opening said it: the first part heading does
        # a title run on with its text, an opening with its outline run on: the report's body is in them
        if (c.head_line and not c.run_on) or c.bare or (c.strong and not c.run_on and not self.opened and not self.body):
            self.opened = self.opened or c.strong
            self.said = self.said or (c.strong and c.terminal and len(p.text) >= _CUT_LINE)
            return
        self.body += 1


def restart(c: Cues, st: State) -> bool:
    h = c.head
    return (h is not None and h.value == 1 and st.family is not None and h.family == st.family
            and bool(st.top_values) and not st.appendix)


def restart_higher(c: Cues, st: State) -> bool:
    """A first item of a family above the report's top one (a part heading 'one' under a report numbered 1. 2.):
    a report that began in mid-outline (its part heading lost) has met the next one."""
    h = c.head
    return (h is not None and h.value == 1 and h.family != _SHI and st.family is not None
            and FAMILY_RANK.get(h.family, 99) < FAMILY_RANK.get(st.family, 99) and bool(st.top_values))


def _heads_on(c: Cues, nxt: Cues) -> bool:
    """Does ``nxt`` belong to the head ``c`` is part of?  A head line does; so does a date alone
    on its line right under a title or preamble (a speech is headed by its title, the day it was
    delivered, the session and the speaker; a summary by its title and the day it was written):
    there it dates the head, it does not sign off a report."""
    return nxt.head_line or (nxt.signature and c.headish and c.head is None)


def head_blocks(cs: list[Cues], paras: list[Paragraph] | None = None) -> list[int | None]:
    """For each paragraph inside a report's head block (the lines after its first: a title, a
    preamble, names, the address) or right after one, the index of the block's first line.
    Such a paragraph never starts a report itself: the block does, at its first line.
    (With the paragraphs: a line that names another body than the block's title ends the block.)"""
    out: list[int | None] = [None] * len(cs)
    i = 0
    while i < len(cs):
        if not cs[i].headish:
            i += 1
            continue
        j = i
        while (j + 1 < len(cs) and _heads_on(cs[j], cs[j + 1]) and not cs[j].speaks and not cs[j].exclaims and not cs[j].fused
               and not foreign(cs, paras, i, j + 1)):
            j += 1
            out[j] = i
        # the paragraph under a title or preamble is the opening it goes with; after a title
        # run on with its text (one-line pages) or an address, the head is complete
        if (j + 1 < len(cs) and not _heads_on(cs[j], cs[j + 1]) and not any(c.fused or c.speaks for c in cs[i: j + 1])
                and not foreign(cs, paras, i, j + 1)):
            out[j + 1] = i
            j += 1
        i = j + 1
    return out


def addressee(p: Paragraph) -> bool:
    """Is the paragraph an addressee line: a body's name and a colon, alone (a report sent up to it)?"""
    t = cues.fold(_SPACES.sub("", p.norm_text))
    return t[-1:] in (":", "\uff1a") and bool(_BODY_NAME.match(t[:-1]))


def link_heads(cs: list[Cues], paras: list[Paragraph], inside: list[int | None]) -> set[int]:
    """The head lines that are another text's title, not the next report's head: a title (with
    the lines of its block) right above a head or an opening that names another body.  A page's
    foot lists related texts by their titles, and a compilation prints a heading over its
    reports; the report begins at its own head, and the link stays with the text before it."""
    out: set[int] = set()
    for i, c in enumerate(cs):
        if not c.headish or inside[i] is not None or c.fused:
            continue
        j = i
        while j + 1 < len(cs) and inside[j + 1] == i:
            j += 1
        # (a block that holds its own text, a title run on with it, is a report, whatever follows it)
        if cs[j].head_line and j + 1 < len(cs) and not any(cs[b].fused for b in range(i, j + 1)) and foreign(cs, paras, i, j + 1):
            out.update(range(i, j + 1))
    return out


def named(cs: list[Cues], paras: list[Paragraph], k: int) -> str | None:
    """The body a title, a speech's session line or its address names, as written (a salutation: the address after it)."""
    c, p = cs[k], paras[k]
    if c.salutation and k + 1 < len(cs) and cs[k + 1].preamble == _ADDRESS:
        c, p = cs[k + 1], paras[k + 1]
    if c.title:
        return cues.title_name(c.title_core) if c.title_core else None
    if c.preamble in (_ADDRESS, _SESSION):
        m = (_ADDRESS_BODY if c.preamble == _ADDRESS else _SESSION_BODY).match(cues.fold(p.norm_text.strip()))
        return m.group("name") if m else None
    if c.fused:
        t = cues.fused_title(p.text, p.norm_text)
        return cues.title_name(cues.title_core(t)) if t else None
    # (an opening's subject is not read: openings name their body short, the district's culture and
    # tourism bureau abbreviated under a title that spells it out, or not at all)
    return None


def foreign(cs: list[Cues], paras: list[Paragraph] | None, i: int, k: int) -> bool:
    """Does line k, under the head lines i..k-1, name another body than their titles do?"""
    if paras is None:
        return False
    titles = [(cs[b].title_core, n) for b in range(i, k) if cs[b].title and cs[b].title_core
              for n in [cues.title_name(cs[b].title_core)] if n]
    there = named(cs, paras, k) if titles else None
    if not there:
        return False
    # (a line that names the title's body anywhere is that title's, and so is a short self-reference
    # the whole title holds: the region's government under the title of the Inner Region's report)
    said = cues.fold("".join(p.norm_text for p in paras[k: k + 2]))
    # (a head that prints its title twice, or broken over lines, names the line's body in one copy: that is its head)
    return all(cues.names_differ(n, there) and cues.names_differ(core, there) and cues.fold(n) not in said
               for core, n in titles)


def features(i: int, cs: list[Cues], paras: list[Paragraph], st: State, compilation: bool,
             links: frozenset[int] | set[int] = frozenset(), cohesion: Cohesion | None = None) -> dict[str, float]:
    """The evidence that paragraph ``i`` starts a new report, given the report built so far.  A
    head block (title, preamble, address) is read as one: its cues, and the opening after it.
    ``links``: other texts' titles (link_heads), read past as the line before (a page's foot
    listed them after the report's last, cut line).  ``cohesion``: the document's (cohesion.py),
    made once by the caller that walks it; without it one is made for this paragraph alone."""
    c = cs[i]
    k = i - 1
    # (a bilingual page's translation line says nothing of where the Chinese text it renders was cut)
    while k > 0 and (k in links or cs[k].translation):
        k -= 1
    # (an opening under its body's name printed alone, the page's break above the name: the name is its
    # head (split._opening_byline), and the line above the name is the one before)
    byline = k == i - 1 and k > 0 and name_over_opening(cs, paras, k, i)
    if byline:
        k -= 1
    prev = cs[k] if i > 0 else None
    block = [c]
    if c.headish and not c.fused:
        j = i + 1
        while (j < len(cs) and _heads_on(block[-1], cs[j]) and not block[-1].speaks and not block[-1].exclaims and not block[-1].fused
               and not foreign(cs, paras, i, j)):
            block.append(cs[j])
            j += 1
        after = cs[j] if j < len(cs) else None
        after_i = j
        if all(b.salutation and b.exclaims for b in block):
            after = None if after is None or after.preamble != "split.preamble.address" else after
    else:
        after, after_i = c, i
    near = cs[after_i: after_i + 2] if after is not None and c.headish else []
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    # (a title a site glued to its whole text, one line for the page, is that page's title as much as one on its own line)
    f["title"] = float(any(b.title in ("title", "numbered") or (b.fused and b.run_on) for b in block))
    f["genre_title"] = float(any(b.title == "genre" for b in block))
    f["fused_title"] = float(any(b.fused for b in block))
    f["title_in_furniture"] = float(c.title_in_furniture)
    f["preamble"] = float(any(b.preamble in _HEAD_PREAMBLES for b in block))
    # the salutation with a colon opens a speech; with an exclamation mark alone it also closes a
    # part of one, unless the speaker says right after it whom he reports for
    addressed = after is not None and after.preamble == "split.preamble.address"
    f["salutation"] = float(any(b.salutation and (not b.exclaims or addressed) for b in (*block, *near)))
    f["exclamation"] = float(any(b.salutation and b.exclaims for b in block))
    f["address"] = float(any(b.preamble == "split.preamble.address" for b in block)
                         or (after is not None and after.preamble == "split.preamble.address"))
    if after is not None:
        f["future"] = float("split.intro.future" in after.intro)
        f["scene"] = float("split.intro.scene" in after.intro)
        f["opening"] = float(after.strong)
        f["opening_year"] = float(not after.strong and bool(after.intro & _WEAK_OPENINGS))
        f["closing_formula"] = float("split.intro.closing" in after.intro)
    # (what the body will do, right under the report's plan part heading, is that part's own opening: a plan
    # opens so, and so does a summary's part for next year)
    if f["future"] and st.late and prev is not None and c.head is None and (prev.bare or (prev.head is not None and not prev.head.inline_body)):
        f["opening"] = 0.0
    # a report that has had its plans or problems is complete: an opening after it is the next one's
    # (not an opening right under a numbered part heading that has no text of its own, naming no body: the
    # part's first paragraph, which may open on the law or plan it applies; one that names its body is the
    # next page's, the page before cut at its heading)
    f["opened_after_plan"] = float(st.late and c.head is None and bool(f["opening"] or f["salutation"] or f["address"])
                                   and not (_under_heading(prev) and c.name is None and not f["salutation"]))
    # the outline starting again splits only a document that shows it holds several reports
    # (a long speech restarts its lists many times)
    here = compilation and restart(c, st)
    # (in a speech, a compilation's too, a part that starts the list again is its own unless it reviews the
    # year, as a speech's first part does, or the page's furniture stands between, or the line before was
    # cut mid-sentence (a page's end): the next speech, its head lost, would say whom it reports for first)
    cut_above = prev is not None and not prev.terminal and not prev.colon and prev.head is None
    if here and st.greetings and not c.gap_furniture and not cut_above and cue_role(c.head.heading) not in _FIRST_ROLES:
        here = False
    # a speech (it has addressed its audience) restarts and rearranges its lists many times; a
    # written report does not
    higher = restart_higher(c, st) and not st.greetings
    f["restart"] = float(here)
    f["restart_compilation"] = float(here and compilation)
    f["restart_higher"] = float(higher)
    # a report that has had its plans is complete: its outline starting again is the next report's, in any document
    again = here or higher or (restart(c, st) and not st.greetings)
    f["restart_after_plan"] = float(again and st.late)
    # a report's first part reviews the year (1. the year's summary, 1. the basic situation); a list item is a topic
    f["restart_review"] = float((here or higher) and cue_role(c.head.heading) in _FIRST_ROLES)
    f["chunk"] = float(c.chunk == 1)
    # a document-sharing page's chunks run to its end: what follows the last one is another page
    f["after_chunks"] = float(prev is not None and prev.chunk > 1 and c.chunk == 0)
    # a page that runs its whole report into one line has nothing after it but its own furniture
    f["after_one_line"] = float(prev is not None and prev.run_on and st.body <= 1)
    f["inline_outline"] = float(after is not None and after.inline)
    if c.head is None or c.title == "numbered":
        for j in range(after_i if after is not c else i + 1, min(len(cs), after_i + 3)):
            if cs[j].title or cs[j].preamble:
                break
            # an opening right before the outline starts again begins a report in any document
            opened = after is not None and after.strong
            # (or the outline's first start after an opening, under text that had no outline)
            # (not in a speech that has just begun: its first part follows its address, and opens in its own words)
            # (a page seam between says nothing of the kind: a short speech page may end there)
            just_spoke = _just_spoke(c, st)
            first = (opened and st.family is None and st.body > 0 and not just_spoke and cs[j].head is not None
                     and cs[j].head.value == 1 and cs[j].head.family != _SHI)
            # (not an opening right under a part heading of the report: the heading's first paragraph;
            # the outline starting again after it is where the next page begins)
            if ((compilation or opened) and restart(cs[j], st) or first) and not _under_part_heading(c, prev, st):
                f["restart_ahead"] = 1.0
                break
    f["furniture_gap"] = float(c.gap_furniture > 0 or (byline and cs[i - 1].gap_furniture > 0))
    # a portal prints its catalogue rows and breadcrumb over each document, never inside one:
    # the text under them is another page's (its title may have been lost)
    # (a page's date row too, once the report before has its text (or a paragraph of text is right above
    # the row) and no head line is: a report is not dated inside its text, so the row closes one page
    # or heads the next)
    # (not a title's second copy under the row right under the report's first line, a year more or less: one title printed twice)
    f["after_page_head"] = float((c.page_head or (c.page_dated and prev is not None and not prev.headish and (
        st.body > 0 or st.said or len(paras[k].norm_text.strip()) >= _CUT_LINE)))
        and not (k == st.start and site_heads.dated_twin(paras[k].norm_text.strip(), paras[i].norm_text.strip())))
    f["blank_gap"] = float(c.gap_blank >= 1 or (byline and cs[i - 1].gap_blank >= 1))
    # a page prints its title twice over the text (the site's headline or the file's name, its rows
    # between, then the text's own copy on a line of its own or run on into the first sentence): a
    # head, never a line of the text before, whatever words the title has
    f["printed_twice"] = float(_printed_twice(i, cs, paras))
    if prev is not None:
        # (a table's row ends at its cell, not mid-sentence: a portal's metadata table the furniture pass left)
        # (nor does a list item's, closed by its semicolon: the next item or the text after the list follows)
        f["prev_unfinished"] = float(not prev.terminal and not prev.colon and (prev.head is None or prev.head.inline_body)
                                     and not prev.head_line and not prev.cell
                                     and not prev.bare and not prev.signature
                                     and not _ITEM_END.search(paras[k].norm_text.rstrip()))
        # '... as follows:' announces what follows; a body's name and a colon addresses the report under it
        f["prev_colon"] = float(prev.colon and not addressee(paras[k]))
        # (a date right under a head's lines, the report holding nothing else yet, dates the head: a speech's
        # title, session line and speaker, then the day it was delivered; it signs off no report)
        f["prev_signature"] = float(prev.signature and not _dates_head(cs, k, st))
        # a heading with no text under it: the page (or the report) was cut there
        f["prev_empty_heading"] = float(prev.head is not None and prev.head.value is not None
                                        and not prev.head.inline_body and c.head is not None)
        # text right under a part heading is that part's (3. next year's plans / next year we will ...)
        f["prev_heading"] = float(c.head is None and not c.headish and (prev.bare or (
            prev.head is not None and not prev.head.inline_body)))
    f["in_head"] = float(st.body == 0 and not st.said)
    # a fragment the document begins with (no head: a page cut into a report) is no short report
    # (a head alone, then another head with its title or preamble: the first was a teaser of a
    # text at a page's foot, or a page heading; the decoder drops it, so its shortness says nothing)
    teaser = st.body == 0 and bool(f["title"] or f["genre_title"] or f["preamble"])
    f["short_report"] = float(st.chars < _SHORT and not teaser and not (st.start == 0 and not st.opened and not st.titles))
    name = next((b.name for b in (*block, after) if b is not None and b.name), None)
    year = next((b.year for b in (*block, after) if b is not None and b.year), None)
    # (a speech that has just said whom it reports for goes on to name the bodies that led the year,
    # the party committee and the government: its context, not another author)
    # (a body the report has named already, as a partner, an object or its own department, is no new
    # author when a paragraph makes it the subject)
    # (a report whose head named no author (its title lost, a speech's 'we') has its body named only by the
    # text: an opening, its time phrase first, that makes a body the report has never named its subject is
    # the next report's; the genre opens a report so, and a report does not open again inside itself)
    # (not in a speech: one that has addressed its audience names the bodies of its context, the army, the
    # courts, in whole paragraphs that open with the year; nor a short line, a part's heading)
    unnamed = (not st.names and after is c and c.strong and st.body >= _BODY_HEAD_MIN
               and st.chars >= _SHORT and not c.head_line and not st.greetings and st.spoken is None
               and len(paras[i].norm_text.strip()) >= _CUT_LINE)
    f["new_name"] = float(bool(name) and (bool(st.names) or unnamed) and name not in st.names and not _just_spoke(c, st)
                          and not any(name in n or n in name for n in st.names) and not _masked_same(name, st.names)
                          and not _named_before(name, st))
    # (a bare line right over such an opening, a title kept only as its year and genre, is its head
    # (split._subject_heads), not a part heading of the report before)
    if unnamed and f["new_name"] and prev is not None and prev.bare and prev.head is None:
        f["prev_heading"] = 0.0
    f["year_change"] = float(year is not None and st.year is not None and year != st.year and (c.head is None or here))
    f["heading"] = float(c.head is not None and not here and not higher and c.title != "numbered")
    # a speech addresses its audience again before its last parts; a new speech has a head, or
    # says who reports to the congress right after its salutation
    # (the same audience: a speech to the congress that goes on to address a work meeting is another speech)
    # (a salutation alone on its line with its colon, read again, heads another speech to the same audience,
    # whose title a site left off, when the speaker then says whom he reports for, the page's furniture
    # stands between or the page before was cut mid-sentence; a long speech
    # addresses its audience so again before its closing part, and goes on with its text)
    f["repeat_salutation"] = float(any(b.greeting in st.greetings for b in (*block, *near) if b.greeting)
                                   and bool(f["salutation"] or f["exclamation"])
                                   and not (f["title"] or f["genre_title"] or f["preamble"] or f["address"])
                                   and not ((addressed or c.gap_furniture > 0 or f["prev_unfinished"]) and any(b.salutation and b.colon for b in block)))
    if f["repeat_salutation"]:
        f["salutation"] = f["exclamation"] = 0.0  # the same speech going on: no evidence of a new one
    # (in the head, before any body, a near copy too: a page's headline or the document's file name
    # over the text's own title, a year, a place's suffix or the site's tag more or less)
    f["repeat_title"] = float(any(b.title_core and (repeats(b.title_core, st.titles) or st.body == 0 and any(
        site_heads.title_copy(t, b.title_core, near=True) for t in st.titles)) for b in block))
    # a title whose next line numbers on from the report's last item (2. under 1.) is printed
    # inside the text (a sharing site repeats the title at its page breaks): a report opens its
    # outline at one, it does not carry on another's
    # (the title sits between two items, no page furniture around it: a page seam, where the next
    # page may begin mid-outline, has its furniture or its last line is no item)
    f["outline_goes_on"] = float(after is not None and after is not c and after.head is not None
                                 and st.last_item is not None and after.head.family == st.last_item[0]
                                 and after.head.value == st.last_item[1] + 1
                                 and prev is not None and prev.head is not None and prev.head.family == st.last_item[0]
                                 and not c.gap_furniture and not after.gap_furniture
                                 and bool(f["title"] or f["genre_title"] or f["fused_title"]))
    # a page seam: a sentence cut off (the page's text ends where the site cut it), then a head
    # (a title, a preamble, a page's first chunk): the head is another page's.  (Not a salutation:
    # a photo caption under a speech's title does not end its sentence either.)
    # (a part heading with no text under it is a page cut there too, and so is a page run into
    # one line that stops without ending its sentence); after a long cut line, an opening formula
    # is a head as well: a page break inside a report goes on mid-sentence, it does not open anew
    cut = bool(f["prev_unfinished"]) or (prev is not None and (
        (prev.head is not None and not prev.head.inline_body) or (prev.run_on and not prev.terminal and not prev.colon)))
    cut_long = cut and len(paras[k if cs[i - 1].translation else i - 1].norm_text.strip()) >= _CUT_LINE
    # (a page's head row between, a short label of no sentence: the line above it is where the page before was cut)
    row_cut = False
    if prev is not None and prev.short_plain and not prev.headish and k > 0 and not cut and c.gap_blank + c.gap_furniture > 0:
        r = k - 1
        while r > 0 and cs[r].short_plain and not cs[r].headish:
            r -= 1
        above = cs[r]
        text_above = paras[r].norm_text.strip()
        row_cut = (not above.terminal and not above.colon and above.head is None and not above.head_line and not above.signature
                   and (len(text_above) >= _CUT_LINE or (len(text_above) >= _CUT_SENTENCE_MIN and bool(_CUT_SENTENCE.search(text_above)))))
    # (the paragraph there says whose leadership the body worked under: a report's opening, whatever
    # words a site put before that phrase)
    led = (after is not None and bool(after.intro & _LED) and len(paras[after_i].norm_text.strip()) >= _CUT_LINE)
    # (a shorter last line is a page's cut too when it is running text, a clause ended inside it
    # and the next one broken off: an opening formula after it is the next page's)
    last = paras[k].norm_text.strip() if prev is not None else ""
    cut_text = cut_long or (bool(f["prev_unfinished"]) and prev.head is None and len(last) >= _CUT_SENTENCE_MIN
                            and bool(_CUT_SENTENCE.search(last)))
    # a title the furniture between prints is another page's header, unless it repeats the
    # report's own title (a running header over every page of one report)
    furn_header = c.furniture_title is not None and c.furniture_title not in st.titles
    # (a head whose own opening was cut off has ended too: two openings do not follow each other)
    opened_cut = st.opened and prev is not None and prev.strong and cut_long
    # (a sentence that frames a text's opening - its year or period first, the year's scene, the leadership
    # the body worked under - after a cut one: the cut sentence would go on, the next page's text opens so
    # even when no body is named; the paragraph builder did not join the two for the same reason)
    framed = bool(f["opening"] or f["opening_year"] or f["scene"] or led)
    f["head_after_cut"] = float(row_cut and st.body > 0 and (f["opening"] or led) and not f["future"]) or float(cut and (st.body > 0 or opened_cut) and not f["repeat_title"] and bool(
        f["title"] or f["genre_title"] or f["fused_title"] or f["preamble"] or f["chunk"] or furn_header
        # (after a document-sharing page's last chunk or a page run into one line, cut: the page has ended)
        or f["after_chunks"] or f["after_one_line"]
        or (cut_text and framed and not f["future"])
        # (or, past a blank line, a whole page run into one line: the paragraph builder did not run the cut sentence
        # on into it (paragraphs.py: the site cut the page above there))
        or (cut_text and c.gap_blank >= 1 and after is c and c.head is None and len(paras[i].norm_text.strip()) >= _BLANK_SEAM)
        # (or, past the furniture of the next page's head, the first part heading of the top family)
        or (cut_long and c.gap_furniture > 0 and c.head is not None and c.head.value == 1
            and FAMILY_RANK.get(c.head.family, 99) <= 1)  # a chapter or the first-level family
        # (or, with no furniture between, the first part heading that reviews its year: a report opens its
        # outline so, and a page break inside a report goes on with the cut sentence, not with it; a shorter
        # line of running text cut mid-sentence too)
        or (cut_text and _reviews_year(c))))
    # a title or preamble line, under a report that has its body, that is not the report's own
    # title again: reports name themselves only in their heads (a sentence ended or not)
    f["head_after_body"] = float(not f["head_after_cut"] and not f["repeat_title"] and c.head is None
                                 and (st.body >= _BODY_HEAD_MIN or st.said or (st.body and st.chars >= _BODY_HEAD_CHARS))
                                 and bool(f["title"] or f["genre_title"] or f["preamble"] or f["fused_title"]))
    # a report names itself once, in its first paragraph: such an opening again, as a whole
    # paragraph under an ended one of running text, once the report has opened (its own opening said, or its
    # outline begun, or more paragraphs of its body than a head's lines), is the next text's first sentence
    # though its title was lost.  (Not right under a part
    # heading: a part may open on the law it applies.)
    f["second_opening"] = float(after is c and c.head is None and not c.headish and c.strong and bool(c.intro & _OCCASIONS)
                                and not f["future"] and prev is not None and prev.terminal and prev.head is None
                                and not prev.bare and not prev.headish and not f["prev_heading"]
                                and ((st.opened and st.body >= 1) or (st.family is not None and st.body >= _BODY_HEAD_MIN)
                                     or st.body > _BODY_HEAD_MIN))
    if f["head_after_cut"]:
        f["short_report"] = 0.0  # a page the site cut off is short because it was cut, not because it is a fragment
    # two pasted texts by different bodies on different subjects share few word pieces across their
    # seam (cohesion.py): the lower the cohesion under split.cohesion_low, the more the evidence.
    # Only where the page shows a break (a blank line more than its spacing, furniture, a cut sentence,
    # a date signing off): a long report changes its subject between parts too (the year's review,
    # then next year's plans), with no break between its paragraphs
    broke = bool(f["blank_gap"] or f["furniture_gap"] or f["prev_unfinished"] or f["after_page_head"] or f["prev_signature"])
    if broke:
        coh = cohesion if cohesion is not None else Cohesion(paras)
        f["low_cohesion"] = max(0.0, 1.0 - coh.at(i) / _COHESION_LOW)
    else:
        f["low_cohesion"] = 0.0
    return f


def name_over_opening(cs: list[Cues], paras: list[Paragraph], j: int, i: int) -> bool:
    """Is line j, right over the opening i, the name of the body that opening names as its subject,
    printed alone (no sentence, no date)?  The same name under a last sentence signs that text off;
    over an opening of that body it heads the text under it."""
    c, name = cs[i], cs[i].name
    if not (c.strong and c.head is None and not c.headish and name and len(name) >= _MASKED_MIN):
        return False
    t = cues.fold(_SPACES.sub("", paras[j].norm_text))
    return (cs[j].short_plain and not cs[j].headish and not cs[j].signature and cs[j].head is None
            and bool(_BODY_NAME.match(t)) and (name in t or t in name))


def _dates_head(cs: list[Cues], k: int, st: State) -> bool:
    """Is the date line ``k`` the head's own: right under a line of the report's head (its title, a
    preamble, the speaker's name), with no body paragraph in the report but the date itself?"""
    return k > st.start and cs[k - 1].head_line and st.body <= 1


def _under_heading(prev: Cues | None) -> bool:
    """Is the paragraph before a numbered part heading with no text of its own (the part's text to come)?"""
    h = prev.head if prev is not None else None
    return h is not None and not h.inline_body and h.value is not None


def _under_part_heading(c: Cues, prev: Cues | None, st: State) -> bool:
    """Is the paragraph plain text right under a heading of the report's outline, not its first
    (a heading with no text of its own: the part goes on), in the report's own voice (we, this
    bureau) and naming no body?  (An opening that names its body there is the next page's, the
    page before cut at its heading, often mid-word.)"""
    h = prev.head if prev is not None else None
    return (c.head is None and not c.headish and h is not None and not h.inline_body and h.value is not None
            and h.value > 1 and st.family is not None and st.body > 0 and c.name is None and _SELF in c.intro)


def _reviews_year(c: Cues) -> bool:
    """Is the paragraph a report's first part heading reviewing a year it names (one, the year's work
    done, its summary), the text under it to come?"""
    h = c.head
    return (h is not None and h.value == 1 and not h.inline_body and c.year is not None
            and FAMILY_RANK.get(h.family, 99) <= 1 and cue_role(cues.fold(h.heading)) in _FIRST_ROLES)


def _named_before(name: str, st: State) -> bool:
    """Has the report being built named the body already, anywhere in its text?"""
    return any(name in t for t in st.seen)


def _masked_same(name: str, names: set[str]) -> bool:
    """Is ``name`` one of ``names`` masked another way?  A template page masks its body's place
    differently in its title and its opening (a bracketed kind in one, letters in the other): the
    names without their masks, long enough to name a body, hold one another."""
    key = _NAME_MASK.sub("", name)
    for n in names:
        other = _NAME_MASK.sub("", n)
        if (key != name or other != n) and min(len(key), len(other)) >= _MASKED_MIN and (key in other or other in key):
            return True
    return False


def _just_spoke(c: Cues, st: State) -> bool:
    """Has the speech just addressed its audience (within its first paragraphs after), with no page seam before ``c``?"""
    return st.spoken is not None and st.body - st.spoken <= _SPEECH_OPENING and not c.gap_furniture and c.gap_blank <= 0


def _printed_twice(i: int, cs: list[Cues], paras: list[Paragraph]) -> bool:
    """Is the title line ``i`` printed again right under it (only page rows, which are not text,
    or a short row of no sentence between), as its own line or as the start of the text's first
    line (a sharing site's preview runs the title on into the text, its chunk number before it)?"""
    c = cs[i]
    if not c.title or c.fused or not c.title_core:
        return False
    key = _SPACES.sub("", paras[i].norm_text)
    if len(key) < _TWIN_MIN:
        return False
    for j in range(i + 1, min(len(cs), i + 1 + _TWIN_ROWS)):
        text = paras[j].norm_text.strip()
        if cs[j].title and not cs[j].fused and site_heads.title_copy(paras[i].norm_text.strip(), text, near=True):
            return True
        # (or the text's own copy that no title rule reads, the dated headline's year left out)
        if not cs[j].title and site_heads.dated_twin(paras[i].norm_text.strip(), text):
            return True
        if _CHUNK_NUMBER.sub("", _SPACES.sub("", text), count=1).startswith(key) and len(text) > len(key):
            return True
        if not cs[j].short_plain:
            return False
    return False


def repeats(core: str, titles: set[str]) -> bool:
    """Is a title the report's own again: the same, or the part of its title it names (a notice
    that issues a plan prints the plan's title again over the plan)?"""
    if core in titles:
        return True
    key = _SPACES.sub("", core)  # (a converted page's copy keeps spaces the title line has not)
    return any(key == _SPACES.sub("", t) or (len(key) >= _REPEAT_MIN and key in _SPACES.sub("", t)) for t in titles)


def is_compilation(cs: list[Cues]) -> bool:
    """Several titles or preambles, several openings right before a first top-level item, or
    several first parts reviewing a year: a document that holds more than one report.  (One
    report has many 'over the past year' paragraphs.)"""
    titled = sum(1 for c in cs if c.title or c.fused or c.title_in_furniture or c.preamble == "split.preamble.session")
    opened = sum(1 for a, b in zip(cs, cs[1:]) if a.strong and a.head is None and b.head is not None and b.head.value == 1)
    # a report reviews its year once: several "1. the year's summary" are several reports
    reviews = sum(1 for c in cs if c.head is not None and c.head.value == 1
                  and cue_role(c.head.heading) in _FIRST_ROLES)
    return titled >= 2 or opened >= 2 or reviews >= 2
