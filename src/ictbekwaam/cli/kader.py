"""Commands on the kader and the handreiking themselves: ``kader``, ``gesprek``, ``validate``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from ictbekwaam.cli.common import CommandGroup, OutOption, OverwriteOption, emit, format_option, renderer, settings, stdout_console
from ictbekwaam.errors import IctbekwaamError

app = CommandGroup()


class KaderFormat(str, Enum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"


# An export of the kader; "tekst" to a file is the Markdown (the tree is for the screen only).
KADER_RENDERERS = {
    KaderFormat.tekst: "ictbekwaam.render.kader:kader_markdown",
    KaderFormat.json: "ictbekwaam.render.kader:kader_json",
    KaderFormat.markdown: "ictbekwaam.render.kader:kader_markdown",
}


@app.command("kader")
def kader_command(
    ctx: typer.Context,
    format: Annotated[KaderFormat, format_option("Uitvoer: tekst (boom), json of markdown.")] = KaderFormat.tekst,
    out: OutOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Toon het Kader voor ict-bekwaamheid: schaal, basisvaardigheden, kerntaken, voorbeelden."""
    kader = settings(ctx).kader()
    if format is KaderFormat.tekst and out is None:
        from ictbekwaam.render.kader import kader_tree

        stdout_console().print(kader_tree(kader))
    else:
        emit(renderer(KADER_RENDERERS[format])(kader), out, overwrite=overwrite, private=False)


class GesprekFormat(str, Enum):
    tekst = "tekst"
    markdown = "markdown"


@app.command("gesprek")
def gesprek_command(
    ctx: typer.Context,
    thema: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[THEMA]",
            help="Een thema (bijv. omgeving, 2b of 4) of een onderwerp (bijv. 2.3); zonder: alle thema's.",
        ),
    ] = None,
    format: Annotated[GesprekFormat, format_option("Uitvoer: tekst of markdown (gespreksblad).")] = GesprekFormat.tekst,
    out: OutOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Toon de gespreksvragen van de Handreiking professionalisering ict-bekwaamheid."""
    from ictbekwaam.core.gesprek import select
    from ictbekwaam.render import gesprek as render

    handreiking = settings(ctx).handreiking()
    selecties = select(handreiking, thema)
    if format is GesprekFormat.markdown or out is not None:
        emit(render.gesprek_markdown(handreiking, selecties), out, overwrite=overwrite, private=False)
    else:
        stdout_console().print(render.gesprek_renderable(handreiking, selecties))


@app.command("validate")
def validate_command(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(metavar="BESTAND...", help="Kader-, handreiking-, doelen- of resultaatbestanden, of zip-archieven met resultaten.")],
) -> None:
    """Controleer bestanden en zeg wat er mis is, of dat ze geldig zijn."""
    from ictbekwaam import dutch, safe
    from ictbekwaam.errors import DataError
    from ictbekwaam.files.validate import validate_path

    kader = settings(ctx).kader()
    bad = checked = 0
    for path in files:
        for label, verdict in validate_path(path, kader):
            checked += 1
            if isinstance(verdict, DataError):
                bad += 1
                # One line per problem, unwrapped: paths stay whole and grep-able.
                print(safe.text(f"✗ {label}: ongeldig"))
                for place, message in verdict.problems:
                    print(safe.text(f"  {place}: {message}"))
            else:
                print(safe.text(f"✓ {label}: geldig {verdict.kind} ({verdict.summary})"))
    if bad:
        raise IctbekwaamError(f"{bad} van de {dutch.count(checked, 'bestand', 'bestanden')} {'is' if bad == 1 else 'zijn'} ongeldig.")
