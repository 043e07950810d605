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

Text (:func:`read_text`, :func:`decode`) is UTF-8, or UTF-16 with its byte order
mark (Windows Notepad's "Unicode"): both say unambiguously what they are. Binary
content is refused, and so is other text, with the line of the first byte that is
not UTF-8 and how to save the file as UTF-8. Only a caller that can pass a warning
on (the answers file) may have text read as Windows-1252 ("ANSI", what Notepad and
Excel on a Dutch Windows write): :func:`decode` with ``windows_1252=True`` does that
where UTF-8 fails and Windows-1252 decodes every byte, and says so. Result files
(JSON) are read as bytes and stay UTF-8 only.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, overload

from ictbekwaam.errors import DataError, Place, os_reason

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # little- and big-endian; Python's "utf-16" codec reads and drops either
NOT_TEXT = "dit is geen tekstbestand (bevat binaire gegevens)"
SAVE_AS_UTF8 = "sla het bestand op als UTF-8 (in Kladblok: Opslaan als, bij Codering: UTF-8)"
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


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was stored.

    Attributes:
        text: the text, without a byte order mark.
        encoding: "utf-8", "utf-16" or "windows-1252".
        line: for Windows-1252, the first line with a letter outside ASCII (the one to check); else None.
    """

    text: str
    encoding: str
    line: int | None = None


# One well-formed UTF-8 sequence of two to four bytes. In a file that is not UTF-8 it means that
# part of it is: read as Windows-1252 that part would turn into "Ã©", so such a file is refused.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _utf16_without_bom(data: bytes) -> bool:
    """Whether the NUL bytes of ``data`` look like UTF-16 text without a byte order mark (all on odd or all on even places)."""
    nuls = data.count(0)
    return nuls * 4 >= len(data) and (data[0::2].count(0) == nuls or data[1::2].count(0) == nuls)


def decode(data: bytes, path: Path | str, *, windows_1252: bool = False) -> Decoded:
    """``data`` (as :func:`read_bytes` gives it) as text; DataError, with a Dutch fix, if it is binary or not text.

    UTF-8 and UTF-16 with a byte order mark are read. With ``windows_1252`` text
    that is not UTF-8 but decodes as Windows-1252 is read too (the caller warns,
    with :attr:`Decoded.line`); without it, such text gets the same one-sentence fix as
    any other text that is not UTF-8.
    """
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DataError(Place(path), f"geen geldige UTF-16-tekst; {SAVE_AS_UTF8}") from None
        if "\x00" in text:  # UTF-32 starts with the same two bytes; its other two are NUL
            raise DataError(Place(path), NOT_TEXT)
        return Decoded(text, "utf-16")
    if b"\x00" in data:
        if _utf16_without_bom(data):
            raise DataError(Place(path), f"dit lijkt UTF-16-tekst; {SAVE_AS_UTF8}")
        raise DataError(Place(path), NOT_TEXT)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        legacy: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        legacy = None
    if legacy is None or _UTF8_SEQUENCE.search(data):  # not Windows-1252, or UTF-8 and something else mixed: no guessing
        raise DataError(Place(path, "", _line_of(data, bad)), f"geen geldige UTF-8-tekst; {SAVE_AS_UTF8}")
    # No UTF-8 sequence anywhere, so all before the byte UTF-8 stumbled on is ASCII: that byte is the first letter to check.
    first = _line_of(data, bad)
    if windows_1252:
        return Decoded(legacy, "windows-1252", first)
    raise DataError(Place(path, "", first), f"geen UTF-8-tekst, maar waarschijnlijk ANSI (Windows-1252); {SAVE_AS_UTF8}")


def decode_text(data: bytes, path: Path | str) -> str:
    """``data`` (as :func:`read_bytes` gives it) as text: UTF-8 or UTF-16 with a byte order mark (see :func:`decode`)."""
    return decode(data, path).text


@overload
def read_text(path: Path | str, *, limit: int, what: str, missing_ok: Literal[False] = False) -> str: ...
@overload
def read_text(path: Path | str, *, limit: int, what: str, missing_ok: bool) -> str | None: ...
def read_text(path: Path | str, *, limit: int, what: str, missing_ok: bool = False) -> str | None:
    """The text of the regular file ``path`` (at most ``limit`` bytes), without a BOM.

    As :func:`read_bytes`, and refuses binary content (a NUL byte) and text that
    is neither UTF-8 nor UTF-16 with a byte order mark (:func:`decode_text`).
    """
    data = read_bytes(path, limit=limit, what=what, missing_ok=missing_ok)
    return None if data is None else decode_text(data, path)
