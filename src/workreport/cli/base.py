"""The click group and what every command shares: one-line errors, exit 2 on bad input."""
from __future__ import annotations

import json
import os
import sys

import click

from ..errors import WorkReportError
from ..store.sqlite import DEFAULT_PATH


def exit_status(exc: BaseException) -> int:
    """The status a command ends with for ``exc``, once the one line saying what went wrong is
    written; re-raises what is not ours to turn into a status (click's own exits, a bug under
    WORKREPORT_DEBUG).  Shared by the group and the budget's forked child (cli/budget.py)."""
    if isinstance(exc, BrokenPipeError):
        _quiet_stdout()  # `workreport text X | head`: the reader left; nothing is wrong
        return 0
    if isinstance(exc, WorkReportError):
        # One clear line, no traceback, nothing on stdout (CONTRACT.md).
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        click.echo(f"error: {msg}", err=True)
        return 2
    if isinstance(exc, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        return 130
    if isinstance(exc, OSError) and exc.filename is not None:
        # the file system said no (permission, no space, a folder where a file goes):
        # the user's to fix, not a bug
        click.echo(f"error: {exc.filename}: {exc.strerror or exc}", err=True)
        return 2
    if not isinstance(exc, Exception) or isinstance(exc, (OSError, click.ClickException, click.exceptions.Exit,
                                                          click.exceptions.Abort)):
        raise exc
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(exc, sqlite3.DatabaseError):
        # the library file itself is damaged (a disk, a copy cut short): not our bug
        click.echo(f"error: the library is damaged or unreadable ({exc}); restore it from a copy"
                   " or build it again with `workreport ingest`", err=True)
        return 2
    # A bug, not bad input: one line and status 1; the traceback on request.
    if os.environ.get("WORKREPORT_DEBUG"):
        raise exc
    click.echo(f"error: internal error: {type(exc).__name__}: {exc} "
               "(set WORKREPORT_DEBUG=1 for the traceback, and please report it)", err=True)
    return 1


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            ctx.exit(exit_status(exc))


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


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def console(**kw):
    """A rich Console for terminal output whose broken pipe (``| head``) ends the command
    quietly with status 0, like every other command (rich's own choice is status 1)."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return _Console(**kw)


def echo_json(obj) -> None:
    """One JSON object on stdout: compact (the C encoder: fast, small), or indented with
    ``--indent N`` for people reading it."""
    ctx = click.get_current_context(silent=True)
    indent = ctx.meta.get("workreport.indent") if ctx else None
    if indent:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=indent))
    else:  # in pieces: a figure-dense document's JSON is many times its text
        from . import jsonout

        sys.stdout.flush()
        jsonout.write(obj, sys.stdout.buffer.write)
    sys.stdout.write("\n")


def path_argument(f):
    return click.argument("path", type=click.Path(dir_okay=True, path_type=str))(f)


def encoding_option(f):
    return click.option("--encoding", default=None, help="Force the text encoding (e.g. gb18030).")(f)


def json_option(help: str = "Print JSON (../shared/CONTRACT.md)."):
    """``--json`` (as ``as_json``): the command prints one JSON object on stdout, compact;
    ``--indent N`` indents it."""

    def keep_indent(ctx, _param, value):
        ctx.meta["workreport.indent"] = value

    def decorate(f):
        f = click.option("--indent", type=click.IntRange(0, 8), default=None, expose_value=False,
                         callback=keep_indent, help="Indent the JSON by N spaces (default: compact).")(f)
        return click.option("--json", "as_json", is_flag=True, help=help)(f)

    return decorate


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


def open_library(db: str, *, create: bool = False, readonly: bool = False):
    """The library at ``db``.  Commands that only read pass ``create=False``: a missing file is
    one clear error (exit 2), never a new empty library that answers every question with nothing;
    and ``readonly``: nothing written, no lock taken (a read-only file or folder is fine)."""
    from ..store import Library

    return Library(db, create=create, readonly=readonly)


def db_option(help: str = "Library: a SQLite file or a postgresql://user@host/db URL.",
              default: str | None = DEFAULT_PATH):
    """``--db``: the library file; ``default=None`` where giving it switches a command to the library."""
    return click.option("--db", "db", default=default, show_default=default is not None, help=help)


def budget_options(f):
    """``--parse-seconds`` and ``--parse-memory-mb``: the budget of parsing one document
    (workers.Budget); a file past it is reported as failed and the rest go on."""
    from ..workers import DEFAULT_BUDGET as B

    f = click.option("--parse-memory-mb", type=click.IntRange(64, 1 << 20), default=B.memory_mb,
                     show_default=True, help="Memory one document's parse may take, in MB.")(f)
    return click.option("--parse-seconds", type=click.FloatRange(0.1, 86400), default=B.seconds,
                        show_default=True, help="Wall time one document's parse may take.")(f)


# A plain-text file up to this size is parsed in this process under in-process limits (the
# parse is Python, so the timer's signal is taken; a fork costs a small file a tenth of its time)
IN_PROCESS_TEXT_BYTES = 1 << 20


def under_budget(ctx, label: str, seconds: float, memory_mb: int, work) -> None:
    """``work()`` under the per-document budget: past it, one line naming the setting and exit
    2, as for any bad input.  In a child process (cli/budget.fork_budgeted: the stages imported
    there first, so the memory budget is the document's, as in the server's parser processes),
    or here for a small plain-text file (cli/budget.run_limited_here)."""
    import importlib

    from ..workers import Budget
    from .budget import fork_budgeted, run_limited_here

    budget = Budget(seconds=seconds, memory_mb=memory_mb)
    try:
        small_text = label.lower().endswith(".txt") and os.path.getsize(label) <= IN_PROCESS_TEXT_BYTES
    except OSError:
        small_text = False  # the reader says what is wrong with the path
    if small_text:
        run_limited_here(work, budget, label)
        return

    def prepare():  # in the child, before its memory is capped: a fork copies less than it imports
        for name in ("pipeline", "contract", "ingest"):
            importlib.import_module(f"workreport.{name}")

    code = fork_budgeted(work, budget, label, prepare, on_error=exit_status)
    if code is not None:
        ctx.exit(code)
