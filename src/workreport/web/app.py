"""The web application: server-rendered Chinese pages, each also answering JSON (under /api/…,
with a .json suffix, or to ``Accept: application/json``).

Why FastAPI + Jinja2: the pages are documents (a report is mostly text), so rendering them on the
server keeps them fast and readable without a JS build; FastAPI gives the OpenAPI schema of the
JSON API for free, and Jinja escapes every piece of document text by default. The only
JavaScript is vendored from npm into static/ (ECharts, swagger-ui); nothing comes from the internet.

All data comes from :class:`workreport.store.library.Library`; this layer never writes SQL.
"""
from __future__ import annotations

import contextlib
import logging
import os
import secrets
import threading
from pathlib import Path
from typing import Any, Callable

import jinja2
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, labels
from ..errors import SettingError, WorkReportError
from ..store import DEFAULT_PATH, is_url, safe_location
from . import check_routes, edit_routes, routes, views
from .guard import Guard
from .context import LOCAL_HOSTS, Config, error_response
from .messages import http_message, validation_message

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def create_app(
    db: str = DEFAULT_PATH,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    data_dir: str | os.PathLike | None = None,
    library: Any = None,
    **settings: Any,
) -> FastAPI:
    """Build the app over the database at ``db``.

    ``token``: required by write endpoints; when the host is not 127.0.0.1 and no token is
    given, one is generated (read it from ``app.state.cfg.token``). ``library``: an object with
    the Library API to use instead of opening ``db`` (tests).
    """
    if token is not None and not token.strip():
        raise SettingError("token: an empty token would switch authentication off; give a token or none")
    if token is None and host not in LOCAL_HOSTS:
        token = secrets.token_urlsafe(18)
    url = is_url(db)
    # uploads sit next to a library file; a database server has no "next to": the working folder
    data = Path(data_dir) if data_dir else (Path("uploads") if url else Path(os.path.abspath(db)).parent / "uploads")
    cfg = Config(db=safe_location(db), host=host, token=token or None, data_dir=data.resolve(), **settings)

    app = FastAPI(
        title="workreport",
        version=__version__,
        description="中文工作报告库：浏览、搜索、阅读、指标对比、承诺跟踪、文稿体检与导入。"
        "每个页面都有对应的 JSON 接口（/api/…，或页面地址加 .json）；错误统一为 "
        '`{"ok": false, "error": "...", "status": N}`。',
        docs_url=None,  # the default /docs pulls swagger-ui from a CDN; ours is vendored
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.cfg = cfg
    app.state.library = _library_source(db, library)  # the URL with its password; cfg.db shows none
    app.state.parser_pool = _parser_pool(cfg)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name: document text is never trusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates = Jinja2Templates(env=env)
    env.globals.update(
        FIELD_LABELS=labels.FIELD_LABELS,
        ACTION_LABELS=labels.ACTION_LABELS,
        LEVEL_LABELS=labels.LEVEL_LABELS,
        ROLE_LABELS=labels.ROLE_LABELS,
        KIND_LABELS=labels.KIND_LABELS,
        SEVERITY_LABELS=labels.SEVERITY_LABELS,
        RULE_LABELS=labels.RULE_LABELS,
        STATUS_LABELS=labels.STATUS_LABELS,
        fmt_number=views.fmt_number,
        row_label=views.row_label,
        version=__version__,
        cfg=cfg,
    )
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _install_error_handlers(app)
    _install_guards(app)
    app.include_router(routes.router)
    app.include_router(edit_routes.router)
    app.include_router(check_routes.router)
    return app


def _library_source(db: str, library: Any) -> Callable[[], Any]:
    """A getter for the Library. One instance serves every thread: it opens SQLite with
    check_same_thread=False and serialises calls on its own lock."""
    if library is None:
        from ..store.library import Library

        library = Library(db)  # opens/migrates now, so a bad path fails at start, not on first click
    return lambda: library


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    import anyio.to_thread

    # blocking handlers run in a bounded thread pool (setting threads), not one thread per request;
    # requests that wait for a parser process (uploads) wait on threads of their own, so a few
    # slow uploads never hold the threads that serve searches (context.waits_for_parse)
    anyio.to_thread.current_default_thread_limiter().total_tokens = app.state.cfg.threads
    # the parser processes start in the background: the first upload does not wait for them
    threading.Thread(target=lambda: app.state.parser_pool().warm(), name="parser-warm", daemon=True).start()
    yield
    app.state.parser_pool(close=True)


def _parser_pool(cfg: Config) -> Callable[..., Any]:
    """A getter for the parser processes, started on first use (most requests never parse)."""
    from ..workers import Budget, WorkerPool

    box: list = []
    lock = threading.Lock()

    def get(close: bool = False):
        with lock:
            if close:
                if box:
                    box.pop().close()
                return None
            if not box:
                # a fork server: the server is threaded, and forking a threaded process is unsafe
                box.append(WorkerPool(cfg.parse_workers, Budget(cfg.parse_seconds, cfg.parse_memory_mb),
                                      start_method="forkserver", preload=("workreport.pipeline", "workreport.web.routes")))
            return box[0]

    return get


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        message = http_message(exc.status_code, detail, request.url.path, request.method)
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        return error_response(request, 422, validation_message(errors), errors=errors)

    @app.exception_handler(WorkReportError)
    async def bad_input(request: Request, exc: WorkReportError):
        # every error class says its own status (errors.py)
        return error_response(request, exc.status, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        if isinstance(exc, OverflowError):  # a number past what SQLite stores that a check let through
            return error_response(request, 422, "请求参数不正确：数值超出范围")
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, f"服务器内部错误：{type(exc).__name__}")


def _install_guards(app: FastAPI) -> None:
    # Host, body size, origin and token: checked before any body is read (guard.py)
    app.add_middleware(Guard)
