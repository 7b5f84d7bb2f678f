"""The rule tables of ``data/*.yaml``: loaded once, checked against their schema (schema.py).

Engine code reads its word lists, patterns and thresholds from here, never from literals.
"""
from ..errors import RuleDataError
from .loader import _UniqueKeyLoader, alternation, compiled, data_files, iter_entries, load, validate
from .schema import SCHEMAS

__all__ = ["RuleDataError", "SCHEMAS", "alternation", "compiled", "data_files", "iter_entries", "load",
           "validate"]
