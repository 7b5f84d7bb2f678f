"""The library's corrections and re-parsing (a part of ``Library``, kept in its own file):
edit or delete a report, the edit log, parse stored documents again with the current rules.
What a correction is and how it finds its report again: ``overrides.py``; the SQL that keeps
it: ``override_sql.py`` (every store backend)."""
from __future__ import annotations

import os

from ..errors import NotInLibrary
from . import overrides as _overrides


class Corrections:
    """Mixed into ``Library``: uses its ``backend``, ``parser``, ``documents``, ``rules_version``
    and ``_write``."""

    def reparse(self, document_ids=None, *, outdated: bool = False) -> dict:
        """Parse stored documents again with the current rules (all, or ``document_ids``; only
        those parsed under other rules with ``outdated``).  The source file is read when it is
        still there unchanged (it keeps DOCX layout hints), else the stored text; corrections are
        applied again.  Returns ``{"documents": n, "reports": n}``."""
        docs = self.documents()
        if document_ids is not None:
            wanted = {int(i) for i in document_ids}
            docs = [d for d in docs if d["id"] in wanted]
        if outdated:
            docs = [d for d in docs if d.get("rules_version") != self.rules_version]
        out = {"documents": 0, "reports": 0}
        for d in docs:
            written = self._write(self.parser(self._source(d["id"])), d["size"], force=True)
            out["documents"] += 1
            out["reports"] += written["reports"]
        return out

    def _source(self, document_id: int):
        """The Document of a stored document: its file when unchanged on disk, else the stored text."""
        from ..errors import WorkReportError
        from ..ingest import read_document
        from ..ingest.debris import read_lines
        from ..model import Document

        row = self.backend.document(int(document_id))
        if row["path"] and os.path.isfile(row["path"]):
            try:
                doc = read_document(row["path"])
                if doc.sha256 == row["sha256"]:
                    return doc
            except WorkReportError:
                pass
        lines = tuple(self.backend.document_lines(int(document_id)))
        return Document(path=row["path"], sha256=row["sha256"], format=row["format"] or "txt",
                        encoding=row["encoding"] or "", lines=lines, norm_lines=read_lines(lines))

    # -- corrections --------------------------------------------------------------------------
    def edit_report(self, report_id: int, changes: dict, *, source: str = "") -> list[dict]:
        """Correct a report's org, level, domain or year (``None``: back to the parser's value).
        The correction is kept as an override that survives re-ingest, re-parse and new rules,
        and logged; returns the changes made (``[{"field", "old", "new"}]``)."""
        done = self.backend.edit_report(int(report_id), _overrides.clean_changes(changes), source=source)
        if done is None:
            raise NotInLibrary(f"没有编号为 {report_id} 的报告")
        return done

    def delete_report(self, report_id: int, *, source: str = "") -> dict | None:
        """Delete one report of a document (logged; no later parse stores it again)."""
        return self.backend.delete_report(int(report_id), source=source)

    def edits(self, *, report_id: int | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        """The edit log, newest first; with ``report_id``, that report's corrections only."""
        if report_id is None:
            return self.backend.edits(limit=limit, offset=offset)
        ov = self.backend.report_override(int(report_id))
        return self.backend.edits(override_id=ov.id, limit=limit, offset=offset) if ov else []

    def corrections(self, report_id: int) -> dict:
        """{field: {"value": corrected, "parsed": the parser's}} of one report."""
        ov = self.backend.report_override(int(report_id))
        if ov is None:
            return {}
        return {f: {"value": v, "parsed": ov.parsed.get(f)} for f, v in ov.value.items()}

    def unmatched_corrections(self) -> list[dict]:
        """Corrections that no report of their (stored) document answers to after a re-parse."""
        return self.backend.unmatched_overrides()
