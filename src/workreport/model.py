"""Frozen dataclasses handed between the pipeline stages.

Every object carries the 1-based line(s) of the text it came from and, where a rule
made it, the id of that rule (``rule``), so any value can be traced to its source.
Lines are lines of ``Document.lines`` (the text the pipeline read).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .textnorm import norm, norm_line

FORMATS = ("txt", "html", "docx", "pdf")
LEVELS = ("national", "province", "city", "county_district", "township_street", "enterprise_other")
ROLES = ("achievements", "highlights", "problems", "plan", "suggestions", "overview", "other")
KINDS = ("actual", "target", "rate", "growth", "placeholder")
PERIOD_KINDS = ("annual", "cumulative", "to_date", "point")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class LineHint:
    """Layout evidence a reader found for one line (DOCX heading style, Word numbering)."""

    line: int
    outline_level: int | None = None  # 1 = 标题 1 / Heading 1
    numbered: bool = False  # the ordinal at the start of the line was rendered from numbering.xml
    style: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    sha256: str
    format: str  # one of FORMATS
    encoding: str
    lines: tuple[str, ...]  # lines[0] is line 1
    hints: tuple[LineHint, ...] = ()
    # ``lines`` normalised once for matching (textnorm.norm keeps every length, so offsets
    # found in a normalised line are offsets in the line); stages read these, never re-normalise.
    # The ingest stage passes its reading (site debris blanked: ingest/debris.py); without one,
    # or one of other lines, the plain normalisation.
    norm_lines: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.norm_lines) != len(self.lines):
            object.__setattr__(self, "norm_lines", tuple(norm_line(line) for line in self.lines))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line(self, n: int) -> str:
        return self.lines[n - 1]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A logical paragraph: one or more source lines joined across page breaks.

    ``pieces`` maps offsets of ``text`` back to lines: (line, offset in text where it starts).
    ``norm_text`` is ``text`` normalised (same length); the builder passes the document's
    normalised lines joined, anything else gets it computed here.
    """

    line_start: int
    line_end: int
    text: str
    pieces: tuple[tuple[int, int], ...]
    rule: str = "paragraph.line"
    norm_text: str = field(default="", repr=False, compare=False)
    # where each piece starts in ``text`` (the pieces' offsets), searched without a key function
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.norm_text) != len(self.text):
            object.__setattr__(self, "norm_text", norm(self.text))
        object.__setattr__(self, "starts", tuple(start for _, start in self.pieces))

    def piece_index(self, offset: int) -> int:
        """Index in ``pieces`` of the line holding a character offset of ``text``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def line_at(self, offset: int) -> tuple[int, int]:
        """(line, column in that line) of a character offset in ``text``."""
        line, start = self.pieces[self.piece_index(offset)]
        return line, offset - start

    def piece_end(self, offset: int) -> int:
        """Offset in ``text`` where the line holding ``offset`` ends."""
        k = bisect_right(self.starts, offset)
        return self.starts[k] if k < len(self.starts) else len(self.text)


@dataclass(frozen=True, slots=True)
class Heading:
    """A paragraph that opens an outline item."""

    line: int
    family: str  # outline family id, e.g. "cn_dun" for 一、
    ordinal: str | None  # as written (normalized brackets), e.g. "一", "(一)", "1", "一是"; None if lost
    value: int | None  # numeric value of the ordinal; None if lost or absent
    heading: str  # heading text as written (first sentence of the paragraph)
    rule: str
    inline_body: bool = False  # the paragraph goes on after the heading sentence


@dataclass(frozen=True, slots=True)
class Section:
    line: int
    heading: str
    ordinal: str | None
    depth: int
    role: str
    children: tuple["Section", ...] = ()
    family: str = ""
    value: int | None = None
    inferred_ordinal: str | None = None  # recovered from the siblings' sequence when lost
    end_line: int = 0
    rule: str = ""
    role_rule: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """[start, end) character offsets in one line of ``Document.lines``."""

    start: int
    end: int

    def shift(self, by: int) -> "Span":
        return Span(self.start + by, self.end + by)


@dataclass(frozen=True, slots=True)
class Indicator:
    line: int
    span: Span  # where the figure is in that line
    text: str  # the figure as written: exactly line[span.start:span.end]
    value: str  # number as written
    number: float | None
    unit: str
    measure: str
    kind: str  # one of KINDS
    normalized_value: float | None = None
    normalized_unit: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # 余, 多, 近, 约, 以上, 左右 ...
    rules: tuple[str, ...] = ()  # every rule that made it, in order: reader, unit, kind
    measure_phrase: str = ""  # the measure as the text words it; ``measure`` is its canonical name
    # the year (or first year of the range ending ``period_end``) the figure is about, and how:
    # one of PERIOD_KINDS; ``period_rule`` is the id of the time cue (or default) that decided it
    period: int | None = None
    period_end: int | None = None
    period_kind: str | None = None
    period_rule: str = ""

    @property
    def col(self) -> int:
        return self.span.start


@dataclass(frozen=True, slots=True)
class Pair:
    line: int
    measure: str
    target: Indicator
    actual: Indicator
    completion: float | None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class PlanItem:
    line: int
    text: str
    targets: tuple[Indicator, ...] = ()
    deadline: str | None = None
    lead_org: str | None = None  # the body named to lead the work (牵头单位)
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem the checker found.  ``rule`` is its kind (sum_mismatch, typo, …: the contract's
    ``rule``); ``rule_id`` the data rule that made it.  ``span`` is where ``wrong`` stands in the
    line (``wrong == line[span.start:span.end]``), None for a finding about a whole report."""

    line: int
    rule: str
    severity: str  # one of SEVERITIES
    message: str
    wrong: str | None = None
    right: str | None = None
    span: "Span | None" = None
    rule_id: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the pipeline could not do for part of the input; never silently dropped."""

    kind: str
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of a report that plays a role without a heading of its own, e.g. the problems
    paragraph of a review that opens "同时也要看到…" (``cue``: the words that said so)."""

    line_start: int
    line_end: int
    role: str  # one of ROLES
    cue: str
    rule: str


@dataclass(frozen=True, slots=True)
class Report:
    start_line: int
    end_line: int
    org: str | None = None  # the body that wrote the report, as named
    level: str | None = None
    region: str | None = None
    domain: str | None = None
    year: int | None = None
    title: str | None = None
    org_line: int | None = None  # where ``org`` was found
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    pairs: tuple[Pair, ...] = ()
    plan_items: tuple[PlanItem, ...] = ()
    findings: tuple[Finding, ...] = ()
    rule: str = ""
    # the rules that named the author and read its level, domain and year (for tracing)
    org_rule: str = ""
    level_rule: str = ""
    domain_rule: str = ""
    year_rule: str = ""
    parts: tuple[Part, ...] = ()  # heading-less parts (a problems paragraph inside the review)


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    document: Document
    furniture_lines: tuple[int, ...]  # page furniture (the contract's ``chrome_lines``)
    reports: tuple[Report, ...]
    problems: tuple[Problem, ...] = field(default=())


def walk_sections(sections: tuple[Section, ...], depth: int = 1):
    """Yield every section of a tree in document order."""
    for s in sections:
        yield s
        yield from walk_sections(s.children, depth + 1)


def enclosing_sections(sections: tuple[Section, ...], line: int) -> tuple[Section, ...]:
    """The chain of sections (outermost first) whose span holds ``line``."""
    chain: list[Section] = []
    level = sections
    while True:
        inner = None
        for s in level:
            if s.line <= line <= (s.end_line or s.line):
                inner = s
        if inner is None:
            return tuple(chain)
        chain.append(inner)
        level = inner.children


def role_at(report: Report, line: int) -> str | None:
    """Role of ``line``: a heading-less part holding it (a problems paragraph inside the review),
    else the innermost section holding it (None before the first heading)."""
    for p in report.parts:
        if p.line_start <= line <= p.line_end:
            return p.role
    chain = enclosing_sections(report.sections, line)
    return chain[-1].role if chain else None
