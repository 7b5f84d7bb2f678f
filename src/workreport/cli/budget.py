"""The command line's text, parse and check under the per-document budget (workers.Budget):
in a forked child for anything a C library reads, in this process for a small plain-text file."""
from __future__ import annotations

import os
from typing import Any, Callable

from ..errors import BudgetExceeded, ParseFailed
from ..workers import Budget, _limit_memory, _watch_parent, died_at_cap



class _Room:
    """Two signed 64-bit slots in memory shared with a forked child: (cap, peak)."""

    def __init__(self):
        import mmap

        self._m = mmap.mmap(-1, 16)  # anonymous and shared: the child's writes are seen here

    def __getitem__(self, i: int) -> int:
        return int.from_bytes(self._m[8 * i:8 * i + 8], "little", signed=True)

    def __setitem__(self, i: int, v: int) -> None:
        self._m[8 * i:8 * i + 8] = int(v).to_bytes(8, "little", signed=True)


def fork_budgeted(fn: Callable[[], Any], budget: Budget, label: str,
                  prepare: Callable[[], Any] | None = None,
                  on_error: Callable[[BaseException], int] | None = None) -> int | None:
    """``fn()`` (work that prints its own output) in a forked child under ``budget``.

    In the child: runs ``fn`` (a MemoryError becomes the budget's error), turns what it raises
    into a status with ``on_error`` (which says what went wrong) and always ends there with
    ``os._exit``: a child that returned would run its caller's code twice (under click's test
    runner, the rest of the test session).  In the parent: the child's exit status, or
    ``BudgetExceeded`` (past the wall time: the child is killed; or dead at its memory cap) or
    ``ParseFailed`` (killed by a signal below the cap).  Without ``fork`` (Windows) ``fn`` runs
    here, unbounded, and None is returned."""
    import select
    import signal
    import sys

    if not hasattr(os, "fork"):
        fn()
        return None  # (prepare is for the child's cap; here fn imports what it needs)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # what is buffered must not be written twice
        except (OSError, ValueError):
            pass
    room = _Room()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns; its status is the command's
        os.close(r)
        os._exit(_child(fn, budget, label, room, prepare, on_error))
    os.close(w)
    try:
        ready, _, _ = select.select([r], [], [], budget.seconds)  # EOF when the child has gone
        if not ready:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    except BaseException:  # Ctrl-C: the child goes with us
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        raise
    finally:
        os.close(r)
    if not ready:
        raise BudgetExceeded(label, f"more than {budget.seconds:g} s", "parse_seconds")
    code = os.waitstatus_to_exitcode(status)
    if code >= 0:
        return code
    if died_at_cap(room, budget.memory_mb):
        raise BudgetExceeded(label, f"more than {budget.memory_mb} MB of memory", "parse_memory_mb")
    raise ParseFailed(label, f"the parser process crashed on this file ({signal.Signals(-code).name})")


def _child(fn, budget: Budget, label: str, room: _Room, prepare, on_error) -> int:
    """The forked child's work and its exit status, its output flushed (os._exit does not)."""
    import sys

    import click

    code = 1
    try:
        _watch_parent()
        if prepare is not None:
            prepare()
        _limit_memory(budget.memory_mb, room)
        try:
            fn()
        except MemoryError:
            raise BudgetExceeded(label, f"more than {budget.memory_mb} MB of memory", "parse_memory_mb") from None
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except BaseException as exc:  # noqa: BLE001 - the child must end here whatever happened
        try:
            code = on_error(exc) if on_error is not None else 1
        except BaseException:  # noqa: BLE001 - not ours to turn into a status: say it, status 1
            import traceback

            traceback.print_exc()
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    return code


class _OutOfTime(BaseException):
    pass


def run_limited_here(fn: Callable[[], Any], budget: Budget, label: str) -> None:
    """``fn()`` in this process under ``budget``: the address space capped for the call (a
    MemoryError is the budget's error) and a timer that stops it at the wall time.  For work
    that is Python through and through (a plain-text file's parse), where a signal is taken
    between two steps of the interpreter; C code that might not return is run by
    ``fork_budgeted`` instead."""
    import signal

    try:
        import resource
    except ImportError:  # pragma: no cover - not Unix
        fn()
        return

    def stop(_sig, _frame):
        raise _OutOfTime  # not an Exception: no stage's own guard (pipeline._guarded) may keep it

    old_limit = resource.getrlimit(resource.RLIMIT_AS)
    _limit_memory(budget.memory_mb, soft_only=True)
    old_handler = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, budget.seconds)
    try:
        fn()
    except _OutOfTime:
        raise BudgetExceeded(label, f"more than {budget.seconds:g} s", "parse_seconds") from None
    except MemoryError:
        raise BudgetExceeded(label, f"more than {budget.memory_mb} MB of memory", "parse_memory_mb") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        try:
            resource.setrlimit(resource.RLIMIT_AS, old_limit)
        except (OSError, ValueError):
            pass
