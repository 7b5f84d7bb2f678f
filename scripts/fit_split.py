#!/usr/bin/env python3
"""Fit the weights of the report-boundary evidence (data/split.yaml: `evidence`).

The training data are synthetic compilations (tests/synth.py) made with the fitting seeds
(``synth.FIT_SEEDS``, never the seeds the suite scores) from a pool that leaves some genre
texts out (``synth.held_out``).  Every paragraph after the first is a row: its evidence
features (structure/evidence.py), with the report state following the gold starts, and
whether a report starts there.  A logistic regression is fitted on these rows (Newton steps
on the rows grouped by their feature pattern, L2 penalty, deterministic), then the threshold is
the one that gives the best split F1 when the fitting compilations are split for real.

With ``--real DIR[,DIR...]`` rows from real pages annotated by hand are added: each DIR holds
``singles/NAME.txt`` (one pasted page) and ``singles/NAME.gold.json`` (the contract's gold form:
``reports[0].start``/``end``, ``chrome_lines``, 1-based lines).  The pages are pasted into shuffled
compilations (10-15 pages, 0-2 blank lines between, a title line left out now and then as pastes
lose it) and the gold starts label the rows.  The pages stay where they are: the script only reads
them, and nothing of their text is written anywhere.  ``--real-share`` is the part of the total
row weight the real rows get (shared equally by the directories), so the many synthetic rows do
not swamp them; the threshold is the one with the best mean split F1 over the sources, weighed
the same way.

Usage (from the repository root):

    .venv/bin/python scripts/fit_split.py            # fit and print the weights and scores
    .venv/bin/python scripts/fit_split.py --write    # and write them into data/split.yaml
    .venv/bin/python scripts/fit_split.py --real /my/pages1,/my/pages2 --yaml /tmp/split.yaml
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import synth  # noqa: E402
from workreport import rules  # noqa: E402
from workreport.ingest import document_from_bytes  # noqa: E402
from workreport.structure import evidence, furniture, paragraph_cues, paragraphs, split  # noqa: E402

L2 = 1.0  # penalty on every weight but the bias
# a cue of the genre the synthetic pages rarely show alone keeps the weight the data table gives
# it (data/split.yaml: split.seam_weight); the others are fitted around it.  A sentence cut off
# and then a head is a page seam; the few synthetic rows that show it also carry stronger cues,
# so a fit would leave it near zero and real pages, where it is often the only cue, would merge.
FIXED = {"head_after_cut": float(rules.limit("split", "split.seam_weight")),
         "head_after_body": float(rules.limit("split", "split.body_head_weight")),
         "outline_goes_on": float(rules.limit("split", "split.outline_goes_on_weight")),
         "after_page_head": float(rules.limit("split", "split.page_head_weight")),
         "low_cohesion": float(rules.limit("split", "split.cohesion_weight")),
         "second_opening": float(rules.limit("split", "split.second_opening_weight"))}
DROP, COPIES, AUGMENT = 0.3, 4, 0.5  # cue dropout (see augmented)
THRESHOLDS = [x / 4 for x in range(-12, 13)]


def prepared(seeds):
    """(compilation, paragraphs, cues) for every seed."""
    out = []
    for seed in seeds:
        comp = synth.generate(seed, fitting=True)
        doc = document_from_bytes(comp.text.encode("utf-8"), f"synthetic-{seed}.txt")
        furn = furniture.find_furniture(doc)
        paras = list(paragraphs.build_paragraphs(doc, furn))
        out.append((comp, paras, paragraph_cues.paragraph_cues(doc, paras, furn)))
    return out


REAL_SEEDS, REAL_N, REAL_DROP = (7, 11), 40, 0.33  # compilations per seed; chance a title line is left out


def load_singles(directory: Path) -> list[tuple[list[str], dict]]:
    """(lines, gold) of every annotated page of a directory (singles/*.txt with *.gold.json)."""
    d = directory / "singles"
    if not d.is_dir():
        raise SystemExit(f"{directory}: no singles/ directory")
    pages = []
    for f in sorted(d.glob("*.txt")):
        g = f.with_name(f.stem + ".gold.json")
        if not g.exists():
            continue
        lines = f.read_text("utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        pages.append((lines, json.loads(g.read_text("utf-8"))))
    if not pages:
        raise SystemExit(f"{directory}: no annotated pages (singles/NAME.txt + NAME.gold.json)")
    return pages


def _drop_title(lines: list[str], gold: dict, rnd: random.Random) -> tuple[list[str], int, list[int]]:
    """The page with its title line left out now and then (when the gold start is a title line
    and the report goes on after it): (lines, start, chrome lines), 1-based."""
    start, end = gold["reports"][0]["start"], gold["reports"][0]["end"]
    chrome = list(gold.get("chrome_lines", []))
    s = start - 1
    rest = [i for i in range(s + 1, len(lines)) if lines[i].strip() and i + 1 not in chrome]
    if not (rnd.random() < REAL_DROP and s < len(lines) and split.is_title(lines[s].strip())
            and rest and rest[0] < end):
        return lines, start, chrome
    shift = lambda x: x - 1 if x > start else x  # noqa: E731
    return lines[:s] + lines[s + 1:], shift(rest[0] + 1), [shift(c) for c in chrome if c != start]


def real_compilations(pages, seeds=REAL_SEEDS, n=REAL_N) -> list[tuple[str, list[int]]]:
    """Shuffled compilations of the pages: (text, gold start lines)."""
    out = []
    for seed in seeds:
        rnd = random.Random(seed)
        for _ in range(n):
            k = rnd.randint(min(10, len(pages)), min(15, len(pages)))
            lines, starts = [], []
            for j, (page, gold) in enumerate(rnd.sample(pages, k)):
                page, start, _ = _drop_title(page, gold, rnd)
                lines.extend([""] * (rnd.choice([0, 1, 2]) if j else 0))
                starts.append(len(lines) + start)
                lines.extend(page)
            out.append(("\n".join(lines) + "\n", starts))
    return out


def prepared_real(directory: Path):
    """(gold starts, paragraphs, cues) of the shuffled compilations of a directory's pages; a
    gold start on a line no paragraph begins at (furniture, a joined paragraph) labels the
    paragraph that holds it or comes next."""
    out = []
    for n, (text, starts) in enumerate(real_compilations(load_singles(directory))):
        doc = document_from_bytes(text.encode("utf-8"), f"real-{n}.txt")
        furn = furniture.find_furniture(doc)
        paras = list(paragraphs.build_paragraphs(doc, furn))
        gold = {next((p.line_start for p in paras if p.line_end >= g), -1) for g in starts}
        out.append((_Gold(sorted(gold)), paras, paragraph_cues.paragraph_cues(doc, paras, furn)))
    return out


class _Gold:
    """What split_f1 and grouped_rows read of a compilation: its gold starts."""
    __slots__ = ("starts",)

    def __init__(self, starts):
        self.starts = starts


def grouped_rows(data) -> Counter:
    """(active features, label) -> count."""
    groups: Counter = Counter()
    for comp, paras, cs in data:
        for f, y in split.training_rows(cs, paras, set(comp.starts)):
            groups[(tuple(k for k in evidence.FEATURES if f[k]), y)] += 1
    return groups


def augmented(groups: Counter) -> Counter:
    """The rows again with cues left out at random (each with probability DROP, a fixed seed):
    synthetic pages give most starts several cues at once, real ones often only one, so every
    cue must carry evidence of its own.  These copies weigh AUGMENT as much as the rows."""
    rnd = random.Random(0)
    out: Counter = Counter(groups)
    for (active, y), n in sorted(groups.items()):
        for _ in range(COPIES):
            kept = tuple(k for k in active if k == "bias" or rnd.random() >= DROP)
            out[(kept, y)] += n * AUGMENT / COPIES
    return out


def _loss(rows, w: list[float], names: list[str]) -> float:
    """Penalised negative log-likelihood of the grouped rows (the bias unpenalised)."""
    total = 0.0
    for act, y, n in rows:
        z = sum(w[i] for i in act)
        m = -z if y else z  # the row's loss is log(1 + e^m), computed without overflow
        total += n * (m + math.log1p(math.exp(-m)) if m > 0 else math.log1p(math.exp(m)))
    return total + 0.5 * L2 * sum(x * x for x, k in zip(w, names) if k != "bias")


def fit(groups: Counter, iterations: int = 50) -> dict[str, float]:
    """Logistic regression by Newton steps on grouped binary rows (deterministic).  Each step is
    halved until the loss falls: with real rows some feature patterns are nearly separable and a
    full Newton step from there overshoots without end (round 20: a bias of -7e12)."""
    names = list(evidence.FEATURES)
    idx = {k: i for i, k in enumerate(names)}
    d = len(names)
    rows = [([idx[k] for k in active], y, n) for (active, y), n in sorted(groups.items())]
    fixed = [k in FIXED for k in names]
    w = [FIXED.get(k, 0.0) for k in names]
    loss = _loss(rows, w, names)
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for act, y, n in rows:
            z = sum(w[i] for i in act)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = n * (p - (1.0 if y else 0.0))
            h = n * p * (1.0 - p)
            for i in act:
                grad[i] += g
                for j in act:
                    hess[i][j] += h
        for i in range(d):
            if names[i] != "bias":
                grad[i] += L2 * w[i]
                hess[i][i] += L2
            hess[i][i] += 1e-9
            if fixed[i]:  # held: no step for it, none through it
                grad[i] = 0.0
                hess[i] = [0.0] * d
                for r in hess:
                    r[i] = 0.0
                hess[i][i] = 1.0
        step = _solve(hess, grad)
        t = 1.0
        while True:
            tried = [a - t * b for a, b in zip(w, step)]
            tried_loss = _loss(rows, tried, names)
            if tried_loss <= loss + 1e-9 or t < 1e-6:
                break
            t /= 2
        w, loss = tried, tried_loss
        if max(abs(t * x) for x in step) < 1e-6:
            break
    return {k: round(v, 3) for k, v in zip(names, w)}


def _solve(a, b):
    """Gaussian elimination with partial pivoting (a small dense system)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def split_f1(data, weights, threshold) -> tuple[float, int, int, int]:
    tp = fp = fn = 0
    for comp, paras, cs in data:
        got = {paras[i].line_start for i, _, _ in split.decode(cs, paras, weights, threshold)}
        gold = set(comp.starts)
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def write(weights: dict[str, float], threshold: float, note: str, path: Path | None = None) -> None:
    path = path or ROOT / "src" / "workreport" / "data" / "split.yaml"
    text = path.read_text("utf-8")
    block = "\n".join(f"    {k}: {v}" for k, v in weights.items())
    new = (f'evidence:\n  id: split.evidence\n  fitted_by: "{note}"\n  threshold: {threshold}\n'
           f"  weights:\n{block}\n")
    text = re.sub(r"evidence:\n  id: split\.evidence\n(?:  .*\n)*", new, text)
    path.write_text(text, "utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the fitted weights into data/split.yaml")
    ap.add_argument("--seeds", type=int, default=len(synth.FIT_SEEDS), help="how many fitting seeds to use")
    ap.add_argument("--real", default="", help="directories of annotated real pages (singles/*.txt + *.gold.json), comma-separated")
    ap.add_argument("--real-share", type=float, default=0.5, help="part of the total row weight the real rows get")
    ap.add_argument("--yaml", type=Path, help="write into this copy of split.yaml instead (to try weights)")
    args = ap.parse_args(argv)
    seeds = list(synth.FIT_SEEDS)[: args.seeds]
    t = time.time()
    sources = [("synthetic", prepared(seeds))] if seeds else []
    for d in [x for x in args.real.split(",") if x]:
        sources.append((Path(d).name, prepared_real(Path(d))))
    if not sources:
        raise SystemExit("nothing to fit on")
    shares = _shares(1 if seeds else 0, len(sources) - (1 if seeds else 0), args.real_share)
    rows = [grouped_rows(data) for _, data in sources]
    total = sum(sum(g.values()) for g in rows)  # the shares are given back in rows: the penalty L2 is set for this many
    groups: Counter = Counter()
    for (name, data), share, g in zip(sources, shares, rows):
        n_rows = sum(g.values())
        n_pos = sum(n for (_, y), n in g.items() if y)
        print(f"{name}: {len(data)} compilations, {n_rows} rows ({n_pos} starts), weight share {share:.3f}")
        for key, n in augmented(g).items():
            groups[key] += n * share * total / n_rows
    print(f"{len(groups)} patterns ({time.time() - t:.0f} s)")
    weights = fit(groups)
    scored = []
    for th in THRESHOLDS:
        per = [split_f1(data, weights, th) for _, data in sources]
        scored.append((sum(sh * p[0] for sh, p in zip(shares, per)), per, th))
    f1, per, threshold = max(scored, key=lambda x: (x[0], -abs(x[2])))
    for f, _, th in scored:
        print(f"  threshold {th:5.2f}: weighted F1 {f:.4f}")
    print(f"threshold {threshold}: weighted split F1 {f1:.4f} on the fitting compilations")
    for (name, _), (f, tp, fp, fn) in zip(sources, per):
        print(f"  {name:12s} F1 {f:.4f} (tp {tp}, fp {fp}, fn {fn})")
    for k, v in weights.items():
        print(f"  {k:22s} {v:8.3f}")
    if args.write or args.yaml:
        write(weights, threshold, _note(seeds, sources, shares, per), args.yaml)
        print(f"written to {args.yaml or 'src/workreport/data/split.yaml'}")
    return 0


def _shares(n_synthetic: int, n_real: int, real_share: float) -> list[float]:
    """Each source's part of the total row weight: the real directories share real_share equally
    (all of it when there are no synthetic rows)."""
    if not n_real:
        return [1.0] * n_synthetic
    real = real_share if n_synthetic else 1.0
    return [1.0 - real] * n_synthetic + [real / n_real] * n_real


def _note(seeds, sources, shares, per) -> str:
    parts = []
    if seeds:
        parts.append(f"{len(seeds)} synthetic compilations (seeds {seeds[0]}..{seeds[-1]}, held-out genre texts "
                     f"excluded, split F1 {per[0][0]:.3f})")
    real = list(zip(shares, per))[1 if seeds else 0:]
    if real:
        f = sum(s * p[0] for s, p in real) / sum(s for s, _ in real)
        parts.append(f"shuffled compilations of annotated real pages from {len(real)} private sets kept outside the "
                     f"repository (weight share {sum(s for s, _ in real):.2f}, split F1 {f:.3f}); "
                     f"reproduce with one's own annotated pages: --real DIR (DIR/singles/NAME.txt + NAME.gold.json)")
    return ("scripts/fit_split.py: " + "; ".join(parts) + "; head_after_cut, head_after_body, outline_goes_on and after_page_head held at "
            "split.seam_weight, split.body_head_weight, split.outline_goes_on_weight and split.page_head_weight")


if __name__ == "__main__":
    sys.exit(main())
