"""``workreport batch``: the pipeline over many files with Apache Spark, or in this process.

Spark only distributes documents and collects counts: each task runs ``parts.parse_slice`` (the
library's own reader and ``pipeline.parse``) over a contiguous slice of the file list and writes
its part of every table (``parts.write_part``).  The driver lists the files, adds up the row
counts of the parts so ids run on across them, and writes ``_batch.json``.

Inputs and ``--out`` must be paths that the driver and every executor see (a local disk in
local mode, a shared file system such as NFS on a cluster): see docs/SCALING.md.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from functools import partial
from typing import Callable

from ..errors import BatchError, InputNotFound
from ..store.files import find_files
from ..store.tables import TABLES
from . import parts

ENGINES = ("spark", "local")
DEFAULT_MASTER = "local[*]"
_OUTPUTS = (*TABLES, "_extra", "errors", "_batch.json")


def run(inputs, out: str, *, engine: str = "spark", master: str | None = None, partitions: int | None = None,
        max_bytes: int = parts.MAX_BYTES, parser: Callable | None = None, overwrite: bool = False,
        spark=None) -> dict:
    """Parse every file under ``inputs`` and write the tables to the folder ``out``.

    ``engine``: "spark" (``master``: a Spark master URL, local[*] by default; ``spark``: a
    SparkSession to use instead) or "local" (this process, same parts).  Returns the summary
    also written to ``out/_batch.json``.
    """
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    t0 = time.monotonic()
    for p in [inputs] if isinstance(inputs, (str, os.PathLike)) else inputs:
        if not os.path.exists(p):
            raise InputNotFound(os.fspath(p))
    files = find_files(inputs)
    out = os.path.abspath(os.fspath(out))
    _prepare(out, overwrite)
    items = list(enumerate(files))
    if engine == "local":
        n = max(1, min(len(files), partitions or 1))
        counts = _run_local(items, out, n, parser, max_bytes)
        where = "this process"
    else:
        session = spark or session_for(master)
        n = max(1, min(len(files), partitions or 4 * session.sparkContext.defaultParallelism))
        counts = _run_spark(session, items, out, n, parser, max_bytes)
        where = session.sparkContext.master
    tables = {t: sum(c[t] for c in counts) for t in (*TABLES, "errors")}
    summary = {"engine": engine, "master": where, "files": len(files), "parts": n,
               "documents": tables["documents"], "errors": tables["errors"], "tables": tables,
               "seconds": round(time.monotonic() - t0, 3), "out": out}
    with open(os.path.join(out, "_batch.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=1)
    return summary


def _prepare(out: str, overwrite: bool) -> None:
    present = [name for name in _OUTPUTS if os.path.exists(os.path.join(out, name))]
    if present and not overwrite:
        raise BatchError(f"{out}: already holds batch output ({', '.join(present)}); use --overwrite or another folder")
    for name in present:
        path = os.path.join(out, name)
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    os.makedirs(out, exist_ok=True)


def _slices(items: list, n: int) -> list[list]:
    """``n`` contiguous slices, as ``SparkContext.parallelize`` cuts a list."""
    return [items[len(items) * i // n:len(items) * (i + 1) // n] for i in range(n)]


def _run_local(items, out, n, parser, max_bytes) -> list[dict]:
    counts = []
    begin = parts.offsets([parts.totals([])])[0]  # ids from 1
    for i, chunk in enumerate(_slices(items, n)):
        results = parts.parse_slice(parser, max_bytes, chunk)
        counts.append(parts.write_part(out, i, results, begin))
        tot = parts.totals(results)
        begin = {t: begin[t] + tot[t] for t in begin}
    return counts


def _run_spark(session, items, out, n, parser, max_bytes) -> list[dict]:
    from pyspark import StorageLevel

    sc = session.sparkContext
    parsed = sc.parallelize(items, n).mapPartitions(partial(_parse_task, parser, max_bytes))
    parsed.persist(StorageLevel.MEMORY_AND_DISK)  # parse once: counted first, written after
    try:
        totals = dict(parsed.mapPartitionsWithIndex(_totals_task).collect())
        starts = parts.offsets([totals.get(i, parts.totals([])) for i in range(n)])
        written = parsed.mapPartitionsWithIndex(partial(_write_task, out, starts)).collect()
    finally:
        parsed.unpersist()
    return [c for _, c in sorted(written)]


# Task functions live at module level: Spark pickles them by reference to this module.
def _parse_task(parser, max_bytes, items):
    return parts.parse_slice(parser, max_bytes, items)


def _totals_task(index, results):
    return [(index, parts.totals(results))]


def _write_task(out, starts, index, results):
    return [(index, parts.write_part(out, index, results, starts[index]))]


def session_for(master: str | None = None):
    """A SparkSession: under spark-submit the one it configured; otherwise ``master``
    (local[*] by default), bound to 127.0.0.1 in local mode, no web UI."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise BatchError("pyspark is not installed: pip install 'workreport[scale]'") from exc
    # executors run this interpreter (the one with workreport installed) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("workreport batch")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit: its master rules
    if not submitted:
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        master = master or DEFAULT_MASTER
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = (builder.config("spark.driver.host", "127.0.0.1")
                       .config("spark.driver.bindAddress", "127.0.0.1"))
    builder = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # no Java, a bad master URL: one clear line
        raise BatchError(f"Spark could not start ({type(exc).__name__}: {str(exc).splitlines()[0][:200]});"
                         " is Java 17+ installed (JAVA_HOME) and the master URL right?") from exc
    session.sparkContext.setLogLevel("ERROR")
    return session
