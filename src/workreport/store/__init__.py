"""The library: SQLite store, exact Chinese full-text search, comparison and exports.

``Library`` is imported lazily, so that ``DEFAULT_PATH`` (and the CLI that reads it) stays cheap.
"""
from .sqlite import DEFAULT_PATH

__all__ = ["DEFAULT_PATH", "Library"]


def __getattr__(name):
    if name == "Library":
        from .library import Library

        return Library
    raise AttributeError(name)
