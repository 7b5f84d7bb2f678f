"""Writing parsed documents into the store: one document = one transaction.

Parsing happens in worker processes (``files.parse_file``); only the main process writes, so the
database sees one writer per ingest.  A document's rows, its FTS entries and its ``documents``
row commit together: a killed ingest leaves whole documents only and a re-run finishes the rest.
"""
from __future__ import annotations

import json
import zlib
from datetime import datetime, timezone
from typing import Any

from ..contract import finding_json, indicator_json, plan_item_json, report_json
from ..model import ParsedDocument, enclosing_sections
from .search import bigram_tokens, meta_tokens, unigram_tokens
from .sqlite import transaction, with_retry

def known_sha(conn, sha: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone() is not None


def delete_document_rows(conn, document_id: int) -> None:
    """Delete a document and everything under it (caller holds the transaction)."""
    # contentless FTS: a row is deleted by giving back exactly the tokens it was indexed with
    for row in conn.execute(
        "SELECT p.id, p.text, p.role, r.id AS report_id, r.year, r.level, r.domain FROM paragraphs p"
        " JOIN reports r ON r.id = p.report_id WHERE r.document_id = ?",
        (document_id,),
    ).fetchall():
        meta = meta_tokens(row["report_id"], row["year"], row["level"], row["domain"], row["role"])
        conn.execute("INSERT INTO para_bi(para_bi, rowid, bi, meta) VALUES ('delete', ?, ?, ?)",
                     (row["id"], bigram_tokens(row["text"]), meta))
        conn.execute("INSERT INTO para_uni(para_uni, rowid, uni, meta) VALUES ('delete', ?, ?, ?)",
                     (row["id"], unigram_tokens(row["text"]), meta))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def pack_lines(lines) -> bytes:
    return zlib.compress(json.dumps(list(lines), ensure_ascii=False).encode("utf-8"), 6)


def unpack_lines(blob: bytes) -> list[str]:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def _next_id(conn, table: str) -> int:
    return conn.execute(f"SELECT coalesce(max(id), 0) + 1 AS next FROM {table}").fetchone()["next"]


def store_parsed(conn, parsed: ParsedDocument, *, size: int | None = None) -> dict[str, Any]:
    """Write one parsed document in one transaction; returns what was written.

    Same bytes already stored -> nothing changes (``{"new": False}``).  Another document at the
    same path (an edited file) is replaced in the same transaction.
    """

    def _write():
        with transaction(conn):
            return _write_locked(conn, parsed, size)

    return with_retry(_write)


def _write_locked(conn, parsed: ParsedDocument, size: int | None) -> dict[str, Any]:
    doc = parsed.document
    if known_sha(conn, doc.sha256):  # another ingest got here first, or a repeat
        return {"new": False, "reports": 0, "paragraphs": 0, "indicators": 0, "findings": 0}
    for old in conn.execute("SELECT id FROM documents WHERE path = ?", (doc.path,)).fetchall():
        delete_document_rows(conn, old["id"])
    reports = [report_json(r) for r in parsed.reports]
    n_par = sum(len(r.paragraphs) for r in parsed.reports)
    n_ind = sum(len(r.indicators) for r in parsed.reports)
    n_fin = sum(len(r.findings) for r in parsed.reports)
    cur = conn.execute(
        "INSERT INTO documents(path, sha256, format, encoding, size, n_lines, n_reports, n_paragraphs,"
        " n_indicators, n_findings, furniture_lines, problems, lines_z, ingested_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc.path, doc.sha256, doc.format, doc.encoding, size, len(doc.lines), len(reports), n_par, n_ind, n_fin,
            json.dumps(list(parsed.furniture_lines)),
            json.dumps([{"kind": p.kind, "message": p.message, "line": p.line} for p in parsed.problems],
                       ensure_ascii=False),
            pack_lines(doc.lines),
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
        ),
    )
    doc_id = cur.lastrowid
    rid = _next_id(conn, "reports")
    sid = _next_id(conn, "sections")
    pid = _next_id(conn, "paragraphs")
    for ord_, (rep, rj) in enumerate(zip(parsed.reports, reports)):
        conn.execute(
            "INSERT INTO reports(id, document_id, ord, start_line, end_line, org, org_line, level, region, domain,"
            " year, title, rule, n_paragraphs, n_indicators, n_pairs, n_plan_items, n_findings)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rid, doc_id, ord_, rep.start_line, rep.end_line, rep.org, rep.org_line, rep.level, rep.region,
             rep.domain, rep.year, rep.title, rep.rule, len(rep.paragraphs), len(rep.indicators), len(rep.pairs),
             len(rep.plan_items), len(rep.findings)),
        )
        # Sections: ids in document order; a map from the frozen object to its id for paragraphs.
        section_ids: dict[int, int] = {}
        sec_rows = []

        def walk(secs, parent):
            nonlocal sid
            for s in secs:
                my = sid
                sid += 1
                section_ids[id(s)] = my
                sec_rows.append((my, rid, parent, len(sec_rows), s.line, s.end_line or None, s.heading, s.ordinal,
                                 s.inferred_ordinal, s.depth, s.role, s.family, s.rule))
                walk(s.children, my)

        walk(rep.sections, None)
        conn.executemany(
            "INSERT INTO sections(id, report_id, parent_id, ord, line, end_line, heading, ordinal, inferred_ordinal,"
            " depth, role, family, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            sec_rows,
        )
        par_rows, fts_rows = [], []
        for i, p in enumerate(rep.paragraphs):
            chain = enclosing_sections(rep.sections, p.line_start)
            par_rows.append((pid, rid, i, p.line_start, p.line_end, p.text,
                             section_ids.get(id(chain[-1])) if chain else None,
                             json.dumps([s.heading for s in chain], ensure_ascii=False),
                             chain[-1].role if chain else None))
            fts_rows.append((pid, p.text, meta_tokens(rid, rep.year, rep.level, rep.domain,
                                                      chain[-1].role if chain else None)))
            pid += 1
        conn.executemany(
            "INSERT INTO paragraphs(id, report_id, ord, line_start, line_end, text, section_id, section_path, role)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            par_rows,
        )
        conn.executemany("INSERT INTO para_bi(rowid, bi, meta) VALUES (?,?,?)",
                         ((i, bigram_tokens(t), m) for i, t, m in fts_rows))
        conn.executemany("INSERT INTO para_uni(rowid, uni, meta) VALUES (?,?,?)",
                         ((i, unigram_tokens(t), m) for i, t, m in fts_rows))
        conn.executemany(
            "INSERT INTO indicators(report_id, ord, line, span, col, value, number, unit, measure, kind,"
            " normalized_value, normalized_unit, low, high, qualifier, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((rid, i, j["line"], j["span"], j["col"], j["value"], j["number"], j["unit"], j["measure"], j["kind"],
              x.normalized_value, x.normalized_unit, j["low"], j["high"], j["qualifier"], j["rule"])
             for i, (x, j) in enumerate((x, indicator_json(x)) for x in rep.indicators)),
        )
        conn.executemany(
            "INSERT INTO pairs(report_id, ord, line, measure, target, actual, completion, rule, target_json,"
            " actual_json) VALUES (?,?,?,?,?,?,?,?,?,?)",
            ((rid, i, pj["line"], pj["measure"], pj["target"], pj["actual"], pj["completion"], pj["rule"],
              json.dumps(indicator_json(p.target), ensure_ascii=False),
              json.dumps(indicator_json(p.actual), ensure_ascii=False))
             for i, (p, pj) in enumerate(zip(rep.pairs, rj["pairs"]))),
        )
        conn.executemany(
            "INSERT INTO plan_items(report_id, ord, line, text, deadline, lead_org, rule, targets_json)"
            " VALUES (?,?,?,?,?,?,?,?)",
            ((rid, i, pi.line, pi.text, pi.deadline, pi.lead_org, pi.rule,
              json.dumps(plan_item_json(pi)["targets"], ensure_ascii=False)) for i, pi in enumerate(rep.plan_items)),
        )
        conn.executemany(
            'INSERT INTO findings(report_id, ord, line, rule, severity, message, wrong, "right")'
            " VALUES (?,?,?,?,?,?,?,?)",
            ((rid, i, f["line"], f["rule"], f["severity"], f["message"], f["wrong"], f["right"])
             for i, f in enumerate(finding_json(x) for x in rep.findings)),
        )
        rid += 1
    return {"new": True, "document_id": doc_id, "reports": len(reports), "paragraphs": n_par,
            "indicators": n_ind, "findings": n_fin}
