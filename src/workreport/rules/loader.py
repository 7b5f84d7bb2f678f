"""Load and validate the rule tables in ``data/*.yaml`` once.

Every table has a schema (schema.py): required and allowed keys of each entry kind and their
types, so a misspelled key fails loading with the file, the entry id and the key.  Rule entries
carry ``id``, usually ``pattern``, and ``examples`` / ``counter_examples`` that the tests run.
Validation reports every problem at once, and duplicate keys are rejected (a silent overwrite
hides a rule).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import RuleDataError
from . import cache

if TYPE_CHECKING:
    from .nodes import Node

# schema.py and nodes.py are imported where a table is checked, not at the top: with the tables cached
# (cache.py) most runs check none


@lru_cache(maxsize=1)
def unique_key_loader():
    """The YAML loader the tables are read with: the C loader (many times faster) with duplicate
    keys refused (a silent overwrite hides a rule).  yaml is imported here, not at the top: with
    the tables cached (cache.py) most runs never read one."""
    import yaml

    class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def construct_mapping(loader, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise RuleDataError([f"duplicate key {key!r} at line {key_node.start_mark.line + 1}"])
            seen.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    _UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return _UniqueKeyLoader


def __getattr__(name: str):
    if name == "_UniqueKeyLoader":  # the old module-level name (tests read YAML with it)
        return unique_key_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def data_files() -> list[str]:
    return sorted(p.name for p in resources.files("workreport.data").iterdir() if p.name.endswith(".yaml"))


def _read(name: str) -> Any:
    text = resources.files("workreport.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    import yaml

    try:
        return yaml.load(text, Loader=unique_key_loader())
    except yaml.YAMLError as exc:
        raise RuleDataError([f"{name}.yaml: {exc}"]) from exc


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed table ``data/<name>.yaml``: validated, named pieces expanded, cached (also
    between runs, cache.py)."""
    return cache.table(name, lambda: _load(name))


def _load(name: str) -> dict[str, Any]:
    table = _read(name)
    problems = validate(name, table)
    if problems:
        raise RuleDataError(problems)
    from .nodes import patterns_of
    from .schema import SCHEMAS

    schema = SCHEMAS[name]
    for _, holder, key in list(patterns_of(schema, table)):
        holder[key] = expand(holder[key])
    return table


# ---------------------------------------------------------------------------------------
# Named pieces: ``{year}`` in a pattern stands for the piece ``year`` of data/pieces.yaml.

_PIECE_REF = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_PIECES_TABLE = "pieces"


@lru_cache(maxsize=1)
def _raw_pieces() -> dict[str, str]:
    return cache.table("pieces (raw)", _load_raw_pieces)


def _load_raw_pieces() -> dict[str, str]:
    table = _read(_PIECES_TABLE)
    from .schema import SCHEMAS

    problems = SCHEMAS[_PIECES_TABLE].check(table, "") if isinstance(table, dict) else ["top level"]
    if problems:
        raise RuleDataError([f"{_PIECES_TABLE}.yaml: {p}" for p in problems])
    return {e["id"]: e["pattern"] for e in table["pieces"]}


def _expand(pattern: str, pieces: dict[str, str], seen: tuple[str, ...] = ()) -> str:
    def one(m: re.Match) -> str:
        name = m.group(1)
        if name not in pieces:
            raise KeyError(name)
        if name in seen:
            raise RecursionError(" -> ".join((*seen, name)))
        return f"(?:{_expand(pieces[name], pieces, (*seen, name))})"

    return _PIECE_REF.sub(one, pattern)


@lru_cache(maxsize=None)
def expand(pattern: str) -> str:
    """``pattern`` with every ``{piece}`` replaced by its (grouped) regex."""
    return _expand(pattern, _raw_pieces())


def piece(name: str) -> str:
    """The regex of one named piece, expanded (for patterns built in code)."""
    return expand("{" + name + "}")


# ---------------------------------------------------------------------------------------
# Lookups by id: code names the entry it uses, never its position in a list.

@lru_cache(maxsize=None)
def _index(name: str) -> dict[str, dict]:
    # kept with the tables (cache.py): walking every table for its ids was a tenth of start-up
    return cache.table(f"{name} (ids)", lambda: {e["id"]: e for _, e in iter_entries(load(name))})


def entry(name: str, rid: str) -> dict[str, Any]:
    """The entry ``rid`` of table ``name`` (a RuleDataError if there is none)."""
    try:
        return _index(name)[rid]
    except KeyError:
        raise RuleDataError([f"{name}.yaml: no entry with id {rid!r}"]) from None


def pattern(name: str, rid: str, key: str = "pattern") -> re.Pattern:
    """The compiled regex ``key`` of entry ``rid``."""
    return compiled(entry(name, rid)[key])


def limit(name: str, rid: str) -> Any:
    """The value of the threshold ``rid`` (an entry of a ``limits`` list)."""
    return entry(name, rid)["value"]


def words(name: str, rid: str, key: str = "words") -> tuple[str, ...]:
    return tuple(entry(name, rid)[key])


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


def validate(name: str, table: Any, schema: Node | None = None) -> list[str]:
    """Every problem of a table: its shape against the schema, duplicate ids, bad regexes."""
    from .nodes import patterns_of
    from .schema import SCHEMAS

    if schema is None:
        schema = SCHEMAS.get(name)
        if schema is None:
            return [f"{name}.yaml: no schema for this table (add one to rules/schema.py)"]
    if not isinstance(table, dict):
        return [f"{name}.yaml: top level must be a mapping"]
    problems = [f"{name}.yaml: {p}" for p in schema.check(table, "")]
    ids: set[str] = set()
    for path, entry in iter_entries(table):
        rid = entry["id"]
        if rid in ids:
            problems.append(f"{name}.yaml: {path} ({rid}): duplicate id")
        ids.add(rid)
    for path, holder, key in patterns_of(schema, table):
        # where a problem is (the innermost entry's id) is looked up only for a problem: it
        # walks the whole table, and doing it for every pattern made each start-up quadratic
        try:
            pieces = _raw_pieces() if name != _PIECES_TABLE else {
                e["id"]: e["pattern"] for e in table.get("pieces", []) if isinstance(e, dict) and "id" in e}
            compiled(_expand(holder[key], pieces))  # the same cache the rules are compiled from
        except KeyError as exc:
            problems.append(f"{name}.yaml: {path}{_id_of(table, path)}: unknown piece {{{exc.args[0]}}}"
                            " (pieces are in pieces.yaml)")
        except RecursionError as exc:
            problems.append(f"{name}.yaml: {path}{_id_of(table, path)}: pieces refer to each other in a circle: {exc}")
        except re.error as exc:
            problems.append(f"{name}.yaml: {path}{_id_of(table, path)}: bad pattern: {exc}")
    return problems


def _id_of(table: Any, path: str) -> str:
    """" (rule id)" of the innermost entry holding ``path``, for messages."""
    best = ""
    for p, entry in iter_entries(table):
        if p and path.startswith(p) and len(p) >= len(best):
            best = p
            rid = entry["id"]
    return f" ({rid})" if best else ""


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (a longer unit before its prefix)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile``, kept between runs (cache.py): rule regexes are compiled through this."""
    return cache.regex(_behind_guarded(pattern, flags), flags)


_OPENS_BEHIND = re.compile(r"(?:\((?:\?:|\?P<\w+>)?)*\(\?<[=!]")  # groups opened, then a look-behind


def _behind_guarded(pattern: str, flags: int) -> str:
    """A pattern that opens with a look-behind (not after a digit, not after a letter) gets the
    first-character guard (firstchars.py): the regex engine reads no first character through a
    look-behind, so it tried the whole pattern at every position of a text; same matches."""
    if flags or not _OPENS_BEHIND.match(pattern):
        return pattern
    from .firstchars import guarded

    return guarded(pattern)
