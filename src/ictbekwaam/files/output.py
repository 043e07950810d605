"""The one rule for every file the user names with ``-o``.

Whatever the command (``report``, ``profile``, ``pop``, ``compare``, ``kader``,
``gesprek``, ``assess --template``), :func:`write_output` decides by what is at
the path now:

- nothing (in a folder that exists): a new file, written in one go (a temporary
  file, fsync, rename), so no one ever sees half of it;
- a regular file: replaced in one go only with ``overwrite`` (``--overwrite``):
  it may hold the user's own edits (a POP is meant to be filled in). Its
  permissions are never widened: a 0600 file stays 0600;
- a result of ictbekwaam (with or without a BOM, damaged, a draft), a zip
  archive with ``.json`` files in it (handed-in results), or a file that cannot
  be read (so nobody can tell): never replaced, not even with ``overwrite``;
- the file or pipe standard output (or error) already goes to (``-o /dev/stdout``,
  or ``-o uit.md > uit.md``): written to that stream, as the shell opened it;
- a character device (``/dev/null``, a terminal) or a named pipe that is being
  read (``/dev/stdout`` in a pipeline): written through; the device stays what
  it is. A pipe that nobody reads is refused at once, never waited on;
- a symbolic link: followed; the rules above apply to what it points to, and the
  link stays a link. A link that points nowhere is refused (it could point
  anywhere a moment later);
- a folder, a block device, a socket, or a folder that does not exist: refused.

Every refusal is an :class:`~ictbekwaam.errors.IctbekwaamError` naming the path.
Pure: no UI imports; the CLI decides what to tell the user afterwards.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
from pathlib import Path

from ictbekwaam import safe
from ictbekwaam.errors import DataError, IctbekwaamError, os_reason
from ictbekwaam.files.read import IS_FOLDER, not_regular, read_bytes
from ictbekwaam.files.write import atomic_write
from ictbekwaam.files.zipped import zip_members
from ictbekwaam.model.result import SCHEMA_ID, is_result_document

PRIVATE = 0o600  # personal data: results, profiles, POPs, team reports
SHARED = 0o644  # the kader and the handreiking, public texts
OVERWRITE_HINT = "Kies een andere naam, of geef --overwrite om het te vervangen."
# A result says "schema": "ictbekwaam/result" as a JSON key (after "{", "," or a space: not a document quoting it).
# Looked for in the text as well as by parsing, so that a damaged result (cut off, garbage after it, padded,
# saved as UTF-16, keys reordered by an editor) is still recognised: it is still someone's answers.
_RESULT_RE = re.compile(r'(?:^|[{,\s])"schema"\s*:\s*"' + re.escape(SCHEMA_ID) + '"')
_CHECK_LIMIT = 64 * 1024 * 1024  # read whole to be sure; a larger file is no result (report reads none over 1 MB)
_OWN_STREAMS = (1, 2)  # standard output and standard error


def write_output(path: Path, data: bytes | str, *, overwrite: bool = False, private: bool = True) -> Path:
    """Write ``data`` to the file the user named, by the rules of this module; returns the path written.

    ``private`` gives a new file mode 0600 (else 0644).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    mode = PRIVATE if private else SHARED
    target = _stat(path, follow=True)
    own = _own_stream(target)
    if own is not None:
        # -o /dev/stdout, or the file stdout is redirected to: write where the shell already points,
        # in its way (appending after >>), instead of replacing the file behind the shell's back.
        # Never onto a result, though: "-o r.json >> r.json" would append to a teacher's answers.
        if target is not None and stat.S_ISREG(target.st_mode):
            _refuse_protected(path)
        _write_all(own, data, path)
        return path
    link = _stat(path, follow=False)
    if link is not None and stat.S_ISLNK(link.st_mode):
        if target is None:
            raise IctbekwaamError(f"{_shown(path)} is een symbolische koppeling naar iets dat er niet is; ictbekwaam schrijft daar niet.")
        if stat.S_ISREG(target.st_mode):
            # Replace the file the link points to, so the link stays. (Not for a device:
            # /dev/stdout resolves to names like "pipe:[123]" that only the kernel can open.)
            path = Path(os.path.realpath(path))
    if target is None:
        _check_folder(path)
        try:
            return atomic_write(path, data, mode=mode, exclusive=True)
        except FileExistsError:  # made by someone else just now
            raise _exists(path) from None
    if stat.S_ISREG(target.st_mode):
        return _replace(path, data, target, mode, overwrite)
    if stat.S_ISCHR(target.st_mode) or stat.S_ISFIFO(target.st_mode):
        return _write_through(path, data, target)
    if stat.S_ISDIR(target.st_mode):
        raise IctbekwaamError(f"{_shown(path)}: {IS_FOLDER}")
    raise IctbekwaamError(f"{_shown(path)}: {not_regular(target.st_mode)}; ictbekwaam schrijft er niet naar.")


def _exists(path: Path) -> IctbekwaamError:
    return IctbekwaamError(
        f"{_shown(path)} bestaat al; ictbekwaam overschrijft niets zonder --overwrite "
        f"(misschien heb je het bewerkt). {OVERWRITE_HINT}"
    )


def _shown(path: Path) -> str:
    # A path is the user's, but it may hold a newline or an escape (a pasted name): shown, never obeyed.
    return safe.text(str(path))


def _own_stream(info: os.stat_result | None) -> int | None:
    if info is None:
        return None
    for fd in _OWN_STREAMS:
        try:
            stream = os.fstat(fd)
        except OSError:
            continue
        if (stream.st_dev, stream.st_ino) == (info.st_dev, info.st_ino):
            return fd
    return None


def why_not_replaced(path: Path) -> str | None:
    """Why an existing regular file may never be replaced by an export, not even with --overwrite; None if it may.

    A result (valid, damaged or a draft), a zip archive that may hold handed-in
    results, and a file ictbekwaam cannot read (so cannot tell) are kept.
    """
    if zipfile.is_zipfile(path):
        members, problem = zip_members(str(path))
        if problem is not None:
            return f"is een zip-archief dat ictbekwaam niet kan lezen ({problem}), misschien met ingeleverde resultaten"
        if members:
            return "is een zip-archief met .json-bestanden, misschien ingeleverde resultaten"
        return None
    try:
        data = read_bytes(path, limit=_CHECK_LIMIT, what="een resultaatbestand")
    except DataError as exc:
        if os.path.getsize(path) > _CHECK_LIMIT:
            return None  # too large to be a result
        reason = "; ".join(message for _, message in exc.problems)
        return f"ictbekwaam kan niet nagaan of het een resultaat is ({reason})"
    if _says_result(data):
        return "is een resultaatbestand"
    return None


def _says_result(data: bytes) -> bool:
    # UTF-16 (Notepad) and UTF-32, with a byte order mark or without: the NUL bytes give them away.
    codecs = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be") if b"\0" in data else ("utf-8",)
    for codec in codecs:
        text = data.decode(codec, errors="ignore")
        # As text for a damaged one; parsed for one whose schema is written with JSON escapes ("ictbekwaam\/result").
        if _RESULT_RE.search(text) or is_result_document(text.lstrip("\ufeff").encode("utf-8", errors="ignore")):
            return True
    return False


def _stat(path: Path, *, follow: bool) -> os.stat_result | None:
    try:
        return os.stat(path, follow_symlinks=follow)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IctbekwaamError(f"{_shown(path)}: kan niet schrijven ({os_reason(exc)})") from None


def _check_folder(path: Path) -> None:
    # A typo in a folder name should not silently make folders: say so instead.
    folder = path.parent if str(path.parent) else Path(".")
    # (A parent that is no folder already failed the look at the path itself: "geen map".)
    if _stat(folder, follow=True) is None:
        raise IctbekwaamError(f"{_shown(path)}: de map {_shown(folder)} bestaat niet. Maak hem eerst, of kies een andere plek.")


def _replace(path: Path, data: bytes, info: os.stat_result, mode: int, overwrite: bool) -> Path:
    _refuse_protected(path)
    if not overwrite:
        raise _exists(path)
    # Never widen: a file the user made private stays private.
    return atomic_write(path, data, mode=mode & stat.S_IMODE(info.st_mode))


def _refuse_protected(path: Path) -> None:
    reason = why_not_replaced(path)
    if reason == "is een resultaatbestand":
        raise IctbekwaamError(
            f"{_shown(path)} is een resultaatbestand; ictbekwaam overschrijft dat nooit, ook niet met --overwrite. "
            "Kies een ander bestand voor -o."
        )
    if reason is not None:
        raise IctbekwaamError(
            f"{_shown(path)}: ictbekwaam vervangt dit bestand niet, ook niet met --overwrite: {reason}. "
            "Kies een ander bestand voor -o."
        )


def _write_through(path: Path, data: bytes, info: os.stat_result) -> Path:
    # O_NONBLOCK: opening a pipe that nobody reads fails at once (ENXIO) instead of waiting forever.
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO and stat.S_ISFIFO(info.st_mode):
            raise IctbekwaamError(f"{_shown(path)} is een named pipe (FIFO) waar niemand uit leest; ictbekwaam wacht daar niet op.") from None
        raise IctbekwaamError(f"{_shown(path)}: kan niet schrijven ({os_reason(exc)})") from None
    try:
        opened = os.fstat(fd)
        if not (stat.S_ISCHR(opened.st_mode) or stat.S_ISFIFO(opened.st_mode)):
            # Swapped for something else between the look and the open: touch nothing.
            raise IctbekwaamError(f"{_shown(path)} veranderde terwijl ictbekwaam erheen wilde schrijven; er is niets geschreven.")
        _blocking(fd)
        _write_all(fd, data, path)
    finally:
        os.close(fd)
    return path


def _write_all(fd: int, data: bytes, path: Path) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        raise  # the reader went away: quiet, as for standard output itself
    except OSError as exc:
        raise IctbekwaamError(f"{_shown(path)}: kan niet schrijven ({os_reason(exc)})") from None


def _blocking(fd: int) -> None:
    # Writes to a full pipe should wait for the reader, not fail with EAGAIN.
    try:
        import fcntl
    except ImportError:  # Windows: O_NONBLOCK was never set
        return
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
