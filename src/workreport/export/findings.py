"""The checker's findings as files a general office works with: a Word copy of the draft with a
comment at each finding's span (python-docx >= 1.2 writes comments), and an Excel list.

Both take the draft's lines (``Document.lines``: the lines every finding's ``line`` counts) and
the findings as the contract writes them (``contract.check_json``), so the CLI and the web page
write the same files; ``out`` is a path or a binary file object.
"""
from __future__ import annotations

import os
import re
from typing import Any

from ..labels import RULE_LABELS, SEVERITY_LABELS

AUTHOR = "workreport 文稿体检"
INITIALS = "WR"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters XML 1.0 cannot hold
_XLSX_MAX = 32767


def _clean(s: str | None) -> str:
    return _ILLEGAL.sub("", s or "")


def comment_text(f: dict) -> str:
    """What a finding says in a comment: its kind, its message, the suggestion."""
    head = f"【{RULE_LABELS.get(f['rule'], f['rule'])}】{f['message']}"
    return head + (f"\n建议改为：{f['right']}" if f.get("right") else "")


def _segments(n: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The line cut at every span boundary, so each span is a run of whole pieces."""
    cuts = sorted({0, n, *(x for a, b in spans for x in (a, b) if 0 <= x <= n)})
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def _prepare(out) -> None:
    if isinstance(out, str):
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)


def write_docx(lines: tuple[str, ...] | list[str], findings: list[dict], out, title: str) -> dict[str, Any]:
    """The draft, one paragraph a line, with each finding as a Word comment on its span (a whole
    line when the finding has none) and error spans highlighted."""
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(_clean(f"文稿体检意见：{title}"), level=1)
    counts = {k: sum(f["severity"] == k for f in findings) for k in SEVERITY_LABELS}
    doc.add_paragraph("共 {} 个问题（{}），批注标在原文相应位置；行号与体检结果一致。".format(
        len(findings), "，".join(f"{SEVERITY_LABELS[k]} {v}" for k, v in counts.items())))
    by_line: dict[int, list[dict]] = {}
    for f in findings:
        by_line.setdefault(f["line"], []).append(f)
    placed = 0
    for n, raw in enumerate(lines, 1):
        text = _clean(raw)
        fs = by_line.get(n, [])
        para = doc.add_paragraph()
        if not fs:
            if text:
                para.add_run(text)
            continue
        spans = [(f["col"], f["end_col"]) for f in fs if f.get("col") is not None and f["end_col"] <= len(text)]
        runs = []
        for a, b in _segments(len(text), spans) or [(0, 0)]:
            runs.append((a, b, para.add_run(text[a:b])))
        for f in fs:
            has_span = f.get("col") is not None and f["end_col"] <= len(text) and f["col"] < f["end_col"]
            a, b = (f["col"], f["end_col"]) if has_span else (0, len(text))
            covered = [r for x, y, r in runs if a <= x and y <= b] or [r for _, _, r in runs]
            if has_span and f["severity"] == "error":
                for r in covered:
                    r.font.highlight_color = WD_COLOR_INDEX.YELLOW
            doc.add_comment(covered, text=_clean(comment_text(f)), author=AUTHOR, initials=INITIALS)
            placed += 1
    _prepare(out)
    doc.save(out)
    return {"path": out, "format": "docx", "comments": placed}


XLSX_COLUMNS = ("行号", "起始列", "结束列", "问题类别", "严重程度", "说明", "原文", "建议改为", "所在行", "规则", "报告起始行")


def xlsx_rows(lines, findings: list[dict]) -> list[list[Any]]:
    rows = []
    for f in sorted(findings, key=lambda f: (f["line"], f.get("col") or 0)):
        line = lines[f["line"] - 1] if 0 < f["line"] <= len(lines) else ""
        rows.append([f["line"], f.get("col"), f.get("end_col"), RULE_LABELS.get(f["rule"], f["rule"]),
                     SEVERITY_LABELS.get(f["severity"], f["severity"]), f["message"], f.get("wrong"), f.get("right"),
                     line, f.get("rule_id") or f["rule"], f.get("report_start_line")])
    return rows


def write_xlsx(lines, findings: list[dict], out, title: str) -> dict[str, Any]:
    """One sheet, one row a finding, Chinese headers; the line's text beside it."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    ws.append(list(XLSX_COLUMNS))
    for row in xlsx_rows(lines, findings):
        ws.append([_clean(v)[:_XLSX_MAX] if isinstance(v, str) else v for v in row])
    ws.freeze_panes = "A2"
    for i, c in enumerate(XLSX_COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = {"说明": 60, "所在行": 60, "原文": 24, "建议改为": 24}.get(c, 10)
    ws.auto_filter.ref = ws.dimensions
    info = wb.create_sheet("说明")
    info.append(["文稿", title])
    info.append(["问题数", len(findings)])
    _prepare(out)
    wb.save(out)
    return {"path": out, "format": "xlsx", "rows": len(findings)}
