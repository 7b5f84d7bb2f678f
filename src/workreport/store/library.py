"""``Library``: the Python API of the store (the CLI and the web app are shells over it).

Results are plain dicts and lists of JSON-able values.  The database behind it is a ``Store``
(base.py): a SQLite file or a PostgreSQL server, chosen by the location given.
"""
from __future__ import annotations

import collections
import json
import os
import threading
from typing import Any, Callable

from ..errors import LibraryNotFound
from .base import Store, open_store
from .corrections import Corrections
from .ingesting import Ingesting
from .sqlite import DEFAULT_PATH
from .tables import TABLES


SEARCH_CACHE = 256  # search results kept per Library (see Library.search)


def _copy_result(res: dict) -> dict:
    """A search result the caller may change without changing the cached one."""
    return {**res, "hits": [dict(h) for h in res["hits"]], "facets": {k: dict(v) for k, v in res["facets"].items()}}


def _default_parser():
    from ..pipeline import parse

    return parse


def _report_meta(row: dict) -> dict[str, Any]:
    out = {**row, "document": row.get("document") or os.path.basename(row["path"])}
    out["corrected"] = bool(out.get("corrected"))  # a person corrected org, level, domain or year
    return out


def _indicator(row: dict) -> dict[str, Any]:
    """A stored indicator in the contract's shape (normalized value and unit as one object)."""
    out = dict(row)
    nv, nu = out.pop("normalized_value"), out.pop("normalized_unit")
    out["normalized"] = {"value": nv, "unit": nu} if nv is not None and nu is not None else None
    return out


def _json_cols(row: dict, **cols: str) -> dict[str, Any]:
    """The row as a dict, with JSON text columns decoded (``name=column``)."""
    out = dict(row)
    for name, col in cols.items():
        text = out.pop(col)
        out[name] = json.loads(text) if text else None
    return out


class Library(Ingesting, Corrections):
    """A library of parsed reports in one SQLite file or a PostgreSQL database.

    Example:

        lib = Library("workreport.db")  # the default, DEFAULT_PATH
        lib = Library("postgresql://user@dbhost/reports")  # a shared server
        lib.ingest(["reports/"])
        lib.search("隐患 整改", year=2022)["hits"][0]["snippet"]
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, *, parser: Callable | None = None,
                 store: Store | None = None, create: bool = True, rules_version: str | None = None,
                 readonly: bool = False):
        """``create=False``: the library must exist (commands that only read never make an empty
        one).  ``readonly``: open it for reading only (nothing is ever written, no lock taken: a
        read-only file or folder is fine).  ``rules_version``: what stored documents are compared
        with to decide a re-parse (default: the installed rules; a custom ``parser`` says its own,
        else "custom")."""
        self.path = os.fspath(path)
        if ((readonly or not create) and store is None and self.path != ":memory:" and "://" not in self.path
                and not os.path.exists(self.path)):
            raise LibraryNotFound(self.path)
        self._parser = parser  # Document -> ParsedDocument; module-level so workers can pickle it (else parsed in this process, without a budget)
        self._rules_version = rules_version
        self._lock = threading.RLock()
        self.backend = store or open_store(self.path, readonly=readonly)
        self._cache: collections.OrderedDict = collections.OrderedDict()  # search results
        self._cache_size = SEARCH_CACHE if hasattr(self.backend, "version") else 0

    # -- the parser and its rules (ingest, store, store_rows: ingesting.py) ------------------
    @property
    def parser(self) -> Callable:
        return self._parser or _default_parser()

    @property
    def rules_version(self) -> str:
        if self._rules_version:
            return self._rules_version
        if self._parser is not None:
            return getattr(self._parser, "rules_version", None) or "custom"
        from ..rules.version import rules_version

        return rules_version()

    # -- reading ------------------------------------------------------------------------------
    def stats(self) -> dict:
        return self.backend.stats()

    def document_lines(self, document_id: int) -> list[str] | None:
        """The text of a stored document, as its lines (line n is item n-1)."""
        return self.backend.document_lines(int(document_id))

    def documents(self) -> list[dict]:
        return self.backend.documents()

    def document(self, document_id: int) -> dict | None:
        """A stored document's row, with ``sources``: the other files found to hold its text."""
        row = self.backend.document(int(document_id))
        if row is not None:
            row["sources"] = self.backend.document_sources(int(document_id))
        return row

    def reports(self, *, org=None, level=None, domain=None, year=None, limit: int = 100, offset: int = 0,
                sort: str | None = None) -> dict:
        """One page of reports; ``sort``: org, level, domain, year, indicators, findings,
        plan_items or document, ``-`` before it for descending (default: newest year first)."""
        total, rows = self.backend.reports(org=org, level=level, domain=domain, year=year, limit=limit, offset=offset,
                                           sort=sort)
        return {"total": total, "items": [_report_meta(r) for r in rows]}

    def facets(self) -> dict:
        return self.backend.facets()

    def report(self, report_id: int) -> dict | None:
        row = self.backend.report_row(int(report_id))
        if row is None:
            return None
        out = _report_meta(row)
        rid = out["id"]
        out["corrections"] = self.corrections(rid)
        # the other files holding this report's document (one copy is stored)
        out["sources"] = [{k: x[k] for k in ("name", "format", "similarity")}
                          for x in self.backend.document_sources(out["document_id"])]
        out["edits"] = self.edits(report_id=rid)
        kids = lambda table: self.backend.report_children(rid, table)  # noqa: E731
        nodes, roots = {}, []
        for row in kids("sections"):
            node = {**row, "children": []}
            parent = node.pop("parent_id")
            nodes[node["id"]] = node
            (nodes[parent]["children"] if parent in nodes else roots).append(node)
        out["sections"] = roots
        out["paragraphs"] = [_json_cols(r, section="section_path") for r in kids("paragraphs")]
        lines = self.document_lines(out["document_id"]) or []
        out["lines"] = [{"line": n, "text": lines[n - 1]}
                        for n in range(max(1, out["start_line"]), min(len(lines), out["end_line"]) + 1)]
        out["indicators"] = [_indicator(r) for r in kids("indicators")]
        out["pairs"] = [_json_cols(r, target_indicator="target_json", actual_indicator="actual_json")
                        for r in kids("pairs")]
        out["plan_items"] = [_json_cols(r, targets="targets_json") for r in kids("plan_items")]
        out["findings"] = kids("findings")
        return out

    def parsed_report(self, report_id: int):
        """(Report, Document) model objects of a stored report, for stages that need them (track).

        Re-read from the source file when it is still there unchanged (it keeps DOCX layout
        hints), else re-parsed from the text stored in the library; org, level, domain and year
        are the stored ones (a person's corrections included).
        """
        from dataclasses import replace

        row = self.backend.report_row(int(report_id))
        if row is None:
            return None
        doc = self._source(row["document_id"])
        for r in self.parser(doc).reports:
            if r.start_line == row["start_line"]:
                return replace(r, org=row["org"], level=row["level"], domain=row["domain"], year=row["year"]), doc
        return None

    def track(self, old_id: int, new_id: int):
        """Follow the targets of report ``old_id`` into report ``new_id``: a ``track.TrackResult``
        (``contract.track_json`` makes the CONTRACT track JSON of it); None if either is missing."""
        from dataclasses import replace

        from ..track import track

        old, new = self.parsed_report(old_id), self.parsed_report(new_id)
        if old is None or new is None:
            return None
        res = track(old[0], new[0])
        return replace(res, old=replace(res.old, path=old[1].path, report_id=int(old_id)),
                       new=replace(res.new, path=new[1].path, report_id=int(new_id)))

    def track_pairs(self, limit: int | None = None) -> list[dict]:
        """Pairs of reports to track: the same body in consecutive years, newest first (among
        the first ``limit`` reports)."""
        from ..pairing import report_pairs

        return report_pairs(self.all_reports(limit))

    def all_reports(self, limit: int | None = None) -> list[dict]:
        """Every report's metadata (as :meth:`reports` items; at most ``limit``), in one list."""
        items: list[dict] = []
        while limit is None or len(items) < limit:
            page = self.reports(limit=500, offset=len(items))["items"]
            if not page:
                break
            items.extend(page)
        return items[:limit]

    def search(self, query: str, *, org=None, level=None, domain=None, year=None, role=None,
                   limit: int = 20, offset: int = 0) -> dict:
        """Paragraphs holding every term of ``query`` (search.py).  Recent results are kept
        (``SEARCH_CACHE`` of them) until the library changes: a server answers a word many
        people search for from memory.  The result is the caller's to change."""
        args = dict(org=org, level=level, domain=domain, year=year, role=role, limit=limit, offset=offset)
        if not self._cache_size:
            return self.backend.search(query, **args)
        key = (query, *args.values())
        version = self.backend.version()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == version:
                self._cache.move_to_end(key)
                return _copy_result(hit[1])
        res = self.backend.search(query, **args)
        with self._lock:
            self._cache[key] = (version, res)
            self._cache.move_to_end(key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return _copy_result(res)

    # -- figures ------------------------------------------------------------------------------
    def measures(self, prefix: str = "", limit: int = 50) -> list[dict]:
        return self.backend.measures(prefix or "", limit)

    def measure_spread(self, *, limit: int = 10, min_orgs: int = 2) -> list[dict]:
        """Measures reported by the most bodies: ``[{"measure", "orgs", "count"}]``."""
        return self.backend.measure_spread(limit=limit, min_orgs=min_orgs)

    def compare(self, measure: str, *, org=None, year=None, level=None) -> dict:
        """One measure (and its listed synonyms) across bodies and the years its figures are
        about (comparison.py): a body x year table of actual and target, totals and to-date
        figures apart, a bar for one year, a line chart for a few bodies, and every figure in
        ``rows``.  ``year`` is a year the figures are about (never the report's year): only it
        is shown, and figures of a range only when the range holds it."""
        names = synonyms(measure)
        rows = self.backend.compare_rows(names, org=org, level=level)
        if year is not None:
            rows = [r for r in rows if _about(r, int(year))]
        from . import comparison  # here, not at the top: it loads the figure reader, which reading commands never need

        return {"measure": measure, "synonyms": names, **comparison.compare(rows, year=year)}

    # -- export -------------------------------------------------------------------------------
    def export(self, fmt: str, out) -> dict:
        """The library to ``out`` as xlsx, csv, json, parquet (its tables) or docx (a 汇编)."""
        from ..export import export

        with self._lock, self.backend.snapshot():  # one consistent state across the tables
            return export(self, fmt, os.fspath(out))

    def table(self, name: str) -> tuple[list[str], list[tuple]]:
        """Columns and rows of one export table (every row names its source file and line)."""
        return self.backend.table(name)

    def extra_table(self, name: str) -> tuple[list[str], list[tuple]]:
        """The stored columns export table ``name`` does not show, by id (``tables.EXTRA``):
        with the export tables, enough to rebuild the library (``ingest_parquet``)."""
        return self.backend.table(name, extra=True)

    def sources_table(self) -> tuple[list[tuple[str, str]], list[tuple]]:
        """(column, value type) and rows of every document's sources (files holding its text),
        each naming its document by sha256 and path: what ``ingest_parquet`` records again."""
        from .copy_sql import SOURCE_COLUMNS

        return list(SOURCE_COLUMNS), self.backend.all_sources()

    @staticmethod
    def table_types(name: str, *, extra: bool = False) -> list[tuple[str, str]]:
        """(column, value type) of export table ``name``, or with ``extra`` of its hidden
        columns: the one schema every Parquet writer uses."""
        from .tables import column_types, extra_types

        return extra_types(name) if extra else column_types(name)

    def tables(self) -> dict[str, tuple[list[str], list[tuple]]]:
        """Every export table: {name: (columns, rows)}."""
        with self._lock:
            return {name: self.table(name) for name in TABLES}

    def close(self) -> None:
        with self._lock:
            self.backend.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _about(row: dict, year: int) -> bool:
    """A figure is about ``year``: its period is that year, or a range that holds it; a figure
    without a period, when its report's year is that year."""
    start = row.get("period")
    if start is None:
        return row.get("year") == year
    return start <= year <= (row.get("period_end") or start)


def synonyms(measure: str) -> list[str]:
    """The measure and its listed synonyms (data/measures.yaml); only listed ones, nothing guessed."""
    from ..extract.measures import synonyms as listed

    return listed(measure)
