"""README.md stays true: every command and option is documented, every example names real ones."""

from __future__ import annotations

import re
import shlex

import pytest
import typer.main

from conftest import ROOT
from ictbekwaam.cli.app import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = dict(GROUP.commands)  # type: ignore[attr-defined]


def long_options(command) -> set[str]:  # type: ignore[no-untyped-def]
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("--")} - {"--help"}


def example_lines() -> list[str]:
    """Every line of a README code block that runs ictbekwaam (comments cut off)."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.splitlines():
            line = line.split(" #")[0].strip()
            at = line.find("ictbekwaam ")
            if at >= 0:
                lines.append(line[at:].split(" && ")[0])
    return lines


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_section(name):
    assert re.search(rf"^#+ `ictbekwaam {re.escape(name)}\b", README, re.M), f"no section for {name}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_is_documented(name):
    missing = [o for o in sorted(long_options(COMMANDS[name])) if f"`{o}" not in README and f" {o} " not in README]
    assert not missing, f"{name}: {missing}"


def test_the_global_options_are_documented():
    assert all(f"`{o}" in README for o in long_options(GROUP))


def test_every_example_names_a_real_command_and_real_options():
    examples = example_lines()
    assert len(examples) > 30
    seen = set()
    for line in examples:
        words = shlex.split(line)[1:]
        known = long_options(GROUP)
        while words and words[0].startswith("--"):  # global options and their values
            option = words.pop(0)
            assert option in known, line
            if option != "--version":
                words.pop(0)
        if not words:
            continue
        name = words[0]
        assert name in COMMANDS, line
        seen.add(name)
        allowed = long_options(COMMANDS[name])
        for word in words[1:]:
            if word.startswith("--"):
                assert word in allowed, f"{word} is no option of {name}: {line}"
    assert seen == set(COMMANDS), f"commands without an example: {set(COMMANDS) - seen}"


def test_the_benchmark_figures_in_the_readme_come_from_the_benchmark_script():
    assert "benchmarks/bench_report.py" in README
    assert (ROOT / "benchmarks" / "bench_report.py").is_file()
    table = README.split("<!-- benchmark -->", 1)[1].strip().split("\n\n", 1)[0]
    assert [row.split("|")[1].strip() for row in table.splitlines()[2:]] == ["1.000", "10.000", "100.000"]
