"""The tests' throwaway PostgreSQL cluster does not outlive a test run that is killed."""
import os
import signal
import subprocess
import sys
import time

import pytest

from pgserver import find_bindir

HERE = os.path.dirname(os.path.abspath(__file__))
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pgserver import PgServer, find_bindir
server = PgServer(find_bindir()).start()
print(server.dir, flush=True)
time.sleep(120)
"""


def _postmaster_running(data_dir: str) -> bool:
    out = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return any(data_dir in line and "postgres" in line for line in out.splitlines())


@pytest.mark.skipif(os.environ.get("WORKREPORT_TEST_PG") is not None or find_bindir() is None,
                    reason="the tests use a server someone else runs")
def test_a_killed_run_leaves_no_cluster_behind():
    child = subprocess.Popen([sys.executable, "-c", CHILD, HERE], stdout=subprocess.PIPE, text=True)
    try:
        folder = child.stdout.readline().strip()
        assert folder and os.path.isdir(folder)
        assert _postmaster_running(folder)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    deadline = time.monotonic() + 30
    while (os.path.exists(folder) or _postmaster_running(folder)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not os.path.exists(folder)
    assert not _postmaster_running(folder)
