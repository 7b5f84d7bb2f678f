"""Anchors for indicator extraction, measured on the hand-labelled cases (not run in CI).

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/indicator_anchors.py [--json]

Every system reads the same paragraphs of tests/cases/indicators/*.yaml; a prediction counts
when its value and unit (as written, multiplier included) equal a hand-labelled figure of
the same paragraph (multiset match).  Systems:

- workreport: extract.indicators.paragraph_indicators
- regex: a plain number + unit regex (digits or x, optional 万/亿/千, then % or one CJK character)
- jionlp: jio.ner.extract_money (money only; also scored on the money figures alone)
- recognizers: Microsoft Recognizers-Text (Chinese) currency + dimension + percentage + age,
  plus numbers not inside those (unit "")
"""
from __future__ import annotations

import io
import json
import re
import sys
import time
from collections import Counter
from contextlib import redirect_stdout
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "cases" / "indicators").glob("*.yaml"))

_LEAD_Q = re.compile(r"^(?:约|近|超过|超|逾|突破|不到|不足|大约|共|达)")
_NUM = re.compile(r"^(?:[0-9０-９][0-9０-９.,，]*|[xX×]+(?:\.[xX]+)?|[〇零一二两三四五六七八九十百千]+)")
_TAIL_Q = re.compile(r"(?:余|多|以上|左右|以下)")


def split_value_unit(text: str) -> tuple[str, str]:
    """"约x.xx万份" -> ("x.xx", "万份"): an anchor's matched text as value and unit."""
    t = _LEAD_Q.sub("", text.strip())
    m = _NUM.match(t)
    if not m:
        return t, ""
    return m.group().rstrip(".,，"), _TAIL_Q.sub("", t[m.end():])


def paragraphs():
    for path in CASES:
        for p in yaml.safe_load(path.read_text(encoding="utf-8"))["paragraphs"]:
            yield path.stem, p


def sys_workreport():
    from workreport.extract.indicators import paragraph_indicators
    from workreport.model import Paragraph

    def run(p):
        par = Paragraph(1, 1, p["text"], ((1, 0),))
        return [(i.value, i.unit) for i in paragraph_indicators(par, in_plan=lambda line: p.get("plan", False))]

    return run


_PLAIN = re.compile(r"([0-9]+(?:\.[0-9]+)?|[xX]+(?:\.[xX]+)?)([万亿千]?(?:%|％|[\u4e00-\u9fff]))")


def sys_regex():
    return lambda p: [(m.group(1), m.group(2)) for m in _PLAIN.finditer(p["text"])]


def sys_jionlp():
    with redirect_stdout(io.StringIO()):
        import jionlp as jio

    def run(p):
        with redirect_stdout(io.StringIO()):
            found = jio.ner.extract_money(p["text"])
        return [split_value_unit(f["text"]) for f in found]

    return run


def sys_recognizers():
    import recognizers_suite as rs
    from recognizers_text import Culture

    def run(p):
        t, out, taken = p["text"], [], []
        for f in (rs.recognize_currency, rs.recognize_dimension, rs.recognize_percentage, rs.recognize_age):
            for r in f(t, Culture.Chinese):
                out.append(split_value_unit(r.text))
                taken.append((r.start, r.end))
        for r in rs.recognize_number(t, Culture.Chinese):
            if not any(a <= r.start <= b for a, b in taken):
                out.append(split_value_unit(r.text))
        return out

    return run


SYSTEMS = {"workreport": sys_workreport, "regex": sys_regex, "jionlp": sys_jionlp, "recognizers": sys_recognizers}


def measure(name, factory, paras):
    try:
        run = factory()
    except Exception as exc:  # an anchor that cannot be installed or imported is reported, not hidden
        return {"system": name, "error": f"{type(exc).__name__}: {exc}"}
    tp = n_pred = n_gold = 0
    money_tp = money_gold = 0
    t0 = time.process_time()
    chars = 0
    for _, p in paras:
        chars += len(p["text"])
        pred = Counter(run(p))
        gold = Counter((v, u) for v, u, _ in p["figures"])
        tp += sum((gold & pred).values())
        n_pred += sum(pred.values())
        n_gold += sum(gold.values())
        mg = Counter({k: c for k, c in gold.items() if k[1].endswith("元")})
        money_gold += sum(mg.values())
        money_tp += sum((mg & pred).values())
    dt = time.process_time() - t0
    return {
        "system": name,
        "found": tp,
        "predicted": n_pred,
        "gold": n_gold,
        "precision": round(tp / n_pred, 3) if n_pred else 0.0,
        "recall": round(tp / n_gold, 3) if n_gold else 0.0,
        "money_found": money_tp,
        "money_gold": money_gold,
        "cpu_seconds": round(dt, 3),
        "chars": chars,
    }


def main(argv):
    paras = list(paragraphs())
    rows = [measure(n, f, paras) for n, f in SYSTEMS.items()]
    if "--json" in argv:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(f"{'system':12s} {'found/gold':>11s} {'predicted':>9s} {'precision':>9s} {'recall':>7s} {'money':>7s} {'cpu s':>6s}")
    for r in rows:
        if "error" in r:
            print(f"{r['system']:12s} ERROR {r['error']}")
            continue
        print(
            f"{r['system']:12s} {r['found']:>5d}/{r['gold']:<5d} {r['predicted']:>9d} {r['precision']:>9.3f} "
            f"{r['recall']:>7.3f} {r['money_found']:>3d}/{r['money_gold']:<3d} {r['cpu_seconds']:>6.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
