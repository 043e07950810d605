"""What every command module shares: settings, output, consoles, options.

Each command module (:mod:`~ictbekwaam.cli.kader`, :mod:`~ictbekwaam.cli.assess`,
:mod:`~ictbekwaam.cli.profile`, :mod:`~ictbekwaam.cli.report`) imports from here
and from :mod:`~ictbekwaam.cli.dutch` only, never from :mod:`~ictbekwaam.cli.app`,
which puts the modules together. Only typer is imported at the top; rich and
the rest of the package are imported when a command runs, so that
``ictbekwaam --help`` starts fast.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional

import typer

from ictbekwaam.cli.dutch import DutchCommand
from ictbekwaam.errors import IctbekwaamError

if TYPE_CHECKING:
    from ictbekwaam.model.kader import Handreiking, Kader


class CommandGroup(typer.Typer):
    """A group of commands in one module, with Dutch help for each command.

    The main app adds it with ``app.add_typer(commands)`` without a name, so its
    commands are top-level commands (``ictbekwaam kader``, not a sub-group).
    """

    def command(self, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def,override]
        """``typer.Typer.command`` with :class:`~ictbekwaam.cli.dutch.DutchCommand` as the default class."""
        kwargs.setdefault("cls", DutchCommand)
        return super().command(*args, **kwargs)


@dataclass
class Settings:
    """Global options, shared by all commands (``ctx.obj``).

    Attributes:
        kader_path: a school's own kader.yaml, or None for the built-in one.
        handreiking_path: a school's own handreiking.yaml, or None.
    """

    kader_path: Optional[Path] = None
    handreiking_path: Optional[Path] = None
    _kader: Any = field(default=None, repr=False)

    def kader(self) -> "Kader":
        """The kader in use (loaded once)."""
        if self._kader is None:
            from ictbekwaam.files.loader import load_kader

            self._kader = load_kader(self.kader_path)
        return self._kader

    def handreiking(self) -> "Handreiking":
        """The handreiking in use, checked against the kader in use."""
        from ictbekwaam.files.loader import load_handreiking

        return load_handreiking(self.handreiking_path, self.kader())


def settings(ctx: typer.Context) -> Settings:
    """The global settings of this invocation."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def stdout_console():  # type: ignore[no-untyped-def]
    """A rich console on stdout (respects NO_COLOR and non-terminals)."""
    from rich.console import Console

    return Console()


def stderr_console():  # type: ignore[no-untyped-def]
    """A rich console on stderr, for messages next to machine-readable output."""
    from rich.console import Console

    return Console(stderr=True)


def emit(text: str, out: Optional[Path]) -> None:
    """Write an export to ``out`` atomically, or to stdout when ``out`` is None.

    The one output path of every ``-o``: a teacher's result file is never
    replaced by an export (``-o resultaat.json`` by mistake), whichever command
    writes it.
    """
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ictbekwaam.files.write import atomic_write
    from ictbekwaam.files.results import is_result_file

    if is_result_file(out):
        raise IctbekwaamError(f"{out} is een resultaatbestand; ictbekwaam overschrijft dat niet. Kies een ander bestand voor -o.")

    atomic_write(out, text)
    sys.stderr.write(f"Opgeslagen in {out}\n")


def renderer(spec: str) -> Callable[..., Any]:
    """The function named by ``"package.module:function"``, imported only now.

    Tables from an output format to its renderer name the renderers this way,
    so that a command imports only the renderer it uses.
    """
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


# -- options shared by several commands ------------------------------------------------
# typer reads these from ``Annotated[...]``; the default value stays in the signature.

OUT_HELP = "Schrijf naar dit bestand in plaats van naar het scherm."
DOELEN_HELP = "De doelen van de school (YAML) in plaats van de standaarddoelen."
RESULT_FILE_HELP = "Een resultaatbestand (.json) van ictbekwaam assess."


def out_option(help: str = OUT_HELP, metavar: str = "BESTAND") -> Any:
    """``--out``/``-o``: where an export goes instead of the screen."""
    return typer.Option("--out", "-o", metavar=metavar, help=help)


def doelen_option(help: str = DOELEN_HELP) -> Any:
    """``--doelen``: the school's own targets instead of the default ones."""
    return typer.Option("--doelen", metavar="BESTAND", help=help)


def format_option(help: str) -> Any:
    """``--format``/``-f``: the output format (each command has its own choices)."""
    return typer.Option("--format", "-f", help=help)


OutOption = Annotated[Optional[Path], out_option()]
DoelenOption = Annotated[Optional[Path], doelen_option()]
ResultFileArgument = Annotated[Path, typer.Argument(metavar="BESTAND", help=RESULT_FILE_HELP)]
