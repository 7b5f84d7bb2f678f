"""The comparison of one measure (``Library.compare`` rows) as a download: csv or xlsx, Chinese
headers, every row with its source file and line."""
from __future__ import annotations

import csv
import io
import re
from typing import Any

EXPORT_COLUMNS = (
    ("org", "单位"),
    ("year", "年份"),
    ("level", "层级"),
    ("measure", "指标"),
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


def compare_csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([label for _, label in EXPORT_COLUMNS])
    for r in rows:
        w.writerow(["" if r.get(k) is None else r.get(k) for k, _ in EXPORT_COLUMNS])
    # BOM so Excel opens the Chinese headers as UTF-8.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def compare_xlsx(rows: list[dict], measure: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    # a sheet name takes neither []:*?/\ nor control characters (a measure typed into the URL)
    ws.title = (re.sub(r"[\[\]:*?/\\\x00-\x1f\x7f]", "", measure).strip("'") or "对比")[:31]
    ws.append([label for _, label in EXPORT_COLUMNS])
    for r in rows:
        ws.append([_cell(r.get(k)) for k, _ in EXPORT_COLUMNS])
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
