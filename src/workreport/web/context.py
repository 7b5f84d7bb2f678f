"""What every route shares: the configuration, the library, one way to answer (HTML or JSON),
the error envelope and the write guard.  ``app.py`` builds the application from this and
``routes.py``; neither imports the other's internals, so the two never import each other.
"""
from __future__ import annotations

import functools

import dataclasses
import json
from pathlib import Path
from typing import Any, Callable

from fastapi import HTTPException, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from .settings import DEFAULTS, SETTINGS  # noqa: F401  (SETTINGS: re-exported)

LOCAL_HOSTS = ("127.0.0.1",)  # the brief: a token is needed when binding anything else
# Every number a request carries is bounded (SQLite integers are 64-bit: past that a query
# raises OverflowError, which must be a 422, never a 500).
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9
MAX_PAGE = 10**7
REPORT_ID = PathParam(..., ge=1, le=MAX_ID, description="报告编号")


@dataclasses.dataclass
class Config:
    db: str
    host: str
    token: str | None
    data_dir: Path
    max_upload_bytes: int = DEFAULTS["max_upload_bytes"]
    page_size: int = DEFAULTS["page_size"]
    search_page_size: int = DEFAULTS["search_page_size"]
    allowed_types: tuple[str, ...] = DEFAULTS["allowed_types"]
    allowed_hosts: tuple[str, ...] = DEFAULTS["allowed_hosts"]
    allowed_origins: tuple[str, ...] = DEFAULTS["allowed_origins"]
    parse_seconds: float = DEFAULTS["parse_seconds"]
    parse_memory_mb: int = DEFAULTS["parse_memory_mb"]
    parse_workers: int = DEFAULTS["parse_workers"]
    threads: int = DEFAULTS["threads"]

    @property
    def token_required(self) -> bool:
        return self.token is not None


class FastJSON(JSONResponse):
    """JSON of plain data (the Library's dicts and lists) by the C encoder, compact and UTF-8;
    FastAPI's jsonable_encoder walks every value in Python first, which for a large report
    costs more than reading it from the library.  Anything else is handed to jsonable_encoder."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                          default=jsonable_encoder).encode("utf-8")


def cfg_of(request: Request) -> Config:
    return request.app.state.cfg


def lib(request: Request) -> Any:
    """The Library serving this app."""
    return request.app.state.library()


def parser_pool(request: Request) -> Any:
    """The server's parser processes (workers.WorkerPool): every upload is parsed there, under
    the parse_seconds / parse_memory_mb budget, never in the server process."""
    return request.app.state.parser_pool()


def parse_in_worker(request: Request, fn: Callable, *args, label: str) -> Any:
    """``fn(*args)`` in the parser pool; fn answers ("ok", value) or ("error", WorkReportError):
    the value, or the error raised (its status is the answer's)."""
    status, value = parser_pool(request).run(fn, *args, label=label)
    if status == "ok":
        status, value = value
    if status != "ok":
        raise value
    return value


async def waits_for_parse(request: Request, fn: Callable, *args) -> Any:
    """``fn(*args)`` on a thread of the pool kept for requests that wait for a parser process
    (the default pool, sized to the cores, serves the library's readers)."""
    import anyio
    import anyio.to_thread

    state = request.app.state
    limiter = getattr(state, "parse_waits", None)
    if limiter is None:  # an app served without its lifespan (a test client): made on first use
        limiter = state.parse_waits = anyio.CapacityLimiter(max(8, 4 * state.cfg.parse_workers))
    return await anyio.to_thread.run_sync(functools.partial(fn, *args), limiter=limiter)


def wants_json(request: Request) -> bool:
    """JSON for /api/… and …json URLs, or when the client asks for it (as datasette does)."""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return True
    return "application/json" in request.headers.get("accept", "")


def envelope(status: int, message: str, **extra: Any) -> dict:
    """The one error shape of the API: ``{"ok": false, "error": …, "status": N}``."""
    return {"ok": False, "error": message, "status": status, **extra}


def render(request: Request, template: str, context: dict, status: int = 200) -> Response:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def answer(request: Request, data: dict, template: str, page: dict | Callable[[], dict] | None = None) -> Response:
    """One page, two forms: ``data`` as JSON, or the template drawn from ``data`` and ``page``
    (what only the HTML needs: navigation, paging, marked-up copies; a callable is called only
    for HTML)."""
    if wants_json(request):
        return FastJSON(data)
    extra = page() if callable(page) else (page or {})
    return render(request, template, {**data, **extra})


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    if wants_json(request):
        return JSONResponse(envelope(status, message, **extra), status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


async def require_write(request: Request) -> None:
    """Marks upload/ingest/delete as writes (OpenAPI: 401, 403).  The checks themselves (same
    origin, Host, token, body size) run in ``guard.Guard`` before any body is read; this refuses
    a write that did not pass through it."""
    if not request.scope.get("state", {}).get("workreport.write_ok"):
        raise HTTPException(403, "写入请求未经检查")
