"""Every rule table loads and validates (each stage's tests run its own examples)."""
import pytest
import yaml

from workreport import rules

TABLES = rules.data_files()


@pytest.mark.parametrize("table", TABLES)
def test_table_loads_and_validates(table):
    name = table[:-5]
    assert rules.validate(name, rules.load(name)) == []


@pytest.mark.parametrize("table", TABLES)
def test_every_pattern_rule_has_examples(table):
    for path, entry in rules.iter_entries(rules.load(table[:-5])):
        if "pattern" in entry:
            assert entry.get("examples"), f"{table}:{path} has a pattern but no examples"


def test_duplicate_keys_are_rejected():
    with pytest.raises(rules.RuleDataError):
        yaml.load("a: 1\na: 2\n", Loader=rules._UniqueKeyLoader)


def test_bad_pattern_is_reported():
    problems = rules.validate("x", {"r": [{"id": "a", "pattern": "(", "examples": []},
                                          {"id": "a", "pattern": "[", "examples": []}]})
    assert len(problems) == 3  # two bad patterns and a duplicate id, all reported at once


def test_every_finding_message_key_exists():
    import re
    from pathlib import Path

    keys = set(rules.load("messages")["messages"])
    src = Path(__file__).resolve().parent.parent / "src" / "workreport" / "check"
    used = {m for f in src.glob("*.py") for m in re.findall(r'message\("([\w.]+)"', f.read_text("utf-8"))}
    assert used and used <= keys, used - keys
