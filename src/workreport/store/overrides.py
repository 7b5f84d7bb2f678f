"""Corrections that stick: a person's fix of a report's org, level, domain or year, or its
deletion, kept apart from what the parser found and applied again every time the document is
written — an ingest of the same file, a re-parse, a new version of the rules, an edited file.

Values are corrected in the ``reports`` row itself (and in the search index), so every reader —
the library list, facets, search, compare, track pairing, exports — sees the corrected value
without knowing overrides exist.  ``overrides`` keeps the correction and the parser's own value;
``edit_log`` keeps every change with its time and old and new value.

Which report a correction belongs to after a re-parse (``match``): the parser may cut the same
document differently once its rules change, so a correction is keyed by the document's SHA-256
and the report's first line, with that line's text, the title and the parser's org as fallbacks
— first the report starting on the same line, then the one starting on a line with the same
text, the same title, the same parsed org (each only when unambiguous), then the report that
now starts inside the old one's lines (a boundary moved down; of a report cut in pieces, the
first piece), and last the report holding the old first line (a boundary moved up).  A correction no report answers to is kept, not applied
to a guess: ``unmatched`` lists it, and it applies again if a later parse brings its report back.

This module is pure (no database): the store's SQL for overrides and the log is in
``override_sql.py``, shared by every backend.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping

from ..errors import EditError
from ..labels import LEVEL_LABELS
from ..model import LEVELS as _PARSER_LEVELS

FIELDS = ("org", "level", "domain", "year")
LEVELS = tuple(dict.fromkeys(("national", *_PARSER_LEVELS)))  # CONTRACT.md, in rank order
YEAR_RANGE = (1949, 2100)
MAX_ORG_CHARS = 100
_SHA_PREFIXED = re.compile(r"^([0-9a-f]{12})-(.+)$")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def display_name(path: str | None, sha256: str | None = None) -> str:
    """The file's own name: the base name, without the ``<sha256 prefix>-`` an upload is stored
    under (stripped only when the prefix is this file's own hash, so no real name is cut)."""
    base = os.path.basename((path or "").replace("\\", "/"))
    m = _SHA_PREFIXED.match(base)
    if m and sha256 and sha256.startswith(m.group(1)):
        return m.group(2)
    return base


def domains() -> tuple[str, ...]:
    """The closed domain vocabulary of CONTRACT.md (data/bodies.yaml ``domains``)."""
    from .. import rules

    return tuple(rules.load("bodies")["domains"])


# -- validating a correction -----------------------------------------------------------------


def clean_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """``{field: value}`` checked against the closed vocabularies; ``None`` = back to the parser's
    value.  A level may be given as its code or its Chinese label (县区级)."""
    out: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "unit":  # the v1 name of org
            field = "org"
        if field not in FIELDS:
            raise EditError(f"不能修改 {field!r}：可改的是 {', '.join(FIELDS)}")
        if value is None or (isinstance(value, str) and not value.strip()):
            out[field] = None
            continue
        if field == "org":
            value = " ".join(str(value).split())
            if len(value) > MAX_ORG_CHARS:
                raise EditError(f"单位名称太长（最多 {MAX_ORG_CHARS} 个字）")
        elif field == "level":
            value = str(value).strip()
            by_label = {v: k for k, v in LEVEL_LABELS.items()}
            value = by_label.get(value, value)
            if value not in LEVELS:
                raise EditError(f"层级只能是：{'、'.join(f'{LEVEL_LABELS[x]}（{x}）' for x in LEVELS)}")
        elif field == "domain":
            value = str(value).strip()
            if value not in domains():
                raise EditError(f"领域 {value!r} 不在领域表中（见 CONTRACT.md 的闭合词表）")
        elif field == "year":
            try:
                value = int(str(value).strip())
            except ValueError:
                raise EditError(f"年份应为整数：{value!r}") from None
            if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
                raise EditError(f"年份应在 {YEAR_RANGE[0]}–{YEAR_RANGE[1]} 之间：{value}")
        out[field] = value
    return out


# -- matching corrections to the reports of a new parse ---------------------------------------


@dataclass(frozen=True, slots=True)
class Override:
    id: int
    doc_sha256: str
    doc_path: str
    start_line: int
    anchor: str
    title: str | None
    parsed: Mapping[str, Any]
    value: Mapping[str, Any]
    deleted: bool

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Override":
        return cls(id=row["id"], doc_sha256=row["doc_sha256"], doc_path=row["doc_path"], start_line=row["start_line"],
                   anchor=row["anchor"], title=row["title"], parsed=json.loads(row["parsed"] or "{}"),
                   value=json.loads(row["value"] or "{}"), deleted=bool(row["deleted"]))


def line_text(lines, n: int) -> str:
    return lines[n - 1].strip() if 0 < n <= len(lines) else ""


def match(overrides: Iterable[Override], reports: list[Mapping[str, Any]], lines, sha256: str) -> dict[int, int]:
    """{override id: index in ``reports``} — at most one correction per report, each step taking
    only reports and corrections the earlier steps left (see the module docstring).  A deletion
    matches only the same lines (or, in an edited file, the same first line and length): a
    report that reappears is safer than a real one removed because the rules cut differently."""
    ovs = list(overrides)
    taken: dict[int, int] = {}
    claimed: set[int] = set()

    def span(ov) -> int | None:
        end = ov.parsed.get("end_line")
        return end - ov.start_line if isinstance(end, int) else None

    def by_exact(ov):
        return [i for i, r in enumerate(reports)
                if (ov.doc_sha256 == sha256 and r["start_line"] == ov.start_line
                    and r["end_line"] == ov.parsed.get("end_line"))
                or (ov.doc_sha256 != sha256 and ov.anchor and line_text(lines, r["start_line"]) == ov.anchor
                    and r["end_line"] - r["start_line"] == span(ov))]

    def by_line(ov):
        return [i for i, r in enumerate(reports) if ov.doc_sha256 == sha256 and r["start_line"] == ov.start_line]

    def by_anchor(ov):
        return [i for i, r in enumerate(reports) if ov.anchor and line_text(lines, r["start_line"]) == ov.anchor]

    def by_title(ov):
        return [i for i, r in enumerate(reports) if ov.title and r["title"] == ov.title]

    def by_org(ov):
        org = ov.parsed.get("org")
        return [i for i, r in enumerate(reports) if org and r["org"] == org]

    def by_start_inside(ov):  # the boundary moved down: the report now starts inside the old one
        end = ov.parsed.get("end_line") or ov.start_line
        inside = [i for i, r in enumerate(reports)
                  if ov.doc_sha256 == sha256 and ov.start_line <= r["start_line"] <= end]
        return inside[:1]  # split in pieces: the piece that begins it

    def by_holding(ov):  # the boundary moved up: the report now holds the old first line
        return [i for i, r in enumerate(reports)
                if ov.doc_sha256 == sha256 and r["start_line"] <= ov.start_line <= r["end_line"]]

    for pick in (by_exact, by_line, by_anchor, by_title, by_org, by_start_inside, by_holding):
        for ov in ovs:
            if ov.id in taken or (ov.deleted and pick is not by_exact):
                continue
            cands = [i for i in pick(ov) if i not in claimed]
            if len(cands) == 1 or (cands and pick is by_anchor):  # the same text twice: the nearer
                best = min(cands, key=lambda i: abs(reports[i]["start_line"] - ov.start_line))
                taken[ov.id] = best
                claimed.add(best)
    return taken


def parsed_values(report: Mapping[str, Any]) -> dict[str, Any]:
    """What the parser said of a report (kept beside a correction; ``end_line`` keys a deletion)."""
    return {**{f: report[f] for f in FIELDS}, "end_line": report["end_line"]}


def correct(rows, overrides: Iterable[Override]):
    """A document's rows (``rows.DocumentRows``) with its corrections applied: corrected values
    and ``override_id`` in the report rows, deleted reports left out with everything under them.
    Returns (the rows, [(override, the report row as parsed)]) — the matches, to re-key."""
    from .rows import COLUMNS, TABLES, DocumentRows, coerce, unpack_lines

    reports = rows.dicts("reports")
    doc = rows.dicts("documents")[0]
    lines = unpack_lines(doc["lines_z"])
    ovs = {ov.id: ov for ov in overrides}
    hits = {i: ovs[oid] for oid, i in match(ovs.values(), reports, lines, rows.sha256).items()}
    gone: set[int] = set()
    new_reports = []
    for i, rep in enumerate(reports):
        ov = hits.get(i)
        if ov is not None and ov.deleted:
            gone.add(rep["id"])
            continue
        if ov is not None:
            rep = {**rep, **{f: v for f, v in ov.value.items() if f in FIELDS}, "override_id": ov.id}
        new_reports.append(rep)
    tables = dict(rows.tables)
    tables["reports"] = tuple(coerce("reports", [r[c] for c in COLUMNS["reports"]]) for r in new_reports)
    if gone:
        for t in TABLES:
            if "report_id" in COLUMNS[t]:
                k = COLUMNS[t].index("report_id")
                tables[t] = tuple(r for r in tables[t] if r[k] not in gone)
        kept = [r for r in reports if r["id"] not in gone]
        doc.update(n_reports=len(kept), n_paragraphs=sum(r["n_paragraphs"] for r in kept),
                   n_indicators=sum(r["n_indicators"] for r in kept), n_findings=sum(r["n_findings"] for r in kept))
        tables["documents"] = (coerce("documents", [doc[c] for c in COLUMNS["documents"]]),)
    # the paragraphs' search streams still line up unless a report (and its paragraphs) went
    search = rows.search if tables["paragraphs"] is rows.tables["paragraphs"] else ()
    return DocumentRows(tables, search), [(ov, reports[i]) for i, ov in sorted(hits.items())]
