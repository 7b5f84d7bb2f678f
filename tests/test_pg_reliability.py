"""The reliability behaviour of the library (docs/RELIABILITY.md) on the PostgreSQL store: a
newer schema refused, read-only opens that never write nor migrate, opening without the write
lock, readers that never wait for a writer, the search cache seeing other processes' writes,
rows and grams made in the parser workers, and the parse budget."""
from __future__ import annotations

import threading
import time

import pytest

from conftest import SAMPLES, make_parsed, quick_parse
from slow_parsers import picky_parse
from workreport.errors import StoreError
from workreport.store import Library
from workreport.store import migrations, pg_migrations
from workreport.store.postgres import WRITE_LOCK, pg_rows
from workreport.workers import Budget


def _raw(url):
    import psycopg

    return psycopg.connect(url, autocommit=True)


@pytest.fixture
def pg_lib(pg_server):
    url = pg_server.new_database("rel")
    with Library(url, parser=quick_parse) as lib:
        lib.store(make_parsed(["一、主要工作", "全年完成投资3.5亿元，新建道路12公里。"], path="a.txt", org="青山区", year=2023))
    return url


def test_both_stores_reach_the_same_schema_version():
    assert pg_migrations.LATEST == migrations.LATEST


def test_a_database_from_a_newer_version_is_refused_and_not_written(pg_lib, cli_runner):
    from workreport.cli import main

    with _raw(pg_lib) as c:
        c.execute("INSERT INTO schema_migrations VALUES (%s, 'from the future', '2099-01-01')", (migrations.LATEST + 1,))
    for readonly in (False, True):
        with pytest.raises(StoreError, match="newer workreport"):
            Library(pg_lib, readonly=readonly)
    r = cli_runner.invoke(main, ["search", "投资", "--db", pg_lib])
    assert r.exit_code == 2 and "newer workreport" in r.output and len(r.output.strip().splitlines()) == 1
    with _raw(pg_lib) as c:
        assert c.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_read_only_opens_read_and_never_write(pg_lib, pg_server):
    with Library(pg_lib, readonly=True) as lib:
        assert lib.search("投资")["total"] == 1
        with pytest.raises(StoreError, match="read-only"):
            lib.store(make_parsed(["二、下步打算"], path="b.txt", org="青山区", year=2024))
        with pytest.raises(Exception, match="read-only"):  # the server refuses too, whatever the path
            lib.backend.execute("DELETE FROM documents")
    with Library(pg_lib) as lib:
        assert lib.stats()["documents"] == 1
    empty = pg_server.new_database("empty")
    with pytest.raises(StoreError, match="no library here"):
        Library(empty, readonly=True)
    with _raw(empty) as c:  # nothing was created in it
        assert c.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None


def test_opening_a_migrated_database_takes_no_write_lock(pg_lib):
    with _raw(pg_lib) as holder:
        with holder.transaction():
            holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))  # an ingest writing
            t = time.monotonic()
            with Library(pg_lib) as lib:
                assert lib.stats()["documents"] == 1
            assert time.monotonic() - t < 10


def test_a_search_never_waits_for_a_write_in_progress(pg_lib):
    """A writer holds the lock with a document inserted but not committed: readers go on, and see
    the library as it was until the commit."""
    with Library(pg_lib, parser=quick_parse) as lib:
        before = lib.search("投资")["total"]
        started, release, done = threading.Event(), threading.Event(), threading.Event()
        writer = Library(pg_lib, parser=quick_parse)

        def write():
            with writer.backend._write_transaction() as cur:
                writer.backend._write_one(cur, pg_rows(make_parsed(["完成投资8亿元。"], path="c.txt", org="某某街道",
                                                                   year=2024), rules_version="custom"))
                started.set()
                release.wait(30)
            done.set()

        th = threading.Thread(target=write)
        th.start()
        try:
            assert started.wait(30)
            t = time.monotonic()
            assert lib.search("投资")["total"] == before
            assert lib.stats()["documents"] == 1
            assert time.monotonic() - t < 5
        finally:
            release.set()
            th.join(30)
            writer.close()
        assert done.is_set()
        assert lib.search("投资")["total"] == before + 1  # the cache saw the commit


def test_the_search_cache_sees_writes_and_corrections_from_another_process(pg_lib, cli_runner, tmp_path):
    from workreport.cli import main

    with Library(pg_lib) as lib:
        assert lib.search("道路")["total"] == 1
        assert lib.search("道路")["total"] == 1  # from the cache
        (tmp_path / "d2024.txt").write_text("某局2024年工作总结\n\n一、主要工作\n\n新建道路3公里。\n", encoding="utf-8")
        r = cli_runner.invoke(main, ["ingest", str(tmp_path / "d2024.txt"), "--db", pg_lib, "--workers", "1"])
        assert r.exit_code == 0, r.output
        assert lib.search("道路")["total"] == 2
        rep = lib.reports()["items"][0]
        assert lib.search("道路", org="改过的单位")["total"] == 0  # and cached
        other = Library(pg_lib)
        try:
            other.edit_report(rep["id"], {"org": "改过的单位"})
        finally:
            other.close()
        assert lib.search("道路", org="改过的单位")["total"] == 1


def test_workers_make_the_rows_and_grams_the_writer_copies(pg_server):
    """Ingest with parser workers (grams made there) gives the same index as rows made in the
    writing process (grams made at the write)."""
    from workreport.store.postgres import PostgresStore

    assert PostgresStore.row_builder() is pg_rows
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))[:2]
    a, b = pg_server.new_database("wk"), pg_server.new_database("here")
    with Library(a) as la, Library(b) as lb:
        # one file a call: workers hand files back as they finish, and two files finishing in
        # the other order would number their paragraphs the other way round
        for f in files:
            assert not la.ingest([f], workers=2)["failures"]
            assert not lb.ingest([f], workers=0)["failures"]

    def grams(url):
        with _raw(url) as c:
            return (c.execute("SELECT paragraph_id, chunk, grams::text FROM para_grams ORDER BY 1, 2").fetchall(),
                    c.execute("SELECT n_rows, bi_tokens, uni_tokens FROM search_totals").fetchall())

    ga = grams(a)
    assert ga[0] and ga == grams(b)


def test_the_parse_budget_holds_on_postgresql(pg_server, tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    for name in ("a2022.txt", "slow2022.txt", "b2023.txt"):
        (src / name).write_text(f"{name}某局工作总结\n\n一、主要工作\n\n完成投资3.5亿元。\n", encoding="utf-8")
    t = time.monotonic()
    with Library(pg_server.new_database("budget"), parser=picky_parse) as lib:
        s = lib.ingest([str(src)], workers=2, budget=Budget(seconds=3.0, memory_mb=256))
        stored = sorted(d["path"].rsplit("/", 1)[-1] for d in lib.documents())
    assert time.monotonic() - t < 60
    assert stored == ["a2022.txt", "b2023.txt"]
    assert [f["path"].rsplit("/", 1)[-1] for f in s["failures"]] == ["slow2022.txt"]
