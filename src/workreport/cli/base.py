"""The click group and what every command shares: one-line errors, exit 2 on bad input."""
from __future__ import annotations

import json
import os
import sys

import click

from ..errors import WorkReportError
from ..store.sqlite import DEFAULT_PATH


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except WorkReportError as exc:
            # One clear line, no traceback, nothing on stdout (CONTRACT.md).
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            click.echo(f"error: {msg}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            # A bug, not bad input: one line and status 1; the traceback on request.
            if os.environ.get("WORKREPORT_DEBUG"):
                raise
            click.echo(f"error: internal error: {type(exc).__name__}: {exc} "
                       "(set WORKREPORT_DEBUG=1 for the traceback, and please report it)", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="workreport")
def main():
    """workreport: Chinese annual work reports as structured, searchable, checked data.

    Example:

    \b
        workreport parse samples/district/青山区2024年工作总结汇编.txt
        workreport ingest samples/district --db workreport.db
        workreport search 隐患 --db workreport.db
        workreport serve --db workreport.db
    """


def echo_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1))
    sys.stdout.write("\n")


def path_argument(f):
    return click.argument("path", type=click.Path(dir_okay=True, path_type=str))(f)


def encoding_option(f):
    return click.option("--encoding", default=None, help="Force the text encoding (e.g. gb18030).")(f)


def json_option(help: str = "Print JSON (../shared/CONTRACT.md)."):
    """``--json`` (as ``as_json``): the command prints one JSON object on stdout."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def write_csv(columns, rows) -> None:
    """CSV on stdout for Excel: a UTF-8 BOM first (Excel on Chinese Windows reads the file as
    GBK without it), Chinese headers (labels.py), one row per item."""
    import csv

    from ..labels import column_label

    out = sys.stdout
    out.write("\ufeff")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([column_label(c) for c in columns])
    w.writerows(rows)


def open_library(db: str, *, create: bool = False):
    """The library at ``db``.  Commands that only read pass ``create=False``: a missing file is
    one clear error (exit 2), never a new empty library that answers every question with nothing."""
    from ..store import Library

    return Library(db, create=create)


def db_option(help: str = "Library database file.", default: str | None = DEFAULT_PATH):
    """``--db``: the library file; ``default=None`` where giving it switches a command to the library."""
    return click.option("--db", "db", default=default, show_default=default is not None, help=help)
