"""Shared fixtures: library databases, sample paths, a CLI runner, and a quick stand-in parser.

``quick_parse`` turns a Document into a ParsedDocument without the structure stage (one report,
one paragraph per non-blank line, a section per line that opens with an ordinal, figures for
"number + unit"), so store tests do not depend on the parser's details.  It lives at module
level so worker processes can import it.
"""
from __future__ import annotations

import os
from dataclasses import replace
import re
from pathlib import Path

import pytest

from workreport.model import Finding, Indicator, Paragraph, ParsedDocument, Report, Section, Span

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DEV = SHARED / "dev"

_HEAD = re.compile(r"^\s*([一二三四五六七八九十]+)、(.{1,30}?)(?:[。：]|$)")
_SUB = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[)）](.{1,30}?)(?:[。：]|$)")
_FIG = re.compile(r"(\d+(?:\.\d+)?)(亿元|万元|%|万人|公里)")


def quick_parse(doc) -> ParsedDocument:
    paras, tops, figs, finds = [], [], [], []
    for n, line in enumerate(doc.lines, 1):
        text = line.strip()
        if not text:
            continue
        paras.append(Paragraph(line_start=n, line_end=n, text=text, pieces=((n, 0),)))
        for m in _FIG.finditer(line):
            measure = line[max(0, m.start() - 6):m.start()]
            figs.append(Indicator(line=n, span=Span(m.start(), m.end()), text=m.group(0), value=m.group(1), number=float(m.group(1)),
                                  unit=m.group(2), measure=measure, kind="rate" if m.group(2) == "%" else "actual",
                                  rules=("test.quick",)))
        if "xx" in line:
            finds.append(Finding(line=n, rule="placeholder", severity="error", message="placeholder xx"))
        h = _HEAD.match(line)
        s = _SUB.match(line)
        if h:
            tops.append([Section(line=n, heading=h.group(0).rstrip("。："), ordinal=h.group(1), depth=1,
                                 role="achievements" if len(tops) == 0 else "plan", rule="test.h1"), []])
        elif s and tops:
            tops[-1][1].append(Section(line=n, heading=s.group(0).rstrip("。："), ordinal=f"({s.group(1)})", depth=2,
                                       role=tops[-1][0].role, rule="test.h2"))
    last = max((p.line_end for p in paras), default=1)
    sections = []
    for i, (top, kids) in enumerate(tops):
        end = tops[i + 1][0].line - 1 if i + 1 < len(tops) else last
        kids2 = tuple(replace(k, end_line=kids[j + 1].line - 1 if j + 1 < len(kids) else end)
                      for j, k in enumerate(kids))
        sections.append(replace(top, children=kids2, end_line=end))
    year = re.search(r"(19|20)\d\d", os.path.basename(doc.path))
    report = Report(start_line=paras[0].line_start if paras else 1, end_line=last,
                    org=os.path.basename(doc.path).split(".")[0][-12:], level="province",
                    year=int(year.group(0)) if year else None, domain="综合", sections=tuple(sections),
                    paragraphs=tuple(paras), indicators=tuple(figs), findings=tuple(finds), rule="test.one")
    return ParsedDocument(document=doc, furniture_lines=(), reports=(report,))


# Every store test that takes ``backend`` (or a fixture built on it) runs once per store.
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL cluster for the whole session (tests/pgserver.py); tests make databases on
    it with ``new_database``.  Never skipped: CI installs PostgreSQL (.ci/run)."""
    from pgserver import ExistingServer, PgServer, find_bindir

    if os.environ.get("WORKREPORT_TEST_PG"):
        server = ExistingServer(os.environ["WORKREPORT_TEST_PG"])
    else:
        bindir = find_bindir()
        if bindir is None:
            pytest.fail("PostgreSQL is needed for the postgresql half of the store tests: install the Debian"
                        " package postgresql (.ci/run does), or set WORKREPORT_TEST_PG to a superuser URL")
        server = PgServer(bindir).start()
    yield server
    server.stop()


def new_location(request, backend: str, folder: Path, name: str = "workreport") -> str:
    """Where a fresh, empty library of ``backend`` lives: a file in ``folder``, or a new
    database on the session's PostgreSQL server."""
    if backend == "sqlite":
        return str(folder / f"{name}.db")
    return request.getfixturevalue("pg_server").new_database(name)


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "workreport.db")


@pytest.fixture
def db_location(request, backend, tmp_path) -> str:
    """A fresh library location of each backend."""
    return new_location(request, backend, tmp_path)


@pytest.fixture
def db():
    """A fresh, migrated in-memory SQLite connection with the library schema."""
    from workreport.store.sqlite import connect

    conn = connect(":memory:")
    yield conn
    conn.close()


@pytest.fixture
def library(db_path):
    """An empty Library in a temporary file, parsing with the real pipeline."""
    from workreport.store import Library

    lib = Library(db_path)
    yield lib
    lib.close()


@pytest.fixture
def quick_library(db_location):
    """An empty Library of each backend that parses with ``quick_parse`` (independent of the
    structure stage)."""
    from workreport.store import Library

    lib = Library(db_location, parser=quick_parse)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_texts() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="session")
def quick_sample_db(tmp_path_factory) -> str:
    """A library file holding the samples, parsed by ``quick_parse`` (built once per session)."""
    from workreport.store import Library

    path = str(tmp_path_factory.mktemp("lib") / "samples.db")
    with Library(path, parser=quick_parse) as lib:
        summary = lib.ingest([SAMPLES], workers=1)
        assert not summary["failures"], summary["failures"]
    return path


@pytest.fixture
def cli_runner():
    from click.testing import CliRunner

    return CliRunner()


def two_unit_reports(folder: Path, sentence: str) -> Path:
    """``folder``/src with two short reports of two fictional bureaus (2022, 2023), each with one
    heading and ``sentence``: the smallest library the web tests serve."""
    src = folder / "src"
    src.mkdir()
    for org, year in (("甲市应急局", 2022), ("乙县应急局", 2023)):
        (src / f"{org}{year}.txt").write_text(f"{org}{year}年工作总结\n\n一、主要工作\n\n{sentence}\n", encoding="utf-8")
    return src


def real_pipeline_works() -> bool:
    try:
        from workreport.pipeline import parse  # noqa: F401
    except Exception:
        return False
    return True


def table_counts(where) -> dict[str, int]:
    """Rows per table, lines, and the size of the search index, of a Library or a library file."""
    from workreport.store import Library

    lib = where if isinstance(where, Library) else Library(where)
    try:
        out = lib.stats()
        out["index_bytes"] = index_size(lib)
        return out
    finally:
        if lib is not where:
            lib.close()


def index_size(lib) -> int:
    """Bytes (SQLite FTS blocks) or entries (PostgreSQL index rows) of the search index."""
    if lib.backend.kind == "sqlite":
        return lib.backend.execute(
            "SELECT (SELECT coalesce(sum(length(block)), 0) FROM para_bi_data)"
            " + (SELECT coalesce(sum(length(block)), 0) FROM para_uni_data) AS n")[0]["n"]
    return lib.backend.index_size()


def make_parsed(texts, *, path="handmade.txt", org="测试市应急管理局", level="city", year=2022, domain="应急管理",
                sections=(), indicators=(), findings=(), plan_items=(), pairs=()) -> ParsedDocument:
    """A ParsedDocument built by hand: one report, one line per paragraph text (no parser involved)."""
    import hashlib

    from workreport.model import Document

    lines = tuple(texts)
    sha = hashlib.sha256(("\n".join(lines) + path).encode("utf-8")).hexdigest()
    doc = Document(path=path, sha256=sha, format="txt", encoding="utf-8", lines=lines)
    paras = tuple(Paragraph(line_start=i, line_end=i, text=t, pieces=((i, 0),)) for i, t in enumerate(lines, 1) if t)
    report = Report(start_line=1, end_line=len(lines), org=org, level=level, year=year, domain=domain,
                    sections=tuple(sections), paragraphs=paras, indicators=tuple(indicators),
                    findings=tuple(findings), plan_items=tuple(plan_items), pairs=tuple(pairs), rule="test.hand")
    return ParsedDocument(document=doc, furniture_lines=(), reports=(report,))
