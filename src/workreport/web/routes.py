"""Routes: each page (HTML, router ``pages``) and its JSON twin (router ``api``, under /api).

Both call the same ``*_data`` functions, so a page shows exactly what its twin returns.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from ..contract import check_json, track_json
from ..export.compare import compare_csv, compare_xlsx
from . import views
from .app import Config, render, require_write


class ErrorEnvelope(BaseModel):
    ok: Literal[False] = False
    error: str
    status: int


_ERRORS = {
    s: {"model": ErrorEnvelope, "description": d}
    for s, d in ((404, "不存在"), (413, "上传过大"), (415, "文件类型不支持"), (422, "参数或输入不正确"))
}
_WRITE_ERRORS = {**_ERRORS, 401: {"model": ErrorEnvelope, "description": "需要令牌"}, 403: {"model": ErrorEnvelope, "description": "跨站请求"}}

api = APIRouter(prefix="/api", responses=_ERRORS)
pages = APIRouter(include_in_schema=False)


def lib(request: Request) -> Any:
    return request.app.state.library()


def cfg_of(request: Request) -> Config:
    return request.app.state.cfg


def _int(v: str | None) -> int | None:
    """Empty form fields arrive as '' on the HTML pages; treat them as 'no filter'."""
    if v is None or not str(v).strip():
        return None
    try:
        return int(str(v).strip())
    except ValueError:
        raise HTTPException(422, f"不是整数：{v}") from None


def _str(v: str | None) -> str | None:
    return v.strip() if v and v.strip() else None


# --- 报告库 ---------------------------------------------------------------------------------


def library_data(request: Request, *, org, level, domain, year, limit, offset) -> dict:
    library = lib(request)
    res = library.reports(org=org, level=level, domain=domain, year=year, limit=limit, offset=offset)
    return {
        "ok": True,
        "total": res.get("total", 0),
        "limit": limit,
        "offset": offset,
        "filters": {"org": org, "level": level, "domain": domain, "year": year},
        "items": res.get("items", []),
        "facets": library.facets(),
    }


@api.get("/reports", summary="报告库：报告列表（可按单位、层级、领域、年份筛选）", tags=["报告库"])
def api_reports(
    request: Request,
    org: str | None = Query(None, description="发文单位（名称包含此文字）"),
    unit: str | None = Query(None, deprecated=True, description="org 的旧名"),
    level: str | None = None,
    domain: str | None = None,
    year: int | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
):
    return library_data(request, org=org or unit, level=level, domain=domain, year=year, limit=limit, offset=offset)


@api.get("/facets", summary="各层级、领域、年份的报告数", tags=["报告库"])
def api_facets(request: Request):
    return {"ok": True, "facets": lib(request).facets()}


@api.get("/stats", summary="库的统计：文档、报告、指标、问题数", tags=["报告库"])
def api_stats(request: Request):
    return {"ok": True, **lib(request).stats()}


@pages.get("/", response_class=HTMLResponse)
def page_library(
    request: Request,
    org: str | None = Query(None, description="发文单位（名称包含此文字）"),
    unit: str | None = Query(None, deprecated=True, description="org 的旧名"),
    level: str | None = None,
    domain: str | None = None,
    year: str | None = None,
    page: int = Query(1, ge=1),
):
    size = cfg_of(request).page_size
    data = library_data(
        request, org=_str(org or unit), level=_str(level), domain=_str(domain), year=_int(year),
        limit=size, offset=(page - 1) * size,
    )
    pages_total = max(1, -(-data["total"] // size))
    return render(request, "library.html", {**data, "page": page, "pages": pages_total, "nav": "library"})


# --- 搜索 -----------------------------------------------------------------------------------


def search_data(request: Request, q: str, *, org, level, domain, year, role, limit, offset) -> dict:
    res = lib(request).search(q, org=org, level=level, domain=domain, year=year, role=role, limit=limit, offset=offset)
    return {"ok": True, "limit": limit, "offset": offset, **res, "query": q}


@api.get("/search", summary="全文搜索：片段、高亮位置与分面计数", tags=["搜索"])
def api_search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=200, description="检索词（两个字及以上走索引）"),
    org: str | None = Query(None, description="发文单位（名称包含此文字）"),
    unit: str | None = Query(None, deprecated=True, description="org 的旧名"),
    level: str | None = None,
    domain: str | None = None,
    year: int | None = None,
    role: str | None = None,
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
):
    return search_data(request, q, org=org or unit, level=level, domain=domain, year=year, role=role, limit=limit, offset=offset)


@pages.get("/search", response_class=HTMLResponse)
def page_search(
    request: Request,
    q: str = Query("", max_length=200),
    org: str | None = Query(None, description="发文单位（名称包含此文字）"),
    unit: str | None = Query(None, deprecated=True, description="org 的旧名"),
    level: str | None = None,
    domain: str | None = None,
    year: str | None = None,
    role: str | None = None,
    page: int = Query(1, ge=1),
):
    q = q.strip()
    size = cfg_of(request).search_page_size
    ctx: dict[str, Any] = {"nav": "search", "q": q, "page": page, "hits": [], "total": 0, "facets": {}, "pages": 1}
    ctx["filters"] = {"org": _str(org or unit), "level": _str(level), "domain": _str(domain), "year": _int(year), "role": _str(role)}
    if q:
        data = search_data(request, q, **ctx["filters"], limit=size, offset=(page - 1) * size)
        for hit in data.get("hits", []):
            hit["segments"] = views.snippet_segments(hit, q)
        ctx.update(data, pages=max(1, -(-data.get("total", 0) // size)))
    return render(request, "search.html", ctx)


# --- 报告 -----------------------------------------------------------------------------------


def report_data(request: Request, report_id: int) -> dict:
    rep = lib(request).report(report_id)
    if rep is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告")
    return rep


@api.get("/reports/{report_id}", summary="一份报告：大纲、段落、原文行、指标、目标/完成对、计划项、问题", tags=["报告"])
def api_report(request: Request, report_id: int):
    return {"ok": True, "report": report_data(request, report_id)}


@pages.get("/reports/{report_id}", response_class=HTMLResponse)
def page_report(request: Request, report_id: int):
    rep = report_data(request, report_id)
    return render(
        request,
        "report.html",
        {"nav": "library", "r": rep, "rows": views.report_lines(rep), "outline": rep.get("sections") or []},
    )


# --- 指标对比 -------------------------------------------------------------------------------


def compare_data(request: Request, measure: str, *, org, year, level) -> dict:
    res = lib(request).compare(measure, org=org, year=year, level=level)
    rows = sorted(res.get("rows", []), key=lambda r: (r.get("org") or "", r.get("year") or 0, r.get("line") or 0))
    return {"ok": True, **res, "rows": rows, "chart": views.chart_data(rows)}


@api.get("/measures", summary="已入库的指标名（按前缀）", tags=["指标对比"])
def api_measures(request: Request, prefix: str = "", limit: int = Query(50, ge=1, le=500)):
    return {"ok": True, "measures": lib(request).measures(prefix, limit=limit)}


@api.get("/compare", summary="指标对比：各单位、各年份的同一指标（含同义词）", tags=["指标对比"])
def api_compare(
    request: Request,
    measure: str = Query(..., min_length=1, max_length=100),
    org: str | None = Query(None, description="发文单位（名称包含此文字）"),
    unit: str | None = Query(None, deprecated=True, description="org 的旧名"),
    year: int | None = None,
    level: str | None = None,
):
    return compare_data(request, measure, org=org or unit, year=year, level=level)


@api.get("/compare/export", summary="指标对比表下载（csv 或 xlsx）", tags=["指标对比"],
         responses={200: {"content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}})
def api_compare_export(
    request: Request,
    measure: str = Query(..., min_length=1, max_length=100),
    format: Literal["csv", "xlsx"] = "csv",
    org: str | None = Query(None, description="发文单位（名称包含此文字）"),
    unit: str | None = Query(None, deprecated=True, description="org 的旧名"),
    year: int | None = None,
    level: str | None = None,
):
    rows = compare_data(request, measure, org=org or unit, year=year, level=level)["rows"]
    from urllib.parse import quote

    name = quote(f"指标对比-{measure}.{format}")
    headers = {"Content-Disposition": f"attachment; filename=\"compare.{format}\"; filename*=UTF-8''{name}"}
    if format == "xlsx":
        return Response(compare_xlsx(rows, measure), headers=headers,
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return Response(compare_csv(rows), headers=headers, media_type="text/csv; charset=utf-8")


@pages.get("/compare", response_class=HTMLResponse)
def page_compare(
    request: Request,
    measure: str = Query("", max_length=100),
    org: str | None = Query(None, description="发文单位（名称包含此文字）"),
    unit: str | None = Query(None, deprecated=True, description="org 的旧名"),
    year: str | None = None,
    level: str | None = None,
):
    measure = measure.strip()
    filters = {"org": _str(org or unit), "year": _int(year), "level": _str(level)}
    ctx: dict[str, Any] = {"nav": "compare", "measure": measure, "filters": filters, "rows": [], "chart": None}
    ctx["measures"] = lib(request).measures("", limit=200)
    if measure:
        ctx.update(compare_data(request, measure, **filters))
    return render(request, "compare.html", ctx)


# --- 承诺跟踪 -------------------------------------------------------------------------------


MAX_TRACK_REPORTS = 20_000  # reports offered on 承诺跟踪 (a select box, not a list to read)


def track_data(request: Request, old: int | None, new: int | None) -> dict:
    library = lib(request)
    candidates = library.track_pairs(MAX_TRACK_REPORTS)
    out: dict[str, Any] = {"ok": True, "candidates": candidates, "result": None}
    if old is None and new is None:
        return out
    if old is None or new is None:
        raise HTTPException(422, "请同时给出 old 与 new 两份报告的编号")
    metas = []
    for rid in (old, new):
        meta = library.report(rid)
        if meta is None:
            raise HTTPException(404, f"没有编号为 {rid} 的报告")
        metas.append(meta)
    tracked = library.track(old, new)
    if tracked is None:
        raise HTTPException(409, "存储的文本无法复现这两份报告；请重新导入")
    result = out["result"] = track_json(tracked)
    out["summary"] = views.track_summary(result)
    out["rows"] = views.track_rows(result, *({x["line"]: x["text"] for x in m.get("lines") or ()} for m in metas))
    out["old"] = {k: metas[0].get(k) for k in ("id", "org", "year", "document", "path")}
    out["new"] = {k: metas[1].get(k) for k in ("id", "org", "year", "document", "path")}
    return out


@api.get("/track", summary="承诺跟踪：可比较的报告对；给出 old 与 new 时返回逐项状态（met/missed/no_evidence）", tags=["承诺跟踪"])
def api_track(request: Request, old: int | None = None, new: int | None = None):
    out = track_data(request, old, new)
    out.pop("rows", None)  # the page's marked-up copy of result["items"]
    return out


@pages.get("/track", response_class=HTMLResponse)
def page_track(request: Request, old: str | None = None, new: str | None = None, pair: str | None = None):
    if pair and "," in pair:  # the page's <select> sends "old,new"
        old, new = pair.split(",", 1)
    data = track_data(request, _int(old), _int(new))
    everything = sorted(lib(request).all_reports(MAX_TRACK_REPORTS), key=lambda r: (views.row_label(r), r.get("year") or 0))
    return render(request, "track.html", {"nav": "track", **data, "reports": everything,
                                          "sel_old": _int(old), "sel_new": _int(new)})


# --- 文稿体检 -------------------------------------------------------------------------------


def _check_bytes(data: bytes, filename: str) -> dict:
    from ..ingest import document_from_bytes
    from ..pipeline import parse

    doc = document_from_bytes(data, filename)
    parsed = parse(doc)
    findings = check_json(parsed)["findings"]
    findings.sort(key=lambda f: (f["line"], f["rule"]))
    counts: dict[str, int] = {}
    for f in findings:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    return {
        "ok": True,
        "filename": filename,
        "lines": len(doc.lines),
        "reports": len(parsed.reports),
        "counts": counts,
        "findings": findings,
        "rows": views.check_rows(doc.lines, findings),
    }


async def _read_limited(request: Request, upload: UploadFile) -> bytes:
    limit = cfg_of(request).max_upload_bytes
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"{upload.filename}: 超过上限 {limit} 字节")
    return data


async def check_data(request: Request, text: str | None, file: UploadFile | None) -> dict:
    if file is not None and file.filename:
        data, name = await _read_limited(request, file), _safe_name(file.filename)
    elif text and text.strip():
        data, name = text.encode("utf-8"), "draft.txt"
        if len(data) > cfg_of(request).max_upload_bytes:
            raise HTTPException(413, "文稿超过大小上限")
    else:
        raise HTTPException(422, "请粘贴文稿或选择文件")
    return await run_in_threadpool(_check_bytes, data, name)


@api.post("/check", summary="文稿体检：粘贴文本（text）或上传文件（file），返回各行问题与修改建议", tags=["文稿体检"])
async def api_check(request: Request, text: str | None = Form(None), file: UploadFile | None = File(None)):
    res = await check_data(request, text, file)
    res.pop("rows")
    return res


@pages.get("/check", response_class=HTMLResponse)
def page_check(request: Request):
    return render(request, "check.html", {"nav": "check", "text": "", "result": None})


@pages.post("/check", response_class=HTMLResponse)
async def page_check_post(request: Request, text: str | None = Form(None), file: UploadFile | None = File(None)):
    result = await check_data(request, text, file)
    return render(request, "check.html", {"nav": "check", "text": text or "", "result": result})


# --- 导入 -----------------------------------------------------------------------------------

_SAFE = re.compile(r"[^\w.\-\u3400-\u9fff（）()]+")


def _safe_name(filename: str) -> str:
    """Basename only, harmless characters only: no path can be smuggled through a filename."""
    base = os.path.basename((filename or "").replace("\\", "/"))
    base = _SAFE.sub("_", base).lstrip(".")[:120]
    return base or "upload"


def _store_upload(cfg: Config, data: bytes, filename: str) -> Path:
    name = _safe_name(filename)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in cfg.allowed_types:
        raise HTTPException(415, f"{name}: 只接受 {', '.join(cfg.allowed_types)} 文件")
    if ext == "docx" and not data.startswith(b"PK\x03\x04"):
        raise HTTPException(415, f"{name}: 不是有效的 docx 文件")
    if ext == "pdf" and not data.startswith(b"%PDF-"):
        raise HTTPException(415, f"{name}: 不是有效的 pdf 文件")
    if not data.strip():
        raise HTTPException(422, f"{name}: 文件是空的")
    folder = cfg.data_dir
    folder.mkdir(parents=True, exist_ok=True)
    target = (folder / f"{hashlib.sha256(data).hexdigest()[:12]}-{name}").resolve()
    if target.parent != folder:  # belt and braces on top of _safe_name
        raise HTTPException(422, "非法文件名")
    if not target.exists():
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    return target


def _ingest_file(request: Request, path: Path) -> dict:
    res = lib(request).ingest([str(path)])
    return res


async def import_data(request: Request, files: list[UploadFile]) -> dict:
    cfg = cfg_of(request)
    files = [f for f in files if f is not None and f.filename]
    if not files:
        raise HTTPException(422, "请选择要导入的文件")
    results = []
    for f in files:
        data = await _read_limited(request, f)
        path = _store_upload(cfg, data, f.filename)
        res = await run_in_threadpool(_ingest_file, request, path)
        failures = res.get("failures") or []
        if failures and len(files) == 1:
            raise HTTPException(422, f"{_safe_name(f.filename)}: {failures[0].get('error')}")
        results.append({"filename": _safe_name(f.filename), "saved": path.name, "size": len(data), **res})
    return {"ok": True, "files": results}


@api.post("/import", summary="导入：上传 txt/html/docx/pdf 并入库（本机以外绑定时需令牌）", tags=["导入"],
          responses=_WRITE_ERRORS, dependencies=[Depends(require_write)])
async def api_import(request: Request, files: list[UploadFile] = File(..., description="一个或多个文件")):
    return await import_data(request, files)


@api.delete("/documents/{document_id}", summary="删除一个文档及其报告（本机以外绑定时需令牌）", tags=["导入"],
            responses=_WRITE_ERRORS, dependencies=[Depends(require_write)])
def api_delete_document(request: Request, document_id: int):
    if not lib(request).delete_document(document_id):
        raise HTTPException(404, f"没有编号为 {document_id} 的文档")
    return {"ok": True, "deleted": document_id}


@pages.get("/import", response_class=HTMLResponse)
def page_import(request: Request):
    return render(request, "import.html", {"nav": "import", "result": None, "stats": lib(request).stats()})


@pages.post("/import", response_class=HTMLResponse, dependencies=[Depends(require_write)])
async def page_import_post(request: Request, files: list[UploadFile] = File(...)):
    result = await import_data(request, files)
    return render(request, "import.html", {"nav": "import", "result": result, "stats": lib(request).stats()})


# --- API 文档 -------------------------------------------------------------------------------


@pages.get("/docs", response_class=HTMLResponse)
def page_docs(request: Request):
    return render(request, "docs.html", {"nav": "docs"})
