"""`workreport batch`: the pipeline over many files with Spark (or in this process), to Parquet."""
from __future__ import annotations

import click

from .base import echo_json, json_option, main


@main.command("batch")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=str))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Folder for the Parquet tables (one sub-folder per table, one part per task).")
@click.option("--engine", type=click.Choice(["spark", "local"]), default="spark", show_default=True,
              help="spark: distribute over a Spark master; local: this process, the same output.")
@click.option("--master", default=None,
              help="Spark master URL: local[N], spark://host:7077, yarn, k8s://… [default: local[*]; "
                   "under spark-submit, its own].")
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="Tasks (parts) to cut the file list into [default: 4 per core of the cluster; local: 1].")
@click.option("--files-from", type=click.File("r", encoding="utf-8"), default=None,
              help="A text file listing input paths, one per line (with or without INPUTS).")
@click.option("--max-mb", type=click.IntRange(1), default=64, show_default=True,
              help="Larger files are not read; they go to the errors table.")
@click.option("--overwrite", is_flag=True, help="Replace earlier batch output in --out.")
@json_option("Print the summary as JSON.")
def batch_cmd(inputs, out, engine, master, partitions, files_from, max_mb, overwrite, as_json):
    """Parse folders or files with the same pipeline as ingest, distributed by Apache Spark, and
    write Parquet tables with the columns of `export --format parquet`, plus an errors table of
    the files that could not be read.  Load the result with `ingest --from-parquet`.

    Example:

        workreport batch reports/ --out batch_out --engine spark --master local[2]
    """
    from ..batch.spark import run
    from ..errors import BatchError

    paths = list(inputs)
    if files_from is not None:
        paths += [line.strip() for line in files_from if line.strip()]
    if not paths:
        raise BatchError("no input: give folders or files, or --files-from LIST")
    summary = run(paths, out, engine=engine, master=master, partitions=partitions, max_bytes=max_mb * 1024 * 1024,
                  overwrite=overwrite)
    if as_json:
        echo_json(summary)
        return
    t = summary["tables"]
    click.echo(f"{summary['files']} files on {summary['master']} in {summary['parts']} parts: "
               f"{summary['documents']} documents, reports {t['reports']}, paragraphs {t['paragraphs']}, "
               f"indicators {t['indicators']}, findings {t['findings']}; {summary['errors']} errors "
               f"({summary['seconds']} s) -> {summary['out']}")
