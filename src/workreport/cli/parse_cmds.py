"""`workreport parse` and `workreport text`."""
from __future__ import annotations

import sys

import click

from .base import budget_options, echo_json, encoding_option, json_option, main, path_argument, under_budget


@main.command("parse")
@path_argument
@json_option("Print the contract JSON (../shared/CONTRACT.md).")
@encoding_option
@budget_options
@click.pass_context
def parse_cmd(ctx, path, as_json, encoding, parse_seconds, parse_memory_mb):
    """Parse a report or a compilation of reports.

    Example:

    \b
        workreport parse samples/district/青山区2024年工作总结汇编.txt
        workreport parse samples/district/青山区2024年工作总结汇编.txt --json > parsed.json
        workreport parse samples/district/青山区教育局2025年工作总结.docx
    """
    under_budget(ctx, path, parse_seconds, parse_memory_mb, lambda: _parse(path, as_json, encoding))


def _parse(path, as_json, encoding) -> None:
    # (the pipeline is imported here, not at the top: commands that only read a library start
    # without loading the rules)
    from ..contract import parsed_json
    from ..ingest import read_document
    from ..pipeline import parse

    parsed = parse(read_document(path, encoding=encoding))
    if as_json:
        out = parsed_json(parsed)
        del parsed  # the JSON keeps what it needs; the objects need not outlive it
        echo_json(out)
        return
    from ..render import print_outline
    from .base import console

    print_outline(parsed, console())


@main.command("text")
@path_argument
@encoding_option
@budget_options
@click.pass_context
def text_cmd(ctx, path, encoding, parse_seconds, parse_memory_mb):
    """Print the text the pipeline reads (one source paragraph per line).

    Line numbers of `parse`, `check` and the library refer to these lines.

    Example:

    \b
        workreport text samples/district/青山区教育局2025年工作总结.docx
        workreport text samples/2025年河北省政府工作报告.docx | head
    """
    under_budget(ctx, path, parse_seconds, parse_memory_mb, lambda: _text(path, encoding))


def _text(path, encoding) -> None:
    from ..ingest import read_document

    doc = read_document(path, encoding=encoding)
    out = sys.stdout
    for line in doc.lines:
        out.write(line)
        out.write("\n")
