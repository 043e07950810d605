"""Atomic file writes: a temporary file in the same folder, fsync, then rename.

A reader (or a crash, or Ctrl-C) never sees half a file: either the old
content or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ictbekwaam.errors import IctbekwaamError, os_reason


def _write_temp(folder: Path, name: str, data: bytes, mode: int) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
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
                os.link(tmp, path)  # fails if path exists: never overwrite
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
