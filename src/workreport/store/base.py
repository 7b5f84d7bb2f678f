"""The store interface: what ``Library`` needs from a database, and the SQL both databases share.

``Store`` lists the operations (write one document's rows, delete a document, the reads behind
each Library method, search).  ``SqlStore`` implements all of them but search with SQL that
SQLite and PostgreSQL both run; a backend supplies the connection, the write transaction, the
migrations, its search index and the few dialect pieces below (``contains``, ``_sql``).
``sqlite.SQLiteStore`` and ``postgres.PostgresStore`` are the two backends; ``open_store`` picks
one from the location (a file path, or a ``postgresql://`` URL).  The columns the readers select
and the report list's sort keys are in ``listing.py``.

Every reader gets rows as dicts of plain Python values (int, float, str, bytes, None), the
same from either backend; tests/test_store_backends.py holds them to that.
"""
from __future__ import annotations

import abc
import os
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from .copy_sql import CopySql
from .listing import CHILD_COLS, DOCUMENT_COLS, REPORT_COLS, sort_clause
from .override_sql import OverrideSql
from .rows import COLUMNS, TABLES, DocumentRows, document_rows, renumber, unpack_lines
from .tables import extra_sql, table_sql


class Store(abc.ABC):
    """One library database.  Methods are safe to call from several threads (one lock)."""

    kind: str  # "sqlite" or "postgresql"
    location: str  # the path or URL it was opened with (a URL without its password)

    # -- writes ---------------------------------------------------------------------------------
    @abc.abstractmethod
    def known_sha(self, sha256: str) -> bool: ...

    @abc.abstractmethod
    def stored_version(self, sha256: str) -> tuple[bool, str | None]:
        """(a document with these bytes is stored?, the rules version it was parsed under)."""

    def write_many(self, batch: list[DocumentRows], *, force: bool = False) -> list[dict[str, Any]]:
        """Several documents, each as ``write`` does; a backend may use one transaction."""
        return [self.write(rows, force=force) for rows in batch]

    @abc.abstractmethod
    def write(self, rows: DocumentRows, *, force: bool = False) -> dict[str, Any]:
        """Store one document (``rows`` numbered from anything; ids are assigned here) in one
        transaction, its corrections applied (overrides.py).  Same SHA-256 already stored under
        the same rules version -> nothing changes (``{"new": False}``) unless ``force`` (a
        re-parse); under another version, or at the same path, the old rows are replaced in the
        same transaction.

        A document whose text (after normalisation) is already stored from another file, or is
        a near-duplicate of one (copies.py), is not stored again: the file is recorded as a
        source of the stored document (``{"new": False, "duplicate_of": id, "similarity": s}``)."""

    @abc.abstractmethod
    def delete_document(self, document_id: int, *, source: str = "") -> bool: ...

    @abc.abstractmethod
    def source(self, sha256: str) -> dict | None:
        """A file with these bytes was found to hold (nearly) the text of a stored document:
        ``{"document_id", "document", "similarity"}``; None otherwise."""

    @abc.abstractmethod
    def document_sources(self, document_id: int) -> list[dict]:
        """The other files found to hold this document's text (``similarity`` 1) or nearly it."""

    # -- corrections (override_sql.py) ----------------------------------------------------------
    @abc.abstractmethod
    def edit_report(self, report_id: int, changes, *, source: str = "") -> list[dict] | None: ...

    @abc.abstractmethod
    def delete_report(self, report_id: int, *, source: str = "") -> dict | None: ...

    @abc.abstractmethod
    def report_override(self, report_id: int): ...

    @abc.abstractmethod
    def edits(self, *, override_id: int | None = None, limit: int = 100, offset: int = 0) -> list[dict]: ...

    @abc.abstractmethod
    def unmatched_overrides(self) -> list[dict]: ...

    @staticmethod
    def row_builder() -> Callable[..., DocumentRows]:
        """``f(parsed, size=...) -> DocumentRows``, module-level (it runs in the parser worker
        processes): the rows and whatever else this backend can prepare before the write."""
        return document_rows

    # -- reads ----------------------------------------------------------------------------------
    @abc.abstractmethod
    def stats(self) -> dict[str, int]: ...

    @abc.abstractmethod
    def documents(self) -> list[dict]: ...

    @abc.abstractmethod
    def document_lines(self, document_id: int) -> list[str] | None: ...

    @abc.abstractmethod
    def document(self, document_id: int) -> dict | None: ...

    @abc.abstractmethod
    def reports(self, *, org=None, level=None, domain=None, year=None, limit: int = 100,
                offset: int = 0, sort: str | None = None) -> tuple[int, list[dict]]:
        """(total, one page of report rows: ``REPORT_COLS``; ``sort``: a key of ``SORTS``)."""

    @abc.abstractmethod
    def facets(self) -> dict[str, dict[str, int]]: ...

    @abc.abstractmethod
    def report_row(self, report_id: int) -> dict | None: ...

    @abc.abstractmethod
    def report_children(self, report_id: int, table: str) -> list[dict]:
        """Rows of ``table`` (a key of ``CHILD_COLS``) under one report, in document order."""

    @abc.abstractmethod
    def report_source(self, report_id: int) -> dict | None:
        """start_line, path, sha256, format, encoding and ``lines`` of a report's document."""

    @abc.abstractmethod
    def measures(self, prefix: str, limit: int) -> list[dict]: ...

    @abc.abstractmethod
    def measure_spread(self, *, limit: int = 10, min_orgs: int = 2) -> list[dict]:
        """Measures reported by the most bodies: ``[{"measure", "orgs", "count"}]``."""

    @abc.abstractmethod
    def compare_rows(self, names: list[str], *, org=None, year=None, level=None) -> list[dict]: ...

    @abc.abstractmethod
    def search(self, query: str, *, org=None, level=None, domain=None, year=None, role=None,
               limit: int = 20, offset: int = 0) -> dict: ...

    @abc.abstractmethod
    def table(self, name: str, *, extra: bool = False) -> tuple[list[str], list[tuple]]:
        """Columns and rows of one export table (``tables.EXPORT``), or with ``extra`` the
        stored columns it does not show (``tables.EXTRA``)."""

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the library (an export of several tables)."""
        yield

    @abc.abstractmethod
    def close(self) -> None: ...


class SqlStore(CopySql, OverrideSql, Store):
    """``Store`` over a DB-API connection.  SQL here is written with ``?`` placeholders and
    functions both databases have; ``_sql`` turns it into the backend's dialect."""

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # -- what a backend supplies ----------------------------------------------------------------
    @abc.abstractmethod
    def _cursor(self): ...

    @abc.abstractmethod
    @contextmanager
    def _write_transaction(self) -> Iterator[Any]:
        """A cursor inside a transaction that holds the library's write lock (one writer at a
        time, so ids taken as max(id)+1 are never taken twice)."""

    @abc.abstractmethod
    def _index(self, cur, rows: DocumentRows) -> None:
        """Add the paragraphs of ``rows`` (already stored) to the search index."""

    @abc.abstractmethod
    def _unindex(self, cur, document_id: int) -> None:
        """Remove a document's paragraphs from the search index (before its rows go)."""

    @abc.abstractmethod
    def _unindex_report(self, cur, report_id: int) -> None:
        """Remove one report's paragraphs from the search index (before it changes or goes)."""

    @abc.abstractmethod
    def _index_report(self, cur, report_id: int) -> None:
        """Add one stored report's paragraphs to the search index (after its level, domain or
        year changed)."""

    def _sql(self, sql: str) -> str:
        return sql

    @staticmethod
    def contains(column: str) -> str:
        """SQL true when ``column`` contains the text bound to the one placeholder."""
        return f"instr({column}, ?) > 0"

    # -- plumbing --------------------------------------------------------------------------------
    def _all(self, sql: str, args=(), cur=None) -> list[dict]:
        if cur is not None:  # inside a write transaction (the caller holds the lock)
            return self._fetch(cur, sql, args)
        with self._read_cursor() as c:
            return self._fetch(c, sql, args)

    def _fetch(self, cur, sql: str, args) -> list[dict]:
        cur.execute(self._sql(sql), tuple(args))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    @contextmanager
    def _read_cursor(self) -> Iterator[Any]:
        """A cursor for reading: by default the one connection under the lock; a backend whose
        readers can run beside the writer gives each thread its own (sqlite.py)."""
        with self._lock:
            yield self._cursor()


    def execute(self, sql: str, args=()) -> list[dict]:
        """Run one statement (``?`` placeholders) and return its rows as dicts: for tests and
        maintenance; the Library never calls it."""
        return self._all(sql, args)

    # -- writes ----------------------------------------------------------------------------------
    def known_sha(self, sha256: str) -> bool:
        return bool(self._all("SELECT 1 AS x FROM documents WHERE sha256 = ?", (sha256,)))

    def _retry(self, fn):
        """Run a write; a backend may try again when the database was busy."""
        return fn()

    def write(self, rows: DocumentRows, *, force: bool = False) -> dict[str, Any]:
        return self.write_many([rows], force=force)[0]

    def write_many(self, batch: list[DocumentRows], *, force: bool = False) -> list[dict[str, Any]]:
        """Store several documents in one transaction (an ingest's batch: fewer commits, and the
        search index grows in bigger steps); each is still whole or absent.  A later document of
        the batch sees the earlier ones (a docx and its txt in one batch: one copy)."""
        def once():
            with self._lock, self._write_transaction() as cur:
                return [self._write_one(cur, rows, force) for rows in batch]

        return self._retry(once)

    def _write_one(self, cur, rows: DocumentRows, force: bool = False) -> dict[str, Any]:
        """One document inside the caller's transaction (the caller holds the lock)."""
        stored = self._all("SELECT id, rules_version FROM documents WHERE sha256 = ?", (rows.sha256,), cur)
        if stored and not force and all(r["rules_version"] == rows.rules_version for r in stored):
            # another ingest got here first, or a repeat
            return _unchanged()
        displaced = None
        if not stored and not force:
            copy = self._copy_of(cur, rows)
            if copy is not None and "displace" not in copy:
                return copy
            displaced = copy  # this file ranks before the stored copy: it takes the document's place
        # a re-parse keeps the other files known to hold this text
        kept = [s for d in stored for s in self._all(
            "SELECT path, name, sha256, format, size, similarity, added_at FROM document_sources"
            " WHERE document_id = ?", (d["id"],), cur) if s["path"] != rows.path]
        old = stored + self._all("SELECT id FROM documents WHERE path = ?", (rows.path,), cur)
        if displaced:
            moved = self._displaced_sources(cur, displaced["displace"], displaced["similarity"], rows.path)
            displaced["path"] = moved[0]["path"]
            kept += moved
            old.append({"id": displaced["displace"]})
        for doc_id in dict.fromkeys(r["id"] for r in old):
            self._delete(cur, doc_id)
        rows = self._correct(cur, rows)
        start = {t: self._all(f"SELECT coalesce(max(id), 0) + 1 AS n FROM {t}", (), cur)[0]["n"] for t in TABLES}
        rows = renumber(rows, start)
        for t in TABLES:
            if rows.tables[t]:
                cols = COLUMNS[t]
                cur.executemany(self._sql(f"INSERT INTO {t}({', '.join(_q(c) for c in cols)})"
                                          f" VALUES ({', '.join('?' * len(cols))})"), rows.tables[t])
        self._index(cur, rows)
        doc_id = rows.document[0]
        self._record_sources(cur, doc_id, rows, kept)
        n = rows.counts()
        if displaced:  # one document still: the displaced file is reported as the copy
            return {"new": False, "reports": 0, "paragraphs": 0, "indicators": 0, "findings": 0,
                    "duplicate_of": doc_id, "document": rows.dicts("documents")[0].get("name"),
                    "similarity": displaced["similarity"], "duplicate_path": displaced["path"]}
        return {"new": True, "document_id": doc_id, "reports": n["reports"],
                "paragraphs": n["paragraphs"], "indicators": n["indicators"], "findings": n["findings"]}

    def _delete(self, cur, document_id: int) -> None:
        self._unindex(cur, document_id)
        cur.execute(self._sql("DELETE FROM documents WHERE id = ?"), (document_id,))  # the rest cascades

    # -- reads -----------------------------------------------------------------------------------
    def version(self) -> tuple:
        """A value that changes with every write (for caches of read results): the newest
        document, how many there are (ids are max+1, so a delete then an add changes the newest
        one's sha or path, or the count), and the newest entry of the edit log (corrections)."""
        row = self._all("SELECT d.id, d.sha256, d.path, (SELECT count(*) FROM documents) AS n,"
                        " (SELECT coalesce(max(id), 0) FROM edit_log) AS e FROM documents d ORDER BY d.id DESC LIMIT 1")
        return tuple(row[0].values()) if row else ()

    def stats(self) -> dict[str, int]:
        out = {t: self._all(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in TABLES}
        out["lines"] = self._all("SELECT CAST(coalesce(sum(n_lines), 0) AS BIGINT) AS n FROM documents")[0]["n"]
        return out

    def documents(self) -> list[dict]:
        return self._all(f"SELECT {', '.join(DOCUMENT_COLS)} FROM documents ORDER BY path")

    def document(self, document_id: int) -> dict | None:
        rows = self._all(f"SELECT {', '.join(DOCUMENT_COLS)} FROM documents WHERE id = ?", (int(document_id),))
        return rows[0] if rows else None

    def document_lines(self, document_id: int) -> list[str] | None:
        rows = self._all("SELECT lines_z FROM documents WHERE id = ?", (int(document_id),))
        return unpack_lines(rows[0]["lines_z"]) if rows else None

    def _filters(self, org, level, domain, year) -> tuple[str, list]:
        where, args = [], []
        if org:
            where.append(self.contains("r.org"))
            args.append(str(org))
        for col, val in (("r.level", level), ("r.domain", domain)):
            if val:
                where.append(f"{col} = ?")
                args.append(str(val))
        if year not in (None, ""):
            where.append("r.year = ?")
            args.append(int(year))
        return "".join(f" AND {w}" for w in where), args

    def reports(self, *, org=None, level=None, domain=None, year=None, limit: int = 100,
                offset: int = 0, sort: str | None = None) -> tuple[int, list[dict]]:
        where, args = self._filters(org, level, domain, year)
        order = sort_clause(sort)
        total = self._all(f"SELECT count(*) AS n FROM reports r WHERE 1 = 1{where}", args)[0]["n"]
        rows = self._all(
            f"SELECT {REPORT_COLS} FROM reports r JOIN documents d ON d.id = r.document_id WHERE 1 = 1{where}"
            f" ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, max(0, int(limit)), max(0, int(offset))],
        )
        return total, rows

    def facets(self) -> dict[str, dict[str, int]]:
        out = {}
        for name in ("level", "domain", "year"):
            # years newest first (a list to pick a year from); levels and domains most common first
            order = "value DESC" if name == "year" else "n DESC, value"
            rows = self._all(f"SELECT {name} AS value, count(*) AS n FROM reports WHERE {name} IS NOT NULL"
                             f" GROUP BY {name} ORDER BY {order}")
            out[name] = {str(r["value"]): r["n"] for r in rows}
        return out

    def report_row(self, report_id: int) -> dict | None:
        rows = self._all(f"SELECT {REPORT_COLS} FROM reports r JOIN documents d ON d.id = r.document_id"
                         " WHERE r.id = ?", (int(report_id),))
        return rows[0] if rows else None

    def report_children(self, report_id: int, table: str) -> list[dict]:
        return self._all(f"SELECT {CHILD_COLS[table]} FROM {table} WHERE report_id = ? ORDER BY ord",
                         (int(report_id),))

    def report_source(self, report_id: int) -> dict | None:
        rows = self._all("SELECT r.start_line, d.path, d.sha256, d.format, d.encoding, d.lines_z FROM reports r"
                         " JOIN documents d ON d.id = r.document_id WHERE r.id = ?", (int(report_id),))
        if not rows:
            return None
        row = rows[0]
        row["lines"] = unpack_lines(row.pop("lines_z"))
        return row

    def measures(self, prefix: str, limit: int) -> list[dict]:
        return self._all(
            "SELECT measure, count(*) AS count FROM indicators WHERE measure IS NOT NULL AND measure <> ''"
            " AND substr(measure, 1, ?) = ? GROUP BY measure ORDER BY count(*) DESC, measure LIMIT ?",
            (len(prefix), prefix, max(0, int(limit))),
        )

    def measure_spread(self, *, limit: int = 10, min_orgs: int = 2) -> list[dict]:
        return self._all(
            "SELECT i.measure, count(DISTINCT r.org) AS orgs, count(DISTINCT r.year) AS years, count(*) AS count"
            " FROM indicators i JOIN reports r ON r.id = i.report_id WHERE i.measure IS NOT NULL AND i.measure <> ''"
            " AND r.org IS NOT NULL GROUP BY i.measure HAVING count(DISTINCT r.org) >= ?"
            " ORDER BY count(DISTINCT r.org) DESC, count(DISTINCT r.year) DESC, count(*) DESC, i.measure LIMIT ?",
            (int(min_orgs), max(0, int(limit))))

    def compare_rows(self, names: list[str], *, org=None, year=None, level=None) -> list[dict]:
        where, args = self._filters(org, level, None, year)
        return self._all(
            "SELECT r.id AS report_id, r.org, r.year, r.level, i.measure, i.measure_phrase, i.value, i.number, i.unit,"
            " i.normalized_value, i.normalized_unit, i.kind, i.period, i.period_end, i.period_kind, i.line, i.span,"
            " d.name AS document, i.id AS indicator_id"
            " FROM indicators i JOIN reports r ON r.id = i.report_id JOIN documents d ON d.id = r.document_id"
            f" WHERE i.measure IN ({','.join('?' * len(names))}){where}"
            " ORDER BY r.org IS NULL, r.org, r.year NULLS FIRST, d.path, i.line, i.ord",
            [*names, *args],
        )

    def table(self, name: str, *, extra: bool = False) -> tuple[list[str], list[tuple]]:
        with self._read_cursor() as cur:
            cur.execute(self._sql(extra_sql(name) if extra else table_sql(name)))
            return [c[0] for c in cur.description], [tuple(r) for r in cur.fetchall()]


def _unchanged() -> dict[str, Any]:
    return {"new": False, "reports": 0, "paragraphs": 0, "indicators": 0, "findings": 0}


def _q(column: str) -> str:
    return f'"{column}"'


def open_store(location: str | os.PathLike, *, readonly: bool = False) -> Store:
    """The store at ``location``: a ``postgresql://`` (or ``postgres://``) URL, else a SQLite file.
    ``readonly``: for reading only (an existing library; nothing written, no lock taken)."""
    from . import is_url

    loc = os.fspath(location)
    if is_url(loc):
        from .postgres import PostgresStore

        return PostgresStore(loc, readonly=readonly)
    from .sqlite import SQLiteStore

    return SQLiteStore(loc, readonly=readonly)
