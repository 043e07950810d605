"""The one rule for every file the user names with ``-o``.

Whatever the command (``report``, ``profile``, ``pop``, ``compare``, ``kader``,
``gesprek``, ``assess --template``), :func:`write_output` decides by what is at
the path now:

- nothing (in a folder that exists): a new file, written in one go (a temporary
  file, fsync, rename), so no one ever sees half of it;
- a regular file: replaced in one go only with ``overwrite`` (``--overwrite``):
  it may hold the user's own edits (a POP is meant to be filled in). Its
  permissions are never widened: a 0600 file stays 0600;
- a result of ictbekwaam (with or without a BOM): never replaced, not even with
  ``overwrite``: a teacher's self-assessment is not an export;
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
import stat
from pathlib import Path

from ictbekwaam.errors import IctbekwaamError, os_reason
from ictbekwaam.files.read import IS_FOLDER, not_regular
from ictbekwaam.files.results import is_result_file
from ictbekwaam.files.write import atomic_write

PRIVATE = 0o600  # personal data: results, profiles, POPs, team reports
SHARED = 0o644  # the kader and the handreiking, public texts
OVERWRITE_HINT = "Kies een andere naam, of geef --overwrite om het te vervangen."


def write_output(path: Path, data: bytes | str, *, overwrite: bool = False, private: bool = True) -> Path:
    """Write ``data`` to the file the user named, by the rules of this module; returns the path written.

    ``private`` gives a new file mode 0600 (else 0644).
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    mode = PRIVATE if private else SHARED
    info = _stat(path, follow=False)
    if info is not None and stat.S_ISLNK(info.st_mode):
        target = _stat(path, follow=True)
        if target is None:
            raise IctbekwaamError(f"{path} is een symbolische koppeling naar iets dat er niet is; ictbekwaam schrijft daar niet.")
        info = target
        if stat.S_ISREG(info.st_mode):
            # Replace the file the link points to, so the link stays. (Not for a device:
            # /dev/stdout resolves to names like "pipe:[123]" that only the kernel can open.)
            path = Path(os.path.realpath(path))
    if info is None:
        _check_folder(path)
        try:
            return atomic_write(path, data, mode=mode, exclusive=True)
        except FileExistsError:  # made by someone else just now
            raise IctbekwaamError(f"{path} bestaat al; ictbekwaam overschrijft niets zonder --overwrite. {OVERWRITE_HINT}") from None
    if stat.S_ISREG(info.st_mode):
        return _replace(path, data, info, mode, overwrite)
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return _write_through(path, data, info)
    if stat.S_ISDIR(info.st_mode):
        raise IctbekwaamError(f"{path}: {IS_FOLDER}")
    raise IctbekwaamError(f"{path}: {not_regular(info.st_mode)}; ictbekwaam schrijft er niet naar.")


def _stat(path: Path, *, follow: bool) -> os.stat_result | None:
    try:
        return os.stat(path, follow_symlinks=follow)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IctbekwaamError(f"{path}: kan niet schrijven ({os_reason(exc)})") from None


def _check_folder(path: Path) -> None:
    # A typo in a folder name should not silently make folders: say so instead.
    folder = path.parent if str(path.parent) else Path(".")
    # (A parent that is no folder already failed the look at the path itself: "geen map".)
    if _stat(folder, follow=True) is None:
        raise IctbekwaamError(f"{path}: de map {folder} bestaat niet. Maak hem eerst, of kies een andere plek.")


def _replace(path: Path, data: bytes, info: os.stat_result, mode: int, overwrite: bool) -> Path:
    if is_result_file(path):
        raise IctbekwaamError(
            f"{path} is een resultaatbestand; ictbekwaam overschrijft dat nooit, ook niet met --overwrite. "
            "Kies een ander bestand voor -o."
        )
    if not overwrite:
        raise IctbekwaamError(
            f"{path} bestaat al; ictbekwaam overschrijft niets zonder --overwrite "
            f"(misschien heb je het bewerkt). {OVERWRITE_HINT}"
        )
    # Never widen: a file the user made private stays private.
    return atomic_write(path, data, mode=mode & stat.S_IMODE(info.st_mode))


def _write_through(path: Path, data: bytes, info: os.stat_result) -> Path:
    # O_NONBLOCK: opening a pipe that nobody reads fails at once (ENXIO) instead of waiting forever.
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO and stat.S_ISFIFO(info.st_mode):
            raise IctbekwaamError(f"{path} is een named pipe (FIFO) waar niemand uit leest; ictbekwaam wacht daar niet op.") from None
        raise IctbekwaamError(f"{path}: kan niet schrijven ({os_reason(exc)})") from None
    try:
        opened = os.fstat(fd)
        if not (stat.S_ISCHR(opened.st_mode) or stat.S_ISFIFO(opened.st_mode)):
            # Swapped for something else between the look and the open: touch nothing.
            raise IctbekwaamError(f"{path} veranderde terwijl ictbekwaam erheen wilde schrijven; er is niets geschreven.")
        _blocking(fd)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except BrokenPipeError:
        raise  # the reader of /dev/stdout went away: quiet, as for standard output itself
    except OSError as exc:
        raise IctbekwaamError(f"{path}: kan niet schrijven ({os_reason(exc)})") from None
    finally:
        os.close(fd)
    return path


def _blocking(fd: int) -> None:
    # Writes to a full pipe should wait for the reader, not fail with EAGAIN.
    try:
        import fcntl
    except ImportError:  # Windows: O_NONBLOCK was never set
        return
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
