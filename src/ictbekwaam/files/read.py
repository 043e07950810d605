"""The one way ictbekwaam reads a file: read only, bounded, and never hanging.

Every file the tool reads (kader, handreiking, doelen and answers files, result
files, the draft, the respondent id and table) goes through :func:`read_bytes` or
:func:`read_text`. They:

- open the file read-only and non-blocking, so that a FIFO, socket or device
  never makes the tool wait (and never becomes its controlling terminal), then
  refuse anything that is not a regular file, checked on the open descriptor
  (no gap between a check and the open);
- read at most ``limit + 1`` bytes, whatever the file claims its size is, and
  refuse a file larger than ``limit``;
- drop a leading UTF-8 byte order mark (some editors write one);
- raise :class:`~ictbekwaam.errors.DataError` naming the file, with one Dutch
  reason, for every way this can fail.

:func:`read_text` also refuses binary content and text that is not UTF-8.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Literal, overload

from ictbekwaam.errors import DataError, Place, os_reason

BOM = b"\xef\xbb\xbf"
NOT_TEXT = "dit is geen tekstbestand (bevat binaire gegevens)"
NOT_FOUND = "bestand niet gevonden"
NOT_REGULAR = "geen gewoon bestand"
# What a path that is not a regular file is instead, for the message (a FIFO is the likely surprise).
_KINDS = ((stat.S_ISFIFO, "een named pipe (FIFO)"), (stat.S_ISCHR, "een apparaat"), (stat.S_ISBLK, "een schijfapparaat"), (stat.S_ISSOCK, "een socket"))
IS_FOLDER = "dit is een map, geen bestand"
NO_PERMISSION = "geen toestemming om dit bestand te lezen"
# Non-blocking: opening a FIFO must never wait for a writer. No controlling
# terminal: opening a tty must not make it ours. Binary: no newline translation
# on Windows. Flags an OS lacks are 0.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 65536


def _cannot_read(exc: OSError) -> str:
    return f"kan dit bestand niet lezen ({os_reason(exc)})"


def too_large(what: str, size: int, limit: int) -> str:
    """The Dutch reason for a file (or archive member) over its size limit."""
    return f"te groot voor {what} ({size} bytes, hooguit {limit})"


def not_regular(mode: int) -> str:
    """The Dutch reason for refusing a path whose ``st_mode`` is not a regular file: what it is instead."""
    kind = next((name for test, name in _KINDS if test(mode)), None)
    return f"{NOT_REGULAR}, maar {kind}; geef een bestand" if kind else NOT_REGULAR


def without_bom(data: bytes) -> bytes:
    """``data`` without a leading UTF-8 byte order mark (some editors write one)."""
    return data[len(BOM) :] if data.startswith(BOM) else data


def _read_open(fd: int, path: Path | str, limit: int, what: str) -> bytes:
    """The content of the open descriptor ``fd``, if it is a regular file of at most ``limit`` bytes."""
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise DataError(Place(path), IS_FOLDER)
    if not stat.S_ISREG(info.st_mode):
        raise DataError(Place(path), not_regular(info.st_mode))
    if info.st_size > limit:
        raise DataError(Place(path), too_large(what, info.st_size, limit))
    # One read is the common case; one byte more than fstat says tells a file
    # that grew since (or a /proc file that reports 0): read on, never past the limit.
    data = os.read(fd, info.st_size + 1)
    if len(data) > info.st_size:
        chunks = [data]
        total = len(data)
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    if len(data) > limit:
        raise DataError(Place(path), too_large(what, len(data), limit))
    return without_bom(data)


@overload
def read_bytes(path: Path | str, *, limit: int, what: str, missing_ok: Literal[False] = False) -> bytes: ...
@overload
def read_bytes(path: Path | str, *, limit: int, what: str, missing_ok: bool) -> bytes | None: ...
def read_bytes(path: Path | str, *, limit: int, what: str, missing_ok: bool = False) -> bytes | None:
    """The content of the regular file ``path`` (at most ``limit`` bytes), without a UTF-8 BOM.

    ``what`` names the kind of file for the message when it is too large
    ("een resultaatbestand"). With ``missing_ok`` a file that does not exist
    gives None instead of an error. Anything else that keeps the file from
    being read is a :class:`DataError` with a Dutch reason.
    """
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise DataError(Place(path), NOT_FOUND) from None
    except IsADirectoryError:  # Windows cannot open a folder at all
        raise DataError(Place(path), IS_FOLDER) from None
    except PermissionError:
        raise DataError(Place(path), NO_PERMISSION) from None
    except OSError as exc:
        raise DataError(Place(path), _cannot_read(exc)) from None
    try:
        return _read_open(fd, path, limit, what)
    except OSError as exc:
        raise DataError(Place(path), _cannot_read(exc)) from None
    finally:
        os.close(fd)


def decode_text(data: bytes, path: Path | str) -> str:
    """``data`` (as :func:`read_bytes` gives it) as text; DataError if it is binary or not UTF-8."""
    if b"\x00" in data:
        raise DataError(Place(path), NOT_TEXT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(Place(path), f"geen geldige UTF-8-tekst (byte {exc.start})") from None


@overload
def read_text(path: Path | str, *, limit: int, what: str, missing_ok: Literal[False] = False) -> str: ...
@overload
def read_text(path: Path | str, *, limit: int, what: str, missing_ok: bool) -> str | None: ...
def read_text(path: Path | str, *, limit: int, what: str, missing_ok: bool = False) -> str | None:
    """The UTF-8 text of the regular file ``path`` (at most ``limit`` bytes), without a BOM.

    As :func:`read_bytes`, and refuses binary content (a NUL byte) and bytes
    that are not UTF-8.
    """
    data = read_bytes(path, limit=limit, what=what, missing_ok=missing_ok)
    return None if data is None else decode_text(data, path)
