"""What every route shares: the configuration, the library, one way to answer (HTML or JSON),
the error envelope and the write guard.  ``app.py`` builds the application from this and
``routes.py``; neither imports the other's internals, so the two never import each other.
"""
from __future__ import annotations

import dataclasses
import secrets
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

# One table of settings with their defaults and what they do (datasette SETTINGS style).
SETTINGS = (
    ("max_upload_bytes", 20 * 1024 * 1024, "largest file accepted by 导入 and 文稿体检"),
    ("page_size", 50, "reports per page on 报告库"),
    ("search_page_size", 20, "hits per page on 搜索"),
    ("allowed_types", ("txt", "html", "htm", "docx", "pdf"), "file types 导入 accepts"),
)
DEFAULTS = {name: default for name, default, _ in SETTINGS}
LOCAL_HOSTS = ("127.0.0.1",)  # the brief: a token is needed when binding anything else


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

    @property
    def token_required(self) -> bool:
        return self.token is not None


def cfg_of(request: Request) -> Config:
    return request.app.state.cfg


def lib(request: Request) -> Any:
    """The Library serving this app."""
    return request.app.state.library()


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
        return JSONResponse(jsonable_encoder(data))
    extra = page() if callable(page) else (page or {})
    return render(request, template, {**data, **extra})


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    if wants_json(request):
        return JSONResponse(envelope(status, message, **extra), status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


async def require_write(request: Request) -> None:
    """Guard for upload/ingest/delete: same-origin only, and the token when one is configured."""
    cfg = cfg_of(request)
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "拒绝跨站写入请求")
    if not cfg.token_required:
        return
    given = request.headers.get("x-workreport-token") or ""
    auth = request.headers.get("authorization") or ""
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given and request.headers.get("content-type", "").startswith(("multipart/", "application/x-www-form")):
        form = await request.form()
        given = str(form.get("token") or "")
    if not given or not secrets.compare_digest(given.encode(), cfg.token.encode()):
        raise HTTPException(401, "此操作需要令牌（请求头 Authorization: Bearer <令牌> 或 X-Workreport-Token）")
