"""The year whose work a report reviews (CONTRACT.md ``year``).

A summary names it in its title, its part headings (the review part's year, or the plan part's
year = one year after) and its opening.  A government work report reviews a year named by its
review heading; it is delivered early in the year after (its dateline's year minus one, unless
the session met late in the year), else its title's year minus one (docs/GENRE.md §7).  Where
pages and sites interfere: a site's sample label or upload year on the title yields to the
document's own first lines; a government portal's posting date dates a report that names no year,
an essay site's never.  Patterns and weights: data/orgs.yaml.
"""
from __future__ import annotations

from collections import Counter

from .. import numerals, rules
from ..model import Report
from ..textnorm import norm
from .bodies import fold
from .roles import cue_role
from .titles import FILE_RULE

_TABLE = "orgs"
_YEAR = rules.pattern(_TABLE, "org.year")
_CN_YEAR = rules.pattern(_TABLE, "org.year.cn")
_TERM = rules.entry(_TABLE, "org.year.school_term")
_SCHOOL_TERM = rules.compiled(_TERM["pattern"])
_NOT_REPORT_YEAR = rules.pattern(_TABLE, "org.year.not_reported")
_PLAN_AFTER_REVIEW = rules.pattern(_TABLE, "org.year.plan_after_review")
_BARE_LEAD_SUMMARY = rules.pattern(_TABLE, "org.year.bare_lead_summary")
_EXECUTION = rules.pattern(_TABLE, "org.year.execution")
_REPORT_FORMULA = rules.pattern(_TABLE, "org.year.report_formula")
_DOCUMENT_NAME = rules.pattern(_TABLE, "org.year.document_name")
_ASSESSED = rules.pattern(_TABLE, "org.year.assessment")
_SESSION = rules.pattern(_TABLE, "org.year.session")
_SESSION_PLACE = rules.pattern(_TABLE, "org.year.session_place")
_GOV_REPORT = rules.pattern(_TABLE, "org.next_year_genre")
_PLAN_TITLE = rules.pattern(_TABLE, "org.year.plan_title")
_HALF_YEAR = rules.pattern(_TABLE, "org.year.half_year")
_MEETING_TITLE = rules.pattern(_TABLE, "org.year.meeting_title")
_FILE_YEAR = rules.pattern(_TABLE, "org.year.file")
_REVIEW_HEADING = rules.pattern(_TABLE, "org.year.review_heading")
_REVIEW_INLINE = rules.pattern(_TABLE, "org.year.review_inline")
_SCENE = rules.entry(_TABLE, "org.year.review_scene")
_SCENE_YEAR = rules.compiled(_SCENE["pattern"])
_LOOKING_BACK = rules.compiled(_SCENE["looking_back"])
_RANGE = rules.pattern(_TABLE, "org.year.range")
_DATE_LINE = rules.pattern(_TABLE, "org.year.date_line")
_REVIEW_ROLES = ("achievements", "highlights", "overview")
_CLOSING = rules.pattern(_TABLE, "org.year.closing_scene")
_THIS_YEAR = rules.pattern(_TABLE, "org.year.this_year_opening")
_SAMPLE_TITLE = rules.pattern(_TABLE, "org.year.sample_title")
_SUMMARY_TITLE = rules.pattern(_TABLE, "org.year.summary_title")
_OPENING_PLACE = rules.pattern(_TABLE, "org.year.opening_place")
_REVIEW_PART_INLINE = rules.pattern(_TABLE, "org.year.review_part_inline")
_PORTAL_ROW = rules.pattern(_TABLE, "org.year.portal_row")
_TITLE_YEAR_PART = rules.pattern(_TABLE, "org.year.title_part")
_PORTAL_DATE = rules.pattern(_TABLE, "org.year.portal_date")
_PLAN = rules.entry(_TABLE, "org.year.plan_phrase")
_PLAN_PHRASE = rules.compiled(_PLAN["pattern"])
_PLENUM = rules.entry(_TABLE, "org.year.plenum")
_PLENUM_NAMES = rules.compiled(_PLENUM["pattern"])
_PLENUM_SESSION = rules.compiled(_PLENUM["session"])
_CAMPAIGN = rules.entry(_TABLE, "org.year.campaign")
_CAMPAIGN_NAMES = rules.compiled(_CAMPAIGN["pattern"])
_HALF_YEAR_SCOPE = rules.pattern(_TABLE, "org.year.half_year_scope")
_SPAN_START = rules.pattern(_TABLE, "org.year.span_start")
_TITLE_LEAD = rules.pattern(_TABLE, "org.year.title_lead")
_TITLE_SUMMARY = rules.pattern(_TABLE, "org.year.title_summary_part")
_TITLE_PLAN = rules.pattern(_TABLE, "org.year.title_plan_part")
_BASE_YEAR = rules.pattern(_TABLE, "org.year.base_year")
_PERIOD_REVIEW = rules.pattern(_TABLE, "org.year.plan_period_review")
_ESTIMATED = rules.pattern(_TABLE, "org.year.estimated")
_SAMPLE_COPY = rules.pattern(_TABLE, "org.year.sample_copy")
_RESTAMP_OPENING = rules.pattern(_TABLE, "org.year.restamp_opening")
_NAME_MASK = rules.pattern("split", "split.name_mask")


def _limit(name: str) -> int:
    return int(rules.limit(_TABLE, f"org.{name}"))


def years(text: str, normalized: str | None = None) -> list[int]:
    """The years ``text`` names (in Arabic, then in Chinese digits)."""
    s = normalized if normalized is not None else norm(text)
    # a school term is read as the calendar year it is taught in, in the place of its school year
    terms = [(m.start(), m.end(), int(m.group("first")) + (1 if m.group("term") in _TERM["second"] else 0))
             for m in _SCHOOL_TERM.finditer(s)]
    out = sorted([(m.start(1), int(m.group(1))) for m in _YEAR.finditer(s)
                  if not any(a <= m.start(1) < b for a, b, _ in terms)] + [(a, y) for a, _, y in terms])
    out = [y for _, y in out]
    for m in _CN_YEAR.finditer(s):
        out.append(int(numerals.read_digits(m.group(1))))
    return out


def title_years(title: str, rule: str = "") -> list[int]:
    """The years a title names; a file name's year may stand before a separator (1954_…)."""
    if rule == FILE_RULE:
        return [int(m.group(1)) for m in _FILE_YEAR.finditer(norm(title))]
    found = years(title)
    lead = None if found else lead_year(norm(title))
    return found if lead is None else [lead]


def lead_year(normalized: str) -> int | None:
    """The year a title opens with, printed without its year character (orgs.yaml title_lead), or
    None: read where no year is written in full (a title's, or a first paragraph that is the title)."""
    m = _TITLE_LEAD.match(normalized)
    return int(m.group(1)) if m else None


def summary_part_year(title: str) -> int | None:
    """The year of a title's summary part where the title also names a plan part (either order):
    the summary's year, or the year before the plan's when the summary's year is masked or not
    written."""
    t = norm(title).replace(" ", "")
    plan, summary = _TITLE_PLAN.search(t), _TITLE_SUMMARY.search(t)
    if plan and not summary:
        bare = _BARE_LEAD_SUMMARY.match(t)
        if bare and int(bare.group("year")) < int(bare.group("plan")):
            return int(bare.group("year"))  # the summary's year printed bare at the title's head
        # the summary part with no year written, the plan's year after it: the year before the plan's
        # (orgs.yaml plan_after_review, as an opening says it)
        m = _PLAN_AFTER_REVIEW.search(t)
        return int(m.group("year")) - 1 if m and not years("", t[:m.start("year")]) else None
    if not plan or not summary:
        return None
    if summary.group("year"):
        return int(summary.group("year"))
    return int(plan.group(1)) - 1


def without_base_years(normalized: str) -> str:
    """The text less the years it names as a comparison's base (orgs.yaml base_year)."""
    return _BASE_YEAR.sub("", normalized)


def is_gov_title(title: str) -> bool:
    return bool(_GOV_REPORT.search(norm(title).replace(" ", "")))


def _month(s: str | None) -> int | None:
    """A month as written (Arabic or Chinese digits); None when masked or missing."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    n = numerals.cn_int(s)
    return int(n) if n is not None else None


def _first_group(m) -> int:
    return int(next(g for g in m.groups() if g))


def _gov_year(report: Report, titles: list[tuple[str, str]]) -> tuple[int, str] | None:
    for s in report.sections:
        m = _REVIEW_HEADING.search(norm(s.heading))
        if m:
            return _first_group(m), "year.gov_report.review_heading"
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    for i, p in enumerate(report.paragraphs[:_limit("title_block_paragraphs")]):
        # the review heading run into a pasted paragraph, or standing unnumbered on its own line
        # under the salutation (no ordinal: no section of the outline)
        if i >= _limit("opening_paragraphs") and p.line_start >= first_head:
            break
        m = _REVIEW_INLINE.search(p.norm_text)
        if m:
            return _first_group(m), "year.gov_report.review_inline"
    block = [p for p in report.paragraphs[:_limit("title_block_paragraphs")] if p.line_start < first_head]
    for i, p in enumerate(block):
        m = _SESSION.search(fold(p.norm_text))  # traditional characters read as simplified
        if not m and i + 1 < len(block):
            # the dateline wrapped over two lines (date and place, then the congress and its session)
            m = _SESSION.search(fold(p.norm_text + block[i + 1].norm_text))
        ys = years(m.group(0)) if m else []
        if ys:
            # a session held late in the year (some districts meet in December) reviews that year
            late = (_month(m.group("month")) or 0) > _limit("session_last_month_of_next_year")
            if _half_year_report(report, titles):  # a mid-year session hears the first half of its year
                return ys[0], "year.gov_report.session_half_year"
            return (ys[0], "year.gov_report.session_late") if late else (ys[0] - 1, "year.gov_report.session")
    found = _session_date_line(report, first_head)
    if found is not None:
        year, late = found
        if _half_year_report(report, titles) or late:
            return year, "year.gov_report.session_date_line_same_year"
        return year - 1, "year.gov_report.session_date_line"
    for s in report.sections:
        m = _PERIOD_REVIEW.search(norm(s.heading).replace(" ", ""))
        if m:  # a five-year review of a plan period reviews its last year
            return _PLAN["periods"][m.group("plan")] + _limit("plan_period_last"), "year.gov_report.period_review"
    for p in report.paragraphs[:_limit("opening_paragraphs") * 2]:
        m = _ESTIMATED.search(p.norm_text)
        if m:  # the reviewed year's figures are estimates
            return _first_group(m), "year.gov_report.estimated"
    for p in report.paragraphs[:_limit("title_block_paragraphs")]:
        if p.line_start >= first_head and p.line_start != report.start_line:
            break
        m = _SCENE_YEAR.search(p.norm_text)  # "2023 was the year of …; over the year, we …"
        if m and _LOOKING_BACK.search(p.norm_text, m.end()):
            return int(m.group(1)), "year.gov_report.review_scene"
    head = report.paragraphs[0].norm_text[:_limit("gov_title_head_chars")] if report.paragraphs else ""
    m = _GOV_REPORT.search(head.replace(" ", ""))
    dated = _DATE_LINE.match(head.replace(" ", "")[m.end():]) if m else None
    if dated:
        # the title line carries the day the report was delivered (a portal prints the date in brackets
        # after the title): a session late in the year reviews that year, any other the year before
        ys = years(dated.group(0))
        late = (_month(dated.group("month")) or 0) > _limit("session_last_month_of_next_year")
        if ys and not _titles_name_year(titles):
            return (ys[0], "year.gov_report.title_date_late") if late else (ys[0] - 1, "year.gov_report.title_date")
    if m and not _titles_name_year(titles):
        ys = years(head.replace(" ", "")[:m.end()])  # the title glued to the speech's first words
        if ys and not _HALF_YEAR.search(head):
            return ys[0] - 1, "year.gov_report.fused_title"
    for t, rule in titles:
        ys = title_years(t, rule)
        if ys and _HALF_YEAR.search(norm(t)):
            return ys[0], "year.gov_report.half_year"
        if ys and rule != FILE_RULE and _SUMMARY_TITLE.search(norm(t)) and not (
                is_gov_title(t) or _MEETING_TITLE.search(norm(t))):
            # a speech filed under a summary's name (the year's work briefing): the year it sums up
            return ys[0], "year.gov_report.summary_title"
        if ys:
            return ys[0] - 1, "year.gov_report.title"
    return None


def _session_date_line(report: Report, first_head: int) -> tuple[int, bool] | None:
    """The session's date where the title block prints the session line without it and the date
    on a line of its own (under the speaker, over the salutation): its year, and whether the
    session met late in the year."""
    block = [p for p in report.paragraphs[:_limit("title_block_paragraphs")] if p.line_start < first_head]
    if not any(_SESSION_PLACE.search(fold(p.norm_text)) for p in block):
        return None
    for p in block:
        m = _DATE_LINE.match(p.norm_text)
        ys = years(p.text, p.norm_text) if m else []
        if ys:
            return ys[0], (_month(m.group("month")) or 0) > _limit("session_last_month_of_next_year")
    return None


def _half_year_report(report: Report, titles: list[tuple[str, str]]) -> bool:
    """Is the government's report one on the first half of the year (its title, or the head of a
    text its title is fused with, says so: orgs.yaml half_year)?  Towns' congresses meet in
    summer to hear it; it reviews the session's own year."""
    first = report.paragraphs[0].norm_text if report.paragraphs else ""
    m = _SESSION.search(fold(first))  # the title is what stands before its dateline
    head = first[:m.start()] if m else first[:_limit("gov_title_head_chars")]
    return any(_HALF_YEAR.search(norm(t)) for t, _ in titles[:1]) or bool(_HALF_YEAR.search(head))


def _sample_title(report: Report, titles: tuple[tuple[str, str], ...]) -> bool:
    """Does the title, as the page printed it (the label is cut from ``titles``), carry a site's
    sample label?"""
    head = report.paragraphs[0].norm_text if report.paragraphs else ""
    return bool(titles and (_SAMPLE_TITLE.search(norm(titles[0][0]))
                            or (titles[0][0] in head and _SAMPLE_TITLE.search(head[:len(titles[0][0]) + 8]))))


def _titles_name_year(titles) -> bool:
    return any(title_years(t, rule) for t, rule in titles)


def _opening_year(report: Report, title: str = "", sample: bool = False) -> int | None:
    """The year the first paragraphs open with (not a date line, a plan's name, a range); with
    ``title``, a paragraph that is only that title line is skipped; with ``sample``, a copy of the
    site's sample-labelled title glued to the head of a paragraph is cut first."""
    paras = [p for p in report.paragraphs if not _DATE_LINE.match(p.norm_text)
             and not (title and p.norm_text.startswith(title) and len(p.norm_text) <= len(title) + 8)]
    for i, p in enumerate(paras[:_limit("opening_paragraphs")]):
        text = p.norm_text
        copy = _SAMPLE_COPY.match(text) if sample else None
        if copy and copy.end() < len(text):
            text = text[copy.end():]  # the site's labelled copy: its year is the site's
        # (an assessment's year cited with its result is the year before's: cut with its sentence part)
        s = _NOT_REPORT_YEAR.sub("", without_base_years(_ASSESSED.sub("", text))[:_limit("year_window")])
        ys = years("", s)
        lead = lead_year(s) if i == 0 and not ys else None
        if lead is not None:
            return lead  # the first line a title whose year lost its year character
        if ys and i == 0:
            # only the year of the plan that follows the work reported: the work is the year before's
            plan = _PLAN_AFTER_REVIEW.search(s)
            if plan and not years("", s[: plan.start("year")]) and int(plan.group("year")) == ys[0]:
                return ys[0] - 1
            return ys[0]  # the first paragraph is the opening: its first year
        # a later paragraph (a document site's next chunk) opens the year only at a sentence's start
        m = _OPENING_PLACE.search(s) if ys else None
        if m:
            return _first_group(m)
    return None


def _meeting_line(report: Report) -> str | None:
    """A subtitle of the title block that says at which year's work conference the report was
    given (a headline above it names only the theme)."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    for p in report.paragraphs[:_limit("title_block_paragraphs")]:
        if p.line_start >= first_head:
            break
        if len(p.norm_text) <= _limit("meeting_line_max_chars") and _MEETING_TITLE.search(p.norm_text) \
                and years(p.text, p.norm_text):
            return p.norm_text
    return None


def _site_year_title(report: Report, title: str) -> bool:
    """Is the title's year one a site put before the file's name: the report's first line holds
    the same title without any year?"""
    t, bare = norm(title).replace(" ", ""), _TITLE_YEAR_PART.sub("", norm(title).replace(" ", ""))
    if not report.paragraphs or bare == t or len(bare) < _limit("site_year_title_min_chars"):
        return False
    head = report.paragraphs[0].norm_text.replace(" ", "")
    at = head.find(bare)
    return 0 <= at <= _limit("site_year_title_offset") and t not in head \
        and not years("", head[:at + len(bare) + _limit("site_year_title_offset")])


def _own_copy_year(report: Report, title: str) -> int | None:
    """The year the text's own copy of its title names, where the page printed that title above it
    with another year: a sharing site restamps its headline with the year it posts in, and the
    document's own copy under it (the same words, another year) dates the report."""
    t = norm(title).replace(" ", "")
    bare = _TITLE_YEAR_PART.sub("", t)
    if bare == t or len(bare) < _limit("site_year_title_min_chars"):
        return None
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    slack = _limit("site_year_title_offset")
    for p in report.paragraphs[:_limit("title_block_paragraphs")]:
        if p.line_start > first_head:
            break
        head = p.norm_text.replace(" ", "")
        glued = _glued_copy_year(head, t, bare, slack)
        if glued is not None:
            return glued
        if p.line_start == first_head:
            break  # (a chunk numbered like a heading is read for its glued pair of copies only)
        if head.startswith(t):
            continue  # the headline itself
        yearless = _TITLE_YEAR_PART.sub("", head)
        at = yearless.find(bare)
        # the copy is a title line (a piece number before it at most), not a sentence naming it
        if 0 <= at <= slack and len(yearless) <= at + len(bare) + slack:
            own = years("", head)
            return own[0] if own else None
    return None


def _glued_copy_year(head: str, title: str, bare: str, slack: int) -> int | None:
    """A document site's first chunk that prints the site's copy of the headline and, run on
    after it, the document's own title with another year (then the text): the own copy's year
    (tests/cases/genre/blocks.yaml).  The copies are compared without their years and masks (the
    site's copy may keep a mask the chunk leaves out); each must name one year."""
    own = years("", title)
    if len(own) != 1:
        return None  # (a title naming two years, a summary's and a plan's: the copies' years not told apart)
    keep = [True] * len(head)
    for m in (*_TITLE_YEAR_PART.finditer(head), *_NAME_MASK.finditer(head)):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    at = [i for i, k in enumerate(keep) if k]  # offsets in head of the compared characters
    yearless, core = "".join(head[i] for i in at), _NAME_MASK.sub("", bare)
    first = yearless.find(core)
    if len(core) < _limit("site_year_title_min_chars") or not 0 <= first <= slack:
        return None
    second = yearless.find(core, first + len(core))
    if not 0 <= second - first - len(core) <= slack:
        return None
    before, copy = years("", head[:at[second]]), years("", head[at[second]:at[second + len(core) - 1] + 1])
    return copy[0] if before == own and len(copy) == 1 and copy[0] != own[0] else None


def _title_copy(line: str, title: str) -> bool:
    """Is ``line`` a copy of the headline, with whatever year (a piece number or a tag at most
    around it)?"""
    bare = _TITLE_YEAR_PART.sub("", norm(title).replace(" ", ""))
    yearless = _TITLE_YEAR_PART.sub("", norm(line).replace(" ", ""))
    return len(bare) >= _limit("site_year_title_min_chars") \
        and 0 <= yearless.find(bare) <= _limit("site_year_title_offset") \
        and len(yearless) <= len(bare) + _limit("site_year_title_offset")


def _restamped_year(report: Report, title: str, stamped: list[int]) -> int | None:
    """On a sharing site's page (its editor's lead-in line stands over the piece), the year the
    body's opening sentence leads with, where it is earlier than every year the site stamped on
    the headline: the site dates its headline by when it posts (orgs.yaml restamp_opening).  The
    headline's copies (the site's and the document's own, any year) are passed over."""
    if len(_TITLE_YEAR_PART.sub("", norm(title).replace(" ", ""))) < _limit("site_year_title_min_chars"):
        return None
    for p in report.paragraphs[:_limit("title_block_paragraphs")]:
        if _DATE_LINE.match(p.norm_text) or _title_copy(p.norm_text, title):
            continue  # a copy of the headline, or a date line
        m = _RESTAMP_OPENING.match(p.norm_text)
        if not m:
            return None  # the opening leads with no year of its own
        year = int(m.group(1))
        return year if year < min(stamped) else None
    return None


def _portal_year(rows: tuple[tuple[int, str], ...]) -> int | None:
    """The year a government portal posted the report on (its page rows: a breadcrumb through
    the open-government listing, then a date row); None on any other site."""
    if not any(_PORTAL_ROW.search(norm(t)) for _, t in rows):
        return None
    for _, t in rows:
        m = _PORTAL_DATE.search(norm(t))
        if m:
            late = int(m.group("month")) > _limit("portal_date_last_month_of_next_year")
            return int(m.group(1)) - (0 if late else 1)
    return None


def _plenum_year(report: Report, half_year: bool = False) -> tuple[int, str] | None:
    """The year the latest dated Party event the report names took place, and the rule: a
    plenary session it names met (orgs.yaml plenum), or a one-year education campaign it carried
    out (orgs.yaml campaign, the group's name its year); the report was written after it.  Only
    for a report that names no year of its own.  A ``half_year`` report is written by July: one
    naming a session of the autumn before is the next year's (every campaign opened by June)."""
    found = []
    for p in report.paragraphs:
        for m in _PLENUM_NAMES.finditer(p.norm_text):
            keys = [m.group("term") + s.group(0) for s in _PLENUM_SESSION.finditer(m.group("sessions"))]
            found.extend((_PLENUM["years"][k], _PLENUM["months"][k], _PLENUM["id"]) for k in keys if k in _PLENUM["years"])
        found.extend((int(m.lastgroup[1:]), 0, _CAMPAIGN["id"]) for m in _CAMPAIGN_NAMES.finditer(p.norm_text))
    if not found:
        return None
    year, month, rule = max(found)
    return (year + 1 if half_year and month > _limit("plenum_month_last_of_half_year") else year), rule


def _half_year_scope(report: Report, titles) -> bool:
    """Does the report review the first half of its year (its title or its own headings say so)?"""
    heads = [t for t, _ in titles[:1]] + [s.heading for s in report.sections]
    return any(_HALF_YEAR_SCOPE.search(norm(h)) for h in heads)


def _reviews_below(sections) -> bool:
    """Does a heading under the top level review a year (a subtitle taken for the top heading
    leaves the review part below it): then the document is no plan of its own."""
    for s in sections:
        for c in s.children:
            if years(c.heading) and cue_role(fold(c.heading)) in _REVIEW_ROLES or _reviews_below((c,)):
                return True
    return False


def _execution_year(report: Report, titles) -> int | None:
    """The year a plan's or budget's execution report (or its audit) reports on: named by its
    title, or, with no year in any title, by its opening's delegation formula (orgs.yaml
    execution_year).  Delivered the year after, it is no review of the session's year before."""
    if titles:
        m = _EXECUTION.search(norm(titles[0][0]).replace(" ", ""))
        if m:
            return int(m.group(1))
        if _titles_name_year(titles):
            return None
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    for p in report.paragraphs[:_limit("opening_paragraphs")]:
        if p.line_start >= first_head:
            break
        m = _EXECUTION.search(p.norm_text)
        if m:
            return int(m.group(1))
    return None


def report_year(report: Report, titles: tuple[tuple[str, str], ...] = (),
                gov_report: bool = False, rows: tuple[tuple[int, str], ...] = (),
                shared: bool = False) -> tuple[int | None, str]:
    """The year whose work is reported, and the rule that read it.  ``titles``: the report's
    titles best first, with the rule that found each (its own, a fused or CMS-row title, the
    file name: org.title.file); ``rows``: the furniture rows of its page (a portal's date);
    ``shared``: the page is a sharing site's (its editor's line leads the piece in)."""
    titles = tuple(titles) or (((report.title, "org.title"),) if report.title else ())
    meeting = _meeting_line(report)
    if meeting and not any(_MEETING_TITLE.search(norm(t)) for t, _ in titles):
        titles, gov_report = (*titles, (meeting, "org.title.meeting_line")), True
    executed = _execution_year(report, titles)
    if executed is not None:
        return executed, "year.execution"
    if gov_report or (titles and (is_gov_title(titles[0][0]) or _MEETING_TITLE.search(norm(titles[0][0])))):
        found = _gov_year(report, list(titles))
        if found:
            return found
    votes: Counter[int] = Counter()
    plans: list[int] = []
    for s in report.sections:
        if shared and titles and _title_copy(s.heading, titles[0][0]):
            continue  # the site's or the document's copy of the headline read as a heading: its year is the title's
        span = _RANGE.search(norm(s.heading))  # a review of several years reviews the last
        if span:
            votes[int(span.group(2))] += _limit("year_vote_review")
            continue
        ys = years(s.heading)
        if not ys:
            continue
        role = cue_role(fold(s.heading))  # traditional characters read as simplified
        if role == "plan":
            plans.append(ys[0])
        elif role in _REVIEW_ROLES:
            votes[ys[0]] += _limit("year_vote_review")
    # a plan heading follows a review of the year before; in a plan's own document, with no
    # review, it is the document's year
    plan_only = not votes and not _reviews_below(report.sections) and bool(titles) \
        and bool(_PLAN_TITLE.search(norm(titles[0][0]).replace(" ", "")))
    # a half year's report plans the rest of the same year
    half = bool(titles) and bool(_HALF_YEAR.search(norm(titles[0][0])))
    for y in plans:
        votes[y - (0 if plan_only or half else 1)] += _limit("year_vote_plan")
    if votes:
        return votes.most_common(1)[0][0], "year.headings"
    if titles:
        ys = title_years(*titles[0])
        restamped = _restamped_year(report, titles[0][0], ys) if ys and shared and titles[0][1] != FILE_RULE else None
        if restamped is not None:
            return restamped, "year.opening.over_restamped_title"  # the site's posting year yields to the body's
        own = _own_copy_year(report, titles[0][0]) if ys and titles[0][1] != FILE_RULE else None
        if own is not None and own not in ys:
            return own, "year.title.own_copy"  # the site's headline year yields to the document's copy
        opening = _opening_year(report, norm(titles[0][0]), sample=True) if ys and _sample_title(report, titles) else None
        if opening is not None:
            return opening, "year.opening.over_sample_title"  # a site's sample label dates the posting
        if ys and titles[0][1] != FILE_RULE and _site_year_title(report, titles[0][0]):
            # the site's upload year on the file's name (repeated on its page rows): not the report's
            titles = tuple(t for t in titles[1:] if ys[0] not in title_years(*t))
            ys = []
        summary = summary_part_year(titles[0][0]) if ys and titles[0][1] != FILE_RULE else None
        if summary is not None and summary != ys[0]:
            return summary, "year.title.summary_part"  # the summary's year, whichever part comes first
        if ys:
            return ys[0], "year.title"
    opening = _opening_year(report)
    if opening is not None:
        return opening, "year.opening"
    for p in report.paragraphs[:_limit("opening_paragraphs")]:
        m = _REPORT_FORMULA.search(p.norm_text)  # the hand-over formula past the opening's window
        if m:
            return int(m.group(1)), "year.report_formula"
    for p in report.paragraphs[:_limit("opening_paragraphs")]:
        m = _REVIEW_PART_INLINE.search(p.norm_text)  # the review part's heading run into the text
        if m:
            return int(m.group(1)), "year.review_part_inline"
    for t, rule in titles[1:]:
        ys = title_years(t, rule)
        if ys:
            return ys[0], "year.title"
    for p in report.paragraphs[:_limit("opening_paragraphs")]:
        m = _PLAN_PHRASE.search(p.norm_text[:_limit("year_window")])
        if m:
            return _PLAN["periods"][m.group("plan")] + _PLAN["years"][m.group("when")], _PLAN["id"]
    for p in report.paragraphs:
        m = _CLOSING.search(p.norm_text)  # "2023 is drawing to its close": the year summed up
        if m:
            return _first_group(m), "year.closing_scene"
    # a year in a document's name (book-title marks: a plan's span, see orgs.yaml document_name) is no year written in
    # nor is a comparison's base year (orgs.yaml base_year)
    allys = Counter(y for p in report.paragraphs
                    for y in years("", without_base_years(_DOCUMENT_NAME.sub("", p.norm_text))))
    top = allys.most_common(2)
    if top and top[0][1] >= _limit("year_min_mentions"):
        return top[0][0], "year.most_named"
    # written within its year ("so far this year"): its one year named, if no other ties it
    this_year = any(_THIS_YEAR.search(p.norm_text) for p in report.paragraphs[:_limit("opening_paragraphs")])
    if top and this_year:
        # a year named only as a span's start ("since 2019", "from its opening in 2018 until now") is
        # past, not the year written in: it neither ties nor stands alone for it
        starts = Counter(int(m.group(1)) for p in report.paragraphs for m in _SPAN_START.finditer(p.norm_text))
        # so is a year whose assessment result the report cites (announced the year after)
        assessed = Counter(int(m.group(1)) for p in report.paragraphs for m in _ASSESSED.finditer(p.norm_text))
        starts.update(assessed)
        if (len(top) == 1 or top[1][1] < top[0][1]) and starts[top[0][0]] < top[0][1]:
            return top[0][0], "year.this_year_opening"
        rest = Counter({y: n - starts[y] for y, n in allys.items() if n > starts[y]}).most_common(2)
        if rest and (len(rest) == 1 or rest[1][1] < rest[0][1]):
            return rest[0][0], "year.this_year_opening.span_start"
        if not rest and assessed:
            return max(assessed) + 1, "year.this_year_opening.assessment"
    posted = _portal_year(rows)
    if posted is not None:
        return posted, "year.portal_date"
    # a masked or unnamed year: the latest plenum or campaign named dates the writing
    dated = _plenum_year(report, _half_year_scope(report, titles))
    return dated if dated is not None else (None, "year.none")
