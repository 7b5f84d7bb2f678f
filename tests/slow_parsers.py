"""Parsers and tasks that misbehave on purpose, for the budget tests (a small module: a fresh
parser worker imports it to run them)."""
from __future__ import annotations

import os
import time

from conftest import quick_parse


def sleepy(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def hog(mb_per_step: int = 64) -> None:
    keep = []
    while True:  # until the address-space cap says no
        keep.append(bytearray(mb_per_step << 20))


def crash() -> None:
    os._exit(9)


def picky_parse(doc):
    """quick_parse, except for files named *slow* (they never finish) and *hog* (no memory bound):
    stand-ins for any cost bomb a reader has not met yet."""
    name = os.path.basename(doc.path)
    if "slow" in name:
        time.sleep(600)
    if "hog" in name:
        hog()
    return quick_parse(doc)


def abort_at_cap(mb_per_step: int = 4) -> None:
    """What pdfium does at its memory cap: C allocations, each used, over a little time (pdfium
    took 17 s to reach 1.2 GB), until one fails; then abort (no MemoryError reaches Python)."""
    import ctypes

    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    while True:
        p = libc.malloc(mb_per_step << 20)
        if not p:
            os.abort()
        ctypes.memset(p, 1, mb_per_step << 20)
        time.sleep(0.005)


def abort_now() -> None:
    os.abort()
