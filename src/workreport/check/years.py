"""Years that contradict the year the report reviews (year_mismatch).

The reviewed year is voted by the report itself: the year its opening sentence starts with
("In 2024, the district water bureau …"), the years of its review headings, its plan headings'
years minus one; the parsed report year only breaks a tie.  Then (patterns: checks.yaml ``year``):
- a heading of the review naming the year before or after it ("(2) Key projects of 2025" in a
  2024 review; "1. Work done in 2024" in a 2025 report), a plan heading naming the reviewed year
  or an earlier one ("3. Work plan for 2024" in a 2024 report);
- in the plan, a sentence opening with a year that says what will be done ("In 2023, our bureau
  will …") or a deadline ("by the end of 2025") that is not after the reviewed year;
- in the review, a sentence opening with the year before, telling what was done ("In 2024, the
  town built …" in a 2025 review; a year after it there is more often a plan paragraph under no
  plan heading than a slip).
Ranges (2024-2026), base years ("compared with 2023") and later horizons ("by 2027") are never
judged.
"""
from __future__ import annotations

from collections import Counter

from .. import rules
from ..model import Document, Finding, Report, Span, role_at, walk_sections
from .common import message, report_lines

_P = {k: rules.pattern("checks", f"check.year.{k}") for k in ("heading", "opening", "sentence", "deadline", "future",
                                                               "multi_year")}
_REVIEW = ("achievements", "overview", "highlights", "problems", None)


def _year_at(m) -> int:
    return int(m["y"])


def reviewed_year(doc: Document, report: Report) -> int | None:
    votes: Counter = Counter()
    for p in report.paragraphs[:2]:  # the title or the opening sentence
        m = _P["opening"].match(p.norm_text)
        if m:
            votes[_year_at(m)] += 1
            break
    for s in walk_sections(report.sections):
        m = _P["heading"].match(doc.norm_lines[s.line - 1])
        if not m:
            continue
        if s.role == "plan":
            votes[_year_at(m) - 1] += 1
        elif s.role in _REVIEW:
            votes[_year_at(m)] += 1
    if not votes:
        return None  # nothing in the report says which year it reviews: judge nothing
    best = max(votes.values())
    tops = [y for y, n in votes.items() if n == best]
    if len(tops) == 1:
        return tops[0]
    return report.year if report.year in tops else None


def _finding(ln: int, text: str, m, key: str, right_year: int, reviewed: int, rid: str) -> Finding:
    a, b = m.span("y")
    right = str(right_year)
    return Finding(line=ln, rule="year_mismatch", severity="warning",
                   message=message(key, wrong=text[a:b], right=right, year=reviewed),
                   wrong=text[a:b], right=right, span=Span(a, b), rule_id=rid)


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    year = reviewed_year(doc, report)
    if year is None:
        return []
    out: list[Finding] = []
    heads = {s.line: s for s in walk_sections(report.sections)}
    many_years = bool(_P["multi_year"].search("".join(s.heading for s in report.sections)))
    for ln, text, nt in lines:
        role = role_at(report, ln)
        s = heads.get(ln)
        if s is not None:
            m = _P["heading"].match(nt)
            if m:
                y = _year_at(m)
                if s.role == "plan" and y <= year:
                    out.append(_finding(ln, text, m, "year_mismatch.plan_heading", year + 1, year, "check.year.heading"))
                elif s.role in _REVIEW and abs(y - year) == 1:
                    out.append(_finding(ln, text, m, "year_mismatch.review_heading", year, year, "check.year.heading"))
        if role == "plan":
            for m in _P["sentence"].finditer(nt):
                y = _year_at(m)
                if y <= year and _P["future"].search(m["rest"]):
                    out.append(_finding(ln, text, m, "year_mismatch.plan", year + 1, year, "check.year.sentence"))
            for m in _P["deadline"].finditer(nt):
                if _year_at(m) <= year:
                    out.append(_finding(ln, text, m, "year_mismatch.deadline", year + 1, year, "check.year.deadline"))
        elif role in _REVIEW and not many_years:
            for m in _P["sentence"].finditer(nt):
                y = _year_at(m)
                if y == year - 1 and not _P["future"].search(m["rest"]) and (s is None or m.start() > 0):
                    out.append(_finding(ln, text, m, "year_mismatch.review", year, year, "check.year.sentence"))
    return list({(f.line, f.span): f for f in out}.values())
