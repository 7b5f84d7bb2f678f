#!/usr/bin/env python3
"""Score the structure stage on annotated real pages kept outside the repository (issue 10).

usage (from the repository root):
    .venv/bin/python scripts/score_pages.py --root DIR --sets A,B [--n 40] [--seed 7]
        [--singles] [--detail] [--drop 0.33] [--json OUT]

Each set is DIR/NAME/singles/NN.txt (one pasted page, as the site printed it) with NN.gold.json
(reports[0] start/end/unit/level/domain/domain_accept/year_reported, chrome_lines; 1-based lines
of the .txt), the form scripts/fit_split.py --real reads.  Nothing of the pages is written
anywhere: the script prints figures and, with --detail, page ids and line numbers only.  Compilations: 10-15 pages, 0-2 blank lines
between, the title line left out with chance 0.33 (when the start line is title-shaped and the
report goes on).  Metrics are micro sums over all compilations, as score.py defines them
(unit/level/domain/year/end count only found starts, divided by all gold reports).
--detail prints, per page, the missed starts / false starts as page:line (no text).  Missed
starts are counted by kind (missed_below / missed_above / missed_merged, see _missed_kind): most
missed starts on unseen pages are a head's offset, not a lost report.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SETS = Path(".")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
DROP = 0.33


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(s.split())


def unit_key(s):
    s = norm(s)
    for ch in "xX":
        s = s.replace(ch, "")
    return s.strip("[]()（）")


def load(name):
    out = []
    for f in sorted((SETS / name / "singles").glob("*.txt")):
        g = f.with_name(f.stem + ".gold.json")
        if not g.exists():
            continue
        lines = f.read_text("utf-8").split("\n")
        while lines and lines[-1] == "":
            lines.pop()
        out.append((f"{name}:{f.stem}", lines, json.loads(g.read_text("utf-8"))))
    return out


# a part heading of an outline (一、 (一) 1. 第一): a headless page's first line, never its title
_PART = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:、|[.．](?!\d))|第[一二三四五六七八九十]+[部章节条])")


def title_shaped(s):
    s = s.strip()
    return (0 < len(s) <= 45 and "。" not in s and not s.endswith(("，", ",", "：", ":", "；"))
            and not _PART.match(s))


def drop_title(lines, gold, rnd):
    r = gold["reports"][0]
    start, end = r["start"], r["end"]
    chrome = set(gold.get("chrome_lines", []))
    s = start - 1
    rest = [i for i in range(s + 1, len(lines)) if lines[i].strip() and i + 1 not in chrome]
    if not (rnd.random() < DROP and title_shaped(lines[s]) and rest and rest[0] + 1 <= end
            and len(lines[s].strip()) < len(lines[rest[0]].strip()) + 200):
        return lines, start, end, sorted(chrome)
    new_start = rest[0] + 1
    # when no copy of the title line is left, a furniture row of the page's head that prints the title
    # with little else (a portal's title or name row, above or below the title line; not a site's
    # teaser that runs on into the text) now holds the page's only title: by the gold convention the
    # report starts at that line (of several such rows, the one nearest the text)
    def nk(t):
        return "".join(unicodedata.normalize("NFKC", t).split())
    key = nk(lines[s])
    if len(key) >= 6 and key not in nk(lines[rest[0]]):
        top = s - 1
        while top >= 0 and (top + 1 in chrome or not lines[top].strip()):
            top -= 1  # the page's head: the furniture (and blank) lines over the title
        rows = [i for i in [*range(top + 1, s), *range(s + 1, rest[0])]
                if i + 1 in chrome and _title_row(nk(lines[i]), key)]
        if rows:
            new_start = rows[-1] + 1
    key = nk(lines[rest[0]])
    if new_start == rest[0] + 1 and title_shaped(lines[rest[0]]) and len(key) >= 6:
        # the text's own title line is left under the page's rows: a portal's title row between the
        # dropped line and it, naming it, is now the title's first copy, where the report starts
        rows = [i for i in range(s + 1, rest[0]) if i + 1 in chrome and _title_row(nk(lines[i]), key)]
        if rows:
            new_start = rows[0] + 1
    sh = lambda x: x - 1 if x > start else x  # noqa: E731
    return (lines[:s] + lines[s + 1:], sh(new_start), sh(end),
            [sh(c) for c in chrome if c not in (start, new_start)])


def _title_row(row: str, title: str) -> bool:
    """A metadata row that prints the title under a short field label (label, colon, maybe a cell
    bar, the title, little else): not a thread title, a news lead or a teaser that quotes it."""
    at = row.find(title)
    label = row[:at].rstrip("|")
    named = label.endswith(":") or (2 <= len(label) <= 6 and all("\u4e00" <= ch <= "\u9fff" for ch in label))
    return at >= 0 and named and len(label) <= 8 and len(row) - len(title) <= 24


def compilations(pages, seed, n):
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        k = rnd.randint(min(10, len(pages)), min(15, len(pages)))
        lines, gold_reports, chrome = [], [], []
        for j, (pid, page, gold) in enumerate(rnd.sample(pages, k)):
            page, start, end, ch = drop_title(page, gold, rnd)
            lines.extend([""] * (rnd.choice([0, 1, 2]) if j else 0))
            off = len(lines)
            g = dict(gold["reports"][0])
            g.update(start=off + start, end=off + end, page=pid, off=off)
            gold_reports.append(g)
            chrome.extend(off + c for c in ch)
            lines.extend(page)
        out.append(("\n".join(lines) + "\n", gold_reports, chrome))
    return out


def parse_text(text):
    from workreport.contract import parsed_json
    from workreport.ingest import document_from_bytes
    from workreport.pipeline import parse
    return parsed_json(parse(document_from_bytes(text.encode("utf-8"), "comp.txt")))


def _job(args):
    text, greps, chrome = args
    pred = parse_text(text)
    return greps, chrome, [{k: r.get(k) for k in ("start_line", "end_line", "org", "unit", "level", "domain", "year")}
                           for r in pred["reports"]], pred.get("chrome_lines", [])


_MISSED_KINDS = ("missed_below", "missed_above", "missed_merged")


def _missed_kind(g: dict, next_off: int | None, starts: list[int]) -> str:
    """Why a gold start was missed: a start found on the same page below it (the page's head went to
    the report before or to furniture), above it (a row over the title taken for the start), or no
    start on the page at all (the page merged into the report before)."""
    hi = next_off if next_off is not None else float("inf")
    near = [s for s in starts if g["off"] < s <= hi]
    if not near:
        return "missed_merged"
    return "missed_below" if min(near, key=lambda s: abs(s - g["start"])) > g["start"] else "missed_above"


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, help="the directory holding the set directories")
    ap.add_argument("--sets", required=True)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--singles", action="store_true", help="each page alone instead of compilations")
    ap.add_argument("--detail", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--drop", type=float, default=0.33, help="chance a title line is left out")
    a = ap.parse_args(argv)
    global DROP, SETS
    DROP, SETS = a.drop, Path(a.root)
    results = {}
    for name in a.sets.split(","):
        pages = load(name)
        if a.singles:
            comps = []
            for pid, page, gold in pages:
                g = dict(gold["reports"][0]); g.update(page=pid, off=0)
                comps.append(("\n".join(page) + "\n", [g], list(gold.get("chrome_lines", []))))
        else:
            comps = compilations(pages, a.seed, a.n)
        if a.jobs <= 1:
            outs = [_job(c) for c in comps]
        else:
            with ProcessPoolExecutor(a.jobs) as ex:
                outs = list(ex.map(_job, comps, chunksize=2))
        c = Counter()
        miss, false = Counter(), Counter()
        ch_missed, ch_false = Counter(), Counter()
        wrong = defaultdict(Counter)
        for greps, chrome, preps, pch in outs:
            by = {r["start_line"]: r for r in preps}
            c["gold"] += len(greps); c["pred"] += len(preps)
            gstarts = {g["start"] for g in greps}
            starts = sorted(by)
            for k, g in enumerate(greps):
                p = by.get(g["start"])
                if not p:
                    miss[g["page"]] += 1
                    c[_missed_kind(g, greps[k + 1]["off"] if k + 1 < len(greps) else None, starts)] += 1
                    continue
                c["tp"] += 1
                gu, pu = unit_key(g["unit"]), unit_key(p.get("org") or p.get("unit") or "")
                u = bool(pu) and len(pu) >= 2 and (gu in pu or pu in gu)
                c["unit"] += u
                c["level"] += g["level"] == p.get("level")
                c["domain"] += p.get("domain") in (g.get("domain_accept") or [g.get("domain")])
                c["year"] += g.get("year_reported") == p.get("year")
                c["end"] += g["end"] == p.get("end_line")
                for k, ok in (("unit", u), ("level", g["level"] == p.get("level")),
                              ("domain", p.get("domain") in (g.get("domain_accept") or [g.get("domain")])),
                              ("year", g.get("year_reported") == p.get("year")), ("end", g["end"] == p.get("end_line"))):
                    if not ok:
                        wrong[k][g["page"]] += 1
            for p in preps:
                if p["start_line"] not in gstarts:
                    host = max((g for g in greps if g["off"] < p["start_line"]), key=lambda g: g["off"], default=None)
                    false[f"{host['page']}@{p['start_line'] - host['off']}" if host else "?"] += 1
            gch, pchs = set(chrome), set(pch)
            if a.detail:
                for x in gch ^ pchs:
                    host = max((g for g in greps if g["off"] < x), key=lambda g: g["off"], default=None)
                    if host:
                        (ch_missed if x in gch else ch_false)[f"{host['page']}@{x - host['off']}"] += 1
            c["ch_tp"] += len(gch & pchs); c["ch_pred"] += len(pchs); c["ch_gold"] += len(gch)
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        cp = c["ch_tp"] / c["ch_pred"] if c["ch_pred"] else 0.0
        cr = c["ch_tp"] / c["ch_gold"] if c["ch_gold"] else 0.0
        m = {"pages": len(pages), "split_p": p, "split_r": r, "split_f1": 2 * p * r / (p + r) if p + r else 0.0}
        for k in ("unit", "level", "domain", "year", "end"):
            m[k] = c[k] / c["gold"] if c["gold"] else 0.0
        m["chrome_f1"] = 2 * cp * cr / (cp + cr) if cp + cr else 0.0
        m.update({k: c[k] for k in _MISSED_KINDS})
        results[name] = m
        print(f"{name:8s} " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in m.items()))
        if a.detail:
            print("  missed starts (page: times):", dict(miss.most_common()))
            print("  false starts (page@line: times):", dict(false.most_common(40)))
            print("  chrome missed (page@line: times):", dict(ch_missed.most_common(30)))
            print("  chrome false (page@line: times):", dict(ch_false.most_common(30)))
            for k, v in wrong.items():
                print(f"  wrong {k}:", dict(v.most_common()))
    if len(results) > 1:
        keys = ["split_f1", "unit", "level", "domain", "year", "end", "chrome_f1"]
        print("MEAN     " + " ".join(f"{k}={sum(r[k] for r in results.values()) / len(results):.3f}" for k in keys))
        print("MISSED   " + " ".join(f"{k}={sum(r[k] for r in results.values())}" for k in _MISSED_KINDS))
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
