"""README.md stays true: every command and option is documented, every example names real ones."""

from __future__ import annotations

import importlib.util
import re
import shlex

import pytest
import typer.main

from locations import ROOT
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


def benchmark_script():  # type: ignore[no-untyped-def]
    """benchmarks/bench_report.py as a module (it imports only the standard library at the top)."""
    spec = importlib.util.spec_from_file_location("bench_report", ROOT / "benchmarks" / "bench_report.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_benchmark_table_in_the_readme_has_the_format_the_benchmark_script_prints():
    # The figures themselves cannot be checked without running the benchmark; their form can:
    # the README's table is one the script prints (same header, sizes, rows and number formats).
    bench = benchmark_script()
    assert "benchmarks/bench_report.py" in README
    table = README.split(bench.README_MARKER + "\n", 1)[1].split("\n\n", 1)[0]
    header, rows = table.splitlines()[:2], table.splitlines()[2:]
    assert header == bench.README_HEADER.splitlines()
    matches = [bench.README_ROW.match(row) for row in rows]
    assert all(matches), rows
    sizes = [int(m["files"].replace(".", "")) for m in matches]
    assert sizes == list(bench.DEFAULT_SIZES)
    assert [m["ratio"] is not None for m in matches] == [False] * (len(rows) - 1) + [True]

    def number(text: str) -> float:
        return float(text.replace(",", "."))

    for row, m in zip(rows, matches):
        ratio = number(m["ratio"]) if m["ratio"] else None
        first = int(m["first"].replace(".", "")) if m["first"] else None
        again = bench.readme_row(
            int(m["files"].replace(".", "")), number(m["best"]), number(m["median"]), number(m["one_process"]),
            number(m["rss"]), ratio, first,
        )
        assert again == row


def test_the_benchmark_script_prints_a_table_in_the_readmes_form():
    bench = benchmark_script()
    printed = bench.readme_table(
        [(1000, (0.126, 0.13), (0.114, 0.12), 25.4), (10_000, (0.2, 0.21), (0.27, 0.28), 29.0),
         (100_000, (1.13, 1.21), (1.79, 1.8), 63.7)]
    ).splitlines()
    assert printed[0] == bench.README_MARKER
    assert printed[1:3] == bench.README_HEADER.splitlines()
    assert printed[3:] == [
        "| 1.000 | 0,13 s (mediaan 0,13 s) | 0,11 s | 25 MB |",
        "| 10.000 | 0,20 s (mediaan 0,21 s) | 0,27 s | 29 MB |",
        "| 100.000 | 1,13 s (mediaan 1,21 s) | 1,79 s | 64 MB (2,5 × dat bij 1.000) |",
    ]
    assert all(bench.README_ROW.match(row) for row in printed[3:])
