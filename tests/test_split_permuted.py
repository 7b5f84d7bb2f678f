"""Generalisation check: the dev compilation's reports in other orders, with and without their
openings, must still split where the reports begin (boundaries from the gold annotation)."""
import json
import random

import pytest

from structure_helpers import SHARED
from workreport.ingest import document_from_bytes
from workreport.structure import structure

GOLD = SHARED / "dev" / "gold_part1.json"
DEV = SHARED / "dev" / "compilation_2022_part1.txt"


def _blocks():
    gold = json.loads(GOLD.read_text("utf-8"))
    lines = DEV.read_text("utf-8").split("\n")
    head = lines[: gold["reports"][0]["start"] - 1]  # the page's own title and date line
    return head, [lines[r["start"] - 1 : r["end"]] for r in gold["reports"]]


def _permuted(head, blocks, seed, drop_openings):
    rnd = random.Random(seed)
    order = list(range(len(blocks)))
    rnd.shuffle(order)
    out, starts = list(head), []
    for k in order:
        b = blocks[k]
        if drop_openings:
            b = b[next(j for j, l in enumerate(b) if l.startswith("一、")):]
        starts.append(len(out) + 1)
        out += b + [""]
    return "\n".join(out), starts


@pytest.mark.parametrize("drop_openings", [False, True])
def test_permuted_dev_reports_split_back(drop_openings):
    if not GOLD.exists():
        pytest.skip("../shared/dev not available")
    head, blocks = _blocks()
    hit = total = 0
    for seed in range(20):
        text, starts = _permuted(head, blocks, seed, drop_openings)
        _, reports = structure(document_from_bytes(text.encode("utf-8"), "p.txt"))
        got = {r.start_line for r in reports}
        hit += len(got & set(starts))
        total += len(starts)
        assert len(reports) <= len(starts) + 1
    assert hit / total >= 0.95
