"""Commands of the teacher's self-assessment: ``assess``.

Only typer and :mod:`ictbekwaam.cli.common` are imported at the top; the interview, the
prompts (questionary, prompt_toolkit) and the YAML reader are imported inside
the command, so ``ictbekwaam --help`` stays fast.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ictbekwaam.cli.common import (
    CommandGroup,
    doelen_option,
    out_option,
    overwrite_option,
    plain_option,
    settings,
    wants_plain,
)
from ictbekwaam import safe
from ictbekwaam.errors import ExitCode, IctbekwaamError

app = CommandGroup()

NO_TERMINAL = (
    "ictbekwaam assess stelt vragen en heeft daarvoor een terminal nodig, maar de invoer komt niet van "
    "een terminal. Zonder terminal gebruik je een antwoordbestand: maak er een met "
    "'ictbekwaam assess --template antwoorden.yaml', vul het in en maak er een resultaat van met "
    "'ictbekwaam assess --answers antwoorden.yaml'."
)


@app.command("assess")
def assess_command(
    ctx: typer.Context,
    resume: bool = typer.Option(False, "--resume", help="Ga direct verder met je onafgemaakte zelfevaluatie (het concept)."),
    new: bool = typer.Option(
        False, "--new", help="Begin direct opnieuw; een onafgemaakt concept blijft apart bewaard in je gegevensmap."
    ),
    out: Annotated[
        Optional[Path],
        out_option("Sla het resultaat op in deze map in plaats van in je eigen gegevensmap.", metavar="MAP", dash_is_stdout=False),
    ] = None,
    plain: Annotated[
        bool,
        plain_option(
            "Eenvoudige vragen met genummerde keuzes, zonder pijltjesmenu's en kleur (geschikt voor een "
            "schermlezer). Staat vanzelf aan bij TERM=dumb of als ACCESSIBLE is gezet."
        ),
    ] = False,
    template: Optional[Path] = typer.Option(
        None,
        "--template",
        metavar="BESTAND",
        help="Schrijf een antwoordbestand (YAML) om zonder vragen in te vullen; - schrijft het naar het scherm.",
    ),
    overwrite: Annotated[bool, overwrite_option()] = False,
    answers: Optional[Path] = typer.Option(
        None, "--answers", metavar="BESTAND", help="Maak een resultaat van een ingevuld antwoordbestand, zonder iets te vragen."
    ),
    doelen: Annotated[
        Optional[Path],
        doelen_option("De doelen van je school (YAML) voor het profiel aan het eind; zonder: de standaarddoelen."),
    ] = None,
) -> None:
    """Vul je zelfevaluatie in: basisvaardigheden en kerntaak A, B en C; stoppen en later verdergaan kan altijd."""
    if resume and new:
        raise IctbekwaamError("--resume en --new gaan niet samen: kies er één.", exit_code=ExitCode.USAGE)
    if template is not None and (answers is not None or resume or new or out is not None or doelen is not None):
        raise IctbekwaamError("--template gaat niet samen met andere opties van assess.", exit_code=ExitCode.USAGE)
    if overwrite and template is None:
        raise IctbekwaamError("--overwrite hoort bij --template: een resultaat wordt nooit overschreven.", exit_code=ExitCode.USAGE)
    if answers is not None and (resume or new):
        raise IctbekwaamError("--answers gaat niet samen met --resume of --new.", exit_code=ExitCode.USAGE)
    options = settings(ctx)
    kader = options.kader()

    if template is not None:
        _write_template(kader, template, overwrite)
        return

    from ictbekwaam.files.storage import Store
    from ictbekwaam.files.doelen import load_doelen
    from ictbekwaam.ui.end import Commands

    # Checked before any question: a typo in the doelen file must not cost a teacher 15 minutes.
    targets = load_doelen(doelen, kader)
    # The plain questions of this run are kept in the commands named on screen ("Ga verder met: ... --plain").
    commands = Commands(kader=options.kader_path, doelen=doelen, out=out, plain=wants_plain(plain))
    store = Store(results_dir=out.expanduser().absolute() if out is not None else None)
    if answers is not None:
        _from_answers(kader, targets, store, answers, commands)
        return

    if not sys.stdin.isatty():
        raise IctbekwaamError(NO_TERMINAL)
    _interactive(
        kader,
        targets,
        store,
        # Output to a file or a pipe cannot show menus: ask plainly.
        plain=commands.plain or not sys.stdout.isatty(),
        start="resume" if resume else "new" if new else "ask",
        commands=commands,
    )


def _write_template(kader, path: Path, overwrite: bool) -> None:  # type: ignore[no-untyped-def]
    from ictbekwaam.files.answers import template_text
    from ictbekwaam.files.output import write_output

    text = template_text(kader)
    if str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    # The same rule as every -o: an answers file being filled in is only replaced with --overwrite.
    written = write_output(path, text, overwrite=overwrite)
    sys.stderr.write(f"Antwoordbestand geschreven: {safe.text(str(path))}\n")
    if not written.is_file():  # a device or a pipe: there is no file to fill in and hand back
        return
    sys.stderr.write(f"Vul het in en maak er een resultaat van met: ictbekwaam assess --answers {safe.text(shlex.quote(str(path)))}\n")


def _from_answers(kader, targets, store, path: Path, commands) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    from ictbekwaam.files.answers import load_answers
    from ictbekwaam.model.result import new_respondent_id
    from ictbekwaam.ui.end import show_end

    # The answers file's own id, never this data folder's: converting colleagues' files must not make them one person.
    fresh = new_respondent_id()
    answers = load_answers(path, kader, fresh)
    result = answers.result
    for place, note in answers.notes:  # worth a look, not a reason to refuse: a '#' that cut a text short, an ANSI file
        sys.stderr.write(f"Let op: {safe.text(f'{place}: {note}')}\n")
    saved = store.save_result(result)
    if result.respondent.id == fresh:
        sys.stderr.write(
            f"Let op: {safe.text(str(path))} heeft geen respondent-id, dus dit resultaat kreeg een nieuwe ({fresh}). Maak je later "
            f"opnieuw een resultaat van dit bestand, zet dan eerst 'respondent-id: {fresh}' erin: dan horen ze bij "
            "dezelfde respondent.\n"
        )
    show_end(Console(highlight=False).print, result, kader, targets, saved, commands, plain=commands.plain or not sys.stdout.isatty())


def _interactive(kader, targets, store, *, plain: bool, start: str, commands) -> None:  # type: ignore[no-untyped-def]
    import signal

    from rich.console import Console

    from ictbekwaam.ui.assess import Hangup, run_assess

    if plain:
        from ictbekwaam.ui.prompts import PlainUi

        ui = PlainUi(Console(highlight=False, color_system=None, soft_wrap=True, emoji=False))
    else:
        from ictbekwaam.ui.prompts import MenuUi

        ui = MenuUi(Console(highlight=False))  # type: ignore[assignment]

    def hangup(signum, frame):  # type: ignore[no-untyped-def]
        raise Hangup()

    previous = signal.signal(signal.SIGHUP, hangup) if hasattr(signal, "SIGHUP") else None
    try:
        run_assess(kader, store, ui, start=start, targets=targets, commands=commands)
    except Hangup:
        # The terminal is gone: nobody can read a message. The draft is saved.
        os._exit(ExitCode.HANGUP)
    finally:
        if previous is not None:
            signal.signal(signal.SIGHUP, previous)
