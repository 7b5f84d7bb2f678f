"""The SQLite store: opening the file (WAL, busy timeout, foreign keys, migrations), write
retries, and ``SQLiteStore``, the ``Store`` over it."""
from __future__ import annotations

import random
import sqlite3
import time
from contextlib import contextmanager

from ..errors import StoreError
from . import migrations
from . import search as _search
from .base import SqlStore
from .rows import DocumentRows

BUSY_TIMEOUT_MS = 60_000
DEFAULT_PATH = "workreport.db"  # the library file every command and the web app use by default


def connect(path: str) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the library at ``path``."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row  # rows are read by column name, never by position
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:":
            # WAL lets readers go on while one writer commits; two ingests queue on the lock.
            with_retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -65536")

        def _migrate():
            with transaction(conn):  # serialise two processes opening a new file at once
                migrations.apply(conn)

        with_retry(_migrate)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open as a workreport library: {exc}") from exc
    return conn


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


class SQLiteStore(SqlStore):
    """The library in one SQLite file (or ``:memory:``); search through FTS5 (search.py)."""

    kind = "sqlite"

    def __init__(self, path: str):
        super().__init__()
        self.location = self.path = path
        self._conn = connect(path)

    def _cursor(self):
        return self._conn.cursor()

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
        with self._lock:
            return _search.search(self._conn, query, **kw)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
