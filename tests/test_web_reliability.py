"""The server under hostile requests: foreign hosts and origins, bodies refused before they are
read, numbers past 64 bits, a document past its parse budget while others keep being served."""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from conftest import two_unit_reports  # noqa: E402
from slow_parsers import picky_parse  # noqa: E402
from workreport.errors import SettingError  # noqa: E402
from workreport.store import Library  # noqa: E402
from workreport.web.app import create_app  # noqa: E402

LOCAL = "http://127.0.0.1:8000"
BUDGET_S = 5.0  # the served parse budget (a fresh worker must start and parse within it on a busy machine)


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    root = tmp_path_factory.mktemp("webrel")
    src = two_unit_reports(root, "完成投资3.5亿元。")
    library = Library(str(root / "w.db"), parser=picky_parse)
    library.ingest([str(src)], workers=1)
    yield library
    library.close()


def app_for(lib, tmp_path, **settings):
    return create_app("unused.db", library=lib, data_dir=tmp_path / "data", **settings)


def envelope(resp, status):
    assert resp.status_code == status, (resp.status_code, resp.text[:300])
    body = resp.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body


# --- Host and Origin ------------------------------------------------------------------------


@pytest.mark.parametrize("origin", ["null", "https://127.0.0.1:8000", "http://127.0.0.1:9999", "http://evil.example:8000",
                                    "file://", "http://127.0.0.1:8000.evil.example"])
def test_writes_from_other_origins_are_refused(lib, tmp_path, origin):
    c = TestClient(app_for(lib, tmp_path), base_url=LOCAL)
    envelope(c.post("/api/import", files={"files": ("t.txt", b"x")}, headers={"Origin": origin}), 403)
    envelope(c.delete("/api/documents/1", headers={"Origin": origin}), 403)
    assert lib.documents()


def test_same_origin_writes_pass_and_cross_site_fetch_metadata_does_not(lib, tmp_path):
    c = TestClient(app_for(lib, tmp_path), base_url=LOCAL)
    ok = c.post("/api/import", files={"files": ("ok2024.txt", "丙区2024年工作总结\n\n完成投资1亿元。\n".encode())},
                headers={"Origin": LOCAL})
    assert ok.status_code == 200, ok.text
    envelope(c.delete("/api/documents/1", headers={"Sec-Fetch-Site": "cross-site"}), 403)


def test_dns_rebinding_host_is_refused_for_reads_and_writes(lib, tmp_path):
    c = TestClient(app_for(lib, tmp_path), base_url="http://evil.example:8000")
    envelope(c.get("/api/reports"), 400)
    envelope(c.delete("/api/documents/1", headers={"Origin": "http://evil.example:8000"}), 400)
    envelope(c.post("/api/import", files={"files": ("t.txt", b"x")}, headers={"Origin": "http://evil.example:8000"}), 400)
    assert lib.documents()
    for host in ("http://localhost:8000", "http://[::1]:8000", "http://127.0.0.1:8000"):
        assert TestClient(app_for(lib, tmp_path), base_url=host).get("/api/stats").status_code == 200


def test_configured_hosts_and_origins_are_accepted(lib, tmp_path):
    app = app_for(lib, tmp_path, allowed_hosts=("reports.office.example",),
                  allowed_origins=("https://reports.office.example",))
    c = TestClient(app, base_url="http://reports.office.example")
    assert c.get("/api/stats").status_code == 200
    resp = c.delete("/api/documents/999999", headers={"Origin": "https://reports.office.example"})
    envelope(resp, 404)  # through the guard, to the handler


def test_an_empty_token_is_an_error(lib, tmp_path, cli_runner):
    with pytest.raises(SettingError):
        app_for(lib, tmp_path, host="0.0.0.0", token="")
    from workreport.cli import main

    res = cli_runner.invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--token", ""])
    assert res.exit_code == 2 and "empty token" in res.output


# --- numbers past 64 bits, every endpoint ---------------------------------------------------

HUGE = str(2**64)


@pytest.mark.parametrize("url", [
    f"/api/reports/{HUGE}", f"/reports/{HUGE}", f"/reports/{HUGE}.json", f"/api/reports?offset={HUGE}",
    f"/api/reports?year={HUGE}", f"/api/reports?page={HUGE}", f"/?page={HUGE}", f"/?year={HUGE}",
    f"/api/search?q=工作&offset={HUGE}", f"/api/search?q=工作&year={HUGE}", f"/search?q=工作&page={HUGE}",
    f"/api/compare?measure=投资&year={HUGE}", f"/api/compare/export?measure=投资&year={HUGE}",
    f"/api/track?old={HUGE}&new=1", f"/track?pair={HUGE},1", f"/api/measures?limit={HUGE}",
    f"/api/reports?year={'9' * 5000}", f"/api/reports/-{HUGE}",
])
def test_numbers_past_64_bits_are_422_never_500(lib, tmp_path, url):
    c = TestClient(app_for(lib, tmp_path), base_url=LOCAL, raise_server_exceptions=False)
    resp = c.get(url, headers={"Accept": "application/json"})
    assert resp.status_code == 422, (url, resp.status_code, resp.text[:200])


def test_delete_with_a_huge_id_is_422(lib, tmp_path):
    c = TestClient(app_for(lib, tmp_path), base_url=LOCAL, raise_server_exceptions=False)
    envelope(c.delete(f"/api/documents/{HUGE}"), 422)


# --- a real server: bodies refused before they are read; a bad document costs only itself --


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(lib, tmp_path_factory):
    import uvicorn

    root = tmp_path_factory.mktemp("websrv")
    apps = {}
    servers = []
    for name, settings in (("open", {}), ("token", {"host": "127.0.0.1", "token": "s3cret"})):
        app = create_app("unused.db", library=lib, data_dir=root / name, max_upload_bytes=100_000,
                         parse_seconds=BUDGET_S, parse_workers=1, **settings)
        port = _free_port()
        srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=srv.run, daemon=True).start()
        deadline = time.monotonic() + 30
        while not srv.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        apps[name] = port
        servers.append(srv)
    yield apps
    for srv in servers:
        srv.should_exit = True


def _raw(port: int, head: str, body_chunks=()) -> tuple[str, float, int]:
    """Send ``head``, then body chunks until the server answers; (status line, seconds, body
    bytes sent before the answer)."""
    import select

    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    t = time.monotonic()
    s.sendall(head.encode("latin-1"))
    sent = 0
    try:
        for chunk in body_chunks:
            if select.select([s], [], [], 0)[0]:
                break  # the server has answered (or closed)
            try:
                s.sendall(chunk)
            except OSError:
                break
            sent += len(chunk)
        answer = b""
        while b"\r\n" not in answer:
            got = s.recv(65536)
            if not got:
                break
            answer += got
    finally:
        s.close()
    return answer.split(b"\r\n", 1)[0].decode("latin-1"), time.monotonic() - t, sent


def test_a_declared_oversized_body_is_refused_before_it_is_sent(server):
    head = ("POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {400 << 20}\r\n\r\n")
    status, seconds, sent = _raw(server["open"], head)
    assert " 413 " in status and seconds < 10 and sent == 0


def test_a_chunked_oversized_body_is_cut_at_the_limit(server):
    head = ("POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")
    start = b'--x\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'

    def chunks():
        yield f"{len(start):x}\r\n".encode() + start + b"\r\n"
        for _ in range(400 * 16):  # 400 MB offered
            yield f"{0x10000:x}\r\n".encode() + b"a" * 0x10000 + b"\r\n"

    status, seconds, sent = _raw(server["open"], head, chunks())
    assert " 413 " in status, status
    assert sent < 8 << 20, f"{sent} bytes were read before the refusal"


def test_an_unauthenticated_body_is_refused_before_it_is_read(server):
    # 90 KB announced, 20 KB sent: the answer comes without the rest (else this would hang)
    head = ("POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {90_000}\r\n\r\n")
    first = b'--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n' + b"a" * 20_000
    status, seconds, _ = _raw(server["token"], head + first.decode("latin-1"))
    assert " 401 " in status and seconds < 15
    head = ("POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {200 << 20}\r\n\r\n")
    assert " 413 " in _raw(server["token"], head)[0]  # over the size limit: refused on the header alone


def test_the_form_token_as_the_first_field_is_accepted(server):
    port = server["token"]
    body = (b'--x\r\nContent-Disposition: form-data; name="token"\r\n\r\ns3cret\r\n'
            b'--x\r\nContent-Disposition: form-data; name="files"; filename="form2025.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n" + "丁镇2025年工作总结\n\n完成投资2亿元。\n".encode() + b"\r\n--x--\r\n")
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/import", data=body, method="POST",
                                 headers={"Content-Type": "multipart/form-data; boundary=x"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        assert json.loads(resp.read())["ok"] is True


def _get(port: int, path: str) -> tuple[int, float]:
    t = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as resp:
            resp.read()
            return resp.status, time.monotonic() - t
    except urllib.error.HTTPError as exc:
        return exc.code, time.monotonic() - t


def _post_file(port: int, name: str, data: bytes, path: str = "/api/import") -> tuple[int, dict, float]:
    boundary = "b0undary"
    field = "files" if path.endswith("import") else "file"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    t = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, json.loads(resp.read()), time.monotonic() - t
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read()), time.monotonic() - t


def test_a_document_past_its_budget_costs_only_itself(server):
    port = server["open"]
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(
        answer=_post_file(port, "slow2024.txt", "某局2024年工作总结\n".encode())))
    worker.start()
    during = []
    while worker.is_alive():
        during.append(_get(port, "/api/stats"))
        time.sleep(0.1)
    worker.join()
    status, body, seconds = result["answer"]
    assert status == 422 and "parse_seconds" in body["error"], body
    assert seconds < BUDGET_S + 30  # the budget, plus room for a busy machine
    assert len(during) >= 3 and all(s == 200 for s, _ in during), during
    assert _get(port, "/api/stats")[0] == 200
    # the next upload gets a fresh parser
    status, body, _ = _post_file(port, "after2024.txt", "某局2024年工作总结\n\n完成投资1亿元。\n".encode())
    assert status == 200 and body["files"][0]["documents_new"] == 1, body


def test_the_numbering_bomb_is_answered_within_the_budget(server):
    from test_hostile_inputs import numbered, one_list, small_docx

    bomb = small_docx("".join(numbered(f"第{i}项工作") for i in range(40)), one_list("lowerLetter", "%1.", "2600000000"))
    assert len(bomb) < 4096
    port = server["open"]
    for path in ("/api/check", "/api/import"):
        status, body, seconds = _post_file(port, "bomb.docx", bomb, path)
        assert seconds < BUDGET_S + 30, (path, seconds)
        assert status in (200, 413, 422), (path, status, body)
        assert _get(port, "/api/stats")[0] == 200


def test_a_control_character_in_a_measure_exports(lib, tmp_path):
    """Found by tests/test_api_fuzz.py: openpyxl refused the sheet name and answered 500."""
    c = TestClient(app_for(lib, tmp_path), base_url=LOCAL, raise_server_exceptions=False)
    for fmt in ("xlsx", "csv"):
        assert c.get("/api/compare/export", params={"measure": "投资\x1f\x00", "format": fmt}).status_code == 200


def test_a_cached_search_shows_a_correction_at_once(tmp_path):
    """Search results are kept until the library changes; a correction is a change."""
    from conftest import quick_parse

    src = tmp_path / "src"
    src.mkdir()
    (src / "丁镇2024.txt").write_text("丁镇2024年工作总结\n\n一、主要工作\n\n完成投资3.5亿元。\n", encoding="utf-8")
    with Library(str(tmp_path / "c.db"), parser=quick_parse) as library:
        library.ingest([str(src)], workers=0)
        c = TestClient(app_for(library, tmp_path), base_url=LOCAL)
        before = c.get("/api/search", params={"q": "投资"}).json()["hits"][0]
        edited = c.post(f"/api/reports/{before['report_id']}/edit", data={"org": "戊镇人民政府"})
        assert edited.status_code == 200, edited.text
        after = c.get("/api/search", params={"q": "投资"}).json()["hits"][0]
        assert before["org"] != "戊镇人民政府" and after["org"] == "戊镇人民政府"
