"""rules.Ends turns a text away from an end-anchored pattern by its last character only when no
match can exist: the same matches as the pattern alone, for every rule regex of the project and
for generated patterns."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workreport import rules
from workreport.rules.firstchars import Ends, last_class

ROOT = Path(__file__).resolve().parent.parent


def test_an_end_anchored_pattern_knows_its_last_characters():
    assert last_class("ab$") == "(?:b)"
    assert re.fullmatch(last_class(r"^x[^,，]{1,3}$|^y\d$"), "a")
    assert not re.fullmatch(last_class(r"^x[^,，]{1,3}$|^y\d$"), "，")
    ends = Ends(r"^.{0,10}(total|sum)\s*$")
    assert ends.may_end("the total") and ends.may_end("the sum ") and not ends.may_end("the total,")
    assert ends.may_end("the total,\n")  # $ matches before a final newline


def test_no_guard_where_the_end_proves_nothing():
    for pattern in ["abc", "a$|b", r"^\s*$", "(?m)a$", "(?i)a$", r"(a)\1$", "x(?=a$)", "a?$", "(?s:.)$"]:
        assert last_class(pattern) is None, pattern
        assert Ends(pattern).may_end("anything,")


def _rule_patterns() -> list[re.Pattern]:
    out = []
    for name in rules.data_files():
        for _, e in rules.iter_entries(rules.load(name.removesuffix(".yaml"))):
            for key, value in e.items():
                if isinstance(value, str) and key.endswith("pattern"):
                    out.append(rules.compiled(value))
    assert len(out) > 300
    return out


def test_every_rule_pattern_keeps_its_matches():
    """Texts ending with every character the sample reports end lines with, each rule regex:
    whenever Ends turns a text away, neither search nor match finds anything."""
    lines = []
    for path in sorted((ROOT / "samples").glob("**/*.txt")):
        lines += [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    by_last = {}
    for l in lines:
        by_last.setdefault(l[-1], []).append(l)
    texts = [t for group in by_last.values() for t in group[:3]]
    checked = 0
    for pat in _rule_patterns():
        ends = Ends(pat.pattern)
        if pat.flags & ~re.UNICODE:
            continue
        for t in texts:
            if not ends.may_end(t):
                checked += 1
                assert pat.search(t) is None and pat.match(t) is None, (pat.pattern, t)
    assert checked > 1000  # the guard does turn texts away


_PIECES = ["a", "b", ",", "[ab]", "[^a,]", r"\d", r"\s", r"\s*", "(?<=a)", "(?=b)", r"\b", "x?", "(?:a|b,)",
           "(c+)", "[0-9a]{0,2}", "b*?", ".", ".{0,3}", "^"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4), min_size=1, max_size=3),
       st.text(alphabet="abcx1, \n", max_size=30))
def test_ends_never_turns_away_a_match(branches, text):
    pattern = "|".join("".join(b) + "$" for b in branches)
    if not Ends(pattern).may_end(text):
        p = re.compile(pattern)
        assert p.search(text) is None and p.match(text) is None and p.fullmatch(text) is None
