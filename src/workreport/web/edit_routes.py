"""Corrections from the web: edit a report's org, level, domain and year, delete a report or its
document after a confirmation page, and the edit log.  Every write goes through the same guard
as uploads (``require_write``: same origin, the token when one is configured); a form answers
with a redirect to the page it came from, a JSON client with JSON."""
from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from ..errors import EditError
from ..labels import FIELD_LABELS
from ..store.overrides import FIELDS, MAX_ORG_CHARS
from .context import MAX_ID, MAX_OFFSET, REPORT_ID, answer, lib, render, require_write, wants_json

router = APIRouter()
_WRITE = [Depends(require_write)]
Field = Literal["org", "level", "domain", "year"]
assert set(Field.__args__) == set(FIELDS)  # noqa: S101 - the form and the store name the same fields


def _back(url: str, notice: str, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"{url}?notice={quote(notice)}{anchor}", status_code=303)


def _report_or_404(request: Request, report_id: int) -> dict:
    rep = lib(request).report(report_id)
    if rep is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告")
    return rep


async def edit_report(
    request: Request,
    report_id: int = REPORT_ID,
    org: str | None = Form(None, max_length=MAX_ORG_CHARS, description="单位（发文机关）；空 = 恢复自动识别的值"),
    level: str | None = Form(None, max_length=20, description="层级代码或中文（县区级）；空 = 恢复"),
    domain: str | None = Form(None, max_length=20, description="领域（闭合词表中的一项）；空 = 恢复"),
    year: str | None = Form(None, max_length=4, pattern=r"^(\d{4})?$", description="年份；空 = 恢复"),
    reset: list[Field] = Form([], description="恢复为自动识别值的字段"),
    whole_form: bool = Form(False, description="表单提交了全部四项：空着的一项 = 恢复自动识别的值"),
):
    library = lib(request)
    _report_or_404(request, report_id)
    given = (("org", org), ("level", level), ("domain", domain), ("year", year))
    # an empty form field arrives as None: in the page's form (all four fields) that means "clear"
    changes = {k: v for k, v in given if v is not None or whole_form}
    changes.update({f: None for f in reset})
    try:
        done = library.edit_report(report_id, changes, source="web")
    except EditError as exc:
        if wants_json(request):
            raise
        return _back(f"/reports/{report_id}", f"未保存：{exc}", "#edit")
    if wants_json(request):
        return JSONResponse({"ok": True, "report_id": report_id, "changes": done,
                             "corrections": library.corrections(report_id)})
    said = "；".join(f"{FIELD_LABELS[c['field']]}：{c['old'] or '（空）'} → {c['new'] or '（空）'}" for c in done)
    return _back(f"/reports/{report_id}", f"已保存更正：{said}" if done else "没有改动", "#edit")


for path in ("/api/reports/{report_id}/edit", "/reports/{report_id}/edit"):
    router.add_api_route(path, edit_report, methods=["POST"], dependencies=_WRITE, tags=["报告"],
                         include_in_schema=path.startswith("/api/"),
                         summary="更正报告的单位、层级、领域、年份（重新导入、重新解析、规则升级后仍保留，并记入修改记录）")


@router.get("/reports/{report_id}/delete", include_in_schema=False, response_class=HTMLResponse)
def confirm_delete(request: Request, report_id: int = REPORT_ID):
    """The confirmation step: what would go, and two buttons."""
    rep = _report_or_404(request, report_id)
    doc = lib(request).document(rep["document_id"])
    return render(request, "delete.html", {"nav": "library", "r": rep, "doc": doc})


@router.post("/reports/{report_id}/delete", include_in_schema=False, dependencies=_WRITE)
def delete_from_form(request: Request, report_id: int = REPORT_ID, scope: Literal["report", "document"] = Form("report"),
                     confirm: Literal["yes"] = Form(..., description="确认删除")):
    rep = _report_or_404(request, report_id)
    label = f"{rep['org'] or '（未识别单位）'} {rep['year'] or ''}".strip()
    if scope == "document":
        lib(request).delete_document(rep["document_id"], source="web")
        return _back("/", f"已删除文档 {rep['document']}（含其全部报告）")
    lib(request).delete_report(report_id, source="web")
    return _back("/", f"已删除报告：{label}（{rep['document']}）；再次导入或重新解析时不会再出现")


@router.delete("/api/reports/{report_id}", summary="删除一份报告（之后重新导入、重新解析都不会再出现；记入修改记录）",
               tags=["报告"], dependencies=_WRITE)
def api_delete_report(request: Request, report_id: int = REPORT_ID):
    done = lib(request).delete_report(report_id, source="api")
    if done is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告")
    return {"ok": True, "deleted": report_id, "document": done["document"]}


def edits_page(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
               report: int | None = Query(None, ge=1, le=MAX_ID, description="只看这份报告的修改")):
    edits = lib(request).edits(report_id=report, limit=limit, offset=offset)
    return answer(request, {"ok": True, "edits": edits, "limit": limit, "offset": offset}, "edits.html",
                  {"nav": "library"})


for path, schema in (("/api/edits", True), ("/edits.json", False), ("/edits", False)):
    router.add_api_route(path, edits_page, methods=["GET"], include_in_schema=schema, tags=["报告"],
                         summary="修改记录：每次更正与删除的时间、字段、原值与新值（新的在前）",
                         **({} if schema or path.endswith(".json") else {"response_class": HTMLResponse}))
