"""`workreport edit`, `delete` and `reparse`: corrections that stick, and parsing stored
documents again with the current rules."""
from __future__ import annotations

import click

from ..labels import FIELD_LABELS, LEVEL_LABELS
from .base import db_option, echo_json, json_option, main, open_library

_FIELDS_HELP = "、".join(f"{k} {v}" for k, v in FIELD_LABELS.items())


@main.command("edit")
@click.argument("report_id", type=int)
@click.option("--org", "--unit", "org", default=None, help="The body that wrote the report (--unit: old name).")
@click.option("--level", default=None,
              help="Level: " + ", ".join(f"{k} ({v})" for k, v in LEVEL_LABELS.items()) + "; code or Chinese label.")
@click.option("--domain", default=None, help="Domain: one label of the closed vocabulary (CONTRACT.md), e.g. 民政.")
@click.option("--year", default=None, help="The year whose work is reported.")
@click.option("--reset", "resets", multiple=True, type=click.Choice(tuple(FIELD_LABELS)),
              help="Go back to what the parser found for this field (repeatable).")
@db_option()
@json_option("Print the changes as JSON.")
def edit_cmd(report_id, org, level, domain, year, resets, db, as_json):
    """Correct a report's body (org), level, domain or year.

    The correction is kept apart from what the parser found and applied again whenever the
    document is stored (an ingest of the same file, `workreport reparse`, a new version of the
    rules), and every change is logged with its time and old and new value (`workreport show`).

    Example:

    \b
        workreport edit 3 --org 青山区临江街道办事处 --level township_street --db workreport.db
        workreport edit 3 --domain 街道综合 --year 2025 --db workreport.db
        workreport edit 3 --reset org --db workreport.db
    """
    changes = {k: v for k, v in (("org", org), ("level", level), ("domain", domain), ("year", year)) if v is not None}
    changes.update({f: None for f in resets})
    if not changes:
        raise click.UsageError("nothing to change: give --org, --level, --domain, --year or --reset")
    with open_library(db) as lib:
        done = lib.edit_report(report_id, changes, source="cli")
        rep = lib.report(report_id)
    if as_json:
        echo_json({"report_id": report_id, "changes": done, "corrections": rep["corrections"]})
        return
    for c in done:
        click.echo(f"{FIELD_LABELS[c['field']]}：{c['old']} → {c['new']}")
    if not done:
        click.echo("没有变化（已是这个值）")


@main.command("delete")
@click.argument("report_id", type=int)
@click.option("--document", "whole", is_flag=True, help="Delete the whole document the report is in.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option()
def delete_cmd(report_id, whole, yes, db):
    """Delete a report (it stays deleted when its document is parsed again), or with --document
    the whole document it came from.  Logged.

    Example:

    \b
        workreport delete 11 --db workreport.db
        workreport delete 11 --document --yes --db workreport.db
    """
    from ..errors import NotInLibrary

    with open_library(db) as lib:
        rep = lib.report(report_id)
        if rep is None:
            raise NotInLibrary(f"库 {db} 中没有编号为 {report_id} 的报告")
        what = (f"文档 {rep['document']}（含其全部报告）" if whole
                else f"报告 {rep['org'] or '（未识别单位）'} {rep['year'] or ''}（{rep['document']} 第 {rep['start_line']} 行起）")
        if not yes and not click.confirm(f"删除{what}？", default=False, err=True):
            raise click.Abort()
        if whole:
            lib.delete_document(rep["document_id"], source="cli")
        else:
            lib.delete_report(report_id, source="cli")
    click.echo(f"已删除{what}")


@main.command("reparse")
@click.option("--outdated", is_flag=True, help="Only documents parsed under other rules than the installed ones.")
@db_option()
@json_option("Print the counts as JSON.")
def reparse_cmd(outdated, db, as_json):
    """Parse every stored document again with the installed rules (corrections are kept).

    Example:

    \b
        workreport reparse --db workreport.db
        workreport reparse --outdated --db workreport.db
    """
    with open_library(db) as lib:
        res = lib.reparse(outdated=outdated)
        res["unmatched_corrections"] = lib.unmatched_corrections()
    if as_json:
        echo_json(res)
        return
    click.echo(f"重新解析文档 {res['documents']} 个，报告 {res['reports']} 份")
    for u in res["unmatched_corrections"]:
        click.echo(f"  未能对应的更正：{u['document']} 第 {u['start_line']} 行 {u['anchor'][:30]} {u['value']}")
