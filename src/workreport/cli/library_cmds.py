"""`workreport ingest`, `search`, `show`, `export`, `compare`: thin shells over ``Library``."""
from __future__ import annotations

import os

import click

from ..export import FORMATS as EXPORT_FORMATS
from ..labels import KIND_LABELS, ROLE_LABELS, SEVERITY_LABELS, level_label
from .base import budget_options, db_option, echo_json, json_option, main, open_library, write_csv
from .base import console as make_console


def _open(db, readonly: bool = False):
    """The library at ``db``; it must exist.  ``readonly`` for commands that only read it (a
    read-only file or folder is fine, and no lock is taken)."""
    return open_library(db, readonly=readonly)


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(exists=False, path_type=str))
@db_option("Library: a SQLite file (created if missing) or a postgresql://user@host/db URL.")
@json_option("Print the summary as JSON (CONTRACT.md).")
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Parser processes (default: one per core).")
@budget_options
@click.option("--from-parquet", "from_parquet", default=None, type=click.Path(file_okay=False, path_type=str),
              help="Load a folder of `workreport batch` output (or `export --format parquet`) instead of parsing.")
def ingest_cmd(paths, db, as_json, workers, parse_seconds, parse_memory_mb, from_parquet):
    """Parse files and folder trees (txt, html, docx, pdf, doc) into the library.

    Unchanged files (same SHA-256) are skipped, files parsed under older rules are parsed again;
    an edited file replaces its old rows.  Corrections (`workreport edit`) are kept through all of it.
    --db takes a SQLite file or a postgresql:// URL; --from-parquet loads `workreport batch` output.

    Example:

    \b
        workreport ingest samples/district --db workreport.db
        workreport ingest samples/district/青山区2024年工作总结汇编.txt --db workreport.db
        workreport ingest --from-parquet batch_out --db postgresql://localhost/reports
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    import os

    from ..errors import InputNotFound
    from ..workers import Budget

    if (from_parquet is None) == (not paths):
        raise click.UsageError("give files or folders to ingest, or --from-parquet DIR (not both)")
    for p in [*paths, *([from_parquet] if from_parquet else [])]:
        if not os.path.exists(p):
            raise InputNotFound(p)
    console = make_console(stderr=True)
    lib = open_library(db, create=True)
    try:
        with Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[info]}"),
            TimeElapsedColumn(), console=console, transient=False, disable=not console.is_terminal,
        ) as bar:
            task = bar.add_task("ingest", total=None, info="")

            def progress(ev):
                bar.update(task, total=ev["total"], completed=ev["done"],
                           info=f"reports {ev['reports']}  figures {ev['indicators']}  failures {ev['failures']}")

            if from_parquet is not None:
                summary = lib.ingest_parquet(from_parquet)
            else:
                summary = lib.ingest(list(paths), workers=workers, progress=progress,
                                     budget=Budget(parse_seconds, parse_memory_mb))
    finally:
        lib.close()
    if as_json:
        echo_json(summary)
        return
    click.echo(
        f"文档：新增 {summary['documents_new']}，未变 {summary['documents_unchanged']}，"
        f"按新规则重新解析 {summary['documents_reparsed']}，重复（未另存）{summary['documents_duplicate']}；报告 {summary['reports']}，段落 {summary['paragraphs']}，"
        f"指标 {summary['indicators']}，问题 {summary['findings']}；失败 {len(summary['failures'])}"
        f"（{summary['seconds']} 秒）"
    )
    for d in summary["duplicates"]:
        how = "同文" if d["similarity"] >= 1 else f"近似副本，相似度 {d['similarity']:.2f}"
        click.echo(f"  重复：{os.path.basename(d['path'] or '')} 与已入库的 {d['document']}（{how}）")
    for f in summary["failures"]:
        click.echo(f"  失败：{f['error']}" if f["path"] in f["error"] else f"  失败：{f['path']}: {f['error']}")


@main.command("search")
@click.argument("query")
@db_option()
@click.option("--org", "--unit", "org", default=None,
              help="Only reports whose writing body (org) contains this text (--unit: old name).")
@click.option("--level", default=None,
              help="national, province, city, county_district, township_street, enterprise_other")
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

    \b
        workreport search 隐患 --db workreport.db
        workreport search "安全生产 隐患" --year 2024 --role achievements --db workreport.db
        workreport search 垃圾分类 --org 城市管理 --json --db workreport.db
    """
    lib = _open(db, readonly=True)
    try:
        res = lib.search(query, org=org, level=level, domain=domain, year=year, role=role, limit=limit,
                         offset=offset)
    finally:
        lib.close()
    if as_json:
        echo_json(res)
        return
    # plain click output, not rich: this command's start-up is most of its time
    out = click.echo
    out(f"共 {res['total']} 段")
    for h in res["hits"]:
        head = f"{h['org'] or '（未识别单位）'} {h['year'] or ''}  {h['document']} 第 {h['line_start']} 行"
        if h["section"]:
            head += "  " + " › ".join(h["section"])
        out(click.style(head, bold=True))
        snip, pos, parts = h["snippet"], 0, []
        for s, e in h["highlights"]:
            parts += [snip[pos:s], click.style(snip[s:e], reverse=True)]
            pos = e
        out("  " + "".join(parts) + snip[pos:])


@main.command("show")
@click.argument("report_id", type=int)
@db_option()
@json_option("Print the report as JSON.")
def show_cmd(report_id, db, as_json):
    """Print a report's outline, figures, commitments, findings and corrections.

    Example:

    \b
        workreport show 3 --db workreport.db
        workreport show 3 --db workreport.db --json
    """
    from ..errors import NotInLibrary

    lib = _open(db, readonly=True)
    try:
        rep = lib.report(report_id)
    finally:
        lib.close()
    if rep is None:
        from ..store import safe_location

        raise NotInLibrary(f"库 {safe_location(db)} 中没有编号为 {report_id} 的报告（no report {report_id}）")
    if as_json:
        echo_json(rep)
        return
    out = click.echo
    out(f"{rep['org'] or '（未识别单位）'}  {rep['year'] or ''}  {level_label(rep['level'])}  {rep['domain'] or ''}")
    out(f"来源：{rep['document']} 第 {rep['start_line']}–{rep['end_line']} 行")
    if rep["corrections"]:
        out("人工更正：" + "；".join(f"{k} {c['parsed']} → {c['value']}" for k, c in rep["corrections"].items()))
    out("\n大纲：")

    def walk(secs):
        for s in secs:
            out(f"{'  ' * s['depth']}{s['line']:>6}  [{ROLE_LABELS.get(s['role'], s['role'])}] {s['heading']}")
            walk(s["children"])

    walk(rep["sections"])
    out(f"\n指标（{len(rep['indicators'])}）：")
    for i in rep["indicators"]:
        out(f"  {i['line']:>6}  {i['measure']}：{i['value']}{i['unit']}（{KIND_LABELS.get(i['kind'], i['kind'])}）")
    out(f"\n计划项（{len(rep['plan_items'])}）：")
    for p in rep["plan_items"]:
        out(f"  {p['line']:>6}  {p['text'][:100]}")
    out(f"\n问题（{len(rep['findings'])}）：")
    for f in rep["findings"]:
        out(f"  {f['line']:>6}  {SEVERITY_LABELS.get(f['severity'], f['severity'])} {f['rule']}：{f['message']}")
    if rep["edits"]:
        out(f"\n修改记录（{len(rep['edits'])}）：")
        for e in rep["edits"]:
            out(f"  {e['at']}  {e['field_label'] or e['action']}：{e['old']} → {e['new']}  {e['source'] or ''}")


@main.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="xlsx (one sheet per table), csv/parquet (a folder, one file per table), json, docx (汇编).")
@click.argument("out", type=click.Path(path_type=str))
@db_option()
def export_cmd(fmt, out, db):
    """Export every table (or a compiled 汇编 with --format docx) to OUT.

    Example:

    \b
        workreport export --format xlsx 报告库.xlsx --db workreport.db
        workreport export --format docx 汇编.docx --db workreport.db
        workreport export --format csv 表格/ --db workreport.db
    """
    lib = _open(db, readonly=True)
    try:
        res = lib.export(fmt, out)
    finally:
        lib.close()
    from ..labels import TABLE_LABELS

    click.echo(f"已写出 {res['path']}：" + "，".join(f"{TABLE_LABELS.get(k, k)} {v}" for k, v in res["tables"].items()))


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
    """One row per body and year with the figures of a measure side by side, with their lines;
    the year is the one a figure is about (a target in a 2026 plan is for 2026), a multi-year
    total or a figure to a date says so.

    Example:

    \b
        workreport compare --measure 城镇新增就业 --db workreport.db
        workreport compare --measure 地区生产总值增长 --level province --db workreport.db
        workreport compare --measure 加装电梯 --csv --db workreport.db > 对比.csv
    """
    lib = _open(db, readonly=True)
    try:
        res = lib.compare(measure, org=org, year=year, level=level)
    finally:
        lib.close()
    if as_json:
        echo_json(res)
        return
    grouped: dict = {}
    for r in res["rows"]:  # by the year each figure is about, not the year of its report
        grouped.setdefault((r["org_label"], _period_text(r), r["level"], r["document"]), []).append(r)
    table = [
        (u or "", y or "", level_label(lv), "；".join(
            f"{r['value']}{r['unit'] or ''}（{r['measure']}，{KIND_LABELS.get(r['kind'], r['kind'])}，"
            f"第 {r['line']} 行）" for r in rows), doc)
        for (u, y, lv, doc), rows in grouped.items()
    ]
    if as_csv:
        write_csv(["org", "year", "level", "figures", "document"], table)
        return
    click.echo(f"{measure}（同义词：{'、'.join(res['synonyms'][1:]) or '无'}）")
    for u, y, lv, figs, doc in table:
        click.echo(f"  {u or '（未识别单位）'} {y}  {figs}  [{doc}]")
    if not table:
        click.echo("  库中没有这个指标的数值")


def _period_text(row: dict) -> str:
    """The year a figure is about, as a column shows it: 2025, 2021-2025 累计, 2025 截至某时."""
    from ..export.compare import KIND_OF_PERIOD

    start, end, kind = row.get("period"), row.get("period_end"), row.get("period_kind")
    if start is None:
        return str(row.get("year") or "")
    span = f"{start}-{end}" if end and end != start else str(start)
    return span if kind in (None, "annual") else f"{span} {KIND_OF_PERIOD.get(kind, kind)}"
