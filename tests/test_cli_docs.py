"""Every command documents itself with examples, one per line, that point at files a user has
(the repository's samples/), and README names every command."""
import re
from pathlib import Path

import click
import pytest

from workreport.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _help(name: str) -> str:
    cmd = main.commands[name]
    with click.Context(cmd, info_name=name, parent=click.Context(main, info_name="workreport")) as ctx:
        return cmd.get_help(ctx)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_an_example(name):
    assert "Example:" in (main.commands[name].help or ""), name


@pytest.mark.parametrize("name", sorted(main.commands))
def test_examples_are_one_per_line_and_name_files_that_exist(name):
    text = _help(name)
    examples = [line.strip() for line in text.splitlines() if line.strip().startswith("workreport ")]
    assert examples, text
    # click rewraps a paragraph into one line unless it is marked with \b: two commands run together
    assert all(line.count("workreport ") == 1 for line in examples), examples
    for line in examples:
        for path in re.findall(r"samples/\S+", line):
            assert (ROOT / path).exists(), f"{name}: {path} does not exist"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_readme_mentions_command(name):
    assert f"workreport {name}" in README, name
