"""The one error type that reaches the user, and the exit codes.

Every failure the user can cause or fix (a bad file, a wrong option value, a
missing terminal) is raised as :class:`IctbekwaamError` with a Dutch message.
The CLI catches it in one place, prints the message and exits with
:attr:`IctbekwaamError.exit_code`. Anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_DATA = 1  # bad data or a user error
EXIT_USAGE = 2  # wrong use of the command line (click's own code)
EXIT_CANCELLED = 130  # Ctrl-C, as the shell reports SIGINT


@dataclass(frozen=True)
class Place:
    """Where in a file something is wrong.

    Attributes:
        file: the file, or None for data that did not come from a file.
        path: the place inside the data, e.g. ``kerntaken[1].items[3].id``.
        line: the 1-based line number, when known.
    """

    file: Path | str | None = None
    path: str = ""
    line: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(str(self.file))
        if self.line is not None:
            parts.append(f"regel {self.line}")
        where = ", ".join(parts)
        if self.path:
            where = f"{where}: {self.path}" if where else self.path
        return where


class IctbekwaamError(Exception):
    """An error meant for the user: a Dutch message and an exit code."""

    exit_code: int = EXIT_DATA

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class DataError(IctbekwaamError):
    """A data file (kader, handreiking, doelen, result) is unreadable or invalid.

    Attributes:
        place: where the problem is.
        problems: every problem found, as (place, message); the first is the headline.
    """

    def __init__(self, place: Place, message: str, *, more: list[tuple[Place, str]] | None = None) -> None:
        self.place = place
        self.problems = [(place, message), *(more or [])]
        text = "\n".join(f"{p}: {m}" for p, m in self.problems)
        super().__init__(text)


class Cancelled(IctbekwaamError):
    """The user stopped (Ctrl-C); whatever was entered has been saved."""

    exit_code = EXIT_CANCELLED
