"""The one place where stages are composed: Document -> ParsedDocument.

Each stage is a pure function of frozen dataclasses.  Work is done report by report, so
memory grows with the largest report, not with the compilation.
"""
from __future__ import annotations

import dataclasses
import os

from .check import run_checks
from .extract.indicators import extract_indicators
from .extract.pairs import find_pairs
from .extract.plans import extract_plan_items
from .ingest import read_document
from .model import Document, ParsedDocument, Report
from .structure import structure


def parse(doc: Document) -> ParsedDocument:
    chrome, reports = structure(doc)
    reports = run_checks.check_all(doc, [extract(r, doc.hints) for r in reports])
    return ParsedDocument(document=doc, chrome_lines=tuple(sorted(chrome)), reports=tuple(reports))


def extract(report: Report, hints=()) -> Report:
    """Figures, target/actual pairs and plan items of one report (``hints``: DOCX table rows)."""
    indicators = extract_indicators(report, hints)
    report = dataclasses.replace(report, indicators=indicators)
    report = dataclasses.replace(report, pairs=find_pairs(report))
    return dataclasses.replace(report, plan_items=extract_plan_items(report))


def parse_path(path: str | os.PathLike, encoding: str | None = None) -> ParsedDocument:
    return parse(read_document(path, encoding=encoding))
