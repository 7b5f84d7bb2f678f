"""Run a CLI command on a hostile file in a child process and measure it (CPU time, peak RSS).

Shared by test_bad_files.py and test_hostile_inputs.py: every refusal is one line on stderr,
exit 2, within MAX_SECONDS of the child's CPU time and MAX_RSS_MB of its own peak memory.
CPU time, not wall time: on a shared 2-core machine under load the wall clock of a 1 s child
reached 20 s; a hostile input costs CPU (the numbering bomb took 40 s of it), and that is what
the bound is about.  A hang still fails on WALL_SECONDS.
"""
from __future__ import annotations

import os
import subprocess
import sys

MAX_SECONDS = 5.0
MAX_RSS_MB = 200
WALL_SECONDS = 120


def run_limited(path, *args, command="text"):
    """Run `workreport COMMAND [ARGS] PATH` in a child; (completed, CPU seconds, peak RSS MB, stderr).

    Peak RSS is the child's own VmHWM: getrusage's ru_maxrss survives fork+exec on Linux and
    would report the test process's memory instead."""
    code = ("import sys;"
            "sys.argv=['workreport']+sys.argv[1:];"
            "from workreport.cli import main\n"
            "try:\n main()\nfinally:\n"
            " sys.stderr.write('RSS=%s\\n' % [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    before = os.times()
    out = subprocess.run([sys.executable, "-c", code, command, *args, str(path)], capture_output=True,
                         timeout=WALL_SECONDS)
    after = os.times()
    elapsed = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    err = out.stderr.decode()
    rss = int(err.rsplit("RSS=", 1)[1].split()[0]) / 1024 if "RSS=" in err else 0
    return out, elapsed, rss, err.split("RSS=")[0]


def assert_refused(path, *words, args=(), seconds=MAX_SECONDS, rss_mb=MAX_RSS_MB):
    out, elapsed, rss, err = run_limited(path, *args)
    assert out.returncode == 2, err
    assert out.stdout == b""
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for w in words:
        assert w in err, err
    assert elapsed < seconds, f"{elapsed:.1f}s"
    assert rss < rss_mb, f"{rss:.0f} MB"
    return err


def assert_read(path, args=(), seconds=MAX_SECONDS, rss_mb=MAX_RSS_MB) -> str:
    """The file is read (exit 0) within the bounds; its text."""
    out, elapsed, rss, err = run_limited(path, *args)
    assert out.returncode == 0, err
    assert elapsed < seconds, f"{elapsed:.1f}s"
    assert rss < rss_mb, f"{rss:.0f} MB"
    return out.stdout.decode("utf-8")
