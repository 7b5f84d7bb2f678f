"""The one place where stages are composed: Document -> ParsedDocument.

Each stage is a pure function of frozen dataclasses.  Work is done report by report, so
memory grows with the largest report, not with the compilation.  A stage that fails on one
report does not take the document down: the report keeps what the earlier stages made and
the failure is recorded as a Problem (kind "stage_failed"), so nothing is silently lost.
"""
from __future__ import annotations

import dataclasses
import logging
import os
from typing import Callable, TypeVar

from .check import run_checks
from .extract.indicators import extract_indicators
from .extract.pairs import find_pairs
from .extract.plans import extract_plan_items
from .ingest import read_document
from .model import Document, ParsedDocument, Problem, Report
from .structure import structure

log = logging.getLogger(__name__)
T = TypeVar("T")


def parse(doc: Document) -> ParsedDocument:
    furniture, reports = structure(doc)
    problems: list[Problem] = []
    reports = [extract(r, doc.hints, problems) for r in reports]
    reports = _guarded("check", reports[0].start_line if reports else None, problems,
                       lambda: run_checks.check_all(doc, reports), reports)
    return ParsedDocument(document=doc, furniture_lines=tuple(sorted(furniture)), reports=tuple(reports),
                          problems=tuple(problems))


def extract(report: Report, hints=(), problems: list[Problem] | None = None) -> Report:
    """Figures, target/actual pairs and plan items of one report (``hints``: DOCX table rows)."""
    problems = [] if problems is None else problems
    line = report.start_line
    indicators = _guarded("indicators", line, problems, lambda: extract_indicators(report, hints), ())
    report = dataclasses.replace(report, indicators=indicators)
    report = dataclasses.replace(report, pairs=_guarded("pairs", line, problems, lambda: find_pairs(report), ()))
    return dataclasses.replace(
        report, plan_items=_guarded("plan_items", line, problems, lambda: extract_plan_items(report), ()))


def _guarded(stage: str, line: int | None, problems: list[Problem], run: Callable[[], T], fallback: T) -> T:
    try:
        return run()
    except MemoryError:  # the document is past its memory budget (workers.py), not one stage's bug
        raise
    except Exception as exc:  # a bug in one stage must not lose the rest of the document
        log.exception("stage %s failed on the report at line %s", stage, line)
        problems.append(Problem(kind="stage_failed", message=f"{stage}: {type(exc).__name__}: {exc}", line=line))
        return fallback


def parse_path(path: str | os.PathLike, encoding: str | None = None) -> ParsedDocument:
    return parse(read_document(path, encoding=encoding))
