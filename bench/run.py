"""Benchmarks against named anchors (not a timed test): `make bench`.

Parse speed: the whole pipeline (read -> split -> outline -> figures -> findings) on the real
corpus in ../shared, against jieba's plain segmentation (jieba.lcut, HMM on) of the same text,
both on one core, CPU time.  Memory: peak traced allocation while parsing each document.
"""
from __future__ import annotations

import glob
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from workreport.ingest import read_document  # noqa: E402
from workreport.pipeline import parse  # noqa: E402


def corpus_files() -> list[str]:
    files = sorted(glob.glob(str(SHARED / "corpus" / "*" / "txt" / "*.txt")))
    return files + [str(SHARED / "dev" / "compilation_2022_part1.txt")]


def cpu(fn, repeat=3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main() -> dict:
    docs = [read_document(f) for f in corpus_files()]
    texts = ["\n".join(d.lines) for d in docs]
    chars = sum(len(t) for t in texts)
    parse(docs[0])  # load rule tables
    t_parse = cpu(lambda: [parse(d) for d in docs])
    out = {"documents": len(docs), "chars": chars, "parse_s": round(t_parse, 3),
           "parse_mchars_per_s": round(chars / t_parse / 1e6, 3)}
    try:
        import jieba

        jieba.setLogLevel(60)
        jieba.lcut("预热")
        t_jieba = cpu(lambda: [jieba.lcut(t) for t in texts])
        out.update(jieba_s=round(t_jieba, 3), jieba_mchars_per_s=round(chars / t_jieba / 1e6, 3),
                   parse_vs_jieba=round(t_jieba / t_parse, 2))
    except ImportError:
        out["jieba"] = "not installed (pip install -e '.[bench]')"
    peaks = []
    for d in docs:
        tracemalloc.start()
        parse(d)
        peaks.append((tracemalloc.get_traced_memory()[1], len(d.lines), Path(d.path).name))
        tracemalloc.stop()
    top = max(peaks)
    out.update(peak_mb_max=round(top[0] / 2**20, 1), peak_mb_max_file=top[2],
               peak_bytes_per_char_max=round(max(p / max(1, sum(len(l) for l in docs[i].lines))
                                                 for i, (p, _, _) in enumerate(peaks)), 1))
    return out


def hostile() -> dict:
    """Time on inputs built to be slow: must stay linear (seconds per million characters).

    The shapes of bench/shapes.py are run at 1x, 2x and 4x their size: ``growth`` is the worst
    ratio of CPU time (and of peak traced memory) between one size and the next; linear work
    stays near 2.0 per doubling (tests/test_scaling.py fails above 2.3).
    """
    import random

    from workreport.ingest import document_from_bytes

    from shapes import SHAPES

    rnd = random.Random(0)
    cjk = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"

    def words(k):
        return "".join(rnd.choice(cjk) for _ in range(k))

    cases = {
        "one_line_1M": words(1_000_000),
        "short_lines_200k": "\n".join(words(5) for _ in range(200_000)),
        "ordinal_lines_50k": "\n".join(rnd.choice(["一、", "(一)", "1.", "①", "一是", "()"]) + words(8)
                                        for _ in range(50_000)),
        "digit_soup_300k": "".join(rnd.choice("0123456789.,%万亿元xX个") for _ in range(300_000)),
        "bracket_soup_300k": "".join(rnd.choice("（）“”《》()[]【】") for _ in range(300_000)),
        "joined_lines_7500": SHAPES["joined_lines"](7500),
        "csv_rows_10k": SHAPES["csv_rows"](10_000),
    }
    out = {}
    for name, text in cases.items():
        doc = document_from_bytes(text.encode("utf-8"), name)
        t = time.process_time()
        parse(doc)
        dt = time.process_time() - t
        out[name] = {"chars": len(text), "cpu_s": round(dt, 2), "s_per_mchar": round(dt / len(text) * 1e6, 2)}
    for name, build in SHAPES.items():
        base = {"joined_lines": 1875, "csv_rows": 2500}[name]
        runs = [scaling_point(build(base * k)) for k in (1, 2, 4)]
        out[f"{name}_scaling"] = {
            "sizes": [base * k for k in (1, 2, 4)],
            "cpu_s": [round(r[0], 2) for r in runs],
            "peak_mb": [round(r[1] / 2**20, 1) for r in runs],
            "time_growth": round(max(b[0] / a[0] for a, b in zip(runs, runs[1:])), 2),
            "memory_growth": round(max(b[1] / a[1] for a, b in zip(runs, runs[1:])), 2),
        }
    return out


def scaling_point(text: str) -> tuple[float, int]:
    """(CPU seconds, peak traced bytes) of parsing ``text``: best of two runs for the time."""
    from workreport.ingest import document_from_bytes

    doc = document_from_bytes(text.encode("utf-8"), "shape.txt")
    best = cpu(lambda: parse(doc), repeat=2)
    tracemalloc.start()
    parse(doc)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


if __name__ == "__main__":
    res = main()
    if "--hostile" in sys.argv:
        res["hostile"] = hostile()
    print(json.dumps(res, ensure_ascii=False, indent=1))
