"""Every document is parsed under a budget (workers.py): past its wall time or memory the parse
is stopped, that file gets a clear error, and everything else goes on; no worker outlives its
parent."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from slow_parsers import abort_at_cap, abort_now, crash, hog, picky_parse, sleepy
from workreport.errors import BudgetExceeded, ParseFailed
from workreport.workers import Budget, WorkerPool


def test_a_task_past_its_time_is_killed_and_the_pool_goes_on():
    with WorkerPool(1, Budget(seconds=1.0, memory_mb=512)) as pool:
        t = time.monotonic()
        status, err = pool.run(sleepy, 30, label="slow.txt")
        assert time.monotonic() - t < 10
        assert status == "error" and isinstance(err, BudgetExceeded)
        assert "slow.txt" in str(err) and "parse_seconds" in str(err)
        assert pool.run(sleepy, 0, label="next") == ("ok", "woke")  # a fresh worker took its place


def test_a_task_past_its_memory_is_stopped():
    with WorkerPool(1, Budget(seconds=60, memory_mb=256)) as pool:
        t = time.monotonic()
        status, err = pool.run(hog, label="hog.docx")
        assert time.monotonic() - t < 30
        assert status == "error" and isinstance(err, BudgetExceeded), err
        assert "hog.docx" in str(err) and "parse_memory_mb" in str(err)
        assert pool.run(sleepy, 0) == ("ok", "woke")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_killed_at_its_memory_cap_names_the_budget():
    """C code at the cap aborts (pdfium does): the error names the memory budget, not a crash;
    a crash far below the cap is still a crash."""
    with WorkerPool(1, Budget(seconds=60, memory_mb=256)) as pool:
        status, err = pool.run(abort_at_cap, label="big.pdf")
        assert status == "error" and isinstance(err, BudgetExceeded), err
        assert "big.pdf" in str(err) and "parse_memory_mb" in str(err) and "256 MB" in str(err)
        status, err = pool.run(abort_now, label="bug.pdf")
        assert status == "error" and isinstance(err, ParseFailed) and "crashed" in str(err), err
        assert pool.run(sleepy, 0) == ("ok", "woke")


@pytest.mark.skipif(not hasattr(os, "fork") or not sys.platform.startswith("linux"), reason="fork, /proc")
def test_the_cli_child_at_its_memory_cap_names_the_budget():
    from workreport.cli.budget import fork_budgeted

    with pytest.raises(BudgetExceeded, match="parse_memory_mb"):
        fork_budgeted(abort_at_cap, Budget(seconds=60, memory_mb=128), "big.pdf")
    with pytest.raises(ParseFailed, match="SIGABRT"):
        fork_budgeted(abort_now, Budget(seconds=60, memory_mb=128), "bug.pdf")
    with pytest.raises(BudgetExceeded, match="parse_seconds"):
        fork_budgeted(lambda: sleepy(30), Budget(seconds=0.5, memory_mb=128), "slow.pdf")
    assert fork_budgeted(lambda: os._exit(3), Budget(seconds=10, memory_mb=128), "x") == 3


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_the_cli_child_always_ends_itself_with_the_command_s_status():
    """A forked child that returned would run its caller's code a second time (under click's
    test runner, the rest of the test session): it ends with os._exit, its status the one the
    command would have had in one process."""
    from workreport.cli.base import exit_status
    from workreport.cli.budget import fork_budgeted
    from workreport.errors import WorkReportError

    def bad_input():
        raise WorkReportError("no such file")

    def bug():
        raise ValueError("a bug")

    me = os.getpid()
    budget = Budget(seconds=30, memory_mb=512)
    assert fork_budgeted(bad_input, budget, "x.txt", on_error=exit_status) == 2
    assert fork_budgeted(lambda: sys.exit(5), budget, "x.txt", on_error=exit_status) == 5
    assert fork_budgeted(lambda: None, budget, "x.txt", on_error=exit_status) == 0
    assert fork_budgeted(bug, budget, "x.txt", on_error=exit_status) == 1
    assert os.getpid() == me  # only the parent gets here


def test_check_of_a_missing_file_under_click_s_runner_is_status_2():
    from click.testing import CliRunner

    from workreport.cli import main

    me = os.getpid()
    assert CliRunner().invoke(main, ["check", "/nonexistent/draft.docx"]).exit_code == 2
    assert os.getpid() == me


def test_a_crashing_task_costs_only_itself():
    with WorkerPool(2, Budget(seconds=30)) as pool:
        status, err = pool.run(crash, label="crash.pdf")
        assert status == "error" and "crash.pdf" in str(err)
        assert pool.run(sleepy, 0) == ("ok", "woke")


def test_ingest_reports_the_files_past_their_budget_and_stores_the_rest(tmp_path):
    from workreport.store import Library

    src = tmp_path / "docs"
    src.mkdir()
    for name in ("a2022.txt", "slow2022.txt", "b2023.txt", "hog2023.txt", "c2024.txt"):
        (src / name).write_text(f"{name}某局工作总结\n\n一、主要工作\n\n完成投资3.5亿元。\n", encoding="utf-8")
    t = time.monotonic()
    with Library(str(tmp_path / "lib.db"), parser=picky_parse) as lib:
        s = lib.ingest([str(src)], workers=2, budget=Budget(seconds=3.0, memory_mb=256))
        stored = sorted(os.path.basename(d["path"]) for d in lib.documents())
    assert time.monotonic() - t < 60
    assert stored == ["a2022.txt", "b2023.txt", "c2024.txt"]
    failed = {os.path.basename(f["path"]): f["error"] for f in s["failures"]}
    assert set(failed) == {"slow2022.txt", "hog2023.txt"}
    assert "parse_seconds" in failed["slow2022.txt"]
    assert "hog2023.txt" in failed["hog2023.txt"] and "parse_memory_mb" in failed["hog2023.txt"]


def test_a_pdf_whose_form_is_drawn_50000_times_is_refused_before_pdfium_loads_it(tmp_path):
    """A form of 2,000 characters drawn 50,000 times: pdfium spent seconds and over a GB loading
    the page (the worker's memory cap used to be what stopped it).  The content streams are
    counted first now (ingest/pdfscan.py): the file gets its refusal at once, the other is stored."""
    from test_hostile_inputs import _pdf
    from workreport.store import Library

    src = tmp_path / "docs"
    src.mkdir()
    (src / "forms.pdf").write_bytes(_pdf(595, 842, forms=50_000, form_chars=2_000))
    (src / "a2022.txt").write_text("某局2022年工作总结\n\n一、主要工作\n\n完成投资3.5亿元。\n", encoding="utf-8")
    t = time.monotonic()
    with Library(str(tmp_path / "lib.db")) as lib:
        s = lib.ingest([str(src)], workers=1, budget=Budget(seconds=60, memory_mb=300))
        stored = [os.path.basename(d["path"]) for d in lib.documents()]
    assert time.monotonic() - t < 60
    assert stored == ["a2022.txt"]
    [failure] = s["failures"]
    assert "forms.pdf" in failure["path"] and "pdf_page_text_objects" in failure["error"]


def _children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_worker_outlives_a_killed_ingest(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    for i in range(6):
        (src / f"slow{i}.txt").write_text("某局工作总结\n", encoding="utf-8")
    code = ("import sys; sys.path.insert(0, sys.argv[1]);"
            "from slow_parsers import picky_parse; from workreport.store import Library;"
            "Library(sys.argv[2], parser=picky_parse).ingest([sys.argv[3]], workers=2)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(Path(__file__).parent), str(tmp_path / "l.db"), str(src)])
    try:
        deadline = time.monotonic() + 60
        kids: list[int] = []
        while time.monotonic() < deadline and len(kids) < 2:
            time.sleep(0.2)
            kids = _children(proc.pid)
        assert len(kids) >= 2, "the two parser workers did not start"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(k) for k in kids):
            time.sleep(0.2)
        assert not any(_alive(k) for k in kids), "parser workers outlived the killed ingest"
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.parametrize(
    "refusal",
    [MemoryError(), RuntimeError("can't allocate read lock"), OSError(12, "Cannot allocate memory")],
    ids=["MemoryError", "lock", "ENOMEM"],
)
def test_the_peak_watch_outlives_a_reading_refused_at_the_memory_cap(monkeypatch, refusal):
    """At its cap the process refuses the watcher's own small allocations, in whatever form
    (seen in CI: a lock it could not allocate): that reading is skipped (the last one stands),
    nothing is printed to stderr and the watch goes on."""
    import threading

    from workreport import workers

    calls = {"n": 0}
    real_open = open

    def capped_open(path, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise refusal
        if calls["n"] == 2:
            return real_open(path, *args, **kwargs)
        raise FileNotFoundError(path)  # ends the watch

    seen = []
    monkeypatch.setattr(threading, "excepthook", lambda info: seen.append(info.exc_type))
    monkeypatch.setattr(workers, "open", capped_open, raising=False)
    monkeypatch.setattr(workers, "_SAMPLE", 0.0)
    room = [0, 0]
    t = threading.Thread(target=workers._sample_peak, args=(room,))
    t.start()
    t.join(5)
    assert not t.is_alive() and seen == [] and calls["n"] == 3
    assert room[1] > 0  # the reading after the refused one was taken
