"""The rule tables of ``data/*.yaml``: loaded once, checked against their schema (schema.py),
named regex pieces (``{year}``, data/pieces.yaml) expanded.

Engine code reads its word lists, patterns and thresholds from here by entry id, never from
literals: ``rules.pattern("split", "split.appendix")``, ``rules.limit("split", "split.short_report_chars")``.
"""
from ..errors import RuleDataError
from .loader import (_UniqueKeyLoader, alternation, compiled, data_files, entry, expand, iter_entries, limit, load,
                     pattern, piece, validate, words)
from .schema import SCHEMAS

__all__ = ["RuleDataError", "_UniqueKeyLoader", "SCHEMAS", "alternation", "compiled", "data_files", "entry", "expand", "iter_entries",
           "limit", "load", "pattern", "piece", "validate", "words"]
