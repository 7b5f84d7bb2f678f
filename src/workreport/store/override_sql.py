"""The store's side of corrections (overrides.py says what they are): the SQL that keeps them,
applies them when a document is written, edits and deletes reports, and keeps the edit log.

Mixed into ``SqlStore``; SQL written with ``?`` placeholders and functions SQLite and
PostgreSQL share (``self._sql`` turns it into the backend's dialect).  The search index is the
backend's: ``_unindex_report`` / ``_index_report`` (a report's filter tokens follow its level,
domain and year).
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from ..labels import FIELD_LABELS
from . import overrides as _ov
from .rows import DocumentRows, unpack_lines


def _dump(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


class OverrideSql:
    """Uses the ``SqlStore`` plumbing: ``_lock``, ``_all``, ``_write_transaction``, ``_sql``,
    ``_delete`` and the backend's ``_unindex_report`` / ``_index_report``."""

    # -- plumbing --------------------------------------------------------------------------------
    def _exec(self, cur, sql: str, args=()) -> None:
        cur.execute(self._sql(sql), tuple(args))

    def _next_id(self, cur, table: str) -> int:
        return self._all(f"SELECT coalesce(max(id), 0) + 1 AS n FROM {table}", (), cur)[0]["n"]

    # -- applied on every write --------------------------------------------------------------------
    def _correct(self, cur, rows: DocumentRows) -> DocumentRows:
        """``rows`` with the corrections that belong to them applied, and those corrections moved
        onto the reports they now match (caller holds the write transaction; the document's old
        rows are already gone).  Candidates: corrections made on the same bytes, and those made on
        an earlier version of the file at the same path that is no longer stored."""
        found = self._all("SELECT * FROM overrides WHERE doc_sha256 = ? ORDER BY id", (rows.sha256,), cur)
        found += self._all(
            "SELECT o.* FROM overrides o WHERE o.doc_path = ? AND o.doc_sha256 <> ?"
            " AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = o.doc_sha256) ORDER BY o.id",
            (rows.path, rows.sha256), cur)
        if not found:
            return rows
        corrected, hits = _ov.correct(rows, [_ov.Override.from_row(r) for r in found])
        lines = unpack_lines(rows.dicts("documents")[0]["lines_z"])
        for ov, rep in hits:
            self._exec(cur, "UPDATE overrides SET doc_sha256 = ?, doc_path = ?, start_line = ?, anchor = ?, title = ?,"
                            " parsed = ? WHERE id = ?",
                       (rows.sha256, rows.path, rep["start_line"], _ov.line_text(lines, rep["start_line"]),
                        rep["title"], _dump(_ov.parsed_values(rep)), ov.id))
        return corrected

    # -- one report's correction -------------------------------------------------------------------
    def report_override(self, report_id: int) -> _ov.Override | None:
        rows = self._all("SELECT o.* FROM overrides o JOIN reports r ON r.override_id = o.id WHERE r.id = ?",
                         (int(report_id),))
        return _ov.Override.from_row(rows[0]) if rows else None

    def _ensure(self, cur, report_id: int) -> tuple[_ov.Override, dict] | None:
        """The correction record of a stored report (made on its first edit) and the report row."""
        rows = self._all(
            "SELECT r.id, r.override_id, r.start_line, r.end_line, r.title, r.org, r.level, r.domain, r.year,"
            " d.sha256, d.path, d.name, d.lines_z FROM reports r JOIN documents d ON d.id = r.document_id"
            " WHERE r.id = ?", (int(report_id),), cur)
        if not rows:
            return None
        row = rows[0]
        if row["override_id"] is None:
            oid = self._next_id(cur, "overrides")
            stamp = _ov.now()
            self._exec(cur, "INSERT INTO overrides(id, doc_sha256, doc_path, start_line, anchor, title, parsed, value,"
                            " deleted, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       (oid, row["sha256"], row["path"], row["start_line"],
                        _ov.line_text(unpack_lines(row["lines_z"]), row["start_line"]), row["title"],
                        _dump(_ov.parsed_values(row)), "{}", 0, stamp, stamp))
            self._exec(cur, "UPDATE reports SET override_id = ? WHERE id = ?", (oid, row["id"]))
            row["override_id"] = oid
        ov = _ov.Override.from_row(self._all("SELECT * FROM overrides WHERE id = ?", (row["override_id"],), cur)[0])
        return ov, row

    def _set(self, cur, ov: _ov.Override, value: Mapping[str, Any], deleted: bool) -> None:
        self._exec(cur, "UPDATE overrides SET value = ?, deleted = ?, updated_at = ? WHERE id = ?",
                   (_dump(dict(value)), int(deleted), _ov.now(), ov.id))

    def edit_report(self, report_id: int, changes: Mapping[str, Any], *, source: str = "") -> list[dict] | None:
        """Correct fields of a stored report (values already checked: ``overrides.clean_changes``;
        None = back to the parser's value).  Returns the changes made, None for no such report."""
        with self._lock, self._write_transaction() as cur:
            got = self._ensure(cur, report_id)
            if got is None:
                return None
            ov, row = got
            value, done, new_row = dict(ov.value), [], {}
            for field, new in changes.items():
                if new is None:  # back to what the parser said
                    value.pop(field, None)
                    new = ov.parsed.get(field)
                elif new == row[field]:  # a form sends every field: only a changed one is a correction
                    continue
                else:
                    value[field] = new
                if new != row[field]:
                    done.append({"field": field, "old": row[field], "new": new})
                    new_row[field] = new
            self._set(cur, ov, value, ov.deleted)
            if new_row:
                reindex = bool({"level", "domain", "year"} & set(new_row))
                if reindex:  # the search index's filter tokens carry these three
                    self._unindex_report(cur, row["id"])
                self._exec(cur, f"UPDATE reports SET {', '.join(f'{k} = ?' for k in new_row)} WHERE id = ?",
                           (*new_row.values(), row["id"]))
                if reindex:
                    self._index_report(cur, row["id"])
            for c in done:
                self._log(cur, "edit", row=row, override_id=ov.id, source=source, **c)
            return done

    def delete_report(self, report_id: int, *, source: str = "") -> dict | None:
        """Delete one report; the deletion is kept, so no later parse of its document stores it again."""
        with self._lock, self._write_transaction() as cur:
            got = self._ensure(cur, report_id)
            if got is None:
                return None
            ov, row = got
            self._set(cur, ov, ov.value, True)
            self._log(cur, "delete_report", row=row, override_id=ov.id, source=source)
            counts = self._all("SELECT document_id, n_paragraphs, n_indicators, n_findings FROM reports WHERE id = ?",
                               (row["id"],), cur)[0]
            self._unindex_report(cur, row["id"])
            self._exec(cur, "DELETE FROM reports WHERE id = ?", (row["id"],))  # the rest cascades
            self._exec(cur, "UPDATE documents SET n_reports = n_reports - 1, n_paragraphs = n_paragraphs - ?,"
                            " n_indicators = n_indicators - ?, n_findings = n_findings - ? WHERE id = ?",
                       (counts["n_paragraphs"], counts["n_indicators"], counts["n_findings"], counts["document_id"]))
            return {"report_id": row["id"], "document": row["name"]}

    def delete_document(self, document_id: int, *, source: str = "") -> bool:
        """Delete a document and its reports, logged; its corrections stay for a re-import."""
        with self._lock, self._write_transaction() as cur:
            docs = self._all("SELECT id, name, path, sha256, n_reports FROM documents WHERE id = ?",
                             (int(document_id),), cur)
            if not docs:
                return False
            d = docs[0]
            self._log(cur, "delete_document", document=d["name"] or _ov.display_name(d["path"], d["sha256"]),
                      sha256=d["sha256"], label=f"全部 {d['n_reports']} 份报告", source=source)
            self._delete(cur, d["id"])
            return True

    # -- the log -----------------------------------------------------------------------------------
    def _log(self, cur, action: str, *, row: Mapping[str, Any] | None = None, override_id: int | None = None,
             field: str | None = None, old: Any = None, new: Any = None, source: str = "",
             document: str | None = None, sha256: str | None = None, label: str | None = None) -> None:
        row = row or {}
        label = label or " ".join(str(x) for x in (row.get("org"), row.get("year")) if x) or None
        self._exec(cur, "INSERT INTO edit_log(id, at, action, override_id, report_id, document, doc_sha256, start_line,"
                        " label, field, old, new, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (self._next_id(cur, "edit_log"), _ov.now(), action, override_id, row.get("id"),
                    document or row.get("name"), sha256 or row.get("sha256"), row.get("start_line"), label, field,
                    _dump(old), _dump(new), source))

    def edits(self, *, override_id: int | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        """The edit log, newest first (one correction's when ``override_id`` is given)."""
        where, args = ("WHERE override_id = ?", [override_id]) if override_id is not None else ("", [])
        out = []
        for r in self._all(f"SELECT * FROM edit_log {where} ORDER BY id DESC LIMIT ? OFFSET ?",
                           [*args, max(0, int(limit)), max(0, int(offset))]):
            e = {k: r[k] for k in ("id", "at", "action", "override_id", "report_id", "document", "start_line", "label",
                                   "field", "source")}
            e["old"], e["new"] = json.loads(r["old"] or "null"), json.loads(r["new"] or "null")
            e["field_label"] = FIELD_LABELS.get(r["field"] or "", r["field"])
            out.append(e)
        return out

    def unmatched_overrides(self) -> list[dict]:
        """Corrections of stored documents that no report answers to now (kept, not applied)."""
        rows = self._all(
            "SELECT o.id, o.start_line, o.anchor, o.title, o.value, d.id AS document_id, d.name AS document"
            " FROM overrides o JOIN documents d ON d.sha256 = o.doc_sha256"
            " WHERE o.deleted = 0 AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.override_id = o.id)"
            " ORDER BY o.id")
        return [{**r, "value": json.loads(r["value"] or "{}")} for r in rows]

    def stored_version(self, sha256: str) -> tuple[bool, str | None]:
        """(is a document with these bytes stored?, the rules version it was parsed under)."""
        rows = self._all("SELECT rules_version FROM documents WHERE sha256 = ?", (sha256,))
        return (bool(rows), rows[0]["rules_version"] if rows else None)
