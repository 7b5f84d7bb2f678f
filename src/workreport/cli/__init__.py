"""Command line: a thin shell over the library. Each module registers its commands on ``main``."""
from .base import main
from . import parse_cmds  # noqa: F401  (registers parse, text)
from . import extract_cmds  # noqa: F401  (indicators)
from . import check_cmds  # noqa: F401  (check, track)
from . import library_cmds  # noqa: F401  (ingest, search, show, export, compare)
from . import web_cmds  # noqa: F401  (serve)
from . import edit_cmds  # noqa: F401  (edit, delete, reparse)
from . import batch_cmds  # noqa: F401  (batch)

__all__ = ["main"]
