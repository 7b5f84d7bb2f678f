"""Imports run one way (issue 13): the stages in pipeline order, then the shells.

Every ``import``/``from … import`` of the package — at module level or inside a function (a lazy
import is still a dependency) — is read with ``ast``; each module is ranked by its top-level home
(``structure/headings.py`` lives in ``structure``).  A home may import its own rank or lower ones,
never a higher one, and the graph of homes has no cycle.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "workreport"

# Lower number = more basic.  A home may only import homes of a lower or equal rank.
RANK = {
    "data": 0, "errors": 0, "textnorm": 0, "labels": 0, "workers": 1,
    "model": 1, "rules": 2, "numerals": 3,
    "ingest": 4, "structure": 5, "extract": 6, "check": 7, "pipeline": 8,
    "track": 9, "render": 9, "export": 9, "contract": 10, "pairing": 10,
    "store": 11, "batch": 12, "web": 12, "cli": 13, "__main__": 14,
}
# Homes of the same rank that must still not know each other.
APART = {("web", "batch"), ("batch", "web")}


def _home(parts: list[str]) -> str:
    return parts[0] if parts else "__init__"


def imports() -> dict[str, set[str]]:
    """home -> the homes it imports (the package's own ``__init__`` left out: it imports lazily)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        rel = list(path.relative_to(SRC).with_suffix("").parts)
        package = rel[:-1]  # the package a relative import starts from
        me = _home(rel if rel[-1] != "__init__" else rel[:-1])
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            targets: list[list[str]] = []
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - (node.level - 1)]
                mod = base + (node.module.split(".") if node.module else [])
                targets = [mod] if mod else [[a.name] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "workreport":
                mod = node.module.split(".")[1:]
                targets = [mod] if mod else [[a.name] for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name.split(".")[1:] for a in node.names if a.name.split(".")[0] == "workreport"]
            for t in targets:
                home = _home(t)
                if home not in (me, "__version__", "__init__"):
                    graph[me].add(home)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path, or None."""
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt]
            if nxt not in state and (found := visit(nxt, path + [nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_every_home_is_ranked():
    homes = {_home(list(p.relative_to(SRC).with_suffix("").parts)) for p in SRC.rglob("*.py")}
    homes -= {"__init__"}
    assert homes <= set(RANK), f"give these a rank in tests/test_layers.py: {sorted(homes - set(RANK))}"


def test_imports_run_one_way():
    wrong = [f"{a} imports {b}" for a, bs in imports().items() for b in bs
             if b in RANK and a in RANK and (RANK[b] > RANK[a] or (a, b) in APART)]
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_no_import_cycle():
    assert cycle(imports()) is None


def test_the_checks_can_fail():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None
    assert imports()["pipeline"] >= {"structure", "extract", "check"}
