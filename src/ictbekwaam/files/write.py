"""Atomic file writes: a temporary file in the same folder, fsync, then rename.

A reader (or a crash, or Ctrl-C) never sees half a file: either the old
content or the new one.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from ictbekwaam.errors import IctbekwaamError, os_reason


def _write_temp(folder: Path, name: str, data: bytes, mode: int) -> Path:
    # The name shortened: a name near the file system's limit (255 bytes) must still get a temporary file.
    fd, tmp = tempfile.mkstemp(prefix=f".{name[:64]}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(path: Path, data: bytes | str, *, mode: int = 0o644, exclusive: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically with permissions ``mode``.

    With ``exclusive`` an existing file is never replaced: FileExistsError is
    raised instead (the check and the rename are one step, ``os.link``).
    Other OS errors become an IctbekwaamError naming the path.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = _write_temp(folder, path.name, data, mode)
        try:
            if exclusive:
                place_new(tmp, path)
            else:
                os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(folder)
    except FileExistsError:
        raise
    except OSError as exc:
        raise IctbekwaamError(f"{path}: kan niet schrijven ({os_reason(exc)})") from None
    return path


# A file system without hard links (FAT and exFAT sticks, many SMB, CIFS and FUSE mounts) says one of these.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP), errno.EMLINK}


def place_new(tmp: Path, path: Path) -> None:
    """Give the file ``tmp`` the name ``path``, which must not exist: FileExistsError if it does.

    ``tmp`` keeps its own name too when hard links work, and is gone when they do not.
    """
    try:
        os.link(tmp, path)  # the check and the naming in one step
        return
    except OSError as exc:
        if isinstance(exc, FileExistsError) or exc.errno not in _NO_LINKS:
            raise
    # No hard links here: claim the name first (O_EXCL fails if it exists), then rename the full
    # file over the empty claim. A reader may see an empty file for a moment, never half of one.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not every platform allows opening a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
