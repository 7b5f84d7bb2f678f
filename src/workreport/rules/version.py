"""The version of the parsing rules: a hash of the package version, the rule tables and the code
of the stages that read text.  The library stores it with each document; an ingest finding a
document parsed under another version parses it again (its corrections are applied again)."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

# what decides a parse: the rule tables and every stage up to the pipeline
_PACKAGES = ("data", "ingest", "structure", "extract", "check", "rules")
_MODULES = ("pipeline.py", "model.py", "numerals.py", "textnorm.py", "contract.py")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """``<package version>+<12 hex digits>``; the same for the same rules and code."""
    from .. import __version__

    root = resources.files("workreport")
    h = hashlib.sha256()
    files = [root.joinpath(m) for m in _MODULES]
    for pkg in _PACKAGES:
        files += sorted((p for p in root.joinpath(pkg).iterdir() if p.name.endswith((".py", ".yaml"))),
                        key=lambda p: p.name)
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"
