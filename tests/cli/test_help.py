"""Every command's help is Dutch; the commands are the app's own, in a fixed order."""

from __future__ import annotations

import pytest
import typer.main

from ictbekwaam.cli.app import app
from ictbekwaam.cli.dutch import DutchCommand, DutchGroup

GROUP = typer.main.get_command(app)
COMMANDS = list(GROUP.commands)  # type: ignore[attr-defined]
ENGLISH = ("Usage:", "Show this message", "Options", "[default:", "Commands", "boolean")


def test_the_commands_in_the_order_of_the_help(run_cli):
    assert COMMANDS == ["kader", "gesprek", "validate", "assess", "profile", "pop", "compare", "report", "demo-data"]
    out = run_cli("--help").out
    listed = [line.split()[1] for line in out.split("Commando's", 1)[1].splitlines() if line.startswith("│ ") and line[2] != " "]
    assert listed == COMMANDS


def test_every_command_has_the_dutch_help_class():
    assert isinstance(GROUP, DutchGroup)
    assert [name for name, command in GROUP.commands.items() if not isinstance(command, DutchCommand)] == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["ictbekwaam", *COMMANDS])
def test_every_commands_help_is_dutch(run_cli, command):
    run = run_cli(*command, "--help")
    assert run.code == 0
    assert run.err == ""
    assert f"Gebruik: {' '.join(['ictbekwaam', *command])} [OPTIES]" in run.out
    assert "Toon deze hulp en stop." in run.out
    for english in ENGLISH:
        assert english not in run.out


def test_flags_show_no_value_in_the_help(run_cli):
    # A flag takes no value: "--version <ja/nee>" would invite "--version ja".
    run = run_cli("--help")
    version = next(line for line in run.out.splitlines() if "--version" in line)
    assert "<" not in version and "Toon het versienummer en stop." in version


def test_no_arguments_shows_the_help(run_cli):
    run = run_cli()
    assert "Gebruik: ictbekwaam [OPTIES] COMMANDO [ARGUMENTEN]..." in run.out + run.err
