"""Exact substring search over paragraphs, for queries of any length >= 1 character.

Chinese has no spaces, so words are not tokens.  Each paragraph is indexed in an FTS5 table as
two token streams that we make ourselves:

* ``bi``:  every overlapping character bigram, at position = its character offset;
* ``uni``: every character.

Tokens are the hex code points (``%06x`` per character), so the ``unicode61`` tokenizer sees
plain ASCII words and never drops or splits a character (punctuation, emoji, spaces included).
A query term of n >= 2 characters becomes the FTS *phrase* of its n-1 bigrams, which matches
exactly where the term occurs (consecutive positions); a 1-character term is one ``uni`` token.
Candidates are still verified with ``instr()`` so the result equals a substring scan by
construction.  The index does the work: no full scan for any query length.
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
    """The FTS5 MATCH expression for terms (AND of exact phrases); tokens are hex, so always valid."""
    parts = []
    for t in terms:
        if len(t) == 1:
            parts.append(f'uni : "{_hex(t)}"')
        else:
            parts.append(f'bi : "{bigram_tokens(t)}"')
    return " AND ".join(parts)


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


def search(conn, query: str, *, unit=None, level=None, domain=None, year=None, role=None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    terms = parse_query(query)
    result: dict[str, Any] = {"query": query, "total": 0, "hits": [],
                              "facets": {"level": {}, "year": {}, "domain": {}}}
    if not terms:
        return result
    extra, args = _filters(unit, level, domain, year, role)
    verify = "".join(" AND instr(p.text, ?) > 0" for _ in terms)
    sql = (
        "SELECT p.id, bm25(para_fts, 1.0, 1.0) AS score, r.level, r.year, r.domain"
        " FROM para_fts JOIN paragraphs p ON p.id = para_fts.rowid JOIN reports r ON r.id = p.report_id"
        f" WHERE para_fts MATCH ?{verify}{extra} ORDER BY score, p.id"
    )
    rows = conn.execute(sql, [fts_expression(terms), *terms, *args]).fetchall()
    result["total"] = len(rows)
    for name, idx in (("level", 2), ("year", 3), ("domain", 4)):
        c = Counter(str(r[idx]) if idx == 3 and r[idx] is not None else r[idx] for r in rows)
        result["facets"][name] = {k: v for k, v in c.most_common() if k is not None}
    limit = max(0, int(limit))
    page = rows[max(0, int(offset)): max(0, int(offset)) + limit]
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
    for pid, score, *_ in page:
        (_, text, ls, le, spath, role_, rid, unit_, year_, rstart, dpath, level_, domain_) = detail[pid]
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
