"""Input shapes that once made a stage grow faster than the text (issue 14), built on demand.

Shared by ``bench/run.py --hostile`` and tests/test_scaling.py.  Deterministic for a seed.

- ``joined_lines(n)``: n lines that never end a sentence and are too long and too punctuated to
  read as titles, so the paragraph builder joins all of them into one paragraph, with a few
  figures on every line (7,500 lines are about 1.35 MB of UTF-8).
- ``csv_rows(n)``: n comma-separated rows of numbers and short labels pasted as text, no row
  ending a sentence: one paragraph, dense with figures (10,000 rows are about 600 KB).
"""
from __future__ import annotations

import random

# Fictional, generic report vocabulary: verbs and nouns of the genre, no names.
_WORDS = ("推进", "完善", "加强", "落实", "优化", "提升", "建设", "服务", "管理", "改革", "项目", "机制",
          "群众", "基层", "产业", "环境", "治理", "保障", "发展", "创新", "统筹", "深化", "规范", "监督")


def joined_lines(n: int, seed: int = 0) -> str:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        head = "".join(rnd.choice(_WORDS) for _ in range(10))
        tail = "".join(rnd.choice(_WORDS) for _ in range(10))
        out.append(f"{head}，全年完成投资{rnd.randint(10, 999)}万元，带动就业{rnd.randint(10, 999)}人，{tail}，")
    return "\n".join(out) + "\n"


def csv_rows(n: int, seed: int = 0) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        out.append(f"{2000 + i % 25},某某街道第{i % 97}号项目,{rnd.uniform(0, 1000):.2f},{rnd.randint(0, 10 ** 6)},"
                   f"{rnd.uniform(0, 100):.1f}%,{rnd.randint(1, 500)}户,推进中")
    return "\n".join(out) + "\n"


SHAPES = {"joined_lines": joined_lines, "csv_rows": csv_rows}
