"""The SQLite store: opening the file (WAL, busy timeout, foreign keys, migrations), write
retries, and ``SQLiteStore``, the ``Store`` over it."""
from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from pathlib import Path
from contextlib import contextmanager

from ..errors import StoreError
from . import migrations
from . import search as _search
from .base import SqlStore
from .rows import DocumentRows, document_rows

BUSY_TIMEOUT_MS = 60_000
DEFAULT_PATH = "workreport.db"  # the library file every command and the web app use by default


def connect(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the library at ``path``: created and migrated if needed, or, with ``readonly``, as it
    is (it must exist; nothing is written, so a read-only file or folder is fine).

    Opening takes no lock unless a migration is due: a reader never waits for a writer (WAL).
    A library written by a newer workreport is refused, never read or written.
    """
    if readonly and path != ":memory:" and not os.path.isfile(path):
        raise StoreError(f"{path}: no library here (create one with `workreport ingest FILES --db {path}`)",
                         status=404)
    try:
        if readonly and path != ":memory:":
            conn = _open_readonly(path)
        else:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        conn.row_factory = sqlite3.Row  # rows are read by column name, never by position
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:" and not readonly:
            # WAL lets readers go on while one writer commits; two ingests queue on the lock.
            with_retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -65536")
        done = applied_versions(conn)
        newest = max(done, default=0)
        if newest > migrations.LATEST:
            raise StoreError(f"{path}: written by a newer workreport (library schema {newest}, this version "
                             f"reads up to {migrations.LATEST}); upgrade workreport to open it")
        if any(v not in done for v, _, _ in migrations.MIGRATIONS):
            if readonly:
                raise StoreError(f"{path}: this library needs an upgrade to schema {migrations.LATEST};"
                                 " run a command that writes (e.g. `workreport ingest`) once")

            def _migrate():
                with transaction(conn):  # serialise two processes opening a new file at once
                    migrations.apply(conn)

            with_retry(_migrate)
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc).replace("-", "").replace(" ", ""):
            raise StoreError(f"{path}: the library (or its folder) is read-only: it can be searched and"
                             " exported, not written") from exc
        raise StoreError(f"{path}: cannot open as a workreport library: {exc}") from exc
    return conn


def _open_readonly(path: str) -> sqlite3.Connection:
    """A read-only connection.  A WAL library in a folder we cannot write has no shared-memory
    file to read through; when no write is pending in its -wal file the library is complete in
    the main file, and is read as an immutable file."""
    uri = Path(os.path.abspath(path)).as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = path + "-wal"
        if "readonly" not in str(exc).replace(" ", "") or (os.path.exists(wal) and os.path.getsize(wal) > 0):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """The migrations applied to the library (none for a new file); a plain read, no lock."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone():
        return {r["version"] for r in conn.execute("SELECT version FROM schema_migrations")}
    if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
        raise sqlite3.DatabaseError("it has tables but no schema_migrations table")
    return set()


@contextmanager
def transaction(conn: sqlite3.Connection):
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK when the block raises (the write lock is taken at
    the start, so two writers queue instead of failing half-way)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def with_retry(fn, attempts: int = 8):
    """Run ``fn``; on 'database is locked/busy' (after busy_timeout) wait a little and retry."""
    for i in range(attempts):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            msg = str(exc).lower()
            if ("locked" not in msg and "busy" not in msg) or i == attempts - 1:
                raise
            time.sleep(0.05 * (2**i) + random.random() * 0.05)
    return None


def sqlite_rows(parsed, *, size: int | None = None, rules_version: str | None = None) -> DocumentRows:
    """The rows of a parsed document with their search token streams (``SQLiteStore.row_builder``;
    runs in the parser workers)."""
    return _search.paragraph_tokens(document_rows(parsed, size=size, rules_version=rules_version))


class SQLiteStore(SqlStore):
    """The library in one SQLite file (or ``:memory:``); search through FTS5 (search.py).

    One connection writes (under the lock, one short transaction per document); each reading
    thread has its own connection, so in WAL mode a search never waits for a write in progress,
    nor for another search."""

    kind = "sqlite"

    def __init__(self, path: str, *, readonly: bool = False):
        super().__init__()
        self.location = self.path = path
        self.readonly = readonly
        self._conn = connect(path, readonly=readonly)
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._shared = path == ":memory:"  # one in-memory database: one connection

    def _cursor(self):
        return self._conn.cursor()

    def _reader(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self._conn is None:
                raise sqlite3.ProgrammingError("the library is closed")
            conn = connect(self.path, readonly=True) if self.readonly else _reader_connection(self.path)
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        return conn

    @contextmanager
    def _read_cursor(self):
        if self._shared:
            with self._lock:
                yield self._conn.cursor()
            return
        yield self._reader().cursor()

    @staticmethod
    def row_builder():
        return sqlite_rows

    @contextmanager
    def _write_transaction(self):
        with transaction(self._conn) as conn:
            yield conn.cursor()

    def _retry(self, fn):
        return with_retry(fn)

    def _index(self, cur, rows: DocumentRows) -> None:
        _search.index_paragraphs(cur, rows)

    def _unindex(self, cur, document_id: int) -> None:
        _search.unindex_document(cur, document_id)

    def _unindex_report(self, cur, report_id: int) -> None:
        _search.unindex_report(cur, report_id)

    def _index_report(self, cur, report_id: int) -> None:
        _search.index_report(cur, report_id)

    def search(self, query: str, **kw) -> dict:
        if self._shared:
            with self._lock:
                return _search.search(self._conn, query, **kw)
        conn = self._reader()
        # one snapshot for the count, facets, page and details (a write may commit meanwhile)
        conn.execute("BEGIN")
        try:
            return _search.search(conn, query, **kw)
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._readers:
                try:
                    conn.close()
                except sqlite3.ProgrammingError:  # made in another thread: closed with its thread
                    pass
            self._readers.clear()
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _reader_connection(path: str) -> sqlite3.Connection:
    """A connection for one reading thread of a library already opened (and migrated) by the
    writer's connection: no migration check, queries only."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -32768")
    return conn
