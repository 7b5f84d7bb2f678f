"""A bounded load on a real server (loopback only, a few seconds): 50 clients searching while a
second process ingests into the same library.  Every answer is a 200, the server writes no
traceback.  The figures at full size are in docs/RELIABILITY.md (bench/serve_load.py)."""
from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from load import DEFAULT_WORDS, run_load  # noqa: E402
from serve_load import free_port, start_server, stop  # noqa: E402

from conftest import quick_parse  # noqa: E402

WORKREPORT = str(Path(sys.executable).with_name("workreport"))


def test_fifty_clients_search_during_an_ingest(tmp_path):
    from workreport.store import Library

    db = tmp_path / "load.db"
    with Library(str(db), parser=quick_parse) as lib:
        lib.ingest([str(ROOT / "samples")], workers=0)
    port = free_port()
    with open(tmp_path / "server.log", "wb") as log:
        server = start_server(WORKREPORT, str(db), port, log)
        writer = subprocess.Popen([WORKREPORT, "ingest", str(ROOT / "samples" / "district"), "--db", str(db),
                                   "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            paths = [f"/api/search?q={w}" for w in DEFAULT_WORDS] + ["/api/reports", "/api/stats", "/?page=1"]
            res = asyncio.run(run_load(f"http://127.0.0.1:{port}", paths, clients=50, requests=600, seconds=20))
            assert writer.wait(120) == 0, writer.stderr.read()
        finally:
            if writer.poll() is None:
                writer.kill()
            stop(server)
    log_text = (tmp_path / "server.log").read_text(errors="replace")
    assert res["requests"] >= 100, res
    assert res["status"] == {"200": res["requests"]}, res
    assert "Traceback" not in log_text, log_text[-2000:]


def test_the_load_tool_refuses_other_hosts():
    with pytest.raises(SystemExit):
        asyncio.run(run_load("http://10.0.0.1:80", ["/"], clients=1, requests=1, seconds=1))
