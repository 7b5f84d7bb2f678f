"""Synthetic compilations (labelled synthetic wherever used): real reports from ../shared/corpus
(national and provincial 政府工作报告, the 2026 web texts with their own page furniture) and the
project's genre texts (tests/fixtures/genre, samples/district) shuffled into one text, with
titles, openings and endings dropped, furniture of several site types put around them
(tests/cases/structure/synthetic_furniture.yaml) and page breaks put into them.

Seeded and reproducible: ``generate(seed)`` always gives the same text and gold.  The gold is
known by construction (where each piece starts and ends, who wrote it, which lines were put in
as furniture), never read from the parser.  ``tests/test_split_synthetic.py`` scores the test
seeds; ``scripts/fit_split.py`` fits the split weights on other seeds with some genre texts held
out (``held_out``), so the two sets never share a compilation.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from workreport.textnorm import norm

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GENRE = ROOT / "tests" / "fixtures" / "genre"
DISTRICT = ROOT / "samples" / "district"
FURNITURE = yaml.safe_load((ROOT / "tests" / "cases" / "structure" / "synthetic_furniture.yaml").read_text("utf-8"))

TEST_SEEDS = range(0, 240)  # scored by the suite
FIT_SEEDS = range(100_000, 100_800)  # used by scripts/fit_split.py only
_TAIL_2026 = re.compile(r"^(相关报道[:：]|相关文档[:：]|扫一扫在手机打开当前页|相关附件>>|》》点击图片进入专题《《|责任编辑[:：]|"
                        r"编辑[:：]|[（(]来源[:：]|收藏$)")
_HEADING_ONE = re.compile(r"^\s*(一、|1[.、]|[（(]一[)）])")


@dataclass
class Piece:
    """One report as a source gives it."""

    source: str
    kind: str  # genre, district, prov2025, prov2026, national
    lines: list[str]
    start: int  # index of the report's first line in ``lines``
    end: int  # index of its last line
    title: int | None  # index of its title line
    org: str | None
    furniture: set[int] = field(default_factory=set)  # indexes of its own furniture lines, where known
    furniture_known: bool = True

    @property
    def long(self) -> bool:
        return self.kind in ("prov2025", "prov2026", "national")


@dataclass
class Report:
    start: int  # 1-based line numbers in the compilation
    end: int
    org: str | None
    source: str
    shape: str  # how its start looks: titled, title_dropped, opening_dropped, …


@dataclass
class Compilation:
    seed: int
    text: str
    reports: list[Report]
    furniture: set[int]
    furniture_known: bool

    @property
    def starts(self) -> list[int]:
        return [r.start for r in self.reports]


def _blank(line: str) -> bool:
    return not norm(line).strip()


def _nonblank(lines: list[str]) -> list[int]:
    return [i for i, l in enumerate(lines) if not _blank(l)]


@lru_cache(maxsize=1)
def pieces() -> tuple[Piece, ...]:
    out: list[Piece] = []
    gold = yaml.safe_load((GENRE / "gold.yaml").read_text("utf-8"))
    for e in gold["files"]:
        lines = (GENRE / e["file"]).read_text("utf-8").split("\n")
        furn = {n - 1 for n in e.get("furniture_lines") or []}
        body = [i for i in _nonblank(lines) if i not in furn]
        title = e["title_line"] - 1 if e["title_line"] else None
        out.append(Piece(f"genre/{e['file']}", "genre", lines, body[0], body[-1], title, e["org"], furn))
    dgold = yaml.safe_load((DISTRICT / "gold.yaml").read_text("utf-8"))
    for c in dgold["compilations"]:
        if not c["file"].endswith(".txt"):
            continue
        lines = (DISTRICT / c["file"]).read_text("utf-8").split("\n")
        chrome = {n - 1 for n in c["chrome_lines"]}
        prev_end = -1
        for r in c["reports"]:
            s, e = r["start"] - 1, r["end"] - 1
            head = [i for i in range(prev_end + 1, s) if i in chrome and _near_start(lines, i, s)]
            lo = head[0] if head else s
            own = {i - lo for i in range(lo, e + 1) if i in chrome}
            title = r["title_line"] - 1 - lo if r.get("title_line") else None
            out.append(Piece(f"district/{c['file']}#{r['key']}", "district", lines[lo : e + 1], s - lo, e - lo, title,
                             r["unit"], own))
            prev_end = e
    for f in sorted((CORPUS / "provincial_2025_docx" / "txt").glob("*.txt")):
        lines = f.read_text("utf-8").split("\n")
        nb = _nonblank(lines)
        out.append(Piece(f"prov2025/{f.name}", "prov2025", lines, nb[0], nb[-1], nb[0],
                         f.stem[5:].replace("政府工作报告", "") + "人民政府", furniture_known=False))
    for f in sorted((CORPUS / "provincial_2026_web" / "txt").glob("*.txt")):
        lines = f.read_text("utf-8").split("\n")
        s, e = provincial_2026_bounds(lines)
        furn = {i for i in _nonblank(lines) if i < s or i > e}
        out.append(Piece(f"prov2026/{f.name}", "prov2026", lines, s, e, s if "政府工作报告" in lines[s] else None,
                         f.stem.split("_")[1] + "人民政府", furn, furniture_known=False))
    for f in sorted((CORPUS / "national_wikisource" / "txt").glob("*.txt")):
        lines = f.read_text("utf-8").split("\n")
        nb = _nonblank(lines)
        title = nb[0] if "政府工作报告" in lines[nb[0]] and len(lines[nb[0]].strip()) < 20 else None
        out.append(Piece(f"national/{f.name}", "national", lines, nb[0], nb[-1], title, "国务院", furniture_known=False))
    return tuple(out)


def _near_start(lines: list[str], i: int, s: int) -> bool:
    """A furniture line between two district reports belongs to the head of the second when no
    text of the first follows it (a page number between reports belongs to neither)."""
    return not re.match(r"^[—\-–]\s*\d+\s*[—\-–]$", lines[i].strip())


def provincial_2026_bounds(lines: list[str]) -> tuple[int, int]:
    """Where the report of a 2026 web text starts (its page heading, or its preamble when the
    page has no heading) and ends (its last line before the page's tail)."""
    start = next(i for i, l in enumerate(lines)
                 if ("政府工作报告" in l and len(l.strip()) <= 40 and not l.strip().endswith("摄"))
                 or re.match(r"^[—–―(（]", l.strip()))
    tail = next((i for i in range(start + 30, len(lines)) if _TAIL_2026.match(lines[i].strip())), len(lines))
    end = max(i for i in range(start, tail) if not _blank(lines[i]))
    return start, end


def held_out(p: Piece) -> bool:
    """Texts the weight fit never sees: every fourth genre text and the 2025 district compilation."""
    if p.kind == "genre":
        return int(p.source.split("/")[1][:2]) % 4 == 3
    return p.kind == "district" and "2025" in p.source


class _Writer:
    """Builds the compilation text line by line, with its gold."""

    def __init__(self):
        self.lines: list[str] = []
        self.furniture: set[int] = set()

    def add(self, line: str, furniture: bool = False) -> int:
        self.lines.append(line)
        n = len(self.lines)
        if furniture and line.strip():
            self.furniture.add(n)
        return n


def _fill(rnd: random.Random, template: str, title: str, org: str, others: list[str]) -> str:
    year = rnd.choice(range(2019, 2025))
    return (template.replace("{title}", title).replace("{org}", org or "某某局")
            .replace("{other}", rnd.choice(others) if others else "某某镇工作总结")
            .replace("{date}", f"{year + 1}-0{rnd.randint(1, 9)}-{rnd.randint(10, 28)}")
            .replace("{time}", f"{rnd.randint(8, 18):02d}:{rnd.randint(0, 59):02d}")
            .replace("{year}", str(year)).replace("{n}", str(rnd.randint(10, 9999)))
            .replace("{m}", str(rnd.randint(2, 40))).replace("{k}", str(rnd.randint(100000, 999999)))
            .replace("{site}", rnd.choice(FURNITURE["site_names"])).replace("{column}", rnd.choice(FURNITURE["columns"])))


def _block(rnd: random.Random, site: str, where: str, title: str, org: str, others: list[str]) -> list[tuple[str, bool]]:
    """(line, is furniture) of one head or tail block; a bare {title} line is the page heading,
    a title line, not furniture."""
    out = []
    for t in rnd.choice(FURNITURE["sites"][site][where]):
        if t.startswith("?"):
            if rnd.random() < 0.5:
                continue
            t = t[1:]
        out.append((_fill(rnd, t, title, org, others), t != "{title}"))
    if rnd.random() < 0.15:  # a slogan or column name no rule lists
        words = rnd.sample(FURNITURE["unknown_words"], rnd.randint(2, 3))
        out.insert(rnd.randrange(len(out) + 1), ("".join(words), True))
    return out


_TITLE_FIELD = re.compile("^\\s*(\u6807\\s*\u9898|\u540d\\s*\u79f0|\u5185\u5bb9\u6982\u8ff0)")  # title, name, summary fields


def _title_text(p: Piece) -> str:
    return p.lines[p.title].strip() if p.title is not None else (p.org or "某某单位") + "工作总结"


def generate(seed: int, fitting: bool = False) -> Compilation:
    rnd = random.Random(seed)
    pool = [p for p in pieces() if not (fitting and held_out(p))]
    short = [p for p in pool if not p.long]
    long_ = [p for p in pool if p.long]
    n = rnd.choice([1, 1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8])
    # a file holding one long report, whole: its later lists restart the outline but start nothing
    whole = n == 1 and rnd.random() < 0.5
    chosen: list[Piece] = []
    while len(chosen) < n:  # a compilation holds a report once
        p = rnd.choice(long_ if (long_ and (whole or rnd.random() < 0.25)) else short)
        if p not in chosen:
            chosen.append(p)
    style = rnd.choice(["web", "web", "web", "compilation", "plain", "plain", "mixed"])
    titles = [_title_text(p) for p in chosen]
    w = _Writer()
    numbered = style == "compilation" and rnd.random() < 0.4
    if style == "compilation" and rnd.random() < 0.7:
        for t in rnd.choice(FURNITURE["cover"]):
            w.add(t.replace("{district}", rnd.choice(FURNITURE["districts"])).replace("{year}", "2022")
                  .replace("{year_next}", "2023").replace("{count}", str(n)), True)
        for k, t in enumerate(titles, 1):
            page = f"……{k * 3}" if rnd.random() < 0.6 else ""
            w.add(f"{k}.{t}{page}" if rnd.random() < 0.7 else f"{t}{page}", True)
        w.add("")
    reports: list[Report] = []
    known = True
    for k, p in enumerate(chosen):
        # related links name other reports, never the one pasted right after (which would be ambiguous)
        others = [t for j, t in enumerate(titles) if j not in (k, k + 1)]
        rep = _place(rnd, w, p, style, others, numbered and k + 1, whole)
        reports.append(rep)
        known = known and p.furniture_known
        for _ in range(rnd.choice([0, 1, 1, 1, 2])):
            w.add("")
    return Compilation(seed, "\n".join(w.lines) + "\n", reports, w.furniture, known)


def _place(rnd: random.Random, w: _Writer, p: Piece, style: str, others: list[str], number, whole: bool = False) -> Report:
    """Write one piece (transformed) and return its gold."""
    lines = p.lines
    keep = list(range(p.start, p.end + 1))
    shape = "titled" if p.title is not None and p.title >= p.start else "untitled"
    head_own = [i for i in range(0, p.start) if i in p.furniture]
    # drop the title (pages often lose it); some reports then begin at their first part heading
    # (an office pasting bodies only: plain compilations; a page whose text starts at 一、)
    if p.title is not None and p.kind in ("genre", "district") and rnd.random() < (0.0 if style == "compilation" else 0.4):
        keep = [i for i in keep if i != p.title]
        shape = "title_dropped"
    if p.kind in ("genre", "district") and style != "compilation" and rnd.random() < (0.35 if style in ("plain", "mixed") else 0.1):
        first_head = next((i for i in keep if _HEADING_ONE.match(lines[i])), None)
        if first_head is not None:
            keep = [i for i in keep if i >= first_head]
            shape = "opening_dropped"
    # drop the ending: long texts are always cut, short ones often
    body = [i for i in keep if not _blank(lines[i]) and i not in p.furniture]
    if p.long and not whole:  # a long report is mostly cut short; now and then kept long, its later lists included
        cut = rnd.randint(8, 40) if rnd.random() < 0.85 else rnd.randint(40, 400)
        keep = [i for i in keep if i <= body[min(len(body) - 1, cut)]]
    elif rnd.random() < (0.15 if style in ("plain", "compilation") else 0.4) and len(body) > 4:
        # pages lose their ends; a compilation an office made keeps its reports whole
        keep = [i for i in keep if i <= body[rnd.randint(max(3, len(body) // 2), len(body) - 1)]]
    web = style == "web" or (style == "mixed" and rnd.random() < 0.5)
    if web and not whole and rnd.random() < 0.5:
        # the beginning of a page only (a search result, a preview): some hundred characters
        budget, kept = rnd.randint(300, 1200), []
        for i in keep:
            kept.append(i)
            budget -= 0 if i in p.furniture else len(lines[i])
            if budget <= 0:
                break
        keep = kept
    site = rnd.choice(["gov", "gov", "essay", "essay", "docshare", "news"])
    title = lines[p.title].strip() if p.title is not None else _title_text(p)
    start = end = None
    own_title = p.title is not None and p.title in keep
    if web and rnd.random() < 0.55 and p.kind != "prov2026":
        for text, furn in _block(rnd, site, "heads", title, p.org, others):
            # (a portal's title row is the title's first print, whether or not the report keeps its
            # title line under the rows: the report starts at that row, as the real-page sets'
            # builders annotate it (a title printed twice starts at its first copy; round 22))
            if furn and start is None and title in text and _TITLE_FIELD.match(text):
                furn = False
            n = w.add(text, furn)
            if not furn and start is None:
                start, shape = n, "page_heading"
    for i in head_own if rnd.random() < 0.7 else []:
        w.add(lines[i], True)
    if style == "compilation" and (p.title is None or p.title < p.start) and start is None:
        start = w.add(title)  # whoever compiles a 汇编 gives every report its title
        shape = "compiled_title"
    one_line = web and not p.long and site in ("essay", "docshare") and rnd.random() < 0.25
    if one_line:
        # one-line pages: title, opening and body run together; document-sharing pages cut the
        # run into numbered chunks (the number is not an outline mark)
        run = "".join(lines[i].strip() for i in keep if not _blank(lines[i]) and i not in p.furniture)
        if p.title is not None and p.title not in keep and rnd.random() < 0.5:
            run = lines[p.title].strip() + run
        if site == "essay":
            start = start or w.add(run[: rnd.randint(min(len(run), 300), max(300, len(run)))])
            shape = "one_line"
        else:
            pos, k = 0, 1
            while pos < len(run) and k <= 4:
                size = rnd.randint(150, 400)
                n = w.add(f"{k}、{run[pos: pos + size]}")
                start = start or n
                w.add("")
                pos, k = pos + size, k + 1
            shape = "chunks"
        end = len(w.lines) - 1 if site != "essay" else len(w.lines)
        return Report(start, end, p.org, p.source, shape)
    cut_last = rnd.random() < 0.4
    last_body = max((i for i in keep if not _blank(lines[i]) and i not in p.furniture), default=None)
    for i in keep:
        text = lines[i]
        furn = i in p.furniture
        if i == p.title and number:
            text = f"{number}、{text.strip()}"
        if i == last_body and cut_last and len(text) > 30:
            text = text[: rnd.randint(10, len(text) - 5)]
        if not furn and not _blank(text) and len(text) > 60 and i != last_body and rnd.random() < 0.08:
            # a page break cuts the sentence: its halves around a blank line or a page number
            cut = rnd.randint(15, len(text) - 10)
            n = w.add(text[:cut])
            start = start or n
            w.add("")
            if rnd.random() < 0.5:
                w.add(rnd.choice(["— {} —", "- {} -", "第{}页"]).format(rnd.randint(2, 30)), True)
                w.add("")
            end = w.add(text[cut:])
            continue
        n = w.add(text, furn)
        if not furn and not _blank(text):
            start = start or n
            end = n
    if web and rnd.random() < 0.45:
        for text, furn in _block(rnd, site, "tails", title, p.org, others):
            w.add(text, furn)
    if p.kind == "prov2026" and rnd.random() < 0.5:  # the page's own tail
        for i in range(p.end + 1, len(lines)):
            w.add(lines[i], not _blank(lines[i]))
    return Report(start, end, p.org, p.source, shape)


@dataclass
class SplitScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    unit_ok: int = 0
    causes: dict = field(default_factory=dict)  # "missed: <shape>" / "extra: <rule>" -> count

    def add(self, other: "SplitScore") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.unit_ok += other.unit_ok
        for k, v in other.causes.items():
            self.causes[k] = self.causes.get(k, 0) + v

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def unit_accuracy(self) -> float:
        return self.unit_ok / (self.tp + self.fn) if self.tp + self.fn else 0.0


def _unit_key(s: str | None) -> str:
    s = "".join(norm(s or "").split())
    return s.replace("x", "").replace("X", "").strip("[]()（）")


def score_split(comp: Compilation, predicted) -> SplitScore:
    """Starts found, missed and made up, with the cause of each error; ``predicted`` are
    workreport Reports (start_line, org, rule).  Units compared as ../shared/tools/score.py does."""
    sc = SplitScore()
    by_start = {r.start_line: r for r in predicted}
    gold = {r.start: r for r in comp.reports}
    for g in comp.reports:
        p = by_start.get(g.start)
        if p is None:
            sc.fn += 1
            key = f"missed: {g.shape} ({g.source.split('/')[0]})"
            sc.causes[key] = sc.causes.get(key, 0) + 1
            continue
        sc.tp += 1
        gu, pu = _unit_key(g.org), _unit_key(p.org)
        sc.unit_ok += bool(pu) and len(pu) >= 2 and (gu in pu or pu in gu)
    for p in predicted:
        if p.start_line not in gold:
            sc.fp += 1
            key = f"extra: {p.rule}"
            sc.causes[key] = sc.causes.get(key, 0) + 1
    return sc


def score_seeds(seeds) -> SplitScore:
    """The structure stage run on the compilation of every seed, scored against its gold."""
    from workreport.ingest import document_from_bytes
    from workreport.structure import structure

    total = SplitScore()
    for seed in seeds:
        comp = generate(seed)
        _, reports = structure(document_from_bytes(comp.text.encode("utf-8"), f"synthetic-{seed}.txt"))
        total.add(score_split(comp, reports))
    return total
