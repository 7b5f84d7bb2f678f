"""The library: SQLite store, exact Chinese full-text search, comparison and exports."""
from .library import Library

__all__ = ["Library"]
