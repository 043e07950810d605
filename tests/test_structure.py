"""The package keeps its shape: no import cycles, pure lower layers, small files and classes.

The import graph is read from the source with :mod:`ast`, never by importing
it. An import counts as "module level" when it runs on ``import``: at the top
of the module, or inside a module-level ``try``/``if``/``with`` or class body,
but not inside a function and not under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from locations import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "ictbekwaam"

# Where each layer may not reach (README, "Opbouw").
_ALL_LAYERS = ("model", "core", "files", "render", "ui", "cli")
FORBIDDEN_LAYERS = {
    "errors": _ALL_LAYERS,
    "dutch": _ALL_LAYERS,
    "safe": _ALL_LAYERS,
    "model": ("core", "files", "render", "ui", "cli"),
    "core": ("files", "render", "ui", "cli"),
    "files": ("render", "ui", "cli"),
    "render": ("ui", "cli"),
    "ui": ("cli",),
}
USER_INTERFACE_LIBRARIES = ("typer", "rich", "click", "questionary", "prompt_toolkit", "jinja2")
PURE_PACKAGES = ("model", "core", "files")
MAX_FILE_LINES = 500
MAX_CLASS_LINES = 250
MAX_TOP_LEVEL_MODULES = 6


def module_name(path: Path) -> str:
    """``src/ictbekwaam/core/team/tally.py`` -> ``ictbekwaam.core.team.tally``."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@dataclass(frozen=True)
class Import:
    """One import of a module of the package: which module, on which line, and whether it runs on import."""

    target: str
    line: int
    module_level: bool


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The package's modules that one import statement imports."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            source = ".".join([*base, node.module] if node.module else base)
        else:
            source = node.module or ""
        # `from ictbekwaam.x import name` imports the module ictbekwaam.x.name when there is one.
        names = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source for alias in node.names]
    return [name for name in dict.fromkeys(names) if name in MODULES]


def read_imports(source: str, module: str, *, is_package: bool = False) -> list[Import]:
    """Every import of a package module in the source of ``module`` (type-checking-only ones left out)."""
    found: list[Import] = []

    def visit(nodes: list[ast.stmt], module_level: bool) -> None:
        for node in nodes:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(node, module, is_package):
                    found.append(Import(target, node.lineno, module_level))
            elif isinstance(node, ast.If) and _is_type_checking(node.test):
                visit(node.orelse, module_level)  # the body never runs
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(node.body, False)
            else:  # if, try, with, for, class, match: their statements run when the enclosing code runs
                for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                    for child in getattr(node, field, []):
                        visit(child.body if isinstance(child, (ast.ExceptHandler, ast.match_case)) else [child], module_level)

    visit(ast.parse(source).body, True)
    return found


def imports_of(module: str) -> list[Import]:
    """Every import of a package module in the package's module ``module``."""
    path = MODULES[module]
    return read_imports(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")


IMPORTS = {module: imports_of(module) for module in MODULES}
GRAPH = {module: sorted({i.target for i in found if i.module_level} - {module}) for module, found in IMPORTS.items()}


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """One cycle (``[a, b, a]``) for each group of modules that import each other (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, []):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [_cycle_through(group, graph) for group in groups]


def _cycle_through(group: list[str], graph: dict[str, list[str]]) -> list[str]:
    """The shortest way from the group's first module back to itself, within the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in graph.get(node, []):
            if nxt == start:
                return [*paths[node], start]
            if nxt in members and nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    raise AssertionError(f"no cycle in {group}")  # pragma: no cover - a strongly connected group has one


# -- (a) no module-level import cycles --------------------------------------------------


def test_the_cycle_finder_names_a_cycle():
    graph = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": []}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": ["b"], "b": []}) == []


def test_the_import_reader_sees_what_runs_on_import():
    source = (
        "from typing import TYPE_CHECKING\n"
        "import ictbekwaam.errors, json\n"
        "try:\n    from ictbekwaam.model import result\nexcept ImportError:\n    from . import kader\n"
        "if TYPE_CHECKING:\n    from ictbekwaam.core import scoring\nelse:\n    from ..render import labels\n"
        "class A:\n    from ictbekwaam.files.loader import load_kader\n"
        "def f():\n    from ictbekwaam.files import write\n"
    )
    found = read_imports(source, "ictbekwaam.model.targets")
    assert [(i.target, i.line, i.module_level) for i in found] == [
        ("ictbekwaam.errors", 2, True),
        ("ictbekwaam.model.result", 4, True),
        ("ictbekwaam.model.kader", 6, True),
        ("ictbekwaam.render.labels", 10, True),
        ("ictbekwaam.files.loader", 12, True),
        ("ictbekwaam.files.write", 14, False),
    ]


def test_no_module_level_import_cycles():
    cycles = [" -> ".join(cycle) for cycle in find_cycles(GRAPH)]
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


# -- (b) model, core and files load no user-interface library ---------------------------

PURITY_CHECK = """
import importlib, sys
heavy = {heavy!r}
seen = {{}}
for name in {modules!r}:
    importlib.import_module(name)
    for lib in heavy:
        if lib in sys.modules and lib not in seen:
            seen[lib] = name
print("; ".join(f"{{lib}} (after importing {{name}})" for lib, name in seen.items()))
"""


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_the_lower_layers_load_no_user_interface_library(package):
    modules = [m for m in MODULES if m == f"ictbekwaam.{package}" or m.startswith(f"ictbekwaam.{package}.")]
    code = PURITY_CHECK.format(heavy=USER_INTERFACE_LIBRARIES, modules=modules)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"ictbekwaam.{package} loads {proc.stdout.strip()}"


# -- (c) layering: no layer reaches up ---------------------------------------

LAYERED = [module for module in MODULES if module.split(".")[1:2] and module.split(".")[1] in FORBIDDEN_LAYERS]


@pytest.mark.parametrize("module", LAYERED)
def test_a_lower_layer_imports_no_higher_one(module):
    layer = module.split(".")[1]
    forbidden = tuple(f"ictbekwaam.{name}" for name in FORBIDDEN_LAYERS[layer])
    wrong = [
        f"line {i.line}: {i.target}"
        for i in IMPORTS[module]
        if i.target in forbidden or i.target.startswith(tuple(f"{name}." for name in forbidden))
    ]
    assert not wrong, f"{module} ({layer}) imports a higher layer: {wrong}"


# -- (d) small files and classes; (e) few top-level modules ------------------------------

SOURCE_FILES = [str(path.relative_to(ROOT)) for path in MODULES.values()]
# The tests and benchmarks too: a test file that keeps growing is one nobody reads whole.
OTHER_FILES = sorted(str(p.relative_to(ROOT)) for folder in ("tests", "benchmarks") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", SOURCE_FILES + OTHER_FILES)
def test_no_source_file_is_too_long(path):
    lines = len((ROOT / path).read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_FILE_LINES, f"{path} has {lines} lines (at most {MAX_FILE_LINES})"


@pytest.mark.parametrize("path", SOURCE_FILES)
def test_no_class_is_too_long(path):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.end_lineno is not None and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES
    ]
    assert not long, f"{path}: {long} (at most {MAX_CLASS_LINES} lines a class)"


def test_few_modules_directly_in_the_package():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, f"{len(top)} modules in src/ictbekwaam/: {top}"


@pytest.mark.parametrize("module", [m for m in MODULES if m.startswith("ictbekwaam.cli.") and m != "ictbekwaam.cli.app"])
def test_a_command_module_uses_only_the_shared_cli_modules(module):
    # cli.app puts the command modules together; they must not need it (nor each other):
    # only the shared modules (settings and emit, Dutch click, standard output).
    allowed = {"ictbekwaam.cli.common", "ictbekwaam.cli.dutch", "ictbekwaam.cli.stdout"}
    wrong = sorted({i.target for i in IMPORTS[module] if i.target.startswith("ictbekwaam.cli")} - allowed - {module})
    assert not wrong, f"{module} imports {wrong}"
