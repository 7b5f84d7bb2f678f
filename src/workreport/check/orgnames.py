"""The report's own body named two ways (org_name_variant): a district's Bureau of Housing and
Urban-Rural Development that is, further on, its "Urban-Rural Construction Bureau"; an ecology
and environment bureau under its former name (environmental protection bureau); a town that
is later called a township.

Mentions of the same kind of body (bodies.yaml: the same entry, organ and owner place) are read
from the text; the longest name the report uses for itself is its name.  A normal short form is
no variant: an abbreviation taking characters from across the name (housing-construction bureau
for housing and urban-rural development bureau) or one dropping a generic last word ("emergency
bureau" for "emergency management bureau").  A variant keeps a run of the name but drops or adds
whole words (urban-rural construction bureau, agriculture bureau), or is a former name
(checks.yaml).  A street office or township is varied by its level word (township for town) or
one character of its place name in its full form (the street office's full name).  Other bodies
(the district's urban management bureau in a housing bureau's report, the city's housing bureau
above it) are never compared.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rules
from ..model import Document, Finding, Report, Span
from ..structure.bodies import BodyMatch, classify_body
from .common import limit, message, report_lines

_E = lambda k: rules.entry("checks", f"check.org.{k}")  # noqa: E731
_HAN = rules.compiled(rules.piece("han") + "+")
MAX_NAME = int(limit("check.org.max_name_chars"))
_OPENING = rules.pattern("checks", "check.org.opening_place")
_OPENING_CHARS = int(limit("check.org.opening_chars"))


@lru_cache(maxsize=1)
def _data():
    within = tuple(rules.load("bodies")["connectors"]["within"])
    former = {e["current"]: tuple(e["former"]) for e in rules.load("checks")["org_names"]["former"]}
    return (within, tuple(_E("generic_tails")["words"]), former, tuple(_E("levels")["words"]),
            tuple(_E("full_forms")["words"]), frozenset(_E("organ_equal")["words"]))


def _stem(m: BodyMatch) -> str:
    within = _data()[0]
    s = m.form[: len(m.form) - len(m.organ)] if m.form.endswith(m.organ) else m.form
    for c in within:
        s = s.replace(c, "")
    return s


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def relation(m: str, c: str) -> str:
    """How a mentioned stem ``m`` relates to the body's own stem ``c``: same, variant, other."""
    _, tails, former, _, _, _ = _data()
    if m == c:
        return "same"
    if m in former.get(c, ()):
        return "former"
    if len(m) < len(c) and m in c:
        return "same" if c.startswith(m) and c[len(m):] in tails else "variant"
    if len(m) > len(c) and c in m:
        return "same" if m.startswith(c) and m[len(c):] in tails else "variant"
    if len(m) < len(c) and _subsequence(m, c):
        return "same"  # an abbreviation: characters taken from across the full name
    if len(m) > len(c) and _subsequence(c, m):
        return "same"
    return "other"


def _organ_key(organ: str) -> str:
    """Organ words that name the same kind of body (checks.yaml organ_equal) share one key."""
    equal = _data()[5]
    return min(equal) if organ in equal else organ  # any one of them, always the same


def _owner_fits(prefix: str, own_prefix: str) -> bool:
    if not own_prefix:
        return not prefix  # an owner the report does not name: only unowned mentions compare
    return prefix == "" or own_prefix.endswith(prefix) or prefix.endswith(own_prefix)


def _component(m: BodyMatch, own: BodyMatch) -> bool:
    """The discipline commission of a joint discipline and supervision commission: one of the
    bodies a combined name joins (the rest is a body too)."""
    organs = _organ_words()
    f, o = m.form, own.form
    rest = o[len(f):] if o.startswith(f) else o[:-len(f)] if o.endswith(f) else None
    return bool(rest) and any(rest.endswith(w) for w in organs) and any(f.endswith(w) for w in organs)


@lru_cache(maxsize=1)
def _organ_words() -> tuple[str, ...]:
    return tuple(rules.load("bodies")["organ_words"])


def _mentions(nt: str, own: BodyMatch):
    """(start, end, match) of each mention of a body like ``own`` (same entry and organ)."""
    organ = own.organ
    keys = {organ, *(_data()[5] if organ in _data()[5] else ())}
    for run in _HAN.finditer(nt):
        text = run.group()
        for key in keys:
            for om in re.finditer(re.escape(key), text):
                end = om.end()
                for a in range(max(0, end - MAX_NAME), end - len(key)):
                    m = classify_body(text[a:end])
                    if (m and m.id == own.id and not m.national and _organ_key(m.organ) == _organ_key(own.organ)
                            and _owner_fits(m.prefix, own.prefix)):
                        yield run.start() + a, run.start() + end, m
                        break


def _department(lines, own: BodyMatch) -> list[Finding]:
    found = [(ln, a, b, m) for ln, text, nt in lines for a, b, m in _mentions(nt, own)]
    canon, canon_m = _stem(own), own
    for *_, m in sorted(found, key=lambda x: -len(_stem(x[3]))):
        if len(_stem(m)) > len(canon) and relation(canon, _stem(m)) == "same":
            canon, canon_m = _stem(m), m
    texts = {ln: text for ln, text, _ in lines}
    out = []
    for ln, a, b, m in found:
        rel = "same" if _component(m, canon_m) else relation(_stem(m), canon)
        if rel not in ("variant", "former"):
            continue
        right = (m.prefix or "") + canon_m.form
        key = "org_name_variant.former" if rel == "former" else "org_name_variant"
        wrong = texts[ln][a:b]
        out.append(Finding(line=ln, rule="org_name_variant", severity="warning",
                           message=message(key, wrong=wrong, right=right), wrong=wrong, right=right,
                           span=Span(a, b), rule_id=f"check.org.{rel}"))
    return out


def _place(lines, own: BodyMatch) -> list[Finding]:
    _, _, _, levels, full_forms, _ = _data()
    core = own.prefix
    level = own.place or next((w for w in levels if own.form.startswith(w)), None)
    if not core or not level or len(core) < 2:
        return []
    n = len(core)
    others = tuple(w for w in levels if w != level)
    # Two patterns of the name's length and level, not one per name and character: they depend
    # only on the rule tables, so they compile once (rules.compiled keeps them between runs).
    # Each looks ahead from every place the name could start, so every start is seen, as
    # each per-character pattern's own scan saw it; which character differs is read here.
    by_level = _level_pattern(n, others)
    by_place = _place_pattern(n, level, tuple(full_forms))
    out = []
    for ln, text, nt in lines:
        found: list[tuple[int, int, int, str, str | None]] = []  # (pattern, start, end, rule, level)
        for m in by_level.finditer(nt):
            if m.group(1) == core:
                found.append((0, m.start(), m.start() + n + len(m.group(2)), "check.org.level", level))
        for m in by_place.finditer(nt):
            cand = m.group(1)
            diff = [i for i in range(n) if cand[i] != core[i]]
            if len(diff) == 1 and _HAN_CHAR.fullmatch(cand[diff[0]]):
                found.append((1 + diff[0], m.start(), m.start() + n + len(level), "check.org.place", None))
        found.sort()
        ends: dict[int, int] = {}
        for k, a, b, rid, _lv in found:
            if a < ends.get(k, 0):
                continue  # one pattern's matches do not overlap (a scan goes on after a match's end)
            ends[k] = b
            wrong = text[a:b]
            right = core + level
            out.append(Finding(line=ln, rule="org_name_variant", severity="warning",
                               message=message("org_name_variant", wrong=wrong, right=right),
                               wrong=wrong, right=right, span=Span(a, b), rule_id=rid))
    return out


_HAN_CHAR = rules.compiled(rules.piece("han"))


def _level_pattern(n: int, others: tuple[str, ...]) -> re.Pattern:
    """At a start not after a Chinese character: the next n characters, then another level word."""
    alt = "|".join(map(re.escape, others))
    return rules.compiled(f"(?<!{rules.piece('han')})(?=(.{{{n}}})({alt}))")


def _place_pattern(n: int, level: str, full_forms: tuple[str, ...]) -> re.Pattern:
    """At a start not after a Chinese character: n characters, the level word, a full form."""
    full = "|".join(map(re.escape, full_forms))
    return rules.compiled(f"(?<!{rules.piece('han')})(?=(.{{{n}}}){re.escape(level)}(?=(?:{full})))")


def _own(report: Report, lines) -> BodyMatch | None:
    """The report's body: its parsed org, else the township or street office its opening names
    (a street's Party working committee and office "under the district committee…")."""
    if report.org:
        return classify_body(report.org)
    if not lines:
        return None
    for m in _OPENING.finditer(lines[0][2][:_OPENING_CHARS]):
        b = classify_body(m.group())
        if b and b.comprehensive and b.prefix:
            return b
    return None


def check(doc: Document, report: Report, lines=None) -> list[Finding]:
    lines = lines if lines is not None else report_lines(doc, report)
    own = _own(report, lines)
    if own is None or own.national or own.level:
        return []  # national bodies and schools, hospitals, companies: their names vary by other rules
    if own.comprehensive:
        return _place(lines, own)
    return _department(lines, own) if _stem(own) else []  # a bare organ (a school) names no kind of body
