"""JSON API of the web app: every /api endpoint, the error envelope, escaping, upload safety, tokens.

The library here is filled by a small deterministic parser (built from the model dataclasses) so
these tests do not depend on the structure stage's heuristics; /api/check runs the real pipeline.
"""
from __future__ import annotations

import io
import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from workreport.model import Document, Finding, Indicator, Paragraph, ParsedDocument, Report, Section, Span  # noqa: E402
from workreport.store.library import Library  # noqa: E402
from workreport.web import views  # noqa: E402
from workreport.web.app import create_app  # noqa: E402

LOCAL = "http://127.0.0.1:8000"  # the guard answers only to this server's own names

_FIG = re.compile(r"(\d+(?:\.\d+)?)(亿元|%|处)")
_HEAD = re.compile(r"^([一二三四五六七八九十]+)、")


def fake_parse(doc: Document) -> ParsedDocument:
    """One report per document: line 1 is '<unit><year>年工作总结', headings '一、…', figures 'N亿元'."""
    lines = doc.lines
    title = lines[0]
    year = int(re.search(r"(\d{4})年", title).group(1))
    unit = title[: title.index(str(year))]
    paras, secs, inds, finds = [], [], [], []
    for n, text in enumerate(lines, 1):
        if not text.strip():
            continue
        paras.append(Paragraph(n, n, text, ((n, 0),)))
        m = _HEAD.match(text)
        if m:
            secs.append(Section(line=n, heading=text, ordinal=m.group(1), depth=1, role="other", end_line=n))
        for f in _FIG.finditer(text):
            inds.append(Indicator(line=n, span=Span(f.start(), f.end()), text=f.group(0), value=f.group(1), number=float(f.group(1)),
                                  unit=f.group(2), measure="投资额" if f.group(2) == "亿元" else "整改率",
                                  kind="actual", normalized_value=float(f.group(1)) * (1e8 if f.group(2) == "亿元" else 1),
                                  normalized_unit="元" if f.group(2) == "亿元" else "%",
                                  period=year, period_kind="annual", period_rule="test.report_year"))
        if "xx" in text:
            finds.append(Finding(line=n, rule="placeholder", severity="error", message="占位符未填", wrong="xx"))
    # close each section at the line before the next one
    secs = [Section(**{**{k: getattr(s, k) for k in ("line", "heading", "ordinal", "depth", "role")},
                       "end_line": (secs[i + 1].line - 1 if i + 1 < len(secs) else len(lines))})
            for i, s in enumerate(secs)]
    rep = Report(start_line=1, end_line=len(lines), org=unit, level="city", domain="应急管理", year=year,
                 title=title, sections=tuple(secs), paragraphs=tuple(paras), indicators=tuple(inds),
                 findings=tuple(finds))
    return ParsedDocument(document=doc, furniture_lines=(), reports=(rep,))


def report_text(unit: str, year: int, extra: str = "") -> str:
    return "\n".join([
        f"{unit}{year}年工作总结",
        "",
        "一、主要工作成效",
        "",
        f"全年完成固定资产投资{10 + year % 10}.5亿元，隐患整改率达到98.5%。",
        "",
        "二、存在问题",
        "",
        "部分企业主体责任落实不到位，安全隐患排查不够彻底。" + extra,
        "",
        "三、下一步计划",
        "",
        "力争全年完成投资xx亿元。",
        "",
    ])


SCRIPT = '<script>alert("pwned")</script>'


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("webapi")
    src = root / "src"
    src.mkdir()
    (src / "a2022.txt").write_text(report_text("甲市应急局", 2022, SCRIPT), encoding="utf-8")
    (src / "a2023.txt").write_text(report_text("甲市应急局", 2023), encoding="utf-8")
    (src / "b2023.txt").write_text(report_text("乙县应急局", 2023), encoding="utf-8")
    lib = Library(str(root / "t.db"), parser=fake_parse)
    summary = lib.ingest([str(src)], workers=1)
    assert summary["documents_new"] == 3, summary
    app = create_app(str(root / "t.db"), library=lib, data_dir=root / "data")
    return {"root": root, "lib": lib, "client": TestClient(app, base_url=LOCAL), "app": app}


@pytest.fixture(scope="module")
def client(env):
    return env["client"]


def assert_envelope(resp, status: int):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body


def report_id(client, unit: str, year: int) -> int:
    items = client.get("/api/reports", params={"org": unit, "year": year}).json()["items"]
    assert len(items) == 1
    return items[0]["id"]


# --- 报告库 ---------------------------------------------------------------------------------


def test_reports_lists_every_report_with_counts_and_facets(client):
    body = client.get("/api/reports").json()
    assert body["ok"] is True and body["total"] == 3
    first = body["items"][0]
    for key in ("id", "org", "level", "domain", "year", "n_indicators", "n_findings", "start_line", "end_line"):
        assert key in first
    assert {i["n_indicators"] for i in body["items"]} == {2}
    assert body["facets"]["year"] == {"2023": 2, "2022": 1}


def test_reports_filters_and_paging(client):
    assert client.get("/api/reports", params={"year": 2023}).json()["total"] == 2
    assert client.get("/api/reports", params={"org": "乙县"}).json()["total"] == 1
    assert client.get("/api/reports", params={"unit": "乙县"}).json()["total"] == 1  # the deprecated name
    page = client.get("/api/reports", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_reports_bad_parameters_give_422_envelope(client):
    body = assert_envelope(client.get("/api/reports", params={"year": "twenty"}), 422)
    assert "year" in body["error"]
    assert_envelope(client.get("/api/reports", params={"limit": 0}), 422)


def test_stats_and_facets(client):
    stats = client.get("/api/stats").json()
    assert stats["ok"] is True and stats["documents"] == 3 and stats["reports"] == 3
    assert client.get("/api/facets").json()["facets"]["level"] == {"city": 3}


# --- 搜索 -----------------------------------------------------------------------------------


def test_search_two_characters_highlights_the_word(client):
    body = client.get("/api/search", params={"q": "隐患"}).json()
    assert body["ok"] is True and body["total"] >= 3
    for hit in body["hits"]:
        assert hit["highlights"]
        for s, e in hit["highlights"]:
            assert hit["snippet"][s:e] == "隐患"
    assert sum(body["facets"]["year"].values()) == body["total"]


def test_search_filters_and_limit(client):
    body = client.get("/api/search", params={"q": "隐患", "year": 2022, "limit": 1}).json()
    assert body["total"] == 2 and len(body["hits"]) == 1 and body["hits"][0]["year"] == 2022


def test_search_needs_a_query(client):
    assert_envelope(client.get("/api/search"), 422)
    assert_envelope(client.get("/api/search", params={"q": ""}), 422)


def test_search_page_marks_hits(client):
    html = client.get("/search", params={"q": "隐患"}).text
    assert "<mark>隐患</mark>" in html


# --- 报告 -----------------------------------------------------------------------------------


def test_report_json_has_document_parts(client):
    rid = report_id(client, "甲市", 2022)
    body = client.get(f"/api/reports/{rid}").json()
    rep = body["report"]
    assert body["ok"] is True and rep["org"] == "甲市应急局" and rep["year"] == 2022
    assert [s["ordinal"] for s in rep["sections"]] == ["一", "二", "三"]
    assert {i["span"] for i in rep["indicators"]} == {"12.5亿元", "98.5%"}
    assert rep["findings"][0]["rule"] == "placeholder"
    assert rep["lines"][0] == {"line": 1, "text": "甲市应急局2022年工作总结"}


def test_missing_report_is_a_404_envelope(client):
    body = assert_envelope(client.get("/api/reports/999999"), 404)
    assert "999999" in body["error"]
    assert_envelope(client.get("/api/reports/abc"), 422)
    assert_envelope(client.get("/api/no-such-endpoint"), 404)


def test_report_page_escapes_script_from_the_document(client):
    rid = report_id(client, "甲市", 2022)
    html = client.get(f"/reports/{rid}").text
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html
    # figures marked inline with a hover title, headings anchored for the outline
    assert re.search(r'<mark class="fig fig-actual" title="投资额 · 实际值 · 标准化：1,250,000,000 元">12.5亿元</mark>', html)
    assert 'href="#L3"' in html and 'id="L3"' in html


def test_search_results_escape_script(client):
    body = client.get("/api/search", params={"q": "alert"}).json()
    assert body["total"] == 1 and SCRIPT in body["hits"][0]["text"]  # JSON keeps the text as is
    html = client.get("/search", params={"q": "alert"}).text
    assert "<script>alert" not in html and "&lt;script&gt;<mark>alert</mark>" in html


def test_report_page_missing_is_html_404(client):
    resp = client.get("/reports/999999")
    assert resp.status_code == 404 and "text/html" in resp.headers["content-type"]
    assert "999999" in resp.text


# --- 指标对比 -------------------------------------------------------------------------------


def test_measures_and_compare(client):
    ms = client.get("/api/measures").json()
    assert ms["ok"] is True and {m["measure"] for m in ms["measures"]} == {"投资额", "整改率"}
    body = client.get("/api/compare", params={"measure": "投资额"}).json()
    assert body["ok"] is True and len(body["rows"]) == 3
    assert body["unit"] == "亿元" and body["years"] == [2022, 2023]
    jia = next(t for t in body["table"] if t["org"] == "甲市应急局")
    assert [jia["cells"][y]["actual"]["value"] for y in ("2022", "2023")] == [12.5, 13.5]
    bar = body["bar"]
    assert bar["year"] == 2023 and {i["org"] for i in bar["items"]} == {"甲市应急局", "乙县应急局"}
    assert [i["actual"] for i in bar["items"]] == sorted((i["actual"] for i in bar["items"]), reverse=True)
    assert body["line"]["shown"] is True
    only = client.get("/api/compare", params={"measure": "投资额", "year": "2022"}).json()
    assert only["years"] == [2022] and len(only["rows"]) == 1
    assert client.get("/api/compare", params={"measure": "投资额", "year": ""}).json()["years"] == [2022, 2023]


def test_compare_needs_a_measure(client):
    assert_envelope(client.get("/api/compare"), 422)


def test_compare_downloads_with_the_pages_empty_fields(client):
    """The page's form sends every field, empty ones as ``year=``: each download works."""
    from openpyxl import load_workbook

    empty = {"measure": "投资额", "org": "", "year": "", "level": ""}
    resp = client.get("/api/compare/export", params={**empty, "format": "csv"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert resp.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the Chinese as UTF-8
    rows = resp.content.decode("utf-8-sig").strip().splitlines()
    assert rows[0].startswith("单位,年份") and len(rows) == 4
    resp = client.get("/api/compare/export", params={**empty, "format": "xlsx"})
    assert resp.status_code == 200
    wb = load_workbook(io.BytesIO(resp.content))
    ws = wb.active
    assert ws.cell(1, 1).value == "单位" and ws.max_row == 3  # a row per body
    assert [c.value for c in ws[1]][2:5] == ["2022年实际（亿元）", "2022年目标（亿元）", "2022年差额（亿元）"]
    assert wb["全部数值"].max_row == 4
    resp = client.get("/api/compare/export", params={**empty, "format": "json"})
    assert resp.status_code == 200 and "attachment" in resp.headers["content-disposition"]
    assert resp.json()["years"] == [2022, 2023]
    assert_envelope(client.get("/api/compare/export", params={"measure": "投资额", "format": "exe"}), 422)
    assert_envelope(client.get("/api/compare/export", params={"measure": "投资额", "year": "abc"}), 422)


def test_compare_page_links_downloads_without_empty_fields(client):
    html = client.get("/compare", params={"measure": "投资额", "org": "", "year": "", "level": ""}).text
    assert 'id="chart-data"' in html and "echarts.common.min.js" in html
    links = re.findall(r'href="(/api/compare/export\?[^"]+)"', html)
    assert len(links) == 3 and not any("year=" in x or "org=" in x for x in links)
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200


# --- 承诺跟踪 -------------------------------------------------------------------------------


def test_track_lists_consecutive_year_pairs_of_one_unit(client):
    body = client.get("/api/track").json()
    assert body["ok"] is True
    pairs = [(c["old"], c["new"], c["old_year"], c["new_year"]) for c in body["candidates"]]
    assert pairs == [(report_id(client, "甲市", 2022), report_id(client, "甲市", 2023), 2022, 2023)]
    assert_envelope(client.get("/api/track", params={"old": body["candidates"][0]["old"]}), 422)
    assert_envelope(client.get("/api/track", params={"old": 999998, "new": 999999}), (404, 501)[_no_track()])


def _no_track() -> bool:
    try:
        from workreport.track import track  # noqa: F401
    except ImportError:
        return True
    return False


def test_track_pair_runs_the_tracker(client):
    if _no_track():
        pytest.skip("workreport.track is not in this tree yet")
    cand = client.get("/api/track").json()["candidates"][0]
    body = client.get("/api/track", params={"old": cand["old"], "new": cand["new"]}).json()
    assert body["ok"] is True and isinstance(body["result"]["items"], list)
    assert body["old"]["year"] == 2022 and body["new"]["year"] == 2023


# --- 文稿体检 -------------------------------------------------------------------------------


def test_check_finds_a_placeholder_in_pasted_text(client):
    draft = "某局2023年工作总结\n\n一、工作成效\n\n全年完成投资xx亿元，同比增长x.x%。\n"
    body = client.post("/api/check", data={"text": draft}).json()
    assert body["ok"] is True and body["lines"] == 5
    assert any(f["rule"].startswith("placeholder") and f["line"] == 5 for f in body["findings"]), body


def test_check_accepts_a_file_and_refuses_empty_input(client):
    body = client.post("/api/check", files={"file": ("d.txt", "全年完成投资xx亿元。\n".encode(), "text/plain")}).json()
    assert body["ok"] is True and body["filename"] == "d.txt"
    assert_envelope(client.post("/api/check", data={"text": "  "}), 422)


# --- 导入 -----------------------------------------------------------------------------------


def test_import_stores_inside_the_data_folder_and_ingests(env, client):
    name = "../../escape/丙区2024.txt"
    resp = client.post("/api/import", files={"files": (name, report_text("丙区应急局", 2024).encode(), "text/plain")})
    body = resp.json()
    assert resp.status_code == 200 and body["ok"] is True, body
    f = body["files"][0]
    assert f["documents_new"] == 1 and f["reports"] == 1
    saved = list((env["root"] / "data").iterdir())
    assert len(saved) == 1 and saved[0].name.endswith("-丙区2024.txt") and ".." not in saved[0].name
    assert "saved" not in f and f["filename"] == "丙区2024.txt"  # the user's name, not the stored one
    assert not (env["root"] / "escape").exists()
    # same bytes again: stored once
    again = client.post("/api/import", files={"files": ("x.txt", report_text("丙区应急局", 2024).encode())}).json()
    assert again["files"][0]["documents_unchanged"] == 1


def test_import_refuses_other_types_and_fake_docx(client):
    assert_envelope(client.post("/api/import", files={"files": ("a.exe", b"MZ....")}), 415)
    assert_envelope(client.post("/api/import", files={"files": ("a.docx", b"not a zip")}), 415)
    assert_envelope(client.post("/api/import"), 422)


def test_upload_over_the_limit_is_413(env):
    small = TestClient(create_app("unused.db", library=env["lib"], data_dir=env["root"] / "d2", max_upload_bytes=1000), base_url=LOCAL)
    assert_envelope(small.post("/api/import", files={"files": ("big.txt", "字".encode() * 1000)}), 413)
    # over the limit plus the multipart allowance: refused before parsing
    assert_envelope(small.post("/api/check", files={"file": ("big.txt", b"a" * 200_000)}), 413)


def test_write_endpoints_need_the_token_off_localhost(env):
    app = create_app("unused.db", host="0.0.0.0", token="s3cret", library=env["lib"], data_dir=env["root"] / "d3")
    c = TestClient(app, base_url=LOCAL)
    upload = {"files": ("t.txt", report_text("丁镇", 2021).encode())}
    assert_envelope(c.post("/api/import", files=upload), 401)
    assert_envelope(c.post("/api/import", files=upload, headers={"Authorization": "Bearer wrong"}), 401)
    assert_envelope(c.delete("/api/documents/1"), 401)
    ok = c.post("/api/import", files=upload, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["ok"] is True
    ok = c.post("/api/import", files=upload, data={"token": "s3cret"})  # the HTML form's field
    assert ok.status_code == 200
    # reading stays open
    assert c.get("/api/reports").status_code == 200
    # no token given off localhost: one is generated, so writes are never open
    gen = create_app("unused.db", host="0.0.0.0", library=env["lib"], data_dir=env["root"] / "d3")
    assert gen.state.cfg.token and len(gen.state.cfg.token) >= 16
    assert_envelope(TestClient(gen, base_url=LOCAL).post("/api/import", files=upload), 401)


def test_cross_site_writes_are_refused(client):
    resp = client.post("/api/import", files={"files": ("t.txt", b"x")}, headers={"Origin": "http://evil.example"})
    assert_envelope(resp, 403)


def test_delete_document(env, client):
    docs = env["lib"].documents()
    target = next(d for d in docs if d["path"].endswith("b2023.txt"))
    assert client.delete(f"/api/documents/{target['id']}").json() == {"ok": True, "deleted": target["id"]}
    assert_envelope(client.delete(f"/api/documents/{target['id']}"), 404)
    assert client.get("/api/reports", params={"org": "乙县"}).json()["total"] == 0


# --- pages, docs, static --------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/search", "/search?q=隐患", "/compare", "/track", "/check", "/import", "/docs"])
def test_every_page_renders(client, path):
    resp = client.get(path)
    assert resp.status_code == 200 and "text/html" in resp.headers["content-type"]
    assert "http://" not in resp.text.replace(LOCAL, "") and "https://" not in resp.text


def test_openapi_documents_every_api_route_and_the_envelope(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/reports", "/api/reports/{report_id}", "/api/search", "/api/compare", "/api/compare/export",
                 "/api/measures", "/api/track", "/api/check", "/api/import", "/api/documents/{document_id}",
                 "/api/stats", "/api/facets"):
        assert path in spec["paths"], path
    assert "ErrorEnvelope" in spec["components"]["schemas"]
    assert not any(p.startswith(("/reports", "/compare", "/search")) for p in spec["paths"])


def test_vendored_assets_are_served(client):
    for path in ("/static/vendor/echarts/echarts.common.min.js", "/static/vendor/swagger-ui/swagger-ui-bundle.js",
                 "/static/app.css"):
        assert client.get(path).status_code == 200, path


def test_wrong_method_is_an_envelope(client):
    assert_envelope(client.put("/api/reports"), 405)


# --- views (pure) ---------------------------------------------------------------------------


def test_segments_cover_the_text_exactly():
    segs = views.segments("增长5%和7亿元", [(2, 4, {"k": 1}), (5, 8, {"k": 2}), (3, 6, {"k": 3})])
    assert "".join(s["text"] for s in segs) == "增长5%和7亿元"
    assert [s["text"] for s in segs if s["mark"]] == ["5%", "7亿元"]


def test_snippet_segments_fall_back_to_query_terms_when_offsets_do_not_fit():
    segs = views.snippet_segments({"snippet": "加强安全生产", "highlights": [[0, 99]]}, "安全")
    assert [s["text"] for s in segs if s["mark"]] == ["安全"]


def test_xlsx_cells_never_start_a_formula():
    from workreport.export.compare import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell(5) == 5


def test_check_page_escapes_the_pasted_draft(client):
    html = client.post("/check", data={"text": f"全年完成投资xx亿元{SCRIPT}。\n"}).text
    assert SCRIPT not in html and "&lt;script&gt;" in html


# --- one handler per page: HTML, or JSON by suffix, Accept or /api -----------------------------


@pytest.mark.parametrize("page,api", [
    ("/", "/api/reports"),
    ("/search?q=隐患", "/api/search?q=隐患"),
    ("/compare?measure=投资额", "/api/compare?measure=投资额"),
    ("/track", "/api/track"),
])
def test_each_page_answers_json_by_suffix_or_accept(client, page, api):
    want = client.get(api).json()
    path, _, query = page.partition("?")
    suffix = ("/.json" if path == "/" else f"{path}.json") + (f"?{query}" if query else "")
    assert client.get(suffix).json() == want
    assert client.get(page, headers={"Accept": "application/json"}).json() == want
    assert "text/html" in client.get(page).headers["content-type"]


def test_report_page_as_json(client):
    rid = report_id(client, "甲市", 2022)
    want = client.get(f"/api/reports/{rid}").json()
    assert want["report"]["id"] == rid and client.get(f"/reports/{rid}.json").json() == want
    assert_envelope(client.get("/reports/999999.json"), 404)
    assert client.get("/reports/999999").status_code == 404


def test_import_answers_with_the_status_the_reader_gives(client):
    # the reader's own error reaches the API with its status: binary data is 415, a damaged PDF 422
    assert "binary" in assert_envelope(client.post("/api/import", files={"files": ("x.txt", b"\x00\x01\x02" * 100)}),
                                       415)["error"]
    assert "damaged" in assert_envelope(client.post("/api/import", files={"files": ("b.pdf", b"%PDF-1.4 garbage")}),
                                        422)["error"]


def test_every_error_class_says_its_status():
    import pickle

    from workreport import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.WorkReportError)]
    assert len(classes) > 15
    for c in classes:
        assert "status" in vars(c) and 400 <= c.status < 600, c
    err = pickle.loads(pickle.dumps(errors.TooLarge("a.pdf", 10, 5)))  # crosses from a parser process
    assert (type(err), err.status, err.size, str(err)) == (errors.TooLarge, 413, 10, "a.pdf: 10 bytes is over the limit of 5 bytes")
