"""The web side of corrections and the small things: edit and delete through the API and the
forms (guarded as uploads are), the edit log, sorting, years newest first, file names instead
of server paths, and framework errors in Chinese."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from test_web_api import fake_parse, report_text  # noqa: E402
from workreport.store.library import Library  # noqa: E402
from workreport.web.app import create_app  # noqa: E402


@pytest.fixture
def env(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, org, year in (("a2021.txt", "甲市应急局", 2021), ("b2021.txt", "乙县应急局", 2021),
                            ("a2022.txt", "甲市应急局", 2022), ("c2023.txt", "丙区应急局", 2023)):
        (src / name).write_text(report_text(org, year), encoding="utf-8")
    lib = Library(str(tmp_path / "t.db"), parser=fake_parse)
    lib.ingest([str(src)], workers=1)
    app = create_app(str(tmp_path / "t.db"), library=lib, data_dir=tmp_path / "data")
    yield {"lib": lib, "client": TestClient(app, base_url="http://127.0.0.1:8000"), "src": src, "tmp": tmp_path}
    lib.close()


def _rid(client, org, year=None) -> int:
    params = {"org": org, **({"year": year} if year else {})}
    items = client.get("/api/reports", params=params).json()["items"]
    assert len(items) == 1, items
    return items[0]["id"]


def test_edit_through_the_api_is_kept_logged_and_seen_everywhere(env):
    c = env["client"]
    rid = _rid(c, "丙区")
    r = c.post(f"/api/reports/{rid}/edit", data={"org": "丙区应急管理局", "level": "县区级", "domain": "应急管理",
                                                  "year": "2024"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True and {x["field"] for x in body["changes"]} == {"org", "level", "year"}
    assert body["corrections"]["level"] == {"value": "county_district", "parsed": "city"}
    rep = c.get(f"/api/reports/{rid}").json()["report"]
    assert rep["org"] == "丙区应急管理局" and rep["year"] == 2024 and rep["corrected"] is True
    assert {e["field"]: (e["old"], e["new"]) for e in rep["edits"]} == {
        "org": ("丙区应急局", "丙区应急管理局"), "level": ("city", "county_district"), "year": (2023, 2024)}
    assert all(e["at"] and e["source"] == "web" for e in rep["edits"])
    assert c.get("/api/reports", params={"org": "应急管理局", "level": "county_district"}).json()["total"] == 1
    assert c.get("/api/facets").json()["facets"]["year"]["2024"] == 1
    hits = c.get("/api/search", params={"q": "隐患", "year": 2024}).json()["hits"]
    assert hits and {h["org"] for h in hits} == {"丙区应急管理局"}
    rows = c.get("/api/compare", params={"measure": "投资额", "org": "丙区"}).json()["rows"]
    assert rows and {r["org"] for r in rows} == {"丙区应急管理局"}
    log = c.get("/api/edits").json()["edits"]
    assert len(log) == 3 and log[0]["report_id"] == rid
    # the HTML page shows the form, the corrected value, what the parser said and the log
    html = c.get(f"/reports/{rid}").text
    assert 'id="edit-form"' in html and "自动识别：市级" in html and 'id="edit-log"' in html
    # a revert through the form (empty field) goes back to the parser's value
    r = c.post(f"/reports/{rid}/edit", data={"org": "丙区应急管理局", "level": "county_district", "domain": "应急管理",
                                             "year": "", "whole_form": "true"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(f"/reports/{rid}?notice=")
    rep = c.get(f"/api/reports/{rid}").json()["report"]
    assert rep["year"] == 2023 and rep["org"] == "丙区应急管理局" and set(rep["corrections"]) == {"org", "level"}


def test_edits_are_validated_and_refused_in_chinese(env):
    c = env["client"]
    rid = _rid(c, "丙区")
    for data, word in (({"level": "district"}, "层级"), ({"domain": "城建"}, "领域"), ({"year": "1800"}, "年份")):
        body = c.post(f"/api/reports/{rid}/edit", data=data).json()
        assert body["status"] == 422 and word in body["error"], body
    body = c.post(f"/api/reports/{rid}/edit", data={"year": "20x4"}).json()
    assert body["status"] == 422 and "year" in body["error"] and "Input should" not in body["error"]
    body = c.post(f"/api/reports/{rid}/edit", data={"org": "局" * 101}).json()
    assert body["status"] == 422 and "最多 100 个字符" in body["error"]
    assert c.post("/api/reports/99999/edit", data={"year": "2020"}).json()["status"] == 404
    # the form answers a refused value on the report page, nothing saved
    r = c.post(f"/reports/{rid}/edit", data={"level": "district"}, follow_redirects=False)
    assert r.status_code == 303 and "%E6%9C%AA%E4%BF%9D%E5%AD%98" in r.headers["location"]  # 未保存
    assert c.get("/api/edits").json()["edits"] == []


def test_writes_need_the_token_and_the_same_origin(tmp_path, env):
    app = create_app(str(env["tmp"] / "t.db"), library=env["lib"], host="0.0.0.0", token="s3cret",
                     data_dir=tmp_path / "d")
    c = TestClient(app, base_url="http://127.0.0.1:8000")
    rid = _rid(c, "丙区")
    assert c.post(f"/api/reports/{rid}/edit", data={"year": "2024"}).json()["status"] == 401
    assert c.delete(f"/api/reports/{rid}").json()["status"] == 401
    assert c.post(f"/api/reports/{rid}/edit", data={"year": "2024", "token": "s3cret"}).json()["ok"] is True
    r = c.post(f"/api/reports/{rid}/edit", data={"year": "2025", "token": "s3cret"},
               headers={"Origin": "http://evil.example"})
    assert r.json()["status"] == 403
    assert 'name="token"' in c.get(f"/reports/{rid}").text  # the form asks for it


def test_delete_needs_a_confirmation_and_stays_deleted(env):
    c, lib = env["client"], env["lib"]
    rid = _rid(c, "乙县")
    page = c.get(f"/reports/{rid}/delete")
    assert page.status_code == 200 and "确认删除" in page.text and "b2021.txt" in page.text
    assert c.get(f"/api/reports/{rid}").status_code == 200  # looking at the confirmation deletes nothing
    assert c.post(f"/reports/{rid}/delete", data={"scope": "report"}).status_code == 422  # no confirm
    r = c.post(f"/reports/{rid}/delete", data={"scope": "report", "confirm": "yes"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/?notice=")
    assert c.get(f"/api/reports/{rid}").status_code == 404
    assert lib.ingest([str(env["src"])], workers=1)["documents_unchanged"] == 4
    lib.reparse()
    assert c.get("/api/reports", params={"org": "乙县"}).json()["total"] == 0
    assert c.get("/api/edits").json()["edits"][0]["action"] == "delete_report"
    # the API, and a whole document through the form
    rid = _rid(c, "丙区")
    assert c.delete(f"/api/reports/{rid}").json() == {"ok": True, "deleted": rid, "document": "c2023.txt"}
    assert c.delete(f"/api/reports/{rid}").json()["status"] == 404
    rid = _rid(c, "甲市", 2022)
    r = c.post(f"/reports/{rid}/delete", data={"scope": "document", "confirm": "yes"}, follow_redirects=False)
    assert r.status_code == 303
    assert [d["name"] for d in lib.documents()] == ["a2021.txt", "b2021.txt", "c2023.txt"]  # c: no reports left
    assert c.get("/api/edits").json()["edits"][0]["action"] == "delete_document"
    assert "删除文档" in c.get("/edits").text


def test_sort_years_and_names(env):
    c = env["client"]
    items = c.get("/api/reports", params={"sort": "year"}).json()["items"]
    assert [i["year"] for i in items] == [2021, 2021, 2022, 2023]
    items = c.get("/api/reports", params={"sort": "-org"}).json()["items"]
    assert [i["org"] for i in items] == sorted((i["org"] for i in items), reverse=True)
    body = c.get("/api/reports", params={"sort": "path; DROP TABLE reports"}).json()
    assert body["status"] == 422 and "sort 只能是" in body["error"]
    # the year filter lists years newest first, not the most common first
    assert list(c.get("/api/facets").json()["facets"]["year"]) == ["2023", "2022", "2021"]
    assert list(c.get("/api/search", params={"q": "隐患"}).json()["facets"]["year"]) == ["2023", "2022", "2021"]
    html = c.get("/").text
    assert re.findall(r'<option value="(\d{4})"', html) == ["2023", "2022", "2021"]
    # the file's own name, never the server's path
    body = c.get("/api/reports").json()
    assert all("path" not in i and "/" not in i["document"] for i in body["items"])
    rep = c.get(f"/api/reports/{body['items'][0]['id']}").json()["report"]
    assert "path" not in rep and str(env["src"]) not in c.get(f"/reports/{rep['id']}").text
    hits = c.get("/api/search", params={"q": "隐患"}).json()["hits"]
    assert all(h["document"] in {"a2021.txt", "b2021.txt", "a2022.txt", "c2023.txt"} for h in hits)
    old, new = _rid(c, "甲市", 2021), _rid(c, "甲市", 2022)
    tracked = c.get("/api/track", params={"old": old, "new": new}).json()
    assert tracked["result"]["old"]["path"] == "a2021.txt" and str(env["src"]) not in str(tracked)


def test_a_refused_import_names_the_users_file_not_the_servers(env):
    c = env["client"]
    body = c.post("/api/import", files={"files": ("截图.txt", bytes(range(256)) * 40, "text/plain")}).json()
    assert body["ok"] is False and body["error"].startswith("截图.txt:"), body
    assert str(env["tmp"]) not in body["error"] and "/" not in body["error"].split(":")[0]


def test_framework_errors_are_in_chinese(env):
    c = env["client"]
    for resp in (c.get("/api/reports", params={"limit": 0}), c.get("/api/reports", params={"limit": "x"}),
                 c.get("/api/compare/export", params={"measure": "投资额", "format": "pdf"}),
                 c.get("/api/reports/abc"), c.post("/api/reports/1/edit", data={"reset": "colour"})):
        body = resp.json()
        assert body["ok"] is False and not re.search(r"Input should|Field required|valid integer", body["error"]), body
        assert re.search(r"[\u4e00-\u9fff]", body["error"]), body
    assert "只能是 csv、xlsx、json 之一" in c.get("/api/compare/export", params={"measure": "x", "format": "pdf"}).json()["error"]
    assert "应不小于 1" in c.get("/api/reports", params={"limit": 0}).json()["error"]
    r = c.get("/no-such-page")
    assert r.status_code == 404 and "找不到 /no-such-page" in r.text and "Not Found" not in r.text
    r = c.put("/api/reports")
    assert r.status_code == 405 and r.json()["error"] == "/api/reports 不接受 PUT 请求"
