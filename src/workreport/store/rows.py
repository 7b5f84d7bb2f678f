"""A parsed document as the rows of the store's tables: the one place that turns model objects
into stored values.  Pure: no database here.

Every store writes these rows (SQLite, PostgreSQL), the Spark batch projects them into the
export tables (``tables.py``), and ``ingest --from-parquet`` rebuilds them from batch output, so
the three cannot drift apart.

Ids: ``document_rows`` numbers each table from 1 in document order (a section's, paragraph's or
figure's id grows with its ``ord``); ``renumber`` moves them to where a store or a batch
partition continues, and rewrites the references between tables with them.
"""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Mapping

from ..contract import finding_json, indicator_json, plan_item_json, report_json
from ..model import ParsedDocument, enclosing_sections, role_at

# Columns of each table with their value type ("int", "float", "str", "bytes"), in insert order.
# A new column goes here, into a migration of each store, and (if shown) into tables.EXPORT.
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", "int"), ("path", "str"), ("sha256", "str"), ("format", "str"), ("encoding", "str"), ("size", "int"),
        ("n_lines", "int"), ("n_reports", "int"), ("n_paragraphs", "int"), ("n_indicators", "int"),
        ("n_findings", "int"), ("furniture_lines", "str"), ("problems", "str"), ("lines_z", "bytes"),
        ("ingested_at", "str"), ("name", "str"), ("rules_version", "str"),
        # one copy per document (copies.py): the text's fingerprint, its long paragraphs, their bands
        ("text_sha256", "str"), ("shingles", "bytes"), ("bands", "str"),
    ),
    "reports": (
        ("id", "int"), ("document_id", "int"), ("ord", "int"), ("start_line", "int"), ("end_line", "int"),
        ("org", "str"), ("org_line", "int"), ("level", "str"), ("region", "str"), ("domain", "str"), ("year", "int"),
        ("title", "str"), ("rule", "str"), ("n_paragraphs", "int"), ("n_indicators", "int"), ("n_pairs", "int"),
        ("n_plan_items", "int"), ("n_findings", "int"), ("override_id", "int"),
    ),
    "sections": (
        ("id", "int"), ("report_id", "int"), ("parent_id", "int"), ("ord", "int"), ("line", "int"),
        ("end_line", "int"), ("heading", "str"), ("ordinal", "str"), ("inferred_ordinal", "str"), ("depth", "int"),
        ("role", "str"), ("family", "str"), ("rule", "str"),
    ),
    "paragraphs": (
        ("id", "int"), ("report_id", "int"), ("ord", "int"), ("line_start", "int"), ("line_end", "int"),
        ("text", "str"), ("section_id", "int"), ("section_path", "str"), ("role", "str"),
    ),
    "indicators": (
        ("id", "int"), ("report_id", "int"), ("ord", "int"), ("line", "int"), ("span", "str"), ("col", "int"),
        ("value", "str"), ("number", "float"), ("unit", "str"), ("measure", "str"), ("kind", "str"),
        ("normalized_value", "float"), ("normalized_unit", "str"), ("low", "float"), ("high", "float"),
        ("qualifier", "str"), ("rule", "str"), ("measure_phrase", "str"), ("period", "int"), ("period_end", "int"),
        ("period_kind", "str"), ("period_rule", "str"),
    ),
    "pairs": (
        ("id", "int"), ("report_id", "int"), ("ord", "int"), ("line", "int"), ("measure", "str"), ("target", "str"),
        ("actual", "str"), ("completion", "float"), ("rule", "str"), ("target_json", "str"), ("actual_json", "str"),
    ),
    "plan_items": (
        ("id", "int"), ("report_id", "int"), ("ord", "int"), ("line", "int"), ("text", "str"), ("deadline", "str"),
        ("lead_org", "str"), ("rule", "str"), ("targets_json", "str"),
    ),
    "findings": (
        ("id", "int"), ("report_id", "int"), ("ord", "int"), ("line", "int"), ("rule", "str"), ("severity", "str"),
        ("message", "str"), ("wrong", "str"), ("right", "str"),
    ),
}
TABLES = tuple(SCHEMA)  # parents before children: the order rows are inserted in
COLUMNS = {t: tuple(c for c, _ in cols) for t, cols in SCHEMA.items()}
TYPES = {t: dict(cols) for t, cols in SCHEMA.items()}
# column -> the table its id points into (reports.override_id points into ``overrides``, which
# lives beside the document tables and is never renumbered)
REFS: dict[str, dict[str, str]] = {
    "documents": {},
    "reports": {"document_id": "documents"},
    "sections": {"report_id": "reports", "parent_id": "sections"},
    "paragraphs": {"report_id": "reports", "section_id": "sections"},
    "indicators": {"report_id": "reports"},
    "pairs": {"report_id": "reports"},
    "plan_items": {"report_id": "reports"},
    "findings": {"report_id": "reports"},
}


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """One document as rows: ``tables[name]`` is a tuple of rows in ``COLUMNS[name]`` order.

    ``search``: what a backend's search index needs per paragraph, made before the write (in the
    parser worker, so the writer only inserts), aligned with ``tables["paragraphs"]``; empty
    when not made (the backend then makes it while writing)."""

    tables: Mapping[str, tuple[tuple, ...]]
    search: tuple = ()

    @property
    def document(self) -> tuple:
        return self.tables["documents"][0]

    @property
    def sha256(self) -> str:
        return self.document[2]

    @property
    def path(self) -> str:
        return self.document[1]

    @property
    def rules_version(self) -> str | None:
        return self.document[COLUMNS["documents"].index("rules_version")]

    def counts(self) -> dict[str, int]:
        return {t: len(self.tables.get(t, ())) for t in TABLES}

    def dicts(self, table: str) -> list[dict[str, Any]]:
        return [dict(zip(COLUMNS[table], r)) for r in self.tables.get(table, ())]


def pack_lines(lines) -> bytes:
    return zlib.compress(json.dumps(list(lines), ensure_ascii=False).encode("utf-8"), 6)


def unpack_lines(blob: bytes) -> list[str]:
    return json.loads(zlib.decompress(bytes(blob)).decode("utf-8"))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def document_rows(parsed: ParsedDocument, *, size: int | None = None, ingested_at: str | None = None,
                  rules_version: str | None = None) -> DocumentRows:
    """The rows of one parsed document, every table numbered from 1 (``rules_version``: what
    parsed it, so a later ingest under other rules knows to parse it again)."""
    from .copies import bands, shingles, text_sha256
    from .overrides import display_name

    doc = parsed.document
    sh = shingles(doc.lines)
    out: dict[str, list[tuple]] = {t: [] for t in TABLES}
    reps = parsed.reports
    out["documents"].append((
        1, doc.path, doc.sha256, doc.format, doc.encoding, size, len(doc.lines), len(reps),
        sum(len(r.paragraphs) for r in reps), sum(len(r.indicators) for r in reps),
        sum(len(r.findings) for r in reps),
        json.dumps(list(parsed.furniture_lines)),
        _dump([{"kind": p.kind, "message": p.message, "line": p.line} for p in parsed.problems]),
        pack_lines(doc.lines), ingested_at or now(), display_name(doc.path, doc.sha256), rules_version,
        text_sha256(doc.lines), sh, " ".join(bands(sh)),
    ))
    for rep in reps:
        rid = len(out["reports"]) + 1
        rj = report_json(rep)
        out["reports"].append((rid, 1, rid - 1, rep.start_line, rep.end_line, rep.org, rep.org_line, rep.level,
                               rep.region, rep.domain, rep.year, rep.title, rep.rule, len(rep.paragraphs),
                               len(rep.indicators), len(rep.pairs), len(rep.plan_items), len(rep.findings), None))
        section_ids: dict[int, int] = {}  # id() of the frozen Section -> its row id
        first = len(out["sections"])

        def walk(secs, parent):
            for s in secs:
                sid = len(out["sections"]) + 1
                section_ids[id(s)] = sid
                out["sections"].append((sid, rid, parent, sid - 1 - first, s.line, s.end_line or None, s.heading,
                                        s.ordinal, s.inferred_ordinal, s.depth, s.role, s.family, s.rule))
                walk(s.children, sid)

        walk(rep.sections, None)
        for i, p in enumerate(rep.paragraphs):
            chain = enclosing_sections(rep.sections, p.line_start)
            out["paragraphs"].append((len(out["paragraphs"]) + 1, rid, i, p.line_start, p.line_end, p.text,
                                      section_ids.get(id(chain[-1])) if chain else None,
                                      _dump([s.heading for s in chain]), role_at(rep, p.line_start)))
        for i, x in enumerate(rep.indicators):
            j = indicator_json(x)
            out["indicators"].append((len(out["indicators"]) + 1, rid, i, j["line"], j["span"], j["col"], j["value"],
                                      j["number"], j["unit"], j["measure"], j["kind"], x.normalized_value,
                                      x.normalized_unit, j["low"], j["high"], j["qualifier"], j["rule"],
                                      j["measure_phrase"], j["period"], j["period_end"], j["period_kind"],
                                      j["period_rule"]))
        for i, (p, pj) in enumerate(zip(rep.pairs, rj["pairs"])):
            out["pairs"].append((len(out["pairs"]) + 1, rid, i, pj["line"], pj["measure"], pj["target"],
                                 pj["actual"], pj["completion"], pj["rule"], _dump(indicator_json(p.target)),
                                 _dump(indicator_json(p.actual))))
        for i, pi in enumerate(rep.plan_items):
            out["plan_items"].append((len(out["plan_items"]) + 1, rid, i, pi.line, pi.text, pi.deadline, pi.lead_org,
                                      pi.rule, _dump(plan_item_json(pi)["targets"])))
        for i, x in enumerate(rep.findings):
            f = finding_json(x)
            out["findings"].append((len(out["findings"]) + 1, rid, i, f["line"], f["rule"], f["severity"],
                                    f["message"], f["wrong"], f["right"]))
    return DocumentRows({t: tuple(coerce(t, r) for r in rows) for t, rows in out.items()})


_CAST = {"int": int, "float": float, "str": str, "bytes": bytes}


def coerce(table: str, row) -> tuple:
    """The row with each value of its column's type (None stays None), so that every store
    receives, and gives back, exactly the same values.  A NUL character (which PostgreSQL text
    cannot hold) becomes U+FFFD, one character for one, so offsets stay right."""
    return tuple(_value(v, typ) for v, (_, typ) in zip(row, SCHEMA[table], strict=True))


def _value(v, typ: str):
    if v is None:
        return None
    if type(v) is not _CAST[typ]:
        v = _CAST[typ](v)
    if typ == "str" and "\x00" in v:
        v = v.replace("\x00", "\ufffd")
    return v


def renumber(rows: DocumentRows, start: Mapping[str, int]) -> DocumentRows:
    """The same rows with each table's ids running from ``start[table]`` (in the order of the old
    ids) and every reference rewritten to match."""
    maps: dict[str, dict[int, int]] = {}
    for t in TABLES:
        old = sorted(r[0] for r in rows.tables.get(t, ()))
        maps[t] = {o: start[t] + i for i, o in enumerate(old)}
    out = {}
    for t in TABLES:
        cols = COLUMNS[t]
        fixes = [(0, maps[t])] + [(cols.index(c), maps[target]) for c, target in REFS[t].items()]
        new_rows = []
        for r in rows.tables.get(t, ()):
            r = list(r)
            for i, m in fixes:
                if r[i] is not None:
                    r[i] = m[r[i]]
            new_rows.append(tuple(r))
        out[t] = tuple(new_rows)
    return DocumentRows(out, rows.search)
