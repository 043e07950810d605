"""The command line: parse options, call the core, render, exit.

Every command is thin. Errors meant for the user are raised as
:class:`~ictbekwaam.errors.IctbekwaamError` anywhere below and caught once, in
:func:`main`, which prints them in Dutch and exits 1 (data), 2 (usage) or 130
(cancelled). Heavy modules (questionary, prompt_toolkit, jinja2) are imported
inside the commands that use them, so ``ictbekwaam --help`` starts fast.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from typer._click.exceptions import ClickException, UsageError  # typer >= 0.26 vendors click

from ictbekwaam import __version__
from ictbekwaam.cli.dutch import DutchCommand, DutchGroup, usage_error_text
from ictbekwaam.errors import ExitCode, IctbekwaamError

if TYPE_CHECKING:
    from ictbekwaam.model.kader import Handreiking, Kader

app = typer.Typer(
    cls=DutchGroup,
    name="ictbekwaam",
    help=(
        "Meet je ict-bekwaamheid aan het Kader voor ict-bekwaamheid van leraren (Kennisnet), "
        "en maak van de resultaten van een team een beeld en een gesprek.\n\n"
        "Begin met: ictbekwaam assess"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(*args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
    """``app.command`` with Dutch help; every command module registers through this."""
    kwargs.setdefault("cls", DutchCommand)
    return app.command(*args, **kwargs)


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

    A teacher's result file is never replaced by an export (``-o resultaat.json``
    by mistake), whichever command writes it.
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


def _version(value: bool) -> None:
    if value:
        print(f"ictbekwaam {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    kader: Optional[Path] = typer.Option(
        None, "--kader", metavar="BESTAND", help="Gebruik het eigen kader.yaml van de school in plaats van het ingebouwde."
    ),
    handreiking: Optional[Path] = typer.Option(
        None, "--handreiking", metavar="BESTAND", help="Gebruik een eigen handreiking.yaml in plaats van de ingebouwde."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Toon het versienummer en stop."
    ),
) -> None:
    """ictbekwaam: zelfevaluatie en teamrapportage ict-bekwaamheid."""
    ctx.obj = Settings(kader_path=kader, handreiking_path=handreiking)


class KaderFormat(str, Enum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"


@command("kader")
def kader_command(
    ctx: typer.Context,
    format: KaderFormat = typer.Option(KaderFormat.tekst, "--format", "-f", help="Uitvoer: tekst (boom), json of markdown."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="BESTAND", help="Schrijf naar dit bestand in plaats van naar het scherm."),
) -> None:
    """Toon het Kader voor ict-bekwaamheid: schaal, basisvaardigheden, kerntaken, voorbeelden."""
    from ictbekwaam.render import kader as render

    kader = settings(ctx).kader()
    if format is KaderFormat.json:
        emit(render.kader_json(kader), out)
    elif format is KaderFormat.markdown:
        emit(render.kader_markdown(kader), out)
    elif out is not None:
        emit(render.kader_markdown(kader), out)
    else:
        stdout_console().print(render.kader_tree(kader))


class GesprekFormat(str, Enum):
    tekst = "tekst"
    markdown = "markdown"


@command("gesprek")
def gesprek_command(
    ctx: typer.Context,
    thema: Optional[str] = typer.Argument(
        None,
        metavar="[THEMA]",
        help="Een thema (bijv. omgeving, 2b of 4) of een onderwerp (bijv. 2.3); zonder: alle thema's.",
    ),
    format: GesprekFormat = typer.Option(GesprekFormat.tekst, "--format", "-f", help="Uitvoer: tekst of markdown (gespreksblad)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="BESTAND", help="Schrijf naar dit bestand in plaats van naar het scherm."),
) -> None:
    """Toon de gespreksvragen van de Handreiking professionalisering ict-bekwaamheid."""
    from ictbekwaam.core.gesprek import select
    from ictbekwaam.render import gesprek as render

    handreiking = settings(ctx).handreiking()
    selecties = select(handreiking, thema)
    if format is GesprekFormat.markdown or out is not None:
        emit(render.gesprek_markdown(handreiking, selecties), out)
    else:
        stdout_console().print(render.gesprek_renderable(handreiking, selecties))


@command("validate")
def validate_command(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., metavar="BESTAND...", help="Kader-, handreiking- of resultaatbestanden."),
) -> None:
    """Controleer bestanden en zeg wat er mis is, of dat ze geldig zijn."""
    from ictbekwaam.errors import DataError
    from ictbekwaam.files.validate import validate_file

    kader = settings(ctx).kader()
    bad = 0
    for path in files:
        try:
            verdict = validate_file(path, kader)
        except DataError as exc:
            bad += 1
            # One line per problem, unwrapped: paths stay whole and grep-able.
            print(f"✗ {path}: ongeldig")
            for place, message in exc.problems:
                print(f"  {place}: {message}")
        else:
            print(f"✓ {path}: geldig {verdict.kind} ({verdict.summary})")
    if bad:
        raise IctbekwaamError(f"{bad} van de {len(files)} bestanden {'is' if bad == 1 else 'zijn'} ongeldig.")


def _print_error(message: str) -> None:
    sys.stderr.write(f"Fout: {message}\n")
    sys.stderr.flush()


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: run the app and turn every expected failure into a Dutch message and exit code."""
    try:
        code = app(args=argv, prog_name="ictbekwaam", standalone_mode=False)
    except IctbekwaamError as exc:
        if exc.exit_code == ExitCode.CANCELLED:
            sys.stderr.write(f"\n{exc.message}\n")
        else:
            _print_error(exc.message)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\nAfgebroken.\n")
        sys.exit(ExitCode.CANCELLED)
    except UsageError as exc:
        command_path = exc.ctx.command_path if exc.ctx is not None else "ictbekwaam"
        _print_error(usage_error_text(exc.format_message()))
        sys.stderr.write(f"Zie '{command_path} --help' voor hulp.\n")
        sys.exit(ExitCode.USAGE)
    except ClickException as exc:
        _print_error(usage_error_text(exc.format_message()))
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # `ictbekwaam kader | head`: the reader went away; that is not an error.
        sys.stderr.close()
        sys.exit(0)
    if code == ExitCode.CANCELLED:
        # typer turns Ctrl-C inside a command into a silent "return 130".
        sys.stderr.write("\nAfgebroken.\n")
    sys.exit(code if isinstance(code, int) else 0)


# The other workflows keep their commands in their own modules; importing them
# registers the commands (they import only typer and this module at top level).
from ictbekwaam.cli import assess, profile, report  # noqa: E402,F401
