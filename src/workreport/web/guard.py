"""The request guard: an ASGI layer in front of the app that decides before any body is read.

* Host: only the names this server answers to (DNS rebinding: a page on evil.example whose name
  now points at 127.0.0.1 sends ``Host: evil.example``), for every request, reads too.
* Body size: a declared ``Content-Length`` over the limit is refused at once (413); a chunked
  body is counted as it arrives and cut at the limit.
* Writes (every POST/PUT/PATCH/DELETE except the draft check, which stores nothing): same
  origin only (``Origin: null``, another scheme, host or port, ``Sec-Fetch-Site: cross-site``
  -> 403), and the token when one is set (401), taken from a header or, for the plain HTML form,
  from its first field, read from the first bytes of the body: an unauthenticated upload is
  refused without reading the rest.
"""
from __future__ import annotations

import ipaddress
import re
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request

from .context import Config, error_response

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
READ_ONLY_POSTS = frozenset({"/check", "/check.json", "/api/check"})  # parse and answer, store nothing
ENVELOPE_BYTES = 64 * 1024  # room for the multipart envelope around an upload
PEEK_BYTES = 16 * 1024  # where the HTML form's token field must be (it is its first field)
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
ANY_HOST = ("0.0.0.0", "::", "")
WRITE_OK = "workreport.write_ok"  # scope key set once a write passed the guard


class _TooLarge(Exception):
    pass


def host_name(value: str) -> str:
    """'example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1' (lower case)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_hosts(cfg: Config) -> frozenset[str] | None:
    """Host names requests may carry; None = any (bound to every interface with no list given)."""
    extra = {host_name(h) for h in cfg.allowed_hosts}
    if "*" in extra:
        return None
    bind = host_name(cfg.host)
    if bind in ANY_HOST and not extra:
        return None  # a LAN server answers to names we cannot know; writes need the token there
    names = set(LOOPBACK_NAMES) | extra
    if bind not in ANY_HOST:
        names.add(bind)
    return frozenset(names)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def origin_problem(origin: str | None, host: str, fetch_site: str | None, cfg: Config) -> str | None:
    """Why a write with these headers is cross-site, or None when it is same-origin."""
    if fetch_site and fetch_site.lower() == "cross-site":
        return "Sec-Fetch-Site: cross-site"
    if origin is None:
        return None  # not a browser (curl, scripts): the token, when set, is what guards them
    if origin in cfg.allowed_origins:
        return None
    if origin.strip().lower() == "null":
        return "Origin: null"
    parts = urlsplit(origin)
    if parts.scheme != "http":
        return f"Origin scheme {parts.scheme or '?'}"
    if parts.netloc.lower() != host.strip().lower():
        return f"Origin {parts.netloc} is not {host}"
    return None


def _form_token(body: bytes, content_type: str) -> str | None:
    """The value of a multipart form's FIRST field when it is named ``token``."""
    m = re.search(r'boundary="?([^";]+)"?', content_type)
    if not m:
        return None
    boundary = b"--" + m.group(1).encode("latin-1")
    start = body.find(boundary)
    if start < 0:
        return None
    head_end = body.find(b"\r\n\r\n", start)
    if head_end < 0:
        return None
    head = body[start:head_end].decode("latin-1").lower()
    if not re.search(r'content-disposition:\s*form-data;\s*name="token"', head):
        return None
    end = body.find(b"\r\n" + boundary, head_end + 4)
    return body[head_end + 4:end].decode("utf-8", "replace") if end >= 0 else None


def _urlencoded_token(body: bytes) -> str | None:
    from urllib.parse import parse_qs

    values = parse_qs(body.decode("latin-1"), keep_blank_values=True).get("token")
    return values[0] if values else None


class Guard:
    """ASGI middleware; ``app.add_middleware(Guard)``. Reads the settings from ``app.state.cfg``."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        cfg: Config = scope["app"].state.cfg
        headers: dict[str, str] = {}
        for k, v in scope.get("headers") or ():
            headers[k.decode("latin-1").lower()] = v.decode("latin-1")
        host = headers.get("host", "")
        names = allowed_hosts(cfg)
        if names is not None and host_name(host) not in names:
            return await self._refuse(scope, receive, send, 400, f"不接受的 Host：{host[:100]}（可用 --allow-host 添加）")
        method = scope["method"]
        if method not in WRITE_METHODS:
            return await self.app(scope, receive, send)
        limit = cfg.max_upload_bytes + ENVELOPE_BYTES
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                return await self._refuse(scope, receive, send, 400, "Content-Length 不正确")
            if int(declared) > limit:
                return await self._refuse(scope, receive, send, 413,
                                          f"上传内容 {int(declared)} 字节，超过上限 {cfg.max_upload_bytes} 字节")
        over = {"hit": False}
        receive = _counting(receive, limit, over)
        if scope["path"] not in READ_ONLY_POSTS:
            problem = origin_problem(headers.get("origin"), host, headers.get("sec-fetch-site"), cfg)
            if problem:
                return await self._refuse(scope, receive, send, 403, f"拒绝跨站写入请求（{problem}）")
            if cfg.token_required:
                given = headers.get("x-workreport-token") or ""
                auth = headers.get("authorization") or ""
                if not given and auth.lower().startswith("bearer "):
                    given = auth[7:].strip()
                if not given:
                    try:
                        given, receive = await _peek_token(receive, headers.get("content-type", ""))
                    except _TooLarge:
                        return await self._refuse(scope, receive, send, 413, "上传内容超过上限")
                if not given or not secrets.compare_digest(given.encode(), cfg.token.encode()):
                    return await self._refuse(
                        scope, receive, send, 401,
                        "此操作需要令牌（请求头 Authorization: Bearer <令牌> 或 X-Workreport-Token）")
            scope.setdefault("state", {})[WRITE_OK] = True
        started = False
        too_large = f"上传内容超过上限 {cfg.max_upload_bytes} 字节"

        async def tracking_send(message):
            nonlocal started
            if over["hit"]:
                # the body was cut at the limit; whatever the app made of that (the form parser
                # answers 400), the answer is 413
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await self._refuse(scope, receive, send, 413, too_large)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except _TooLarge:
            if started:
                raise
            started = True
            await self._refuse(scope, receive, send, 413, too_large)

    @staticmethod
    async def _refuse(scope, receive, send, status: int, message: str):
        response = error_response(Request(scope, receive), status, message)
        if status in (401, 413) and scope["method"] in WRITE_METHODS:
            response.headers["connection"] = "close"  # the unread body must not be taken as the next request
        await response(scope, receive, send)


def _counting(receive, limit: int, over: dict):
    seen = 0

    async def wrapped():
        nonlocal seen
        if over["hit"]:
            raise _TooLarge
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                over["hit"] = True
                raise _TooLarge
        return message

    return wrapped


async def _peek_token(receive, content_type: str):
    """(token from the first bytes of a form body, a receive that replays those bytes)."""
    ctype = content_type.lower()
    if not ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        return None, receive
    buffered: list[dict] = []
    body = b""
    more = True
    while more and len(body) < PEEK_BYTES:
        message = await receive()
        buffered.append(message)
        if message["type"] != "http.request":
            break
        body += message.get("body", b"")
        more = message.get("more_body", False)
    if ctype.startswith("multipart/"):
        token = _form_token(body, content_type)
    else:
        token = _urlencoded_token(body) if not more else None

    async def replay():
        if buffered:
            return buffered.pop(0)
        return await receive()

    return token, replay
