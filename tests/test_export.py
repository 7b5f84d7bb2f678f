"""Exports: xlsx/csv/json/parquet hold every row with source file and line; docx is a 汇编."""
from __future__ import annotations

import csv
import re
import json

import pytest

from conftest import quick_parse, SAMPLES
from workreport.store import Library
from workreport.labels import TABLE_LABELS, column_label
from workreport.store.tables import TABLES


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("export") / "e.db")
    lib = Library(path, parser=quick_parse)
    lib.ingest([SAMPLES], workers=1)
    yield lib
    lib.close()


def _db_counts(lib):
    return {t: len(lib.table(t)[1]) for t in TABLES}


def test_xlsx_has_every_row_header_frozen_numbers_as_numbers(lib, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "lib.xlsx"
    res = lib.export("xlsx", out)
    counts = _db_counts(lib)
    assert res["tables"] == counts and counts["indicators"] > 50
    wb = load_workbook(out, read_only=False)
    assert wb.sheetnames == [TABLE_LABELS[t] for t in TABLES]
    for name in TABLES:
        ws = wb[TABLE_LABELS[name]]
        header = [c.value for c in ws[1]]
        assert "来源文件" in header and "行" in header, name
        assert len(set(header)) == len(header), header  # Chinese headers stay distinct
        assert all(re.search(r"[\u4e00-\u9fff]", h) or h == "SHA-256" for h in header), header
        assert ws.freeze_panes == "A2"
        assert ws.max_row - 1 == counts[name], name
    ws = wb[TABLE_LABELS["indicators"]]
    labels = {column_label(c): c for c in lib.table("indicators")[0]}
    header = [labels[c.value] for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    col = {h: i for i, h in enumerate(header)}
    assert all(isinstance(r[col["line"]], int) and r[col["document"]] for r in rows)
    assert all(isinstance(r[col["number"]], (int, float)) for r in rows if r[col["number"]] is not None)
    # every indicator of the database, by id
    assert {r[col["id"]] for r in rows} == {r[0] for r in lib.table("indicators")[1]}


def test_parquet_row_counts_match(lib, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "pq"
    lib.export("parquet", out)
    counts = _db_counts(lib)
    for name in TABLES:
        t = pq.read_table(out / f"{name}.parquet")
        assert t.num_rows == counts[name], name
        assert "document" in t.column_names and "line" in t.column_names
    ind = pq.read_table(out / "indicators.parquet")
    assert str(ind.schema.field("number").type) == "double" and str(ind.schema.field("line").type) == "int64"


def test_csv_and_json_round_trip(lib, tmp_path):
    counts = _db_counts(lib)
    lib.export("csv", tmp_path / "csv")
    for name in TABLES:
        raw = (tmp_path / "csv" / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
        with open(tmp_path / "csv" / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == counts[name] and {"来源文件", "行"} <= set(rows[0] if rows else {"来源文件", "行"})
    lib.export("json", tmp_path / "lib.json")
    obj = json.loads((tmp_path / "lib.json").read_text(encoding="utf-8"))
    assert {k: len(v) for k, v in obj.items()} == counts
    assert all(r["document"] and r["line"] for r in obj["paragraphs"])


def test_docx_compilation(lib, tmp_path):
    from docx import Document

    out = tmp_path / "汇编.docx"
    res = lib.export("docx", out)
    d = Document(str(out))
    reports = lib.reports(limit=1000)["items"]
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert len(h1) == len(reports) + 1 and h1[-1].startswith("附录")
    assert {r["org"] for r in reports} <= set(h1)
    assert any(p.style.name == "Heading 2" for p in d.paragraphs)  # outline headings as Word headings
    xml = d.element.xml
    assert "TOC \\o" in xml
    names = [c.tag.rsplit("}", 1)[-1] for c in d.settings.element]
    assert names.index("updateFields") < names.index("compat")
    table = d.tables[-1]
    assert len(table.rows) - 1 == res["tables"]["key_figures"] > 0
    assert d.paragraphs[0].text == "" and any(p.style.name == "Title" for p in d.paragraphs)


def test_unknown_format_is_a_clear_error(lib, tmp_path):
    from workreport.errors import WorkReportError

    with pytest.raises(WorkReportError):
        lib.export("pdf", tmp_path / "x.pdf")


def test_cli_export(cli_runner, lib, tmp_path):
    from workreport.cli import main

    r = cli_runner.invoke(main, ["export", "--format", "xlsx", str(tmp_path / "x.xlsx"), "--db", lib.path])
    assert r.exit_code == 0 and "指标" in r.output


def test_docx_headings_get_real_word_numbering_unless_the_source_skips(tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    from conftest import make_parsed
    from workreport.model import Section

    texts = ["一、工作回顾", "（一）抓党建", "正文甲。", "（三）抓安全", "正文乙。", "二、明年计划", "1.加强学习", "2.加强考核"]
    secs = (
        Section(line=1, heading="一、工作回顾", ordinal="一", depth=1, role="achievements", end_line=5,
                children=(Section(line=2, heading="（一）抓党建", ordinal="(一)", depth=2, role="achievements", end_line=3),
                          Section(line=4, heading="（三）抓安全", ordinal="(三)", depth=2, role="achievements", end_line=5))),
        Section(line=6, heading="二、明年计划", ordinal="二", depth=1, role="plan", end_line=8,
                children=(Section(line=7, heading="1.加强学习", ordinal="1", depth=2, role="plan", end_line=7),
                          Section(line=8, heading="2.加强考核", ordinal="2", depth=2, role="plan", end_line=8))),
    )
    with Library(str(tmp_path / "n.db")) as lib:
        lib.store(make_parsed(texts, sections=secs))
        res = lib.export("docx", tmp_path / "n.docx")
    assert res["tables"]["numbered_headings"] == 4
    d = Document(str(tmp_path / "n.docx"))
    heads = [(p.style.name, p.text, p._p.pPr.numPr is not None) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert heads[1:-1] == [
        ("Heading 2", "工作回顾", True), ("Heading 3", "（一）抓党建", False), ("Heading 3", "（三）抓安全", False),
        ("Heading 2", "明年计划", True), ("Heading 3", "加强学习", True), ("Heading 3", "加强考核", True),
    ]
    numbering = d.part.numbering_part.element
    texts = {lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in numbering.iter(qn("w:lvl"))}
    assert {"%1、", "%1."} <= texts
    fmts = {lvl.find(qn("w:numFmt")).get(qn("w:val")) for lvl in numbering.iter(qn("w:lvl"))}
    assert "chineseCounting" in fmts


@pytest.mark.parametrize("heading, expected", [
    ("一、总体情况", ("", "chineseCounting", "、", 1, 2)),
    ("（十二）抓落实", ("（", "chineseCounting", "）", 12, 4)),
    ("三十一、其他", ("", "chineseCounting", "、", 31, 4)),
    ("1.提高保障", ("", "decimal", ".", 1, 2)),
    ("（3）加强考核", ("（", "decimal", "）", 3, 3)),
    ("一是压实责任", None),  # a number followed by a word stays literal text
    ("2022年工作", None),
    ("Ⅷ、罗马数字", None),
    ("（一抓党建", None),
])
def test_ordinal_prefix(heading, expected):
    from workreport.export.compile_docx import ordinal_prefix

    assert ordinal_prefix(heading) == expected
