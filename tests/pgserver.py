"""A throwaway PostgreSQL cluster for the tests: ``initdb`` under a temporary folder, listening on
127.0.0.1 only at a free port, stopped and removed at the end of the session.  A watchdog
process stops it too when the test process dies without cleaning up (``kill -9``, a CI timeout),
so no cluster outlives its run.

initdb refuses to run as root, and CI runs as root: then the cluster belongs to the ``postgres``
user that Debian's package creates, and its commands run through ``runuser``.  The binaries are
found with ``pg_config`` or under /usr/lib/postgresql/<version>/bin (``.ci/run`` installs the
Debian package when they are missing).  ``WORKREPORT_TEST_PG``, a superuser URL, points the tests
at a running server instead.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile

_count = itertools.count(1)


def find_bindir() -> str | None:
    env = os.environ.get("WORKREPORT_PG_BIN")
    if env and os.path.isfile(os.path.join(env, "initdb")):
        return env
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
        if out and os.path.isfile(os.path.join(out, "initdb")):
            return out
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, bindir: str):
        self.bindir = bindir
        self.dir = tempfile.mkdtemp(prefix="workreport-pg-")
        self.data = os.path.join(self.dir, "data")
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")
        self.admin_url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        cmd = [os.path.join(self.bindir, args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if res.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{res.stdout[-2000:]}\n{res.stderr[-2000:]}")

    def start(self) -> "PgServer":
        # C.UTF-8: code-point order, and a UTF-8 character type so pg_trgm sees Chinese characters
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8", "--no-instructions")
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-o", opts, "-w", "start")
        self._watch(os.getpid())
        return self

    def _watch(self, owner: int) -> None:
        """Stop and remove the cluster once ``owner`` is gone, whatever way it ended."""
        stop = [os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop"]
        if self.as_root:
            stop = ["runuser", "-u", "postgres", "--", *stop]
        script = ("while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                  "[ -d \"$2\" ] && { \"${@:3}\" >/dev/null 2>&1; rm -rf \"$2\"; }; exit 0")
        subprocess.Popen(["bash", "-c", script, "pgwatch", str(owner), self.dir, *stop],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)

    def new_database(self, name: str = "t") -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        db = f"{''.join(c for c in name.lower() if c.isalnum())[:40] or 't'}_{next(_count)}_{os.getpid()}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{db}" TEMPLATE template0 ENCODING \'UTF8\''
                         " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class ExistingServer:
    """A server someone else runs (``WORKREPORT_TEST_PG``): new databases on it, nothing stopped."""

    def __init__(self, admin_url: str):
        self.admin_url = admin_url

    def new_database(self, name: str = "t") -> str:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        db = f"wr_{''.join(c for c in name.lower() if c.isalnum())[:30] or 't'}_{next(_count)}_{os.getpid()}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{db}" TEMPLATE template0 ENCODING \'UTF8\''
                         " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
        info = conninfo_to_dict(self.admin_url)
        info["dbname"] = db
        return make_conninfo(**info)

    def stop(self) -> None:
        pass
