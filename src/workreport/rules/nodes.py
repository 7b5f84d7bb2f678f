"""The node types rules schemas are built from, and the walk that finds their regex fields.

Kept apart from ``schema.py``: these nodes are the generic machinery (how a mapping, a list, a
regex field is checked), while ``schema.py`` is the data about our tables (which keys each
file has).  A change to one table's shape should not mean reading the type checker, and the
loader's pattern walk (``patterns_of``) needs only the node types.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Node:
    """One node of a schema; ``check`` returns the problems of ``value`` at ``where``."""

    label = "value"

    def check(self, value: Any, where: str, owner: str = "") -> list[str]:  # pragma: no cover
        raise NotImplementedError


def _say(where: str, owner: str, msg: str) -> str:
    """"families[2] (outline.cn_paren): msg": the path in the table and the entry's id."""
    at = f"{where} ({owner})" if owner else where
    return f"{at}: {msg}" if at else msg


def _sub(where: str, key) -> str:
    return f"{where}.{key}" if where else str(key)


@dataclass(frozen=True)
class Scalar(Node):
    types: tuple[type, ...]
    label: str = "value"
    nullable: bool = False
    choices: tuple[Any, ...] = ()

    def check(self, value, where, owner=""):
        if value is None and self.nullable:
            return []
        # bool is an int in Python: a YAML "yes" must not pass as a number
        if isinstance(value, bool) and bool not in self.types:
            return [_say(where, owner, f"must be {self.label}, not {value!r}")]
        if not isinstance(value, self.types):
            return [_say(where, owner, f"must be {self.label}, not {type(value).__name__}")]
        if self.choices and value not in self.choices:
            return [_say(where, owner, f"{value!r} is not one of {', '.join(map(str, self.choices))}")]
        return []


@dataclass(frozen=True)
class Pattern(Node):
    """A regex (named pieces allowed); compiled by the loader after expansion."""

    label: str = "a regex"
    allow_empty: bool = False

    def check(self, value, where, owner=""):
        if not isinstance(value, str):
            return [_say(where, owner, f"must be a regex string, not {type(value).__name__}")]
        if not value and not self.allow_empty:
            return [_say(where, owner, "empty regex")]
        return []


@dataclass(frozen=True)
class ListOf(Node):
    item: Node
    non_empty: bool = False

    def check(self, value, where, owner=""):
        if not isinstance(value, list):
            return [_say(where, owner, f"must be a list, not {type(value).__name__}")]
        if self.non_empty and not value:
            return [_say(where, owner, "must not be empty")]
        out: list[str] = []
        for i, v in enumerate(value):
            out.extend(self.item.check(v, f"{where}[{i}]", owner))
        return out


@dataclass(frozen=True)
class MapOf(Node):
    """A mapping with free keys (messages, word -> value tables)."""

    value: Node
    key: Node = field(default_factory=lambda: Scalar((str,), "a string"))

    def check(self, value, where, owner=""):
        if not isinstance(value, dict):
            return [_say(where, owner, f"must be a mapping, not {type(value).__name__}")]
        out: list[str] = []
        for k, v in value.items():
            out.extend(self.key.check(k, f"{_sub(where, k)} (the key)", owner))
            out.extend(self.value.check(v, _sub(where, k), owner))
        return out


@dataclass(frozen=True)
class Record(Node):
    """A mapping with known keys: ``required`` must be there, ``optional`` may be."""

    required: dict[str, Node]
    optional: dict[str, Node] = field(default_factory=dict)

    def _owner(self, value, owner: str) -> str:
        return owner

    def check(self, value, where, owner=""):
        if not isinstance(value, dict):
            return [_say(where, owner, f"must be a mapping, not {type(value).__name__}")]
        owner = self._owner(value, owner)
        out: list[str] = []
        for k in value:
            if k not in self.required and k not in self.optional:
                allowed = ", ".join(sorted([*self.required, *self.optional]))
                out.append(_say(where, owner, f"unknown key {k!r} (allowed: {allowed})"))
        for k in self.required:
            if k not in value:
                out.append(_say(where, owner, f"missing key {k!r}"))
        for k, v in value.items():
            node = self.required.get(k) or self.optional.get(k)
            if node is not None:
                out.extend(node.check(v, _sub(where, k), owner))
        return out


@dataclass(frozen=True)
class Entry(Record):
    """A rule entry: a Record with an ``id``; problems name the id.

    ``one_of``: at least one of these keys must be present (words or a pattern)."""

    one_of: tuple[str, ...] = ()

    def _owner(self, value, owner: str) -> str:
        rid = value.get("id")
        return rid if isinstance(rid, str) else owner

    def check(self, value, where, owner=""):
        out = super().check(value, where, owner)
        if isinstance(value, dict) and self.one_of and not any(k in value for k in self.one_of):
            out.append(_say(where, self._owner(value, owner), f"needs one of {', '.join(self.one_of)}"))
        return out


@dataclass(frozen=True)
class Examples(Node):
    def check(self, value, where, owner=""):
        if not isinstance(value, list) or not all(isinstance(x, (str, dict)) for x in value):
            return [_say(where, owner, "must be a list of strings or mappings")]
        return []


def patterns_of(node: Node, value: Any, path: str = ""):
    """Yield (path, container, key) of every Pattern field of ``value`` under ``node``."""
    if isinstance(node, Record) and isinstance(value, dict):
        for k, v in value.items():
            sub = node.required.get(k) or node.optional.get(k)
            if isinstance(sub, Pattern) and isinstance(v, str):
                yield f"{path}.{k}" if path else k, value, k
            elif sub is not None:
                yield from patterns_of(sub, v, f"{path}.{k}" if path else k)
    elif isinstance(node, ListOf) and isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(node.item, Pattern) and isinstance(v, str):
                yield f"{path}[{i}]", value, i
            else:
                yield from patterns_of(node.item, v, f"{path}[{i}]")
    elif isinstance(node, MapOf) and isinstance(value, dict):
        for k, v in value.items():
            if isinstance(node.value, Pattern) and isinstance(v, str):
                yield f"{path}.{k}", value, k
            else:
                yield from patterns_of(node.value, v, f"{path}.{k}")
