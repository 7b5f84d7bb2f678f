"""Split a compilation into reports.

A report starts at its own title line, or where the top-level outline sequence starts again
(the first top-level item after the last one of the report before).  The paragraph just
before such a restart is the new report's opening (the year and the author, then "the work is
reported as follows"), unless it is the only content of the previous report's last section;
then, if a page break glued it to the start of the next report, the cut is undone and only the
last piece goes to the new report.  Cues, patterns and limits: data/split.yaml.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .. import rules
from ..model import Heading, Paragraph
from ..textnorm import norm
from .headings import FAMILY_RANK, is_bare_heading, is_terminal, match_heading, strip_ordinal
from .org import names_subject as _names_subject, opens_with_subject
from .roles import cue_role

_TABLE = "split"
_T = rules.load(_TABLE)
_TITLE = rules.pattern(_TABLE, "split.title")
_TITLE_MAX = int(rules.entry(_TABLE, "split.title")["max_chars"])
# (id, pattern, first characters searched, last characters searched)
_INTRO = [(e["id"], re.compile(e["pattern"]), e.get("first_chars"), e.get("last_chars")) for e in _T["intro"]]
_APPENDIX = rules.pattern(_TABLE, "split.appendix")
_NAMED_TITLE = rules.pattern(_TABLE, "split.named_title")
_TOC_LINE = rules.pattern(_TABLE, "split.toc_line")
_YEAR = rules.pattern(_TABLE, "split.year")
_NOT_A_START = rules.pattern(_TABLE, "split.not_a_start")
_MIN_REPORT_CHARS = rules.limit(_TABLE, "split.min_report_chars")
_MIN_OPENED = rules.limit(_TABLE, "split.compilation_openings")
_TITLE_LOOKAHEAD = int(rules.limit(_TABLE, "split.title_lookahead_paragraphs"))
_TITLE_WITHIN = int(rules.limit(_TABLE, "split.title_within_paragraphs"))
_TOPIC_PARAS = int(rules.limit(_TABLE, "split.topic_paragraphs"))
_TOPIC_CHARS = int(rules.limit(_TABLE, "split.topic_chars"))
_TOPIC_MARGIN = rules.limit(_TABLE, "split.topic_margin")
_FRONT_MATTER_MAX = int(rules.limit(_TABLE, "split.front_matter_paragraphs"))
_FRONT_LINE_MAX = rules.limit(_TABLE, "split.front_line_max_chars")


@dataclass(frozen=True, slots=True)
class ReportDraft:
    start_line: int
    end_line: int
    paragraphs: tuple[Paragraph, ...]
    title: str | None
    rule: str
    appendix_line: int | None = None
    title_line: int | None = None


def is_title(text: str, normalized: str | None = None) -> bool:
    """A report's own title line (split.yaml: title), also when a compilation numbered it; a
    numbered part name (the review of the year under the first top-level number) is not one."""
    s = (normalized if normalized is not None else norm(text)).strip()
    if len(s) > _TITLE_MAX or is_terminal(s, s) or not _TITLE.match(s) or is_bare_heading(s, normalized=s):
        return False
    h = match_heading(s, 0, normalized=s)
    if h is None:
        return True
    rest = strip_ordinal(s)
    return bool(_TITLE.match(rest)) and not is_bare_heading(rest, normalized=rest) and bool(_NAMED_TITLE.match(rest))


def is_appendix(text: str, normalized: str | None = None) -> bool:
    return bool(_APPENDIX.match((normalized if normalized is not None else norm(text)).strip()))


def intro_rules(text: str, normalized: str | None = None) -> set[str]:
    """Ids of every opening cue a paragraph carries (each looked for where its entry says)."""
    s = (normalized if normalized is not None else norm(text)).strip()
    found = set()
    for rid, pat, first, last in _INTRO:
        if pat.search(s[-last:] if last else s[:first]):
            found.add(rid)
    return found


def intro_rule(text: str, normalized: str | None = None) -> str | None:
    """The first opening cue of a paragraph (in table order), or None."""
    found = intro_rules(text, normalized)
    return next((rid for rid, *_ in _INTRO if rid in found), None)


def _split_piece(p: Paragraph) -> tuple[Paragraph, Paragraph]:
    """Undo the last page-break join of a paragraph: (first pieces, last piece)."""
    line, off = p.pieces[-1]
    head_pieces = p.pieces[:-1]
    head = Paragraph(p.line_start, head_pieces[-1][0], p.text[:off], head_pieces, rule="paragraph.line",
                     norm_text=p.norm_text[:off])
    tail = Paragraph(line, p.line_end, p.text[off:], ((line, 0),), rule="split.unjoin_at_report_start",
                     norm_text=p.norm_text[off:])
    return head, tail


def _top_family(heads: list[Heading | None]) -> str | None:
    fams = [h.family for h in heads if h is not None and h.family != "cn_shi" and h.value is not None]
    if not fams:
        return None
    return min(fams, key=lambda f: FAMILY_RANK.get(f, 99))


def split_reports(doc, paragraphs: tuple[Paragraph, ...]) -> list[ReportDraft]:
    paras = list(paragraphs)
    if not paras:
        return []
    heads = [match_heading(p.text, p.line_start, allow_shi=False, normalized=p.norm_text) for p in paras]
    top = _top_family(heads)

    # A document is a compilation when several restarts are opened the way reports open (the
    # year and the author, or "reported as follows"); then plainer restarts count too.  A single
    # long report that numbers several top-level lists (old national reports) never splits.
    n_opened = sum(
        1 for k, h in enumerate(heads)
        if h is not None and h.family == top and h.value == 1 and k > 0 and heads[k - 1] is None
        and (opening_strength(paras[k - 1]) == "strong" or _year_review(h.heading))
    )
    compilation = n_opened >= _MIN_OPENED

    # Pass 1: where does each report start (index into paras), and why.
    starts: list[tuple[int, str]] = [(0, "split.document_start")]
    seen_top = False  # the current report has had a top-level heading
    bare_since_top = False  # a bare part heading (next year's work) came after it
    in_appendix = False
    chars = 0  # text of the current report so far
    roles_seen: set[str | None] = set()  # cue roles of the current report's top-level headings
    i = 0
    while i < len(paras):
        p, h = paras[i], heads[i]
        text = p.text
        if is_title(text, p.norm_text) and i > starts[-1][0]:
            rest = sum(len(q.text) for q in paras[i + 1 : i + _TITLE_LOOKAHEAD])
            if rest >= _MIN_REPORT_CHARS and chars >= _MIN_REPORT_CHARS:
                starts.append((i, "split.title"))
                seen_top = bare_since_top = in_appendix = False
                chars, roles_seen = len(text), set()
                i += 1
                continue
        chars += len(text)
        if h is None and is_appendix(text, p.norm_text):
            in_appendix = True
        if h is None and is_bare_heading(text, normalized=p.norm_text):
            bare_since_top = True
        if (h is not None and h.family != top and h.value == 1 and not in_appendix and i > starts[-1][0] + 1
                and heads[i - 1] is None and intro_rule(paras[i - 1].text, paras[i - 1].norm_text) == "split.intro.closing"
                and chars - len(text) - len(paras[i - 1].text) >= _MIN_REPORT_CHARS):
            # a report numbered from a second-level family, opened by "reported as follows"
            starts.append((i - 1, "split.opening.closing_cue"))
            seen_top, bare_since_top, roles_seen = False, False, set()
            chars = len(paras[i - 1].text) + len(text)
            i += 1
            continue
        if h is not None and h.family == top and h.value is not None and not in_appendix:
            if h.value == 1 and seen_top and not bare_since_top and _restarts(paras, heads, i, roles_seen, compilation):
                before = len(paras)
                new_start, paras, heads, rule = _attach_opening(paras, heads, i, starts[-1][0])
                i += len(paras) - before  # an undone join adds one paragraph before the restart
                starts.append((new_start, rule))
                chars = sum(len(q.text) for q in paras[new_start : i + 1])
                roles_seen = set()
            seen_top = True
            bare_since_top = False
            roles_seen.add(cue_role(h.heading))
        i += 1

    # A cover and table of contents before the first report's title are no report's text:
    # the first report starts at the last title above its first real paragraph.
    if starts[0] == (0, "split.document_start"):
        first_end = starts[1][0] if len(starts) > 1 else len(paras)
        f = next((k for k in range(min(first_end, _FRONT_MATTER_MAX))
                  if len(paras[k].norm_text.strip()) > _FRONT_LINE_MAX and not _TOC_LINE.search(paras[k].norm_text)),
                 None)
        if f:
            titles = [k for k in range(f) if is_title(paras[k].text, paras[k].norm_text)]
            if titles and titles[-1] > 0:
                starts[0] = (titles[-1], "split.after_front_matter")

    # Pass 2: cut.
    drafts: list[ReportDraft] = []
    for k, (s, rule) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else len(paras)
        if s >= e:
            continue
        chunk = tuple(paras[s:e])
        if not chunk:
            continue
        title_p = next((q for q in chunk[:_TITLE_WITHIN] if is_title(q.text, q.norm_text)), None)
        title = title_p.text.strip() if title_p else None
        appendix = next((q.line_start for q in chunk if is_appendix(q.text, q.norm_text)), None)
        drafts.append(ReportDraft(chunk[0].line_start, chunk[-1].line_end, chunk, title, rule, appendix,
                                  title_p.line_start if title_p else None))
    return drafts


def opening_strength(p: Paragraph | str, normalized: str | None = None) -> str | None:
    """"strong" when a paragraph (or a text) opens the way reports open; None otherwise."""
    text, normalized = (p.text, p.norm_text) if isinstance(p, Paragraph) else (p, normalized)
    found = intro_rules(text, normalized)
    if found & {"split.intro.opening", "split.intro.closing", "split.intro.self"} or opens_with_subject(text, normalized):
        return "strong"
    if "split.intro.opening_year" in found and (
            "split.intro.leadership" in found or _names_subject(text, normalized)):
        return "strong"
    return None


def _year_review(heading: str) -> bool:
    """A review of a named year under a top-level number: one report holds it only once."""
    return cue_role(heading) in ("achievements", "overview") and bool(_YEAR.search(norm(heading)))


def _restarts(paras, heads, i, roles_seen: set, compilation: bool) -> bool:
    """Is the first top-level item at ``i`` the start of another report?

    Yes when an opening or a title precedes it, or anywhere in a compilation (a document where
    several reports open that way); in a single document only when it names a review of a year
    after a report that already has its plan or problems.
    """
    q = paras[i - 1] if i > 0 else None
    if q is not None and heads[i - 1] is None and (opening_strength(q) or is_title(q.text, q.norm_text)):
        return True
    if compilation or _year_review(heads[i].heading):
        return True
    later = {"plan", "problems", "suggestions"}
    complete = bool(roles_seen & later) and bool(roles_seen - later)
    return complete and cue_role(heads[i].heading) in ("achievements", "overview")


def _attach_opening(paras, heads, i, report_start):
    """Index where the report whose first top-level item is at ``i`` starts; may undo a glued
    paragraph.

    The paragraph before the restart opens the new report when it reads as an opening.  If it
    is instead the only text of the previous report's last heading and a page break glued it,
    the glue is undone and its last piece opens the new report (a report that lost its end
    followed by one that lost its start).  Otherwise it stays where it is.
    """
    j = i - 1
    if j <= report_start or heads[j] is not None:
        return i, paras, heads, "split.restart"
    p = paras[j]
    if len(p.pieces) > 1 and not opening_strength(p.text[: p.pieces[1][1]], p.norm_text[: p.pieces[1][1]]):
        cut = p.pieces[-1][1]
        last, last_norm = p.text[cut:], p.norm_text[cut:]
        if opening_strength(last, last_norm) or is_title(last, last_norm):
            # a report that lost its end was glued to the opening of the next one
            head, tail = _split_piece(p)
            paras = paras[:j] + [head, tail] + paras[j + 1 :]
            heads = heads[:j] + [None, None] + heads[j + 1 :]
            return j + 1, paras, heads, "split.restart.unjoined"
    if opening_strength(p) or is_title(p.text, p.norm_text):
        start = j
        # a title or further opening lines just above belong to the new report too
        while start - 1 > report_start and heads[start - 1] is None and (
                is_title(paras[start - 1].text, paras[start - 1].norm_text)
                or intro_rule(paras[start - 1].text, paras[start - 1].norm_text) == "split.intro.salutation"):
            start -= 1
        return start, paras, heads, "split.restart.opening"
    k = j
    while k > report_start and heads[k - 1] is None:
        k -= 1
    prev_head = heads[k - 1] if k - 1 >= report_start else None
    only_content = k > report_start and j == k and prev_head is not None and not prev_head.inline_body
    if only_content and len(p.pieces) > 1 and _can_open(p.norm_text[p.pieces[-1][1]:]) and _closer_to_next(
            [*paras[:j], *_split_piece(p), *paras[j + 1 :]], j + 1, report_start):
        head, tail = _split_piece(p)
        paras = paras[:j] + [head, tail] + paras[j + 1 :]
        heads = heads[:j] + [None, None] + heads[j + 1 :]
        return j + 1, paras, heads, "split.restart.unjoined"
    if not only_content and _closer_to_next(paras, j, report_start):
        return j, paras, heads, "split.restart.topic"
    return i, paras, heads, "split.restart"


def _can_open(normalized: str) -> bool:
    """Can a paragraph begin like this (normalised text)?  A particle or a comma cannot."""
    return not _NOT_A_START.match(normalized.lstrip())


def _bigrams(text: str) -> Counter:
    return Counter(text[k : k + 2] for k in range(len(text) - 1) if not text[k : k + 2].isascii())


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / (sum(v * v for v in a.values()) ** 0.5 * sum(v * v for v in b.values()) ** 0.5)


def _closer_to_next(paras, j, report_start) -> bool:
    """A paragraph of no telling shape before a restart (a plain statement of work done): does it
    speak of what follows more than of what precedes it?  A report that lost its opening keeps its first
    paragraph; the last paragraph of the report before stays there."""
    before = "".join(q.text for q in paras[max(report_start, j - _TOPIC_PARAS) : j])[-_TOPIC_CHARS:]
    after = "".join(q.text for q in paras[j + 1 : j + 1 + _TOPIC_PARAS])[:_TOPIC_CHARS]
    me = _bigrams(paras[j].text)
    return _cosine(me, _bigrams(after)) > _cosine(me, _bigrams(before)) * _TOPIC_MARGIN
