"""The SQLite store: schema and migrations, whole-document writes, reading back, compare."""
from __future__ import annotations

import sqlite3

import pytest

from conftest import make_parsed, table_counts
from workreport import rules
from workreport.model import Finding, Indicator, Pair, PlanItem, Section, Span
from workreport.store import Library
from workreport.store.migrations import MIGRATIONS


def _ind(line, measure, value, unit, kind="actual", **kw):
    text = f"{value}{unit}"
    return Indicator(line=line, span=Span(0, len(text)), text=text, value=value, number=float(value), unit=unit,
                     measure=measure, kind=kind, rules=("test",), **kw)


def _report_doc(path="a.txt", org="甲市应急管理局", year=2022, extra=""):
    texts = ["2022年工作总结", "一、工作成效", f"全年安全生产事故下降12.5%，隐患整改率达到98%。{extra}",
             "（一）隐患排查", "排查隐患300处。", "二、下步计划", "继续开展排查，完成xx项任务。"]
    sections = (
        Section(line=2, heading="一、工作成效", ordinal="一", depth=1, role="achievements", end_line=5,
                children=(Section(line=4, heading="（一）隐患排查", ordinal="(一)", depth=2, role="achievements",
                                  end_line=5),)),
        Section(line=6, heading="二、下步计划", ordinal="二", depth=1, role="plan", end_line=7),
    )
    inds = (_ind(3, "安全生产事故下降", "12.5", "%", "rate"), _ind(3, "隐患整改率", "98", "%", "rate"),
            _ind(5, "排查隐患", "300", "处"))
    target = _ind(7, "任务", "10", "项", "target")
    return make_parsed(texts, path=path, org=org, year=year, sections=sections, indicators=inds,
                       findings=(Finding(line=7, rule="placeholder", severity="error", message="placeholder xx"),),
                       plan_items=(PlanItem(line=7, text="继续开展排查", targets=(target,)),),
                       pairs=(Pair(line=7, measure="任务", target=target, actual=inds[2], completion=30.0),))


def test_migrations_are_recorded_and_not_reapplied(db_path):
    Library(db_path).close()
    lib = Library(db_path)
    lib.close()
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [v for v, _ in rows] == [m[0] for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_db_fixture_has_the_schema(db):
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert {"documents", "reports", "sections", "paragraphs", "indicators", "pairs", "plan_items",
            "findings", "para_bi", "para_uni", "schema_migrations"} <= names


def test_not_a_database_is_a_clear_error(tmp_path):
    from workreport.errors import WorkReportError

    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(WorkReportError):
        Library(str(bad))


def test_store_and_read_back_everything(quick_library):
    written = quick_library.store(_report_doc())
    assert written["new"] and written["reports"] == 1
    st = quick_library.stats()
    assert (st["documents"], st["reports"], st["sections"], st["paragraphs"], st["indicators"], st["pairs"],
            st["plan_items"], st["findings"], st["lines"]) == (1, 1, 3, 7, 3, 1, 1, 1, 7)
    items = quick_library.reports()["items"]
    assert len(items) == 1
    meta = items[0]
    assert meta["org"] == "甲市应急管理局" and meta["year"] == 2022 and meta["n_indicators"] == 3
    assert meta["n_findings"] == 1 and meta["n_plan_items"] == 1 and meta["document"] == "a.txt"
    rep = quick_library.report(meta["id"])
    assert [s["heading"] for s in rep["sections"]] == ["一、工作成效", "二、下步计划"]
    assert rep["sections"][0]["children"][0]["heading"] == "（一）隐患排查"
    assert all("id" in s for s in rep["sections"])
    p5 = next(p for p in rep["paragraphs"] if p["line_start"] == 5)
    assert p5["section"] == ["一、工作成效", "（一）隐患排查"] and p5["role"] == "achievements"
    assert [x["line"] for x in rep["lines"]] == list(range(1, 8))
    assert rep["lines"][2]["text"].startswith("全年安全生产")
    ind = rep["indicators"][1]
    assert ind["measure"] == "隐患整改率" and ind["number"] == 98.0 and ind["line"] == 3 and ind["unit"] == "%"
    assert rep["plan_items"][0]["targets"][0]["value"] == "10"
    assert rep["pairs"][0]["target"] == "10项" and rep["pairs"][0]["completion"] == 30.0
    assert rep["findings"][0]["rule"] == "placeholder"
    assert quick_library.report(99999) is None


def test_same_document_twice_changes_nothing(quick_library):
    quick_library.store(_report_doc())
    before = table_counts(quick_library)
    assert quick_library.store(_report_doc())["new"] is False
    assert table_counts(quick_library) == before


def test_changed_document_at_same_path_replaces_its_rows(quick_library):
    quick_library.store(_report_doc(extra="旧版独有词甲乙丙"))
    quick_library.store(_report_doc(path="other.txt", org="乙县"))
    assert quick_library.search("甲乙丙")["total"] == 1
    quick_library.store(_report_doc(extra="新版独有词丁戊己"))
    assert table_counts(quick_library)["documents"] == 2
    assert quick_library.search("甲乙丙")["total"] == 0
    assert quick_library.search("丁戊己")["total"] == 1
    assert quick_library.stats()["paragraphs"] == 14


def test_delete_document_removes_rows_and_index_entries(quick_library):
    quick_library.store(_report_doc(extra="独一无二"))
    doc_id = quick_library.documents()[0]["id"]
    assert quick_library.search("独一无二")["total"] == 1
    assert quick_library.search("独")["total"] == 1
    assert quick_library.delete_document(doc_id) is True
    assert quick_library.delete_document(doc_id) is False
    assert quick_library.search("独一无二")["total"] == 0 and quick_library.search("独")["total"] == 0
    assert all(v == 0 for k, v in table_counts(quick_library).items() if k != "index_bytes")
    if quick_library.backend.kind != "sqlite":
        assert table_counts(quick_library)["index_bytes"] == 0
        return
    conn = sqlite3.connect(quick_library.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO para_bi(para_bi) VALUES ('integrity-check')")
    conn.execute("INSERT INTO para_uni(para_uni) VALUES ('integrity-check')")
    assert conn.execute("SELECT count(*) FROM para_uni WHERE para_uni MATCH ?", (f'"{ord("独"):06x}"',)).fetchone()[0] == 0
    conn.close()


def test_report_filters_and_facets(quick_library):
    quick_library.store(_report_doc())
    # another body's report (another text: the same text from two files is one document)
    quick_library.store(_report_doc(path="b.txt", org="乙县应急管理局", year=2023, extra="乙县"))
    assert quick_library.reports(year=2023)["total"] == 1
    assert quick_library.reports(org="乙县")["items"][0]["org"] == "乙县应急管理局"
    assert quick_library.reports(level="province")["total"] == 0
    assert quick_library.reports(limit=1, offset=1)["total"] == 2
    f = quick_library.facets()
    assert f["year"] == {"2022": 1, "2023": 1} and f["level"] == {"city": 2} and f["domain"] == {"应急管理": 2}


def test_measures_and_compare_with_listed_synonyms_only(quick_library):
    a = _report_doc()
    b = make_parsed(["全年实现地区生产总值1234亿元，增长5.2%。", "隐患整改率95%。"], path="c.txt", org="丙市", year=2023,
                    indicators=(_ind(1, "地区生产总值", "1234", "亿元"), _ind(1, "地区生产总值增长", "5.2", "%", "growth"),
                                _ind(2, "整改率", "95", "%", "rate")))
    c = make_parsed(["GDP达到999亿元。"], path="d.txt", org="丁市", year=2023,
                    indicators=(_ind(1, "GDP", "999", "亿元"),))
    for x in (a, b, c):
        quick_library.store(x)
    ms = {m["measure"]: m["count"] for m in quick_library.measures()}
    assert ms["隐患整改率"] == 1 and ms["地区生产总值"] == 1
    assert [m["measure"] for m in quick_library.measures("地区")] == ["地区生产总值", "地区生产总值增长"]
    res = quick_library.compare("地区生产总值")
    assert {r["org"] for r in res["rows"]} == {"丙市", "丁市"}
    assert "GDP" in res["synonyms"]
    row = next(r for r in res["rows"] if r["org"] == "丙市")
    assert row["value"] == "1234" and row["unit"] == "亿元" and row["line"] == 1 and row["document"] == "c.txt"
    # 整改率 is not a listed synonym of 隐患整改率: not matched
    assert {r["org"] for r in quick_library.compare("隐患整改率")["rows"]} == {"甲市应急管理局"}
    assert quick_library.compare("地区生产总值", year=2022)["rows"] == []


def test_measure_names_belong_to_one_group():
    """(The examples of measures.yaml run in test_rule_examples.py.)"""
    table = rules.load("measures")
    assert table["synonyms"]
    every = [w for e in table["synonyms"] for w in e["words"]]
    assert len(every) == len(set(every)), "a name may belong to one group only"
