"""Exact substring search on PostgreSQL: the same answers as the SQLite store (search.py), for
queries of any length.

No Chinese word segmenter is needed (nor available here: no zhparser, no pg_jieba):

* a term of 3+ characters is ``text LIKE '%term%'`` through a pg_trgm GIN index.  pg_trgm reads
  Chinese only when the database's LC_CTYPE is UTF-8 (C.UTF-8); under plain C it extracts no
  trigrams and every such search scans the table (still exact).
* a term of 1 or 2 characters cannot use trigrams (a cached plan that tries is ~5x slower):
  ``para_grams`` holds every character and every character bigram of a paragraph as lexemes of
  a tsvector under GIN, and the term is one lexeme, so the match is exact and indexed.

LIKE rechecks every row the trigram index offers, and a 1–2 character term is a whole lexeme, so
the set of matches is exactly the substring matches; tests/test_search.py holds both stores to
a substring scan.  Ranking reproduces SQLite FTS5's bm25 over the same token streams (overlapping
bigrams plus the filter tokens, whose weight is 0; bm25 of single characters is 0, as FTS5's
detail=none gives), with the index totals kept in ``search_totals``, so hits come in the same
order with the same scores; the RANK_WINDOW of the newest matches is the same too.
"""
from __future__ import annotations

import math
import re
from typing import Any

from .rows import COLUMNS, DocumentRows
from . import search as _sqlite_search  # RANK_WINDOW is read at call time (tests lower it)
from .search import DETAIL_SQL, _hex, empty_result, facet_counts, hit_json, meta_tokens, parse_query

# one tsvector holds at most 1 MB: a paragraph with more distinct grams takes several rows
GRAMS_PER_ROW = 40_000
K1, B = 1.2, 0.75  # FTS5's bm25 constants


def grams(text: str) -> list[str]:
    """Lexemes of a paragraph: each distinct character and character bigram, hex-coded."""
    h = [_hex(c) for c in text]
    return sorted(set(h) | {a + b for a, b in zip(h, h[1:])})


def _meta_count(year, level, domain, role) -> int:
    """Tokens the SQLite index adds per paragraph for its filters (part of bm25's lengths)."""
    return len(meta_tokens(0, year, level, domain, role).split())


def _sizes(text: str, meta: int) -> tuple[int, int]:
    """(tokens in the bigram index, tokens in the character index) of one paragraph."""
    return max(len(text) - 1, 0) + meta, len(text) + meta


def _tsvectors(text: str) -> tuple[str, ...]:
    """A paragraph's grams in tsvector text form, one string per index row (hex lexemes need no
    quoting beyond the outer quotes)."""
    g = grams(text)
    return tuple(" ".join(f"'{x}'" for x in g[i:i + GRAMS_PER_ROW]) for i in range(0, max(len(g), 1), GRAMS_PER_ROW))


def paragraph_grams(rows: DocumentRows) -> DocumentRows:
    """``rows`` with each paragraph's index rows made (``rows.search``, aligned with the
    paragraphs): the costly part of indexing, done in the parser worker so the writer only copies."""
    from dataclasses import replace

    at = COLUMNS["paragraphs"].index("text")
    return replace(rows, search=tuple(_tsvectors(p[at]) for p in rows.tables["paragraphs"]))


def index_paragraphs(cur, rows: DocumentRows) -> None:
    reports = {r["id"]: r for r in rows.dicts("reports")}
    paras = rows.dicts("paragraphs")
    # made by the worker (pg_rows) unless the rows came another way (Parquet, a correction)
    vectors = rows.search if len(rows.search) == len(paras) else paragraph_grams(rows).search
    bi, uni = 0, 0
    with cur.copy("COPY para_grams (paragraph_id, chunk, grams) FROM STDIN") as copy:
        for p, chunks in zip(paras, vectors):
            for chunk, vec in enumerate(chunks):
                copy.write_row((p["id"], chunk, vec))
            r = reports[p["report_id"]]
            a, b = _sizes(p["text"], _meta_count(r["year"], r["level"], r["domain"], p["role"]))
            bi, uni = bi + a, uni + b
    cur.execute("UPDATE search_totals SET n_rows = n_rows + %s, bi_tokens = bi_tokens + %s,"
                " uni_tokens = uni_tokens + %s", (len(paras), bi, uni))


_PARAS = ("SELECT p.text, p.role, r.year, r.level, r.domain FROM paragraphs p JOIN reports r"
          " ON r.id = p.report_id WHERE ")


def _totals(cur, where: str, arg: int, sign: int) -> None:
    cur.execute(_PARAS + where, (arg,))
    n, bi, uni = 0, 0, 0
    for text, role, year, level, domain in cur.fetchall():
        a, b = _sizes(text, _meta_count(year, level, domain, role))
        n, bi, uni = n + 1, bi + a, uni + b
    cur.execute("UPDATE search_totals SET n_rows = n_rows + %s, bi_tokens = bi_tokens + %s,"
                " uni_tokens = uni_tokens + %s", (sign * n, sign * bi, sign * uni))


def unindex_document(cur, document_id: int) -> None:
    """Take a document's paragraphs out of the totals (their grams go with them by cascade)."""
    _totals(cur, "r.document_id = %s", document_id, -1)


def unindex_report(cur, report_id: int) -> None:
    """One report's paragraphs out of the totals (before its filters change, or it goes)."""
    _totals(cur, "r.id = %s", report_id, -1)


def index_report(cur, report_id: int) -> None:
    """One report's paragraphs back into the totals with its current filters.  The grams stay:
    they hold only the text; the filters are columns the query joins."""
    _totals(cur, "r.id = %s", report_id, +1)


def _like(term: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"


def _term(term: str) -> tuple[str, Any]:
    if len(term) >= 3:
        return "p.text LIKE %s ESCAPE '\\'", _like(term)
    return ("p.id IN (SELECT g.paragraph_id FROM para_grams g WHERE g.grams @@ %s::tsquery)",
            "'" + "".join(_hex(c) for c in term) + "'")


# text the store never holds (NUL, lone surrogates) matches nothing, and psycopg cannot send it
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class _NoMatch(Exception):
    pass


def _where(terms, org, level, domain, year, role) -> tuple[list[str], list[Any]]:
    conds, args = [], []
    for t in terms:
        c, a = _term(t)
        conds.append(c)
        args.append(a)
    if year not in (None, ""):
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise _NoMatch from None
        conds.append("r.year = %s")
        args.append(year)
    for col, value in (("r.level", level), ("r.domain", domain), ("p.role", role)):
        if value:
            conds.append(f"{col} = %s")
            args.append(str(value))
    if org:
        conds.append("strpos(r.org, %s) > 0")
        args.append(str(org))
    return conds, args


_FROM = " FROM paragraphs p JOIN reports r ON r.id = p.report_id WHERE "


def search(store, query: str, *, org=None, level=None, domain=None, year=None, role=None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    terms = parse_query(query)
    result = empty_result(query)
    if not terms or any(_UNSTORABLE.search(str(v)) for v in (*terms, org, level, domain, role) if v):
        return result
    multi = [t for t in terms if len(t) > 1]
    single = [t for t in terms if len(t) == 1 and not any(t in m for m in multi)]
    try:
        conds, args = _where(multi + single, org, level, domain, year, role)
    except _NoMatch:
        return result
    limit, offset = max(0, int(limit)), max(0, int(offset))
    q = store.execute  # (%s placeholders pass through its ? translation)
    where = " AND ".join(conds)
    total = q("SELECT count(*) AS n" + _FROM + where, args)[0]["n"]
    result["total"] = total
    if not total:
        return result
    window = _sqlite_search.RANK_WINDOW
    if total > window:
        cut = q("SELECT p.id" + _FROM + where + " ORDER BY p.id DESC LIMIT 1 OFFSET %s", [*args, window - 1])[0]["id"]
        where += " AND p.id >= %s"
        args = [*args, cut]
        result["ranked"] = f"newest {window}"
        result["facets_partial"] = True
    grouped = q("SELECT r.level, r.year, r.domain, count(*) AS n" + _FROM + where
                + " GROUP BY r.id, r.level, r.year, r.domain ORDER BY r.id", args)
    result["facets"] = facet_counts(grouped)
    if not limit or offset >= total:
        return result
    rows = q("SELECT p.id, p.text, p.role, r.year, r.level, r.domain" + _FROM + where, args)
    scores = _bm25(store, multi, rows, filtered=len(conds) > len(multi), total=total)
    page = sorted(rows, key=lambda r: (scores[r["id"]], r["id"]))[offset:offset + limit]
    if not page:
        return result
    ids = [r["id"] for r in page]
    detail = {row["id"]: row for row in q(DETAIL_SQL + " WHERE p.id = ANY(%s)", [ids])}
    for r in page:
        h = hit_json(detail[r["id"]], terms, scores[r["id"]])
        if h is not None:
            result["hits"].append(h)
    return result


def _bm25(store, multi: list[str], rows: list[dict], *, filtered: bool, total: int) -> dict[int, float]:
    """FTS5's bm25(para_bi, 1.0, 0.0) of each row, computed as fts5_aux.c does; 1-character
    queries (para_uni, detail=none) score -0.0 there, and here."""
    if not multi:
        return {r["id"]: -0.0 for r in rows}
    tot = store.execute("SELECT n_rows, bi_tokens FROM search_totals")[0]
    n_rows, avgdl = tot["n_rows"], tot["bi_tokens"] / tot["n_rows"]
    idf = []
    for t in multi:
        if len(multi) == 1 and not filtered:
            hits = total  # the count above had no other condition
        else:
            c, a = _term(t)
            hits = store.execute("SELECT count(*) AS n FROM paragraphs p WHERE " + c, [a])[0]["n"]
        x = math.log((n_rows - hits + 0.5) / (hits + 0.5))
        idf.append(x if x > 0.0 else 1e-6)
    out = {}
    for r in rows:
        text = r["text"]
        d = _sizes(text, _meta_count(r["year"], r["level"], r["domain"], r["role"]))[0]
        score = 0.0
        for t, w in zip(multi, idf):
            f = float(_occurrences(text, t))
            score += w * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * d / avgdl)))
        out[r["id"]] = -1.0 * score
    return out


def _occurrences(text: str, term: str) -> int:
    """Overlapping occurrences: FTS5 counts a phrase at every position where it starts."""
    n, i = 0, text.find(term)
    while i >= 0:
        n += 1
        i = text.find(term, i + 1)
    return n

