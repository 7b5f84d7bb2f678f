"""Serve a library on a free loopback port, hold a bounded load on it, and report.

    python bench/serve_load.py --db corpus.db --clients 50 --requests 2000
    python bench/serve_load.py --db corpus.db --workreport /other/venv/bin/workreport   # another build

Prints one JSON object: the load figures (bench/load.py), the server's own CPU seconds and CPU
milliseconds per request (read from /proc: a figure that the rest of a busy machine moves less
than latency), and the tracebacks the server wrote.  With ``--ingest DIR`` a second library is
ingested into the served one while the load runs (searches during a concurrent write).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import DEFAULT_WORDS, run_load  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and its reaped children (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(x) for x in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def start_server(workreport: str, db: str, port: int, log, extra=()) -> subprocess.Popen:
    proc = subprocess.Popen([workreport, "serve", "--db", db, "--port", str(port), *extra],
                            stdout=log, stderr=log, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"server exited with {proc.returncode}")
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(10)


def distinct_words(db: str, n: int) -> list[str]:
    """``n`` different two-character strings of CJK text found in the library, in a fixed order."""
    import sqlite3

    conn = sqlite3.connect(f"file:{os.path.abspath(db)}?mode=ro", uri=True)
    seen: dict[str, None] = {}
    for (text,) in conn.execute("SELECT text FROM paragraphs ORDER BY id"):
        for i in range(0, len(text) - 1, 7):
            w = text[i:i + 2]
            if all("\u4e00" <= c <= "\u9fff" for c in w):
                seen.setdefault(w)
        if len(seen) >= n:
            break
    conn.close()
    return list(seen)[:n]


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="library to serve (copied first: the original is not touched)")
    ap.add_argument("--workreport", default=shutil.which("workreport") or "workreport")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--path", action="append", default=None, help="request paths (default: searches)")
    ap.add_argument("--ingest", default=None, help="a folder ingested into the served library during the load")
    ap.add_argument("--distinct", action="store_true",
                    help="every request a different query (two characters of the library's own text): no cache hit")
    ap.add_argument("--serve-arg", action="append", default=[],
                    help="an option for `workreport serve` (repeatable), e.g. --serve-arg=--threads=4")
    a = ap.parse_args(argv)
    paths = a.path or [f"/api/search?q={w}" for w in DEFAULT_WORDS]
    if a.distinct:
        paths = [f"/api/search?q={w}" for w in distinct_words(a.db, a.requests)]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "served.db")
        shutil.copyfile(a.db, db)
        log_path = os.path.join(tmp, "server.log")
        port = free_port()
        with open(log_path, "wb") as log:
            proc = start_server(a.workreport, db, port, log, a.serve_arg)
            writer = None
            try:
                before = cpu_seconds(proc.pid)
                if a.ingest:
                    writer = subprocess.Popen([a.workreport, "ingest", a.ingest, "--db", db, "--workers", "1"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                res = asyncio.run(run_load(f"http://127.0.0.1:{port}", paths, clients=a.clients,
                                           requests=a.requests, seconds=a.seconds))
                used = cpu_seconds(proc.pid) - before
                if writer is not None:
                    res["ingest_running_at_end"] = writer.poll() is None
            finally:
                if writer is not None:
                    writer.kill()
                    writer.wait()
                stop(proc)
        text = Path(log_path).read_text(errors="replace")
    res.update(load_average=os.getloadavg()[0], server_cpu_s=round(used, 2), server_cpu_ms_per_request=round(used * 1000 / max(1, res["requests"]), 2),
               tracebacks=text.count("Traceback"))
    json.dump(res, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return res


if __name__ == "__main__":
    main()
