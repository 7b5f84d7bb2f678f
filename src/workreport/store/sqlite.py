"""Opening the library database: WAL, busy timeout, foreign keys, migrations, write retries."""
from __future__ import annotations

import random
import sqlite3
import time
from contextlib import contextmanager

from ..errors import StoreError
from . import migrations

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
