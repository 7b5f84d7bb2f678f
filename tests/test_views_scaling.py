"""The report page's marks are placed in time linear in the figures of a line (a figure-dense
upload once never rendered: each figure was compared with every other on its line)."""
from __future__ import annotations

import time

from timing import holds
from workreport.web import views


def dense_report(n: int) -> dict:
    piece = "完成投资12.5亿元，"
    text = piece * n
    inds = [{"line": 1, "span": "12.5亿元", "col": i * len(piece) + 4, "kind": "actual", "measure": "投资",
             "value": "12.5", "unit": "亿元"} for i in range(n)]
    finds = [{"line": 1, "wrong": "投资", "severity": "warning", "message": "m", "rule": "r"} for _ in range(n // 4)]
    return {"lines": [{"line": 1, "text": text}], "indicators": inds, "findings": finds, "sections": [],
            "pairs": [], "plan_items": []}


def costs(sizes: tuple[int, ...], rounds: int = 5) -> list[float]:
    """Best CPU seconds of marking up each size, the sizes timed in turn ``rounds`` times: on a
    shared machine a slow moment then hits every size alike instead of one."""
    reps = [dense_report(n) for n in sizes]
    best = [float("inf")] * len(sizes)
    for _ in range(rounds):
        for k, rep in enumerate(reps):
            t = time.process_time()
            rows = views.report_lines(rep)
            best[k] = min(best[k], time.process_time() - t)
            marks = [s for s in rows[0]["segments"] if s["mark"]]
            assert len(marks) == sizes[k] + sizes[k] // 4  # every figure and finding placed, none overlapping
    return best


def test_marks_on_a_dense_line_scale_linearly():
    # linear: 4x the figures ~ 4x the time; quadratic would be 16x.  Taken again when missed
    # (tests/timing.py): a slow spell passes on a later try, a quadratic never
    ok, figures = holds(lambda: costs((2_000, 8_000)), lambda f: f[1] < 8 * max(f[0], 1e-3))
    assert ok, figures


def test_a_mark_never_overlaps_another():
    taken = views.Taken()
    text = "增长5%增长5%增长5%"
    spans = [views._place(text, "增长5%", None, taken) for _ in range(4)]
    for s in spans[:3]:
        taken.add(*s) if s else None
    assert spans[3] is None or spans[3] not in spans[:3]
    t2 = views.Taken()
    got = []
    for _ in range(4):
        w = views._place(text, "增长5%", None, t2)
        if w:
            t2.add(*w)
        got.append(w)
    assert got == [(0, 4), (4, 8), (8, 12), None]
