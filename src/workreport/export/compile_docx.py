"""``export --format docx``: the library as a compiled 汇编, the way an office hands one on.

Cover, table of contents (a Word TOC field, filled when Word opens the file), one chapter per
report (the body that wrote it as title, outline headings as Word headings), and an appendix table of key figures.
"""
from __future__ import annotations

import copy
import os
import re
import unicodedata
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


# w:settings is a sequence: updateFields must come before these (Word rejects misordered parts)
_AFTER_UPDATE_FIELDS = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                        "listSeparator"}


def _update_fields_on_open(doc) -> None:
    """Ask Word to fill the TOC field when the file is opened."""
    settings = doc.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    for child in settings:
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] in _AFTER_UPDATE_FIELDS:
            child.addprevious(el)
            return
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
        # the body-level sectPr stays the same element when sections are added (they get clones)
        self.end = self.body.get_or_add_sectPr()

    def para(self, text: str = "", style: str | None = None, num_id: int | None = None) -> Paragraph:
        p = OxmlElement("w:p")
        self.end.addprevious(p)
        if style:
            sid = self.ids.get(style)
            if sid is None:
                sid = self.ids[style] = self.doc.styles[style].style_id
            p.get_or_add_pPr().style = sid
        if num_id is not None:
            pr = p.get_or_add_pPr()
            numpr = pr.get_or_add_numPr()
            numpr.get_or_add_ilvl().val = 0
            numpr.get_or_add_numId().val = num_id
        if text:
            p.append(_run(text))
        return Paragraph(p, self.doc._body)


def _run(text: str):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = _XML_ILLEGAL.sub("", text)  # control characters are not allowed in XML
    r.append(t)
    return r


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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
        p.append(_run(text))
        tc.append(p)


def ordinal_prefix(heading: str) -> tuple[str, str, str, int, int] | None:
    """The ordinal written at the start of a heading, as Word numbering can render it.

    Returns (opening bracket, numFmt, text after the number, value, prefix length), e.g. for
    "（十二）xx" ("（", "chineseCounting", "）", 12, 4).  Characters are classified by their
    Unicode properties (numeric value, bracket and punctuation categories), not by a word list.
    None when the heading does not open with a bracketed or punctuated number (e.g. a number
    followed straight by a word is kept as literal text).
    """
    i, n = 0, len(heading)
    opening = ""
    if i < n and unicodedata.category(heading[i]) == "Ps":
        opening, i = heading[i], i + 1
    j = i
    while j < n and _numeric(heading[j]) is not None:
        j += 1
    core = heading[i:j]
    if not core or len(core) > 4:
        return None
    if all(c.isdecimal() for c in core):
        fmt, value = "decimal", int(core)
    elif all(_ideographic(c) for c in core):
        fmt, value = "chineseCounting", _counting_value(core)
    else:  # roman numerals, superscripts, mixtures: leave the text as written
        return None
    tail, k = "", j
    if opening:
        if k < n and unicodedata.category(heading[k]) == "Pe":
            tail, k = heading[k], k + 1
        else:
            return None
    if k < n and unicodedata.category(heading[k]) in ("Po", "Pd"):
        tail, k = tail + heading[k], k + 1
    if not opening and not tail:
        return None
    if value is None or value < 1:
        return None
    return opening, fmt, tail, value, k


def _numeric(c: str) -> float | None:
    try:
        v = unicodedata.numeric(c)
    except (TypeError, ValueError):
        return None
    return v if v == int(v) else None


def _ideographic(c: str) -> bool:
    name = unicodedata.name(c, "")
    return name.startswith("CJK") or name.startswith("IDEOGRAPHIC")


def _counting_value(core: str) -> int | None:
    """Value of a counting numeral written with digits and multipliers (10, 100)."""
    total, cur = 0, 0
    for c in core:
        v = int(unicodedata.numeric(c))
        if v >= 10:
            total += (cur or 1) * v
            cur = 0
        elif v < 10:
            cur = cur * 10 + v
    return total + cur


class _Numbering:
    """Word list numbering for outline headings: the ordinals become real numbering.

    Each group of sibling headings gets its own list (a w:num restarting at 1) when the group is
    numbered 1, 2, 3 … in one written style; otherwise the ordinals stay literal text, so a
    skipped or repeated ordinal in the source is shown as it was written.
    """

    def __init__(self, doc):
        self.root = doc.part.numbering_part.element
        ids = [int(x) for x in self.root.xpath("./w:abstractNum/@w:abstractNumId")] or [0]
        nums = [int(x) for x in self.root.xpath("./w:num/@w:numId")] or [0]
        self.next_abstract = max(ids) + 1
        self.next_num = max(nums) + 1
        self.abstract: dict[tuple[str, str, str], int] = {}

    def _abstract_id(self, opening: str, fmt: str, tail: str) -> int:
        key = (opening, fmt, tail)
        if key in self.abstract:
            return self.abstract[key]
        aid = self.next_abstract
        self.next_abstract += 1
        a = OxmlElement("w:abstractNum")
        a.set(qn("w:abstractNumId"), str(aid))
        mlt = OxmlElement("w:multiLevelType")
        mlt.set(qn("w:val"), "singleLevel")
        a.append(mlt)
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "nothing"),
                         ("w:lvlText", f"{opening}%1{tail}"), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), "0")
        ind.set(qn("w:firstLine"), "0")
        ppr.append(ind)
        lvl.append(ppr)
        a.append(lvl)
        # abstractNum elements must all come before the first w:num
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            self.root.append(a)
        self.abstract[key] = aid
        return aid

    def new_list(self, opening: str, fmt: str, tail: str) -> int:
        aid = self._abstract_id(opening, fmt, tail)
        nid = self.next_num
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(nid))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(aid))
        num.append(ref)
        over = OxmlElement("w:lvlOverride")
        over.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        over.append(start)
        num.append(over)
        self.root.append(num)
        return nid

    def plan(self, sections) -> dict[int, tuple[int, int]]:
        """{section id: (numId, prefix length)} for every sibling group that Word can number."""
        out: dict[int, tuple[int, int]] = {}
        self._plan(sections, out)
        return out

    def _plan(self, group, out) -> None:
        if not group:
            return
        found = [ordinal_prefix((s["heading"] or "").strip()) for s in group]
        shapes = {f[:3] for f in found if f}
        if all(found) and len(shapes) == 1 and [f[3] for f in found] == list(range(1, len(group) + 1)):
            nid = self.new_list(*shapes.pop())
            for s, f in zip(group, found):
                out[s["id"]] = (nid, f[4])
        for s in group:
            self._plan(s["children"], out)


def _label(meta: dict[str, Any]) -> str:
    return meta.get("org") or meta.get("title") or os.path.splitext(os.path.basename(meta["path"]))[0]


def write_docx(lib, out: str) -> dict[str, Any]:
    doc = DocxDocument()
    for name, font in (("Normal", "宋体"), ("Title", "黑体")):
        _east_asian(doc.styles[name], font)
    for lvl in range(1, 10):
        _east_asian(doc.styles[f"Heading {lvl}"], "黑体")
    doc.styles["Normal"].font.size = Pt(12)
    body_style = doc.styles["Body Text"]
    body_style.paragraph_format.first_line_indent = Pt(24)  # two characters, as in official documents

    items = lib.all_reports()
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
    numbering = _Numbering(doc)
    n_headings = n_numbered = 0
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
        numbered = numbering.plan(rep["sections"])
        for p in rep["paragraphs"]:
            s = heads.get(p["line_start"])
            text = p["text"].strip()
            if s is None:
                body.para(text, "Body Text")
                continue
            heading = (s["heading"] or "").strip()
            if not heading or not text.startswith(heading):
                heading = text
            style = f"Heading {min(s['depth'] + 1, 9)}"
            if s["id"] in numbered:  # Word draws the ordinal from the list
                nid, cut = numbered[s["id"]]
                body.para(heading[cut:].strip(), style, num_id=nid)
                n_numbered += 1
            else:
                body.para(heading, style)
            n_headings += 1
            rest = text[len(heading):].strip()
            if rest:
                body.para(rest, "Body Text")
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
    tables = {"reports": len(items), "headings": n_headings, "numbered_headings": n_numbered,
              "key_figures": len(figures)}
    return {"path": out, "format": "docx", "tables": tables}


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s["children"])
