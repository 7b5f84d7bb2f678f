#!/usr/bin/env python3
"""Split F1 and unit accuracy over the suite's synthetic compilations (tests/synth.py,
``TEST_SEEDS``), with the errors counted by cause: what docs/ACCURACY.md reports.

    .venv/bin/python scripts/score_synthetic.py [--seeds N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import synth  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=len(synth.TEST_SEEDS))
    args = ap.parse_args(argv)
    seeds = list(synth.TEST_SEEDS)[: args.seeds]
    t = time.time()
    total = synth.score_seeds(seeds)
    print(f"{len(seeds)} synthetic compilations (seeds {seeds[0]}..{seeds[-1]}), {total.tp + total.fn} reports, "
          f"{time.time() - t:.0f} s")
    print(f"split F1 {total.f1:.3f} (tp {total.tp}, fp {total.fp}, fn {total.fn}); unit accuracy {total.unit_accuracy:.3f}")
    for k, v in sorted(total.causes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {v:4d}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
