"""Percentages against the figures they are computed from (percent_mismatch) and growth rates
against their two values (growth_mismatch), as a reviewer redoes them.

A percentage is checked only when the text says what it is the share of (cues: checks.yaml
``percents`` and ``growth``):
- "accounts for 85% of the annual target of 150 households", "125% of the year's task of 1200":
  the figure inside the clause is the whole, the figure before the clause the part; "28.0% of the
  insured" names the whole in words, and the earlier figure whose label shares those words is it;
- "of 18 communities, 15 have …, a completion rate of 88.9%": whole, then part;
- "1582 hazards found, 1498 corrected, a correction rate of 97.2%": the part's label holds the
  rate's verb (corrected), the whole's a word of finding or checking (found, sampled, due …);
- "of which high-standard farmland 21,000 mu, a share of 72.5%": the "of which" part over its whole.
A growth rate is checked when its two values are named as old and new: "from 800,000 yuan to 1
million, up 20% year on year", "1.84 billion, up 13% on last year's 1.60 billion".  The
percentage is taken as the wrong figure and the suggestion is the computed one, written with the
same number of decimals.
"""
from __future__ import annotations

from .. import rules
from ..model import Document, Finding, Report, Span
from .common import limit, message, report_lines
from .figures import Fig, fmt, label_before, line_figures, replace_number, sentences

_T = "checks"
_P = {k: rules.pattern(_T, f"check.pct.{k}") for k in ("share_of", "among_have", "rate_name", "share_word",
                                                        "whole_cue", "points")}
_G = {k: rules.pattern(_T, f"check.growth.{k}") for k in ("cue", "down", "average", "from_old", "to_new", "than_old")}
_AMONG = rules.pattern(_T, "check.sum.among")
STEM = int(limit("check.pct.stem_chars"))
LABEL = int(limit("check.pct.label_chars"))
COMMON = int(limit("check.pct.common_chars"))
GROWTH_GAP = int(limit("check.growth.gap_chars"))
_SHARE_VERB = rules.entry(_T, "check.pct.share_of")["share_verb"]
_UP_TO = tuple(rules.entry(_T, "check.pct.floor")["words"])  # a floor: only a computed value below it is wrong
_ABOUT = tuple(rules.entry(_T, "check.pct.about")["words"])  # an estimate
_LABEL_STOPS = rules.entry(_T, "check.stops.rate_label")["chars"]
_CLAUSE_STOPS = rules.entry(_T, "check.stops.clause")["chars"]
_COMMAS = "".join(rules.entry(_T, "check.comma_widths")[k] for k in ("full", "half"))


def _label(nt: str, f: Fig, lo: int) -> str:
    return label_before(nt, f.start, lo, LABEL, _LABEL_STOPS)


def _common(a: str, b: str) -> int:
    """Length of the longest common substring (short strings: a plain scan is enough)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _wrong_by(stated: Fig, real: float) -> bool:
    tol = 10 ** -stated.decimals if stated.decimals else 1.0
    q = stated.ind.qualifier or ""
    if q in _ABOUT:
        tol = max(tol, 1.0)
    if q in _UP_TO:
        return real < stated.number - tol
    return abs(real - stated.number) > tol + 1e-9


def _pct_finding(ln, text, p: Fig, part: Fig, whole: Fig, real: float, rid: str) -> Finding:
    right = fmt(real, p.decimals)
    return Finding(
        line=ln, rule="percent_mismatch", severity="error",
        message=message("percent_mismatch", stated=p.ind.value, part=part.ind.text, whole=whole.ind.text,
                        real=right),
        wrong=text[p.start:p.end], right=replace_number(p, text, right), span=Span(p.start, p.end), rule_id=rid)


def _before(figs: list[Fig], i: int, lo: int) -> list[Fig]:
    """Non-percent figures before figure ``i`` in its sentence, nearest first."""
    return [f for f in reversed(figs[:i]) if f.start >= lo and not f.is_percent]


def _percent(ln, text, nt, figs: list[Fig], i: int, lo: int, para_figs: list[Fig]) -> Finding | None:
    p = figs[i]
    prev_end = figs[i - 1].end if i else lo
    prefix = nt[max(lo, prev_end - 40):p.start]
    if _P["points"].match(nt[p.end:]):
        return None
    earlier = _before(figs, i, lo)
    # "accounts for / completes … of": the whole inside the clause, or named in words
    m = _P["share_of"].search(nt, max(lo, p.start - 30), p.start)
    if m:
        inside = [f for f in earlier if f.start >= m.start("what") and f.end <= m.end("what")]
        if inside:
            whole = inside[0]
            parts = [f for f in earlier if f.end <= m.start() and f.key == whole.key]
        else:
            words = m["what"]
            parts = [f for f in earlier if f.end <= m.start()][:1]
            if not parts:
                return None
            cands = [f for f in para_figs if f.key == parts[0].key and f is not parts[0] and f.start < parts[0].start
                     and not f.is_percent]
            scored = sorted(((_common(words, f.ind.measure), -f.start, f) for f in cands), key=lambda x: x[:2],
                            reverse=True)
            if not scored or scored[0][0] < COMMON:
                return None
            whole = scored[0][2]
        if not parts or whole.base <= 0:
            return None
        part = parts[0]
        clause = max(nt.rfind(c, lo, m.start()) for c in _CLAUSE_STOPS) + 1
        if part.end <= clause and nt[clause:m.start()].strip():
            return None  # ", frozen fish exports account for 98.5% of …": the share has its own subject, not the figure before
        real = part.base / whole.base * 100
        if m["verb"] == _SHARE_VERB and real > 100:
            return None  # a share over 100%: the whole is not the figure read for it
        return _pct_finding(ln, text, p, part, whole, real, "check.pct.share_of") if _wrong_by(p, real) else None
    # "of N …, M already have …": a rate
    for k in range(len(earlier) - 1):
        part, whole = earlier[k], earlier[k + 1]
        if part.key == whole.key and _P["among_have"].match(nt[whole.end:part.start]) and _P["rate_name"].search(prefix):
            if whole.base <= 0:
                return None
            real = part.base / whole.base * 100
            return _pct_finding(ln, text, p, part, whole, real, "check.pct.among_have") if _wrong_by(p, real) else None
    # "of which X …, a share of P%"
    if _P["share_word"].search(prefix) and earlier:
        part = earlier[0]
        wholes = [f for f in earlier[1:] if f.key == part.key]
        if wholes and _AMONG.match(nt[wholes[0].end:part.start]) and wholes[0].base > 0:
            real = part.base / wholes[0].base * 100
            return (_pct_finding(ln, text, p, part, wholes[0], real, "check.pct.share_word")
                    if _wrong_by(p, real) else None)
        return None
    # "X rate P%": the part's label holds the rate's verb, the whole's a word of finding or checking
    m = _P["rate_name"].search(prefix)
    if not m or len(m["name"]) < STEM:
        return None
    stem = m["name"][-STEM:]
    labelled = [(f, _label(nt, f, lo)) for f in earlier]
    parts = [(f, lab) for f, lab in labelled if stem in lab]
    if not parts:
        return None
    part = parts[0][0]
    wholes = [f for f, lab in labelled if f is not part and f.key == part.key and f.start < part.start
              and _P["whole_cue"].search(lab)]
    if not wholes:
        return None
    whole = wholes[0]
    if whole.base <= 0:
        return None
    real = part.base / whole.base * 100
    return _pct_finding(ln, text, p, part, whole, real, "check.pct.rate_name") if _wrong_by(p, real) else None


def _growth(ln, text, nt, figs: list[Fig], i: int, lo: int) -> Finding | None:
    g = figs[i]
    earlier = _before(figs, i, lo)
    if len(earlier) < 2 or _P["points"].match(nt[g.end:]):
        return None
    b, a = earlier[0], earlier[1]  # b the later of the two in the text
    if a.key != b.key or len(nt[b.end:g.start]) > GROWTH_GAP or not _G["cue"].search(nt, b.end, g.start):
        return None
    if _G["average"].search(nt, b.end, g.start):
        return None  # average annual growth: compounded over years, not the change between the two values
    if _G["from_old"].search(nt, max(lo, a.start - 12), a.start) and _G["to_new"].search(nt, a.end, b.start):
        old, new, rid = a, b, "check.growth.from_to"
    elif _G["than_old"].search(nt, a.end, b.start):
        old, new, rid = b, a, "check.growth.than"
    else:
        return None
    if old.base <= 0:
        return None
    real = (new.base - old.base) / old.base * 100
    down = bool(_G["down"].search(nt[b.end:g.start]))
    stated = -g.number if down else g.number
    tol = 10 ** -g.decimals if g.decimals else 1.0
    if abs(real - stated) <= tol + 1e-9:
        return None
    right = fmt(abs(real), g.decimals)
    key = "growth_mismatch" if (real < 0) == down or real == 0 else "growth_mismatch.direction"
    return Finding(
        line=ln, rule="growth_mismatch", severity="error",
        message=message(key, stated=g.ind.value, old=old.ind.text, new=new.ind.text, real=right,
                        word=nt[b.end:g.start].strip(_COMMAS)),
        wrong=text[g.start:g.end], right=replace_number(g, text, right) if (real < 0) == down else None,
        span=Span(g.start, g.end), rule_id=rid)


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    by_line = line_figures(report, lines)
    out: list[Finding] = []
    for ln, text, nt in lines:
        figs = by_line.get(ln)
        if not figs or not any(f.is_percent for f in figs):
            continue
        for lo, hi in sentences(nt):
            for i, f in enumerate(figs):
                if not (lo <= f.start < hi) or not f.is_percent:
                    continue
                found = _growth(ln, text, nt, figs, i, lo)
                if found is None and not _G["cue"].search(nt, max(lo, f.start - 6), f.start):
                    found = _percent(ln, text, nt, figs, i, lo, figs)
                if found:
                    out.append(found)
    return out
