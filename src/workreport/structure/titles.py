"""Names of a report's author outside its sentences: its titles (its own, its first line, one
fused with a first line, a CMS title row, the page's heading, the file name), the CMS author rows
(issuing body, publishing body) and the signature.  Patterns: data/orgs.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import rules
from ..model import Report
from ..textnorm import norm
from . import bodies
from .headings import strip_ordinal
from .names import NAME_MIN, clean_name, government_named_as_superior, is_body, is_self, limit, superior, system_stem

FILE_RULE = "org.title.file"  # the file's name read as a title (weakest: a compilation's name is no report's)

_TABLE = "orgs"
_TITLE_HEAD = rules.pattern(_TABLE, "org.title.head")
_TITLE_TAIL = rules.pattern(_TABLE, "org.title.tail")
TITLE_LINE = rules.pattern(_TABLE, "org.title.line")
_FUSED_TITLE = rules.pattern(_TABLE, "org.fused_title")
_FUSED_BODY_TITLE = rules.pattern(_TABLE, "org.fused_body_title")
_YEAR_CUT = rules.pattern(_TABLE, "org.title.year_cut")
_ROW_AUTHOR = rules.pattern(_TABLE, "org.row.author")
_BREADCRUMB = rules.pattern(_TABLE, "org.row.breadcrumb")
_CRUMB_SEPARATOR = re.compile(r"\s*[>»›]+\s*")
_ROW_TITLE = rules.pattern(_TABLE, "org.row.title")
_ESSAY_TITLE = rules.pattern(_TABLE, "org.row.essay_title")
_GOV_TITLE = rules.pattern(_TABLE, "org.next_year_genre")
_BARE_KIND = rules.pattern(_TABLE, "org.title.bare_kind")
_STOP = rules.compiled(rules.piece("sentence_stop"))
_SUBTITLE = rules.pattern(_TABLE, "org.title.subtitle")
_SITE_PREFIX = rules.pattern(_TABLE, "org.title.site_prefix")
_FIELD = rules.pattern(_TABLE, "org.self_reference.title_field")
_SPEECH_POST = rules.entry(_TABLE, "org.title.speech_post")
_SPEECH_POST_RE = rules.compiled(_SPEECH_POST["pattern"])
_SPEAKER_LINE = rules.pattern(_TABLE, "org.speech.speaker_line")
_DATE_LINE = rules.pattern(_TABLE, "org.year.date_line")
_TRANSMIT = rules.pattern("split", "split.transmit")
_SIGNOFF = int(rules.limit("split", "split.issued_signoff_paragraphs"))


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a report's surroundings say about its author: the page-furniture lines of its page
    (line, text) — CMS rows (issuing body, title) are dropped as furniture but still name the
    author — and the file's name when the file holds this report alone."""

    rows: tuple[tuple[int, str], ...] = ()
    file_title: str | None = None


# ---- names outside the sentences: titles, CMS rows, signatures ----------------------------

def org_from_title(title: str) -> str | None:
    """The author a title names: the longest head of the title (less a compilation's number, a
    leading "about" or year) that names a known body: a district's city-management bureau before
    "2022 work summary", a bureau before a year written without its year word, a health commission
    before its own function repeated (orgs.yaml title_head, title_tail)."""
    s = norm(title)
    off = len(s) - len(s.lstrip())
    # a portal's owner or name before the title with a mark: the title's own body, when it names one
    site = _SITE_PREFIX.match(s.rstrip(), off)
    if site:
        own = org_from_title(title[site.start("title"):])
        if own:
            return own
    off += len(s[off:]) - len(strip_ordinal(s[off:]))
    head = _TITLE_HEAD.match(s, off)
    off = head.end() if head else off
    s = _TITLE_TAIL.sub("", s[off:].rstrip())[: limit("title_name_max_chars")]
    for end in range(len(s), NAME_MIN - 1, -1):
        cand = s[:end]
        # (a government named as a superior heads its own report, not one on a department's field)
        own_government = government_named_as_superior(cand) and not _names_field(s[end:])
        if _placeless_government(cand) and not _GOV_TITLE.search(s):
            continue  # "government information disclosure": no government of any place
        if is_body(cand) and not is_self(cand) and (clean_name(cand) == cand or own_government):
            # a site's or a column's name before a space is no owner of the body after it
            gap = max(cand.rfind(" "), cand.rfind("\u3000"))
            tail = cand[gap + 1:]
            if gap > 0 and not bodies.is_owner(cand[:gap].strip()) and is_body(tail) and clean_name(tail) == tail:
                return title[off + gap + 1: off + end]
            return title[off: off + end]
    dashes = list(_SUBTITLE.finditer(title))  # a slogan, then the report after a dash
    if dashes and dashes[-1].end() < len(title):
        return org_from_title(title[dashes[-1].end():])
    # a template's government work report that kept only its author's kind (the township's)
    return bare_kind(title) if _GOV_TITLE.search(s) else speech_post(title)


def _names_field(rest: str) -> bool:
    """Does the rest of a title name a department's line of work ("civil affairs work summary")?
    A period or a stress ("first half-year's key work") names none: the government's own report."""
    f = _FIELD.search(rest)
    return bool(f) and system_stem(f.group("stem")) is not None


def _placeless_government(name: str) -> bool:
    """A government named with no place at all (a title's "government information …"): read as
    a government only where the title is a government work report (bare_kind)."""
    m = bodies.classify_body(name)
    return m is not None and m.comprehensive and not m.prefix and not m.place


def speech_post(title: str) -> str | None:
    """The body a leader's speech speaks for, from the post its title names (orgs.yaml
    speech_post): the government of a head of government's place, the body named before a
    head's or a secretary's post, else the department of the meeting's line in its scope."""
    s = bodies.fold(norm(title)).strip()
    m = _SPEECH_POST_RE.match(s)
    if not m:
        return None
    owner, post = m.group("owner"), m.group("post")
    place = _SPEECH_POST["governments"].get(post)
    if place:
        return (owner if owner.endswith(place) else owner + place) + _SPEECH_POST["government_body"]
    dept = _SPEECH_POST["department_heads"].get(post)
    if dept:  # the department as the title writes it (a traditional-script page keeps its script)
        raw = norm(title).strip()[m.start("owner"): m.start("post") + len(dept)]
        return raw if is_body(raw) else None
    if owner and is_body(owner) and clean_name(owner) == owner:
        return owner
    organ = _SPEECH_POST["heads"].get(post)
    stem = system_stem(m.group("topic")) if organ and m.group("topic") else None
    name = (m.group("scope") or "") + stem + organ if stem else None
    return name if name and is_body(name) else None


def bare_kind(title: str) -> str | None:
    """The kind of place a template's title keeps instead of its author's name (the town's
    half-year summary), as written (orgs.yaml title_bare_kind)."""
    s = norm(title)
    off = len(s) - len(s.lstrip())
    off += len(s[off:]) - len(strip_ordinal(s[off:]))
    head = _TITLE_HEAD.match(s, off)
    off = head.end() if head else off
    bare = _BARE_KIND.match(bodies.fold(s[off:]))
    return title[off: off + bare.end("kind")] if bare else None


def is_prose(p) -> bool:
    """A paragraph of the report's text (long, ending a sentence): a report's title and a
    speech's title block stand above its first such paragraph, never below it."""
    return len(p.norm_text) >= limit("prose_min_chars") and bool(_STOP.search(p.norm_text))


def fused_title(report: Report) -> tuple[str, int] | None:
    """A title glued to the start of one of the report's first lines (one-line pages,
    document-sharing chunks numbered "1."), with its line (orgs.yaml fused_title)."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    for p in report.paragraphs[: limit("opening_paragraphs")]:
        if p.line_start >= first_head and p.line_start != report.start_line:
            break  # the first line itself may have been read as a numbered heading (a chunk number)
        m = _FUSED_TITLE.match(p.norm_text)
        if m:
            return p.text[m.start("title"): m.end("title")], p.line_start
        body_led = body_led_title(p.norm_text) if p.line_start == report.start_line else None
        if body_led:
            return body_led, p.line_start
        if is_prose(p):
            break  # below the report's first paragraph of text: a later report's title
    return None


def body_led_title(text: str) -> str | None:
    """A title with no year glued to a one-line page's first sentence, when it begins with a
    known body's name (orgs.yaml fused_body_title): the title."""
    m = _FUSED_BODY_TITLE.match(norm(text))
    if m is None:
        return None
    title = m.group("title").strip()
    org = org_from_title(title)
    return title if org and title.startswith(org) and not is_self(org) else None


def row_title(ev: Evidence) -> tuple[str, int] | None:
    for line, text in ev.rows:
        m = _ROW_TITLE.search(norm(text))
        if m:
            return text[m.start("title"): m.end("title")].strip(), line
    return None


def essay_title(ev: Evidence, before: int) -> tuple[str, int] | None:
    """The piece an essay site's lead says it presents (orgs.yaml rows.essay_title), a furniture
    row above the report's first heading (a lead in the page's tail presents another piece)."""
    for line, text in ev.rows:
        if line >= before:
            continue
        m = _ESSAY_TITLE.search(norm(text))
        if m:
            return text[m.start("title"): m.end("title")].strip(), line
    return None


def row_authors(ev: Evidence) -> list[tuple[str, int]]:
    out = []
    for line, text in ev.rows:
        s = bodies.fold(norm(text))  # a portal's traditional-character version labels its rows so too
        for m in _ROW_AUTHOR.finditer(s):
            nm = text[m.start("name"): m.end("name")]
            if is_body(nm):
                out.append((nm, line))
    return out


def masthead_bodies(ev: Evidence, before: int) -> list[tuple[str, int]]:
    """The bodies a page's head rows name alone, above the report (a portal's masthead: the
    department whose site it is), with the row's line."""
    out = []
    for line, text in ev.rows:
        s = re.sub(r"\s+", "", norm(text))
        if line < before and NAME_MIN <= len(s) <= limit("signature_max_chars") and clean_name(s) == s \
                and strip_ordinal(s) == s \
                and is_body(s) and not is_self(s) and not superior(s, 0, len(s)):
            out.append((s, line))
    return out


def breadcrumb_bodies(ev: Evidence) -> list[tuple[str, int]]:
    """The bodies a portal's breadcrumb rows name as a section of their own (the department
    whose disclosure column holds the page), with the row's line."""
    out = []
    for line, text in ev.rows:
        s = norm(text)
        if _BREADCRUMB.search(s):
            out += [(seg, line) for seg in _CRUMB_SEPARATOR.split(s.strip())
                    if seg and is_body(seg) and clean_name(seg) == seg and not is_self(seg)]
    return out


def signature(report: Report) -> tuple[str, int] | None:
    """A body's name alone on one of the last lines (the signature above the date)."""
    for p in reversed(report.paragraphs[-limit("signature_paragraphs"):]):
        s = re.sub(r"\s+", "", p.norm_text)
        if NAME_MIN <= len(s) <= limit("signature_max_chars") and is_body(s) and not is_self(s):
            return p.text.strip(), p.line_start
    return None


def _line_title(report: Report) -> tuple[str, int] | None:
    """The report's first line read as its title when it has the shape of one (short, no
    sentence, genre words at its end) and names a body or a government work report (also
    letter-spaced)."""
    if not report.paragraphs:
        return None
    p = report.paragraphs[0]
    s = bodies.fold(re.sub(r"\s+", "", p.norm_text))  # a traditional-script title's genre words too
    if len(s) > limit("title_line_max_chars") or not TITLE_LINE.search(s):
        return None
    return (p.text.strip(), p.line_start) if _GOV_TITLE.search(s) or org_from_title(p.text) else None


def report_titles(report: Report, ev: Evidence) -> list[tuple[str, int | None, str]]:
    """The report's titles, best first: its own, its first line when shaped like one, one fused
    with one of its first lines, a CMS title row, the page heading, the file name (line None)."""
    out = []
    if report.title:
        out.append((_year_cut_title(report) or report.title, report.start_line, "org.title"))
    else:
        line = _line_title(report)
        if line:
            out.append((*line, "org.title.line"))
        fused = fused_title(report)
        if fused:
            out.append((*fused, "org.title.fused"))
    row = row_title(ev)
    if row:
        out.append((*row, "org.title.row"))
    page = _page_title(report, ev)
    if page:
        out.append((*page, "org.title.page"))
    essay = essay_title(ev, report.sections[0].line if report.sections else report.end_line + 1)
    if essay:
        out.append((*essay, "org.title.essay"))
    if ev.file_title:
        out.append((ev.file_title, None, FILE_RULE))
    return out


def year_cut(piece: str, title: str) -> str | None:
    """A title a PDF cut after its year's digits, read as one (orgs.yaml title.year_cut)."""
    m = _YEAR_CUT.match(f"{norm(piece).strip()}\n{norm(title).strip()}")
    return m.group("piece") + m.group("rest") if m else None


def _year_cut_title(report: Report) -> str | None:
    """The report's title with the piece over it on its first line, when a PDF cut the year there."""
    lines = [p for p in report.paragraphs[:2]]
    if len(lines) < 2 or lines[0].line_start != report.start_line:
        return None
    if norm(lines[1].text).strip() != norm(report.title or "").strip():
        return None
    return year_cut(lines[0].text, lines[1].text)


def _page_title(report: Report, ev: Evidence) -> tuple[str, int] | None:
    """The page's heading above the report, taken for furniture (a title repeated around a date
    row): the last such row before the report that names a body."""
    for line, text in reversed(ev.rows):
        s = re.sub(r"\s+", "", norm(text))
        if line < report.start_line and len(s) <= limit("title_line_max_chars") and TITLE_LINE.search(s) \
                and not _BREADCRUMB.search(s) and org_from_title(text):  # (a crumb path ends with its section, not a title)
            return text.strip(), line
    return None


def page_rows(report: Report, ev: Evidence) -> Evidence:
    """``ev`` with the CMS rows the report's first lines still hold (not marked as furniture)."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    extra = tuple((p.line_start, p.text) for p in report.paragraphs[: limit("title_block_paragraphs")]
                  if p.line_start < first_head and len(p.text) <= limit("row_max_chars")
                  and (_ROW_AUTHOR.search(p.norm_text) or _ROW_TITLE.search(p.norm_text)
                       or _ESSAY_TITLE.search(p.norm_text)))
    return replace(ev, rows=ev.rows + extra) if extra else ev


def speaker_line(text: str) -> str | None:
    """The department a speaker's line under a session's dateline names: its name first, then
    nothing, its head's post, or the head's name (orgs.yaml speaker_line).  A government is no
    speaker's department here: its head's line names the government itself (org.speech.byline)."""
    s = norm(text).strip()
    found = bodies.mentions(s, bodies.table().end_chars)
    if not found or found[0].start != 0 or found[0].body.comprehensive or not _SPEAKER_LINE.match(s[found[0].end:]):
        return None
    name = found[0].name
    return name if is_body(name) and clean_name(name) == name and not is_self(name) else None


def byline(report: Report, title_line: int | None) -> tuple[str, int] | None:
    """A body's name alone on the line right under the title (the author's byline: a plan
    report's department under a title that names only its place), or further down the title
    block over the date line of its delivery (title, author, "(date)": a page's rows between)."""
    if title_line is None:
        return None
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    after = [p for p in report.paragraphs if p.line_start > title_line]
    for k, p in enumerate(after[: limit("byline_block_paragraphs")]):
        if p.line_start >= first_head or is_prose(p):
            return None
        if not _name_alone(p.norm_text):
            continue
        near = k == 0 and p.line_start <= title_line + limit("byline_gap_lines")
        dated = k + 1 < len(after) and bool(_DATE_LINE.match(after[k + 1].norm_text))
        return (p.text.strip(), p.line_start) if near or dated else None
    return None


def notice_issuer(report: Report) -> tuple[str, int] | None:
    """The body that signed a notice issuing the report's document, at the report's head (the
    addressees, the sentence that issues the document to them, the issuer's name alone over the
    date, then the document under its own title): the issuer, with its line.  A document issued
    so is its issuer's; the name is the notice's signature, read only right over its date line."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    paras = report.paragraphs[: limit("title_block_paragraphs")]
    for k, p in enumerate(paras):
        if p.line_start >= first_head:
            return None
        if not _TRANSMIT.search(bodies.fold(re.sub(r"\s+", "", p.norm_text))):
            continue
        below = paras[k + 1: k + 1 + _SIGNOFF]
        for q, date in zip(below, below[1:]):
            if _name_alone(q.norm_text) and _DATE_LINE.match(date.norm_text):
                return q.text.strip(), q.line_start
        return None
    return None


def _name_alone(text: str) -> bool:
    """Does the line hold a body's name and nothing else (not a superior, not "our bureau")?"""
    s = re.sub(r"\s+", "", text)
    return NAME_MIN <= len(s) <= limit("signature_max_chars") and not is_self(s) and clean_name(s) == s \
        and is_body(s) and not superior(s, 0, len(s))


def lone_name(report: Report) -> tuple[str, int] | None:
    """A report that opens with a body's name alone on its first line, over its text (a portal's
    page whose title was lost keeps the author's line; a compiler's head line): that body."""
    first = report.paragraphs[0] if report.paragraphs else None
    if first is None or any(s.line == first.line_start for s in report.sections):
        return None
    s = re.sub(r"\s+", "", first.norm_text)
    if not (NAME_MIN <= len(s) <= limit("signature_max_chars")) or is_self(s) or clean_name(s) != s \
            or not is_body(s) or superior(s, 0, len(s)) or len(report.paragraphs) < 2:
        return None
    return first.text.strip(), first.line_start


# ---- the author ---------------------------------------------------------------------------
