"""`workreport indicators`: every figure of a document, one row per figure."""
from __future__ import annotations

import click

from ..labels import KIND_LABELS
from .base import db_option, echo_json, encoding_option, json_option, main, write_csv

COLUMNS = (
    "org", "report_start_line", "section", "line", "col", "span", "value", "number", "unit",
    "measure", "kind", "normalized_value", "normalized_unit", "qualifier", "rule",
)


@main.command("indicators")
@click.argument("path", required=False)
@click.option("--measure", default=None, help="With --db: compare this measure across the library's bodies.")
@db_option("Library database for --measure.")
@click.option("--org", "--unit", "org", default=None,
              help="With --measure: only bodies whose name contains this (--unit: old name).")
@click.option("--year", type=int, default=None, help="With --measure: only this year.")
@json_option("Print a JSON object with one row per figure.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV for Excel (UTF-8 with BOM, Chinese header row).")
@click.option("--unknown-units", "unknown", is_flag=True,
              help="List the units the unit table does not know: unit, count, one example.")
@encoding_option
@click.pass_context
def indicators_cmd(ctx, path, measure, db, org, year, as_json, as_csv, unknown, encoding):
    """List every figure: report, section, line, value, unit, measure, kind, normalized value.

    With --measure (and --db), compare that measure across the bodies of a library instead.

    Example:

    \b
        workreport indicators samples/district/青山区2024年工作总结汇编.txt
        workreport indicators samples/district/青山区2024年工作总结汇编.txt --csv > 指标.csv
        workreport indicators samples/2025年吉林省政府工作报告.txt --unknown-units
        workreport indicators --measure 地区生产总值增长 --db workreport.db
    """
    if measure:
        from .library_cmds import compare_cmd

        return ctx.invoke(compare_cmd, measure=measure, db=db, org=org, year=year,
                          level=None, as_json=as_json, as_csv=as_csv)
    if not path:
        raise click.UsageError("give a PATH to list its figures, or --measure with --db to compare")
    from ..contract import indicator_rows, indicators_doc, unknown_units_doc
    from ..ingest import read_document
    from ..pipeline import parse

    parsed = parse(read_document(path, encoding=encoding))
    if unknown:
        doc = unknown_units_doc(parsed)
        if as_json:
            echo_json(doc)
            return
        for u in doc["unknown_units"]:
            click.echo(f"{u['unit']}\t{u['count']}\t{u['example']['line']}\t{u['example']['span']}")
        return
    if as_json:
        echo_json(indicators_doc(parsed))
        return
    rows = indicator_rows(parsed)
    if as_csv:
        write_csv(COLUMNS, ([row.get(c) for c in COLUMNS] for row in rows))
        return
    for row in rows:
        click.echo(
            f"{row['line']:>6}  {KIND_LABELS.get(row['kind'], row['kind']):<4} {row['value']}{row['unit']:<6} "
            f"{row['measure']}  [{row['org'] or ''}]"
        )
