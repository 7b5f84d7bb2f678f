"""Every rule table loads and matches its schema; a misspelled key fails with file, entry and key.

(The examples of every entry run in test_rule_examples.py.)"""
import copy
from importlib import resources

import pytest
import yaml

from workreport import rules
from workreport.rules.loader import _read
from workreport.rules.nodes import ListOf, Record
from workreport.rules.schema import PATTERN_RULE

TABLES = rules.data_files()


@pytest.mark.parametrize("table", TABLES)
def test_table_loads_and_validates(table):
    name = table[:-5]
    assert rules.validate(name, rules.load(name)) == []


def test_every_table_has_a_schema_and_every_schema_a_table():
    names = {t[:-5] for t in TABLES}
    assert names - set(rules.SCHEMAS) == set(), "a data file without a schema in rules/schema.py"
    assert set(rules.SCHEMAS) - names == set(), "a schema without its data file"


def test_a_table_without_schema_is_an_error():
    assert rules.validate("no_such_table", {"bodies": []}) == [
        "no_such_table.yaml: no schema for this table (add one to rules/schema.py)"]


@pytest.mark.parametrize("table", TABLES)
def test_every_pattern_rule_has_examples(table):
    for path, entry in rules.iter_entries(rules.load(table[:-5])):
        if "pattern" in entry:
            assert entry.get("examples"), f"{table}:{path} has a pattern but no examples"


def _misspell(entry: dict, key: str, wrong: str) -> None:
    entry[wrong] = entry.pop(key)


@pytest.mark.parametrize("table", TABLES)
def test_misspelled_key_names_file_entry_and_key(table):
    """In every table, the first entry with examples loses its key to a misspelling."""
    name = table[:-5]
    data = copy.deepcopy(_read(name))
    found = [(p, e) for p, e in rules.iter_entries(data) if "counter_examples" in e]
    if not found:
        pytest.skip(f"{table} has no rule entry with examples")
    path, entry = found[0]
    _misspell(entry, "counter_examples", "counter_exmples")
    problems = rules.validate(name, data)
    assert any(p.startswith(f"{table}: {path} ({entry['id']}): unknown key 'counter_exmples'") for p in problems), problems
    assert any("missing key 'counter_examples'" in p for p in problems), problems


def test_misspelled_rank_and_wrong_types():
    data = copy.deepcopy(_read("outline"))
    _misspell(data["families"][2], "rank", "rnak")
    data["bare_heading"]["max_chars"] = "30"
    data["not_headng"] = data.pop("not_heading")
    problems = rules.validate("outline", data)
    rid = data["families"][2]["id"]
    assert f"outline.yaml: families[2] ({rid}): missing key 'rank'" in problems
    assert any(p.startswith(f"outline.yaml: families[2] ({rid}): unknown key 'rnak'") for p in problems)
    assert "outline.yaml: bare_heading.max_chars (outline.bare_heading): must be an integer, not str" in problems
    assert any(p.startswith("outline.yaml: unknown key 'not_headng'") for p in problems)
    units = copy.deepcopy(_read("units"))
    units["units"][0]["factor"] = True  # a YAML yes is not a number
    assert any("factor" in p and "must be a number" in p for p in rules.validate("units", units))


def test_misspelled_key_fails_loading(tmp_path, monkeypatch):
    """What `make test` sees when a shipped table has a misspelling: load raises, naming it."""
    text = (resources.files("workreport.data") / "roles.yaml").read_text("utf-8")
    bad = text.replace("counter_examples:", "counter_exmples:", 1)
    real = _read
    monkeypatch.setattr("workreport.rules.loader._read",
                        lambda name: yaml.load(bad, Loader=rules._UniqueKeyLoader) if name == "roles" else real(name))
    monkeypatch.setenv("WORKREPORT_CACHE_DIR", str(tmp_path))  # a cache of the good table must not answer
    rules.load.cache_clear()
    rules.cache.reset()
    try:
        with pytest.raises(rules.RuleDataError, match=r"roles\.yaml: roles\[0\] \(role\.status_review\): unknown key 'counter_exmples'"):
            rules.load("roles")
    finally:
        monkeypatch.undo()
        rules.load.cache_clear()
        rules.cache.reset()
    assert rules.load("roles")


def test_duplicate_keys_are_rejected():
    with pytest.raises(rules.RuleDataError):
        yaml.load("a: 1\na: 2\n", Loader=rules._UniqueKeyLoader)


def test_bad_pattern_is_reported():
    schema = Record({"r": ListOf(PATTERN_RULE)})
    problems = rules.validate("x", {"r": [{"id": "a", "pattern": "(", "examples": [], "counter_examples": []},
                                          {"id": "a", "pattern": "[", "examples": [], "counter_examples": []}]},
                              schema)
    assert len(problems) == 3  # two bad patterns and a duplicate id, all reported at once


def test_every_finding_message_key_exists():
    import re
    from pathlib import Path

    keys = set(rules.load("messages")["messages"])
    src = Path(__file__).resolve().parent.parent / "src" / "workreport" / "check"
    used = {m for f in src.glob("*.py") for m in re.findall(r'message\("([\w.]+)"', f.read_text("utf-8"))}
    assert used and used <= keys, used - keys


def test_no_word_is_both_a_unit_and_not_a_unit():
    units_table = rules.load("units")
    units = {w for e in units_table["units"] for w in e["words"]}
    not_units = {w for e in units_table["not_units"] for w in e["words"]}
    assert not units & not_units


def test_unit_words_are_unique():
    seen = {}
    for e in rules.load("units")["units"]:
        for w in e["words"]:
            assert w not in seen, (w, e["id"], seen.get(w))
            seen[w] = e["id"]


def test_case_files_hold_no_duplicate_keys():
    # yaml.safe_load keeps the last of two equal keys silently: a case edited twice tests only one
    # of its expectations, so the case files are read with the rule data's strict loader
    from pathlib import Path

    cases = Path(__file__).resolve().parent / "cases"
    files = sorted(cases.rglob("*.yaml"))
    assert files
    for path in files:
        yaml.load(path.read_text("utf-8"), Loader=rules._UniqueKeyLoader)
