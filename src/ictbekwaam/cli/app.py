"""The command line: the app, its global options, and :func:`main`.

Every command lives in a module of its own group (:mod:`~ictbekwaam.cli.kader`,
:mod:`~ictbekwaam.cli.assess`, :mod:`~ictbekwaam.cli.profile`,
:mod:`~ictbekwaam.cli.report`), each with its own ``typer.Typer``; this module
adds them, without a name, so their commands are top-level commands, in this
order in ``ictbekwaam --help``. Errors meant for the user are raised as
:class:`~ictbekwaam.errors.IctbekwaamError` anywhere below and caught once, in
:func:`main`, which prints them in Dutch and exits with an
:class:`~ictbekwaam.errors.ExitCode`: 1 (data), 2 (usage), 129 (terminal closed
during ``assess``) or 130 (cancelled). Heavy modules (questionary, prompt_toolkit, jinja2) are imported
inside the commands that use them, so ``ictbekwaam --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from typer._click.exceptions import ClickException, UsageError  # typer >= 0.26 vendors click

from ictbekwaam import __version__, safe
from ictbekwaam.cli import assess, kader, profile, report
from ictbekwaam.cli.common import Settings
from ictbekwaam.cli.dutch import DutchGroup, usage_error_text
from ictbekwaam.cli.stdout import GuardedStdout, ReaderGone, discard_stdout
from ictbekwaam.errors import ExitCode, IctbekwaamError

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

# The order of the commands in ``ictbekwaam --help``.
for _commands in (kader.app, assess.app, profile.app, report.app):
    app.add_typer(_commands)


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


def _print_error(message: str) -> None:
    # A message may echo a file name or a value from a file: shown, never obeyed.
    sys.stderr.write(f"Fout: {safe.text(message, multiline=True)}\n")
    sys.stderr.flush()


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: run the app and turn every expected failure into a Dutch message and exit code."""
    # A file name that is not UTF-8 (unpacked from an old Windows zip) reaches Python as
    # surrogates; printing one on a UTF-8 terminal would fail. Show it escaped instead.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            reconfigure(errors="backslashreplace")
    if sys.stderr is None:  # started with 2>&-: messages go nowhere, the command still runs
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole process
    real_stdout = sys.stdout
    sys.stdout = GuardedStdout(real_stdout)  # type: ignore[assignment]
    try:
        code = app(args=argv, prog_name="ictbekwaam", standalone_mode=False)
        sys.stdout.flush()  # a full disk shows now, as a Dutch error, not when Python exits
    except IctbekwaamError as exc:
        if exc.exit_code == ExitCode.CANCELLED:
            sys.stderr.write(f"\n{safe.text(exc.message, multiline=True)}\n")
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
    except (ReaderGone, BrokenPipeError):
        # `ictbekwaam kader | head`: the reader went away; that is not an error.
        discard_stdout()
        sys.exit(ExitCode.OK)
    except (RecursionError, MemoryError):
        # Every reader bounds its input; this is the net below them, never a traceback for the user.
        if os.environ.get("ICTBEKWAAM_DEBUG"):
            raise
        _print_error("de invoer is te groot of te diep genest om te verwerken; er is niets geschreven.")
        sys.exit(ExitCode.DATA)
    except Exception as exc:  # noqa: BLE001 - a bug in ictbekwaam: a Dutch line, the traceback only on request
        if os.environ.get("ICTBEKWAAM_DEBUG"):
            raise
        _print_error(
            f"interne fout in ictbekwaam ({type(exc).__name__}). Meld dit, met de opdracht die je gaf; "
            "met ICTBEKWAAM_DEBUG=1 zie je de details."
        )
        sys.exit(ExitCode.DATA)
    finally:
        sys.stdout = real_stdout
    if code == ExitCode.CANCELLED:
        # typer turns Ctrl-C inside a command into a silent "return 130".
        sys.stderr.write("\nAfgebroken.\n")
    sys.exit(code if isinstance(code, int) else ExitCode.OK)
