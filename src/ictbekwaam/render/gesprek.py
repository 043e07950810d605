"""The Handreiking's question sets as Markdown or for the terminal.

A school's own handreiking (``--handreiking``) is data like any other: its
texts are shown literally, control characters as escapes (:mod:`ictbekwaam.safe`);
in the Markdown every text of the handreiking passes
:func:`ictbekwaam.render.markdown_text.md` first.
"""

from __future__ import annotations

from ictbekwaam import safe
from ictbekwaam.model.kader import TOEGEVOEGD, Handreiking, Thema, Vraag
from ictbekwaam.core.gesprek import Selectie
from ictbekwaam.render.markdown_text import md

DOELGROEP_LABELS = {"bestuur": "bestuur", "schoolleider": "schoolleider", "i-coach": "i-coach", "leraar": "leraar"}


def _doelgroep(thema: Thema) -> str:
    """Who a theme is for: the source names no audience, so the line says whose reading it is."""
    return f"{', '.join(DOELGROEP_LABELS.get(d, d) for d in thema.doelgroep)} (doelgroep {TOEGEVOEGD})"


def _vraag_text(vraag: Vraag) -> str:
    return f"{vraag.tekst} {vraag.hint}" if vraag.hint else vraag.tekst


def gesprek_markdown(handreiking: Handreiking, selecties: list[Selectie], *, title: str | None = None) -> str:
    """A conversation sheet in Markdown, with room for notes after each question."""
    meta = handreiking.meta
    out = [f"# {title or 'Gespreksvragen ict-bekwaamheid'}", ""]
    out += [f"Uit: {md(meta.uitgever)}, *{md(meta.titel)}*, {md(meta.bron)}.", ""]
    for selectie in selecties:
        thema = selectie.thema
        out += [f"## {md(thema.naam)}", ""]
        out += [f"*Voor:* {md(_doelgroep(thema))}", ""]
        out += [f"**Hoofdvraag {md(thema.hoofdvraag.id)}.** {md(thema.hoofdvraag.tekst)}", ""]
        for onderwerp in selectie.onderwerpen:
            out += [f"### {md(onderwerp.id)} {md(onderwerp.titel)}", ""]
            for number, vraag in enumerate(onderwerp.vragen, start=1):
                out += [f"{number}. {md(_vraag_text(vraag))}", "", "   *Aantekeningen:*", ""]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out).rstrip() + "\n"


def gesprek_renderable(handreiking: Handreiking, selecties: list[Selectie]):  # -> rich renderable
    """The question sets for the terminal."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from ictbekwaam.render.literal import literal

    parts: list = []
    for selectie in selecties:
        thema = selectie.thema
        parts.append(literal(thema.naam, style="bold underline"))
        parts.append(literal(f"Voor: {_doelgroep(thema)}", style="dim"))
        parts.append(Text.assemble(literal(f"Hoofdvraag {thema.hoofdvraag.id}.", "bold"), " ", literal(thema.hoofdvraag.tekst)))
        for onderwerp in selectie.onderwerpen:
            parts.append(Text(""))
            parts.append(literal(f"{onderwerp.id} {onderwerp.titel}", style="bold"))
            questions = Table.grid(padding=(0, 1))
            questions.add_column(width=3, justify="right")
            questions.add_column()
            for vraag in onderwerp.vragen:
                questions.add_row("•", literal(_vraag_text(vraag)))
            parts.append(questions)
        parts.append(Text(""))
    meta = handreiking.meta
    parts.append(literal(f"Bron: {meta.uitgever}, {meta.titel}, {meta.bron}", style="dim"))
    return Group(*parts)
