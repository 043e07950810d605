"""Choosing question sets from the Handreiking (pure; no output)."""

from __future__ import annotations

from dataclasses import dataclass

from ictbekwaam.errors import IctbekwaamError
from ictbekwaam.model.kader import Handreiking, Onderwerp, Thema


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

    ``query`` may be a theme id (``omgeving``), the id of its hoofdvraag as in
    the source (``1a``, ``2b``, ``3``; ``1`` for ``1a`` where that is unique), a
    topic id (``2.3``) or the start of a theme's name (``"ict en"``),
    case-insensitive. Raises IctbekwaamError with the valid choices when nothing
    or more than one theme matches.
    """
    if query is None or not query.strip():
        return [Selectie(t, tuple(t.onderwerpen)) for t in handreiking.themas]
    wanted = _norm(query).rstrip(".")
    for thema in handreiking.themas:
        if wanted in {_norm(thema.id), _norm(thema.hoofdvraag.id)}:
            return [Selectie(thema, tuple(thema.onderwerpen))]
    for thema in handreiking.themas:
        for onderwerp in thema.onderwerpen:
            if wanted == _norm(onderwerp.id).rstrip("."):
                return [Selectie(thema, (onderwerp,))]
    candidates = [
        t for t in handreiking.themas if _norm(t.hoofdvraag.id).startswith(wanted) or _norm(t.naam).startswith(wanted)
    ]
    if len(candidates) == 1:
        return [Selectie(candidates[0], tuple(candidates[0].onderwerpen))]
    choices = ", ".join(f"{t.id} ({t.hoofdvraag.id})" for t in (candidates or handreiking.themas))
    if candidates:
        raise IctbekwaamError(f"'{query}' past bij meer dan één thema: {choices}. Kies er één.")
    raise IctbekwaamError(
        f"'{query}' is geen thema of onderwerp van de handreiking. "
        f"Kies een thema ({choices}) of een onderwerp (bijvoorbeeld 2.3)."
    )


def question_count(selecties: list[Selectie]) -> int:
    """Number of questions (paragraphs) in a selection."""
    return sum(len(o.vragen) for s in selecties for o in s.onderwerpen)
