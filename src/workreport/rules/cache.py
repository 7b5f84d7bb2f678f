"""A cache, kept between runs, of the checked rule tables and of their compiled regexes.

Every command that parses used to spend about half a second before reading a line: parsing the
YAML, checking every table against its schema, and compiling ~500 regexes (big Chinese character
classes make Python's regex compiler slow).  All of it depends only on the rule data, the loader's
code and the Python build, so it is done once and kept in one file under the user's cache
directory (``$WORKREPORT_CACHE_DIR``, else ``$XDG_CACHE_HOME/workreport``, else
``~/.cache/workreport``; ``WORKREPORT_CACHE_DIR=`` with an empty value turns it off).

The file's name is a hash of the ``data/*.yaml`` bytes, the code of this package and the Python
build, so a changed rule or a new Python never reads an old file.  A regex is kept as what Python's
own compiler hands to the regex engine (``re._compiler``'s code list) and rebuilt with
``_sre.compile``, which checks the code; the rebuilt pattern compares equal to ``re.compile``'s
(same code), and a test holds that for every cached pattern.  If those internals are not as
expected, or the file is unreadable, everything is done the ordinary way: the cache only ever
saves time.  marshal, not pickle: loading it runs no code.  Each entry is kept marshalled on its own and read
when first asked for, so a command that needs two tables (``search``) does not read them all.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Callable

try:  # the regex engine's own entry point; absent or different elsewhere -> plain re.compile
    import _sre
    from re import _compiler, _parser
    _ENGINE = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"
except Exception:  # pragma: no cover - other Pythons
    _sre = None
    _ENGINE = ""

ENV = "WORKREPORT_CACHE_DIR"
_FORMAT = 2
_MAX_REGEXES = 4096  # rule regexes number ~500; the cap keeps a caller compiling ad-hoc patterns from growing it
_KEEP_FILES = 8  # several checkouts (versions of the rules) may share one cache directory


def cache_dir() -> Path | None:
    """Where the cache file lives; None when turned off."""
    value = os.environ.get(ENV)
    if value is not None:
        return Path(value) if value.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "workreport"


def _key() -> str:
    h = hashlib.sha256(f"{_FORMAT}|{_ENGINE}".encode())
    pkg = resources.files("workreport")
    files = sorted((p for p in pkg.joinpath("data").iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    files += sorted((p for p in pkg.joinpath("rules").iterdir() if p.name.endswith(".py")), key=lambda p: p.name)
    for f in files:
        h.update(f.name.encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()[:24]


class _Store:
    """The tables and regex records of one rule version, as read from disk plus what this run
    added; every entry kept marshalled (bytes) and read on first use."""

    def __init__(self, path: Path | None):
        self.path = path
        self.tables: dict[str, bytes] = {}
        self.regexes: dict[tuple[str, int], bytes] = {}
        self.dirty = False
        self.pid = os.getpid()
        if path is None:
            return
        try:
            data = marshal.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("format") == _FORMAT:
                self.tables = dict(data["tables"])
                self.regexes = dict(data["regexes"])
        except Exception:  # no file yet, or unreadable: start empty, written anew at exit
            self.tables, self.regexes = {}, {}

    def mark(self) -> None:
        if self.path is not None and not self.dirty:
            self.dirty = True
            atexit.register(self.save)

    def save(self) -> None:
        # only the process that loaded it (a forked worker inherits the hook but exits by _exit;
        # this guards the rest) and only when something new was made
        if not self.dirty or self.path is None or os.getpid() != self.pid:
            return
        self.dirty = False
        try:
            blob = marshal.dumps({"format": _FORMAT, "tables": self.tables, "regexes": self.regexes})
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(blob)
            os.replace(tmp, self.path)  # readers see the old file or the new one, never half of one
            olds = sorted(self.path.parent.glob("rules-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in olds[_KEEP_FILES:]:
                old.unlink(missing_ok=True)
        except Exception:  # a read-only home, a full disk: the next run compiles again
            pass


_store: _Store | None = None


def _get() -> _Store:
    global _store
    if _store is None:
        directory = cache_dir()
        path = None
        if directory is not None:
            try:
                path = directory / f"rules-{_key()}.marshal"
            except Exception:
                path = None
        _store = _Store(path)
    return _store


def reset() -> None:
    """Forget the cache read so far (tests: after changing ``WORKREPORT_CACHE_DIR``); unsaved additions are dropped."""
    global _store
    _store = None


def source_hash(path: str) -> str:
    """A short hash of a module's source, for ``table(..., code=)``."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def table(name: str, build: Callable[[], Any], code: str | None = None) -> Any:
    """The checked table ``name`` from the cache, else ``build()`` (which raises on bad data) kept there.

    ``code``: the ``__file__`` of a module outside this package whose code derives the value
    from the tables (the cache's name covers only the tables and this package), so a change
    to that code is not answered from the cache."""
    store = _get()
    base = name
    if code is not None:
        try:
            name = f"{name}@{source_hash(code)}"
        except OSError:
            return build()
    if name in store.tables:
        try:
            return marshal.loads(store.tables[name])
        except Exception:  # a damaged entry: made again below
            pass
    value = build()
    try:
        blob = marshal.dumps(value)  # a value marshal cannot hold (a YAML date) is simply not kept
    except ValueError:
        return value
    if code is not None:  # what an older version of that code made
        for old in [k for k in store.tables if k.startswith(f"{base}@")]:
            del store.tables[old]
    store.tables[name] = blob
    store.mark()
    return value


def _record(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for this pattern."""
    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup))


def _engine(pattern: str, rec: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = rec
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    global _sre
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    store = _get()
    blob = store.regexes.get((pattern, flags))
    try:
        if blob is not None:
            return _engine(pattern, marshal.loads(blob))
        rec = _record(pattern, flags)  # re.error for a bad pattern, as re.compile raises
        compiled = _engine(pattern, rec)
    except re.error:
        raise
    except Exception:  # the engine's internals are not what this expects: stop using them
        _sre = None
        return re.compile(pattern, flags)
    if len(store.regexes) < _MAX_REGEXES and store.path is not None:
        store.regexes[(pattern, flags)] = marshal.dumps(rec)
        store.mark()
    return compiled
