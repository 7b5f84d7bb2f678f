"""Timing checks that hold on a shared machine and still fail on a quadratic.

A measurement is CPU time (``time.process_time``: what the code costs, not what the rest of the
machine leaves it), the sizes timed in turn and the best of a few rounds kept.  When the bound is
missed the whole measurement is taken again, up to ``attempts`` times: a slow spell on a busy
machine passes on a later try, a quadratic (4x per doubling against a bound near 2x) never does.
"""
from __future__ import annotations

import time
from typing import Callable, Sequence


def best_cpu(runs: Sequence[Callable[[], object]], rounds: int = 3) -> list[float]:
    """Best CPU seconds of each of ``runs``, timed in turn ``rounds`` times."""
    best = [float("inf")] * len(runs)
    for _ in range(rounds):
        for k, run in enumerate(runs):
            t = time.process_time()
            run()
            best[k] = min(best[k], time.process_time() - t)
    return best


def holds(measure: Callable[[], list[float]], ok: Callable[[list[float]], bool], attempts: int = 3):
    """(True, figures) as soon as ``ok(measure())``; (False, the figures of every attempt) if never."""
    seen = []
    for _ in range(attempts):
        figures = measure()
        if ok(figures):
            return True, figures
        seen.append(figures)
    return False, seen
