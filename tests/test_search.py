"""Search must equal a brute-force substring scan, for any query, and never raise."""
from __future__ import annotations

import random
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BACKENDS, SAMPLES, make_parsed, new_location, quick_parse
from workreport.store import Library
from workreport.store.search import bigram_tokens, parse_query, snippet, unigram_tokens

SPECIAL = [
    "表情😀在这里，还有\"引号\"和'单引号'。",
    "AND OR NOT NEAR(隐患 排查) * ^ + - : ; 括号（全角）(半角) 5%与５％",
    "下划线a_b、斜杠a/b、反斜杠a\\b、制表\t符、百分号100%、美元$、井号#",
    "食品安全是底线，食品是民生，隐患整改率达到100%。",
    "x",
]


@pytest.fixture(scope="module", params=BACKENDS)
def lib(request, tmp_path_factory):
    """The samples and some special characters, in a library of each backend."""
    path = new_location(request, request.param, tmp_path_factory.mktemp("search"), "s")
    lib = Library(path, parser=quick_parse)
    lib.ingest([SAMPLES], workers=1)
    lib.store(make_parsed(SPECIAL, path="special.txt", org="特殊字符县", level="county_district", year=2021))
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def paragraphs(lib):
    rows = [tuple(r.values()) for r in lib.backend.execute(
        "SELECT p.id, p.text, r.year, r.org, r.level, p.role FROM paragraphs p JOIN reports r ON r.id = p.report_id")]
    assert len(rows) > 500
    return rows


def brute(paragraphs, terms, pred=lambda row: True) -> set[int]:
    return {pid for pid, text, *rest in paragraphs if all(t in text for t in terms) and pred((pid, text, *rest))}


def found(lib, query, **kw) -> set[int]:
    res = lib.search(query, limit=10**6, **kw)
    ids = {h["paragraph_id"] for h in res["hits"]}
    assert res["total"] == len(res["hits"]) == len(ids)
    return ids


def test_tokens_are_hex_bigrams_and_unigrams():
    assert unigram_tokens("食品") == "0098df 0054c1"
    assert bigram_tokens("食品安") == "0098df0054c1 0054c1005b89"
    assert bigram_tokens("x") == ""


def test_parse_query_words_phrases_and_syntax_as_text():
    assert parse_query("隐患  整改") == ["隐患", "整改"]
    assert parse_query('"食品 安全" 蓝莓') == ["食品 安全", "蓝莓"]
    assert parse_query('a AND (b) OR *') == ["a", "AND", "(b)", "OR", "*"]
    assert parse_query('"unbalanced phrase') == ["unbalanced phrase"]
    assert parse_query("") == [] and parse_query('""') == [] and parse_query("   ") == []
    assert parse_query("食品\u3000安全") == ["食品", "安全"]  # ideographic space separates too


def test_search_equals_substring_scan_for_300_plus_queries(lib, paragraphs):
    rng = random.Random(20250101)
    texts = [t for _, t, *_ in paragraphs]
    queries: set[str] = set()
    while len(queries) < 330:
        t = rng.choice(texts)
        n = rng.randint(1, 6)
        if len(t) < n:
            continue
        i = rng.randrange(len(t) - n + 1)
        q = t[i:i + n]
        if q.split() != [q] or '"' in q:  # whitespace and quotes are query syntax; tested below
            continue
        queries.add(q)
    # plus strings that are probably absent: shuffled characters
    for _ in range(40):
        q = "".join(rng.sample("隐患整改食品蓝莓安全生产总值增长", rng.randint(2, 5)))
        queries.add(q)
    by_len = {n: 0 for n in range(1, 7)}
    for q in sorted(queries):
        expected = brute(paragraphs, [q])
        assert found(lib, q) == expected, q
        by_len[min(len(q), 6)] += 1
    assert all(by_len[n] >= 20 for n in range(1, 7)), by_len


def test_two_character_words_are_found_inside_longer_words(lib, paragraphs):
    # 食品 inside 食品安全: the case a word-segmented index misses
    assert found(lib, "食品") == brute(paragraphs, ["食品"])
    assert found(lib, "食品") >= found(lib, "食品安全") and found(lib, "食品安全")


def test_several_words_are_and_and_phrases_keep_spaces(lib, paragraphs):
    assert found(lib, "隐患 整改") == brute(paragraphs, ["隐患", "整改"])
    assert found(lib, "发展 改革 就业") == brute(paragraphs, ["发展", "改革", "就业"])
    assert found(lib, '"a b"') == brute(paragraphs, ["a b"])
    assert found(lib, '"制表\t符"') == brute(paragraphs, ["制表\t符"]) != set()


HOSTILE = ['"', '""', '"""', "'", "AND", "OR", "NOT", "NEAR", "NEAR(隐患 排查)", "*", "隐患*", "(", ")", "()",
           "^", "+", "-", ":", "bi:", "bi : 0098df", "uni:x", "a_b", "😀", "表情😀", "5%", "５％", "%", "_",
           "\\", "a\\b", "'; DROP TABLE paragraphs; --", "\x00", "{}", "[", "NEAR/2", "OR OR", "AND AND",
           '"隐患 AND"', "COLUMN:隐患", "rank", "para_fts", "\u200b", "𠀀", "\ufeff"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise_and_stay_exact(lib, paragraphs, query):
    terms = parse_query(query)
    expected = brute(paragraphs, terms) if terms else set()
    assert found(lib, query) == expected


def test_special_characters_are_searchable(lib):
    for q in ("😀", "表情😀", "5%", "５％", "(半角)", "*", "NEAR(隐患", "a\\b", "'单引号'"):
        assert lib.search(q)["total"] >= 1, q


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=12))
def test_any_text_query_never_raises(lib, query):
    res = lib.search(query, limit=3)
    assert res["total"] >= len(res["hits"])


def test_filters(lib, paragraphs):
    assert found(lib, "发展", year=2026) == brute(paragraphs, ["发展"], lambda r: r[2] == 2026) != set()
    assert found(lib, "隐患", level="county_district") == brute(
        paragraphs, ["隐患"], lambda r: r[4] == "county_district") != set()
    unit = next(r[3] for r in paragraphs if r[2] == 2025)
    assert found(lib, "的", org=unit) == brute(paragraphs, ["的"], lambda r: r[3] is not None and unit in r[3])
    assert found(lib, "发展", role="plan") == brute(paragraphs, ["发展"], lambda r: r[5] == "plan") != set()
    assert found(lib, "发展", year=1800) == set()


def test_hit_shape_snippet_and_highlights(lib):
    res = lib.search("食品", limit=2)
    assert set(res) >= {"query", "total", "hits", "facets"}
    assert res["total"] >= 1 and len(res["hits"]) <= 2
    for h in res["hits"]:
        for key, typ in (("document", str), ("report_start_line", int), ("section", list), ("line_start", int),
                         ("line_end", int), ("text", str), ("snippet", str), ("report_id", int)):
            assert isinstance(h[key], typ), key
        assert "org" in h and h["unit"] == h["org"] and "year" in h
        assert h["highlights"] and all(h["snippet"][s:e] == "食品" for s, e in h["highlights"])
    assert sum(res["facets"]["level"].values()) == res["total"]


def test_limit_caps_hits_never_total(lib):
    full = lib.search("发展", limit=10**6)
    page = lib.search("发展", limit=5, offset=3)
    assert page["total"] == full["total"] > 8
    assert [h["paragraph_id"] for h in page["hits"]] == [h["paragraph_id"] for h in full["hits"][3:8]]


def test_ranking_puts_denser_paragraphs_first(db_location):
    with Library(db_location) as lib:
        lib.store(make_parsed(["这里提到一次蓝莓以及很多别的内容，" * 5, "蓝莓蓝莓蓝莓，种植蓝莓。"], path="blueberry.txt"))
        hits = lib.search("蓝莓")["hits"]
        assert hits[0]["text"].startswith("蓝莓蓝莓") and len(hits) == 2


def test_snippet_is_centred_on_the_match():
    text = "甲" * 200 + "隐患" + "乙" * 200
    s, spans = snippet(text, ["隐患"], width=40)
    assert s.startswith("…") and s.endswith("…")
    (a, b), = spans
    assert s[a:b] == "隐患" and abs(a - len(s) / 2) < 4
    s2, spans2 = snippet("短文本隐患", ["隐患"])
    assert s2 == "短文本隐患" and spans2 == [[3, 5]]


def test_very_common_terms_rank_a_window_but_count_everything(lib, paragraphs, monkeypatch):
    import workreport.store.search as search_mod

    monkeypatch.setattr(search_mod, "RANK_WINDOW", 50)
    res = lib.search("的", limit=10)
    assert res["total"] == len(brute(paragraphs, ["的"])) > 50
    assert res["ranked"] == "newest 50" and len(res["hits"]) == 10
    assert sum(res["facets"]["level"].values()) == 50
    assert all("的" in h["text"] for h in res["hits"])


def test_single_and_multi_character_terms_combine(lib, paragraphs):
    assert found(lib, "税 改革") == brute(paragraphs, ["税", "改革"]) != set()
    assert found(lib, "改 改革") == brute(paragraphs, ["改革"])


def test_unit_filter_through_a_join_when_it_names_many_reports(lib, paragraphs, monkeypatch):
    import workreport.store.search as search_mod

    unit = next(r[3] for r in paragraphs if r[2] == 2025)
    expected = brute(paragraphs, ["发展"], lambda r: r[3] is not None and unit in r[3])
    assert found(lib, "发展", org=unit) == expected != set()
    monkeypatch.setattr(search_mod, "MAX_ORG_REPORTS", 0)
    assert found(lib, "发展", org=unit) == expected
    assert found(lib, "发展", org="没有这个单位") == set()
    assert found(lib, "发展", year="not a year") == set()
    assert found(lib, "发展", org="\ud800") == set() and found(lib, "\udfff发展") == set()


def test_migration_2_rebuilds_the_index_of_an_older_library(tmp_path):
    from workreport.store.search import bigram_tokens, unigram_tokens

    path = str(tmp_path / "old.db")
    with Library(path, parser=quick_parse) as lib:
        lib.ingest([SAMPLES], workers=1)
        before = {q: found(lib, q) for q in ("发展", "的", "隐患 整改", "5%")}
        before_year = found(lib, "发展", year=2026)
    # turn it back into a version-1 library: FTS tables without the filter column
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE para_bi")
    conn.execute("DROP TABLE para_uni")
    conn.execute("DROP INDEX paragraphs_report_cover")
    conn.execute("CREATE VIRTUAL TABLE para_bi USING fts5(bi, content='', tokenize='unicode61')")
    conn.execute("CREATE VIRTUAL TABLE para_uni USING fts5(uni, content='', tokenize='unicode61', detail=none)")
    for pid, text in conn.execute("SELECT id, text FROM paragraphs").fetchall():
        conn.execute("INSERT INTO para_bi(rowid, bi) VALUES (?, ?)", (pid, bigram_tokens(text)))
        conn.execute("INSERT INTO para_uni(rowid, uni) VALUES (?, ?)", (pid, unigram_tokens(text)))
    conn.execute("DELETE FROM schema_migrations WHERE version = 2")
    conn.commit()
    conn.close()
    with Library(path, parser=quick_parse) as lib:
        assert {q: found(lib, q) for q in before} == before
        assert found(lib, "发展", year=2026) == before_year != set()
    conn = sqlite3.connect(path)
    from workreport.store.migrations import MIGRATIONS

    assert [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")] == [m[0] for m in MIGRATIONS]
    conn.close()


def test_migration_3_renames_the_body_columns_and_keeps_their_values(tmp_path):
    path = str(tmp_path / "v2.db")
    with Library(path, parser=quick_parse) as lib:
        lib.ingest([SAMPLES], workers=1)
        orgs = [r["org"] for r in lib.reports(limit=1000)["items"]]
        some = next(o for o in orgs if o)
        before = found(lib, "发展", org=some)
    # turn it back into a version-2 library: the body still called unit
    conn = sqlite3.connect(path)
    for table, new, old in (("reports", "org", "unit"), ("reports", "org_line", "unit_line"),
                            ("plan_items", "lead_org", "lead_unit"), ("documents", "furniture_lines", "chrome_lines")):
        conn.execute(f"ALTER TABLE {table} RENAME COLUMN {new} TO {old}")
    conn.execute("DROP INDEX reports_org")
    conn.execute("CREATE INDEX reports_unit ON reports(unit)")
    conn.execute("DELETE FROM schema_migrations WHERE version = 3")
    conn.commit()
    conn.close()
    with Library(path, parser=quick_parse) as lib:
        assert [r["org"] for r in lib.reports(limit=1000)["items"]] == orgs
        assert found(lib, "发展", org=some) == before != set()
    conn = sqlite3.connect(path)
    cols = {r[1] for r in conn.execute("PRAGMA table_info(reports)")}
    assert {"org", "org_line"} <= cols and not {"unit", "unit_line"} & cols
    conn.close()
