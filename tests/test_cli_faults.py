"""The command line when things around it fail: a closed pipe, a missing, read-only, damaged
or newer library.  Each is one line on stderr and exit 0 (the reader left) or 2, never a
traceback or "internal error"."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import quick_parse

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "compilation_2022_part1.txt"
WORKREPORT = str(Path(sys.executable).with_name("workreport"))


def run(*args, user: int | None = None, **kw) -> subprocess.CompletedProcess:
    cmd = [WORKREPORT, *map(str, args)]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


def one_line_error(res, code=2):
    assert res.returncode == code, (res.returncode, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr
    return lines[0]


@pytest.fixture(scope="module")
def small_library(tmp_path_factory):
    from workreport.store import Library

    root = tmp_path_factory.mktemp("clifaults")
    src = root / "src"
    src.mkdir()
    for i in range(3):
        (src / f"某局{2021 + i}.txt").write_text(f"某局{2021 + i}年工作总结\n\n一、主要工作\n\n推动发展，完成投资{i + 1}亿元。\n",
                                                encoding="utf-8")
    path = root / "lib.db"
    with Library(str(path), parser=quick_parse) as lib:
        lib.ingest([str(src)], workers=0)
    return path


@pytest.mark.skipif(not DEV.is_file(), reason="needs ../shared/dev")
@pytest.mark.parametrize("cmd", [f"text {DEV}", f"parse {DEV} --json", f"parse {DEV}", f"check {DEV} --json"])
def test_a_closed_pipe_ends_quietly(cmd):
    res = subprocess.run(["bash", "-c", f"set -o pipefail; {WORKREPORT} {cmd} | head -c 10 >/dev/null"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode in (0, 1 if cmd.startswith("check") else 0), res.stderr  # check: 1 = errors found
    assert res.stderr.strip() == "" or "findings" in res.stderr, res.stderr


def test_search_in_a_library_that_is_not_there(tmp_path):
    missing = tmp_path / "nope.db"
    for args in (["search", "发展"], ["show", "1"], ["export", "--format", "csv", tmp_path / "out"],
                 ["compare", "--measure", "投资"]):
        line = one_line_error(run(*args, "--db", missing))
        assert "workreport ingest" in line  # says how to make one
    assert not missing.exists()  # a reading command creates nothing


def test_compact_json_and_indent_on_request(small_library):
    compact = run("search", "发展", "--db", small_library, "--json")
    assert compact.returncode == 0 and "\n" not in compact.stdout.strip() and '": ' not in compact.stdout
    indented = run("search", "发展", "--db", small_library, "--json", "--indent", "2")
    assert indented.returncode == 0 and '\n  "query": "发展"' in indented.stdout


def test_a_library_from_a_newer_version_is_refused(tmp_path, small_library):
    newer = tmp_path / "newer.db"
    shutil.copyfile(small_library, newer)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    assert "newer workreport" in one_line_error(run("search", "发展", "--db", newer))
    assert "newer workreport" in one_line_error(run("ingest", tmp_path, "--db", newer))
    conn = sqlite3.connect(newer)  # and nothing was written to it
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 999
    conn.close()


def test_a_damaged_library_is_one_line(tmp_path, small_library):
    damaged = tmp_path / "damaged.db"
    data = bytearray(small_library.read_bytes())
    page = 4096
    for n in range(2, len(data) // page):  # every page after the schema's: garbage
        data[n * page + 100:n * page + 4000] = os.urandom(3900)
    damaged.write_bytes(bytes(data))
    for args in (["export", "--format", "csv", tmp_path / "out"], ["search", "发展"]):
        res = run(*args, "--db", damaged)
        assert res.returncode == 2, (args, res.stderr)
        one_line_error(res)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to act as another user")
def test_a_read_only_library_is_read_and_never_written(small_library):
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(prefix="workreport-ro-"))  # pytest's own tmp is closed to other users
    folder = tmp_path / "ro"
    folder.mkdir()
    ro = folder / "lib.db"
    shutil.copyfile(small_library, ro)
    os.chmod(ro, 0o444)
    os.chmod(folder, 0o555)
    os.chmod(tmp_path, 0o755)
    nobody = 65534
    try:
        res = run("search", "发展", "--db", ro, user=nobody)
        assert res.returncode == 0 and "共 3 段" in res.stdout, res.stderr
        res = run("export", "--format", "json", tmp_path / "out.json", "--db", ro, user=nobody)
        line = one_line_error(res)  # the output folder is not writable for that user either
        assert "out.json" in line and "Permission denied" in line
        line = one_line_error(run("ingest", tmp_path, "--db", ro, user=nobody))
        assert "read-only" in line
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.skipif(not DEV.is_file(), reason="needs ../shared/dev")
@pytest.mark.parametrize("cmd", ["text", "parse", "check"])
def test_text_parse_and_check_run_under_the_per_document_budget(cmd, tmp_path):
    """A small plain-text file is parsed in this process under in-process limits, anything else
    in a child process; either way past the budget is one line naming the setting, exit 2."""
    para = "<p>某局2022年工作总结。完成投资3.5亿元，同比增长8.3%。</p>"
    html = tmp_path / "page.html"
    html.write_text(f"<html><body>{para * 2000}</body></html>", encoding="utf-8")
    # pdfium loading a page that draws a form of 2,000 characters 15,000 times (under the
    # pre-scan's 20,000): past 64 MB within a second or two, where pdfium aborts
    from test_hostile_inputs import _pdf

    big = tmp_path / "forms.pdf"
    big.write_bytes(_pdf(595, 842, forms=15_000, form_chars=2_000))
    for path in (DEV, html):
        if not (cmd == "text" and path == DEV):  # (reading the text alone takes less than the least budget)
            line = one_line_error(run(cmd, path, "--parse-seconds", "0.1"))
            assert "parse_seconds" in line and str(path) in line
    line = one_line_error(run(cmd, big, "--parse-memory-mb", "64"))
    assert "parse_memory_mb" in line and "64 MB" in line and str(big) in line
    ok = run(cmd, html)
    assert ok.returncode in (0, 1) and "error:" not in ok.stderr, ok.stderr


def test_in_process_limits_name_the_memory_budget_and_are_lifted_after():
    code = """
import resource, sys
sys.path.insert(0, {tests!r})
from slow_parsers import hog
from workreport.errors import BudgetExceeded
from workreport.cli.budget import run_limited_here
from workreport.workers import Budget
before = resource.getrlimit(resource.RLIMIT_AS)
try:
    run_limited_here(hog, Budget(seconds=30, memory_mb=64), "x.txt")
except BudgetExceeded as exc:
    print(exc)
assert resource.getrlimit(resource.RLIMIT_AS) == before
bytearray(256 << 20)  # the cap is gone again
""".format(tests=str(Path(__file__).resolve().parent))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "x.txt" in res.stdout and "parse_memory_mb" in res.stdout and "64 MB" in res.stdout
