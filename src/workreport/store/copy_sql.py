"""The store's side of one copy per document (copies.py says how copies are found): a file whose
text is (nearly) a stored document's is recorded as a source of that document, nothing else is
written.

Mixed into ``SqlStore``; SQL written with ``?`` placeholders that SQLite and PostgreSQL share
(``self._sql`` turns it into the backend's dialect).
"""
from __future__ import annotations

from typing import Any

from . import copies as _copies
from .rows import DocumentRows

# the sources of every document as exported (``export --format parquet``): each names its
# document by content (sha256) and path, since ids change when another library loads them
SOURCE_COLUMNS = (("document", "str"), ("document_path", "str"), ("document_sha256", "str"), ("path", "str"),
                  ("name", "str"), ("sha256", "str"), ("format", "str"), ("size", "int"), ("similarity", "float"),
                  ("added_at", "str"))


class CopySql:
    def _match(self, cur, rows: DocumentRows) -> tuple[dict, float] | None:
        """The stored document ``rows`` hold the text (or nearly the text) of, and how similar."""
        doc = rows.dicts("documents")[0]
        if doc.get("text_sha256"):
            same = self._all("SELECT id, name, path, format FROM documents WHERE text_sha256 = ? AND path <> ?"
                             " ORDER BY id LIMIT 1", (doc["text_sha256"], rows.path), cur)
            if same:
                return same[0], 1.0
        bands = (doc.get("bands") or "").split()
        if bands:
            mine = _copies.unpack(doc.get("shingles"))
            cands = self._all(
                f"SELECT d.id, d.name, d.path, d.format, d.shingles FROM documents d WHERE d.path <> ? AND d.id IN"
                f" (SELECT b.document_id FROM document_bands b WHERE b.band IN ({','.join('?' * len(bands))}))"
                " ORDER BY d.id", (rows.path, *bands), cur)
            scored = [(round(_copies.jaccard(mine, _copies.unpack(c["shingles"])), 4), c) for c in cands]
            best = max(scored, key=lambda sc: sc[0], default=None)
            if best is not None and _copies.is_near(best[0]):
                return best[1], best[0]
        return None

    def _copy_of(self, cur, rows: DocumentRows) -> dict[str, Any] | None:
        """When ``rows`` hold the text (or nearly the text) of a document stored from another file:
        the file that ranks first (``copies.keep_rank``: format, then path) is the document and the
        other its source.  When that is the stored one, this file is recorded as its source and
        nothing else is written; else ``{"displace": id, "similarity": s}`` tells the caller to
        store ``rows`` in its place (``_displaced_sources``)."""
        doc = rows.dicts("documents")[0]
        match = self._match(cur, rows)
        if match is None:
            return None
        target, similarity = match
        if _copies.keep_rank(doc.get("format"), rows.path) < _copies.keep_rank(target["format"], target["path"]):
            return {"displace": target["id"], "similarity": similarity}
        # the file at this path now holds another document's text: its old document goes
        for r in self._all("SELECT id FROM documents WHERE path = ? AND id <> ?", (rows.path, target["id"]), cur):
            self._delete(cur, r["id"])
        cur.execute(self._sql("DELETE FROM document_sources WHERE path = ?"), (rows.path,))
        self._add_source(cur, target["id"], {**doc, "similarity": similarity, "added_at": doc["ingested_at"]})
        return {"new": False, "reports": 0, "paragraphs": 0, "indicators": 0, "findings": 0,
                "duplicate_of": target["id"], "document": target["name"], "similarity": similarity}

    def _displaced_sources(self, cur, document_id: int, similarity: float, path: str) -> list[dict]:
        """The files of a document another file displaces: its own file (now a source, with the
        similarity of the two texts) and the sources it had, except ``path``."""
        d = self._all("SELECT path, name, sha256, format, size, ingested_at FROM documents WHERE id = ?",
                      (document_id,), cur)[0]
        own = {**d, "similarity": similarity, "added_at": d["ingested_at"]}
        return [s for s in [own, *self.document_sources(document_id, cur)] if s["path"] != path]

    def _add_source(self, cur, document_id: int, s: dict) -> None:
        nid = self._all("SELECT coalesce(max(id), 0) + 1 AS n FROM document_sources", (), cur)[0]["n"]
        cur.execute(self._sql("INSERT INTO document_sources(id, document_id, path, name, sha256, format, size,"
                              " similarity, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    (nid, document_id, s["path"], s.get("name"), s["sha256"], s.get("format"), s.get("size"),
                     float(s["similarity"]), s["added_at"]))

    def source(self, sha256: str) -> dict | None:
        """The stored document a file with these bytes was found to copy (None: not such a file)."""
        rows = self._all("SELECT s.document_id, s.similarity, d.name AS document FROM document_sources s"
                         " JOIN documents d ON d.id = s.document_id WHERE s.sha256 = ? ORDER BY s.id LIMIT 1",
                         (sha256,))
        return rows[0] if rows else None

    def document_sources(self, document_id: int, cur=None) -> list[dict]:
        return self._all("SELECT path, name, sha256, format, size, similarity, added_at FROM document_sources"
                         " WHERE document_id = ? ORDER BY id", (int(document_id),), cur)

    def _record_sources(self, cur, doc_id: int, rows: DocumentRows, kept: list[dict]) -> None:
        """After ``rows`` are written as document ``doc_id``: the other files kept as its sources,
        and its bands (for finding near copies later)."""
        # an older version of this file recorded as another document's copy is gone
        cur.execute(self._sql("DELETE FROM document_sources WHERE path = ?"), (rows.path,))
        for s in kept:
            self._add_source(cur, doc_id, s)
        bands = (rows.dicts("documents")[0].get("bands") or "").split()
        if bands:
            cur.executemany(self._sql("INSERT INTO document_bands(document_id, band) VALUES (?, ?)"),
                            [(doc_id, b) for b in bands])

    def all_sources(self) -> list[tuple]:
        """Every document's sources (``SOURCE_COLUMNS``), by the document's path then in order."""
        rows = self._all("SELECT d.name AS document, d.path AS document_path, d.sha256 AS document_sha256, s.path,"
                         " s.name, s.sha256, s.format, s.size, s.similarity, s.added_at FROM document_sources s"
                         " JOIN documents d ON d.id = s.document_id ORDER BY d.path, s.id")
        return [tuple(r[c] for c, _ in SOURCE_COLUMNS) for r in rows]

    def add_sources(self, sources: list[dict]) -> int:
        """Record exported sources under the stored documents they name (by sha256): one
        transaction; a source whose document is not here, whose file is itself a stored document,
        or that is recorded already, is skipped.  How many were added."""
        def once():
            with self._lock, self._write_transaction() as cur:
                n = 0
                for s in sources:
                    doc = self._all("SELECT id FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1",
                                    (s["document_sha256"],), cur)
                    if not doc or self._all("SELECT 1 AS x FROM documents WHERE sha256 = ?", (s["sha256"],), cur):
                        continue
                    if self._all("SELECT 1 AS x FROM document_sources WHERE document_id = ? AND path = ?"
                                 " AND sha256 = ?", (doc[0]["id"], s["path"], s["sha256"]), cur):
                        continue
                    self._add_source(cur, doc[0]["id"], s)
                    n += 1
                return n

        return self._retry(once)
