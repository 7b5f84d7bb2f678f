"""Findings as files (export/findings.py): a Word copy of the draft with a comment at each
finding's span, an Excel list; from the CLI (`workreport check --docx/--xlsx`) and the 文稿体检
page (download links).  And what is no draft is refused: a picture is not read as text."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from workreport.cli import main
from workreport.ingest import binary_kind

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAFT = """2024年，区文化旅游体育局统筹推进公共文化服务和全民健身工作，各项工作取得新进展。
（一）群众体育蓬勃开展。新发展单项体育协会12支、社区健身团队20支，合计35支，实现9个镇（街道）全覆盖。
（三）文旅市场持续升温。全年接待游客620万人次，组织召开坐谈会6次。
"""


def _png() -> bytes:
    def chunk(t: bytes, b: bytes) -> bytes:
        return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def commented_text(docx: bytes) -> dict[str, str]:
    """Comment id -> the document text between its range start and end."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    open_ids: set[str] = set()
    out: dict[str, str] = {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
            out.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "t":
            for i in open_ids:
                out[i] += el.text or ""
    return out


def comment_bodies(docx: bytes) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/comments.xml"))
    return ["".join(t.text or "" for t in c.iter(W + "t")) for c in root.iter(W + "comment")]


@pytest.fixture
def draft(tmp_path) -> Path:
    p = tmp_path / "草稿.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_cli_writes_a_commented_docx_and_an_xlsx(draft, tmp_path):
    import json

    from openpyxl import load_workbook

    docx, xlsx = tmp_path / "out" / "批注.docx", tmp_path / "清单.xlsx"
    res = CliRunner().invoke(main, ["check", str(draft), "--json", "--docx", str(docx), "--xlsx", str(xlsx)])
    assert res.exit_code == 1, res.output  # errors found
    findings = json.loads(res.stdout)["findings"]
    spans = {(f["wrong"]) for f in findings if f["col"] is not None}
    assert {"35支", "坐谈会", "（三）"} <= spans
    anchored = commented_text(docx.read_bytes())
    assert len(anchored) == len(findings)  # one comment a finding; one about a whole report sits on its first line
    assert sorted(f["wrong"] for f in findings if f["col"] is not None) == sorted(
        v for v in anchored.values() if v in {f["wrong"] for f in findings})
    bodies = comment_bodies(docx.read_bytes())
    assert any("32支" in b for b in bodies) and any("座谈会" in b for b in bodies)
    ws = load_workbook(xlsx)["问题清单"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("行号", "起始列", "结束列", "问题类别") and len(rows) == len(findings) + 1
    assert {r[7] for r in rows[1:]} >= {"32支", "座谈会", "（二）"}


def test_picture_is_no_draft(tmp_path):
    png = tmp_path / "草稿.txt"
    png.write_bytes(_png())
    assert binary_kind(_png()) == "png" and binary_kind(DRAFT.encode()) is None
    assert binary_kind("BMW\n2024年".encode()) is None  # two-letter magics need binary bytes after them
    for args in ([str(png)], [str(png), "--encoding", "gb18030"]):
        res = CliRunner().invoke(main, ["check", *args])
        assert res.exit_code == 2 and "binary" in res.output


@pytest.fixture
def client(tmp_path):
    from fastapi.testclient import TestClient

    from workreport.web.app import create_app

    return TestClient(create_app(str(tmp_path / "lib.db"), data_dir=tmp_path / "data"), base_url="http://127.0.0.1:8000")


def test_check_page_refuses_pictures_in_chinese(client):
    for name in ("草稿.png", "草稿.txt", "草稿"):
        r = client.post("/api/check", files={"file": (name, _png())})
        assert r.status_code == 415, (name, r.text)
        assert "图片" in r.json()["error"] and "不是文稿" in r.json()["error"]
    r = client.post("/api/check", files={"file": ("a.exe", b"plain words")})
    assert r.status_code == 415 and "只接受" in r.json()["error"]


def test_check_page_downloads(client):
    r = client.post("/api/check", data={"text": DRAFT})
    assert r.status_code == 200
    data = r.json()
    assert set(data["downloads"]) == {"docx", "xlsx"}
    d = client.get(data["downloads"]["docx"])
    assert d.status_code == 200 and "wordprocessingml" in d.headers["content-type"]
    assert "filename*=UTF-8''" in d.headers["content-disposition"]
    anchored = list(commented_text(d.content).values())
    assert len(anchored) == len(data["findings"])
    assert {f["wrong"] for f in data["findings"] if f["col"] is not None} <= set(anchored)
    x = client.get(data["downloads"]["xlsx"])
    assert x.status_code == 200 and "spreadsheetml" in x.headers["content-type"]
    html = client.post("/check", data={"text": DRAFT}).text
    assert data["downloads"]["docx"] in html and "问题清单（xlsx）" in html
    gone = client.get("/api/check/0123456789abcdef/docx")
    assert gone.status_code == 404 and "重新提交" in gone.json()["error"]
