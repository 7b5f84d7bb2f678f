"""PDF reader: text equals the source paragraphs; headers, footers and page numbers gone;
paragraphs cut by page ends and wrapped lines joined; two columns in reading order; scans and
encrypted files refused with exit 2."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

from fixtures.builders import build_pdf, cjk_font
from workreport.errors import CorruptFile, EncryptedFile, NoTextLayer
from workreport.ingest import document_from_bytes

CORPUS_TXT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "provincial_2025_docx", "txt")


@pytest.fixture(scope="module")
def font():
    return cjk_font()  # shipped in tests/fixtures/fonts: no system font, no skip


def test_fixture_pdfs_embed_the_shipped_font(font):
    data = build_pdf(["正文第一段。"], font)
    assert b"/FontFile2" in data  # embedded TrueType: the text layer does not depend on this machine's fonts


def test_fixture_builder_refuses_characters_the_font_lacks(font):
    with pytest.raises(ValueError, match="build_test_font"):
        build_pdf(["\U00020000"], font)


def report_paragraphs(n=18):
    """A synthetic report: headings, long paragraphs with figures (so page ends cut sentences)."""
    out = ["XX县交通运输局2024年工作总结", "一、主要工作完成情况"]
    for i in range(1, n + 1):
        out.append(f"（{'一二三四五六七八九十'[(i - 1) % 10]}）第{i}项重点工作")
        out.append(
            f"全年完成公路建设投资{i * 1.37:.2f}亿元，同比增长{i % 9 + 2.5}%，新建农村公路{i * 12}公里，"
            f"改造危桥{i + 3}座，完成年度目标的{100 + i}%。围绕群众出行需求，持续推进城乡客运一体化，"
            f"新开通公交线路{i}条，建制村通客车率保持100%，群众满意度达到{90 + i % 10}.{i % 10}%。"
            "同时加强安全生产监管，开展隐患排查整治行动，全年未发生较大以上安全事故。"
        )
    out.append("二、存在的问题")
    out.append("资金缺口较大，部分项目推进缓慢，养护力量不足。")
    return out


def squash(s):
    return re.sub(r"\s+", "", s)


def read_pdf_bytes(data, name="t.pdf"):
    return document_from_bytes(data, name)


def test_single_column_text_equals_source(font):
    paras = report_paragraphs()
    doc = read_pdf_bytes(build_pdf(paras, font, header="XX县交通运输局文件", footer="— {n} —"))
    assert doc.format == "pdf"
    assert [squash(l) for l in doc.lines] == [squash(p) for p in paras]


@pytest.mark.parametrize("footer", ["- {n} -", "第{n}页", "第 {n} 页 共 9 页", "{n}"])
def test_page_number_styles_removed(font, footer):
    paras = report_paragraphs(10)
    doc = read_pdf_bytes(build_pdf(paras, font, header="2024年工作总结", footer=footer))
    assert [squash(l) for l in doc.lines] == [squash(p) for p in paras]
    assert not any(re.fullmatch(r"[-—第\s\d页共]+", l) for l in doc.lines)


def test_cut_sentences_are_joined_across_pages(font):
    paras = report_paragraphs()
    data = build_pdf(paras, font, header="页眉")
    import pypdfium2 as pdfium

    assert len(pdfium.PdfDocument(data)) >= 3  # the text really spans page breaks
    doc = read_pdf_bytes(data)
    # every paragraph is one line: none ends mid-sentence, none starts with a continuation
    for line in doc.lines[2:]:
        assert line.endswith(("。", "况", "题", "作")), line
    assert "页眉" not in doc.text


def test_two_columns_read_in_order(font):
    paras = report_paragraphs(12)
    doc = read_pdf_bytes(build_pdf(paras, font, header="简报", columns=2, chars_per_line=16, size=10))
    assert [squash(l) for l in doc.lines] == [squash(p) for p in paras]


@pytest.mark.skipif(not os.path.isdir(CORPUS_TXT), reason="shared corpus not present")
def test_real_report_text_round_trips(font):
    with open(os.path.join(CORPUS_TXT, "2025年上海市政府工作报告.txt"), encoding="utf-8") as fh:
        paras = [l.strip() for l in fh if l.strip()]
    doc = read_pdf_bytes(build_pdf(paras, font, header="上海市政府工作报告"))
    assert [squash(l) for l in doc.lines] == [squash(p) for p in paras]


def _scan_pdf() -> bytes:
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(img)
    for y in range(60, 760, 30):
        draw.rectangle([50, y, 550, y + 12], fill=0)  # lines of "print" as pixels
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def test_scanned_pdf_has_no_text_layer():
    with pytest.raises(NoTextLayer, match="OCR"):
        read_pdf_bytes(_scan_pdf())


def test_encrypted_pdf_is_refused(font):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.setFont(font, 12)
    c.drawString(72, 720, "机密文件内容")
    c.showPage()
    c.save()
    with pytest.raises(EncryptedFile, match="password"):
        read_pdf_bytes(buf.getvalue())


def test_truncated_pdf_is_corrupt_or_readable(font):
    data = build_pdf(report_paragraphs(4), font)
    try:
        doc = read_pdf_bytes(data[: len(data) // 3])
    except (CorruptFile, NoTextLayer):
        return
    assert doc.lines  # pdfium can repair some truncations; then it must yield text


def test_cli_scan_exits_2(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scan_pdf())
    out = subprocess.run([sys.executable, "-m", "workreport", "text", str(path)], capture_output=True, timeout=60)
    assert out.returncode == 2
    assert out.stdout == b""
    assert "no text layer" in out.stderr.decode()
