"""Standard output that fails in Dutch: a full disk, a closed stream, a reader that went away.

``report D -f json > /dev/full`` and ``report D >&-`` must end with one Dutch
line and exit code 1, not an ``OSError`` traceback or a silent exit 0; ``report
D | head -1`` must end quietly. :func:`guarded` wraps ``sys.stdout`` for the
duration of one command in :func:`~ictbekwaam.cli.app.main`; everything that
writes to standard output (``print``, rich, ``emit``) goes through it.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any, TextIO

from ictbekwaam.errors import IctbekwaamError, os_reason


class OutputFailed(IctbekwaamError):
    """Standard output could not be written (a full disk, a closed stream)."""


class ReaderGone(Exception):
    """The program reading our output went away (``| head``): stop quietly.

    Not an OSError on purpose: typer turns an EPIPE inside a command into a silent
    exit 1 of its own; this reaches :func:`~ictbekwaam.cli.app.main`, which ends with 0.
    """


class GuardedStdout:
    """A stand-in for ``sys.stdout`` whose write and flush failures are :class:`OutputFailed`.

    Everything else (``isatty``, ``encoding``, ``fileno``, ...) is the real stream's.
    """

    def __init__(self, stream: TextIO | None) -> None:
        # Python sets sys.stdout to None when file descriptor 1 is closed at start-up.
        self._closed = stream is None
        self._stream: TextIO = stream if stream is not None else io.StringIO()

    def write(self, text: str) -> int:
        if self._closed:
            # Not "nothing was written": assess --answers has saved its result by now.
            raise OutputFailed("de standaarduitvoer is gesloten, dus wat op het scherm hoorde, staat nergens. Gebruik -o BESTAND.")
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        if self._closed:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise self._failed(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _failed(self, exc: OSError) -> OutputFailed:
        if self._stream is sys.__stdout__:
            discard_stdout()
        return OutputFailed(f"kan niet naar de standaarduitvoer schrijven ({os_reason(exc)}); de uitvoer is niet compleet.")


def discard_stdout() -> None:
    """Send what is still buffered for the real standard output nowhere.

    Python flushes ``sys.__stdout__`` once more when it exits; after a failed
    write that flush would fail again and print an English traceback. Only the
    process's own file descriptor 1 is redirected, never a test's capture.
    """
    real = sys.__stdout__
    try:
        fd = real.fileno() if real is not None else -1
    except (OSError, ValueError, io.UnsupportedOperation):
        return
    if fd != 1:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, fd)
    except OSError:
        pass
    finally:
        os.close(devnull)
