"""Figures no float holds never reach the contract JSON as Infinity or NaN (not JSON), and
never stop the reading of a report."""
from __future__ import annotations

import json
import subprocess
import sys


def _reject(name):
    raise ValueError(f"{name} is not JSON")


def test_parse_json_of_huge_numbers_is_strict_json(tmp_path):
    text = ("XX县2022年工作总结\n一、2022年工作完成情况\n"
            f"全年完成投资{'1' + '0' * 400}万元，新建项目{'九' * 400}个，计划新建公厕{'1' + '0' * 330}座，已完成1座。"
            "比分1-0，全年新建道路12公里。\n")
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "workreport", "parse", str(f), "--json"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    obj = json.loads(res.stdout, parse_constant=_reject)
    json.dumps(obj, allow_nan=False)
    figures = [i for r in obj["reports"] for i in r["indicators"]]
    assert any(i["value"] == "12" and i["unit"] == "公里" for i in figures)  # the report was read
    assert not any(i.get("high") == 0 for i in figures)
