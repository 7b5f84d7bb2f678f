"""Issue 2 acceptance on the real dev compilation, through the shared scorer."""
import json
import subprocess
import sys

import pytest

from structure_helpers import SHARED

GOLD = SHARED / "dev" / "gold_part1.json"
DEV = SHARED / "dev" / "compilation_2022_part1.txt"

FLOORS = {
    "split_f1": 0.95,
    "unit_accuracy": 0.90,
    "level_accuracy": 0.90,
    "end_accuracy": 0.85,
    "section_f1": 0.90,
    "section_role_accuracy": 0.85,
    "page_break_recall": 0.90,
    "chrome_f1": 0.90,
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not GOLD.exists():
        pytest.skip("../shared/dev is not beside this checkout")
    pred = tmp_path_factory.mktemp("dev") / "pred.json"
    out = subprocess.run([sys.executable, "-m", "workreport", "parse", str(DEV), "--json"],
                         capture_output=True, check=True)
    pred.write_bytes(out.stdout)
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(GOLD), str(pred), "--json"],
                         capture_output=True, check=True, text=True)
    return json.loads(res.stdout)


@pytest.mark.parametrize("metric,floor", sorted(FLOORS.items()))
def test_dev_floor(scores, metric, floor):
    assert scores[metric] >= floor, f"{metric} = {scores[metric]:.3f} < {floor}"


def test_no_heading_glued_to_body(scores):
    assert scores["page_break_false_joins_at_headings"] == 0
