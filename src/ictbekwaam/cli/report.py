"""Commands of the coach: ``report`` and ``demo-data``.

Names (``--namen``): the screen view (``--format tekst``, the default) shows
who handed something in. Any other format puts names in a file only when that
file is named with ``-o`` (never on standard output, where a redirect could
put them anywhere unnoticed); ``--namen`` with an export to standard output is
a usage error. Names are only ever listed as "who handed in", never next to
answers or examples; the CSV export never has names.
"""

from __future__ import annotations

import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ictbekwaam.cli.common import (
    CommandGroup,
    doelen_option,
    emit,
    format_option,
    out_option,
    overwrite_option,
    renderer,
    settings,
    stderr_console,
    stdout_console,
)
from ictbekwaam import dutch, safe
from ictbekwaam.errors import ExitCode, IctbekwaamError

app = CommandGroup()


class ReportFormat(str, Enum):
    tekst = "tekst"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"


class ByChoice(str, Enum):
    school = "school"
    team = "team"
    sector = "sector"


class CsvPer(str, Enum):
    item = "item"
    respondent = "respondent"


class Separator(str, Enum):
    komma = ","
    puntkomma = ";"
    tab = "tab"


SUFFIX_FORMATS = {
    ".json": ReportFormat.json,
    ".csv": ReportFormat.csv,
    ".md": ReportFormat.markdown,
    ".markdown": ReportFormat.markdown,
    ".html": ReportFormat.html,
    ".htm": ReportFormat.html,
    ".txt": ReportFormat.tekst,
}

# The exports that take (profile, rejected files, file_names=...); tekst and csv have options of their own.
REPORT_RENDERERS = {
    ReportFormat.json: "ictbekwaam.render.team.json:report_json",
    ReportFormat.markdown: "ictbekwaam.render.team.markdown:report_markdown",
    ReportFormat.html: "ictbekwaam.render.team.html:report_html",
}


def _format_for(format: Optional[ReportFormat], out: Optional[Path]) -> ReportFormat:
    if format is not None:
        return format
    if out is not None:
        return SUFFIX_FORMATS.get(out.suffix.lower(), ReportFormat.markdown)
    return ReportFormat.tekst


def _progress_reporter():  # -> (callback, close) ; a bar only on a terminal
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("Resultaten lezen"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=stderr_console(), transient=True,
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            bar.start()
            task = bar.add_task("lezen", total=total)
        bar.update(task, completed=done, total=total)

    return update, bar.stop


def _parallel() -> Optional[bool]:
    """ICTBEKWAAM_PARALLEL=0/1 forces one or two processes (for the benchmark); unset: automatic."""
    import os

    value = os.environ.get("ICTBEKWAAM_PARALLEL", "")
    return None if value == "" else value not in ("0", "nee", "false")


def _read(paths: list[str], kader, by, keep_names: bool, keep_evidence: bool, strict: bool, what: str, *, listed: bool = False):  # -> Collection
    """Collect one round; skipped files are named on stderr, unless the report on screen lists them (``listed``)."""
    from ictbekwaam.files.collect import collect

    update, close = _progress_reporter()
    try:
        collection = collect(
            paths, kader, by=by, keep_names=keep_names, keep_evidence=keep_evidence, progress=update, parallel=_parallel()
        )
    finally:
        close()
    # Listed here unless the report on screen lists them; and always when there is no report to list them in.
    if collection.rejected and (strict or not listed or collection.tally.valid_files == 0):
        # The coach's screen: with the file names, so the files can be found and fixed.
        n = len(collection.rejected)
        sys.stderr.write(f"{what}: {n} overgeslagen (ongeldig of niet te lezen):\n")
        for r in collection.rejected:
            sys.stderr.write(safe.text(f"  ✗ {r.file}: {r.reason}") + "\n")
        sys.stderr.flush()
        if strict:
            raise IctbekwaamError(f"{n} overgeslagen en --strict: er is geen rapport gemaakt.")
    if collection.conflicts:
        _say_conflicts(collection.conflicts, what)
    if collection.tally.valid_files == 0:
        where = safe.text(", ".join(paths))
        if collection.files == 0:
            raise IctbekwaamError(f"geen resultaatbestanden (.json of .zip) gevonden in {where}")
        raise IctbekwaamError(f"geen geldige resultaatbestanden gevonden in {where}")
    return collection


def _say_conflicts(conflicts, what: str) -> None:  # type: ignore[no-untyped-def]
    """One respondent id with different names, on the coach's screen: the ids and files; names only with --namen."""
    from ictbekwaam.dutch import count

    sys.stderr.write(
        f"{what}: {count(len(conflicts), 'respondent-id komt', 'respondent-ids komen')} voor met verschillende namen; "
        "elke naam telt als een eigen respondent:\n"
    )
    for conflict in conflicts:
        names = conflict.names or (None,) * len(conflict.files)
        shown = [
            file + (f" ({naam or 'zonder naam'})" if conflict.names is not None else "") + (" (concept)" if draft else "")
            for file, naam, draft in zip(conflict.files, names, conflict.drafts)
        ]
        sys.stderr.write(safe.text(f"  {conflict.respondent}: {', '.join(shown)}") + "\n")
    sys.stderr.flush()


@app.command("report")
def report_command(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(
        ..., metavar="PAD...",
        help="Resultaatbestanden, mappen (met submappen), patronen zoals 'map/*.json' en zip-archieven, door elkaar.",
    ),
    format: Annotated[
        Optional[ReportFormat],
        format_option(
            "Uitvoer: tekst (scherm), json, csv, markdown of html. Zonder: tekst, of wat de naam bij -o zegt (.json, .csv, .md, .html)."
        ),
    ] = None,
    out: Annotated[Optional[Path], out_option("Schrijf naar dit bestand (in één keer, nooit half; een bestaand bestand alleen met --overwrite).")] = None,
    overwrite: Annotated[bool, overwrite_option()] = False,
    by: Optional[ByChoice] = typer.Option(None, "--by", help="Zet groepen naast elkaar: school, team of sector."),
    doelen: Annotated[
        Optional[Path], doelen_option("De doelen van de school; zonder: de standaarddoelen van het kader.")
    ] = None,
    min_groep: int = typer.Option(
        5, "--min-groep", min=1, metavar="AANTAL",
        help="Geen cijfers voor een groep of cel met minder respondenten dan dit (privacy).",
    ),
    namen: bool = typer.Option(
        False, "--namen", help="Toon wie er iets inleverde. Op het scherm; in een bestand alleen als je het met -o noemt."
    ),
    # The teachers' own examples (Result.evidence), not the Kader's examples (kader.voorbeelden).
    eigen_voorbeelden: bool = typer.Option(
        False, "--voorbeelden", help="Neem de eigen voorbeelden van de leraren op (zonder namen)."
    ),
    vorige: Optional[list[str]] = typer.Option(
        None, "--vorige", metavar="PAD", help="Een eerdere ronde om mee te vergelijken (herhaal voor meer paden)."
    ),
    csv_per: CsvPer = typer.Option(
        CsvPer.item, "--csv-per", help="CSV: een rij per item (standaard) of per respondent en item (zonder namen)."
    ),
    scheidingsteken: Separator = typer.Option(
        Separator.komma, "--scheidingsteken",
        help="CSV: ',' (standaard), ';' (Nederlandse Excel, met decimale komma) of 'tab'.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Stop met een fout bij ook maar één ongeldig bestand."),
) -> None:
    """Maak van de resultaten van een team een teamprofiel, met prioriteiten en gespreksvragen."""
    from ictbekwaam.core.team.profile import build_profile
    from ictbekwaam.files.doelen import load_doelen

    chosen = _format_for(format, out)
    screen = chosen is ReportFormat.tekst and out is None
    if namen and not screen and out is None:
        raise IctbekwaamError(
            f"--namen met --format {chosen.value} kan alleen samen met -o BESTAND: "
            "namen komen alleen in een bestand dat je zelf noemt.",
            exit_code=ExitCode.USAGE,
        )
    keep_names = namen and chosen is not ReportFormat.csv
    s = settings(ctx)
    kader = s.kader()
    targets = load_doelen(doelen, kader)
    handreiking = s.handreiking()
    by_value = by.value if by is not None else None

    old = _read(vorige, kader, by_value, False, False, strict, "Vorige ronde") if vorige else None
    collection = _read(paths, kader, by_value, keep_names, eigen_voorbeelden, strict, "Deze ronde", listed=screen)
    profile = build_profile(
        collection.tally, kader, targets, min_groep=min_groep, handreiking=handreiking,
        files=collection.files, rejected=len(collection.rejected),
        previous=old.tally if old is not None else None,
        previous_files=old.files if old is not None else None,
        previous_rejected=len(old.rejected) if old is not None else 0,
    )
    # Also on the coach's screen when the report goes elsewhere: another report could undo its privacy.
    # (The report on a terminal has them already; "> rapport.txt" is no terminal.)
    if not screen or not sys.stdout.isatty():
        for warning in profile.warnings:
            sys.stderr.write(f"Let op: {safe.text(warning)}\n")
    # File names are often people's names: in an export only when names were asked for.
    file_names = keep_names

    if chosen is ReportFormat.tekst:
        from ictbekwaam.render.team.terminal import report_renderable

        # On the coach's own screen the skipped files keep their names; in a file only with --namen.
        renderable = report_renderable(profile, collection.rejected, file_names=file_names or out is None)
        if out is None:
            stdout_console().print(renderable)
        else:
            emit(_plain_text(renderable), out, overwrite=overwrite)
    elif chosen in REPORT_RENDERERS:
        emit(renderer(REPORT_RENDERERS[chosen])(profile, collection.rejected, file_names=file_names), out, overwrite=overwrite)
    else:
        from ictbekwaam.render.team import csv as report_csv

        separator = "\t" if scheidingsteken is Separator.tab else scheidingsteken.value
        if csv_per is CsvPer.respondent:
            if not profile.total.shown:
                raise IctbekwaamError(
                    f"te weinig respondenten voor een export per respondent (minstens {dutch.count(min_groep, 'afgerond resultaat', 'afgeronde resultaten')} nodig)"
                )
            tally = collection.tally
            rows = tally.completed_rows()
            labels = {key: tally.group_label(key) for key, _ in rows} if by_value else {}
            text = report_csv.report_csv_respondents(profile, rows, labels, separator)
            sys.stderr.write(
                "Let op: deze export bevat de antwoorden per respondent (genummerd, zonder namen of id's). "
                "Deel hem alleen met wie de losse resultaten ook mag zien.\n"
            )
        else:
            text = report_csv.report_csv_items(profile, separator)
        emit(text, out, overwrite=overwrite)
    if keep_names and out is not None:
        sys.stderr.write(f"Let op: {safe.text(str(out))} bevat namen van respondenten (persoonsgegevens).\n")


def _plain_text(renderable) -> str:  # type: ignore[no-untyped-def]
    """A rich renderable as plain text (no colour), for ``--format tekst -o BESTAND``."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=100, no_color=True, color_system=None, force_terminal=False).print(renderable)
    return buffer.getvalue()


@app.command("demo-data")
def demo_data_command(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., metavar="MAP", help="De map voor de demobestanden (wordt gemaakt als hij er niet is)."),
    count: int = typer.Option(30, "--count", "-n", min=1, max=1_000_000, metavar="AANTAL", help="Hoeveel resultaatbestanden."),
    seed: Optional[int] = typer.Option(
        None, "--seed", min=0, metavar="GETAL", help="Zelfde getal, zelfde bestanden; zonder: elke keer andere."
    ),
) -> None:
    """Schrijf verzonnen resultaatbestanden (Demo Leraar 001, ...) om report mee te proberen."""
    from ictbekwaam.files.demo import new_seed, write_demo

    kader = settings(ctx).kader()
    used = seed if seed is not None else new_seed()
    if folder.exists() and not folder.is_dir():
        raise IctbekwaamError(f"{safe.text(str(folder))} is een bestand, geen map")
    try:
        plan = write_demo(folder, kader, count, used)
    except FileExistsError as exc:
        raise IctbekwaamError(
            f"{exc.args[0]} bestaat al; demo-data overschrijft nooit iets. Kies een lege map."
        ) from None
    print(
        f"{len(plan.files)} demobestanden van {plan.respondents} verzonnen leraren geschreven in {safe.text(str(folder))} "
        f"(--seed {plan.seed}). Probeer: ictbekwaam report {safe.text(shlex.quote(str(folder)))}"
    )
