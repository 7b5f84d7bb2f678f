"""Which two reports to compare in tracking: the older year's and the newer year's of one body.

``track.track`` follows the targets of one Report into another; this module chooses them.  A
file holding one report is known by the place its name names ("2025年吉林省政府工作报告.txt" ->
吉林), which is steadier than a body found in the text; reports inside a compilation by the
body (else the region) they name.
"""
from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable

from . import rules
from .errors import NoReportFound
from .model import ParsedDocument, Report
from .track import TrackResult, track


@lru_cache(maxsize=None)
def _pat(key: str) -> re.Pattern:
    return rules.compiled("|".join(f"(?:{e['pattern']})" for e in rules.load("plans")[key]))


def place_key(path: str) -> str:
    """The place a report file is named after, without year, title words or admin suffix."""
    name = _pat("file_name_noise").sub("", os.path.basename(path))
    return _pat("admin_suffix").sub("", name)


def pair_files(old_paths: list[str], new_paths: list[str]) -> list[tuple[str, str]]:
    """Pair files of two years by the place in their names; unmatched files are left out."""
    new_by: dict[str, list[str]] = {}
    for p in new_paths:
        new_by.setdefault(place_key(p), []).append(p)
    pairs = []
    for p in old_paths:
        hits = new_by.get(place_key(p), [])
        if len(hits) == 1:
            pairs.append((p, hits[0]))
    return pairs


def whole_report(parsed: ParsedDocument) -> Report:
    """The document as one report: a provincial report may come out of the splitter in parts,
    and tracking looks for a body's statements wherever they are."""
    reps = parsed.reports
    if not reps:
        raise NoReportFound(parsed.document.path)
    main = max(reps, key=lambda r: r.end_line - r.start_line)
    return Report(start_line=reps[0].start_line, end_line=reps[-1].end_line, org=main.org, level=main.level,
                  region=main.region, domain=main.domain, year=main.year, title=main.title,
                  sections=tuple(s for r in reps for s in r.sections),
                  paragraphs=tuple(p for r in reps for p in r.paragraphs),
                  indicators=tuple(i for r in reps for i in r.indicators),
                  plan_items=tuple(i for r in reps for i in r.plan_items))


def track_files(old_path: str, new_path: str, encoding: str | None = None) -> TrackResult:
    """Parse two files and follow the older one's targets into the newer one."""
    from .pipeline import parse_path

    old_p, new_p = parse_path(old_path, encoding=encoding), parse_path(new_path, encoding=encoding)
    result = track(whole_report(old_p), whole_report(new_p))
    return dataclasses.replace(result, old=dataclasses.replace(result.old, path=old_p.document.path),
                               new=dataclasses.replace(result.new, path=new_p.document.path))


def report_pairs(reports: Iterable[dict], place: Callable[[dict], str | None] | None = None) -> list[dict]:
    """Pairs (year N, year N+1) of library reports by the same body, newest first.

    ``reports``: the Library's report dicts.  ``place(report)`` keys a report that is alone in
    its file (by default the place in its file name).
    """
    place = place or (lambda r: place_key(r.get("path") or "") or None)
    reports = list(reports)
    per_doc = Counter(r.get("document_id", r.get("path")) for r in reports)
    by_org: dict[str, dict[int, dict]] = defaultdict(dict)
    for r in reports:
        single = per_doc[r.get("document_id", r.get("path"))] == 1
        who = (place(r) if single else None) or r.get("org") or r.get("region")
        if who and isinstance(r.get("year"), int):
            by_org[who].setdefault(r["year"], r)
    pairs = []
    for org, years in by_org.items():
        for y, old in years.items():
            new = years.get(y + 1)
            if new:
                pairs.append({"org": org, "old_year": y, "new_year": y + 1, "old": old["id"], "new": new["id"]})
    pairs.sort(key=lambda p: (-p["new_year"], p["org"]))
    return pairs
