"""Parts against their total (sum_mismatch), within one sentence, as a reviewer redoes them.

Three shapes (cues: data/checks.yaml ``sums``):

- a list then its total: "12 associations, 20 teams, 35 in total" — the same-unit figures just
  before a figure named a total (the ``total_cue`` words) add up to it;
- a total then its parts: "5 million yuan in total, spent respectively on … 2 million, … 1.5
  million, … 1 million" — after "respectively" the parts are all of it;
- a whole then "of which" parts: a share of it, so they are only checked when they exceed it,
  when their labels name all of it (urban and rural; a whole named as "A and B households"), or
  when they come within a few percent of it without matching (a breakdown that does not add up).

The total is taken as written wrong, as a reviewer does: the suggestion replaces the total.
"""
from __future__ import annotations

from .. import rules
from ..model import Document, Finding, Report, Span
from .common import limit, message, report_lines
from .figures import Fig, fmt, label_before, line_figures, replace_number, sentences

_T = "checks"
_TOTAL = rules.pattern(_T, "check.sum.total_cue")
_RESPECTIVELY = rules.pattern(_T, "check.sum.respectively")
_AMONG = rules.pattern(_T, "check.sum.among")
_LIST_GAP = rules.pattern(_T, "check.sum.list_gap")
_LIST_GAP_COMMA = rules.pattern(_T, "check.sum.list_gap_comma")
_NAMED = rules.pattern(_T, "check.sum.named_parts")
_NOT_WHOLE = rules.pattern(_T, "check.sum.not_whole")
_COMPLEMENTS = tuple((e["id"], tuple(e["words"])) for e in rules.load(_T)["sums"]["complements"])
NEAR_SHARE = limit("check.sum.near_share")
GAP = int(limit("check.sum.gap_chars"))
_LABEL = int(limit("check.pct.label_chars"))
_LABEL_STOPS = rules.entry(_T, "check.stops.label")["chars"]


def _tolerance(parts: list[Fig], total: Fig) -> float:
    """How far (in the total's unit) a sum of rounded parts may be from the total."""
    d = max([total.decimals] + [p.decimals for p in parts])
    return 0.5 * 10 ** -d * len(parts) + 1e-9 if d else 1e-9


def _sum(parts: list[Fig], total: Fig) -> float:
    return sum(p.base for p in parts) / total.scale


def _label(nt: str, f: Fig, lo: int) -> str:
    """The words just before a figure (its label), from ``lo`` on."""
    return label_before(nt, f.start, lo, _LABEL, _LABEL_STOPS)


def _exhaustive(nt: str, whole: Fig, parts: list[Fig], lo: int) -> str | None:
    """The rule id that says "of which" parts are all of the whole, or None."""
    labels = [_label(nt, p, whole.end) for p in parts]
    for rid, words in _COMPLEMENTS:
        if all(any(w in lab for lab in labels) for w in words):
            return rid
    name = _label(nt, whole, lo)
    if len(parts) >= 2 and _NAMED.search(name) and all(lab and lab[-2:] in name for lab in labels):
        return "check.sum.named_parts"
    return None


def _finding(ln: int, text: str, total: Fig, parts: list[Fig], got: float, key: str, rid: str) -> Finding:
    d = max([total.decimals] + [p.decimals for p in parts])
    right_num = fmt(got, min(d, 2))
    unit = total.ind.unit
    shown = "+".join(p.ind.value for p in parts)
    diff = fmt(abs(total.number - got), min(d, 2))
    return Finding(
        line=ln, rule="sum_mismatch", severity="error",
        message=message(key, parts=shown, sum=right_num, total=total.ind.value, unit=unit, diff=diff),
        wrong=text[total.start:total.end], right=replace_number(total, text, right_num),
        span=Span(total.start, total.end), rule_id=rid)


def _run_before(nt: str, figs: list[Fig], i: int, lo: int) -> list[Fig]:
    """The list of same-unit figures just before figure ``i`` (nearest last), each joined to the
    next by a short list gap."""
    total = figs[i]
    run: list[Fig] = []
    nxt = total
    for f in reversed(figs[:i]):
        if f.start < lo:
            break
        if f.key != total.key:
            break
        gap = nt[f.end:nxt.start]
        if not (_LIST_GAP.match(gap) or _LIST_GAP_COMMA.match(gap)) or (nxt is total and len(gap) > GAP):
            break
        run.append(f)
        nxt = f
    run.reverse()
    return run


def _parts_after(nt: str, figs: list[Fig], i: int, keys: set) -> list[Fig]:
    """The parts listed from figure ``i`` on: figures of the total's units joined by the list comma."""
    out: list[Fig] = []
    for f in figs[i:]:
        if f.key not in keys or (out and not _LIST_GAP.match(nt[out[-1].end:f.start])):
            break
        out.append(f)
    return out


def _sentence(ln: int, text: str, nt: str, lo: int, hi: int, figs: list[Fig]) -> list[Finding]:
    out: list[Finding] = []
    used: set[int] = set()  # figures already read as a total with parts after it
    i = 0
    while i < len(figs):
        # a group of adjacent figures of different units (3126 households, 5218 people) shares its parts
        j = i + 1
        while j < len(figs) and figs[j].start - figs[j - 1].end <= 1 and figs[j].key != figs[j - 1].key:
            j += 1
        group = figs[i:j]
        after = nt[group[-1].end:figs[j].start] if j < len(figs) else ""
        shape = "respectively" if _RESPECTIVELY.match(after) else "among" if _AMONG.match(after) else None
        if shape and not any(g.is_percent for g in group) and not any(
                _NOT_WHOLE.search(_label(nt, g, lo)) for g in group[:1]):
            parts_all = _parts_after(nt, figs, j, {g.key for g in group})
            if any(_NOT_WHOLE.search(_label(nt, p, group[-1].end)) for p in parts_all):
                parts_all = []  # parts given as changes or from/to values do not add up
            for total in group:
                parts = [p for p in parts_all if p.key == total.key]
                if not parts or (shape == "respectively" and len(parts) < 2):
                    continue
                got = _sum(parts, total)
                off = abs(got - total.number)
                if off <= _tolerance(parts, total):
                    continue
                if shape == "respectively":
                    out.append(_finding(ln, text, total, parts, got, "sum_mismatch", "check.sum.respectively"))
                elif got > total.number:
                    out.append(_finding(ln, text, total, parts, got, "sum_mismatch.exceeds", "check.sum.among"))
                elif len(parts) >= 2:
                    rid = _exhaustive(nt, total, parts, lo)
                    if rid or off <= NEAR_SHARE * total.number:
                        out.append(_finding(ln, text, total, parts, got, "sum_mismatch.among",
                                            rid or "check.sum.near_whole"))
            used.update(range(i, j + len(parts_all)))
            i = j
            continue
        i = j
    # lists closed by a total: "… 12 teams, … 20 teams, 35 in total"
    for i, total in enumerate(figs):
        if i in used or total.is_percent:
            continue
        clause = nt[max(lo, figs[i - 1].end if i else lo):total.start]
        if not _TOTAL.search(clause):
            continue
        run = _run_before(nt, figs, i, lo)
        if len(run) < 2 or any(figs.index(f) in used for f in run):
            continue
        # the list may have caught a figure before it: any tail of two or more that adds up is fine
        if any(abs(_sum(run[k:], total) - total.number) <= _tolerance(run[k:], total)
               for k in range(len(run) - 1)):
            continue
        out.append(_finding(ln, text, total, run, _sum(run, total), "sum_mismatch", "check.sum.total_after_list"))
    return out


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    # a bound or an estimate (over 500,000 yuan, 3100-odd copies, about 2.1 million) is no amount to add
    by_line = {ln: [f for f in figs if not f.ind.qualifier] for ln, figs in line_figures(report, lines).items()}
    out: list[Finding] = []
    for ln, text, nt in lines:
        figs = by_line.get(ln)
        if not figs or len(figs) < 2:
            continue
        for lo, hi in sentences(nt):
            sf = [f for f in figs if lo <= f.start < hi]
            if len(sf) >= 2:
                out += _sentence(ln, text, nt, lo, hi, sf)
    return out
