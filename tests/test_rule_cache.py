"""The rule cache (rules/cache.py) and the first-character guard (rules/firstchars.py) save time
only: the same patterns, the same matches, the same parse, with the cache on, off, or damaged."""
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workreport import rules
from workreport.rules import cache
from workreport.rules.firstchars import first_class, guarded

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = sorted((ROOT / "samples" / "district").glob("*.txt"))[0]


def _parse(cache_dir: str, home: Path, hash_seed: str = "1") -> bytes:
    # each run its own string hashing: a pattern built from a set's order would differ between
    # processes and be compiled and cached again on every run
    env = {**os.environ, "WORKREPORT_CACHE_DIR": cache_dir, "HOME": str(home), "XDG_CACHE_HOME": str(home / "xdg"),
           "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-m", "workreport", "parse", str(SAMPLE), "--json"], env=env,
                          capture_output=True, check=True, timeout=120).stdout


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A parse writing a fresh cache, a second reading it, and one with the cache turned off."""
    d = tmp_path_factory.mktemp("rulecache")
    home = d / "home"
    home.mkdir()
    first = _parse(str(d / "c"), home)
    files = sorted((d / "c").glob("rules-*.marshal"))
    stamp = [(f.stat().st_mtime_ns, f.read_bytes()) for f in files]
    second = _parse(str(d / "c"), home, hash_seed="2")
    off = _parse("", home)
    return d, home, files, stamp, first, second, off


def test_the_cache_changes_nothing_in_the_output(runs):
    _, _, files, _, first, second, off = runs
    assert len(files) == 1
    assert first == second == off and len(first) > 1000


def test_a_second_run_reads_the_cache_and_writes_nothing(runs):
    """Nothing new is compiled on the second run of the same text: patterns built from a
    document's own words do not go into the cache (it would be rewritten every run)."""
    _, _, files, stamp, *_ = runs
    assert [(f.stat().st_mtime_ns, f.read_bytes()) for f in files] == stamp


def test_turned_off_it_writes_nowhere(runs):
    _, home, *_ = runs
    assert not list(home.rglob("*.marshal"))


def test_every_cached_regex_is_the_one_re_compile_makes(runs):
    """Patterns compare equal when their flags, pattern text and engine code are the same."""
    _, _, files, *_ = runs
    data = marshal.loads(files[0].read_bytes())
    regexes = data["regexes"]
    assert len(regexes) > 300  # the rule regexes of a parse
    for (pattern, flags), rec in regexes.items():
        assert cache._engine(pattern, marshal.loads(rec)) == re.compile(pattern, flags), pattern[:80]
    assert {"bodies", "periods", "pieces (raw)"} <= set(data["tables"])


def test_a_damaged_cache_is_rebuilt(runs):
    d, home, files, _, first, *_ = runs
    files[0].write_bytes(b"\x00not marshal" * 100)
    assert _parse(str(d / "c"), home) == first
    assert marshal.loads(files[0].read_bytes())["regexes"]


def test_regex_in_process(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    cache.reset()
    try:
        for pattern, flags in [(r"(?P<y>\d{4})-(\d\d)?", 0), ("ab|a(b)?c", re.I), ("^x$", re.M)]:
            made = cache.regex(pattern, flags)
            again = cache.regex(pattern, flags)  # from the store this time
            fresh = re.compile(pattern, flags)
            assert made == again == fresh and made.groupindex == fresh.groupindex
            assert [m.span() for m in again.finditer("1999-12 AbC abc x")] == \
                   [m.span() for m in fresh.finditer("1999-12 AbC abc x")]
        with pytest.raises(re.error):
            cache.regex("(")
    finally:
        cache.reset()


def test_the_period_scan_is_guarded():
    from workreport.extract import periods

    assert periods._SCAN.pattern.startswith("(?=[")


@pytest.mark.parametrize("pattern", ["a*", "(?:x|)", "[^a]b", ".x", "(?i)ab", "(?:.|a)", "(?=a)"])
def test_no_guard_where_a_match_may_begin_anywhere(pattern):
    assert first_class(pattern) is None and guarded(pattern) == pattern


_PIECES = ["a", "b", "c", "[ab]", r"\d", "(?<!a)", "(?=b)", r"\b", "x?", "(?:a|bc)", "(c+)", "[0-9a]{0,2}", "b*?"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4), min_size=1, max_size=4),
       st.text(alphabet="abcx1 ", max_size=40))
def test_guarded_finds_the_same_matches(branches, text):
    pattern = "|".join("".join(b) for b in branches)
    plain, guard = re.compile(pattern), re.compile(guarded(pattern))
    assert [(m.span(), m.groups()) for m in plain.finditer(text)] == \
           [(m.span(), m.groups()) for m in guard.finditer(text)]


def test_a_pattern_opening_with_a_look_behind_is_guarded_and_matches_the_same():
    """rules.compiled guards a pattern that opens with a look-behind (the engine cannot skip
    ahead through one); the matches are those of the plain pattern, on every sample line."""
    plain = r"(?<![A-Za-z\d])[xX]{2,4}(?![A-Za-z])|(?<!\d)20\d{2}(?!\d)"
    guard = rules.compiled(plain)
    assert guard.pattern.startswith("(?=[") and rules.compiled(plain, re.IGNORECASE).pattern == plain
    assert rules.compiled(r"a(?<!b)c").pattern == r"a(?<!b)c"  # opens with a literal: left alone
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("**/*.txt")))
    for rid in ("check.placeholder.x", "typo.doubled_particle", "numbers.arabic"):
        table = {"check": "checks", "typo": "typos", "numbers": "units"}[rid.split(".")[0]]
        pat = rules.pattern(table, rid)
        assert pat.pattern.startswith("(?=[")
        assert [m.span() for m in pat.finditer(text)] == [m.span() for m in re.compile(rules.entry(table, rid)["pattern"]).finditer(text)]
    assert [m.span() for m in guard.finditer(text + " xx 2023 ax1 XXX")] == \
        [m.span() for m in re.compile(plain).finditer(text + " xx 2023 ax1 XXX")]
