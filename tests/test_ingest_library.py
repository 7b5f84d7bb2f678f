"""Ingest: idempotent by SHA-256, one transaction per document, a process pool, bad files skipped,
survives SIGKILL, two ingests at once; the CLI's --json shapes (CONTRACT.md)."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import SAMPLES, quick_parse, real_pipeline_works, table_counts
from workreport.store import Library

TESTS = Path(__file__).resolve().parent


def _variants(src_dir: Path, out: Path, copies: int) -> list[Path]:
    """Distinct documents made from the sample texts: every line marked with the copy's number, so
    no two are the same report (a copy with one line added would be a near-duplicate, stored once)."""
    out.mkdir(parents=True, exist_ok=True)
    texts = sorted(p for p in src_dir.iterdir() if p.suffix == ".txt")
    made = []
    for i in range(copies):
        src = texts[i % len(texts)]
        dst = out / f"{i:03d}_{src.name}"
        lines = src.read_text(encoding="utf-8").splitlines()
        dst.write_text("\n".join(f"{x}（第{i}份）" if x.strip() else x for x in lines) + "\n", encoding="utf-8")
        made.append(dst)
    return made


def assert_whole_documents(where) -> None:
    """Every stored document is whole (its counts match its rows, nothing dangles) and every
    paragraph is found by search; SQLite's own integrity checks too."""
    lib = where if isinstance(where, Library) else Library(where)
    q = lib.backend.execute
    try:
        for d in q("SELECT id, n_lines, n_reports, n_paragraphs, n_indicators FROM documents"):
            assert len(lib.document_lines(d["id"])) == d["n_lines"]
            assert q("SELECT count(*) AS n FROM reports WHERE document_id = ?", (d["id"],))[0]["n"] == d["n_reports"]
            assert q("SELECT count(*) AS n FROM paragraphs p JOIN reports r ON r.id = p.report_id"
                     " WHERE r.document_id = ?", (d["id"],))[0]["n"] == d["n_paragraphs"]
            assert q("SELECT count(*) AS n FROM indicators i JOIN reports r ON r.id = i.report_id"
                     " WHERE r.document_id = ?", (d["id"],))[0]["n"] == d["n_indicators"]
        # nothing hangs off a document that is not there
        assert q("SELECT count(*) AS n FROM reports WHERE document_id NOT IN (SELECT id FROM documents)")[0]["n"] == 0
        # every paragraph is in the index: for each character that opens a paragraph, search
        # counts exactly the paragraphs holding it
        texts = [r["text"] for r in q("SELECT text FROM paragraphs")]
        for c in {t[:1] for t in texts if t[:1].strip() and t[:1] != '"'}:
            assert lib.search(c, limit=0)["total"] == sum(c in t for t in texts), c
        if lib.backend.kind == "sqlite":
            conn = sqlite3.connect(lib.path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.execute("INSERT INTO para_bi(para_bi) VALUES ('integrity-check')")
            conn.execute("INSERT INTO para_uni(para_uni) VALUES ('integrity-check')")
            conn.close()
    finally:
        if lib is not where:
            lib.close()


def test_ingest_folder_with_pool_then_again_changes_nothing(quick_library):
    seen = []
    s1 = quick_library.ingest([SAMPLES], workers=2, progress=seen.append)
    n = len([p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".docx")])  # ingest walks sub-folders
    assert s1["documents_new"] == n and s1["documents_unchanged"] == 0 and s1["failures"] == []
    assert s1["reports"] >= n and s1["indicators"] == quick_library.stats()["indicators"]
    assert seen[-1]["done"] == seen[-1]["total"] == n
    before = table_counts(quick_library)
    s2 = quick_library.ingest([SAMPLES], workers=2)
    assert s2["documents_new"] == 0 and s2["documents_unchanged"] == n and s2["reports"] == 0
    assert table_counts(quick_library) == before
    assert_whole_documents(quick_library)


def test_stored_rows_equal_a_fresh_parse(quick_library):
    from workreport.ingest import read_document

    quick_library.ingest([SAMPLES], workers=2)
    for d in quick_library.documents():
        parsed = quick_parse(read_document(d["path"]))
        assert d["n_reports"] == len(parsed.reports)
        assert d["n_paragraphs"] == sum(len(r.paragraphs) for r in parsed.reports)
        assert d["n_indicators"] == sum(len(r.indicators) for r in parsed.reports)
        assert d["n_lines"] == len(parsed.document.lines)


def test_edited_file_replaces_its_rows(quick_library, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("一、总体情况\n旧文本里的独特词语甲乙。\n", encoding="utf-8")
    assert quick_library.ingest([f])["documents_new"] == 1
    f.write_text("一、总体情况\n新文本里的独特词语丙丁。\n", encoding="utf-8")
    s = quick_library.ingest([f])
    assert s["documents_new"] == 1
    assert quick_library.stats()["documents"] == 1
    assert quick_library.search("甲乙")["total"] == 0 and quick_library.search("丙丁")["total"] == 1


def test_bad_files_are_reported_and_the_rest_go_in(quick_library, tmp_path):
    (tmp_path / "good.txt").write_text("一、工作回顾\n完成任务。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    (tmp_path / "ignored.csv").write_text("a,b\n", encoding="utf-8")
    s = quick_library.ingest([tmp_path], workers=2)
    assert s["documents_new"] == 1
    assert sorted(os.path.basename(f["path"]) for f in s["failures"]) == ["broken.docx", "empty.txt"]
    assert all(f["error"] for f in s["failures"])
    s = quick_library.ingest([tmp_path / "missing.txt"])
    assert s["failures"] and s["documents_new"] == 0


def crash_on_marked_files(doc):
    """A parser that kills its process on files whose text holds a marker (a segfault, say)."""
    if "CRASH-ME" in doc.text:
        os._exit(3)
    return quick_parse(doc)


def test_a_crashing_parser_process_costs_only_its_own_file(db_path, tmp_path):
    docs = _variants(SAMPLES, tmp_path / "docs", 6)
    bad = tmp_path / "docs" / "zz_bad.txt"
    bad.write_text("一、工作回顾\nCRASH-ME\n", encoding="utf-8")
    with Library(db_path, parser=crash_on_marked_files) as lib:
        s = lib.ingest([tmp_path / "docs"], workers=2)
    assert [os.path.basename(f["path"]) for f in s["failures"]] == ["zz_bad.txt"]
    assert "crashed" in s["failures"][0]["error"]
    assert s["documents_new"] == len(docs)
    assert_whole_documents(db_path)


def test_ingest_bytes_for_uploads(quick_library):
    data = (SAMPLES / "2026_河北省_政府工作报告.txt").read_bytes()
    s = quick_library.ingest_bytes(data, "upload.txt")
    assert s["documents_new"] == 1 and s["reports"] == 1
    assert quick_library.ingest_bytes(data, "upload.txt")["documents_unchanged"] == 1
    bad = quick_library.ingest_bytes(b"\x00\x01\x02" * 100, "x.pdf")
    assert bad["documents_new"] == 0 and bad["failures"][0]["path"] == "x.pdf"


_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from conftest import quick_parse
    from workreport.store import Library

    def slow_parse(doc):
        time.sleep({delay})
        return quick_parse(doc)

    if __name__ == "__main__":
        lib = Library(sys.argv[1], parser=slow_parse)
        s = lib.ingest(sys.argv[2:], workers={workers})
        print(s["documents_new"], s["documents_unchanged"], len(s["failures"]))
""")


def _script(tmp_path, delay=0.0, workers=2) -> str:
    p = tmp_path / "ingest_script.py"
    p.write_text(_SCRIPT.format(tests=str(TESTS), delay=delay, workers=workers), encoding="utf-8")
    return str(p)


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_whole_documents_and_a_rerun_completes(tmp_path):
    files = _variants(SAMPLES, tmp_path / "docs", 40)
    db = str(tmp_path / "k.db")
    proc = subprocess.Popen([sys.executable, _script(tmp_path), db, str(tmp_path / "docs")],
                            start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    n = 0
    while time.time() < deadline and proc.poll() is None:
        try:
            conn = sqlite3.connect(db, timeout=5)
            n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.OperationalError:
            n = 0
        if n >= 5:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert n >= 5, proc.stderr.read().decode()[-2000:]
    assert_whole_documents(db)
    done = table_counts(db)["documents"]
    assert done < len(files), "the ingest finished before the kill; the test proved nothing"
    with Library(db, parser=quick_parse) as lib:
        s = lib.ingest([tmp_path / "docs"], workers=2)
    assert s["documents_new"] == len(files) - done and s["documents_unchanged"] == done and not s["failures"]
    assert table_counts(db)["documents"] == len(files)
    assert_whole_documents(db)


@pytest.mark.slow
def test_two_ingests_at_once_both_succeed(tmp_path):
    files = _variants(SAMPLES, tmp_path / "docs", 24)
    db = str(tmp_path / "c.db")
    script = _script(tmp_path)
    a = subprocess.Popen([sys.executable, script, db, *map(str, files[:16])], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    b = subprocess.Popen([sys.executable, script, db, *map(str, files[8:])], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    outs = [p.communicate(timeout=120) for p in (a, b)]
    assert a.returncode == 0 and b.returncode == 0, [o[1].decode()[-2000:] for o in outs]
    results = [tuple(map(int, o[0].split())) for o in outs]
    assert all(r[2] == 0 for r in results)  # no failures
    assert sum(r[0] for r in results) == 24  # each document written exactly once
    assert table_counts(db)["documents"] == 24
    assert_whole_documents(db)


@pytest.mark.slow
def test_four_ingest_processes_into_one_library_lose_or_double_nothing(db_location, tmp_path):
    """Four processes ingest overlapping sets of 30 documents into one library at once: every
    document is stored exactly once and whole."""
    files = _variants(SAMPLES, tmp_path / "docs", 30)
    script = _script(tmp_path, delay=0.02, workers=1)
    sets = [files[0:12], files[6:18], files[12:24], [*files[18:30], *files[0:3]]]
    procs = [subprocess.Popen([sys.executable, script, db_location, *map(str, s)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for s in sets]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1].decode()[-2000:] for o in outs]
    results = [tuple(map(int, o[0].split())) for o in outs]
    assert all(r[2] == 0 for r in results)  # no failures
    assert sum(r[0] for r in results) == 30  # each document written by exactly one process
    assert [r[0] + r[1] for r in results] == [len(s) for s in sets]  # the rest seen as already there
    with Library(db_location, parser=quick_parse) as lib:
        docs = lib.documents()
        assert len(docs) == 30 and len({d["sha256"] for d in docs}) == 30
        assert sorted(d["path"] for d in docs) == sorted(str(f) for f in files)
        assert_whole_documents(lib)


@pytest.fixture
def quick_cli(monkeypatch):
    """The CLI, parsing with quick_parse (independent of the structure stage)."""
    import workreport.store.library as library

    monkeypatch.setattr(library, "_default_parser", lambda: quick_parse)
    from workreport.cli import main

    return main


def test_cli_ingest_and_search_json_shapes(cli_runner, quick_cli, tmp_path):
    db = str(tmp_path / "cli.db")
    r = cli_runner.invoke(quick_cli, ["ingest", str(SAMPLES), "--db", db, "--json", "--workers", "1"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert {"documents_new", "documents_unchanged", "reports", "indicators", "failures"} <= set(out)
    assert out["documents_new"] > 0 and isinstance(out["failures"], list)
    r = cli_runner.invoke(quick_cli, ["ingest", str(SAMPLES), "--db", db, "--json"])
    assert json.loads(r.stdout)["documents_new"] == 0
    r = cli_runner.invoke(quick_cli, ["search", "发展", "--db", db, "--json", "--limit", "3"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    assert set(res) >= {"query", "total", "hits"} and res["query"] == "发展"
    assert len(res["hits"]) == 3 and res["total"] > 3
    hit_keys = {"document", "org", "unit", "year", "report_start_line", "section", "line_start", "line_end", "text",
                "snippet"}
    assert all(hit_keys <= set(h) for h in res["hits"])
    r = cli_runner.invoke(quick_cli, ["search", "发展", "--db", db, "--year", "2026"])
    assert r.exit_code == 0 and "共" in r.output and "段" in r.output
    rid = res["hits"][0]["report_id"]
    r = cli_runner.invoke(quick_cli, ["show", str(rid), "--db", db])
    assert r.exit_code == 0 and "大纲" in r.output
    r = cli_runner.invoke(quick_cli, ["show", "99999", "--db", db])
    assert r.exit_code == 2 and "99999" in r.stderr
    r = cli_runner.invoke(quick_cli, ["compare", "--measure", "城镇新增就业", "--db", db, "--csv"])
    assert r.exit_code == 0 and r.stdout.startswith("\ufeff单位,年份,层级,数值,来源文件")
    r = cli_runner.invoke(quick_cli, ["ingest", str(tmp_path / "nope"), "--db", db])
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_every_library_command_has_help_with_an_example():
    from workreport.cli import main

    for name in ("ingest", "search", "show", "export", "compare"):
        assert "Example:" in main.commands[name].help, name


@pytest.mark.skipif(not real_pipeline_works(), reason="the structure stage has not landed yet")
def test_real_pipeline_rows_equal_a_fresh_parse(library, db_path):
    from workreport.ingest import read_document
    from workreport.pipeline import parse

    s = library.ingest([SAMPLES], workers=2)
    assert s["failures"] == []
    assert s["documents_new"] == len(list(SAMPLES.rglob("*.txt"))) + len(list(SAMPLES.rglob("*.docx")))
    for d in library.documents():
        parsed = parse(read_document(d["path"]))
        assert d["n_reports"] == len(parsed.reports)
        assert d["n_paragraphs"] == sum(len(r.paragraphs) for r in parsed.reports)
        assert d["n_indicators"] == sum(len(r.indicators) for r in parsed.reports)
        assert d["n_findings"] == sum(len(r.findings) for r in parsed.reports)
    before = table_counts(db_path)
    assert library.ingest([SAMPLES])["documents_new"] == 0
    assert table_counts(db_path) == before
