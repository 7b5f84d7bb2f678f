"""The rule tables units.yaml and indicators.yaml: valid, and every example does what it says."""
from __future__ import annotations

import re

import pytest

from workreport import rules
from workreport.extract.indicators import paragraph_indicators
from workreport.extract.numbers import find_quantities
from workreport.model import Paragraph

UNITS = rules.load("units")
IND = rules.load("indicators")


def _entries(table):
    return [e for _, e in rules.iter_entries(table)]


def test_tables_validate():
    assert rules.validate("units", UNITS) == []
    assert rules.validate("indicators", IND) == []


@pytest.mark.parametrize("entry", [e for e in _entries(UNITS["units"])], ids=lambda e: e["id"])
def test_unit_examples_read_with_their_unit(entry):
    words = set(entry["words"])
    for ex in entry["examples"]:
        qs = find_quantities(ex)
        assert qs, ex
        assert qs[-1].unit_word in words, (ex, qs[-1])
    for ex in entry["counter_examples"]:
        assert all(q.unit_word not in words for q in find_quantities(ex)), ex


def test_not_units_examples():
    (entry,) = UNITS["not_units"]
    for ex in entry["examples"]:
        assert find_quantities(ex) == [], ex
    for ex in entry["counter_examples"]:
        assert find_quantities(ex), ex


def test_no_word_is_both_a_unit_and_not_a_unit():
    units = {w for e in UNITS["units"] for w in e["words"]}
    not_units = {w for e in UNITS["not_units"] for w in e["words"]}
    assert not units & not_units


def test_unit_words_are_unique():
    seen = {}
    for e in UNITS["units"]:
        for w in e["words"]:
            assert w not in seen, (w, e["id"], seen.get(w))
            seen[w] = e["id"]


@pytest.mark.parametrize(
    "entry",
    [e for e in _entries(UNITS["grammar"]) + _entries(UNITS["unknown_unit"]) + _entries(IND) if "pattern" in e],
    ids=lambda e: e["id"],
)
def test_pattern_examples_and_counter_examples(entry):
    pat = re.compile(entry["pattern"])
    for ex in entry["examples"]:
        assert pat.search(ex), (entry["id"], ex)
    for ex in entry["counter_examples"]:
        assert not pat.search(ex), (entry["id"], ex)


@pytest.mark.parametrize("entry", _entries(IND["traps"]), ids=lambda e: e["id"])
def test_trap_examples_yield_no_indicator(entry):
    for ex in entry["examples"]:
        text = f"开展{ex}工作。"
        assert paragraph_indicators(Paragraph(1, 1, text, ((1, 0),))) == [], ex


def test_scan_hints_cover_every_example():
    from workreport.extract.indicators import _EVENTS, _TRAPS

    for e in IND["traps"]:
        for ex in e["examples"]:
            assert _TRAPS.search(ex), (e["id"], ex)
    for group in ("target", "actual"):
        for e in IND["kinds"][group]:
            for ex in e["examples"]:
                assert _EVENTS.search(ex), (e["id"], ex)
