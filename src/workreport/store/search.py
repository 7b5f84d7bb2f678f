"""Exact substring search over paragraphs, for queries of any length >= 1 character.

Chinese has no spaces, so words are not tokens.  Each paragraph is indexed in two FTS5 tables as
token streams that we make ourselves:

* ``para_bi``:  every overlapping character bigram, at position = its character offset;
* ``para_uni``: every character (no positions: a 1-character query needs none).

Tokens are the hex code points (``%06x`` per character), so the ``unicode61`` tokenizer sees
plain ASCII words and never drops or splits a character (punctuation, emoji, spaces included).
A query term of n >= 2 characters becomes the FTS *phrase* of its n-1 bigrams, which matches
exactly where the term occurs (consecutive positions); a 1-character term is one ``uni`` token.
So ``total`` comes from the index alone (tests/test_search.py checks it against a substring scan
for hundreds of queries) and the hits shown are verified by substring once more.  The index
does the work: no scan of the paragraphs for any query length.

Filters (year, level, domain, role, report) are tokens of a second FTS column ``meta`` (see
``meta_tokens``), so a filtered search is an intersection of doclists, not a join over every
match.  Measured on 1M synthetic paragraphs of corpus text (210 characters on average): p95
about 20 ms for 2-character words, 40 ms for 3–6 characters, 50 ms for single characters.
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from typing import Any

SNIPPET_CHARS = 80
_SPACE = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _HexCodes(dict):
    """character -> its 6 hex digits, made once per distinct character (a few thousand): the
    token streams are built from lookups, half the time of formatting every character."""

    def __missing__(self, c: str) -> str:
        code = self[c] = "%06x" % ord(c)
        return code


_HEX = _HexCodes()
_hex = _HEX.__getitem__


def bigram_tokens(text: str) -> str:
    h = list(map(_hex, text))
    return " ".join(map(str.__add__, h, h[1:]))


def unigram_tokens(text: str) -> str:
    return " ".join(map(_hex, text))


def parse_query(query: str) -> list[str]:
    """Terms of a user query: whitespace-separated words, ASCII "double-quoted" phrases kept whole.

    Nothing here is syntax for FTS: AND, OR, NEAR, *, ( ) are searched as the characters they are.
    An unbalanced quote runs to the end of the query.
    """
    terms: list[str] = []
    parts = (query or "").split('"')
    for i, part in enumerate(parts):
        if i % 2 == 1:  # inside quotes: one phrase (inner spaces kept, ends trimmed)
            if part.strip():
                terms.append(part.strip())
        else:
            terms.extend(w for w in _SPACE.split(part) if w)
    seen: set[str] = set()
    out = []
    for t in terms:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def fts_expression(terms: list[str]) -> str:
    """The MATCH expression for ``para_bi``: AND of exact phrases (tokens are hex: always valid)."""
    return " AND ".join(f'"{bigram_tokens(t)}"' for t in terms if len(t) > 1)


def uni_expression(terms: list[str]) -> str:
    return " AND ".join(f'"{_hex(t)}"' for t in terms if len(t) == 1)


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> tuple[str, list[list[int]]]:
    """A window of ``text`` centred on the first match, and [start, end) offsets of all matches in it."""
    first = min((text.find(t) for t in terms if t in text), default=0)
    anchor = max((t for t in terms if text.find(t) == first), key=len, default="")
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        start = max(0, first + len(anchor) // 2 - width // 2)
        end = min(len(text), start + width)
        start = max(0, end - width)
    body = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    out = prefix + body + suffix
    spans: list[list[int]] = []
    for t in terms:
        i = body.find(t)
        while i >= 0:
            spans.append([i + len(prefix), i + len(prefix) + len(t)])
            i = body.find(t, i + 1)
    return out, _merge(spans)


def _merge(spans: list[list[int]]) -> list[list[int]]:
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


@functools.lru_cache(maxsize=4096)  # filter values (levels, domains, roles) repeat in every paragraph
def _hexs(s: str) -> str:
    return "".join(_hex(c) for c in s)


def meta_tokens(report_id: int, year, level, domain, role) -> str:
    """Filter values of a paragraph as tokens of the FTS column ``meta``.

    Prefixes u, y, l, m, r are not hex digits, so these tokens never equal a character token
    (6 hex digits) or a bigram token (12); values are hex-coded like the text.
    """
    toks = [f"u{int(report_id)}"]
    if year is not None:
        toks.append(f"y{int(year)}")
    for prefix, value in (("l", level), ("m", domain), ("r", role)):
        if value:
            toks.append(prefix + _hexs(str(value)))
    return " ".join(toks)


def paragraph_tokens(rows):
    """``rows`` (a ``rows.DocumentRows``) with each paragraph's bigram and unigram streams made:
    the costly part of indexing, done in the parser worker so the writer only inserts."""
    from dataclasses import replace

    from .rows import COLUMNS

    at = COLUMNS["paragraphs"].index("text")
    texts = [p[at] for p in rows.tables["paragraphs"]]
    return replace(rows, search=tuple((bigram_tokens(t), unigram_tokens(t)) for t in texts))


def index_paragraphs(cur, rows) -> None:
    """Add the paragraphs of one stored document (``rows.DocumentRows``) to both FTS tables."""
    reports = {r["id"]: r for r in rows.dicts("reports")}
    paragraphs = rows.dicts("paragraphs")
    streams = rows.search if len(rows.search) == len(paragraphs) else paragraph_tokens(rows).search
    bi, uni = [], []
    for p, (b, u) in zip(paragraphs, streams):
        r = reports[p["report_id"]]
        meta = meta_tokens(r["id"], r["year"], r["level"], r["domain"], p["role"])
        bi.append((p["id"], b, meta))
        uni.append((p["id"], u, meta))
    cur.executemany("INSERT INTO para_bi(rowid, bi, meta) VALUES (?,?,?)", bi)
    cur.executemany("INSERT INTO para_uni(rowid, uni, meta) VALUES (?,?,?)", uni)


_PARAS = ("SELECT p.id, p.text, p.role, r.id AS report_id, r.year, r.level, r.domain FROM paragraphs p"
          " JOIN reports r ON r.id = p.report_id WHERE ")


def unindex_document(cur, document_id: int) -> None:
    """Remove a document's paragraphs from both FTS tables (before its rows are deleted).

    Contentless FTS: a row is deleted by giving back exactly the tokens it was indexed with."""
    _unindex(cur, cur.execute(_PARAS + "r.document_id = ?", (document_id,)).fetchall())


def unindex_report(cur, report_id: int) -> None:
    """Remove one report's paragraphs from both FTS tables (before it changes or is deleted)."""
    _unindex(cur, cur.execute(_PARAS + "r.id = ?", (report_id,)).fetchall())


def index_report(cur, report_id: int) -> None:
    """Add one stored report's paragraphs to both FTS tables, with its current filter tokens."""
    rows = cur.execute(_PARAS + "r.id = ?", (report_id,)).fetchall()
    items = [(r["id"], r["text"], meta_tokens(r["report_id"], r["year"], r["level"], r["domain"], r["role"]))
             for r in rows]
    cur.executemany("INSERT INTO para_bi(rowid, bi, meta) VALUES (?,?,?)",
                    [(i, bigram_tokens(t), m) for i, t, m in items])
    cur.executemany("INSERT INTO para_uni(rowid, uni, meta) VALUES (?,?,?)",
                    [(i, unigram_tokens(t), m) for i, t, m in items])


def _unindex(cur, rows) -> None:
    for row in rows:
        meta = meta_tokens(row["report_id"], row["year"], row["level"], row["domain"], row["role"])
        cur.execute("INSERT INTO para_bi(para_bi, rowid, bi, meta) VALUES ('delete', ?, ?, ?)",
                    (row["id"], bigram_tokens(row["text"]), meta))
        cur.execute("INSERT INTO para_uni(para_uni, rowid, uni, meta) VALUES ('delete', ?, ?, ?)",
                    (row["id"], unigram_tokens(row["text"]), meta))


# Above these many matches, bm25 ranks the newest RANK_WINDOW matches (highest paragraph ids)
# and facets count those too: ranking every paragraph that holds a very common word costs
# far more than the 50 ms budget at a million paragraphs and tells the reader little.
# ``total`` stays exact.
RANK_WINDOW = 5_000
# An org filter matching more reports than this is applied by a join instead of FTS tokens.
MAX_ORG_REPORTS = 500


class _NoMatch(Exception):
    pass


def _filter_clause(conn, org, level, domain, year, role) -> tuple[str, str, list[Any]]:
    """(FTS expression for the filters, extra SQL condition, its args)."""
    parts: list[str] = []
    if year not in (None, ""):
        try:
            parts.append(f'"y{int(year)}"')
        except (TypeError, ValueError):
            raise _NoMatch from None
    for prefix, value in (("l", level), ("m", domain), ("r", role)):
        if value:
            parts.append(f'"{prefix}{_hexs(str(value))}"')
    extra, args = "", []
    if org:
        if _SURROGATE.search(str(org)):  # cannot occur in stored text (and SQLite refuses it)
            raise _NoMatch
        ids = [r["id"] for r in conn.execute("SELECT id FROM reports WHERE instr(org, ?) > 0 LIMIT ?",
                                          (str(org), MAX_ORG_REPORTS + 1))]
        if not ids:
            raise _NoMatch
        if len(ids) <= MAX_ORG_REPORTS:
            parts.append("(" + " OR ".join(f'"u{i}"' for i in ids) + ")")
        else:
            extra = (" AND {t}.rowid IN (SELECT p.id FROM paragraphs p JOIN reports r ON r.id = p.report_id"
                     " WHERE instr(r.org, ?) > 0)")
            args = [str(org)]
    return " AND ".join(parts), extra, args


def _plan(terms: list[str]) -> tuple[str, str, str, list[Any]]:
    """(driving FTS table, its MATCH expression, extra SQL condition, args) for the terms.

    Multi-character terms drive from ``para_bi``; 1-character terms not already inside a longer
    term are intersected through ``para_uni``.
    """
    multi = [t for t in terms if len(t) > 1]
    single = [t for t in terms if len(t) == 1 and not any(t in m for m in multi)]
    if multi:
        if single:
            return ("para_bi", fts_expression(multi),
                    " AND para_bi.rowid IN (SELECT rowid FROM para_uni WHERE para_uni MATCH ?)",
                    [uni_expression(single)])
        return "para_bi", fts_expression(multi), "", []
    return "para_uni", uni_expression(single), "", []


DETAIL_SQL = ("SELECT p.id, p.text, p.line_start, p.line_end, p.section_path, p.role,"
              " r.id AS report_id, r.org, r.year, r.start_line, d.name AS document, r.level, r.domain"
              " FROM paragraphs p JOIN reports r ON r.id = p.report_id JOIN documents d ON d.id = r.document_id")


def empty_result(query: str) -> dict[str, Any]:
    return {"query": query, "total": 0, "hits": [], "facets": {"level": {}, "year": {}, "domain": {}}}


def facet_counts(grouped) -> dict[str, dict]:
    """Facets from (level, year, domain, n) per report, most frequent first."""
    counts: dict[str, Counter] = {"level": Counter(), "year": Counter(), "domain": Counter()}
    for g in grouped:
        counts["level"][g["level"]] += g["n"]
        counts["year"][str(g["year"]) if g["year"] is not None else None] += g["n"]
        counts["domain"][g["domain"]] += g["n"]
    # years newest first (a list to pick a year from), the rest most common first
    return {k: {v: n for v, n in (sorted(c.items(), key=lambda x: -int(x[0] or 0)) if k == "year"
                                  else c.most_common()) if v is not None}
            for k, c in counts.items()}


def hit_json(row, terms: list[str], score: float) -> dict[str, Any] | None:
    """One hit of the search JSON (CONTRACT.md) from a ``DETAIL_SQL`` row."""
    text = row["text"]
    if not all(t in text for t in terms):  # cannot happen (the index is exact); never show a false hit
        return None
    snip, spans = snippet(text, terms)
    return {
        "document": row["document"],
        "org": row["org"],
        "unit": row["org"],  # CONTRACT.md v1 name of org
        "year": row["year"],
        "report_start_line": row["start_line"],
        "section": json.loads(row["section_path"]),
        "line_start": row["line_start"],
        "line_end": row["line_end"],
        "text": text,
        "snippet": snip,
        "report_id": row["report_id"],
        "paragraph_id": row["id"],
        "level": row["level"],
        "domain": row["domain"],
        "role": row["role"],
        "score": score,
        "highlights": spans,
    }


def search(conn, query: str, *, org=None, level=None, domain=None, year=None, role=None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    terms = parse_query(query)
    result = empty_result(query)
    if not terms:
        return result
    try:
        fexpr, fextra, fargs = _filter_clause(conn, org, level, domain, year, role)
    except _NoMatch:
        return result
    limit, offset = max(0, int(limit)), max(0, int(offset))
    table, expr, extra, args = _plan(terms)
    if fexpr:
        expr = f"({expr}) AND {fexpr}"
    where = f"{table} MATCH ?{extra}{fextra.format(t=table)}"
    wargs = [expr, *args, *fargs]
    total = conn.execute(f"SELECT count(*) AS n FROM {table} WHERE {where}", wargs).fetchone()["n"]
    result["total"] = total
    if not total:
        return result
    if total > RANK_WINDOW:
        cut = conn.execute(f"SELECT rowid FROM {table} WHERE {where} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                           [*wargs, RANK_WINDOW - 1]).fetchone()["rowid"]
        where += f" AND {table}.rowid >= ?"
        wargs.append(cut)
        result["ranked"] = f"newest {RANK_WINDOW}"
        result["facets_partial"] = True
    grouped = conn.execute(
        "SELECT r.level, r.year, r.domain, x.n FROM (SELECT p.report_id AS rid, count(*) AS n"
        f" FROM {table} JOIN paragraphs p INDEXED BY paragraphs_report_cover ON p.id = {table}.rowid"
        f" WHERE {where} GROUP BY 1) x JOIN reports r ON r.id = x.rid",
        wargs,
    ).fetchall()
    result["facets"] = facet_counts(grouped)
    if not limit or offset >= total:
        return result
    # meta (filter tokens) weighs nothing in the ranking
    page = conn.execute(
        f"SELECT rowid, bm25({table}, 1.0, 0.0) AS score FROM {table} WHERE {where}"
        " ORDER BY score, rowid LIMIT ? OFFSET ?",
        [*wargs, limit, offset],
    ).fetchall()
    if not page:
        return result
    ids = [r["rowid"] for r in page]
    detail = {row["id"]: row for row in conn.execute(f"{DETAIL_SQL} WHERE p.id IN ({','.join('?' * len(ids))})", ids)}
    for hit in page:
        h = hit_json(detail[hit["rowid"]], terms, hit["score"])
        if h is not None:
            result["hits"].append(h)
    return result
