"""Word .docx: paragraphs and table rows in document order, Word's automatic numbering rendered.

Read straight from the OOXML parts with lxml (python-docx builds the whole tree and skips
numbering).  The zip is treated as hostile (docxzip), and document.xml is streamed with its depth
and element counts bounded, so memory follows the largest top-level block, not the file.

Output lines: one per Word paragraph (a manual line break ``w:br`` also ends a line, as the
reference conversions do), one per table row with cells joined by a tab.  Headers, footers,
footnotes, comments and deleted revisions are not part of the text.
"""
from __future__ import annotations

import re
import zipfile
import zlib

from lxml import etree

from ..errors import CorruptFile, LimitExceeded
from ..model import Document, LineHint
from .debris import read_lines
from .docxzip import Package, main_part, xml_error
from .limits import Limits, resolve
from .numbering import MC, W, Numbering

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)

_SKIP = {W + t for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "delText", "delInstrText",
                         "footnoteReference", "endnoteReference", "commentReference", "fldData",
                         "annotationRef", "tblPr", "trPr", "tcPr", "sectPr", "bookmarkStart",
                         "bookmarkEnd", "proofErr", "lastRenderedPageBreak")}
_SKIP.add(MC + "Fallback")  # the VML copy of a text box already read from mc:Choice


# ---------------------------------------------------------------- styles


class _Styles:
    """Paragraph styles with basedOn resolved: name, numbering and outline level per style id."""

    def __init__(self, root):
        self.default: str | None = None
        raw: dict[str, dict] = {}
        if root is not None:
            for st in root.iter(W + "style"):
                if st.get(W + "type") not in (None, "paragraph", "numbering"):
                    continue
                sid = st.get(W + "styleId")
                if sid is None:
                    continue
                if st.get(W + "default") in ("1", "true", "on") and st.get(W + "type") == "paragraph":
                    self.default = sid
                name_el = st.find(W + "name")
                ppr = st.find(W + "pPr")
                num_id, ilvl = _num_pr(ppr)
                olvl = ppr.find(W + "outlineLvl") if ppr is not None else None
                based = st.find(W + "basedOn")
                raw[sid] = {
                    "name": name_el.get(W + "val") if name_el is not None else sid,
                    "num": (num_id, ilvl) if ppr is not None and ppr.find(W + "numPr") is not None else None,
                    "outline": _to_int(olvl.get(W + "val")) if olvl is not None else None,
                    "based": based.get(W + "val") if based is not None else None,
                }
        self._raw = raw
        self.name = {sid: r["name"] for sid, r in raw.items()}

    def _chain(self, sid):
        seen = set()
        while sid in self._raw and sid not in seen and len(seen) < 32:
            seen.add(sid)
            yield self._raw[sid]
            sid = self._raw[sid]["based"]

    def numbering(self, sid) -> tuple[str | None, int | None] | None:
        for r in self._chain(sid):
            if r["num"] is not None:
                return r["num"]
        return None

    def outline_level(self, sid) -> int | None:
        """1-based heading level: explicit outlineLvl wins, then a built-in heading name."""
        for r in self._chain(sid):
            if r["outline"] is not None:
                return r["outline"] + 1 if 0 <= r["outline"] <= 8 else None
            m = _HEADING_NAME.match((r["name"] or "").strip())
            if m:
                return int(m.group(1))
        return None

    def style_numbering_map(self) -> dict[str, tuple[str | None, int | None]]:
        return {sid: n for sid in self._raw if (n := self.numbering(sid)) is not None}


def _to_int(s):
    try:
        return int(s)
    except (TypeError, ValueError):
        return None


def _num_pr(ppr) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a paragraph's or style's w:numPr, either may be missing."""
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    if numpr is None:
        return None, None
    el = numpr.find(W + "numId")
    num_id = el.get(W + "val") if el is not None else None
    el = numpr.find(W + "ilvl")
    return num_id, (_to_int(el.get(W + "val")) if el is not None else None)


# ---------------------------------------------------------------- document.xml


def _iter_body_blocks(stream, path: str, part: str, limits: Limits):
    """Yield each direct child of w:body complete, then free it (memory stays per block).

    Depth and element counts are checked as the elements start, so a crafted part is refused
    before its tree is built (lxml spends ~100 bytes per element; recursion follows depth).
    """
    depth = 0
    body_depth = None
    total = block = 0
    max_depth, max_block, max_total = limits.xml_depth, limits.xml_block_elements, limits.xml_elements
    events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    for event, el in events:
        if event == "start":
            depth += 1
            total += 1
            block += 1
            if depth > max_depth:
                raise LimitExceeded(path, f"{part} nests XML elements too deeply", depth, max_depth, "xml_depth")
            if block > max_block:
                raise LimitExceeded(path, f"one paragraph or table of {part} holds too many XML elements",
                                    block, max_block, "xml_block_elements")
            if total > max_total:
                raise LimitExceeded(path, f"{part} holds too many XML elements", total, max_total, "xml_elements")
            if body_depth is None and el.tag == W + "body":
                body_depth = depth
            continue
        if body_depth is not None and depth == body_depth + 1:
            yield el
            block = 0
            el.clear()
            parent = el.getparent()
            while el.getprevious() is not None:
                del parent[0]
        depth -= 1


def _hidden(run) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    v = rpr.find(W + "vanish")
    return v is not None and v.get(W + "val", "true") not in ("0", "false", "off")


def _sym(el) -> str:
    code = el.get(W + "char") or ""
    try:
        cp = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= cp <= 0xF0FF:  # Symbol/Wingdings private-use glyphs carry no text
        return ""
    return chr(cp)


def _collect(el, out: list[str], boxes: list) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            out.append(_sym(child))
        elif tag == W + "txbxContent":
            boxes.append(child)
        elif tag == W + "r":
            if not _hidden(child):
                _collect(child, out, boxes)
        else:
            _collect(child, out, boxes)


class _Reader:
    def __init__(self, styles: _Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.lines: list[str] = []
        self.hints: list[LineHint] = []

    # -- paragraphs

    def _number(self, p, style_id) -> tuple[str, bool]:
        num_id, ilvl = _num_pr(p.find(W + "pPr"))
        from_style = self.styles.numbering(style_id) if style_id else None
        if num_id is None and from_style is not None:
            num_id = from_style[0]
            if ilvl is None:
                ilvl = from_style[1]
        if not num_id or num_id == "0":
            return "", False
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, style_id) if style_id else None
        got = self.numbering.render(num_id, ilvl or 0)
        return got if got is not None else ("", False)

    def paragraph_text(self, p) -> tuple[str, list, str | None, int | None, bool]:
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else self.styles.default
        prefix, numbered = self._number(p, style_id)
        out: list[str] = []
        boxes: list = []
        _collect(p, out, boxes)
        outline = None
        olvl = ppr.find(W + "outlineLvl") if ppr is not None else None
        if olvl is not None:
            v = _to_int(olvl.get(W + "val"))
            outline = v + 1 if v is not None and 0 <= v <= 8 else None
        elif style_id:
            outline = self.styles.outline_level(style_id)
        return prefix + "".join(out), boxes, style_id, outline, numbered

    def add_paragraph(self, p) -> None:
        text, boxes, style_id, outline, numbered = self.paragraph_text(p)
        first = len(self.lines) + 1
        self.lines.extend(text.split("\n"))
        if outline is not None or numbered:
            name = self.styles.name.get(style_id, style_id) if style_id else None
            self.hints.append(LineHint(line=first, outline_level=outline, numbered=numbered, style=name))
        for box in boxes:
            self.add_blocks(box)

    # -- tables

    def _cell_text(self, tc) -> str:
        parts: list[str] = []
        for block in self._blocks(tc):
            if block.tag == W + "p":
                text, boxes, *_ = self.paragraph_text(block)
                parts.append(text.replace("\n", " ").replace("\t", " ").strip())
                for box in boxes:
                    for bp in box.iter(W + "p"):
                        parts.append(self.paragraph_text(bp)[0].replace("\n", " ").strip())
            elif block.tag == W + "tbl":
                for row in self._rows(block):
                    parts.append(" ".join(c for c in (self._cell_text(tc2) for tc2 in self._cells(row)) if c))
        return " ".join(p for p in parts if p)

    def _children(self, parent, tag: str):
        """The ``tag`` children of a table or row, looking through content controls (w:sdt) and
        custom XML wrappers, which Word may put around whole rows or cells."""
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if content is not None:
                    yield from self._children(content, tag)

    def _rows(self, tbl):
        return self._children(tbl, W + "tr")

    def _cells(self, tr):
        return self._children(tr, W + "tc")

    def add_table(self, tbl) -> None:
        for row in self._rows(tbl):
            cells = [self._cell_text(tc) for tc in self._cells(row)]
            if any(cells):
                self.lines.append("\t".join(cells))
                self.hints.append(LineHint(line=len(self.lines), style="table"))

    # -- blocks

    def _blocks(self, container):
        for child in container:
            if child.tag in (W + "p", W + "tbl"):
                yield child
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self._blocks(content)
            elif child.tag in (W + "customXml", W + "ins", W + "moveTo") or child.tag == MC + "AlternateContent":
                yield from self._blocks(child)
            elif child.tag == MC + "Choice":
                yield from self._blocks(child)

    def add_blocks(self, container) -> None:
        """Paragraphs and tables of a container (body child list, text box, sdtContent)."""
        for b in self._blocks(container):
            if b.tag == W + "p":
                self.add_paragraph(b)
            else:
                self.add_table(b)


def read_docx(data: bytes, path: str, sha256: str, limits: Limits | None = None) -> Document:
    limits = resolve(limits)
    pkg = Package(data, path, limits)
    main = main_part(pkg)
    rels = pkg.rels(main)
    style_part = rels.get("styles", "word/styles.xml")
    styles = _Styles(pkg.xml(style_part) if pkg.has(style_part) else None)
    num_part = rels.get("numbering", "word/numbering.xml")
    numbering = Numbering.from_xml(pkg.xml(num_part) if pkg.has(num_part) else None, styles.style_numbering_map(),
                                   levels_max=limits.numbering_levels, text_max=limits.numbering_text_chars)
    reader = _Reader(styles, numbering)
    stream = pkg.open(main, limits.docx_document_bytes)
    try:
        for block in _iter_body_blocks(stream, path, main, limits):
            reader.add_blocks((block,))
    except etree.XMLSyntaxError as exc:
        raise xml_error(path, main, exc, limits) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise CorruptFile(path, f"{main} is damaged ({exc})") from exc
    lines = reader.lines
    while lines and not lines[-1].strip():
        lines.pop()
    if not any(l.strip() for l in lines):
        from ..errors import EmptyInput

        raise EmptyInput(path)
    n = len(lines)
    hints = tuple(h for h in reader.hints if h.line <= n)
    lines = tuple(lines)
    return Document(path=path, sha256=sha256, format="docx", encoding="n/a", lines=lines, hints=hints,
                    norm_lines=read_lines(lines))
