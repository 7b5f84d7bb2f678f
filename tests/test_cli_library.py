"""The library commands as a user meets them: no empty library made by a read, the file's own
name shown, CSV that Excel reads, Chinese labels, and corrections from the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import quick_parse
from workreport.store import Library

ROOT = Path(__file__).resolve().parent.parent
DISTRICT = ROOT / "samples" / "district"


class _Result:
    def __init__(self, r):
        self.returncode, self.stdout, self.stderr = r.exit_code, r.stdout, r.stderr


def run(*args, cwd=None, input=None):
    """The CLI in this process (a subprocess per call costs seconds on a busy machine)."""
    from click.testing import CliRunner

    from workreport.cli import main

    here = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return _Result(CliRunner().invoke(main, list(args), input=input))
    finally:
        os.chdir(here)


def test_a_real_process_exits_2_without_a_library(tmp_path):
    res = subprocess.run([sys.executable, "-m", "workreport", "search", "隐患"], capture_output=True, text=True,
                         cwd=tmp_path)
    assert res.returncode == 2 and res.stdout == "" and len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "workreport.db").exists()


@pytest.mark.parametrize("args", [
    ["search", "隐患"], ["show", "1"], ["compare", "--measure", "城镇新增就业"], ["export", "--format", "json", "x.json"],
    ["indicators", "--measure", "城镇新增就业"], ["track", "1", "2", "--db", "workreport.db"],
    ["edit", "1", "--year", "2024"], ["delete", "1", "--yes"], ["reparse"],
])
def test_a_read_in_a_folder_without_a_library_makes_no_library(tmp_path, args):
    res = run(*args, cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    lines = [l for l in res.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "workreport.db" in lines[0] and "ingest" in lines[0], res.stderr
    assert res.stdout == "" and not (tmp_path / "workreport.db").exists() and not (tmp_path / "x.json").exists()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "c.db")
    with Library(path, parser=quick_parse) as lib:
        lib.ingest([DISTRICT / "青山区2024年工作总结汇编.txt", DISTRICT / "青山区教育局2025年工作总结.docx"], workers=1)
    return path


def _rid(db) -> int:
    with Library(db, parser=quick_parse) as lib:
        return lib.reports()["items"][0]["id"]


def test_show_names_the_file_not_its_path(db):
    res = run("show", str(_rid(db)), "--db", db)
    assert res.returncode == 0, res.stderr
    assert "来源：青山区" in res.stdout and str(DISTRICT) not in res.stdout
    assert "大纲" in res.stdout and "指标" in res.stdout
    hits = json.loads(run("search", "工作", "--db", db, "--json").stdout)["hits"]
    assert hits and all(os.sep not in h["document"] for h in hits)


def test_csv_output_opens_in_excel(db):
    res = run("indicators", str(DISTRICT / "青山区2024年工作总结汇编.txt"), "--csv")
    assert res.returncode == 0 and res.stdout.startswith("\ufeff单位,")
    with Library(db, parser=quick_parse) as lib:
        measure = lib.measures(limit=1)[0]["measure"]
    out = run("compare", "--measure", measure, "--db", db, "--csv")
    assert out.returncode == 0 and out.stdout.startswith("\ufeff单位,年份,")


def test_edit_from_the_command_line_sticks_and_is_shown(tmp_path, db):
    import shutil

    mine = str(tmp_path / "mine.db")
    shutil.copy(db, mine)
    rid = _rid(mine)
    res = run("edit", str(rid), "--unit", "青山区测试局", "--level", "县区级", "--domain", "民政", "--year", "2023",
              "--db", mine, "--json")
    assert res.returncode == 0, res.stderr
    assert {c["field"] for c in json.loads(res.stdout)["changes"]} >= {"org", "domain", "year"}
    bad = run("edit", str(rid), "--domain", "不存在的领域", "--db", mine)
    assert bad.returncode == 2 and bad.stdout == "" and len(bad.stderr.strip().splitlines()) == 1
    bad = run("edit", str(rid), "--level", "district", "--db", mine)
    assert bad.returncode == 2
    shown = run("show", str(rid), "--db", mine).stdout
    assert "青山区测试局" in shown and "修改记录" in shown and "单位：" in shown
    assert json.loads(run("search", "工作", "--org", "测试局", "--year", "2023", "--db", mine, "--json").stdout)["total"] > 0
    # kept by an ingest of the same files and by a re-parse
    assert run("reparse", "--db", mine).returncode == 0
    with Library(mine, parser=quick_parse) as lib:
        assert [r["org"] for r in lib.reports(org="测试局")["items"]] == ["青山区测试局"]
    res = run("delete", str(_rid(mine)), "--db", mine, input="n\n")
    assert res.returncode != 0  # refused at the prompt
    assert run("delete", str(_rid(mine)), "--db", mine, "--yes").returncode == 0
