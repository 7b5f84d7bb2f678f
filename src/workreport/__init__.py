"""workreport: Chinese government annual work reports as structured, searchable, checked data.

Public API: ``read_document``, ``parse``, ``parse_path`` (and ``Library`` once the store is in).
Imported lazily so that ``import workreport.model`` stays cheap.
"""
__version__ = "0.1.0"
__all__ = ["read_document", "parse", "parse_path", "Library", "__version__"]


def __getattr__(name):
    if name == "read_document":
        from .ingest import read_document

        return read_document
    if name in ("parse", "parse_path"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Library":
        from .store.library import Library

        return Library
    raise AttributeError(name)
