"""The library: a SQLite file or a PostgreSQL database, exact Chinese full-text search,
comparison and exports.

``Library`` is imported lazily, so that ``DEFAULT_PATH`` (and the CLI that reads it) stays cheap.
"""
from .sqlite import DEFAULT_PATH

__all__ = ["DEFAULT_PATH", "Library", "is_url", "safe_location"]


def is_url(location) -> bool:
    """A PostgreSQL URL (``postgresql://`` or ``postgres://``), not a library file."""
    return str(location).startswith(("postgresql://", "postgres://"))


def safe_location(location) -> str:
    """The location to show: a URL without its password."""
    if not is_url(location):
        return str(location)
    from .postgres import safe_url

    return safe_url(str(location))


def __getattr__(name):
    if name == "Library":
        from .library import Library

        return Library
    raise AttributeError(name)
