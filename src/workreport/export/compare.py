"""The comparison of one measure (``Library.compare``, store/comparison.py) as a download:
csv (every figure, with a BOM so Excel reads the Chinese), xlsx (the body x year table of
actual, target and difference, the multi-year and to-date figures apart, every figure) or
json (the whole comparison).  Chinese headers; every figure names its source file and line."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

KIND_OF_PERIOD = {"annual": "全年", "point": "年末", "cumulative": "多年累计", "to_date": "截至某时"}
EXPORT_COLUMNS = (
    ("org_label", "单位"),
    ("period", "年份"),  # the year the figure is about
    ("period_end", "至"),
    ("period_kind", "期间"),
    ("year", "报告所述年度"),
    ("level", "层级"),
    ("measure", "指标"),
    ("measure_phrase", "原文指标"),
    ("value", "原文数值"),
    ("unit", "计量单位"),
    ("number", "数值"),
    ("normalized_value", "标准化数值"),
    ("normalized_unit", "标准化单位"),
    ("kind", "类型"),
    ("span", "原文"),
    ("document", "来源文件"),
    ("line", "行"),
    ("report_id", "报告ID"),
)


def _value(r: dict, key: str) -> Any:
    v = r.get(key)
    if key == "org_label" and v is None:
        v = r.get("org")
    if key == "period_kind":
        v = KIND_OF_PERIOD.get(v, v)
    return v


def compare_csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([label for _, label in EXPORT_COLUMNS])
    for r in rows:
        w.writerow(["" if _value(r, k) is None else _value(r, k) for k, _ in EXPORT_COLUMNS])
    # BOM so Excel opens the Chinese headers as UTF-8.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def compare_json(comparison: dict) -> bytes:
    return json.dumps({"ok": True, **comparison}, ensure_ascii=False, indent=1).encode("utf-8")


def compare_xlsx(comparison: dict, measure: str) -> bytes:
    """Sheet 1 the table (a row per body; per year actual, target, difference), then the figures
    that are not one year's, then every figure."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    # a sheet name takes neither []:*?/\ nor control characters (a measure typed into the URL)
    ws.title = (re.sub(r"[\[\]:*?/\\\x00-\x1f\x7f]", "", measure).strip("'") or "对比")[:31]
    unit, diff = comparison.get("unit") or "", comparison.get("difference_unit") or ""
    years = comparison.get("years") or []
    ws.append(["单位", "层级"] + [f"{y}年{what}" for y in years
                                 for what in (f"实际（{unit}）", f"目标（{unit}）", f"差额（{diff}）")])
    for row in comparison.get("table") or ():
        line = [_cell(row["org"]), row.get("level")]
        for y in years:
            cell = row["cells"].get(str(y)) or {}
            line += [(cell.get("actual") or {}).get("value"), (cell.get("target") or {}).get("value"), cell.get("gap")]
        ws.append(line)
    apart = wb.create_sheet("多年累计与截至某时")
    apart.append(["单位", "起", "至", "期间", "实际或目标", f"数值（{unit}）", "原文", "来源文件", "行"])
    for a in comparison.get("apart") or ():
        apart.append([_cell(a["org"]), a.get("period"), a.get("period_end"), KIND_OF_PERIOD.get(a["period_kind"]),
                      "目标" if a["role"] == "target" else "实际", a["value"], _cell(a.get("text")),
                      _cell(a.get("document")), a.get("line")])
    detail = wb.create_sheet("全部数值")
    detail.append([label for _, label in EXPORT_COLUMNS])
    for r in comparison.get("rows") or ():
        detail.append([_cell(_value(r, k)) for k, _ in EXPORT_COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # no XML file (so no .xlsx) can hold these


def _cell(v: Any) -> Any:
    if isinstance(v, str):
        v = _NOT_XML.sub("", v)
    # A leading '=' would make Excel evaluate document text as a formula.
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
        return "'" + v
    return v
