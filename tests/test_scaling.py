"""Parsing grows linearly with the input for the shapes that once grew with its square (issue 14).

Lines that never end a sentence are joined into one paragraph; a pasted CSV is one paragraph
dense with figures.  At 1x, 2x and 4x the size, CPU time and peak traced memory may grow at most
2.3 times per doubling (linear work doubles; the quadratic paragraph builder grew 3-4 times).
Memory is deterministic and checked at each doubling; time, on a shared machine, as the mean
growth over the two doublings (the square root of 4x over 1x).
"""
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from shapes import SHAPES  # noqa: E402

from workreport.ingest import document_from_bytes  # noqa: E402
from workreport.pipeline import parse  # noqa: E402

MAX_GROWTH = 2.3
BASE = {"joined_lines": 1000, "csv_rows": 1200}  # lines at 1x


def _peak(doc) -> int:
    tracemalloc.start()
    try:
        parsed = parse(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert parsed.reports  # the text was read, not refused
    return peak


def _docs(build, base: int):
    return [document_from_bytes(build(base * k).encode("utf-8"), "shape.txt") for k in (1, 2, 4)]


def growth(build, base: int, rounds: int = 3) -> tuple[list[float], list[int]]:
    """(best CPU seconds, peak traced bytes) of parsing at 1x, 2x and 4x ``base``.

    The sizes are timed in turn, ``rounds`` times, and the best of each kept: the machine is
    shared, and a slow moment then hits every size alike instead of one.  Memory (traced, six
    times slower to run, and the same on every run) is measured at a quarter of the sizes."""
    docs = _docs(build, base)
    best = [float("inf")] * len(docs)
    for _ in range(rounds):
        for n, doc in enumerate(docs):
            t = time.process_time()
            parse(doc)
            best[n] = min(best[n], time.process_time() - t)
    return best, [_peak(doc) for doc in _docs(build, base // 4)]


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_time_and_memory_grow_linearly(shape):
    build = SHAPES[shape]
    parse(document_from_bytes(build(10).encode("utf-8"), "warm.txt"))  # load the rule tables
    times, peaks = growth(build, BASE[shape])
    assert (times[2] / times[0]) ** 0.5 <= MAX_GROWTH, f"{shape}: CPU seconds at 1x, 2x, 4x: {times}"
    for k in (1, 2):
        assert peaks[k] / peaks[k - 1] <= MAX_GROWTH, f"{shape}: peak bytes at 1x, 2x, 4x: {peaks}"


def test_joined_lines_make_one_paragraph():
    """The shape is what it claims: every line joined, figures on every line."""
    doc = document_from_bytes(SHAPES["joined_lines"](50).encode("utf-8"), "t.txt")
    parsed = parse(doc)
    (report,) = parsed.reports
    assert len(report.paragraphs) == 1 and report.paragraphs[0].line_end == 50
    assert len(report.indicators) == 100
