"""Split a compilation into reports.

A report starts at its own title line, or where the top-level outline sequence starts again
(一、 after 一、 … 三、).  The paragraph just before such a restart is the new report's opening
("2022年，XX街道…现将工作情况汇报如下："), unless it is the only content of the previous
report's last section; then, if a page break glued it to the start of the next report, the cut
is undone and only the last piece goes to the new report.
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

_T = rules.load("split")
_TITLE = re.compile(_T["title"]["pattern"])
_TITLE_MAX = int(_T["title"]["max_chars"])
_INTRO = [(e["id"], re.compile(e["pattern"])) for e in _T["intro"]]
_APPENDIX = re.compile(_T["appendix"]["pattern"])
_MIN_REPORT_CHARS = 400
# a title names its author before the year: "XX局2022年…", not "2022年…"
_NAMED_TITLE = re.compile(r"^(关于)?[^\d年]{2,30}?(\d{4}|二[〇零○].{2})年")
_SELF_WINDOW = 40  # "我镇…" opens a report near its start; "为我市…" deep in a plan does not
_TOPIC_PARAS, _TOPIC_CHARS, _TOPIC_MARGIN = 8, 2000, 1.2
_FRONT_MATTER_MAX = 60  # paragraphs of cover + contents looked at
_FRONT_LINE_MAX = 40
_TOC_LINE = re.compile(r"(\.{3,}|…{2,}|·{3,}|—{3,}|\s{2,})\s*\d{1,4}\s*$")  # a "title" followed by less text than this is a repeated page title


@dataclass(frozen=True, slots=True)
class ReportDraft:
    start_line: int
    end_line: int
    paragraphs: tuple[Paragraph, ...]
    title: str | None
    rule: str
    appendix_line: int | None = None
    title_line: int | None = None


def is_title(text: str) -> bool:
    """A report's own title line ("XX镇2022年工作总结"), also when a compilation numbered it
    ("3、XX局2022年工作总结"); a numbered part name ("一、2022年工作总结") is not one."""
    s = norm(text).strip()
    if len(s) > _TITLE_MAX or is_terminal(s) or not _TITLE.match(s) or is_bare_heading(s):
        return False
    h = match_heading(s, 0)
    if h is None:
        return True
    rest = strip_ordinal(s)
    return bool(_TITLE.match(rest)) and not is_bare_heading(rest) and bool(_NAMED_TITLE.match(rest))


def is_appendix(text: str) -> bool:
    return bool(_APPENDIX.match(norm(text).strip()))


def intro_rules(text: str) -> set[str]:
    """Ids of every opening cue a paragraph carries."""
    s = norm(text).strip()
    found = set()
    for rid, pat in _INTRO:
        if rid == "split.intro.closing":
            if pat.search(s[-40:]):
                found.add(rid)
        elif pat.search(s[: _SELF_WINDOW if rid == "split.intro.self" else 80]):
            found.add(rid)
    return found


def intro_rule(text: str) -> str | None:
    """The first opening cue of a paragraph (in table order), or None."""
    found = intro_rules(text)
    return next((rid for rid, _ in _INTRO if rid in found), None)


def _split_piece(p: Paragraph) -> tuple[Paragraph, Paragraph]:
    """Undo the last page-break join of a paragraph: (first pieces, last piece)."""
    line, off = p.pieces[-1]
    head_pieces = p.pieces[:-1]
    head = Paragraph(p.line_start, head_pieces[-1][0], p.text[:off], head_pieces, rule="paragraph.line")
    tail = Paragraph(line, p.line_end, p.text[off:], ((line, 0),), rule="split.unjoin_at_report_start")
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
    heads = [match_heading(p.text, p.line_start, allow_shi=False) for p in paras]
    top = _top_family(heads)

    # A document is a compilation when several restarts are opened the way reports open
    # ("2022年以来，XX街道…", "现将…汇报如下："); then plainer restarts count too.  A single long
    # report that numbers several lists 一、二、三 (old national reports) never splits.
    n_opened = sum(
        1 for k, h in enumerate(heads)
        if h is not None and h.family == top and h.value == 1 and k > 0 and heads[k - 1] is None
        and (opening_strength(paras[k - 1].text) == "strong" or _year_review(h.heading))
    )
    compilation = n_opened >= 2

    # Pass 1: where does each report start (index into paras), and why.
    starts: list[tuple[int, str]] = [(0, "split.document_start")]
    seen_top = False  # the current report has had a top-level heading
    bare_since_top = False  # a bare part heading ("2025年工作安排") came after it
    in_appendix = False
    chars = 0  # text of the current report so far
    roles_seen: set[str | None] = set()  # cue roles of the current report's top-level headings
    i = 0
    while i < len(paras):
        p, h = paras[i], heads[i]
        text = p.text
        if is_title(text) and i > starts[-1][0]:
            rest = sum(len(q.text) for q in paras[i + 1 : i + 40])
            if rest >= _MIN_REPORT_CHARS and chars >= _MIN_REPORT_CHARS:
                starts.append((i, "split.title"))
                seen_top = bare_since_top = in_appendix = False
                chars, roles_seen = len(text), set()
                i += 1
                continue
        chars += len(text)
        if h is None and is_appendix(text):
            in_appendix = True
        if h is None and is_bare_heading(text):
            bare_since_top = True
        if (h is not None and h.family != top and h.value == 1 and not in_appendix and i > starts[-1][0] + 1
                and heads[i - 1] is None and intro_rule(paras[i - 1].text) == "split.intro.closing"
                and chars - len(text) - len(paras[i - 1].text) >= _MIN_REPORT_CHARS):
            # a report numbered from (一) or 1. opened with "现将…汇报如下：" inside a compilation
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
                  if len(norm(paras[k].text).strip()) > _FRONT_LINE_MAX and not _TOC_LINE.search(norm(paras[k].text))),
                 None)
        if f:
            titles = [k for k in range(f) if is_title(paras[k].text)]
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
        title_p = next((q for q in chunk[:12] if is_title(q.text)), None)
        title = title_p.text.strip() if title_p else None
        appendix = next((q.line_start for q in chunk if is_appendix(q.text)), None)
        drafts.append(ReportDraft(chunk[0].line_start, chunk[-1].line_end, chunk, title, rule, appendix,
                                  title_p.line_start if title_p else None))
    return drafts


def opening_strength(text: str) -> str | None:
    """"strong" when a paragraph opens the way reports open; None otherwise."""
    found = intro_rules(text)
    if found & {"split.intro.opening", "split.intro.closing", "split.intro.self"} or opens_with_subject(text):
        return "strong"
    if "split.intro.opening_year" in found and (
            "split.intro.leadership" in found or _names_subject(text)):
        return "strong"
    return None


_YEAR = re.compile(r"(19[5-9]\d|20\d{2}|二[〇零○].{2})年")


def _year_review(heading: str) -> bool:
    """"一、2022年工作总结": a report's review of its year, which one report holds only once."""
    return cue_role(heading) in ("achievements", "overview") and bool(_YEAR.search(norm(heading)))


def _restarts(paras, heads, i, roles_seen: set, compilation: bool) -> bool:
    """Is the 一、 at ``i`` the start of another report?

    Yes when an opening or a title precedes it, or anywhere in a compilation (a document where
    several reports open that way); in a single document only when it names a review ("一、2022年
    工作总结") after a report that already has its plan or problems.
    """
    if i > 0 and heads[i - 1] is None and (opening_strength(paras[i - 1].text) or is_title(paras[i - 1].text)):
        return True
    if compilation or _year_review(heads[i].heading):
        return True
    later = {"plan", "problems", "suggestions"}
    complete = bool(roles_seen & later) and bool(roles_seen - later)
    return complete and cue_role(heads[i].heading) in ("achievements", "overview")


def _attach_opening(paras, heads, i, report_start):
    """Index where the report whose 一、 is at ``i`` starts; may undo a glued paragraph.

    The paragraph before the restart opens the new report when it reads as an opening.  If it
    is instead the only text of the previous report's last heading and a page break glued it,
    the glue is undone and its last piece opens the new report (a report that lost its end
    followed by one that lost its start).  Otherwise it stays where it is.
    """
    j = i - 1
    if j <= report_start or heads[j] is not None:
        return i, paras, heads, "split.restart"
    p = paras[j]
    if len(p.pieces) > 1 and not opening_strength(p.text[: p.pieces[1][1]]):
        last = p.text[p.pieces[-1][1]:]
        if opening_strength(last) or is_title(last):
            # a report that lost its end was glued to the opening of the next one
            head, tail = _split_piece(p)
            paras = paras[:j] + [head, tail] + paras[j + 1 :]
            heads = heads[:j] + [None, None] + heads[j + 1 :]
            return j + 1, paras, heads, "split.restart.unjoined"
    if opening_strength(p.text) or is_title(p.text):
        start = j
        # a title or further opening lines just above belong to the new report too
        while start - 1 > report_start and heads[start - 1] is None and (
                is_title(paras[start - 1].text) or intro_rule(paras[start - 1].text) == "split.intro.salutation"):
            start -= 1
        return start, paras, heads, "split.restart.opening"
    k = j
    while k > report_start and heads[k - 1] is None:
        k -= 1
    prev_head = heads[k - 1] if k - 1 >= report_start else None
    only_content = k > report_start and j == k and prev_head is not None and not prev_head.inline_body
    if only_content and len(p.pieces) > 1 and _can_open(p.text[p.pieces[-1][1]:]) and _closer_to_next(
            [*paras[:j], *_split_piece(p), *paras[j + 1 :]], j + 1, report_start):
        head, tail = _split_piece(p)
        paras = paras[:j] + [head, tail] + paras[j + 1 :]
        heads = heads[:j] + [None, None] + heads[j + 1 :]
        return j + 1, paras, heads, "split.restart.unjoined"
    if not only_content and _closer_to_next(paras, j, report_start):
        return j, paras, heads, "split.restart.topic"
    return i, paras, heads, "split.restart"


_NOT_A_START = re.compile(_T["not_a_start"]["pattern"])


def _can_open(text: str) -> bool:
    """Can a paragraph begin like this? ("的现代农业…" is the middle of a sentence.)"""
    return not _NOT_A_START.match(norm(text).lstrip())


def _bigrams(text: str) -> Counter:
    return Counter(text[k : k + 2] for k in range(len(text) - 1) if not text[k : k + 2].isascii())


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / (sum(v * v for v in a.values()) ** 0.5 * sum(v * v for v in b.values()) ** 0.5)


def _closer_to_next(paras, j, report_start) -> bool:
    """A paragraph of no telling shape before a restart ("全市共建成…"): does it speak of what
    follows more than of what precedes it?  A report that lost its opening keeps its first
    paragraph; the last paragraph of the report before stays there."""
    before = "".join(q.text for q in paras[max(report_start, j - _TOPIC_PARAS) : j])[-_TOPIC_CHARS:]
    after = "".join(q.text for q in paras[j + 1 : j + 1 + _TOPIC_PARAS])[:_TOPIC_CHARS]
    me = _bigrams(paras[j].text)
    return _cosine(me, _bigrams(after)) > _cosine(me, _bigrams(before)) * _TOPIC_MARGIN
