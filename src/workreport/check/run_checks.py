"""Run every check over the reports of one document (the draft checker).

Per-report rules run one report at a time; copied text needs the whole compilation.  Findings
are sorted by line and a rule never reports the same line twice with the same message.
"""
from __future__ import annotations

import dataclasses

from ..model import Document, Finding, Report
from .common import report_lines
from . import copies, enumerations, ordinals, orgnames, placeholders, punctuation, rates, repeats, sections, sums, typos, years

PER_REPORT = (placeholders.check, ordinals.check, enumerations.check, typos.check, punctuation.check, sums.check, rates.check,
              repeats.check, years.check, orgnames.check, sections.check)


def check_report(doc: Document, report: Report) -> list[Finding]:
    out: list[Finding] = []
    lines = report_lines(doc, report)  # normalised once, shared by every rule
    for rule in PER_REPORT:
        out.extend(rule(doc, report, lines))
    return out


def check_all(doc: Document, reports: list[Report]) -> list[Report]:
    """Fill ``findings`` of every report (compilation-wide rules such as copied text need all)."""
    copied = copies.find_copies(reports)
    done = []
    for i, r in enumerate(reports):
        found = check_report(doc, r) + copied.get(i, [])
        unique = list(dict.fromkeys(found))
        unique.sort(key=lambda f: f.line)
        done.append(dataclasses.replace(r, findings=tuple(unique)))
    return done
