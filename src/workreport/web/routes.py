"""Routes: one handler per page, answering HTML or JSON.

Each page is registered at its own path (HTML), at that path + ``.json`` and under ``/api/…``
(JSON, the latter in the OpenAPI schema); ``Accept: application/json`` also gets JSON.  The
JSON is the data the page is drawn from, so a page shows exactly what its JSON says.
"""
from __future__ import annotations

import functools

from typing import Any, Callable, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from ..contract import track_json
from ..export.compare import KIND_OF_PERIOD, compare_csv, compare_json, compare_xlsx
from ..store.listing import SORTS
from . import check_routes, views
from .context import (MAX_ID, MAX_OFFSET, MAX_PAGE, answer, cfg_of, lib, parse_in_worker, parser_pool, render,
                      require_write, waits_for_parse, wants_json)
from .uploads import read_limited, refuse_unreadable, safe_name, store_upload


class ErrorEnvelope(BaseModel):
    ok: Literal[False] = False
    error: str
    status: int


_ERRORS = {
    s: {"model": ErrorEnvelope, "description": d}
    for s, d in ((404, "不存在"), (413, "上传过大"), (415, "文件类型不支持"), (422, "参数或输入不正确"))
}
_WRITE_ERRORS = {**_ERRORS, 401: {"model": ErrorEnvelope, "description": "需要令牌"},
                 403: {"model": ErrorEnvelope, "description": "跨站请求"}}
MAX_TRACK_REPORTS = 20_000  # reports offered on 承诺跟踪 (a select box, not a list to read)

router = APIRouter()


def page_route(path: str, api_path: str, *, method: str = "GET", summary: str, tags: list[str],
         responses: dict | None = None, dependencies: list | None = None) -> Callable:
    """Register one handler at ``path`` (HTML), ``path.json`` and ``api_path`` (JSON)."""

    def register(fn: Callable) -> Callable:
        common = {"methods": [method], "dependencies": dependencies or []}
        router.add_api_route(api_path, fn, summary=summary, tags=tags, responses=responses or _ERRORS, **common)
        # before ``path``: "/reports/{report_id}" would take "7.json" as an id
        router.add_api_route(f"{path.rstrip('/')}.json" if path != "/" else "/.json", fn,
                             include_in_schema=False, **common)
        router.add_api_route(path, fn, include_in_schema=False, response_class=HTMLResponse, **common)
        return fn

    return register


YEARS = (1, 9999)


def _int(v: str | None, name: str, lo: int = 1, hi: int = MAX_ID) -> int | None:
    """Empty form fields arrive as '' on the HTML pages; treat them as 'no filter'."""
    if v is None or not str(v).strip():
        return None
    text = str(v).strip()
    if len(text) > 20:  # int() of a huge digit string is itself slow (CPython caps it at 4300 digits)
        raise HTTPException(422, f"请求参数不正确：{name} 超出范围")
    try:
        n = int(text)
    except ValueError:
        raise HTTPException(422, f"请求参数不正确：{name} 不是整数：{text[:40]}") from None
    if not lo <= n <= hi:
        raise HTTPException(422, f"请求参数不正确：{name} 应在 {lo} 到 {hi} 之间")
    return n


def _year(v: str | None) -> int | None:
    return _int(v, "year", *YEARS)


def _str(v: str | None) -> str | None:
    return v.strip() if v and v.strip() else None


def _pages(total: int, size: int) -> int:
    return max(1, -(-total // size))


_ORG = Query(None, max_length=200, description="发文单位（名称包含此文字）")
_UNIT = Query(None, max_length=200, deprecated=True, description="org 的旧名")
# the library list's sort columns, validated here as every other parameter (Library.SORTS)
SORT_PATTERN = "^-?(" + "|".join(SORTS) + ")$"
_SORT = Query(None, pattern=SORT_PATTERN,
              description=f"排序列：{', '.join(SORTS)}；前加 - 为降序（如 -year）")


def public(meta: dict) -> dict:
    """A report's metadata as the web gives it: the file's own name, never the server's path."""
    return {k: v for k, v in meta.items() if k != "path"}


def _word():
    """A short text filter (one Query object per parameter: FastAPI keeps each one's name on it)."""
    return Query(None, max_length=200)


# --- 报告库 ---------------------------------------------------------------------------------


@page_route("/", "/api/reports", summary="报告库：报告列表（可按单位、层级、领域、年份筛选）", tags=["报告库"])
def reports_page(
    request: Request,
    org: str | None = _ORG,
    unit: str | None = _UNIT,
    level: str | None = _word(),
    domain: str | None = _word(),
    year: str | None = Query(None, max_length=40, description="年份"),
    limit: int | None = Query(None, ge=1, le=500, description="每页条数（默认 page_size）"),
    offset: int | None = Query(None, ge=0, le=MAX_OFFSET),
    page: int = Query(1, ge=1, le=MAX_PAGE, description="第几页（给出 offset 时不用）"),
    sort: str | None = _SORT,
):
    size = limit or cfg_of(request).page_size
    offset = (page - 1) * size if offset is None else offset
    filters = {"org": _str(org or unit), "level": _str(level), "domain": _str(domain), "year": _year(year)}
    library = lib(request)
    res = library.reports(**filters, limit=size, offset=offset, sort=sort)
    data = {"ok": True, "total": res["total"], "limit": size, "offset": offset, "filters": filters, "sort": sort,
            "items": [public(r) for r in res["items"]], "facets": library.facets()}
    first_visit = not any(filters.values()) and page == 1 and not sort
    return answer(request, data, "library.html", lambda: {
        "page": page, "pages": _pages(data["total"], size), "nav": "library",
        "sorts": views.sort_links(sort), "tour": views.tour(library) if first_visit else None,
        "notice": request.query_params.get("notice")})


@router.get("/api/facets", summary="各层级、领域、年份的报告数", tags=["报告库"], responses=_ERRORS)
def api_facets(request: Request):
    return {"ok": True, "facets": lib(request).facets()}


@router.get("/api/stats", summary="库的统计：文档、报告、指标、问题数", tags=["报告库"], responses=_ERRORS)
def api_stats(request: Request):
    return {"ok": True, **lib(request).stats()}


# --- 搜索 -----------------------------------------------------------------------------------


@page_route("/search", "/api/search", summary="全文搜索：片段、高亮位置与分面计数", tags=["搜索"])
def search_page(
    request: Request,
    q: str = Query("", max_length=200, description="检索词（两个字及以上走索引）"),
    org: str | None = _ORG,
    unit: str | None = _UNIT,
    level: str | None = _word(),
    domain: str | None = _word(),
    year: str | None = Query(None, max_length=40, description="年份"),
    role: str | None = _word(),
    limit: int | None = Query(None, ge=1, le=200, description="每页条数（默认 search_page_size）"),
    offset: int | None = Query(None, ge=0, le=MAX_OFFSET),
    page: int = Query(1, ge=1, le=MAX_PAGE),
):
    q = q.strip()
    if not q and wants_json(request):
        raise HTTPException(422, "请给出检索词 q")
    size = limit or cfg_of(request).search_page_size
    offset = (page - 1) * size if offset is None else offset
    filters = {"org": _str(org or unit), "level": _str(level), "domain": _str(domain), "year": _year(year),
               "role": _str(role)}
    data: dict[str, Any] = {"ok": True, "query": q, "total": 0, "hits": [], "facets": {}}
    if q:
        res = lib(request).search(q, **filters, limit=size, offset=offset)
        data = {"ok": True, "limit": size, "offset": offset, **res, "query": q}
    if not wants_json(request):
        for hit in data["hits"]:
            hit["segments"] = views.snippet_segments(hit, q)
    return answer(request, data, "search.html",
                  {"nav": "search", "q": q, "page": page, "pages": _pages(data["total"], size), "filters": filters})


# --- 报告 -----------------------------------------------------------------------------------


@page_route("/reports/{report_id}", "/api/reports/{report_id}",
      summary="一份报告：大纲、段落、原文行、指标、目标/完成对、计划项、问题", tags=["报告"])
def report_page(request: Request, report_id: int = PathParam(..., ge=1, le=MAX_ID)):
    rep = lib(request).report(report_id)
    if rep is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告")
    rep = public(rep)
    return answer(request, {"ok": True, "report": rep}, "report.html",
                  lambda: {"nav": "library", "r": rep, "rows": views.report_lines(rep),
                           "outline": rep.get("sections") or [], "choices": views.edit_choices(),
                           "notice": request.query_params.get("notice")})


# --- 指标对比 -------------------------------------------------------------------------------


def compare_data(request: Request, measure: str, *, org, year, level) -> dict:
    res = lib(request).compare(measure, org=org, year=year, level=level)
    rows = sorted(res["rows"], key=lambda r: (r.get("org_label") or "", r.get("period") or 0, r.get("year") or 0,
                                              r.get("line") or 0))
    return {"ok": True, **res, "rows": rows}


@router.get("/api/measures", summary="已入库的指标名（按前缀）", tags=["指标对比"], responses=_ERRORS)
def api_measures(request: Request, prefix: str = Query("", max_length=100), limit: int = Query(50, ge=1, le=500)):
    return {"ok": True, "measures": lib(request).measures(prefix, limit=limit)}


@page_route("/compare", "/api/compare", summary="指标对比：各单位、各年份的同一指标（含同义词）", tags=["指标对比"])
def compare_page(
    request: Request,
    measure: str = Query("", max_length=100),
    org: str | None = _ORG,
    unit: str | None = _UNIT,
    year: str | None = Query(None, max_length=40, description="年份"),
    level: str | None = _word(),
):
    measure = measure.strip()
    if not measure and wants_json(request):
        raise HTTPException(422, "请给出指标名 measure")
    filters = {"org": _str(org or unit), "year": _year(year), "level": _str(level)}
    data = compare_data(request, measure, **filters) if measure else {"ok": True, "rows": [], "table": []}
    from urllib.parse import urlencode

    # download links carry only the filters given (an empty year= was a 422 before)
    given = {k: v for k, v in {"measure": measure, **filters}.items() if v not in (None, "")}
    return answer(request, data, "compare.html",
                  lambda: {"nav": "compare", "measure": measure, "filters": filters, "download_qs": urlencode(given),
                           "chart": views.compare_chart(data) if data.get("rows") else None,
                           "PERIOD_KIND_LABELS": KIND_OF_PERIOD,
                           "measures": lib(request).measures("", limit=200)})


@router.get("/api/compare/export", summary="指标对比下载：xlsx（对比表、多年累计与截至某时、全部数值）、csv（全部数值，带 BOM）或 json",
            tags=["指标对比"], responses={**_ERRORS, 200: {"content": {
                "text/csv": {}, "application/json": {},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}})
def api_compare_export(
    request: Request,
    measure: str = Query(..., min_length=1, max_length=100),
    format: Literal["csv", "xlsx", "json"] = "csv",
    org: str | None = _ORG,
    unit: str | None = _UNIT,
    year: str | None = Query(None, max_length=40, description="所述年份（空 = 全部年份）"),
    level: str | None = _word(),
):
    # the page's form sends empty fields (year=): they mean no filter, as on the page itself
    data = compare_data(request, measure.strip(), org=_str(org or unit), year=_year(year), level=_str(level))
    from urllib.parse import quote

    name = quote(f"指标对比-{measure.strip()}.{format}")
    headers = {"Content-Disposition": f"attachment; filename=\"compare.{format}\"; filename*=UTF-8''{name}"}
    if format == "xlsx":
        return Response(compare_xlsx(data, measure), headers=headers,
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if format == "json":
        return Response(compare_json({k: v for k, v in data.items() if k != "ok"}), headers=headers,
                        media_type="application/json; charset=utf-8")
    return Response(compare_csv(data["rows"]), headers=headers, media_type="text/csv; charset=utf-8")


# --- 承诺跟踪 -------------------------------------------------------------------------------


@page_route("/track", "/api/track", summary="承诺跟踪：可比较的报告对；给出 old 与 new 时返回逐项状态（met/missed/no_evidence）",
      tags=["承诺跟踪"])
def track_page(request: Request, old: str | None = Query(None, max_length=40), new: str | None = Query(None, max_length=40),
               pair: str | None = Query(None, max_length=80, description="old,new（页面的选择框）"),
               hide_none: str | None = Query(None, max_length=5, description="1：不列出无证据的项（只计数）")):
    hide = (hide_none or "").strip().lower() in ("1", "true", "on", "yes")
    if pair and "," in pair:
        old, new = pair.split(",", 1)
    old_id, new_id = _int(old, "old"), _int(new, "new")
    library = lib(request)
    data: dict[str, Any] = {"ok": True, "candidates": library.track_pairs(MAX_TRACK_REPORTS), "result": None}
    rows = None
    if old_id is not None or new_id is not None:
        if old_id is None or new_id is None:
            raise HTTPException(422, "请同时给出 old 与 new 两份报告的编号")
        metas = []
        for rid in (old_id, new_id):
            meta = library.report(rid)
            if meta is None:
                raise HTTPException(404, f"没有编号为 {rid} 的报告")
            metas.append(meta)
        tracked = library.track(old_id, new_id)
        if tracked is None:
            raise HTTPException(409, "存储的文本无法复现这两份报告；请重新导入")
        result = data["result"] = track_json(tracked)
        data["summary"] = views.track_summary(result)  # counts every item, the hidden ones too
        if hide:  # the office's question is what was done and what was not; the rest is counted
            data["hidden_no_evidence"] = data["summary"].get("no_evidence", 0)
            result["items"] = [i for i in result["items"] if i["status"] != "no_evidence"]
        data["old"], data["new"] = ({k: m.get(k) for k in ("id", "org", "year", "document")} for m in metas)
        for side in ("old", "new"):  # the file's own name, not where the server keeps it
            result[side]["path"] = data[side]["document"]
        rows = views.track_rows(result, *({x["line"]: x["text"] for x in m.get("lines") or ()} for m in metas))
    return answer(request, data, "track.html", lambda: {
        "nav": "track", "rows": rows, "sel_old": old_id, "sel_new": new_id, "hide_none": hide,
        "reports": sorted(library.all_reports(MAX_TRACK_REPORTS), key=lambda r: (views.row_label(r), r.get("year") or 0)),
    })


# --- 文稿体检 -------------------------------------------------------------------------------


def check_bytes(data: bytes, filename: str) -> tuple[str, Any]:
    """Worker (in the server's parser pool): ("ok", the check result) or ("error", the
    WorkReportError saying what is wrong with the file)."""
    from ..store.files import as_input_error

    try:
        return "ok", _check_bytes(data, filename)
    except Exception as exc:
        return "error", as_input_error(exc, filename)


def _check_bytes(data: bytes, filename: str) -> dict:
    doc, parsed, findings = check_routes.check_bytes(data, filename)
    counts: dict[str, int] = {}
    for f in findings:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    return {"ok": True, "filename": filename, "lines": len(doc.lines), "reports": len(parsed.reports),
            "counts": counts, "findings": findings, "rows": views.check_rows(doc.lines, findings)}


@router.get("/check", include_in_schema=False, response_class=HTMLResponse)
def check_form(request: Request, report: int | None = Query(None, ge=1, description="以库中这份报告的原文为文稿")):
    text = ""
    if report is not None:  # the tour's "check a draft": a stored report's own lines
        rep = lib(request).report(report)
        if rep is None:
            raise HTTPException(404, f"没有编号为 {report} 的报告")
        text = "\n".join(x["text"] for x in rep.get("lines") or ())
    return render(request, "check.html", {"nav": "check", "text": text, "result": None})


@page_route("/check", "/api/check", method="POST", summary="文稿体检：粘贴文本（text）或上传文件（file），返回各行问题与修改建议",
      tags=["文稿体检"])
async def check_page(request: Request, text: str | None = Form(None), file: UploadFile | None = File(None)):
    cfg = cfg_of(request)
    if file is not None and file.filename:
        data, name = await read_limited(cfg, file), safe_name(file.filename)
    elif text and text.strip():
        data, name = text.encode("utf-8"), "draft.txt"
        if len(data) > cfg.max_upload_bytes:
            raise HTTPException(413, "文稿超过大小上限")
    else:
        raise HTTPException(422, "请粘贴文稿或选择文件")
    refuse_unreadable(cfg, data, name)  # a picture or an archive is no draft: 415, not GB18030 noise
    result = await waits_for_parse(request, functools.partial(parse_in_worker, request, check_bytes, data, name,
                                                              label=name))
    key = check_routes.keep(request, data, name)
    result["downloads"] = {fmt: f"/check/{key}.{fmt}" for fmt in ("docx", "xlsx")}
    rows = result.pop("rows")  # the page's marked-up lines
    return answer(request, result, "check.html", {"nav": "check", "text": text or "", "result": {**result, "rows": rows}})


# --- 导入 -----------------------------------------------------------------------------------


@router.get("/import", include_in_schema=False, response_class=HTMLResponse)
def import_form(request: Request):
    return render(request, "import.html", {"nav": "import", "result": None, "stats": lib(request).stats()})


@page_route("/import", "/api/import", method="POST", summary="导入：上传 txt/html/docx/pdf 并入库（本机以外绑定时需令牌）",
      tags=["导入"], responses=_WRITE_ERRORS, dependencies=[Depends(require_write)])
async def import_page(request: Request, files: list[UploadFile] = File(..., description="一个或多个文件")):
    cfg, library = cfg_of(request), lib(request)
    files = [f for f in files if f is not None and f.filename]
    if not files:
        raise HTTPException(422, "请选择要导入的文件")
    results = []
    for f in files:
        data = await read_limited(cfg, f)
        path = store_upload(cfg, data, f.filename)
        errors: list = []
        res = await waits_for_parse(request, lambda: library.ingest([str(path)], errors=errors, pool=parser_pool(request)))
        name = safe_name(f.filename)

        def own_name(text: str) -> str:  # the user's file name, never where the server keeps it
            return str(text).replace(str(path), name)

        if errors and len(files) == 1:
            # its own status: 413 too large, 415 not this format, 422 unreadable …
            raise HTTPException(getattr(errors[0], "status", 422), own_name(str(errors[0]).splitlines()[0]))
        res["failures"] = [{"path": name, "error": own_name(x["error"])} for x in res["failures"]]
        results.append({"filename": name, "size": len(data), **res})
    result = {"ok": True, "files": results}
    return answer(request, result, "import.html", lambda: {"nav": "import", "result": result, "stats": library.stats()})


@router.delete("/api/documents/{document_id}", summary="删除一个文档及其报告（本机以外绑定时需令牌）", tags=["导入"],
               responses=_WRITE_ERRORS, dependencies=[Depends(require_write)])
def api_delete_document(request: Request, document_id: int = PathParam(..., ge=1, le=MAX_ID)):
    if not lib(request).delete_document(document_id):
        raise HTTPException(404, f"没有编号为 {document_id} 的文档")
    return {"ok": True, "deleted": document_id}


# --- API 文档 -------------------------------------------------------------------------------


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs_page(request: Request):
    return render(request, "docs.html", {"nav": "docs"})
