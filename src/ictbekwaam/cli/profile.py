"""Commands on one teacher's results: ``profile``, ``pop``, ``compare``.

``ictbekwaam profile`` shows the same screen as the end of ``assess``: both
print :func:`ictbekwaam.render.profile.terminal.profile_renderable`. Only typer and the
cli module are imported at the top, so that ``ictbekwaam --help`` stays fast;
the rest is loaded inside the commands.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from ictbekwaam.cli.app import command, emit, settings, stderr_console, stdout_console

if TYPE_CHECKING:
    from ictbekwaam.model.kader import Kader
    from ictbekwaam.model.result import Result
    from ictbekwaam.model.targets import Targets


class OutputFormat(str, Enum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"


DOELEN_HELP = "De doelen van de school (YAML) in plaats van de standaarddoelen."
OUT_HELP = "Schrijf naar dit bestand in plaats van naar het scherm."
FORMAT_HELP = "Uitvoer: tekst (scherm), json of markdown."


def _load(ctx: typer.Context, files: list[Path], doelen: Optional[Path]) -> tuple["Kader", list["Result"], "Targets"]:
    from ictbekwaam.files.results import load_result
    from ictbekwaam.files.doelen import load_doelen

    kader = settings(ctx).kader()
    targets = load_doelen(doelen, kader)
    return kader, [load_result(f, kader) for f in files], targets


@command("profile")
def profile_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="BESTAND", help="Een resultaatbestand (.json) van ictbekwaam assess."),
    doelen: Optional[Path] = typer.Option(None, "--doelen", metavar="BESTAND", help=DOELEN_HELP),
    format: OutputFormat = typer.Option(OutputFormat.tekst, "--format", "-f", help=FORMAT_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="BESTAND", help=OUT_HELP),
) -> None:
    """Toon je profiel: waar je staat ten opzichte van de doelen, en wat je eerst kunt oppakken."""
    from ictbekwaam.core.scoring import score

    kader, (result,), targets = _load(ctx, [file], doelen)
    profile = score(result, kader, targets)
    if format is OutputFormat.tekst and out is None:
        from ictbekwaam.render.profile.terminal import profile_renderable

        stdout_console().print(profile_renderable(profile))
    elif format is OutputFormat.json:
        from ictbekwaam.render.profile.json import profile_json

        emit(profile_json(profile), out)
    elif format is OutputFormat.markdown:
        from ictbekwaam.render.profile.markdown import profile_markdown

        emit(profile_markdown(profile), out)
    else:
        from ictbekwaam.render.profile.terminal import profile_text

        emit(profile_text(profile), out)


@command("pop")
def pop_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="BESTAND", help="Een resultaatbestand (.json) van ictbekwaam assess."),
    doelen: Optional[Path] = typer.Option(None, "--doelen", metavar="BESTAND", help=DOELEN_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="BESTAND", help=OUT_HELP),
) -> None:
    """Maak een concept-POP (Markdown) voor het gesprek met je leidinggevende."""
    from ictbekwaam.render.profile.pop import pop_markdown
    from ictbekwaam.core.scoring import score

    kader, (result,), targets = _load(ctx, [file], doelen)
    handreiking = settings(ctx).handreiking()
    emit(pop_markdown(score(result, kader, targets), handreiking), out)


@command("compare")
def compare_command(
    ctx: typer.Context,
    old: Path = typer.Argument(..., metavar="OUD", help="Het eerdere resultaatbestand (.json)."),
    new: Path = typer.Argument(..., metavar="NIEUW", help="Het latere resultaatbestand (.json)."),
    doelen: Optional[Path] = typer.Option(None, "--doelen", metavar="BESTAND", help=DOELEN_HELP),
    format: OutputFormat = typer.Option(OutputFormat.tekst, "--format", "-f", help=FORMAT_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="BESTAND", help=OUT_HELP),
) -> None:
    """Vergelijk twee zelfevaluaties: wat is er veranderd, per kerntaak en per stelling."""
    from ictbekwaam.core.compare import compare
    from ictbekwaam.render.profile import compare as render

    kader, (old_result, new_result), targets = _load(ctx, [old, new], doelen)
    comparison = compare(old_result, new_result, kader, targets)
    if format is OutputFormat.tekst and out is None:
        stdout_console().print(render.compare_renderable(comparison))
        return
    # The warnings are in the export too; say them where the user is looking as well.
    for warning in comparison.warnings:
        stderr_console().print(f"Let op: {warning}", markup=False, highlight=False)
    if format is OutputFormat.json:
        emit(render.compare_json(comparison), out)
    elif format is OutputFormat.markdown:
        emit(render.compare_markdown(comparison), out)
    else:
        emit(render.compare_text(comparison), out)
