"""The web UI in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

One uvicorn server per module over a library ingested from a few real reports; every request
that leaves 127.0.0.1 is blocked and recorded, so a page that needs the internet fails here.
Screenshots go to docs/screenshots/ with WORKREPORT_SCREENSHOTS=1 (`make screenshots`), else
to a temporary folder, so a test run leaves the checkout as it was.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"),
]

ROOT = Path(__file__).resolve().parents[1]
SHOTS = (ROOT / "docs" / "screenshots" if os.environ.get("WORKREPORT_SCREENSHOTS")
         else Path(__import__("tempfile").gettempdir()) / "workreport-screenshots")
SAMPLES = ROOT / "samples"  # real public reports bundled with the repository (see its README)


def _sources() -> list[str]:
    return [str(SAMPLES)] if SAMPLES.is_dir() and any(SAMPLES.iterdir()) else []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from workreport.store.library import Library
    from workreport.web.app import create_app

    sources = _sources()
    if not sources:
        pytest.skip("samples/ is missing: no report texts to ingest")
    root = tmp_path_factory.mktemp("browser")
    lib = Library(str(root / "b.db"))
    summary = lib.ingest(sources, workers=1)
    assert summary["reports"] > 0, summary
    app = create_app(str(root / "b.db"), library=lib, data_dir=root / "data")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "lib": lib}
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, locale="zh-CN")
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(server["url"]) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    ctx.route("**/*", guard)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(10_000)
    yield pg
    ctx.close()
    assert not outside, f"page tried to reach the internet: {outside}"
    assert not errors, f"JavaScript errors: {errors}"


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / name), full_page=False)


def test_library_then_search_a_two_character_word(page, server):
    page.goto(server["url"] + "/")
    rows = page.locator("#reports tbody tr")
    assert rows.count() == server["lib"].reports(limit=1)["total"] or rows.count() == 50
    shot(page, "library.png")
    word = next(w for w in ("就业", "工作", "发展") if server["lib"].search(w, limit=1)["total"])
    page.fill(".bigsearch input[name=q]", word)
    page.press(".bigsearch input[name=q]", "Enter")
    page.wait_for_selector("#hits mark")
    marks = page.locator("#hits mark").all_inner_texts()
    assert marks and set(marks) == {word}
    shot(page, "search.png")


def test_open_a_report_and_jump_to_a_section(page, server):
    lib = server["lib"]
    best = max(lib.reports(limit=500)["items"], key=lambda r: len(lib.report(r["id"])["sections"]))
    rep = lib.report(best["id"])
    page.goto(f"{server['url']}/reports/{best['id']}")
    links = page.locator("#outline a")
    assert links.count() >= 2
    target = links.nth(links.count() - 1)  # the last heading is far below the fold
    href = target.get_attribute("href")
    target.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    line = page.locator(href)
    box = line.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    assert page.evaluate("h => document.querySelector(h).matches(':target')", href)
    # figures are marked inline with a hover title
    if rep["indicators"]:
        title = page.locator("#doc mark.fig").first.get_attribute("title")
        assert title and "·" in title
    richest = max(lib.reports(limit=500)["items"], key=lambda r: (r["n_indicators"] or 0) + 10 * (r["n_pairs"] or 0))
    page.goto(f"{server['url']}/reports/{richest['id']}")
    page.locator("#doc mark.fig").first.scroll_into_view_if_needed()
    shot(page, "report.png")


def test_comparison_chart_renders_with_data(page, server):
    lib = server["lib"]
    measure = None
    for m in lib.measures(limit=100):
        rows = lib.compare(m["measure"])["rows"]
        if len({r["report_id"] for r in rows if r["normalized_value"] is not None or r["number"] is not None}) >= 2:
            measure = m["measure"]
            break
    assert measure, "no measure with figures in two reports"
    page.goto(f"{server['url']}/compare?measure={measure}")
    page.wait_for_selector("#chart canvas")
    n = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart')).getOption()"
                      ".series.reduce((a, s) => a + s.data.filter(v => v != null).length, 0)")
    assert n >= 2
    assert page.locator("#compare-table tbody tr").count() >= 2
    shot(page, "compare.png")


def test_check_a_pasted_draft_shows_a_placeholder_finding(page, server):
    page.goto(server["url"] + "/check")
    page.fill("#draft", "某局2023年工作总结\n\n一、主要工作\n\n全年完成投资xx亿元，同比增长x.x%。\n")
    page.click("#check-btn")
    page.wait_for_selector("#check-result")
    found = page.locator("#check-result .finding[data-rule^=placeholder]")
    assert found.count() >= 1
    assert page.locator("#check-result .bad").first.inner_text() in ("xx", "x.x", "x.x%", "xx亿元")
    shot(page, "check.png")


def test_track_and_import_pages(page, server):
    page.goto(server["url"] + "/track")
    opts = page.locator("#pair-select option")
    if opts.count() > 1:  # samples/ holds 吉林, 河北, 西藏 in two consecutive years
        page.select_option("#pair-select", index=1)
        page.click("form.filters button >> nth=0")
        page.wait_for_selector("#track-table", timeout=20_000)
        assert page.locator("#track-table tbody tr").count() >= 1
    shot(page, "track.png")
    page.goto(server["url"] + "/import")
    draft = "某局2023年工作总结\n\n一、主要工作\n\n全年完成投资12.5亿元，同比增长6.1%。\n".encode()
    page.set_input_files("#files", files=[{"name": "某局2023.txt", "mimeType": "text/plain", "buffer": draft}])
    page.click("#import-form button")
    page.wait_for_selector("#progress li:has-text('全部完成')")
    assert page.locator("#progress progress").first.get_attribute("value") == "100"
    shot(page, "import.png")
    page.goto(server["url"] + "/docs")  # swagger-ui from static/vendor, not a CDN
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    shot(page, "docs.png")
