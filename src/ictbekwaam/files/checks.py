"""Checking one result document of a team: is it a result of ours, of this kader, with fitting answers?

A document that fails raises :class:`Skip` with one Dutch line that says why;
:func:`~ictbekwaam.files.collect.collect` lists it and goes on with the next.
"""

from __future__ import annotations

from ictbekwaam import dutch
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.errors import DataError
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import Result, check_answers, decode


class Skip(Exception):
    """A file to skip, with the Dutch reason.

    Attributes:
        reason: why, in one line.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def one_line(text: str) -> str:
    """``text`` with every run of white space (newlines too) as one space."""
    return " ".join(text.split())


def other_kader(result: Result, kader: Kader) -> str | None:
    """Why ``result`` cannot be counted with ``kader``: made with another kader (another ``meta.id``); else None.

    Another *version* of the same kader is fine: answers are matched by item id.
    """
    if result.kader.id == kader.meta.id:
        return None
    return f"gemaakt met een ander kader ('{one_line(result.kader.id)}'); dit rapport gebruikt '{kader.meta.id}'"


def check(data: bytes, label: str, kader: Kader, tally: Tally) -> tuple[Result, bytes]:
    """Decode and check one document; (result, answer codes for the tally), or :class:`Skip`."""
    try:
        result = decode(data, label)
    except DataError as exc:
        place, message = exc.problems[0]
        raise Skip(one_line(f"{place.path}: {message}" if place.path else message)) from None
    other = other_kader(result, kader)
    if other is not None:
        raise Skip(other)
    codes = tally.encode(result)
    if codes is None:
        problems = check_answers(result, kader).problems
        path, message = problems[0] if problems else ("answers", "een antwoord past niet bij het kader")
        more = f" (en nog {dutch.count(len(problems) - 1, 'fout', 'fouten')})" if len(problems) > 1 else ""
        raise Skip(one_line(f"{path}: {message}{more}"))
    return result, codes
