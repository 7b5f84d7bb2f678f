"""Load and validate the rule tables in ``data/*.yaml`` once.

Every table is a mapping; lists of rule entries carry ``id``, usually ``pattern``,
and ``examples`` / ``counter_examples`` that the tests run.  Validation reports every
problem at once, and duplicate keys are rejected (a silent overwrite hides a rule).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .errors import RuleDataError


class _UniqueKeyLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise RuleDataError([f"duplicate key {key!r} at line {key_node.start_mark.line + 1}"])
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def data_files() -> list[str]:
    return sorted(p.name for p in resources.files("workreport.data").iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed table ``data/<name>.yaml``; validated, cached for the process."""
    text = resources.files("workreport.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    try:
        table = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        raise RuleDataError([f"{name}.yaml: {exc}"]) from exc
    problems = validate(name, table)
    if problems:
        raise RuleDataError(problems)
    return table


def iter_entries(table: Any, path: str = ""):
    """Yield (path, entry) for every rule entry (a mapping with an ``id``) in a table."""
    if isinstance(table, dict):
        if "id" in table and isinstance(table.get("id"), str):
            yield path, table
        for k, v in table.items():
            yield from iter_entries(v, f"{path}.{k}" if path else str(k))
    elif isinstance(table, list):
        for i, v in enumerate(table):
            yield from iter_entries(v, f"{path}[{i}]")


def validate(name: str, table: Any) -> list[str]:
    problems: list[str] = []
    if not isinstance(table, dict):
        return [f"{name}.yaml: top level must be a mapping"]
    ids: set[str] = set()
    for path, entry in iter_entries(table):
        rid = entry["id"]
        where = f"{name}.yaml:{path} ({rid})"
        if rid in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(rid)
        pat = entry.get("pattern")
        if pat is not None:
            if not isinstance(pat, str):
                problems.append(f"{where}: pattern must be a string")
            else:
                try:
                    re.compile(pat)
                except re.error as exc:
                    problems.append(f"{where}: bad pattern: {exc}")
        for key in ("examples", "counter_examples"):
            val = entry.get(key, [])
            if not isinstance(val, list) or not all(isinstance(x, (str, dict)) for x in val):
                problems.append(f"{where}: {key} must be a list of strings or mappings")
    return problems


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (亿元 before 元)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)
