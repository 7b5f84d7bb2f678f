"""`workreport ingest`, `search`, `show`, `export`, `compare`: thin shells over ``Library``."""
from __future__ import annotations

import csv
import sys

import click

from ..export import FORMATS as EXPORT_FORMATS
from .base import db_option, echo_json, json_option, main


def _open(db):
    from ..store import Library

    return Library(db)


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=False, path_type=str))
@db_option()
@json_option("Print the summary as JSON (CONTRACT.md).")
@click.option("--workers", type=int, default=None, help="Parser processes (default: one per core).")
def ingest_cmd(paths, db, as_json, workers):
    """Parse files and folder trees (txt, html, docx, pdf, doc) into the library.

    Unchanged files (same SHA-256) are skipped; an edited file replaces its old rows.

    Example:

        workreport ingest reports/ 汇编.txt --db workreport.db
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    import os

    from ..errors import InputNotFound

    for p in paths:
        if not os.path.exists(p):
            raise InputNotFound(p)
    console = Console(stderr=True)
    lib = _open(db)
    try:
        with Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[info]}"),
            TimeElapsedColumn(), console=console, transient=False, disable=not console.is_terminal,
        ) as bar:
            task = bar.add_task("ingest", total=None, info="")

            def progress(ev):
                bar.update(task, total=ev["total"], completed=ev["done"],
                           info=f"reports {ev['reports']}  figures {ev['indicators']}  failures {ev['failures']}")

            summary = lib.ingest(list(paths), workers=workers, progress=progress)
    finally:
        lib.close()
    if as_json:
        echo_json(summary)
        return
    click.echo(
        f"documents: {summary['documents_new']} new, {summary['documents_unchanged']} unchanged; "
        f"reports {summary['reports']}, paragraphs {summary['paragraphs']}, indicators {summary['indicators']}, "
        f"findings {summary['findings']}; {len(summary['failures'])} failed ({summary['seconds']} s)"
    )
    for f in summary["failures"]:
        click.echo(f"  failed: {f['error']}" if f["path"] in f["error"] else f"  failed: {f['path']}: {f['error']}")


@main.command("search")
@click.argument("query")
@db_option()
@click.option("--org", "--unit", "org", default=None,
              help="Only reports whose writing body (org) contains this text (--unit: old name).")
@click.option("--level", default=None, help="province, city, county_district, township_street, enterprise_other")
@click.option("--domain", default=None, help="Domain label, e.g. 应急管理.")
@click.option("--year", type=int, default=None, help="Year reported on.")
@click.option("--role", default=None, help="Section role: achievements, problems, plan, …")
@click.option("--limit", type=int, default=20, show_default=True, help="Hits to print (never caps total).")
@click.option("--offset", type=int, default=0, help="Skip this many hits (paging).")
@json_option("Print the search JSON (CONTRACT.md).")
def search_cmd(query, db, org, level, domain, year, role, limit, offset, as_json):
    """Find paragraphs containing QUERY (exact, any length; words separated by spaces = AND;
    "quoted phrases" keep their spaces).

    Example:

        workreport search 隐患 --year 2022 --db workreport.db
    """
    lib = _open(db)
    try:
        res = lib.search(query, org=org, level=level, domain=domain, year=year, role=role, limit=limit,
                         offset=offset)
    finally:
        lib.close()
    if as_json:
        echo_json(res)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    console.print(f"{res['total']} paragraphs")
    for h in res["hits"]:
        head = f"{h['org'] or '?'} {h['year'] or ''}  {h['document']}:{h['line_start']}"
        if h["section"]:
            head += "  " + " › ".join(h["section"])
        console.print(Text(head, style="bold"))
        t = Text("  " + h["snippet"])
        for s, e in h["highlights"]:
            t.stylize("reverse", s + 2, e + 2)
        console.print(t)


@main.command("show")
@click.argument("report_id", type=int)
@db_option()
@json_option("Print the report as JSON.")
def show_cmd(report_id, db, as_json):
    """Print a report's outline, figures, commitments and findings.

    Example:

        workreport show 12 --db workreport.db
    """
    from ..errors import WorkReportError

    lib = _open(db)
    try:
        rep = lib.report(report_id)
    finally:
        lib.close()
    if rep is None:
        raise WorkReportError(f"no report with id {report_id} in {db}")
    if as_json:
        echo_json(rep)
        return
    out = click.echo
    out(f"{rep['org'] or '(body unknown)'}  {rep['year'] or ''}  {rep['level'] or ''}  {rep['domain'] or ''}")
    out(f"{rep['path']} lines {rep['start_line']}–{rep['end_line']}")
    out("\nOutline:")

    def walk(secs):
        for s in secs:
            out(f"{'  ' * s['depth']}{s['line']:>6}  [{s['role']}] {s['heading']}")
            walk(s["children"])

    walk(rep["sections"])
    out(f"\nFigures ({len(rep['indicators'])}):")
    for i in rep["indicators"]:
        out(f"  {i['line']:>6}  {i['measure']}: {i['value']}{i['unit']} ({i['kind']})")
    out(f"\nCommitments ({len(rep['plan_items'])}):")
    for p in rep["plan_items"]:
        out(f"  {p['line']:>6}  {p['text'][:100]}")
    out(f"\nFindings ({len(rep['findings'])}):")
    for f in rep["findings"]:
        out(f"  {f['line']:>6}  {f['severity']} {f['rule']}: {f['message']}")


@main.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="xlsx (one sheet per table), csv/parquet (a folder, one file per table), json, docx (汇编).")
@click.argument("out", type=click.Path(path_type=str))
@db_option()
def export_cmd(fmt, out, db):
    """Export every table (or a compiled 汇编 with --format docx) to OUT.

    Example:

        workreport export --format xlsx library.xlsx --db workreport.db
    """
    lib = _open(db)
    try:
        res = lib.export(fmt, out)
    finally:
        lib.close()
    click.echo(f"wrote {res['path']}: " + ", ".join(f"{k} {v}" for k, v in res["tables"].items()))


@main.command("compare")
@click.option("--measure", required=True, help="Measure name; listed synonyms (data/measures.yaml) count too.")
@db_option()
@click.option("--org", "--unit", "org", default=None,
              help="Only bodies whose name contains this text (--unit: old name).")
@click.option("--year", type=int, default=None)
@click.option("--level", default=None)
@json_option("Print the rows as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV row per body and year.")
def compare_cmd(measure, db, org, year, level, as_json, as_csv):
    """One row per body (and year) with the figures of a measure side by side, with their lines.

    Example:

        workreport compare --measure 地区生产总值增长 --db workreport.db
    """
    lib = _open(db)
    try:
        res = lib.compare(measure, org=org, year=year, level=level)
    finally:
        lib.close()
    if as_json:
        echo_json(res)
        return
    grouped: dict = {}
    for r in res["rows"]:
        grouped.setdefault((r["org"], r["year"], r["level"], r["document"]), []).append(r)
    table = [
        (u or "", y or "", lv or "", "; ".join(f"{r['value']}{r['unit'] or ''} ({r['measure']}, {r['kind']}, "
                                                f"line {r['line']})" for r in rows), doc)
        for (u, y, lv, doc), rows in grouped.items()
    ]
    if as_csv:
        w = csv.writer(sys.stdout)
        w.writerow(["org", "year", "level", "figures", "document"])
        w.writerows(table)
        return
    click.echo(f"{measure}  (synonyms: {', '.join(res['synonyms'][1:]) or 'none'})")
    for u, y, lv, figs, doc in table:
        click.echo(f"  {u or '?'} {y}  {figs}  [{doc}]")
    if not table:
        click.echo("  no figures for this measure")
