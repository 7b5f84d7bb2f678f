"""Inline enumerations inside paragraphs (inline ordinal items: "first is…, second is…"): items
first, second, fourth (enumeration_gap) and first, second, second (enumeration_duplicate), with
the ordinal that belongs there.

Each family (the "N is" items, "N-th," and "the N-th one"; checks.yaml ``enumeration``) is
followed through a paragraph; a list may go on in the next paragraph when that paragraph opens
with its next item (item two on a line of its own).  A list restarts at item one; a paragraph
whose first item is not one and continues nothing is not judged (its list may have begun where
the text does not show, or be an outer list: item eight after a paragraph listing items one to
ten inline).  A saying that counts "one is one, two is two" is not a list (the family patterns
leave it out).
"""
from __future__ import annotations

from .. import numerals, rules
from ..model import Document, Finding, Report, Span
from .common import message

_FAMILIES = tuple((e["id"], rules.compiled(e["pattern"]), e["written"]) for e in rules.load("checks")["enumeration"])


def _markers(nt: str) -> list[tuple[int, int, str, int, str]]:
    """(start, end, family id, value, numeral as written) of every marker, in text order."""
    out = []
    for rid, pat, _ in _FAMILIES:
        for m in pat.finditer(nt):
            v = numerals.ordinal_value(m["n"])
            if v:
                out.append((m.start("all"), m.end("all"), rid, v, m["n"]))
    out.sort()
    return out


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    out: list[Finding] = []
    last: dict[str, int] = {}  # family -> last value of the list still open
    item_paragraphs: str | None = None  # the family whose items open paragraphs, one item a paragraph
    for p in report.paragraphs:
        ms = _markers(p.norm_text)
        opens = ms[0][2] if ms and not p.norm_text[:ms[0][0]].strip() else None
        # a paragraph opening with an item goes on with the list of the paragraph before when that
        # one opened with an item too (item one… / item two… as paragraphs), or with its next number
        last = {fam: v for fam, v in last.items()
                if fam == opens and (item_paragraphs == fam or ms[0][3] == v + 1)}
        item_paragraphs = opens
        in_para: set[str] = set()
        for a, b, fam, v, _ in ms:
            prev = last.get(fam)
            fresh = fam not in in_para
            in_para.add(fam)
            # item one restarts a list, unless it follows a lone item one in the same paragraph
            if prev is None or (v == 1 and (prev > 1 or fresh)):
                last[fam] = v
                continue
            if v != prev + 1:
                out.append(_finding(p, a, b, fam, v, prev))
            last[fam] = max(v, prev + 1) if v <= prev else v
    return out


def _finding(p, a: int, b: int, fam: str, v: int, prev: int) -> Finding:
    want = prev + 1
    kind = "enumeration_gap" if v > want else "enumeration_duplicate"
    tmpl = next(w for rid, _, w in _FAMILIES if rid == fam)
    right = tmpl.format(n=numerals.to_chinese(want))
    line, col = p.line_at(a)
    wrong = p.text[a:b]
    return Finding(line=line, rule=kind, severity="error",
                   message=message(kind, wrong=wrong, right=right, prev=tmpl.format(n=numerals.to_chinese(prev))),
                   wrong=wrong, right=right, span=Span(col, col + len(wrong)), rule_id=fam)
