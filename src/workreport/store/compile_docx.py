"""``export --format docx``: the library as a compiled 汇编, the way an office hands one on.

Cover, table of contents (a Word TOC field, filled when Word opens the file), one chapter per
report (unit as title, outline headings as Word headings), and an appendix table of key figures.
"""
from __future__ import annotations

import copy
import os
from datetime import date
from typing import Any

from docx import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

KEY_FIGURES_PER_REPORT = 25


def _east_asian(style, font: str) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def _toc(paragraph, levels: str = "1-3") -> None:
    """A TOC field; Word fills it on open (updateFields) or on F9."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f'TOC \\o "{levels}" \\h \\z \\u'
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "（打开文件时更新目录，或右键“更新域”）"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, instr, sep, placeholder, end):
        run._r.append(el)


def _update_fields_on_open(doc) -> None:
    settings = doc.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings.append(el)


class _Body:
    """Appends paragraphs straight before the body's final sectPr.

    python-docx's ``add_paragraph`` looks for the insertion point by scanning every child of the
    body, which makes a 20,000-paragraph 汇编 quadratic (about a minute); this is linear.
    """

    def __init__(self, doc):
        self.doc = doc
        self.body = doc.element.body
        self.ids: dict[str, str] = {}

    def para(self, text: str = "", style: str | None = None) -> Paragraph:
        p = OxmlElement("w:p")
        self.body.sectPr.addprevious(p)
        if style:
            sid = self.ids.get(style)
            if sid is None:
                sid = self.ids[style] = self.doc.styles[style].style_id
            p.get_or_add_pPr().style = sid
        para = Paragraph(p, self.doc._body)
        if text:
            para.add_run(text)
        return para


def _fill_table(table, rows: list[tuple[str, ...]]) -> None:
    """Append rows by copying one styled row (python-docx's add_row is slow on long tables)."""
    if not rows:
        return
    template = table.add_row()
    tr = template._tr
    for vals in rows[1:]:
        new = copy.deepcopy(tr)
        tr.getparent().append(new)
        _set_row(new, vals)
    _set_row(tr, rows[0])


def _set_row(tr, vals) -> None:
    for tc, text in zip(tr.iterchildren(qn("w:tc")), vals):
        for p in list(tc.iterchildren(qn("w:p"))):
            tc.remove(p)
        p = OxmlElement("w:p")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        p.append(r)
        tc.append(p)


def _label(meta: dict[str, Any]) -> str:
    return meta.get("unit") or meta.get("title") or os.path.splitext(os.path.basename(meta["path"]))[0]


def write_docx(lib, out: str) -> dict[str, Any]:
    doc = DocxDocument()
    for name, font in (("Normal", "宋体"), ("Title", "黑体")):
        _east_asian(doc.styles[name], font)
    for lvl in range(1, 10):
        _east_asian(doc.styles[f"Heading {lvl}"], "黑体")
    doc.styles["Normal"].font.size = Pt(12)

    items = []
    offset = 0
    while True:
        page = lib.reports(limit=500, offset=offset)["items"]
        if not page:
            break
        items.extend(page)
        offset += len(page)
    items.sort(key=lambda m: (m["year"] is None, m["year"] or 0, m["path"], m["start_line"]))
    years = sorted({m["year"] for m in items if m["year"]})

    # Cover
    for _ in range(6):
        doc.add_paragraph()
    t = doc.add_paragraph(style="Title")
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.add_run("工作报告汇编")
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    span = f"{years[0]}–{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else "")
    sub.add_run(f"{span}  共{len(items)}篇").font.size = Pt(16)
    d = doc.add_paragraph()
    d.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_run(f"编印日期：{date.today().isoformat()}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Contents
    h = doc.add_paragraph("目  录")
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h.runs[0].bold = True
    h.runs[0].font.size = Pt(16)
    _toc(doc.add_paragraph())
    _update_fields_on_open(doc)

    body = _Body(doc)
    n_headings = 0
    figures: list[tuple[dict, dict]] = []
    for meta in items:
        rep = lib.report(meta["id"])
        doc.add_section(WD_SECTION.NEW_PAGE)
        body.para(_label(meta), "Heading 1")
        src = body.para()
        src.add_run(
            "；".join(x for x in (f"{meta['year']}年" if meta["year"] else "", meta.get("domain") or "",
                                 f"来源：{meta['document']} 第{meta['start_line']}–{meta['end_line']}行") if x)
        ).italic = True
        heads = {}
        for s in _walk(rep["sections"]):
            heads.setdefault(s["line"], s)
        for p in rep["paragraphs"]:
            s = heads.get(p["line_start"])
            if s is not None and p["text"].startswith(s["heading"]) and s["heading"]:
                body.para(s["heading"], f"Heading {min(s['depth'] + 1, 9)}")
                n_headings += 1
                rest = p["text"][len(s["heading"]):].strip()
                if rest:
                    body.para(rest)
            elif s is not None:
                body.para(p["text"], f"Heading {min(s['depth'] + 1, 9)}")
                n_headings += 1
            else:
                body.para(p["text"])
        for ind in rep["indicators"][:KEY_FIGURES_PER_REPORT]:
            figures.append((meta, ind))

    # Appendix: key figures
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_heading("附录  主要指标一览", level=1)
    cols = ("单位", "年份", "指标", "数值", "计量单位", "类型", "出处")
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, cols):
        cell.text = text
    _fill_table(table, [
        (_label(meta), str(meta["year"] or ""), ind["measure"] or "", ind["value"] or "", ind["unit"] or "",
         ind["kind"] or "", f"{meta['document']}:{ind['line']}")
        for meta, ind in figures
    ])
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    doc.save(out)
    return {"path": out, "format": "docx", "tables": {"reports": len(items), "headings": n_headings,
                                                      "key_figures": len(figures)}}


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s["children"])
