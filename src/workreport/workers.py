"""Parsing under a budget: every document is parsed in a worker process with a wall-time and a
memory limit, so one bad file costs that file, never the server or the rest of an ingest.

``WorkerPool`` keeps ``size`` worker processes, each fed one task at a time over its own pipe:

* wall time: the parent waits on the pipe until the task's deadline; past it the worker is
  killed (SIGKILL, whatever it is doing, C code included) and replaced: ``BudgetExceeded``;
* memory: the worker's address space is capped (``RLIMIT_AS``, ``memory_mb`` above what the
  worker had mapped when it started); a parse that needs more gets MemoryError, or dies and is
  replaced: ``BudgetExceeded`` either way;
* a worker that dies for any other reason is replaced and its task reported as ``ParseFailed``;
* orphans: a worker leaves as soon as its parent is gone (a thread watches ``getppid``), so a
  ``kill -9`` of an ingest or a server leaves no process behind.

The CLI ingest (``map``, main thread) forks its workers; the server (``run``, called from many
threads) starts them through a fork server, since forking a threaded process is unsafe.
"""
from __future__ import annotations

import collections
import os
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .errors import BudgetExceeded, ParseFailed

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class Budget:
    """What parsing one document may cost."""

    seconds: float = 120.0  # wall time; the slowest real report parses in a few seconds
    # above the worker's size at start: real reports need < 300 MB (a 3.6 MB figure-dense text
    # 270 MB, JSON included); pdfium loading a page that draws a form 50,000 times took 1.2 GB
    memory_mb: int = 1024


DEFAULT_BUDGET = Budget()


# -- in the worker -------------------------------------------------------------------------------


def _watch_parent() -> None:
    # the process that started us: the pool's owner (fork), or the fork server, which itself
    # leaves when the owner is gone
    parent = os.getppid()

    def watch():
        while True:
            try:
                if os.getppid() != parent:
                    break
            except Exception:  # noqa: BLE001 -- refused at the memory cap, like the peak watch
                pass
            time.sleep(0.25)
        os._exit(3)  # the parent is gone (killed, crashed): nobody will read our result

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _limit_memory(memory_mb: int, room=None, soft_only: bool = False) -> None:
    """Cap this process's address space ``memory_mb`` above what it maps now.  ``room``: a shared
    array of two signed 64-bit slots (the cap, the peak mapped so far) the parent reads when this
    process dies, to tell a death at the cap (C code, pdfium, aborts on a failed allocation)
    from a crash."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = mapped + memory_mb * MB
        hard = resource.getrlimit(resource.RLIMIT_AS)[1] if soft_only else cap  # soft only: it can be lifted
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError, ImportError):  # not Linux: the wall-time budget still holds
        return
    if room is not None:
        room[0] = cap
        threading.Thread(target=_sample_peak, args=(room,), name="peak-watch", daemon=True).start()


_SAMPLE = 0.01  # seconds between two readings of the peak address space (~30 us each)


def _sample_peak(room) -> None:
    # VmPeak only grows: a reading every 10 ms sees the largest size however short-lived it was
    while True:
        try:
            with open("/proc/self/status", "rb") as fh:
                for line in fh:
                    if line.startswith(b"VmPeak:"):
                        room[1] = int(line.split()[1]) * 1024
                        break
        except (FileNotFoundError, PermissionError):  # no /proc: not Linux
            return
        except Exception:  # noqa: BLE001 -- at its cap the process refuses the watcher's own
            pass  # allocations in any form (MemoryError, ENOMEM, a lock): the last reading stands
        time.sleep(_SAMPLE)


def died_at_cap(room, memory_mb: int) -> bool:
    """Whether a process that died had come within a tenth of its memory budget (at least
    32 MB: what a fast allocator adds between two readings) of its cap."""
    cap, peak = room[0], room[1]
    return cap > 0 and peak >= cap - max(memory_mb * MB // 10, 32 * MB)


def _worker_main(conn, memory_mb: int, room=None) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _watch_parent()
    _limit_memory(memory_mb, room)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        fn, args = task
        try:
            result: tuple[str, Any] = ("ok", fn(*args))
        except MemoryError:
            result = ("memory", None)
        except Exception as exc:  # fn reports its own errors; this is the last resort
            result = ("raised", f"{type(exc).__name__}: {str(exc)[:300]}")
        try:
            conn.send(result)
        except MemoryError:
            conn.send(("memory", None))
        except Exception as exc:  # a result that does not pickle
            conn.send(("raised", f"{type(exc).__name__}: {str(exc)[:300]}"))


# -- in the parent -------------------------------------------------------------------------------


class _Worker:
    __slots__ = ("proc", "conn", "room")

    def __init__(self, ctx, memory_mb: int):
        parent_end, child_end = ctx.Pipe()
        self.room = ctx.Array("q", 2, lock=False)  # (cap, peak): see _limit_memory
        self.proc = ctx.Process(target=_worker_main, args=(child_end, memory_mb, self.room),
                                name="workreport-parser", daemon=True)
        self.proc.start()
        child_end.close()
        self.conn = parent_end

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        except (OSError, ValueError, AssertionError):
            pass
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


def _outcome(label: str, budget: Budget, status: str, value: Any) -> tuple[str, Any]:
    """A worker's answer as ("ok", value) or ("error", WorkReportError)."""
    if status == "ok":
        return "ok", value
    if status == "memory":
        return "error", BudgetExceeded(label, f"more than {budget.memory_mb} MB of memory", "parse_memory_mb")
    if status == "timeout":
        return "error", BudgetExceeded(label, f"more than {budget.seconds:g} s", "parse_seconds")
    if status == "died":
        return "error", ParseFailed(label, "the parser process crashed on this file (or ran out of memory)")
    return "error", ParseFailed(label, f"internal error while parsing ({value})")


class WorkerPool:
    """``size`` worker processes parsing under ``budget``.  ``run`` (thread-safe) serves one task
    and blocks until it is done; ``map`` keeps every worker busy over many tasks."""

    def __init__(self, size: int, budget: Budget = DEFAULT_BUDGET, *, start_method: str | None = None,
                 preload: tuple[str, ...] = ()):
        import multiprocessing  # here, not at the top: the CLI reads Budget's defaults at start

        self.size = max(1, int(size))
        self.budget = budget
        methods = multiprocessing.get_all_start_methods()
        method = start_method or ("fork" if "fork" in methods else "spawn")
        if method not in methods:
            method = "spawn"
        self._ctx = multiprocessing.get_context(method)
        if method == "forkserver" and preload:
            self._ctx.set_forkserver_preload(list(preload))
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(self.size)
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    # one worker out of / back into the pool: a worker out of the pool holds one of ``size`` slots
    def _take(self, block: bool = True) -> _Worker | None:
        if not self._slots.acquire(blocking=block):
            return None
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        try:
            w = _Worker(self._ctx, self.budget.memory_mb)
        except BaseException:
            self._slots.release()
            raise
        with self._lock:
            self._all.add(w)
        return w

    def _give(self, w: _Worker) -> None:
        if self._closed:
            self._drop(w, kill=False)
            return
        self._idle.put(w)
        self._slots.release()

    def _drop(self, w: _Worker, *, kill: bool = True, holds_slot: bool = True) -> None:
        with self._lock:
            known = w in self._all
            self._all.discard(w)
        if known:
            w.kill() if kill else w.stop()
        if holds_slot:
            self._slots.release()

    def _death(self, w: _Worker) -> str:
        """"memory" when the worker died at its memory cap, else "died"."""
        w.proc.join(1)  # its last reading of the peak is in place once it is gone
        return "memory" if died_at_cap(w.room, self.budget.memory_mb) else "died"

    def warm(self) -> None:
        """Start the workers now (a server at start-up), not on the first task."""
        taken = []
        try:
            for _ in range(self.size):
                w = self._take(block=False)
                if w is None:
                    break
                taken.append(w)
        except (OSError, EOFError, ValueError):  # shutting down meanwhile: the first task will try again
            pass
        finally:
            for w in taken:
                self._give(w)

    def run(self, fn: Callable, *args, label: str = "document") -> tuple[str, Any]:
        """``fn(*args)`` in a worker: ("ok", its value) or ("error", the WorkReportError)."""
        if self._closed:
            raise RuntimeError("the parser pool is closed")
        try:
            w = self._take()
        except (OSError, EOFError, ValueError) as exc:
            return "error", ParseFailed(label, f"could not start a parser process ({type(exc).__name__}: {exc})")
        try:
            w.conn.send((fn, args))
            if w.conn.poll(self.budget.seconds):
                status, value = w.conn.recv()
            else:
                status, value = "timeout", None
        except (EOFError, OSError):
            status, value = self._death(w), None
        except BaseException:
            self._drop(w)
            raise
        if status in ("timeout", "died", "memory"):
            self._drop(w)  # a worker that ran out of memory may be in any state: a fresh one
        else:
            self._give(w)
        return _outcome(label, self.budget, status, value)

    def map(self, fn: Callable, tasks: Iterable[tuple[str, tuple]]) -> Iterator[tuple[str, str, Any]]:
        """For each ``(label, args)``: yields ``(label, "ok", fn(*args))`` or ``(label, "error", err)``
        as workers finish (not in order).  Single-threaded caller (the ingest)."""
        from multiprocessing.connection import wait as wait_ready

        todo = collections.deque(tasks)
        busy: dict[Any, tuple[_Worker, str, float]] = {}
        try:
            while todo or busy:
                while todo and len(busy) < self.size:
                    # block for a slot only with nothing in flight: another thread's map may hold
                    # the others and must be able to finish
                    try:
                        w = self._take(block=not busy)
                    except (OSError, EOFError, ValueError) as exc:
                        label, _ = todo.popleft()
                        yield label, "error", ParseFailed(label, f"could not start a parser process ({exc})")
                        continue
                    if w is None:
                        break
                    label, args = todo.popleft()
                    try:
                        w.conn.send((fn, args))
                    except (OSError, ValueError):
                        self._drop(w)
                        yield (label, *_outcome(label, self.budget, "died", None))
                        continue
                    busy[w.conn] = (w, label, time.monotonic() + self.budget.seconds)
                if not busy:
                    continue
                wait = max(0.0, min(d for _, _, d in busy.values()) - time.monotonic())
                ready = wait_ready(list(busy), timeout=wait)
                for conn in ready:
                    w, label, _ = busy.pop(conn)
                    try:
                        status, value = conn.recv()
                    except (EOFError, OSError):
                        status, value = self._death(w), None
                    if status in ("died", "memory"):
                        self._drop(w)
                    else:
                        self._give(w)
                    yield (label, *_outcome(label, self.budget, status, value))
                now = time.monotonic()
                for conn, (w, label, deadline) in list(busy.items()):
                    if deadline <= now:
                        del busy[conn]
                        self._drop(w)
                        yield (label, *_outcome(label, self.budget, "timeout", None))
        finally:
            for w, _, _ in busy.values():  # the caller stopped early (an exception, Ctrl-C)
                self._drop(w)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                w = self._idle.get_nowait()
            except queue.Empty:
                break
            self._drop(w, kill=False, holds_slot=False)
        with self._lock:
            rest = list(self._all)
        for w in rest:  # still busy in another thread: it is killed, its caller gets "died"
            w.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

