"""Commands on one teacher's results: ``profile``, ``pop``, ``compare``.

``ictbekwaam profile`` shows the same screen as the end of ``assess``: both
print :func:`ictbekwaam.render.profile.terminal.profile_renderable`. Only typer and
:mod:`ictbekwaam.cli.common` are imported at the top, so that ``ictbekwaam --help``
stays fast; the rest is loaded inside the commands.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ictbekwaam.cli.common import (
    CommandGroup,
    DoelenOption,
    OutOption,
    OverwriteOption,
    ResultFileArgument,
    emit,
    plain_option,
    wants_plain,
    format_option,
    renderer,
    settings,
    stderr_console,
    stdout_console,
)

if TYPE_CHECKING:
    from ictbekwaam.model.kader import Kader
    from ictbekwaam.model.result import Result
    from ictbekwaam.model.targets import Targets

app = CommandGroup()


class OutputFormat(str, Enum):
    tekst = "tekst"
    json = "json"
    markdown = "markdown"


FormatOption = Annotated[OutputFormat, format_option("Uitvoer: tekst (scherm), json of markdown.")]

# An export of a profile; "tekst" to a file is the screen as plain text.
PROFILE_RENDERERS = {
    OutputFormat.tekst: "ictbekwaam.render.profile.terminal:profile_text",
    OutputFormat.json: "ictbekwaam.render.profile.json:profile_json",
    OutputFormat.markdown: "ictbekwaam.render.profile.markdown:profile_markdown",
}
COMPARE_RENDERERS = {
    OutputFormat.tekst: "ictbekwaam.render.profile.compare:compare_text",
    OutputFormat.json: "ictbekwaam.render.profile.compare:compare_json",
    OutputFormat.markdown: "ictbekwaam.render.profile.compare:compare_markdown",
}


def _load(ctx: typer.Context, files: list[Path], doelen: Optional[Path]) -> tuple["Kader", list["Result"], "Targets"]:
    from ictbekwaam.files.results import load_result
    from ictbekwaam.files.doelen import load_doelen

    kader = settings(ctx).kader()
    targets = load_doelen(doelen, kader)
    return kader, [load_result(f, kader) for f in files], targets


@app.command("profile")
def profile_command(
    ctx: typer.Context,
    file: ResultFileArgument,
    doelen: DoelenOption = None,
    format: FormatOption = OutputFormat.tekst,
    out: OutOption = None,
    overwrite: OverwriteOption = False,
    plain: Annotated[
        bool,
        plain_option(
            "Op het scherm woorden in plaats van balken en tekens (geschikt voor een schermlezer). "
            "Staat vanzelf aan bij TERM=dumb of als ACCESSIBLE is gezet."
        ),
    ] = False,
) -> None:
    """Toon je profiel: waar je staat ten opzichte van de doelen, en wat je eerst kunt oppakken."""
    from ictbekwaam.core.scoring import score
    from ictbekwaam.files.loader import load_oefenen

    kader, (result,), targets = _load(ctx, [file], doelen)
    profile = score(result, kader, targets, load_oefenen())
    if format is OutputFormat.tekst and out is None:
        from ictbekwaam.render.profile.terminal import profile_renderable

        stdout_console().print(profile_renderable(profile, plain=wants_plain(plain)))
    else:
        emit(renderer(PROFILE_RENDERERS[format])(profile), out, overwrite=overwrite)


@app.command("pop")
def pop_command(
    ctx: typer.Context,
    file: ResultFileArgument,
    doelen: DoelenOption = None,
    out: OutOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Maak een concept-POP (Markdown) voor het gesprek met je leidinggevende."""
    from ictbekwaam.core.scoring import score
    from ictbekwaam.files.loader import load_oefenen
    from ictbekwaam.render.profile.pop import pop_markdown

    kader, (result,), targets = _load(ctx, [file], doelen)
    handreiking = settings(ctx).handreiking()
    emit(pop_markdown(score(result, kader, targets, load_oefenen()), handreiking), out, overwrite=overwrite)


@app.command("compare")
def compare_command(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OUD", help="Het eerdere resultaatbestand (.json).")],
    new: Annotated[Path, typer.Argument(metavar="NIEUW", help="Het latere resultaatbestand (.json).")],
    doelen: DoelenOption = None,
    format: FormatOption = OutputFormat.tekst,
    out: OutOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Vergelijk twee zelfevaluaties: wat is er veranderd, per kerntaak en per stelling."""
    from ictbekwaam.core.compare import compare

    kader, (old_result, new_result), targets = _load(ctx, [old, new], doelen)
    comparison = compare(old_result, new_result, kader, targets)
    if format is OutputFormat.tekst and out is None:
        from ictbekwaam.render.profile.compare import compare_renderable

        stdout_console().print(compare_renderable(comparison))
        return
    from ictbekwaam.render.literal import literal

    # The warnings are in the export too; say them where the user is looking as well.
    for warning in comparison.warnings:
        stderr_console().print(literal(f"Let op: {warning}"), highlight=False)
    emit(renderer(COMPARE_RENDERERS[format])(comparison), out, overwrite=overwrite)
