"""Text reader and the format registry: encodings, BOMs, bad input, --encoding."""
from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

from workreport.errors import BinaryInput, DecodeError, EmptyInput, InputNotFound, NotAFile
from workreport.ingest import document_from_bytes, read_document

TEXT = "XX镇2024年工作总结\n一、主要工作\n全年完成投资1.37亿元，增长8.5%。\n"
LINES = ("XX镇2024年工作总结", "一、主要工作", "全年完成投资1.37亿元，增长8.5%。")


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_encodings_detected(data, encoding):
    doc = document_from_bytes(data, "r.txt")
    assert doc.lines == LINES
    assert doc.encoding == encoding
    assert doc.format == "txt"


def test_crlf_and_blank_lines_keep_numbering():
    doc = document_from_bytes("甲\r\n\r\n乙\r\n".encode(), "r.txt")
    assert doc.lines == ("甲", "", "乙")
    assert doc.line(3) == "乙"


def test_gb18030_only_characters():
    # a rare character outside GBK still decodes (GB18030 is the fallback, not GBK)
    text = "㐀字与𠀀字的年度总结。\n"
    assert document_from_bytes(text.encode("gb18030"), "r.txt").lines == ("㐀字与𠀀字的年度总结。",)


def test_forced_encoding_and_wrong_forced_encoding():
    data = TEXT.encode("gb18030")
    assert document_from_bytes(data, "r.txt", encoding="gb18030").lines == LINES
    with pytest.raises(DecodeError, match="utf-8"):
        document_from_bytes(data, "r.txt", encoding="utf-8")


def test_mixed_undecodable_bytes_name_the_encodings_tried():
    data = TEXT.encode("utf-8") + b"\x81\x20\xff\xfe\x80" * 3
    with pytest.raises(DecodeError) as err:
        document_from_bytes(data, "r.txt")
    assert "--encoding" in str(err.value)


def test_binary_empty_directory_missing(tmp_path):
    with pytest.raises(BinaryInput):
        document_from_bytes(bytes(range(256)) * 40, "blob.txt")
    with pytest.raises(EmptyInput):
        document_from_bytes(b"  \n\n", "e.txt")
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInput):
        read_document(empty)
    with pytest.raises(NotAFile):
        read_document(tmp_path)
    with pytest.raises(InputNotFound):
        read_document(tmp_path / "nope.txt")


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "workreport", *args], capture_output=True, timeout=60)


def test_cli_text_and_encoding_option(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(TEXT.encode("gb18030"))
    out = run_cli("text", str(p))
    assert out.returncode == 0 and out.stdout.decode().splitlines() == list(LINES)
    out = run_cli("text", str(p), "--encoding", "utf-8")
    assert out.returncode == 2 and out.stdout == b""
    assert out.stderr.decode().count("\n") == 1 and "--encoding" in out.stderr.decode()
    out = run_cli("text", str(p), "--encoding", "gb18030")
    assert out.returncode == 0 and out.stdout.decode().splitlines() == list(LINES)


@pytest.mark.parametrize("make", ["missing", "directory", "empty", "binary"])
def test_cli_bad_input_exit_2(tmp_path, make):
    target = tmp_path / "x.txt"
    if make == "directory":
        target = tmp_path
    elif make == "empty":
        target.write_bytes(b"")
    elif make == "binary":
        target.write_bytes(bytes(range(256)) * 40)
    out = run_cli("text", str(target))
    assert out.returncode == 2, out.stderr
    assert out.stdout == b""
    err = out.stderr.decode()
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
