"""Every command documents itself with an example, and README names every command."""
from pathlib import Path

import pytest

from workreport.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_an_example(name):
    assert "Example:" in (main.commands[name].help or ""), name


@pytest.mark.parametrize("name", sorted(main.commands))
def test_readme_mentions_command(name):
    assert f"workreport {name}" in README, name
