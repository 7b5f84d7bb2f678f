"""`workreport check` (the draft checker) and `workreport track` (targets into the next year)."""
from __future__ import annotations

import os

import click

from ..labels import RULE_LABELS, SEVERITY_LABELS, STATUS_LABELS
from .base import budget_options, db_option, echo_json, encoding_option, json_option, main, path_argument, under_budget


@main.command("check")
@path_argument
@json_option("Print the findings as JSON (../shared/CONTRACT.md).")
@click.option("--docx", "docx_out", type=click.Path(dir_okay=False, writable=True),
              help="Also write the draft as .docx with a Word comment at each finding.")
@click.option("--xlsx", "xlsx_out", type=click.Path(dir_okay=False, writable=True),
              help="Also write the findings as an .xlsx list (Chinese headers).")
@encoding_option
@budget_options
@click.pass_context
def check_cmd(ctx, path, as_json, docx_out, xlsx_out, encoding, parse_seconds, parse_memory_mb):
    """Check a draft: sums, percentages and growth rates against their figures, repeated text,
    一是…N是 and heading ordinals, placeholders, years, the unit's name, typos.

    Each finding has its line, the exact text (wrong) and, where one can be computed, the
    replacement (right).  Exit status 1 when any finding is an error, 0 otherwise, 2 on bad input.

    Example:

    \b
        workreport check samples/district/青山区2025年工作总结汇编.txt
        workreport check samples/district/青山区教育局2025年工作总结.docx --json > 问题.json
        workreport check samples/district/青山区2024年工作总结汇编.txt --docx 批注.docx --xlsx 问题清单.xlsx
    """
    under_budget(ctx, path, parse_seconds, parse_memory_mb,
                 lambda: _check(ctx, path, as_json, docx_out, xlsx_out, encoding))


def _check(ctx, path, as_json, docx_out, xlsx_out, encoding) -> None:
    from ..contract import check_json
    from ..ingest import read_document
    from ..pipeline import parse

    doc = read_document(path, encoding=encoding)
    parsed = parse(doc)
    out = check_json(parsed)
    if docx_out or xlsx_out:
        from ..export.findings import write_docx, write_xlsx

        name = os.path.basename(path)
        for target, write in ((docx_out, write_docx), (xlsx_out, write_xlsx)):
            if target:
                write(doc.lines, out["findings"], target, name)
                click.echo(f"已写出 {target}", err=True)
    if as_json:
        echo_json(out)
    else:
        for f in out["findings"]:
            fix = f"（建议：{f['wrong']} → {f['right']}）" if f.get("right") and f.get("wrong") else ""
            click.echo(f"{f['line']:>6}  {SEVERITY_LABELS.get(f['severity'], f['severity'])}  "
                       f"{RULE_LABELS.get(f['rule'], f['rule'])}  {f['message']}{fix}")
        n_err = sum(f["severity"] == "error" for f in out["findings"])
        click.echo(f"共 {len(out['findings'])} 个问题，其中错误 {n_err} 个", err=True)
    if any(f["severity"] == "error" for f in out["findings"]):
        ctx.exit(1)


@main.command("track")
@click.argument("old", type=click.Path(dir_okay=True, path_type=str))
@click.argument("new", type=click.Path(dir_okay=True, path_type=str))
@json_option("Print the track JSON (../shared/CONTRACT.md).")
@db_option("OLD and NEW are report ids in this library (see `workreport search`).", default=None)
@encoding_option
def track_cmd(old, new, as_json, db, encoding):
    """Follow the targets of an older report (OLD) into the next year's report (NEW).

    Each target is met, missed or has no evidence, with the evidence line and the margin.
    OLD and NEW are files, or report ids of a library with --db.

    Example:

    \b
        workreport track samples/2025年吉林省政府工作报告.txt samples/2026_吉林省_政府工作报告.txt
        workreport track samples/2025年吉林省政府工作报告.txt samples/2026_吉林省_政府工作报告.txt --json
        workreport track 3 14 --db workreport.db
    """
    if db:
        from ..errors import WorkReportError
        from ..store import Library

        if not (old.isdigit() and new.isdigit()):
            raise click.UsageError("with --db, OLD and NEW are report ids (numbers)")
        with Library(db, create=False, readonly=True) as lib:
            result = lib.track(int(old), int(new))
        if result is None:
            raise WorkReportError(f"库 {db} 中没有编号为 {old} 或 {new} 的报告")
    else:
        from ..pairing import track_files

        result = track_files(old, new, encoding=encoding)
    from ..contract import track_json

    out = track_json(result)
    if as_json:
        echo_json(out)
        return
    for it in out["items"]:
        t, a = it["target"], it["actual"]
        got = f"{a['value']}{a['unit']}（第 {a['line']} 行）" if a else "—"
        margin = f" {it['margin']:+g}{it['margin_unit']}" if it["margin"] is not None else ""
        click.echo(f"{it['measure']}  目标 {t['span']}（第 {t['line']} 行）  完成 {got}  "
                   f"{STATUS_LABELS.get(it['status'], it['status'])}{margin}")
