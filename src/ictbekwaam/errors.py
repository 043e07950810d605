"""The errors that reach the user, where they are, and the exit codes.

Every failure the user can cause or fix (a bad file, a wrong option value, a
missing terminal) is raised as :class:`IctbekwaamError` (or a subclass) with a
Dutch message. The CLI catches it in one place, prints the message and exits
with :attr:`IctbekwaamError.exit_code`, one of :class:`ExitCode`. Anything else
is a bug.

A place in a file is a :class:`Place`; :class:`LineMap` turns a path inside the
data into a line, and :class:`Problems` collects every problem of one file so
that one run reports them all.
"""

from __future__ import annotations

from collections import Counter
import errno
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from ictbekwaam import safe

# The operating system's reasons, in Dutch: its own texts (strerror) are English.
_OS_REASONS = {
    errno.ENOENT: "bestaat niet meer",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "niet toegestaan",
    errno.ELOOP: "te veel symbolische koppelingen achter elkaar, waarschijnlijk een kringloop",
    errno.ENAMETOOLONG: "de naam of het pad is te lang",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map",
    errno.EIO: "leesfout van de schijf of het netwerk",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EMFILE: "te veel open bestanden",
    errno.ENXIO: "het apparaat is er niet",
    errno.EBUSY: "in gebruik",
    errno.EXDEV: "op een andere schijf",
    errno.EEXIST: "bestaat al",
    errno.EINVAL: "ongeldige bewerking voor dit soort bestand",
    errno.EAGAIN: "tijdelijk niet beschikbaar",
}


def os_reason(exc: OSError) -> str:
    """The Dutch reason for an operating-system error (never its English strerror)."""
    reason = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return reason
    name = errno.errorcode.get(exc.errno, "") if exc.errno is not None else ""
    return f"systeemfout {name}" if name else "systeemfout"


MAX_PROBLEMS = 50  # problems of one file shown at most (the rest counted)


class ExitCode(IntEnum):
    """Every exit code of ictbekwaam (README, "Exitcodes")."""

    OK = 0
    DATA = 1  # bad data or a user error
    USAGE = 2  # wrong use of the command line (click's own code)
    HANGUP = 129  # the terminal was closed (128 + SIGHUP), as the shell reports it
    CANCELLED = 130  # Ctrl-C (128 + SIGINT), as the shell reports it


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


__all__ = ["Cancelled", "DataError", "ExitCode", "IctbekwaamError", "InputError", "LineMap", "Place", "Problems"]


class LineMap:
    """Paths inside a document mapped to 1-based line numbers."""

    def __init__(self, lines: dict[str, int] | None = None) -> None:
        self._lines = lines or {}

    def line(self, path: str) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self._lines:
                return self._lines[path]
            if not path:
                return None
            path = parent_path(path)

    def place(self, file: Path | str | None, path: str) -> Place:
        """A :class:`Place` for ``path`` in ``file``, with the line filled in."""
        return Place(file, path, self.line(path))


def parent_path(path: str) -> str:
    """``a.b[2].c`` -> ``a.b[2]`` -> ``a.b`` -> ``a`` -> ``''``."""
    dot = path.rfind(".")
    bracket = path.rfind("[")
    cut = max(dot, bracket)
    return path[:cut] if cut > 0 else ""


def join_path(base: str, key: str | int) -> str:
    """Extend a path with a mapping key or a list index."""
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else str(key)


class IctbekwaamError(Exception):
    """An error meant for the user: a Dutch message and an exit code."""

    exit_code: int = ExitCode.DATA

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
        # One line per problem: a file name or a value with a line break or an escape in it stays on its line.
        text = "\n".join(safe.text(f"{p}: {m}") for p, m in self.problems)
        super().__init__(text)


class InputError(IctbekwaamError):
    """An input that names nothing: no such file, folder or matching pattern."""


class Cancelled(IctbekwaamError):
    """The user stopped (Ctrl-C); whatever was entered has been saved."""

    exit_code = ExitCode.CANCELLED


class Problems:
    """Collects the problems of one file, so that one run reports them all.

    ``lines`` places a path inside the data on its line.
    """

    def __init__(self, file: Path | str | None, lines: LineMap) -> None:
        self.file = file
        self.lines = lines
        self.found: list[tuple[Place, str]] = []

    def add(self, path: str, message: str, *, line: int | None = None) -> None:
        """Note a problem at ``path`` (e.g. ``antwoorden.A3``), on its line or on ``line`` (a value that is missing belongs somewhere)."""
        place = self.lines.place(self.file, path) if line is None else Place(self.file, path, line)
        self.found.append((place, message))

    def unique(self, values: list[tuple[str, str]], what: str) -> None:
        """``values`` is (path, value); report every value after its first use."""
        counts = Counter(v for _, v in values)
        first: dict[str, str] = {}
        for path, value in values:
            if counts[value] > 1:
                if value in first:
                    self.add(path, f"{what} '{value}' komt vaker voor (ook bij {first[value]})")
                else:
                    first[value] = path

    def raise_if_any(self) -> None:
        """Raise one :class:`DataError` with every problem found, the first as its headline."""
        if self.found:
            (place, message), *more = self.found
            if len(self.found) > MAX_PROBLEMS:
                # Enough to see what is wrong; a file with 400,000 bad keys needs no 400,000 lines.
                rest = len(more) - (MAX_PROBLEMS - 2)
                more = [*more[: MAX_PROBLEMS - 2], (Place(self.file), f"en nog {rest} problemen")]
            raise DataError(place, message, more=more)
