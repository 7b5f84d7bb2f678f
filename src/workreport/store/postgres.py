"""The PostgreSQL store: ``--db postgresql://user@host/dbname``.

Same tables, ids and answers as the SQLite store (``SqlStore`` runs the same SQL); what differs
lives here: connections (one per thread, so web readers do not queue behind one another), the
write lock (a transaction-level advisory lock: one writer at a time, as SQLite's BEGIN
IMMEDIATE, so any number of ingest processes can share a database), the migrations
(pg_migrations.py) and search (pgsearch.py).

Readers never wait for the writer (MVCC; each thread reads on its own autocommit connection, a
search in one REPEATABLE READ snapshot).  Opening takes the write lock only when a migration is
due; a database migrated by a newer workreport is refused; ``readonly`` opens never migrate and
every transaction is READ ONLY.  The parser workers make each paragraph's grams
(``row_builder``), so the writer only copies them in.
"""
from __future__ import annotations

import contextlib
import logging
import threading
from contextlib import contextmanager

from ..errors import StoreError
from . import pgsearch
from .base import SqlStore
from .pg_migrations import LATEST, PG_MIGRATIONS, apply_step
from .rows import DocumentRows, document_rows

log = logging.getLogger(__name__)
# pg_advisory_xact_lock key of the library's write lock (any constant; this one spells "wrep")
WRITE_LOCK = 0x77726570


def safe_url(url: str) -> str:
    """The URL without its password (for messages and ``location``)."""
    try:
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        info = conninfo_to_dict(url)
    except Exception:
        return url.split("@")[-1]
    if "password" in info:
        info["password"] = "***"
    return make_conninfo(**info)


class PostgresStore(SqlStore):
    kind = "postgresql"

    def __init__(self, url: str, *, readonly: bool = False):
        super().__init__()
        self._lock = contextlib.nullcontext()  # each thread has its own connection
        self.url = url
        self.location = self.path = safe_url(url)
        self.readonly = readonly
        self._local = threading.local()
        self._conns: list = []
        self._conns_lock = threading.Lock()
        self._migrate()

    # -- connections ----------------------------------------------------------------------------
    def _connect(self):
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("psycopg is not installed: pip install 'workreport[scale]'") from exc
        try:
            # prepare_threshold=None: no server-side prepared statements, so no generic plan; and
            # force_custom_plan for any the server would cache: a plan made for a 3-character
            # term must never serve a 2-character one (the trigram index is wrong for those).
            options = "-c plan_cache_mode=force_custom_plan"
            if self.readonly:  # the server refuses any write, whatever code path tries one
                options += " -c default_transaction_read_only=on"
            conn = psycopg.connect(self.url, autocommit=True, prepare_threshold=None, options=options)
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: cannot connect to PostgreSQL: {str(exc).strip().splitlines()[0]}") \
                from exc
        with self._conns_lock:
            self._conns.append(conn)
        return conn

    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._local.conn = self._connect()
        return conn

    def _cursor(self):
        return self._conn().cursor()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")  # our SQL has no '?' and no '%' of its own

    @staticmethod
    def contains(column: str) -> str:
        return f"strpos({column}, ?) > 0"

    @staticmethod
    def row_builder():
        return pg_rows

    @contextmanager
    def _write_transaction(self):
        import psycopg

        if self.readonly:
            raise StoreError(f"{self.location}: opened read-only: it can be searched and exported, not written")
        conn = self._conn()
        try:
            with conn.transaction():
                cur = conn.cursor()
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield cur
        except psycopg.errors.ReadOnlySqlTransaction as exc:  # a read-only server or user
            raise StoreError(f"{self.location}: the database is read-only: it can be searched and"
                             " exported, not written") from exc

    @contextmanager
    def snapshot(self):
        """Reads inside see one state of the database.  Inside another snapshot (or a write
        transaction) of this thread, that one's state is already fixed: nothing to begin."""
        import psycopg.pq

        conn = self._conn()
        if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            yield
            return
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield

    # -- schema ---------------------------------------------------------------------------------
    def _migrate(self) -> None:
        conn = self._conn()
        enc, ctype = conn.execute("SELECT pg_encoding_to_char(encoding), datctype FROM pg_database"
                                  " WHERE datname = current_database()").fetchone()
        if enc != "UTF8":
            raise StoreError(f"{self.location}: the database encoding is {enc}; Chinese text needs UTF8"
                             " (CREATE DATABASE … ENCODING 'UTF8' LC_CTYPE 'C.UTF-8')")
        if "utf" not in ctype.lower().replace("-", ""):
            log.warning("%s: LC_CTYPE is %s: pg_trgm finds no trigrams in Chinese text, so searches of 3+"
                        " characters scan every paragraph (results stay exact); use LC_CTYPE 'C.UTF-8'",
                        self.location, ctype)
        done = self._applied(conn)  # a plain read: opening an up-to-date database takes no lock
        self._check_newest(done)
        if all(v in done for v, _, _ in PG_MIGRATIONS):
            return
        if self.readonly:
            if not done:
                raise StoreError(f"{self.location}: no library here (create one with"
                                 f" `workreport ingest FILES --db URL`)", status=404)
            raise StoreError(f"{self.location}: this library needs an upgrade to schema {LATEST};"
                             " run a command that writes (e.g. `workreport ingest`) once")
        with self._write_transaction() as cur:  # two processes opening a new database queue here
            cur.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            cur.execute("SELECT version FROM schema_migrations")
            done = {r[0] for r in cur.fetchall()}
            self._check_newest(done)  # another process may have migrated further meanwhile
            for version, name, sql in PG_MIGRATIONS:
                if version in done:
                    continue
                apply_step(cur, sql)
                cur.execute("INSERT INTO schema_migrations(version, name, applied_at)"
                            " VALUES (%s, %s, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))",
                            (version, name))

    @staticmethod
    def _applied(conn) -> set[int]:
        """The migrations applied to the database (none for an empty one)."""
        if conn.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
            return set()
        return {r[0] for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}

    def _check_newest(self, done: set[int]) -> None:
        newest = max(done, default=0)
        if newest > LATEST:
            raise StoreError(f"{self.location}: written by a newer workreport (library schema {newest}, this"
                             f" version reads up to {LATEST}); upgrade workreport to open it")

    # -- search ---------------------------------------------------------------------------------
    def _index(self, cur, rows: DocumentRows) -> None:
        pgsearch.index_paragraphs(cur, rows)

    def _unindex(self, cur, document_id: int) -> None:
        pgsearch.unindex_document(cur, document_id)

    def _unindex_report(self, cur, report_id: int) -> None:
        pgsearch.unindex_report(cur, report_id)

    def _index_report(self, cur, report_id: int) -> None:
        pgsearch.index_report(cur, report_id)

    def search(self, query: str, **kw) -> dict:
        # one snapshot for the count, facets, page and details (a write may commit meanwhile)
        with self.snapshot():
            return pgsearch.search(self, query, **kw)

    def index_size(self) -> int:
        """Rows of the grams index (the tests compare it before and after)."""
        return self._all("SELECT count(*) AS n FROM para_grams")[0]["n"]

    def close(self) -> None:
        with self._conns_lock:
            for conn in self._conns:
                with contextlib.suppress(Exception):
                    conn.close()
            self._conns.clear()


def pg_rows(parsed, *, size: int | None = None, rules_version: str | None = None,
            ingested_at: str | None = None) -> DocumentRows:
    """The rows of a parsed document with each paragraph's grams ready to copy
    (``PostgresStore.row_builder``; runs in the parser workers)."""
    return pgsearch.paragraph_grams(document_rows(parsed, size=size, rules_version=rules_version,
                                                  ingested_at=ingested_at))
