"""Every bound the readers enforce, in one table, so a caller (CLI, server, batch) can set them.

A reader refuses input past a bound with :class:`~workreport.errors.LimitExceeded` (or
:class:`~workreport.errors.ArchiveBomb` / :class:`~workreport.errors.TooLarge`), naming the
setting, instead of spending unbounded time or memory.  The defaults sit far above any real report
(the reasons are beside each value) and low enough that one document stays within a few hundred MB
and seconds.  Per-document wall time and memory are a separate, process-level budget.

Usage::

    from workreport.ingest import read_document
    from workreport.ingest.limits import Limits

    read_document(path, limits=Limits(html_depth=512))
"""
from __future__ import annotations

from dataclasses import dataclass, fields

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    # -- any file
    file_bytes: int = 200 * MB  # no single report file is anywhere near this

    # -- .docx (a zip of XML parts)
    zip_entries: int = 10_000  # a real .docx has a few dozen parts
    docx_document_bytes: int = 100 * MB  # inflated document.xml; a 1,000-page report is ~20 MB
    docx_part_bytes: int = 16 * MB  # styles.xml, numbering.xml, rels
    zip_ratio: int = 200  # XML deflates 5-20x; hundreds of times means a crafted member
    xml_depth: int = 128  # Word nests ~30 deep (table in table in text box); libxml2 stops at 256
    # lxml keeps ~350 bytes per element of the block being read (a 300-row table has ~60 k)
    xml_block_elements: int = 500_000  # in one paragraph or top-level table, or in a side part
    xml_elements: int = 10_000_000  # in document.xml; a 1,000-page report has ~2 M
    numbering_levels: int = 9  # Word loads only w:ilvl 0..8
    numbering_text_chars: int = 31  # Word caps a rendered list number at 31 characters

    # -- HTML
    html_bytes: int = 50 * MB
    html_depth: int = 256  # open elements; pages nest 20-60 deep, the HTML parser is quadratic in this
    html_elements: int = 500_000  # a 5 MB page has ~100 k; lexbor takes ~330 bytes each

    # -- PDF
    pdf_pages: int = 5_000
    pdf_page_side: float = 14_400.0  # points (200 in): the PDF format's own largest page
    pdf_page_objects: int = 1_000_000  # paths, images, text, forms expanded; a detailed map has ~100 k
    pdf_page_text_objects: int = 20_000  # a page set glyph by glyph has ~5,000
    pdf_page_chars: int = 200_000  # a dense A4 page holds ~4,000; a form drawn 1,000 times does not
    pdf_chars: int = 10_000_000  # a 1,000-page report holds ~1.5 M; each costs pdfium ~250 bytes
    pdf_content_bytes: int = 256 * MB  # a page's content streams inflated (forms once each); a detailed map has ~20 MB

    def as_dict(self) -> dict[str, int | float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT = Limits()


def resolve(limits: Limits | None) -> Limits:
    return DEFAULT if limits is None else limits
