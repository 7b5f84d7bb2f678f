"""PostgreSQL answers as SQLite does: the same library (samples, real pipeline) in both stores,
then every read the Library offers, compared result for result — reports and facets, every
report page, figures and comparisons, every export table, tracking, and search (the same
random substring set as tests/test_search.py, with hit order, scores, facets and snippets)."""
from __future__ import annotations

import random

import pytest

from conftest import SAMPLES, make_parsed
from workreport.store import Library
from workreport.store.tables import TABLES

SPECIAL = ["表情😀在这里，还有\"引号\"和'单引号'。", "AND OR NOT NEAR(隐患 排查) * ^ + - : ; 5%与５％ a_b a\\b",
           "零\x00字符在这里"]


@pytest.fixture(scope="module")
def libs(request, tmp_path_factory):
    from conftest import new_location

    out = {}
    for backend in ("sqlite", "postgresql"):
        lib = Library(new_location(request, backend, tmp_path_factory.mktemp("parity"), "parity"))
        s = lib.ingest([SAMPLES], workers=1)
        assert not s["failures"], s["failures"]
        lib.store(make_parsed(SPECIAL, path="special.txt", org="特殊字符县", level="county_district", year=2021))
        out[backend] = lib
    yield out["sqlite"], out["postgresql"]
    for lib in out.values():
        lib.close()


def _no_time(rows):
    return [{k: v for k, v in r.items() if k != "ingested_at"} for r in rows]


def _same_search(a: dict, b: dict) -> None:
    assert a["total"] == b["total"] and a["facets"] == b["facets"]
    assert a.get("ranked") == b.get("ranked")
    assert [h["paragraph_id"] for h in a["hits"]] == [h["paragraph_id"] for h in b["hits"]]
    for x, y in zip(a["hits"], b["hits"]):
        assert x["score"] == pytest.approx(y["score"], rel=1e-9, abs=1e-12)
        assert {k: v for k, v in x.items() if k != "score"} == {k: v for k, v in y.items() if k != "score"}


def test_library_reads_are_the_same(libs):
    s, p = libs
    assert s.stats() == p.stats()
    assert _no_time(s.documents()) == _no_time(p.documents())
    assert s.facets() == p.facets()
    for kw in ({}, {"year": 2025}, {"level": "province"}, {"org": "区"}, {"limit": 3, "offset": 2},
               {"domain": "应急管理"}, {"year": "2026", "org": "省"}):
        assert s.reports(**kw) == p.reports(**kw), kw
    items = s.all_reports()
    assert items == p.all_reports() and len(items) > 10
    for meta in items:
        assert s.report(meta["id"]) == p.report(meta["id"]), meta["id"]
        assert s.document_lines(meta["document_id"]) == p.document_lines(meta["document_id"])
    assert s.report(10**6) is None and p.report(10**6) is None


def test_figures_and_comparisons_are_the_same(libs):
    s, p = libs
    for prefix in ("", "地区", "城镇", "x"):
        assert s.measures(prefix, limit=30) == p.measures(prefix, limit=30), prefix
    measures = [m["measure"] for m in s.measures("", limit=40)] + ["地区生产总值", "GDP", "没有这个指标"]
    for m in measures:
        for kw in ({}, {"year": 2025}, {"org": "市"}, {"level": "province"}):
            assert s.compare(m, **kw) == p.compare(m, **kw), (m, kw)


def test_export_tables_are_the_same(libs):
    s, p = libs
    for t in TABLES:
        (cs, rs), (cp, rp) = s.table(t), p.table(t)
        assert cs == cp
        skip = cs.index("ingested_at") if "ingested_at" in cs else -1
        assert [tuple(v for i, v in enumerate(r) if i != skip) for r in rs] == \
               [tuple(v for i, v in enumerate(r) if i != skip) for r in rp], t
        assert s.extra_table(t) == p.extra_table(t), t


def test_tracking_is_the_same(libs):
    from workreport.contract import track_json

    s, p = libs
    pairs = s.track_pairs()
    assert pairs == p.track_pairs()
    for pair in pairs[:3]:
        old, new = pair["old"], pair["new"]
        assert track_json(s.track(old, new)) == track_json(p.track(old, new))


def test_search_is_the_same_for_the_equivalence_set(libs):
    """The random substrings of test_search.py (1–6 characters), filters, paging, odd input."""
    s, p = libs
    texts = [r["text"] for r in s.backend.execute("SELECT text FROM paragraphs")]
    rng = random.Random(20250101)
    queries: set[str] = set()
    while len(queries) < 200:
        t = rng.choice(texts)
        n = rng.randint(1, 6)
        if len(t) >= n:
            i = rng.randrange(len(t) - n + 1)
            queries.add(t[i:i + n])
    queries |= {"隐患 整改", "发展 改革 就业", '"a b"', "的", "税 改革", "改 改革", "😀", "5%", "\x00", "零\x00字",
                "a_b", "a\\b", "%", "_", "NEAR(隐患", "'单引号'", "\ud800"}
    for q in sorted(queries):
        _same_search(s.search(q, limit=10**6), p.search(q, limit=10**6))
    for kw in ({"year": 2025}, {"level": "county_district"}, {"role": "plan"}, {"org": "区"}, {"domain": "应急管理"},
               {"year": "x"}, {"limit": 5, "offset": 3}, {"limit": 0}):
        for q in ("发展", "的", "隐患 整改", "工作"):
            _same_search(s.search(q, **kw), p.search(q, **kw))


def test_search_window_for_very_common_terms_is_the_same(libs, monkeypatch):
    import workreport.store.search as search_mod

    s, p = libs
    monkeypatch.setattr(search_mod, "RANK_WINDOW", 40)
    for q in ("的", "发展", "工作 的"):
        a, b = s.search(q, limit=15, offset=5), p.search(q, limit=15, offset=5)
        assert a.get("ranked") == "newest 40"
        _same_search(a, b)


def test_cli_and_serve_on_a_postgresql_url(pg_server, cli_runner, tmp_path):
    """Every library command takes the URL; `workreport serve --db postgresql://…` serves the API."""
    import json
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from workreport.cli import main

    url = pg_server.new_database("cli")
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))[:2]
    r = cli_runner.invoke(main, ["ingest", *files, "--db", url, "--json", "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["documents_new"] == 2
    r = cli_runner.invoke(main, ["search", "发展", "--db", url, "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["total"] > 0, r.output
    r = cli_runner.invoke(main, ["compare", "--measure", "地区生产总值", "--db", url, "--json"])
    assert r.exit_code == 0 and "rows" in json.loads(r.output), r.output
    r = cli_runner.invoke(main, ["export", "--format", "xlsx", str(tmp_path / "x.xlsx"), "--db", url])
    assert r.exit_code == 0 and (tmp_path / "x.xlsx").stat().st_size > 0, r.output
    r = cli_runner.invoke(main, ["show", "99999", "--db", url.replace("postgres@", "postgres:secret@")])
    assert r.exit_code == 2 and "secret" not in r.output
    bad = cli_runner.invoke(main, ["search", "x", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert bad.exit_code == 2 and "cannot connect" in bad.output
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "workreport", "serve", "--db", url, "--port", str(port),
                             "--data-dir", str(tmp_path / "up")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline, stats = time.time() + 60, None
        while time.time() < deadline and stats is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5) as resp:
                    stats = json.loads(resp.read())
            except OSError:
                time.sleep(0.3)
        assert stats is not None, proc.stderr.read1().decode(errors="replace") if proc.poll() is not None else "no answer"
        with Library(url) as lib:
            assert stats["documents"] == lib.stats()["documents"] == 2
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=%E5%8F%91%E5%B1%95", timeout=10) as resp:
                assert json.loads(resp.read())["total"] == lib.search("发展")["total"]
    finally:
        proc.terminate()
        proc.wait(10)
