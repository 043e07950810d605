"""Builders of the hostile corpus's cases that are not plain bytes: FIFOs, sockets, links, folders,
a file of 60 MB, and zip archives (a zip slip, a zip bomb, a zip in a zip). Each returns False when
this system cannot make it; :mod:`hostile` then leaves the case out.
"""

from __future__ import annotations

import os
import socket
import zipfile
from collections.abc import Callable
from pathlib import Path

BIG_FILE = 60 * 1024 * 1024  # 60 MB: sixty times the cap on a result file
BOMB_SIZE = 200 * 1024 * 1024  # unpacked size of the zip bomb's one member
CHUNK = 1024 * 1024


def make_fifo(path: Path, doc: dict, good: bytes) -> bool:
    if not hasattr(os, "mkfifo"):
        return False
    os.mkfifo(path)
    return True


def make_socket(path: Path, doc: dict, good: bytes) -> bool:
    if not hasattr(socket, "AF_UNIX") or len(os.fsencode(path)) > 100:  # sun_path is 108 bytes on Linux
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(os.fspath(path))  # the socket file stays after close
    return True


def link_to(device: str) -> Callable[[Path, dict, bytes], bool]:
    def make(path: Path, doc: dict, good: bytes) -> bool:
        if not os.path.exists(device):
            return False
        path.symlink_to(device)
        return True

    return make


def make_loop(path: Path, doc: dict, good: bytes) -> bool:
    """A symbolic link to itself (open() fails with ELOOP, "Too many levels of symbolic links")."""
    try:
        path.symlink_to(path.name)
    except (OSError, NotImplementedError):
        return False
    return True


def make_folder(path: Path, doc: dict, good: bytes) -> bool:
    path.mkdir()
    return True


def make_big(path: Path, doc: dict, good: bytes) -> bool:
    """60 MB of valid JSON: a result with one enormous text, written in one go."""
    start = b'{"schema": "ictbekwaam/result", "schema_version": 1, "tool_version": "'
    filler = b"a" * (BIG_FILE - len(start) - 3)
    with open(path, "wb") as out:
        out.write(start + filler + b'"}\n')
    return True


def make_slip_zip(path: Path, doc: dict, good: bytes) -> bool:
    """A zip whose one member is named ``../evil.json`` (a valid result): it must never be unpacked."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("../evil.json"), good)
    return True


def make_bomb(path: Path, doc: dict, good: bytes) -> bool:
    """A zip bomb: one member of 200 MB of '0' (a JSON text that never ends), deflated to under 1 MB.

    Written streaming, 1 MB at a time, so building it takes a fraction of a second and little memory.
    """
    chunk = b"0" * CHUNK
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("bomb.json", "w") as member:
            member.write(b'{"schema": "ictbekwaam/result", "tool_version": "')
            for _ in range(BOMB_SIZE // CHUNK):
                member.write(chunk)
    return True


def make_zip_in_zip(path: Path, doc: dict, good: bytes) -> bool:
    """A zip that holds only another zip (with a valid result in it)."""
    inner = Path(f"{path}.inner")
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("resultaat.json", good)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.write(inner, "binnen.zip")
    inner.unlink()
    return True


def make_duplicate_zip(path: Path, doc: dict, good: bytes) -> bool:
    """A zip with two members named ``a.json`` (zipfile warns, and gives only the last on reading)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("a.json", good)
            archive.writestr("a.json", good.replace(b'"naam": "Jan de Vries"', b'"naam": "Piet"'))
    return True
