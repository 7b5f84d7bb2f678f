"""Bad input: exit 2, one clear line on stderr, nothing on stdout, never a traceback."""
import json
import subprocess
import sys

import pytest


def run(*args):
    return subprocess.run([sys.executable, "-m", "workreport", *args], capture_output=True, text=True)


@pytest.fixture
def bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "dir").mkdir()
    return tmp_path


@pytest.mark.parametrize("name", ["missing.txt", "empty.txt", "blank.txt", "binary.txt", "dir"])
def test_bad_input_exit_2(bad_files, name):
    res = run("parse", str(bad_files / name), "--json")
    assert res.returncode == 2
    assert res.stdout == ""
    lines = [l for l in res.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "Traceback" not in res.stderr
    assert lines[0].startswith("error:")


def test_parse_json_contract_shape(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("某某镇2022年工作总结\n一、2022年工作总结\n全年完成投资3.4亿元，同比增长12%。\n二、2023年工作计划\n力争完成投资4亿元。\n",
                 encoding="utf-8")
    res = run("parse", str(f), "--json")
    assert res.returncode == 0, res.stderr
    d = json.loads(res.stdout)
    assert d["contract"] == 1
    assert set(d["source"]) >= {"path", "sha256", "format", "encoding"}
    assert isinstance(d["chrome_lines"], list)
    r = d["reports"][0]
    for key in ("start_line", "end_line", "org", "unit", "level", "region", "domain", "year", "sections",
                "paragraphs", "indicators", "pairs", "plan_items", "findings"):
        assert key in r
    assert [s["role"] for s in r["sections"]] == ["achievements", "plan"]
    assert r["sections"][0]["ordinal"] == "一" and r["sections"][0]["depth"] == 1


def test_parse_without_json_prints_outline(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("一、2022年工作总结\n全年完成投资。\n二、存在的问题\n短板明显。\n", encoding="utf-8")
    res = run("parse", str(f))
    assert res.returncode == 0
    assert "2022年工作总结" in res.stdout and "〔问题〕" in res.stdout  # the section's role, in Chinese


def test_gb18030_file_parses(tmp_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("一、2022年工作总结\n全年完成投资3亿元。\n".encode("gb18030"))
    res = run("parse", str(f), "--json")
    assert res.returncode == 0
    assert json.loads(res.stdout)["source"]["encoding"] == "gb18030"
