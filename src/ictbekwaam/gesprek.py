"""Choosing question sets from the Handreiking (pure; no output)."""

from __future__ import annotations

from dataclasses import dataclass

from ictbekwaam.errors import IctbekwaamError
from ictbekwaam.framework import Handreiking, Onderwerp, Thema


@dataclass(frozen=True)
class Selectie:
    """A theme with the topics chosen from it.

    Attributes:
        thema: the theme.
        onderwerpen: its chosen topics, in source order.
    """

    thema: Thema
    onderwerpen: tuple[Onderwerp, ...]


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def select(handreiking: Handreiking, query: str | None = None) -> list[Selectie]:
    """The question sets for ``query``: all themes, one theme or one topic.

    ``query`` may be a theme id (``omgeving``), the id of its hoofdvraag (``2b``),
    its number in source order (``1``..``5``), a topic id (``2.3``) or the start
    of a theme's name (``"ict en"``), case-insensitive. Raises IctbekwaamError
    with the valid choices when nothing matches.
    """
    if query is None or not query.strip():
        return [Selectie(t, tuple(t.onderwerpen)) for t in handreiking.themas]
    wanted = _norm(query)
    for number, thema in enumerate(handreiking.themas, start=1):
        if wanted in {_norm(thema.id), _norm(thema.hoofdvraag.id), str(number)}:
            return [Selectie(thema, tuple(thema.onderwerpen))]
    for thema in handreiking.themas:
        for onderwerp in thema.onderwerpen:
            if wanted == _norm(onderwerp.id) or wanted.rstrip(".") == _norm(onderwerp.id).rstrip("."):
                return [Selectie(thema, (onderwerp,))]
    by_name = [t for t in handreiking.themas if _norm(t.naam).startswith(wanted)]
    if len(by_name) == 1:
        return [Selectie(by_name[0], tuple(by_name[0].onderwerpen))]
    choices = ", ".join(f"{t.id} ({t.hoofdvraag.id})" for t in handreiking.themas)
    raise IctbekwaamError(
        f"'{query}' is geen thema of onderwerp van de handreiking. "
        f"Kies een thema ({choices}) of een onderwerp (bijvoorbeeld 2.3)."
    )


def question_count(selecties: list[Selectie]) -> int:
    """Number of questions (paragraphs) in a selection."""
    return sum(len(o.vragen) for s in selecties for o in s.onderwerpen)
