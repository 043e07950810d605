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
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional

import typer

from ictbekwaam.cli.dutch import DutchCommand

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


def emit(text: str, out: Optional[Path], *, overwrite: bool = False, private: bool = True) -> None:
    """Write an export to ``out``, or to standard output when ``out`` is None.

    The one output path of every ``-o``; what it may replace is decided by
    :func:`~ictbekwaam.files.output.write_output` (an existing file only with
    ``--overwrite``, a result never, a device written through). ``private``:
    a new file gets mode 0600 (anything from results), else 0644 (the kader,
    the handreiking).
    """
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ictbekwaam.files.output import write_output

    from ictbekwaam.cli.stdout import ReaderGone

    try:
        written = write_output(out, text, overwrite=overwrite, private=private)
    except BrokenPipeError:  # -o /dev/stdout in a pipeline whose reader stopped
        raise ReaderGone from None
    from ictbekwaam import safe

    sys.stderr.write(f"Opgeslagen in {safe.text(str(written))}\n")


def renderer(spec: str) -> Callable[..., Any]:
    """The function named by ``"package.module:function"``, imported only now.

    Tables from an output format to its renderer name the renderers this way,
    so that a command imports only the renderer it uses.
    """
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


# -- options shared by several commands ------------------------------------------------
# typer reads these from ``Annotated[...]``; the default value stays in the signature.

OUT_HELP = "Schrijf naar dit bestand in plaats van naar het scherm (een bestaand bestand alleen met --overwrite)."
OVERWRITE_HELP = "Vervang een bestaand bestand bij -o (een resultaatbestand nooit)."
DOELEN_HELP = "De doelen van de school (YAML) in plaats van de standaarddoelen."
RESULT_FILE_HELP = "Een resultaatbestand (.json) van ictbekwaam assess."


def _dash_is_stdout(value: Optional[Path]) -> Optional[Path]:
    # "-o -" is the screen, as "--template -" is: every command then does what it does without -o.
    return None if value is not None and str(value) == "-" else value


def out_option(help: str = OUT_HELP, metavar: str = "BESTAND", *, dash_is_stdout: bool = True) -> Any:
    """``--out``/``-o``: where an export goes instead of the screen (``-`` is the screen)."""
    return typer.Option("--out", "-o", metavar=metavar, help=help, callback=_dash_is_stdout if dash_is_stdout else None)


def doelen_option(help: str = DOELEN_HELP) -> Any:
    """``--doelen``: the school's own targets instead of the default ones."""
    return typer.Option("--doelen", metavar="BESTAND", help=help)


def format_option(help: str) -> Any:
    """``--format``/``-f``: the output format (each command has its own choices)."""
    return typer.Option("--format", "-f", help=help)


ACCESSIBLE_ENV = "ACCESSIBLE"


def wants_plain(flag: bool) -> bool:
    """Plain output for screen readers: ``--plain``, ``TERM=dumb`` or ``ACCESSIBLE`` set."""
    term = os.environ.get("TERM", "")
    return flag or term == "dumb" or bool(os.environ.get(ACCESSIBLE_ENV, "").strip())


def plain_option(help: str) -> Any:
    """``--plain``: words instead of bars and symbols (also on with ``TERM=dumb`` or ``ACCESSIBLE``)."""
    return typer.Option("--plain", help=help)


def overwrite_option() -> Any:
    """``--overwrite``: ``-o`` may replace an existing file (never a result)."""
    return typer.Option("--overwrite", help=OVERWRITE_HELP)


OutOption = Annotated[Optional[Path], out_option()]
OverwriteOption = Annotated[bool, overwrite_option()]
DoelenOption = Annotated[Optional[Path], doelen_option()]
ResultFileArgument = Annotated[Path, typer.Argument(metavar="BESTAND", help=RESULT_FILE_HELP)]
