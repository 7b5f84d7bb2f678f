"""Page furniture: what a web page, a document-sharing site or a compilation put around the
reports (navigation, metadata rows, share and VIP tails, word counts, contents) -> furniture lines.

Three kinds of evidence, in this order:
1. single lines a rule names (data/furniture.yaml: `line`, metadata `labels`, toolbar `tokens`);
2. lines read with their neighbours: breadcrumbs one word a line, the value under a bare label,
   the page's own title over its date row, a file name among document-sharing rows, a table of
   contents (contents.py), the tail after a marker (read the full text, related posts ...) up to
   the next text (tails.py), page rows right under a title (shape.py), a forum thread's head over
   its first post (forum.py), a table of fields one a row (forms.py);
3. blocks: a run of short lines with no punctuation, or with the shape of a page's row (a menu,
   fields split by bars, a date row, a code: shape.py), between a report's last sentence and the
   next report (or next to other furniture) is furniture even when none of its words is known;
   one bare line between a sentence and an opening is the text's own heading, and a line with a
   figure and its unit is never in a block.
A block never runs through a line that can only open a report (a title that opens a text, a
preamble, an opening sentence: cues.py).  Every pass is linear in the number of lines.
"""
from __future__ import annotations

import re

from .. import rules
from ..model import Document
from ..textnorm import norm
from . import bodies, collection_heads, contents, cues, figures, forms, forum, shape, site_heads, tails
from .headings import is_bare_heading, is_terminal, match_heading

_TABLE = "furniture"
_T = rules.load(_TABLE)
_LINE = [(e["id"], rules.compiled(e["pattern"])) for e in _T["line"]]
# the rules a line can match by its last character (most rules end a line with a known set)
_LINE_ENDS = [(rid, pat, rules.Ends(pat.pattern)) for rid, pat in _LINE]
_LINE_BY_LAST: dict[str, tuple[tuple[str, re.Pattern], ...]] = {}
_DATELINE = rules.pattern(_TABLE, "furniture.dateline")
_META_BARE = rules.pattern(_TABLE, "furniture.meta_bare")
_NUMBER_LABEL = rules.pattern(_TABLE, "furniture.number_label_bare")
_DOC_NUMBER = "split.preamble.doc_number"
_DISCLOSURE_VALUES = frozenset({"furniture.portal.index_value", "furniture.portal.field_value"})
_SENTENCE = rules.pattern(_TABLE, "furniture.sentence")
_WEAK_PUNCT = rules.pattern(_TABLE, "furniture.weak_punct")
_PAGE_TITLE_MAX = rules.entry(_TABLE, "furniture.page_title")["max_chars"]
_CRUMB_SEPARATORS = frozenset(rules.words(_TABLE, "furniture.crumb_separators"))
_CRUMB_MAX = rules.limit(_TABLE, "furniture.crumb_max_chars")
_META_VALUE_MAX = rules.limit(_TABLE, "furniture.meta_value_max_chars")
_WEAK_MAX = rules.limit(_TABLE, "furniture.weak_max_chars")
_LABEL_PROSE = rules.limit(_TABLE, "furniture.label_row_prose_chars")
_LOOKAHEAD = int(rules.limit(_TABLE, "furniture.body_lookahead_lines"))
_BODY_CHARS = rules.limit(_TABLE, "furniture.opens_body_chars")
# a label matches with spaces between its characters (an index-number label spaced out)
_LABEL_ROW = rules.compiled(
    rules.pattern(_TABLE, "furniture.label_lead").pattern + "(?:" + "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(
        rules.words(_TABLE, "furniture.labels"), key=len, reverse=True)) + ")" + rules.pattern(_TABLE, "furniture.label_end").pattern)
# two fields of a metadata row whose separators the copy lost: a label glued to its value, a space,
# another label (the label words alternated; a short row with no sentence punctuation)
_LABEL_WORDS = "(?:" + "|".join(map(re.escape, sorted(rules.words(_TABLE, "furniture.labels"), key=len, reverse=True))) + ")"
_LABEL_GLUED = rules.compiled(rules.pattern(_TABLE, "furniture.label_lead").pattern + _LABEL_WORDS + r"[^\s:]{1,30}\s+"
                              + _LABEL_WORDS + r"[^\s:]{0,30}(?:\s|$)")
# a row ending on a label with no value (a disclosure table's empty fields); short labels are common words
_EMPTY_LABELS = rules.compiled("(?:" + "|".join(map(re.escape, sorted((w for w in rules.words(_TABLE, "furniture.labels") if len(w) > 2),
                                                                    key=len, reverse=True))) + r")\s*:?\s*$")
_LABEL_GLUED_MAX = int(rules.limit(_TABLE, "furniture.label_glued_max_chars"))
# a metadata row holding only its label (its value printed on the line under it)
_BARE_LABEL_ROW = rules.compiled(_LABEL_ROW.pattern.rsplit("(?:", 1)[0] + r":?\s*$")  # (lines are normalised: one colon)
_TOKENS = frozenset(norm(w) for w in rules.words(_TABLE, "furniture.tokens"))
_TOKEN_SPLIT = rules.pattern(_TABLE, "furniture.token_split")
_LABEL_LEAD = rules.pattern(_TABLE, "furniture.label_lead")
_DOC_RULES = frozenset(e["id"] for e in _T["line"] if e["id"].startswith("furniture.doc."))
# a page's navigation flattened from a numbered list: the item's number before a breadcrumb
_NAV_LIST_LEAD = rules.pattern(_TABLE, "furniture.nav_list_lead")
# (furniture.breadcrumb reads a list number itself, and only before a you-are-here label: a bare
# location row after a number is a report's item)
_NAV_RULES = frozenset({"furniture.crumb_path", "furniture.slash_crumb"})
_FILE_NAME = rules.compiled(r"\.(docx?|pdf|wps)(\s*VIP)?$")
_TITLE_TAG = rules.pattern(_TABLE, "furniture.title_tag")
_TEXT_LABEL = rules.pattern(_TABLE, "furniture.text_label")
_COPY_LOOK = 6  # lines down to a title's second copy (a site's rows and a summary between)
_FILE_REPEAT = 3  # lines between two copies of a file name the site prints at the head
_PAGE_NUMBER = "furniture.page_number"
_TOC_ENTRY = "furniture.toc.entry"
# what may stand between the two halves of a sentence inside one text: a page break's marks (and
# the site's address a converted document prints at them) and the widgets a page puts inside its
# text (share bar, picture); other furniture heads or ends a page
INLINE = frozenset({_PAGE_NUMBER, "furniture.doc.page_thumb", "furniture.doc.thumbnail", "furniture.share_buttons",
                    "furniture.share_targets", "furniture.tokens", "furniture.qr", "furniture.essay.image_name",
                    "furniture.punct_only", "furniture.photo_caption", "furniture.essay.site_header"})
_SESSION = "split.preamble.session"
_SPEECH_TITLE_LINES = int(rules.limit("split", "split.speech_title_lines"))
_RULE_MAX = 220  # no rule takes a longer line (the longest: a content-summary row)
_TOKENS_MAX = 80  # a toolbar row is short
_SALUTATION_MAX = 12  # a salutation alone on its line (with its honorific)
_SIGNATURE_NAME = rules.pattern(_TABLE, "furniture.signature_name")
_SPEAKER_NAME = rules.pattern("split", "split.speaker_name")
_SESSION_PIECE = rules.pattern("split", "split.speech_session_piece")
_GENRE_WORD = rules.pattern("split", "split.speech_headline")
_DOCUMENT_PART = rules.pattern(_TABLE, "furniture.document_part")
_TABLE_ROW = rules.pattern(_TABLE, "furniture.table_row")
_FIGURE = rules.pattern(_TABLE, "furniture.figure_unit")
_UNIT_CELL = rules.pattern(_TABLE, "furniture.table_unit_cell")
_FIGURE_CELL = rules.pattern(_TABLE, "furniture.table_figure_cell")
_CELLS_MIN = int(rules.limit(_TABLE, "furniture.table_cells_min"))
_PUNCT_ONLY = "furniture.punct_only"
_LONE_GLYPH = rules.pattern(_TABLE, "furniture.lone_glyph")
_TOC_RUN = rules.pattern(_TABLE, "furniture.toc.run")
_HEAD_ROW = rules.pattern(_TABLE, "furniture.head_row")
_HEAD_PIECE = rules.pattern(_TABLE, "furniture.head_piece")
_TOC_RUN_MIN = int(rules.limit(_TABLE, "furniture.toc_run_min_entries"))
_TOC_RUN_SHARE = rules.limit(_TABLE, "furniture.toc_run_share")
_FRAGMENT = rules.pattern(_TABLE, "furniture.fragment")
TITLE_CONTINUATION = rules.pattern(_TABLE, "furniture.title_continuation")
_SPEECH_TAIL = rules.pattern(_TABLE, "furniture.speech_title_tail")
_CUT_RUN_MIN = int(rules.limit(_TABLE, "furniture.cut_run_min_lines"))
_CRUMB_TITLE_LOOK = int(rules.limit(_TABLE, "furniture.crumb_title_look_lines"))
_WRAP_SAME = rules.limit(_TABLE, "furniture.wrap_same_length")
_BROKEN_RUN_MAX = cues.BROKEN_LINES  # (weak lines over the title's last piece: data split.broken_title)
_BROKEN_RUN_CHARS = cues.BROKEN_CHARS
_COLUMN_MAX = int(rules.limit(_TABLE, "furniture.column_label_max_chars"))
_TEXT_HEAD_LINES = int(rules.limit(_TABLE, "furniture.text_head_lines"))
_LABEL_CHARS = int(rules.limit(_TABLE, "furniture.column_word_chars"))
_GENRE_KIND = "genre"  # (cues.title_kind: the genre words with a body's name, e.g. a government work report)


def _token(t: str) -> bool:
    """A toolbar word, or one printed twice with nothing between (a portal's icon prints its alt
    text and then its caption: print-print, share-share)."""
    if t in _TOKENS:
        return True
    half = len(t) // 2
    return half >= 2 and len(t) == 2 * half and t[:half] == t[half:] and t[:half] in _TOKENS


def furniture_rule(text: str, normalized: str | None = None) -> str | None:
    """Id of the furniture rule matching one line, or None. ``text`` is the raw line."""
    s = cues.drop_pinyin(cues.fold((normalized if normalized is not None else norm(text)).strip()))  # traditional-character sites too
    if not s or len(s) > _RULE_MAX:
        return None
    if _LABEL_ROW.match(s) and not (len(s) > _LABEL_PROSE and is_terminal(s, s)):
        return "furniture.labels"
    if len(s) <= _LABEL_GLUED_MAX and _LABEL_GLUED.match(s) and not _SENTENCE.search(s) and not _WEAK_PUNCT.search(s):
        return "furniture.labels"
    toks = [t for t in _TOKEN_SPLIT.split(s) if t] if len(s) <= _TOKENS_MAX else None
    if toks and all(_token(t) for t in toks):
        return "furniture.tokens"
    for rid, pat in _line_rules(s[-1]):
        if pat.match(s):
            return rid
    # a document-sharing site's info row is the same row when the site prints it as a list item
    rest = _LABEL_LEAD.sub("", s, count=1)
    if rest and rest != s:
        return next((rid for rid, pat in _line_rules(rest[-1]) if rid in _DOC_RULES and pat.match(rest)), None)
    # and so is a breadcrumb printed as a numbered list's item (a report's item never opens with a
    # you-are-here label or a path of the site's sections)
    item = _NAV_LIST_LEAD.sub("", s, count=1)
    if item and item != s:
        return next((rid for rid, pat in _line_rules(item[-1]) if rid in _NAV_RULES and pat.match(item)), None)
    return None


def _line_rules(last: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The line rules (in table order) whose matches can end with the character ``last``."""
    found = _LINE_BY_LAST.get(last)
    if found is None:
        found = _LINE_BY_LAST[last] = tuple((rid, pat) for rid, pat, ends in _LINE_ENDS if ends.may_end(last))
    return found


class PageLines:
    """The non-blank lines of a document (normalised, stripped) and what is known of them."""

    def __init__(self, doc: Document):
        self.nonblank = [i for i, l in enumerate(doc.norm_lines, 1) if l.strip()]
        self.text = [doc.norm_lines[n - 1].strip() for n in self.nonblank]
        self.rule = [furniture_rule(doc.lines[n - 1], s) or _toc_run(s) for n, s in zip(self.nonblank, self.text)]
        self.found = [r is not None for r in self.rule]
        self._anchor: dict[int, bool] = {}
        self._weak: dict[int, bool] = {}
        self.headlines: set[int] = set()  # collection headlines given back as a text's title line

    def __len__(self) -> int:
        return len(self.nonblank)

    def anchor(self, k: int) -> bool:
        """Can line k only open a report (title, preamble, opening sentence)?"""
        if k not in self._anchor:
            self._anchor[k] = cues.is_anchor(self.text[k], self.text[k]) or self.broken(k) or self._saluting(k)
        return self._anchor[k]

    def _saluting(self, k: int) -> bool:
        """A salutation alone on its line (with an exclamation mark, which also closes parts of a
        speech) with the speaker's address under it: a speech begins."""
        t = self.text
        return (k + 1 < len(t) and len(t[k]) <= _SALUTATION_MAX and "split.intro.salutation" in cues.intro_rules(t[k], t[k])
                and cues.preamble_rule(t[k + 1], t[k + 1]) == "split.preamble.address")

    def broken(self, k: int) -> bool:
        """Is line k half of a title a narrow page broke over two lines?  (Not two of the title's
        keywords a page scatters one per line above the title itself.)"""
        t = self.text

        def pair(a: int) -> bool:
            return (0 <= a and a + 1 < len(t) and cues.broken_title(t[a], t[a + 1])
                    and not (a + 2 < len(t) and cues.title_kind(t[a + 2], t[a + 2]) is not None))
        # (or a piece of a title a converted page broke into three or more short adjacent lines)
        return pair(k) or pair(k - 1) or any(
            cues.broken_title_lines(self._adjacent(a)) > k - a for a in range(max(0, k - cues.BROKEN_LINES + 1), k + 1))

    def _adjacent(self, a: int) -> list[str]:
        """Line a and the lines right under it (no blank line between), as many as a broken title may take."""
        b = a + 1
        while b < len(self.text) and b - a <= cues.BROKEN_LINES and self.nonblank[b] == self.nonblank[b - 1] + 1:
            b += 1
        return self.text[a:b]

    def opens_body(self, k: int, repeat: bool = True) -> bool:
        """Is the title-like line k followed by text it opens (not by more titles, as in a list
        of related links)?  One repeat of the same title (page heading, then the article's own
        title) is looked through when ``repeat``."""
        return self.body_after(k, repeat) is not None

    def body_after(self, k: int, repeat: bool = True) -> int | None:
        """The line of text the title-like line k opens (see opens_body), or None."""
        first = cues.title_core(self.text[k])
        repeat_seen = not repeat
        seen = 0
        for j in range(k + 1, len(self)):
            if self.found[j]:
                continue
            seen += 1
            if seen > _LOOKAHEAD:
                break
            s = self.text[j]
            kind = cues.title_kind(s, s)
            if kind is not None:
                core = cues.title_core(s)
                if not repeat_seen and (core in first or first in core):
                    repeat_seen = True
                    continue
                return None
            if (len(s) >= _BODY_CHARS or is_terminal(s, s) or match_heading(s, 0) is not None
                    or cues.preamble_rule(s, s) or cues.fused_title(s, s) or self.anchor(j)):
                return j
        return None

    def weak(self, k: int) -> bool:
        """A short line with no punctuation that is nothing a report is made of."""
        if k not in self._weak:
            self._weak[k] = (self._is_weak(self.text[k]) and not self.broken(k) and k not in self.headlines
                             and not self.tagged_headline(k) and not self._table_row(k) and not self.copied(k))
        return self._weak[k]

    def copied(self, k: int) -> bool:
        """A bare title printed twice a few lines apart (the page's headline copy, its rows, then the
        text's own copy): the first copy is where the text starts, the second the text's own title
        line, neither a page's short line."""
        s = self.text[k]
        near = range(max(0, k - _COPY_LOOK), min(len(self), k + 1 + _COPY_LOOK))
        if cues.bare_title(s) and any(self.text[j] == s for j in near if j != k):
            return True
        # (or a head's near copies of one title that no title rule reads, a year more in one: the
        # headline dated, the text's own title not; both end on the same genre words.  The dated
        # headline may be a title by itself, its undated copy still not)
        # (or the site's dressed copy, a model-text word on, the year dropped, over the text's own title)
        return self._is_weak(s) and any(j != k and (self._is_weak(self.text[j]) or (j < k and cues.title_kind(self.text[j], self.text[j]) is not None)) and (
            site_heads.dated_twin(self.text[j], s) if j < k else site_heads.dated_twin(s, self.text[j])) for j in near) or (
            self._is_weak(s) and any(j > k and site_heads.tagged_over_title(s, self.text[j]) for j in near))

    def _table_row(self, k: int) -> bool:
        """A row of cells under the report's sentence announcing a table, or under such a row."""
        return k > 0 and shape.table_continues(self.text[k - 1], self.text[k]) and not self.found[k - 1] and not self.weak(k - 1)

    def tagged_headline(self, k: int) -> bool:
        """A title naming no body that carries the site's tag (a bracketed count, a model-text word),
        alone among its neighbours and over text: the essay page's headline for its one text, not
        one of a list of related titles nor a menu's category name (which the site prints bare)."""
        s = self.text[k]
        if not cues.bare_title(s) or not _TITLE_TAG.search(s):
            return False
        return not any(0 <= j < len(self) and (cues.bare_title(self.text[j]) or cues.title_kind(self.text[j], self.text[j]))
                       for j in (k - 1, k + 1)) and self.opens_body(k)  # (and heads a text, as a page's foot link does not)

    def head_row(self, k: int) -> bool:
        """A row of a page's head, however long (the site's name with its slogan, a bar of links,
        a letter-spaced menu): no sentence, no field, nothing a report's head is made of (a title
        or a piece of one, a heading, a preamble, a body's name, a date, a figure)."""
        s = self.text[k]
        return (bool(_HEAD_ROW.match(s)) and not _FIGURE.search(s) and not _TABLE_ROW.search(s) and not _FRAGMENT.match(s)
                and match_heading(s, 0) is None and not is_bare_heading(s) and cues.title_kind(s, s) is None
                and not cues.dated_bare_title(s) and not cues.preamble_rule(s, s) and not cues.is_signature_date(s, s)
                and bodies.classify_body(s) is None and not _DOCUMENT_PART.match(s) and not _SPEECH_TAIL.match(s)
                and k not in self.headlines and not self.anchor(k) and not self.copied(k))

    def joins_weak(self, k: int) -> bool:
        """A weak line, or a bare part name (work summary) that a run of weak lines takes in."""
        s = self.text[k]
        if self.weak(k):
            return True
        if self.tagged_headline(k):
            return False
        # a bare part name among page keywords (a genre word over the title), not one that heads text
        return (is_bare_heading(s) and len(s) <= _WEAK_MAX and cues.title_kind(s, s) is None and k + 1 < len(self)
                and (self.found[k + 1] or self.weak(k + 1) or cues.title_kind(self.text[k + 1], self.text[k + 1]) is not None))

    @staticmethod
    def _is_weak(s: str) -> bool:
        if _FIGURE.search(s) or _LONE_GLYPH.match(s):
            return False  # a figure with its unit is the report's, however short its line; so is one character alone
        if shape.shape_rule(s) is not None:
            return True  # a menu, a row of fields, a code: short lines of the page whatever their words
        return (len(s) <= _WEAK_MAX and not _TABLE_ROW.search(s) and not _WEAK_PUNCT.search(s) and match_heading(s, 0) is None
                and not is_bare_heading(s) and cues.title_kind(s, s) is None and not cues.dated_bare_title(s)
                and not cues.preamble_rule(s, s)
                and not cues.is_signature_date(s, s) and not _DOCUMENT_PART.match(s) and not _SPEECH_TAIL.match(s))


# an essay page's collection headline and item headers (collection_heads.py), read first
_collections = collection_heads.mark_collections


def find_furniture(doc: Document) -> frozenset[int]:
    pl = PageLines(doc)
    for k in range(len(pl) - 1):
        if pl.rule[k] == _TOC_ENTRY and pl.rule[k + 1] in (None, _TOC_ENTRY) and figures.wrapped_figure_row(pl.text[k], pl.text[k + 1]):
            pl.rule[k], pl.found[k] = None, False  # a sentence the page wrapped after a figure: its measure word is below
    _collections(pl)
    forum.mark_thread_heads(pl)
    site_heads.mark_tagged_twins(pl)
    forms.mark_field_tables(pl)
    _neighbours(pl)
    site_heads.keep_file_copies(pl)
    site_heads.mark_panel_heads(pl)
    for k in contents.table_of_contents(pl):
        pl.found[k] = True
    tails.mark_tails(pl)
    tails.mark_chunk_marks(pl)
    tails.mark_summary_boxes(pl)
    site_heads.mark_teased(pl)
    site_heads.mark_inner_copies(pl)
    _weak_blocks(pl)
    _head_rows(pl)
    forum.mark_profile_rows(pl)
    _column_labels(pl)
    site_heads.mark_title_fragments(pl)
    forms.mark_field_tables(pl)  # (a table's shaped rows again, next to the short lines the blocks found)
    for k in shape.under_titles(pl.text, pl.found):
        pl.found[k] = True
    return frozenset(n for n, f in zip(pl.nonblank, pl.found) if f)


def _neighbours(pl: PageLines) -> None:
    """Furniture known from the lines around it."""
    text, found = pl.text, pl.found
    for k, s in enumerate(text):
        if s in _CRUMB_SEPARATORS:
            # breadcrumbs scattered one word per line, separators on lines of their own
            for m in range(max(0, k - 1), min(len(pl), k + 2)):
                if len(text[m]) <= _CRUMB_MAX:
                    found[m] = True
        elif (_META_BARE.match(s) or _BARE_LABEL_ROW.match(s)) and k + 1 < len(pl) and len(text[k + 1]) <= _META_VALUE_MAX \
                and (not _holds_head(pl, k + 1) or _number_value(s, text[k + 1])):
            found[k + 1] = True  # the value printed on the line under a bare label
        elif _FILE_NAME.search(s) and any(pl.rule[m] in _DOC_RULES for m in range(max(0, k - 3), min(len(pl), k + 4))):
            found[k] = True  # the file name a document-sharing page prints among its rows
        elif _FILE_NAME.search(s) and any(text[m] == s for m in range(max(0, k - _FILE_REPEAT), k)) \
                and _titled_below(pl, k, cues.title_core(s)):
            # the file name printed again (the viewer's header under the page's) over the document's own
            # title: a row between the title's first copy, where the text starts, and its own copy
            found[k] = True
    # A breadcrumb written with spaces only (site, section, the page's title) over the title itself.
    # (the title under it may have been lost in the paste: then the next title names the same)
    for k in range(len(pl) - 1):
        parts = text[k].split()
        if (len(parts) >= 3 and all(len(p) <= _CRUMB_MAX for p in parts[:-1]) and not _SENTENCE.search(text[k])
                and cues.title_kind(parts[-1], parts[-1]) is not None
                and (parts[-1] == text[k + 1].strip() or _titled_below(pl, k, cues.title_core(parts[-1])))):
            found[k] = True
    # The compilation page's own title: the first line, directly followed by a date/view line.
    site_heads.mark_summaries(pl)
    # A report's own title over its date row stays the report's (it may repeat below the row).
    # (nor a headline the collection pass gave back as the text's title, nor a title that opens with its year)
    if (len(pl) >= 2 and _DATELINE.match(text[1]) and len(text[0]) <= _PAGE_TITLE_MAX and not _SENTENCE.search(text[0])
            and cues.title_kind(text[0], text[0]) is None and 0 not in pl.headlines and not cues.dated_bare_title(text[0])):
        found[0] = found[1] = True
        for m in range(2, len(pl)):  # the page header repeats where the source had page breaks
            if text[m] == text[0]:
                found[m] = True


def _holds_head(pl: PageLines, k: int) -> bool:
    """Is line k a report's head (a title, a preamble, an opening) rather than a row's value?"""
    s = pl.text[k]
    # (a slogan over the dash subtitle naming the report is the report's title line, not a row's value)
    return (cues.title_kind(s, s) is not None or cues.preamble_rule(s, s) is not None or pl.anchor(k)
            or (k + 1 < len(pl) and cues.slogan_over(s, pl.text[k + 1])))


def _number_value(label: str, value: str) -> bool:
    """Is ``value`` the document number printed under a bare number label (a table's value, though a
    text prints its own number under its title the same way)?"""
    return bool(_NUMBER_LABEL.match(label)) and cues.preamble_rule(value, value) == _DOC_NUMBER


def _titled_below(pl: PageLines, k: int, core: str) -> bool:
    """Is the first title among the next few lines of text below line k the one named ``core``?"""
    seen = 0
    for j in range(k + 1, len(pl)):
        if pl.found[j]:
            continue
        if cues.title_kind(pl.text[j], pl.text[j]) is not None:
            return cues.title_core(pl.text[j]) == core
        seen += 1
        if seen >= _CRUMB_TITLE_LOOK:
            return False
    return False


def _weak_blocks(pl: PageLines) -> None:
    """Runs of weak lines between reports or next to furniture."""
    n = len(pl)
    k = 0
    while k < n:
        if pl.found[k] or not pl.weak(k):
            k += 1
            continue
        # a maximal run of weak and furniture lines holding line k
        a = k
        while a > 0 and (pl.found[a - 1] or pl.joins_weak(a - 1)):
            a -= 1
        b = k
        while b + 1 < n and (pl.found[b + 1] or pl.joins_weak(b + 1)):
            b += 1
        last = _flattened_table(pl, a, b)
        after_table = last is not None
        if after_table:
            # the report's table, one cell a line, down to its last cell (its figures are report text);
            # the lines under it (the next page's head) are read as any run is
            for m in range(a + 1, last):  # (a dash alone between cells is the table's empty cell)
                if pl.rule[m] == _PUNCT_ONLY and _FIGURE_CELL.match(pl.text[m].strip()) and not pl.found[m - 1] and not pl.found[m + 1]:
                    pl.rule[m], pl.found[m] = None, False
            a = last + 1
            if a > b:
                k = b + 1
                continue
        if a > 0 and is_terminal(pl.text[a - 1], pl.text[a - 1]) and _SIGNATURE_NAME.match(pl.text[a]) \
                and not (a + 1 < n and pl.rule[a + 1] in _DISCLOSURE_VALUES):
            # the body's name signed under the last sentence belongs to the report (over a disclosure
            # table's value it is that table's publisher, the next page's head)
            a += 1
            if a > b:
                k = b + 1
                continue
        # (read as a mirror's text is read: its script folded, the pinyin it printed after characters dropped)
        if a > 0 and not pl.found[a] and not pl.found[a - 1] and _FRAGMENT.match(cues.drop_pinyin(cues.fold(pl.text[a]))):
            a += 1  # a sentence the page cut off short under the text is the text's last line
            if a > b:
                k = b + 1
                continue
        if a > 0 and not pl.found[a] and figures.next_item(pl.text[a - 1], pl.text[a]):
            a += 1  # the next item's number alone under the items: the page was cut after it
            if a > b:
                k = b + 1
                continue
        if _broken_title_run(pl, a, b):
            k = b + 1
            continue
        end, b = b, _head_kept(pl, a, b)  # (lines kept at the foot are passed over with the run)
        if b < a:
            k = end + 1
            continue
        # a speech's title (a headline, a subtitle) printed right over its session line is the speech's
        session = next((m for m in range(b + 1, min(n, b + 1 + _SPEECH_TITLE_LINES))
                        if cues.preamble_rule(pl.text[m], pl.text[m]) == _SESSION), None)
        while session is not None and b >= a and session - b <= _SPEECH_TITLE_LINES and pl.rule[b] is None \
                and all(pl.nonblank[m + 1] == pl.nonblank[m] + 1 for m in range(b, session)) \
                and not _SENTENCE.search(pl.text[b]) and (cues.speech_headline(pl.text[b]) or _SIGNATURE_NAME.match(pl.text[b])):
            b -= 1
        # a speech's head lines left with its title lost (the session line's second piece, the speaker's
        # name alone) right over its salutation or another preamble line are the speech's, not the page's
        while (b >= a and b + 1 < n and pl.rule[b] is None and pl.nonblank[b + 1] == pl.nonblank[b] + 1
               and _speech_head_piece(pl.text[b]) and cues.addressed(pl.text[b + 1])):
            b -= 1
        # a slogan printed as the title over a dash subtitle naming the report is the report's head
        if b + 1 < n and b >= a and pl.rule[b] is None and cues.slogan_over(pl.text[b], pl.text[b + 1]):
            b -= 1
        # the meeting a report was given at, printed as its title's first line right over the rest, is the report's
        if (b + 1 < n and b >= a and pl.rule[b] is None and pl.nonblank[b + 1] == pl.nonblank[b] + 1
                and cues.occasion_over(pl.text[b], pl.text[b + 1])):
            b -= 1
        # the line right under the label a page prints over the text it shows (a preview) is the text's first
        if b > a and not pl.found[b] and pl.found[b - 1] and _TEXT_LABEL.match(pl.text[b - 1]):
            b -= 1
        # the page's own title over its date row, only the page's rows down to the text: the text's title
        m = site_heads.title_over_own_rows(pl, a, b)
        if m is not None:
            for r in range(m + 1, b + 1):  # (the rows between that title and its text are the site's)
                pl.found[r] = True
            b = m - 1
            if b < a:
                k = end + 1
                continue
        top = site_heads.title_over_date_row(pl, a, b)
        if top is not None:  # (the copy above the page's date row is kept; the rows above it are the site's)
            for m in range(a, top):
                pl.found[m] = True
            k = end + 1
            continue
        # a body's name alone right over the text, under the page's rows (not under a last sentence): the report's byline
        if (b + 1 < n and b > a and pl.rule[b] is None and _SIGNATURE_NAME.match(pl.text[b])
                and pl.rule[b + 1] is None and len(pl.text[b + 1]) >= _BODY_CHARS and _SENTENCE.search(pl.text[b + 1])):
            b -= 1
        if b < a:
            k = end + 1
            continue
        run = range(a, b + 1)
        if site_heads.between_title_copies(pl, a, b):
            for m in run:
                pl.found[m] = True
            k = end + 1
            continue
        beside_furniture = any(pl.found[m] and pl.rule[m] != _PAGE_NUMBER for m in run)
        above = a - 1 if a > 0 else None
        below = b + 1 if b + 1 < n else None
        unfinished_above = above is not None and not is_terminal(pl.text[above], pl.text[above]) \
            and len(pl.text[above]) > _WEAK_MAX and not pl.anchor(above)
        # a report's last sentence (or its table: the lines under it are read as under its text's end)
        after_text = above is not None and (is_terminal(pl.text[above], pl.text[above]) or after_table)
        # (a sentence the page cut off, then several such lines: the page's text has ended; one
        # line may still be the rest of the sentence a narrow page wrapped)
        if (above is not None and not after_text and not pl.anchor(above) and not pl.weak(above)
                and match_heading(pl.text[above], 0) is None and not is_bare_heading(pl.text[above])
                and b - a + 1 >= _CUT_RUN_MIN):  # (short items under a heading are the report's list)
            unfinished_above, after_text = False, True
        # a site's widget line at the top of a page (menu, accessibility switch) right over the next
        # page's title: the text above was cut off with its page, and a wrapped sentence's rest ends
        # with its full stop, so a bare line over a title that opens a text is no part of that sentence
        # (not under a hard-wrapped paragraph: there the short line may be the last piece of its line)
        # (a short piece of a sentence cut too, its inner punctuation read; and a fused title with its
        # text run into one long line is text the page cut as well)
        cut_above = (above is not None and not after_text and not is_terminal(pl.text[above], pl.text[above])
                     and bool(_WEAK_PUNCT.search(pl.text[above])) and (not pl.anchor(above) or len(pl.text[above]) >= _BODY_CHARS))
        if (unfinished_above or cut_above) and below is not None and cues.title_kind(pl.text[below], pl.text[below]) is not None \
                and pl.opens_body(below) and not _hard_wrapped(pl, above):
            unfinished_above, after_text = False, True
        next_report = below is not None and (pl.anchor(below) or below in pl.headlines)  # (a headline given back heads its text)
        # rows that all have a page row's shape (fields split by bars, a date row, a code) over the next
        # report are no rest of a sentence the page cut above them: the cut page's text has ended
        if unfinished_above and next_report and all(pl.found[m] or shape.shape_rule(pl.text[m]) is not None for m in run):
            unfinished_above, after_text = False, True
        # one bare line between a sentence and an opening sentence reads as the text's own heading
        if (len(run) == 1 and not beside_furniture and after_text and next_report and shape.shape_rule(pl.text[a]) is None
                and cues.title_kind(pl.text[below], pl.text[below]) is None):
            k = end + 1
            continue
        # one bare line alone at the page's foot, right under a last sentence and with no furniture
        # beside it, is the text's next heading where the stored page was cut (a site's footer rows
        # come several together, or are named by a line rule): dropping a line of text costs more
        # than keeping one unknown footer line
        if len(run) == 1 and below is None and after_text and not beside_furniture and pl.rule[a] is None \
                and shape.shape_rule(pl.text[a]) is None:
            k = end + 1
            continue
        # a page prints its rows (source, date, toolbar) last, right over the text: the short lines under
        # the last of them and over the text are the text's own head (a title a narrow page broke into
        # pieces, its session line, its document number), not the page's (round 23)
        # (a short line over a full title is no piece of it, nor one right over the text the head opens:
        # a head's pieces sit over the rest of the head, short lines; there it is a site's tag or widget)
        if beside_furniture and below is not None and cues.title_kind(pl.text[below], pl.text[below]) is None \
                and len(pl.text[below]) < _BODY_CHARS and not is_terminal(pl.text[below], pl.text[below]):
            h = b
            while h >= a and not site_heads.page_row(pl, h):
                h -= 1
            # (a word of two characters alone is a site's column, category or keyword label, no piece of a head)
            # (nor is a row of bare labels whose values the page left empty, nor the label over a preview)
            # (nor a genre's bare name alone, naming no body nor year: the site's column over a text that lost its title;
            # under a teaser row the row says which line is the title: site_heads.mark_teased)
            if a <= h < b and b - h <= _TEXT_HEAD_LINES \
                    and not any(len(pl.text[m]) <= _LABEL_CHARS or _EMPTY_LABELS.search(pl.text[m]) or _TEXT_LABEL.match(pl.text[m])
                                for m in range(h + 1, b + 1)) \
                    and not (h + 1 == b and _genre_label(pl.text[b])) and cues.teased_title(pl.text[h]) is None:
                run = range(a, h + 1)
        # next to furniture; or between a report's end (or the page's top) and the next report; or
        # after a report's last sentence at the page's foot
        if beside_furniture or (not unfinished_above and ((above is None or after_text) and next_report
                                                           or after_text and below is None)):
            for m in run:
                pl.found[m] = True
        k = end + 1


def _flattened_table(pl: PageLines, a: int, b: int) -> int | None:
    """Is the run a..b a table the page flattened, one cell a line (round 22)?  Units of measure
    alone and figures alone, several of each: a report's table (its indicators, their units, their
    values), never a site's footer (links, dates, a copyright, contacts; a pager's bare numbers
    have no unit beside them).  The table's last cell, or None."""
    units = [m for m in range(a, b + 1) if not pl.found[m] and _UNIT_CELL.match(pl.text[m].strip())]
    values = [m for m in range(a, b + 1) if _FIGURE_CELL.match(pl.text[m].strip())]
    if len(units) < _CELLS_MIN or len(values) < _CELLS_MIN:
        return None
    return max(units + values)


def _head_rows(pl: PageLines) -> None:
    """The page's head over the title that opens its text: rows among other furniture of the head
    (a breadcrumb, metadata rows) over that title are the site's, however long, when none is a
    sentence, a field or a piece of a report's head.  With no furniture among them they are left
    alone: a report may open with its own slogan over its title, or end on a bare line."""
    for k in range(1, len(pl)):
        t = pl.text[k]
        if pl.found[k] or cues.title_kind(t, t) is None or not pl.opens_body(k):
            continue
        a = k
        while a > 0 and (pl.found[a - 1] or pl.head_row(a - 1)):
            a -= 1
        run = [m for m in range(a, k) if not pl.found[m]]
        # (from the page's top or a report's last sentence: a bare line under text may be the text's)
        if not run or not any(pl.found[m] for m in range(a, k)) or (a > 0 and not is_terminal(pl.text[a - 1], pl.text[a - 1])):
            continue
        # a bare name right over the title, no blank line between, may be the title's first piece;
        # a slogan over a dash subtitle is the report's own title line
        last = k - 1
        if not pl.found[last] and (cues.slogan_over(pl.text[last], t) or (
                pl.nonblank[k] == pl.nonblank[last] + 1 and _HEAD_PIECE.match(pl.text[last]))):
            run.remove(last)
        for m in run:
            pl.found[m] = True


def _column_labels(pl: PageLines) -> None:
    """A site's column name printed alone at the head of a page (its genre words: work summary, work
    report) over the fuller title that ends in it: the site's label, not the text's title.  Only
    where a page's head can be: the page's top, under other furniture (a banner), or under a
    report's last sentence; and only over a title that opens a text."""
    for k in range(len(pl) - 1):
        s = pl.text[k]
        if pl.found[k] or len(s) > _COLUMN_MAX or _SENTENCE.search(s) or any(c.isdigit() for c in s):
            continue
        if cues.title_kind(s, s) not in (None, _GENRE_KIND) or not (is_bare_heading(s) or cues.bare_title(s) or pl.weak(k)):
            continue
        if not (k == 0 or pl.found[k - 1] or is_terminal(pl.text[k - 1], pl.text[k - 1])):
            continue
        below = pl.text[k + 1]
        # (the title below names more than the label, a body and a year, and ends with the label's
        # words; a body's name over its title is the report's first line, not a column)
        if pl.found[k + 1] or cues.title_kind(below, below) is None or bodies.classify_body(s) is not None:
            continue
        core = cues.title_core(below)
        if not site_heads.column_name(s, core, at_end=True):
            continue
        if pl.opens_body(k + 1):
            pl.found[k] = True


def _genre_label(s: str) -> bool:
    """Is a short line only a genre's name (the words a report's title ends with), naming no body and no year?"""
    m = None
    for m in _GENRE_WORD.finditer(s):
        pass
    return (len(s) <= _COLUMN_MAX and not any(c.isdigit() for c in s) and m is not None and m.end() == len(s)
            and cues.title_name(cues.title_core(s)) is None and bodies.classify_body(s) is None)


def _hard_wrapped(pl: PageLines, k: int) -> bool:
    """Is line k, with no end of sentence, one of a paragraph a narrow page wrapped at a fixed width
    (the line above it goes on into it too, at about its length)?"""
    if k < 1 or pl.found[k - 1] or is_terminal(pl.text[k - 1], pl.text[k - 1]):
        return False
    n, m = len(pl.text[k]), len(pl.text[k - 1])
    return min(n, m) >= _WRAP_SAME * max(n, m)


def _broken_title_run(pl: PageLines, a: int, b: int) -> bool:
    """Are the weak lines a..b, with the line after them, one title a narrow page (or a PDF)
    broke into short pieces (a body's name, a year, the genre words, the next year)?  Not a
    furniture row over a title: the line after them is no title by itself.  (Not the rule of
    cues.broken_title_lines with the same limits: the run is known weak here, and its last
    piece may be longer, or a title alone that goes on from a bare year above it.)"""
    below = b + 1
    if below >= len(pl) or pl.found[below] or b - a + 1 > _BROKEN_RUN_MAX:
        return False
    pieces = [pl.text[m] for m in range(a, below + 1)]
    joined = "".join(pieces)
    return (len(joined) <= _BROKEN_RUN_CHARS
            and (cues.title_kind(pieces[-1], pieces[-1]) is None or bool(TITLE_CONTINUATION.match(pieces[-1])))
            and cues.title_kind(joined, joined) is not None)


def _head_kept(pl: PageLines, a: int, b: int) -> int:
    """The run a..b without the lines at its foot that belong to the text under it: a speech's
    title lines over its session line, a body's name signed over its opening (a byline)."""
    below = b + 1
    if below >= len(pl):
        return b
    t = pl.text
    speech = cues.preamble_rule(t[below], t[below]) == _SESSION or (
        below + 1 < len(pl) and cues.preamble_rule(t[below + 1], t[below + 1]) == _SESSION)
    if speech:
        # (a very short line with no genre word is no headline: a site's menu or column label over the
        # title; a body's name over a dated session line is the speech's byline)
        while b >= a and not pl.found[b] and (cues.speech_headline(t[b]) or _SIGNATURE_NAME.match(t[b])):
            b -= 1
    elif b >= a and not pl.found[b] and _SIGNATURE_NAME.match(t[b]) and (pl.anchor(below) or len(t[below]) >= _BODY_CHARS):
        b -= 1
    return b


def _toc_run(s: str) -> str | None:
    """A contents list run into one line: mostly numbered report titles."""
    if len(s) < _TOC_RUN_MIN * 8:
        return None
    found = list(_TOC_RUN.finditer(s))
    if len(found) >= _TOC_RUN_MIN and sum(m.end() - m.start() for m in found) >= _TOC_RUN_SHARE * len(s):
        return "furniture.toc.run"
    return None


def _speech_head_piece(s: str) -> bool:
    """Is a short line a piece of a speech's head that names no genre: the second piece of a wrapped
    session line, or the speaker's name alone (read folded, spaces removed)?"""
    t = cues.fold("".join(s.split()))
    # (a genre word of two to four characters, a site's category label, is no name)
    return bool(_SESSION_PIECE.match(t) or (_SPEAKER_NAME.match(t) and not _GENRE_WORD.search(t)))
