"""Pure helpers that turn Library dicts into what the templates draw.

Nothing here builds HTML: every piece of document text leaves as plain strings inside
"segments" and is escaped by Jinja's autoescape when the template prints it.
"""
from __future__ import annotations

import bisect
import os
import re
from collections import Counter, defaultdict
from typing import Any, Iterable

from ..labels import KIND_LABELS, LEVEL_LABELS


def fmt_number(x: float | int | None) -> str:
    """Readable number: integers without '.0', others to 4 significant decimals."""
    if x is None:
        return ""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def normalized_of(ind: dict) -> tuple[float | None, str | None]:
    """(value, unit) of an indicator in either the CONTRACT shape or the flat store shape."""
    norm = ind.get("normalized")
    if isinstance(norm, dict):
        return norm.get("value"), norm.get("unit")
    return ind.get("normalized_value"), ind.get("normalized_unit")


def indicator_title(ind: dict) -> str:
    """Hover text of a figure: measure, kind, normalized value."""
    value, unit = normalized_of(ind)
    parts = [ind.get("measure") or "（未识别指标）", KIND_LABELS.get(ind.get("kind"), ind.get("kind") or "")]
    if value is not None:
        parts.append(f"标准化：{fmt_number(value)} {unit or ''}".rstrip())
    return " · ".join(p for p in parts if p)


# --- inline marks -------------------------------------------------------------------------


class Taken:
    """Non-overlapping [start, end) spans already marked on one line: a free-span test in
    O(log n) (a figure-dense line has thousands of marks; testing each against all is quadratic)."""

    __slots__ = ("starts", "ends", "cursor")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.cursor: dict[str, int] = {}  # needle -> where its next free match may start

    def free(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, s)
        if i and self.ends[i - 1] > s:
            return False
        return i == len(self.starts) or self.starts[i] >= e

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_right(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def _place(text: str, needle: str, col: Any, taken: Taken) -> tuple[int, int] | None:
    """Where ``needle`` sits in ``text``: at ``col`` when that is right, else its first free match
    (the search for a needle goes on from where the last one stopped: spans are only ever added)."""
    if not needle:
        return None
    n = len(needle)
    if isinstance(col, int) and text[col : col + n] == needle:
        return (col, col + n) if taken.free(col, col + n) else None
    s = text.find(needle, taken.cursor.get(needle, 0))
    while s >= 0:
        if taken.free(s, s + n):
            taken.cursor[needle] = s + 1
            return s, s + n
        s = text.find(needle, s + 1)
    taken.cursor[needle] = len(text)
    return None


def segments(text: str, marks: list[tuple[int, int, dict]]) -> list[dict]:
    """Cut ``text`` into [{"text", "mark"}] pieces; ``mark`` is None for plain text."""
    out: list[dict] = []
    pos = 0
    for s, e, mark in sorted(marks, key=lambda m: m[0]):
        if s < pos:
            continue
        if s > pos:
            out.append({"text": text[pos:s], "mark": None})
        out.append({"text": text[s:e], "mark": mark})
        pos = e
    if pos < len(text) or not out:
        out.append({"text": text[pos:], "mark": None})
    return out


def split_segments(segs: list[dict], at: int) -> tuple[list[dict], list[dict]]:
    """Segments before and after character ``at`` (a mark straddling ``at`` stays in front)."""
    front: list[dict] = []
    pos = 0
    for i, seg in enumerate(segs):
        if pos >= at:
            return front, segs[i:]
        end = pos + len(seg["text"])
        if end <= at or seg["mark"]:
            front.append(seg)
        else:
            front.append({"text": seg["text"][: at - pos], "mark": None})
            return front, [{"text": seg["text"][at - pos :], "mark": None}, *segs[i + 1 :]]
        pos = end
    return front, []


def flatten_sections(sections: Iterable[dict], depth: int = 1) -> list[dict]:
    out: list[dict] = []
    for s in sections or ():
        out.append({**s, "depth": s.get("depth") or depth})
        out.extend(flatten_sections(s.get("children") or (), depth + 1))
    return out


def report_lines(report: dict) -> list[dict]:
    """Each non-blank line of a report with its figures and findings marked in place."""
    by_line_ind: dict[int, list[dict]] = defaultdict(list)
    for ind in report.get("indicators") or ():
        by_line_ind[ind.get("line")].append(ind)
    by_line_find: dict[int, list[dict]] = defaultdict(list)
    for f in report.get("findings") or ():
        by_line_find[f.get("line")].append(f)
    headings = {s.get("line"): s for s in flatten_sections(report.get("sections") or ())}
    pair_lines = {p.get("line") for p in report.get("pairs") or ()}
    plan_lines = {p.get("line") for p in report.get("plan_items") or ()}

    rows = []
    for entry in report.get("lines") or ():
        n, text = entry.get("line"), entry.get("text") or ""
        if not text.strip():
            continue
        taken = Taken()
        marks: list[tuple[int, int, dict]] = []
        for ind in by_line_ind.get(n, ()):
            where = _place(text, ind.get("span") or "", ind.get("col"), taken)
            if where:
                taken.add(*where)
                marks.append((*where, {"type": "figure", "kind": ind.get("kind"), "title": indicator_title(ind)}))
        findings = by_line_find.get(n, [])
        for f in findings:
            where = _place(text, f.get("wrong") or "", f.get("col"), taken)
            if where:
                taken.add(*where)
                marks.append((*where, {"type": "finding", "kind": f.get("severity"), "title": f.get("message") or ""}))
        sec = headings.get(n)
        segs = segments(text, marks)
        head: list[dict] = []
        if sec:
            # Only the heading sentence is a heading; a paragraph may run on after it.
            cut = len(sec.get("heading") or "") if text.startswith(sec.get("heading") or "\0") else len(text)
            head, segs = split_segments(segs, cut)
        rows.append(
            {
                "line": n,
                "head": head,
                "segments": segs,
                "heading": sec,
                "findings": findings,
                "pair": n in pair_lines,
                "plan": n in plan_lines,
            }
        )
    return rows


# --- search -------------------------------------------------------------------------------


def snippet_segments(hit: dict, query: str) -> list[dict]:
    """Highlighted snippet: the store's highlight offsets when they fit the snippet, else the query terms."""
    snippet = hit.get("snippet") or hit.get("text") or ""
    marks: list[tuple[int, int, dict]] = []
    spans = hit.get("highlights") or []
    if spans and all(isinstance(p, (list, tuple)) and len(p) == 2 and 0 <= p[0] < p[1] <= len(snippet) for p in spans):
        marks = [(int(s), int(e), {"type": "hit"}) for s, e in spans]
    else:
        taken: list[tuple[int, int]] = []
        for term in sorted(set(query.split()), key=len, reverse=True):
            for m in re.finditer(re.escape(term), snippet):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    taken.append(m.span())
                    marks.append((m.start(), m.end(), {"type": "hit"}))
    return segments(snippet, marks)


# --- comparison ---------------------------------------------------------------------------


def row_label(row: dict) -> str:
    """Series name of a row: the body that wrote the report, else its source file (not always found)."""
    if row.get("org"):
        return row["org"]
    doc = os.path.basename(row.get("document") or "") or "（未知单位）"
    return os.path.splitext(doc)[0]


def compare_chart(comparison: dict) -> dict:
    """What compare.js draws: the bar of each year (bodies sorted by actual) and the line chart
    when the comparison allows one; the server decides, the script only draws."""
    return {"unit": comparison.get("unit") or "", "bars": comparison.get("bars") or [],
            "year": (comparison.get("bar") or {}).get("year"), "line": comparison.get("line") or {"shown": False}}


# --- commitment tracking ------------------------------------------------------------------


def track_rows(result: dict, old_lines: dict[int, str], new_lines: dict[int, str]) -> list[dict]:
    """Each tracked item with the full source line of its target and of its actual, span marked."""

    def evidence(side: dict | None, lines: dict[int, str]) -> list[dict]:
        if not side:
            return []
        text = lines.get(side.get("line"), side.get("span") or "")
        where = _place(text, side.get("span") or "", None, Taken())
        return segments(text, [(*where, {"type": "hit"})] if where else [])

    return [
        {**it, "old_segments": evidence(it.get("target"), old_lines), "new_segments": evidence(it.get("actual"), new_lines)}
        for it in result.get("items") or ()
    ]


def track_summary(result: dict) -> dict:
    return dict(Counter(i.get("status") for i in result.get("items") or ()))


# --- draft check --------------------------------------------------------------------------


def check_rows(lines: tuple[str, ...] | list[str], findings: list[dict]) -> list[dict]:
    """The draft's lines that carry findings (plus each line's text), in line order."""
    by_line: dict[int, list[dict]] = defaultdict(list)
    for f in findings:
        by_line[f["line"]].append(f)
    rows = []
    for n in sorted(by_line):
        text = lines[n - 1] if 0 < n <= len(lines) else ""
        taken = Taken()
        marks = []
        for f in by_line[n]:
            where = _place(text, f.get("wrong") or "", f.get("col"), taken)
            if where:
                taken.add(*where)
                marks.append((*where, {"type": "finding", "kind": f.get("severity"), "title": f.get("message") or ""}))
        rows.append({"line": n, "segments": segments(text, marks), "findings": by_line[n]})
    return rows


# --- library list: sortable columns, the first-visit tour, the edit form ------------------


SORT_COLUMNS = (("org", "单位"), ("level", "层级"), ("domain", "领域"), ("year", "年份"), ("indicators", "指标"),
                ("findings", "问题"), ("plan_items", "计划项"), ("document", "来源"))


def sort_links(current: str | None) -> list[dict]:
    """Each sortable header: the ``sort`` a click asks for (ascending first, then descending,
    years and counts descending first) and the arrow showing the current order."""
    out = []
    for key, label in SORT_COLUMNS:
        desc_first = key in ("year", "indicators", "findings", "plan_items")
        if current == key:
            nxt, arrow = f"-{key}", "▲"
        elif current == f"-{key}":
            nxt, arrow = key, "▼"
        else:
            nxt, arrow = (f"-{key}" if desc_first else key), ""
        out.append({"key": key, "label": label, "sort": nxt, "arrow": arrow,
                    "num": key in ("indicators", "findings", "plan_items")})
    return out


def edit_choices() -> dict:
    """The closed vocabularies the edit form offers (CONTRACT.md)."""
    from ..store.overrides import LEVELS, domains

    return {"levels": [(lv, LEVEL_LABELS.get(lv, lv)) for lv in LEVELS], "domains": list(domains())}


# Words tried, in order, for the tour's search link: the first one the library holds is offered.
TOUR_WORDS = ("隐患", "垃圾分类", "营商环境", "就业", "工作")


def tour(library) -> dict | None:
    """What to try first, drawn from what the library holds: a word to search, a report to open
    (the compilation's richest one), a measure several bodies report, a pair of years to track.
    None for an empty library."""
    reports = library.reports(limit=200)["items"]
    if not reports:
        return None
    word = next((w for w in TOUR_WORDS if library.search(w, limit=1)["total"]), None)
    per_doc = Counter(r["document_id"] for r in reports)
    in_compilation = [r for r in reports if per_doc[r["document_id"]] > 1] or reports
    report = max(in_compilation, key=lambda r: ((r.get("n_findings") or 0) > 0, r.get("n_indicators") or 0))
    spread = library.measure_spread(limit=1, min_orgs=2)
    pairs = library.track_pairs(2000)
    return {"word": word, "report": report, "measure": spread[0] if spread else None,
            "pair": pairs[0] if pairs else None, "compilations": len({r["document_id"] for r in in_compilation})}
