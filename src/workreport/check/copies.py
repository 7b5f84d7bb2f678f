"""Text copied between different reports of one compilation (near-duplicate paragraphs).

Paragraphs become sets of hashed character shingles (punctuation and spaces dropped); an
inverted index finds candidate pairs in linear time, shingles shared by many paragraphs
(stock political phrases) are ignored, and a pair with Jaccard similarity over the threshold
is reported at both places.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .. import rules
from ..model import Finding, Report
from .common import limit, message

SHINGLE = int(limit("check.copies.shingle_chars"))
MIN_CHARS = limit("check.copies.min_chars")
THRESHOLD = limit("check.copies.threshold")
MIN_SHARED = limit("check.copies.min_shared")
COMMON = limit("check.copies.common")  # a shingle in more paragraphs is boilerplate, not copying
SAMPLE = int(limit("check.copies.sample"))  # keep one shingle in SAMPLE (by content) for speed

_DROP = rules.compiled(r"[\W_\d]+")
# Shingles are kept when their first character's code point is a multiple of SAMPLE.
_ANCHOR = rules.compiled(
    "(?=([" + "".join(chr(c) for c in range(0x4E00, 0xA000) if c % SAMPLE == 0) + "]" + "." * (SHINGLE - 1) + "))"
)


def _shingles(normalized: str) -> set[str]:
    """A content-chosen quarter of the shingles: the same text always keeps the same ones, so
    two copies keep matching samples and the Jaccard estimate stays fair (and deterministic)."""
    t = _DROP.sub("", normalized)
    return {m.group(1) for m in _ANCHOR.finditer(t)}


def find_copies(reports: list[Report]) -> dict[int, list[Finding]]:
    """Findings per report index."""
    if len(reports) < 2:
        return {}
    paras = []  # (report index, paragraph, shingles)
    for ri, r in enumerate(reports):
        for p in r.paragraphs:
            if len(p.text) >= MIN_CHARS:
                paras.append((ri, p, _shingles(p.norm_text)))
    df = Counter(h for _, _, sh in paras for h in sh)
    index: dict[str, list[int]] = defaultdict(list)
    for pi, (_, _, sh) in enumerate(paras):
        for h in sh:
            if df[h] <= COMMON:
                index[h].append(pi)
    out: dict[int, list[Finding]] = defaultdict(list)
    for pi, (ri, p, sh) in enumerate(paras):
        shared: Counter = Counter()
        for h in sh:
            if df[h] > COMMON:
                continue
            for pj in index[h]:
                if pj > pi and paras[pj][0] != ri:
                    shared[pj] += 1
        for pj, n in sorted(shared.items()):  # not in the order a set of shingles happens to give
            rj, q, sq = paras[pj]
            jac = n / (len(sh) + len(sq) - n)
            if jac < THRESHOLD or n < MIN_SHARED:
                continue
            for (a, pa, rb, pb) in ((ri, p, rj, q), (rj, q, ri, p)):
                other = reports[rb]
                who = other.org or message("duplicate_text.report_at", line=other.start_line)
                out[a].append(Finding(
                    line=pa.line_start, rule="duplicate_text", severity="warning",
                    message=message("duplicate_text", line=pb.line_start, who=who, share=f"{jac:.0%}"),
                    wrong=pa.text[:30], right=None,
                ))
    return out
