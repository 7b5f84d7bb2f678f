"""HTML reader: the article text of real 2026 reports wrapped in typical page chrome."""
from __future__ import annotations

import glob
import os
import re

import pytest

from fixtures.builders import CHROME_MARKERS, wrap_html
from workreport.ingest import document_from_bytes

WEB = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "provincial_2026_web", "txt")
SAMPLE = ["某某县2025年工作总结", "一、主要工作完成情况", "（一）经济运行稳中向好。全年地区生产总值增长5.2%。",
          "二、2026年工作计划", "坚持稳中求进，持续推动高质量发展。"]


def web_files():
    return sorted(glob.glob(os.path.join(WEB, "*.txt")))


def clean(lines):
    return [re.sub(r"\s+", " ", l).strip() for l in lines if l.strip()]


def test_chrome_dropped_and_paragraphs_kept():
    page = wrap_html(SAMPLE[1:], SAMPLE[0])
    doc = document_from_bytes(page.encode("utf-8"), "page.html")
    assert doc.format == "html"
    assert list(doc.lines) == SAMPLE  # the h1 title first, then the article's paragraphs
    for marker in CHROME_MARKERS + ("来源：某某日报", "广告脚本文字", "统计代码"):
        assert marker not in doc.text


def test_br_separated_text_becomes_lines():
    doc = document_from_bytes(wrap_html(SAMPLE[1:], SAMPLE[0], style="br").encode(), "page.htm")
    assert list(doc.lines) == SAMPLE


def test_meta_charset_gbk_and_override():
    page = wrap_html(SAMPLE[1:], SAMPLE[0], charset="gb2312").encode("gb18030")
    doc = document_from_bytes(page, "page.html")
    assert list(doc.lines) == SAMPLE and doc.encoding == "gb18030"
    forced = document_from_bytes(page, "page.html", encoding="gb18030")
    assert list(forced.lines) == SAMPLE


def test_sniffed_without_extension():
    doc = document_from_bytes(wrap_html(SAMPLE[1:], SAMPLE[0]).encode(), "download")
    assert doc.format == "html"


def test_table_rows_become_tab_lines():
    html = ("<html><body><div class=nav><a href=/>首页</a></div><div class=content>"
            "<p>主要指标完成情况如下。</p><table><tr><th>指标</th><th>单位：万元</th></tr>"
            "<tr><td>一般公共预算收入</td><td> 12345 </td></tr></table></div></body></html>")
    doc = document_from_bytes(html.encode(), "t.html")
    assert list(doc.lines) == ["主要指标完成情况如下。", "指标\t单位：万元", "一般公共预算收入\t12345"]


def test_wrapper_with_chrome_like_class_is_not_dropped():
    # a page-wide wrapper called "main-side" must not take the article with it
    html = ("<html><body><div class='wrap side'><ul class=menu><li><a href=/>首页</a></li></ul>"
            + "".join(f"<p>{l}</p>" for l in SAMPLE) + "</div></body></html>")
    doc = document_from_bytes(html.encode(), "t.html")
    assert list(doc.lines) == SAMPLE


@pytest.mark.skipif(not web_files(), reason="shared corpus not present")
@pytest.mark.parametrize("path", web_files(), ids=lambda p: os.path.basename(p)[5:10])
def test_real_reports_in_page_chrome(path):
    with open(path, encoding="utf-8") as fh:
        lines = [l for l in fh.read().split("\n") if l.strip()]
    title = "2026年政府工作报告"
    doc = document_from_bytes(wrap_html(lines, title).encode("utf-8"), "report.html")
    assert clean(doc.lines) == [title] + clean(lines)
    for marker in CHROME_MARKERS:
        assert marker not in doc.text
