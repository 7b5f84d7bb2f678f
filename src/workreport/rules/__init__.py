"""The rule tables of ``data/*.yaml``: loaded once, checked against their schema (schema.py),
named regex pieces (``{year}``, data/pieces.yaml) expanded.

Engine code reads its word lists, patterns and thresholds from here by entry id, never from
literals: ``rules.pattern("split", "split.appendix")``, ``rules.limit("split", "split.short_report_chars")``.
"""
from ..errors import RuleDataError
from . import cache
from .firstchars import Ends, guarded
from .loader import (alternation, compiled, data_files, entry, expand, iter_entries, limit, load,
                     pattern, piece, validate, words)

__all__ = ["Ends", "RuleDataError", "_UniqueKeyLoader", "SCHEMAS", "cache", "alternation", "compiled", "data_files", "entry", "expand", "guarded", "iter_entries",
           "limit", "load", "pattern", "piece", "validate", "words"]


def __getattr__(name: str):
    if name == "_UniqueKeyLoader":  # built on first use: yaml is imported only when a table is read
        from .loader import unique_key_loader
        return unique_key_loader()
    if name == "SCHEMAS":  # likewise the schemas: only a table being checked needs them
        from .schema import SCHEMAS
        return SCHEMAS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
