"""文稿体检 downloads: the draft just checked, as a Word copy with a comment at each finding or as
an Excel list.  The check page keeps the drafts it checked in a small in-memory store (bounded
by count and bytes, oldest out first) under the first characters of their SHA-256, and the
download links name that key; a draft gone from the store is asked for again."""
from __future__ import annotations

import functools

import hashlib
import io
import threading
from collections import OrderedDict
from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from ..contract import check_json
from .context import parse_in_worker, waits_for_parse

router = APIRouter()
KEY_CHARS = 16
MAX_DRAFTS = 32
MAX_BYTES = 64 * 1024 * 1024
MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
_LOCK = threading.Lock()


def _store(request: Request) -> OrderedDict:
    st = request.app.state
    if not hasattr(st, "check_drafts"):
        st.check_drafts = OrderedDict()
    return st.check_drafts


def keep(request: Request, data: bytes, filename: str) -> str:
    """Keep a checked draft for its downloads; the key for the links."""
    key = hashlib.sha256(data).hexdigest()[:KEY_CHARS]
    drafts = _store(request)
    with _LOCK:
        drafts.pop(key, None)
        drafts[key] = (filename, data)
        while len(drafts) > MAX_DRAFTS or sum(len(d) for _, d in drafts.values()) > MAX_BYTES:
            drafts.popitem(last=False)
    return key


def check_bytes(data: bytes, filename: str):
    """(document, findings): the draft read and checked as ``workreport check`` does."""
    from ..ingest import document_from_bytes
    from ..pipeline import parse

    doc = document_from_bytes(data, filename)
    parsed = parse(doc)
    return doc, parsed, sorted(check_json(parsed)["findings"], key=lambda f: (f["line"], f.get("col") or 0))


def write_bytes(data: bytes, filename: str, fmt: str) -> tuple[str, object]:
    """Worker (in the server's parser pool, under the document budget as the check itself):
    ("ok", the file's bytes) or ("error", the WorkReportError saying what is wrong)."""
    from ..export.findings import write_docx, write_xlsx
    from ..store.files import as_input_error

    try:
        doc, _, findings = check_bytes(data, filename)
        buf = io.BytesIO()
        (write_docx if fmt == "docx" else write_xlsx)(doc.lines, findings, buf, filename)
        return "ok", buf.getvalue()
    except Exception as exc:
        return "error", as_input_error(exc, filename)


@router.get("/check/{key}.{fmt}", include_in_schema=False)
@router.get("/api/check/{key}/{fmt}", summary="下载体检结果：docx（原文加批注）或 xlsx（问题清单）", tags=["文稿体检"],
            responses={404: {"description": "体检结果已不在服务器上，请重新体检"},
                       200: {"content": {m: {} for m in MEDIA.values()}}})
async def download(request: Request, key: str, fmt: Literal["docx", "xlsx"]):
    with _LOCK:
        kept = _store(request).get(key)
    if kept is None:
        raise HTTPException(404, "这份文稿的体检结果已不在服务器上（服务重启或已被新的体检替换），请重新提交文稿")
    filename, data = kept
    body = await waits_for_parse(request, functools.partial(parse_in_worker, request, write_bytes, data, filename, fmt,
                                                            label=filename))
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    label = "批注" if fmt == "docx" else "问题清单"
    name = quote(f"{stem}-体检{label}.{fmt}")
    headers = {"Content-Disposition": f"attachment; filename=\"check.{fmt}\"; filename*=UTF-8''{name}"}
    return Response(body, media_type=MEDIA[fmt], headers=headers)
