"""Tracking over the library: report ids in, the CONTRACT track JSON out (CLI and API)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from workreport.contract import track_json
from workreport.store import Library

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def lib_path(tmp_path_factory):
    db = tmp_path_factory.mktemp("track") / "t.db"
    with Library(db) as lib:
        lib.ingest([str(SAMPLES / "2025年吉林省政府工作报告.txt"), str(SAMPLES / "2026_吉林省_政府工作报告.txt")],
                   workers=1)
    return db


def _ids(db):
    with Library(db) as lib:
        items = lib.reports()["items"]
    old = next(r["id"] for r in items if r["path"].endswith("2025年吉林省政府工作报告.txt"))
    new = next(r["id"] for r in items if r["path"].endswith("2026_吉林省_政府工作报告.txt"))
    return old, new


def test_library_track_follows_gdp_target(lib_path):
    old, new = _ids(lib_path)
    with Library(lib_path) as lib:
        out = track_json(lib.track(old, new))
    gdp = next(i for i in out["items"] if i["measure"] == "地区生产总值增长")
    assert gdp["target"]["low"] == 5.5 and gdp["actual"]["value"] == 5.0
    assert gdp["status"] == "missed" and gdp["margin"] == pytest.approx(-0.5)
    assert out["old"]["report_id"] == old and out["new"]["report_id"] == new


def test_library_track_unknown_report_is_none(lib_path):
    with Library(lib_path) as lib:
        assert lib.track(9999, 1) is None


def test_cli_track_db(lib_path):
    old, new = _ids(lib_path)
    res = subprocess.run([sys.executable, "-m", "workreport", "track", str(old), str(new), "--db", str(lib_path), "--json"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["contract"] == 1
    bad = subprocess.run([sys.executable, "-m", "workreport", "track", "9999", str(new), "--db", str(lib_path)],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == ""


def test_track_page_hides_no_evidence_on_request_and_counts_it(lib_path, tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from workreport.web.app import create_app

    old, new = _ids(lib_path)
    with Library(lib_path) as lib:
        client = TestClient(create_app(str(lib_path), library=lib, data_dir=tmp_path), base_url="http://127.0.0.1:8000")
        full = client.get("/api/track", params={"old": old, "new": new}).json()
        none = full["summary"].get("no_evidence", 0)
        assert none >= 1 and "hidden_no_evidence" not in full
        hidden = client.get("/api/track", params={"old": old, "new": new, "hide_none": "1"}).json()
        assert hidden["summary"] == full["summary"] and hidden["hidden_no_evidence"] == none
        assert len(hidden["result"]["items"]) == len(full["result"]["items"]) - none
        assert all(i["status"] != "no_evidence" for i in hidden["result"]["items"])
        html = client.get("/track", params={"old": old, "new": new, "hide_none": "1"}).text
        assert f"无证据的 {none} 项未列出" in html and 'id="hide-none" checked' in html.replace('value="1" ', "")
        rates = [i for i in full["result"]["items"] if i["target"]["unit"] in ("%", "％") and i["margin"] is not None]
        assert rates and all(i["margin_unit"] == "个百分点" for i in rates)


@pytest.mark.parametrize("measure", ["地区生产总值增长", "城镇新增就业"])
def test_tracking_and_compare_agree(lib_path, measure):
    """Both read the figures by canonical measure and period: the target and actual tracking
    shows for the new report's year are the compare table's cell of that year."""
    old, new = _ids(lib_path)
    with Library(lib_path) as lib:
        item = next(i for i in track_json(lib.track(old, new))["items"] if i["measure"] == measure)
        year = lib.report(new)["year"]
        (row,) = lib.compare(measure)["table"]
    cell = row["cells"][str(year)]
    assert item["actual"] is not None
    assert (cell["target"]["line"], cell["target"]["value"]) == (item["target"]["line"], item["target"]["low"])
    assert (cell["actual"]["line"], cell["actual"]["value"]) == (item["actual"]["line"], item["actual"]["value"])
