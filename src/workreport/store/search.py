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
"""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

SNIPPET_CHARS = 80
_SPACE = re.compile(r"\s+")


def _hex(c: str) -> str:
    return "%06x" % ord(c)


def bigram_tokens(text: str) -> str:
    h = [_hex(c) for c in text]
    return " ".join(a + b for a, b in zip(h, h[1:]))


def unigram_tokens(text: str) -> str:
    return " ".join(_hex(c) for c in text)


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


def _filters(unit, level, domain, year, role) -> tuple[str, list[Any]]:
    where, args = [], []
    if unit:
        where.append("instr(r.unit, ?) > 0")  # a part of the unit name is enough (江岸区 in 武汉市江岸区…)
        args.append(unit)
    for col, val in (("r.level", level), ("r.domain", domain), ("p.role", role)):
        if val:
            where.append(f"{col} = ?")
            args.append(val)
    if year not in (None, ""):
        where.append("r.year = ?")
        args.append(int(year))
    return "".join(f" AND {w}" for w in where), args


# Above these many matches, bm25 ranks the newest RANK_WINDOW matches (highest paragraph ids)
# and facets count those too: ranking every paragraph that holds a very common word costs
# seconds at a million paragraphs and tells the reader nothing.  ``total`` stays exact.
RANK_WINDOW = 20_000


def _plan(terms: list[str]) -> tuple[str, str, list[Any]]:
    """(driving FTS table, WHERE fragment, args) for the terms: multi-character terms drive from
    ``para_bi``; 1-character terms not already inside a longer term filter through ``para_uni``."""
    multi = [t for t in terms if len(t) > 1]
    single = [t for t in terms if len(t) == 1 and not any(t in m for m in multi)]
    if multi:
        where, args = "para_bi MATCH ?", [fts_expression(multi)]
        if single:
            where += " AND para_bi.rowid IN (SELECT rowid FROM para_uni WHERE para_uni MATCH ?)"
            args.append(uni_expression(single))
        return "para_bi", where, args
    return "para_uni", "para_uni MATCH ?", [uni_expression(single)]


def search(conn, query: str, *, unit=None, level=None, domain=None, year=None, role=None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    terms = parse_query(query)
    result: dict[str, Any] = {"query": query, "total": 0, "hits": [],
                              "facets": {"level": {}, "year": {}, "domain": {}}}
    if not terms:
        return result
    limit, offset = max(0, int(limit)), max(0, int(offset))
    table, match, margs = _plan(terms)
    extra, fargs = _filters(unit, level, domain, year, role)
    joined = (f" FROM {table} JOIN paragraphs p ON p.id = {table}.rowid JOIN reports r ON r.id = p.report_id"
              f" WHERE {match}{extra}")
    window = ""
    wargs: list[Any] = []
    if not extra:
        total = conn.execute(f"SELECT count(*) FROM {table} WHERE {match}", margs).fetchone()[0]
        if total > RANK_WINDOW:
            cut = conn.execute(f"SELECT rowid FROM {table} WHERE {match} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                               [*margs, RANK_WINDOW - 1]).fetchone()
            window, wargs = f" AND {table}.rowid >= ?", [cut[0]]
            result["ranked"] = f"newest {RANK_WINDOW}"
            result["facets_partial"] = True
    grouped = conn.execute(
        f"SELECT r.level, r.year, r.domain, count(*){joined}{window} GROUP BY 1, 2, 3", [*margs, *fargs, *wargs]
    ).fetchall()
    counts: dict[str, Counter] = {"level": Counter(), "year": Counter(), "domain": Counter()}
    for lv, yr, dm, n in grouped:
        counts["level"][lv] += n
        counts["year"][str(yr) if yr is not None else None] += n
        counts["domain"][dm] += n
    result["facets"] = {k: {v: n for v, n in c.most_common() if v is not None} for k, c in counts.items()}
    result["total"] = total if not extra else sum(n for *_, n in grouped)
    if not limit or offset >= result["total"]:
        return result
    page = conn.execute(
        f"SELECT p.id, bm25({table}) AS score{joined}{window} ORDER BY score, p.id LIMIT ? OFFSET ?",
        [*margs, *fargs, *wargs, limit, offset],
    ).fetchall()
    if not page:
        return result
    ids = [r[0] for r in page]
    detail = {
        row[0]: row
        for row in conn.execute(
            "SELECT p.id, p.text, p.line_start, p.line_end, p.section_path, p.role,"
            " r.id, r.unit, r.year, r.start_line, d.path, r.level, r.domain"
            " FROM paragraphs p JOIN reports r ON r.id = p.report_id JOIN documents d ON d.id = r.document_id"
            f" WHERE p.id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    for pid, score in page:
        (_, text, ls, le, spath, role_, rid, unit_, year_, rstart, dpath, level_, domain_) = detail[pid]
        if not all(t in text for t in terms):  # cannot happen (phrases are exact); never show a false hit
            continue
        snip, spans = snippet(text, terms)
        result["hits"].append({
            "document": dpath,
            "unit": unit_,
            "year": year_,
            "report_start_line": rstart,
            "section": json.loads(spath),
            "line_start": ls,
            "line_end": le,
            "text": text,
            "snippet": snip,
            "report_id": rid,
            "paragraph_id": pid,
            "level": level_,
            "domain": domain_,
            "role": role_,
            "score": score,
            "highlights": spans,
        })
    return result
