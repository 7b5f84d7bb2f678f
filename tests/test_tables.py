"""Figures in tables (issue 7): caption / header units, row x column measures, kinds, pairs;
and the list of unknown units (issue 3)."""
import json
import subprocess
import sys

import docx
import pytest

from workreport.extract.indicators import unknown_unit_counts, unknown_units
from workreport.ingest import read_document
from workreport.model import Indicator, Span
from workreport.pipeline import parse

TITLE = "某某县发展和改革局2022年工作总结"


def build_docx(path, blocks):
    """blocks: str (a paragraph) or list of rows (a table)."""
    d = docx.Document()
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
        else:
            t = d.add_table(rows=len(b), cols=max(len(r) for r in b))
            for r, row in enumerate(b):
                for c, v in enumerate(row):
                    t.cell(r, c).text = v
    d.save(path)
    return path


def figures(path):
    parsed = parse(read_document(path))
    doc = parsed.document
    inds = [i for r in parsed.reports for i in r.indicators]
    for i in inds:  # every span is where it says it is
        assert doc.line(i.line)[i.span.start:i.span.end] == i.text, i
    pairs = [p for r in parsed.reports for p in r.pairs]
    return doc, inds, pairs


def row(i: Indicator):
    nv = None if i.normalized_value is None else round(i.normalized_value, 6)
    return (i.value, i.unit, i.measure, i.kind, nv, i.normalized_unit, i.text)


def on_line(doc, inds, text):
    n = doc.lines.index(text) + 1
    return [row(i) for i in inds if i.line == n]


def test_docx_caption_unit_applies_to_cells(tmp_path):
    path = build_docx(tmp_path / "a.docx", [
        TITLE,
        "一、2022年工作完成情况",
        "全年主要指标完成较好。",
        "单位：万元",
        [["指标", "完成额", "同比增长(%)"],
         ["固定资产投资", "12345.6", "8.5"],
         ["社会消费品零售总额", "8,800", "-2.1"],
         ["一般公共预算收入", "3200", "12"]],
        "二、2023年工作计划",
        "力争完成投资4亿元。",
    ])
    doc, inds, _ = figures(path)
    assert on_line(doc, inds, "固定资产投资\t12345.6\t8.5") == [
        ("12345.6", "万元", "固定资产投资", "actual", 123456000.0, "元", "12345.6"),
        ("8.5", "%", "固定资产投资增长", "growth", 8.5, "%", "8.5"),
    ]
    assert on_line(doc, inds, "社会消费品零售总额\t8,800\t-2.1") == [
        ("8,800", "万元", "社会消费品零售总额", "actual", 88000000.0, "元", "8,800"),
        ("-2.1", "%", "社会消费品零售总额增长", "growth", -2.1, "%", "-2.1"),
    ]
    assert on_line(doc, inds, "一般公共预算收入\t3200\t12")[0][:5] == ("3200", "万元", "一般公共预算收入", "actual",
                                                                  32000000.0)
    n = doc.lines.index("固定资产投资\t12345.6\t8.5") + 1
    (first,) = [i for i in inds if i.line == n and i.value == "12345.6"]
    assert first.col == len("固定资产投资\t") and first.rules[0] == "tables.cell" and first.rules[1].startswith("units.money")
    header = doc.lines.index("指标\t完成额\t同比增长(%)") + 1
    assert not [i for i in inds if i.line == header]
    # prose after the table is read as before
    assert ("4", "亿元", "投资", "target", 400000000.0, "元", "4亿元") in [row(i) for i in inds]
    assert next(i for i in inds if i.value == "4").measure_phrase == "力争完成投资"


def test_docx_units_in_column_headers_and_row_labels(tmp_path):
    path = build_docx(tmp_path / "b.docx", [
        TITLE,
        "一、2022年工作完成情况",
        [["项目", "投资额（万元）", "面积(万亩)", "增长(%)"],
         ["高标准农田", "560", "1.2", "15"],
         ["新增就业（人）", "520", "", "3.5"]],
    ])
    doc, inds, _ = figures(path)
    assert on_line(doc, inds, "高标准农田\t560\t1.2\t15") == [
        ("560", "万元", "高标准农田投资额", "actual", 5600000.0, "元", "560"),
        ("1.2", "万亩", "高标准农田面积", "actual", 12000.0, "亩", "1.2"),
        ("15", "%", "高标准农田增长", "growth", 15.0, "%", "15"),
    ]
    # a unit in the row label beats the column's (not a % column)
    assert on_line(doc, inds, "新增就业（人）\t520\t\t3.5") == [
        ("520", "人", "新增就业投资额", "actual", 520.0, "人", "520"),
        ("3.5", "%", "新增就业增长", "growth", 3.5, "%", "3.5"),
    ]


def test_docx_target_and_actual_columns_make_pairs(tmp_path):
    path = build_docx(tmp_path / "c.docx", [
        TITLE,
        "一、2022年工作完成情况",
        "（单位：亿元、%）",
        [["指标", "全年目标", "实际完成", "完成率"],
         ["招商引资到位资金", "6.65", "7.01", "105.4"],
         ["固定资产投资", "4", "3.06", "76.5"]],
    ])
    doc, inds, pairs = figures(path)
    assert on_line(doc, inds, "招商引资到位资金\t6.65\t7.01\t105.4") == [
        ("6.65", "亿元", "招商引资到位资金", "target", 665000000.0, "元", "6.65"),
        ("7.01", "亿元", "招商引资到位资金", "actual", 701000000.0, "元", "7.01"),
        ("105.4", "%", "招商引资到位资金完成率", "rate", 105.4, "%", "105.4"),
    ]
    got = {(p.measure, p.target.value, p.actual.value, round(p.completion, 4)) for p in pairs}
    assert got == {("招商引资到位资金", "6.65", "7.01", round(7.01 / 6.65, 4)),
                   ("固定资产投资", "4", "3.06", 0.765)}
    assert all(p.rule == "pairs.table_row" for p in pairs)


def test_docx_caption_row_inside_table_and_ordinal_column(tmp_path):
    path = build_docx(tmp_path / "d.docx", [
        TITLE,
        "二、2023年工作计划",
        [["金额单位：万元", "", ""],
         ["序号", "项目名称", "计划投资"],
         ["1", "道路改造", "1200"],
         ["2", "污水管网", "800"]],
    ])
    doc, inds, _ = figures(path)
    assert [row(i) for i in inds] == [
        ("1200", "万元", "道路改造计划投资", "target", 12000000.0, "元", "1200"),
        ("800", "万元", "污水管网计划投资", "target", 8000000.0, "元", "800"),
    ]


def test_tab_separated_text_table(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text(
        "某某镇2022年工作总结\n\n一、2022年工作完成情况\n\n全年经济运行平稳，完成投资3.4亿元。\n\n"
        "单位：亿元\n指标\t2021年\t2022年\n地区生产总值\t118.0\t125.3\n财政收入\t8.1\t8.9\n",
        encoding="utf-8")
    doc, inds, _ = figures(f)
    assert on_line(doc, inds, "地区生产总值\t118.0\t125.3") == [
        ("118.0", "亿元", "地区生产总值", "actual", 11800000000.0, "元", "118.0"),
        ("125.3", "亿元", "地区生产总值", "actual", 12530000000.0, "元", "125.3"),
    ]
    assert on_line(doc, inds, "财政收入\t8.1\t8.9")[1][:2] == ("8.9", "亿元")
    # the aim and the verb go from the name; "the economy ran smoothly" names no measure of its own
    assert ("3.4", "亿元", "投资", "actual", 340000000.0, "元", "3.4亿元") in [row(i) for i in inds]


def test_single_tab_in_prose_is_not_a_table(tmp_path):
    text = "某某镇2022年工作总结\n一、2022年工作总结\n全年完成投资3.4亿元，\t同比增长12%。\n新建大棚30栋。\n"
    f = tmp_path / "p.txt"
    f.write_text(text, encoding="utf-8")
    _, inds, _ = figures(f)
    assert [(i.value, i.unit, i.kind) for i in inds] == [("3.4", "亿元", "actual"), ("12", "%", "growth"),
                                                         ("30", "栋", "actual")]
    assert not any(i.rules[0].startswith("tables.") for i in inds)


def test_text_in_cells_is_not_a_figure(tmp_path):
    path = build_docx(tmp_path / "e.docx", [
        TITLE,
        "一、2022年工作完成情况",
        [["责任单位：县发改局", "备注"],
         ["项目", "进展情况"],
         ["道路改造", "已完工"],
         ["污水管网", "已完成投资1200万元，进度60%"]],
    ])
    doc, inds, _ = figures(path)
    assert not [i for i in inds if i.rules[0].startswith("tables.")]
    # a cell of prose keeps its figures, read as prose, at their place in the row
    assert [(i.value, i.unit, i.measure, i.kind, i.col) for i in inds] == [
        ("1200", "万元", "投资", "actual", len("污水管网\t已完成投资")),
        ("60", "%", "投资进度", "rate", len("污水管网\t已完成投资1200万元，进度")),
    ]


# ---------------------------------------------------------------------------------------
# Unknown units (issue 3).

def _ind(line, span, unit, rule):
    return Indicator(line=line, span=Span(0, len(span)), text=span, value=span[:-1], number=1.0, unit=unit,
                     measure="", kind="actual", rules=tuple(rule.split("+")))


def test_unknown_unit_counts_is_a_pure_function_of_indicators():
    inds = [
        _ind(3, "12瓮", "瓮", "numbers.unknown_unit+indicators.kind.actual"),
        _ind(5, "30栋", "栋", "units.count+indicators.kind.actual"),
        _ind(7, "5瓮", "瓮", "numbers.unknown_unit+indicators.kind.actual"),
        _ind(9, "2席", "席", "tables.cell+numbers.unknown_unit+tables.kind.actual"),
    ]
    got = [(u, n, i.line, i.text) for u, n, i in unknown_unit_counts(inds)]
    assert got == [("瓮", 2, 3, "12瓮"), ("席", 1, 9, "2席")]
    assert unknown_units(inds) == ["席", "瓮"]
    assert unknown_unit_counts(inds[1:2]) == [] and unknown_unit_counts([]) == []


@pytest.fixture
def unknown_txt(tmp_path):
    f = tmp_path / "u.txt"
    f.write_text("某某镇2022年工作总结\n一、2022年工作总结\n全年收购酒坛12瓮，新建大棚30栋。\n\n另收购5瓮。\n",
                 encoding="utf-8")
    return f


def _run(*args):
    return subprocess.run([sys.executable, "-m", "workreport", *args], capture_output=True, text=True)


def test_parse_json_lists_unknown_units(unknown_txt):
    res = _run("parse", str(unknown_txt), "--json")
    assert res.returncode == 0, res.stderr
    d = json.loads(res.stdout)
    assert d["unknown_units"] == [{"unit": "瓮", "count": 2, "example": {"line": 3, "span": "12瓮"}}]
    assert "reports" in d and "problems" in d  # fields added, none renamed


def test_cli_indicators_unknown_units(unknown_txt):
    res = _run("indicators", str(unknown_txt), "--unknown-units")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == ["瓮\t2\t3\t12瓮"]
    res = _run("indicators", str(unknown_txt), "--unknown-units", "--json")
    assert json.loads(res.stdout)["unknown_units"][0]["count"] == 2


def test_caption_inside_header_cells(tmp_path):
    f = tmp_path / "h.txt"
    f.write_text(
        "某某镇2022年工作总结\n一、2022年工作完成情况\n"
        "2022年主要指标\t单位：万元\n指标（单位：亿元）\t完成额\n工业产值\t12.5\n农业产值\t3.5\n"
        "项目\t投资额（单位：万元）\n道路\t300\n桥梁\t200\n",
        encoding="utf-8")
    doc, inds, _ = figures(f)
    assert [row(i)[:5] for i in inds] == [
        ("12.5", "亿元", "工业产值", "actual", 1250000000.0),
        ("3.5", "亿元", "农业产值", "actual", 350000000.0),
        ("300", "万元", "道路投资额", "actual", 3000000.0),
        ("200", "万元", "桥梁投资额", "actual", 2000000.0),
    ]


def test_unit_column_gives_each_row_its_unit(tmp_path):
    path = build_docx(tmp_path / "g.docx", [
        TITLE,
        "一、2022年工作完成情况",
        [["指标", "计量单位", "目标", "完成", "完成时间"],
         ["新建大棚", "栋", "30", "32", "2022"],
         ["发放补贴", "万元", "120", "100.5", "2022"]],
    ])
    doc, inds, pairs = figures(path)
    assert [row(i)[:5] for i in inds] == [
        ("30", "栋", "新建大棚", "target", 30.0),
        ("32", "栋", "新建大棚", "actual", 32.0),
        ("120", "万元", "发放补贴", "target", 1200000.0),
        ("100.5", "万元", "发放补贴", "actual", 1005000.0),
    ]  # the years of the date column are not figures
    assert [(p.measure, round(p.completion, 4)) for p in pairs] == [("新建大棚", round(32 / 30, 4)),
                                                                   ("发放补贴", 0.8375)]
