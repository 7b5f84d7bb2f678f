"""`workreport batch`: the same pipeline on Spark (local mode here), Parquet tables equal to what
`ingest` + `export --format parquet` make, an errors table, and `ingest --from-parquet`.

One Spark session serves the whole module (starting the JVM costs tens of seconds).
"""
from __future__ import annotations

import json
import os
import shutil

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from conftest import CORPUS, DEV, SAMPLES, quick_parse
from workreport.batch import spark as batch
from workreport.errors import BatchError
from workreport.store import Library
from workreport.store.rows import TABLES as STORED, unpack_lines
from workreport.store.tables import TABLES

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("Java is needed for the Spark tests (.ci/run installs it)")
    session = batch.session_for("local[2]")
    # the Python workers import quick_parse from conftest like the pool workers of ingest do
    session.sparkContext.addPyFile(os.path.join(os.path.dirname(__file__), "conftest.py"))
    yield session
    session.stop()


def read(folder, table: str, extra: bool = False):
    """One table of batch output (a folder of parts) or of an export (one file), rows by id."""
    base = os.path.join(folder, "_extra") if extra else folder
    path = os.path.join(base, table)
    t = pq.read_table(path + ".parquet") if os.path.isfile(path + ".parquet") else ds.dataset(path).to_table()
    rows = sorted(t.to_pylist(), key=lambda r: r["id"])
    return t.schema, rows


# what differs between two loads of the same files: the time of parsing or of recording a source
_TIMES = ("ingested_at", "added_at")


def comparable(table: str, rows: list[dict]) -> list[dict]:
    """Rows without the one column that differs between two runs (the time of parsing), and with
    the document text unpacked (its zlib bytes are an encoding, the lines are the content)."""
    out = []
    for r in rows:
        r = {k: v for k, v in r.items() if k not in _TIMES}
        if "lines_z" in r:
            r["lines_z"] = unpack_lines(r["lines_z"])
        out.append(r)
    return out


def assert_same_tables(a: str, b: str) -> dict[str, int]:
    counts = {}
    for t in TABLES:
        for extra in (False, True):
            sa, ra = read(a, t, extra)
            sb, rb = read(b, t, extra)
            assert sa.equals(sb), (t, extra, sa, sb)
            ca, cb = comparable(t, ra), comparable(t, rb)
            assert len(ca) == len(cb), (t, extra)
            for x, y in zip(ca, cb):
                assert x == y, (t, extra, x, y)
        counts[t] = len(ra)
    return counts


# every stored table a load writes (the search index is derived from paragraphs: searches compared)
_STORED = (*STORED, "document_sources", "document_bands")


def stored_rows(lib, table: str) -> list[dict]:
    order = "document_id, band" if table == "document_bands" else "id"
    return comparable(table, lib.backend.execute(f"SELECT * FROM {table} ORDER BY {order}"))


@pytest.mark.slow
def test_spark_output_equals_ingest_and_export_row_for_row(spark, tmp_path):
    """The issue's parity test: the corpus and the dev compilation, real pipeline, Spark (two
    local slots) against one process ingesting into SQLite.  The batch is a distributed parse:
    one row set per input file, even when two files hold one text (a province's docx and txt).
    Which files are copies is decided when the output is loaded (``ingest --from-parquet``), as
    a direct ingest decides it: the loaded library equals the ingested one row for row."""
    inputs = [str(CORPUS), str(DEV)]
    with Library(str(tmp_path / "ref.db")) as ref:
        s = ref.ingest(inputs, workers=1)
        summary = batch.run(inputs, str(tmp_path / "spark"), spark=spark)
        # the raw output: every file parsed is there, copies included
        assert summary["errors"] == len(s["failures"])
        assert summary["documents"] == s["documents_new"] + s["documents_duplicate"] > 150
        assert s["documents_duplicate"] > 0  # the corpus holds copies: the check below means something
        _, docs = read(str(tmp_path / "spark"), "documents")
        assert len({d["path"] for d in docs}) == len(docs) == summary["documents"]
        assert json.loads((tmp_path / "spark" / "_batch.json").read_text())["tables"] == summary["tables"]
        with Library(str(tmp_path / "loaded.db")) as loaded:
            ls = loaded.ingest_parquet(tmp_path / "spark")
            assert (ls["documents_new"], ls["documents_duplicate"]) == (s["documents_new"], s["documents_duplicate"])
            assert sorted((d["path"], d["document_id"]) for d in ls["duplicates"]) == \
                sorted((d["path"], d["document_id"]) for d in s["duplicates"])
            for t in _STORED:
                a, b = stored_rows(ref, t), stored_rows(loaded, t)
                assert len(a) == len(b), t
                for x, y in zip(a, b):
                    assert x == y, (t, x, y)
            assert ref.stats()["indicators"] > 10_000
            for q in ("高质量发展", "就业", "GDP", "农"):
                assert ref.search(q, limit=50) == loaded.search(q, limit=50), q


def n_samples() -> int:
    return len([p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".docx")])


def _mixed_inputs(tmp_path):
    """Samples plus files that cannot be read: binary named .txt, an empty file, a big file."""
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src)
    (src / "zz_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 200)
    (src / "zz_empty.txt").write_bytes(b"")
    (src / "zz_big.txt").write_text("某某街道2024年工作总结\n" + "全年完成投资5亿元。\n" * 40_000, encoding="utf-8")
    return src


def test_failed_and_too_large_files_go_to_the_errors_table(spark, tmp_path):
    src = _mixed_inputs(tmp_path)
    out = tmp_path / "out"
    summary = batch.run([str(src)], str(out), spark=spark, parser=quick_parse, max_bytes=200_000, partitions=3)
    errors = ds.dataset(out / "errors").to_table().to_pylist()
    by_name = {os.path.basename(e["path"]): e for e in errors}
    assert set(by_name) == {"zz_binary.txt", "zz_empty.txt", "zz_big.txt"}
    assert by_name["zz_big.txt"]["error"] == "TooLarge" and by_name["zz_big.txt"]["status"] == 413
    assert by_name["zz_big.txt"]["size"] > 200_000 and "200000" in by_name["zz_big.txt"]["message"]
    assert by_name["zz_binary.txt"]["status"] == 415 and by_name["zz_empty.txt"]["error"] == "EmptyInput"
    assert summary["documents"] == n_samples() and summary["errors"] == 3
    # the same files through the local engine: same tables, same errors
    local = batch.run([str(src)], str(tmp_path / "local"), engine="local", parser=quick_parse, max_bytes=200_000)
    assert local["tables"] == summary["tables"]
    assert_same_tables(str(out), str(tmp_path / "local"))


def test_ids_do_not_depend_on_the_number_of_tasks(spark, tmp_path):
    one = batch.run([str(SAMPLES)], str(tmp_path / "one"), spark=spark, parser=quick_parse, partitions=1)
    many = batch.run([str(SAMPLES)], str(tmp_path / "many"), spark=spark, parser=quick_parse, partitions=7)
    assert (one["parts"], many["parts"]) == (1, 7)
    assert_same_tables(str(tmp_path / "one"), str(tmp_path / "many"))
    assert len(os.listdir(tmp_path / "many" / "paragraphs")) == 7


def test_ingest_from_parquet_rebuilds_the_library(spark, tmp_path, backend, request):
    from conftest import new_location

    src = _mixed_inputs(tmp_path)
    out = tmp_path / "out"
    batch.run([str(src)], str(out), spark=spark, parser=quick_parse, max_bytes=200_000, partitions=4)
    with Library(new_location(request, backend, tmp_path, "loaded"), parser=quick_parse) as lib:
        s = lib.ingest_parquet(out)
        assert s["documents_new"] == n_samples()
        assert {os.path.basename(f["path"]) for f in s["failures"]} == {"zz_binary.txt", "zz_empty.txt", "zz_big.txt"}
        again = lib.ingest_parquet(out)
        assert again["documents_new"] == 0 and again["documents_unchanged"] == s["documents_new"]
        lib.export("parquet", tmp_path / "exported")
        assert lib.search("隐患")["total"] > 0
        rep = lib.report(lib.reports(limit=1)["items"][0]["id"])
        assert rep["lines"] and rep["paragraphs"]
    assert_same_tables(str(out), str(tmp_path / "exported"))


def test_export_folder_loads_into_another_library(tmp_path, backend, request):
    """export --format parquet -> ingest --from-parquet: a library moves between stores whole."""
    from conftest import new_location

    with Library(str(tmp_path / "a.db"), parser=quick_parse) as a:
        a.ingest([SAMPLES], workers=1)
        a.export("parquet", tmp_path / "a")
        before = {t: a.table(t) for t in TABLES}
    with Library(new_location(request, backend, tmp_path, "b"), parser=quick_parse) as b:
        assert b.ingest_parquet(tmp_path / "a")["documents_new"] == len(before["documents"][1])
        for t in TABLES:
            cols, rows = b.table(t)
            assert cols == before[t][0]
            skip = cols.index("ingested_at") if "ingested_at" in cols else None
            strip = lambda rs: [tuple(v for i, v in enumerate(r) if i != skip) for r in rs]  # noqa: E731
            assert strip(rows) == strip(before[t][1]), t


def test_batch_refuses_to_mix_with_earlier_output_and_bad_folders(tmp_path):
    out = tmp_path / "out"
    batch.run([str(SAMPLES / "district")], str(out), engine="local", parser=quick_parse)
    with pytest.raises(BatchError, match="--overwrite"):
        batch.run([str(SAMPLES / "district")], str(out), engine="local", parser=quick_parse)
    batch.run([str(SAMPLES / "district")], str(out), engine="local", parser=quick_parse, overwrite=True)
    with pytest.raises(BatchError, match="not workreport Parquet output"):
        Library(str(tmp_path / "x.db")).ingest_parquet(tmp_path)
    shutil.rmtree(out / "_extra" / "findings")
    with pytest.raises(BatchError, match="missing"):
        Library(str(tmp_path / "y.db")).ingest_parquet(out)


def test_cli_batch_local_and_ingest_from_parquet(cli_runner, tmp_path, monkeypatch):
    import workreport.batch.parts as parts
    from workreport.cli import main

    monkeypatch.setattr(parts, "default_parser", lambda: quick_parse)
    listing = tmp_path / "list.txt"
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))[:3]
    listing.write_text("\n".join(files) + "\n", encoding="utf-8")
    r = cli_runner.invoke(main, ["batch", "--files-from", str(listing), "--out", str(tmp_path / "o"),
                                 "--engine", "local", "--json"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.output)
    assert summary["files"] == 3 and summary["documents"] == 3 and summary["engine"] == "local"
    r = cli_runner.invoke(main, ["batch", "--out", str(tmp_path / "o2")])
    assert r.exit_code == 2 and "no input" in r.output
    r = cli_runner.invoke(main, ["ingest", "--from-parquet", str(tmp_path / "o"), "--db", str(tmp_path / "l.db"),
                                 "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["documents_new"] == 3
    r = cli_runner.invoke(main, ["ingest", "--db", str(tmp_path / "l.db")])
    assert r.exit_code == 2


def test_every_table_column_is_shown_or_kept_extra():
    from workreport.store.rows import COLUMNS
    from workreport.store.tables import EXPORT, EXTRA

    for t in STORED:
        shown = {s[2:] for _, s in EXPORT[t] if isinstance(s, str) and s.startswith("x.")}
        assert set(COLUMNS[t]) == shown | set(EXTRA[t]), t
        assert not (shown & set(EXTRA[t])) - {"id"}, t
