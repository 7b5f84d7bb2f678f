"""DOCX reader: document order, tables, headers excluded, Word auto-numbering rendered exactly."""
from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys

import pytest

from fixtures.builders import REPORT_LEVELS, abstract, build_docx, lvl, num, numbering_xml
from workreport.ingest import document_from_bytes
from workreport.ingest.numbering import format_number

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "provincial_2025_docx")


def read(data: bytes, name="t.docx"):
    return document_from_bytes(data, name)


def nonblank(doc):
    return [l for l in doc.lines if l.strip()]


def test_report_outline_numbering_renders_like_word():
    nb = numbering_xml(abstract(1, *REPORT_LEVELS), num(1, 1))
    items = [
        ("p", "2024年工作回顾", {"num": (1, 0)}),
        ("p", "经济运行稳中有进", {"num": (1, 1)}),
        ("p", "工业生产", {"num": (1, 2)}),
        ("p", "规模以上工业", {"num": (1, 3)}),
        ("p", "高技术制造业", {"num": (1, 3)}),
        ("p", "服务业", {"num": (1, 2)}),
        ("p", "改革开放持续深化", {"num": (1, 1)}),
        ("p", "正文段落没有编号。"),
        ("p", "外贸", {"num": (1, 2)}),
        ("p", "2025年工作安排", {"num": (1, 0)}),
        ("p", "扩大内需", {"num": (1, 1)}),
        ("p", "消费", {"num": (1, 2)}),
    ]
    doc = read(build_docx(items, nb))
    assert nonblank(doc) == [
        "一、2024年工作回顾",
        "（一）经济运行稳中有进",
        "1.工业生产",
        "（1）规模以上工业",
        "（2）高技术制造业",
        "2.服务业",
        "（二）改革开放持续深化",
        "正文段落没有编号。",
        "1.外贸",
        "二、2025年工作安排",
        "（一）扩大内需",
        "1.消费",
    ]
    numbered = {h.line for h in doc.hints if h.numbered}
    assert numbered == {i + 1 for i, l in enumerate(doc.lines) if l and l != "正文段落没有编号。"}


def test_start_values_overrides_and_shared_abstract_continue():
    nb = numbering_xml(
        abstract(1, lvl(0, "decimal", "%1.", start=3, suff="nothing")),
        num(1, 1), num(2, 1), num(3, 1, {0: 1}),
    )
    items = [("p", "甲", {"num": (1, 0)}), ("p", "乙", {"num": (1, 0)}),
             ("p", "丙", {"num": (2, 0)}),  # another num of the same list continues: 5
             ("p", "丁", {"num": (3, 0)}),  # startOverride restarts at 1
             ("p", "戊", {"num": (3, 0)})]
    assert nonblank(read(build_docx(items, nb))) == ["3.甲", "4.乙", "5.丙", "1.丁", "2.戊"]


def test_multilevel_decimal_and_legal_numbering():
    nb = numbering_xml(
        abstract(1, lvl(0, "chineseCounting", "第%1章", suff="space"),
                 lvl(1, "decimal", "%1.%2", legal=True, suff="space"),
                 lvl(2, "decimal", "%1.%2.%3", legal=True)),
        num(1, 1))
    items = [("p", "总则", {"num": (1, 0)}), ("p", "目的", {"num": (1, 1)}), ("p", "范围", {"num": (1, 1)}),
             ("p", "细目", {"num": (1, 2)}), ("p", "任务", {"num": (1, 0)}), ("p", "重点", {"num": (1, 1)})]
    assert nonblank(read(build_docx(items, nb))) == [
        "第一章 总则", "1.1 目的", "1.2 范围", "1.2.1 细目", "第二章 任务", "2.1 重点"]


def test_lvl_restart_zero_keeps_counting_across_parents():
    nb = numbering_xml(
        abstract(1, lvl(0, "chineseCounting", "%1、", suff="nothing"),
                 lvl(1, "decimal", "%2.", restart=0, suff="nothing")),
        num(1, 1))
    items = [("p", "A", {"num": (1, 0)}), ("p", "a", {"num": (1, 1)}), ("p", "b", {"num": (1, 1)}),
             ("p", "B", {"num": (1, 0)}), ("p", "c", {"num": (1, 1)})]
    assert nonblank(read(build_docx(items, nb))) == ["一、A", "1.a", "2.b", "二、B", "3.c"]


@pytest.mark.parametrize("fmt,value,expected", [
    ("chineseCounting", 1, "一"), ("chineseCounting", 10, "十"), ("chineseCounting", 11, "十一"),
    ("chineseCounting", 20, "二十"), ("chineseCounting", 35, "三十五"), ("chineseCounting", 101, "一○一"),
    ("chineseCountingThousand", 12, "十二"), ("chineseCountingThousand", 100, "一百"),
    ("chineseCountingThousand", 101, "一百〇一"), ("chineseCountingThousand", 110, "一百一十"),
    ("chineseCountingThousand", 1010, "一千〇一十"), ("chineseLegalSimplified", 3, "叁"),
    ("ideographTraditional", 3, "丙"), ("ideographDigital", 10, "一〇"),
    ("decimalEnclosedCircle", 3, "③"), ("decimalEnclosedCircle", 21, "21"),
    ("decimalEnclosedCircleChinese", 12, "⑫"), ("decimalEnclosedParen", 2, "⑵"),
    ("upperLetter", 2, "B"), ("upperLetter", 27, "AA"), ("lowerLetter", 3, "c"),
    ("upperRoman", 14, "XIV"), ("lowerRoman", 4, "iv"), ("decimalZero", 7, "07"),
    ("decimalFullWidth", 12, "１２"), ("none", 5, ""),
])
def test_number_formats(fmt, value, expected):
    assert format_number(value, fmt) == expected


def test_formats_in_a_document():
    nb = numbering_xml(
        abstract(1, lvl(0, "chineseCountingThousand", "%1是", start=11, suff="nothing")),
        abstract(2, lvl(0, "decimalEnclosedCircle", "%1", suff="nothing")),
        abstract(3, lvl(0, "upperLetter", "%1.", suff="space")),
        abstract(4, lvl(0, "ideographTraditional", "%1、", suff="nothing")),
        abstract(5, lvl(0, "bullet", "\uf06c")),
        num(1, 1), num(2, 2), num(3, 3), num(4, 4), num(5, 5))
    items = [("p", "扩大内需", {"num": (1, 0)}), ("p", "深化改革", {"num": (1, 0)}),
             ("p", "粮食", {"num": (2, 0)}), ("p", "能源", {"num": (2, 0)}),
             ("p", "附表", {"num": (3, 0)}), ("p", "子项", {"num": (4, 0)}), ("p", "子项", {"num": (4, 0)}),
             ("p", "要点", {"num": (5, 0)})]
    doc = read(build_docx(items, nb))
    assert nonblank(doc) == ["十一是扩大内需", "十二是深化改革", "①粮食", "②能源", "A. 附表", "甲、子项", "乙、子项", "要点"]
    bullet_line = doc.lines.index("要点") + 1
    assert not any(h.numbered for h in doc.hints if h.line == bullet_line)


def test_style_linked_numbering_and_heading_hints():
    nb = numbering_xml(
        abstract(7, lvl(0, "chineseCounting", "%1、", suff="nothing", pstyle="ReportH1"),
                 lvl(1, "chineseCounting", "（%2）", suff="nothing", pstyle="ReportH2")),
        num(9, 7))
    styles = {"ReportH1": {"num": (9, None), "outline": 0}, "ReportH2": {"num": (9, 1), "outline": 1}}
    items = [("p", "标题文字", {}), ("p", "工作回顾", {"style": "ReportH1"}), ("p", "稳增长", {"style": "ReportH2"}),
             ("p", "正文。", {}), ("p", "调结构", {"style": "ReportH2"}), ("p", "工作安排", {"style": "ReportH1"}),
             ("p", "不编号的二级", {"style": "ReportH2", "num": (0, 1)}),  # numId 0 switches the style's numbering off
             ("p", "普通标题", {"style": "Heading 2"})]
    doc = read(build_docx(items, nb, styles=styles))
    assert nonblank(doc) == ["标题文字", "一、工作回顾", "（一）稳增长", "正文。", "（二）调结构", "二、工作安排",
                             "不编号的二级", "普通标题"]
    by_line = {h.line: h for h in doc.hints}
    level = {doc.lines[n - 1]: (h.outline_level, h.numbered) for n, h in by_line.items()}
    assert level["一、工作回顾"] == (1, True)
    assert level["（二）调结构"] == (2, True)
    assert level["不编号的二级"] == (2, False)
    assert level["普通标题"] == (2, False)  # python-docx's built-in "heading 2"
    assert "标题文字" not in level


def test_num_style_link_resolves_to_the_numbering_style():
    # abstract 2 only points at a numbering style; the style's numId (1 -> abstract 1) defines the list
    nb = numbering_xml(abstract(1, lvl(0, "decimal", "（%1）", suff="nothing")),
                       abstract(2, style_link="ListStyleA"), num(1, 1), num(2, 2))
    styles = {"ListStyleA": {"num": (1, None)}}
    items = [("p", "第一项", {"num": (2, 0)}), ("p", "第二项", {"num": (2, 0)})]
    assert nonblank(read(build_docx(items, nb, styles=styles))) == ["（1）第一项", "（2）第二项"]


def test_tables_in_order_headers_and_footers_excluded():
    items = [("p", "前文"), ("table", [["指标", "单位：万元", "增长"], ["地区生产总值", "12345", "5.2%"]]),
             ("p", "后文")]
    doc = read(build_docx(items, header="XX市人民政府文件", footer="第 1 页"))
    assert nonblank(doc) == ["前文", "指标\t单位：万元\t增长", "地区生产总值\t12345\t5.2%", "后文"]
    assert "XX市人民政府文件" not in doc.text and "第 1 页" not in doc.text
    table_lines = [h.line for h in doc.hints if h.style == "table"]
    assert [doc.lines[n - 1].split("\t")[0] for n in table_lines] == ["指标", "地区生产总值"]


def test_breaks_tabs_and_hidden_text():
    from docx import Document as Docx
    import io

    d = Docx()
    p = d.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行")
    run = p.add_run("隐藏")
    run.font.hidden = True
    p2 = d.add_paragraph("名称")
    p2.add_run().add_tab()
    p2.add_run("数值")
    buf = io.BytesIO()
    d.save(buf)
    doc = read(buf.getvalue())
    assert nonblank(doc) == ["第一行", "第二行", "名称\t数值"]


def test_document_metadata():
    doc = read(build_docx([("p", "正文")]))
    assert doc.format == "docx" and doc.encoding == "n/a" and len(doc.sha256) == 64


def _corpus_pairs():
    for f in sorted(glob.glob(os.path.join(CORPUS, "docx", "*.docx"))):
        ref = os.path.join(CORPUS, "txt", os.path.splitext(os.path.basename(f))[0] + ".txt")
        yield pytest.param(f, ref, id=os.path.basename(f)[:12])


def _squash(text: str) -> list[str]:
    """Compare up to whitespace: non-blank lines with all whitespace removed."""
    return [re.sub(r"\s+", "", l) for l in text.split("\n") if l.strip()]


@pytest.mark.skipif(not os.path.isdir(CORPUS), reason="shared corpus not present beside the checkout")
@pytest.mark.parametrize("docx_path,txt_path", list(_corpus_pairs()))
def test_corpus_docx_text_equals_reference(docx_path, txt_path):
    from workreport.ingest import read_document

    with open(txt_path, encoding="utf-8") as fh:
        ref = fh.read()
    assert _squash(read_document(docx_path).text) == _squash(ref)


@pytest.mark.skipif(not os.path.isdir(CORPUS), reason="shared corpus not present beside the checkout")
def test_cli_text_prints_the_docx_text():
    docx_path, txt_path = next(_corpus_pairs()).values
    out = subprocess.run([sys.executable, "-m", "workreport", "text", docx_path], capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    with open(txt_path, encoding="utf-8") as fh:
        assert _squash(out.stdout.decode("utf-8")) == _squash(fh.read())


def _outline_ready() -> bool:
    try:
        import workreport.structure.outline  # noqa: F401
        import workreport.structure.split  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _outline_ready(), reason="structure stage (outline) not in this tree yet")
def test_all_automatic_numbering_parses_into_outline(tmp_path):
    nb = numbering_xml(abstract(1, *REPORT_LEVELS), num(1, 1))
    body = "全年完成目标任务，各项工作取得新进展，群众满意度持续提升。"
    items = [("p", "XX县应急管理局2024年工作总结"), ("p", "2024年，我局在县委县政府领导下开展工作。"),
             ("p", "主要工作完成情况", {"num": (1, 0)}),
             ("p", "安全生产形势稳定", {"num": (1, 1)}), ("p", body),
             ("p", "应急能力持续提升", {"num": (1, 1)}), ("p", body),
             ("p", "存在的问题", {"num": (1, 0)}), ("p", "基层力量薄弱，装备水平不高。"),
             ("p", "2025年工作计划", {"num": (1, 0)}),
             ("p", "强化风险防控", {"num": (1, 1)}), ("p", body),
             ("p", "加强队伍建设", {"num": (1, 1)}), ("p", body)]
    path = tmp_path / "auto.docx"
    path.write_bytes(build_docx(items, nb))
    out = subprocess.run([sys.executable, "-m", "workreport", "parse", str(path), "--json"],
                         capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    data = json.loads(out.stdout)
    assert len(data["reports"]) == 1
    top = data["reports"][0]["sections"]
    assert [s["ordinal"] for s in top] == ["一", "二", "三"]
    assert [s["heading"] for s in top][0].endswith("主要工作完成情况")
    assert [[c["ordinal"] for c in s["children"]] for s in top] == [["(一)", "(二)"], [], ["(一)", "(二)"]]


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir(CORPUS), reason="shared corpus not present beside the checkout")
def test_corpus_docx_parses_to_the_same_top_level_sections_as_its_txt():
    from workreport.ingest import read_document
    from workreport.pipeline import parse

    def top(path):
        return [[(s.ordinal, s.heading) for s in r.sections] for r in parse(read_document(path)).reports]

    differ = []
    for docx_path, txt_path in (p.values for p in _corpus_pairs()):
        if top(docx_path) != top(txt_path):
            differ.append(os.path.basename(docx_path))
    assert differ == []
