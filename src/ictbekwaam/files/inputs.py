"""Expanding a team report's inputs into the files to read.

Inputs are any mix of:

- **files** (any name: a file named explicitly is always checked);
- **folders**, read recursively: every ``*.json`` and ``*.zip`` in them
  (hidden files and folders, whose names start with ".", are left alone);
- **glob patterns** (``"resultaten/**/*.json"``; quoted, or expanded by the shell);
- **zip archives**: each of their result members (see :mod:`ictbekwaam.files.zipped`).

The same file named twice (a folder and a pattern inside it) is listed once.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ictbekwaam.errors import InputError
from ictbekwaam.files.zipped import is_zip, zip_members

Source = str | tuple[str, str]  # a file on disk, or (archive, member)


def label(source: Source) -> str:
    """The source as the user knows it: the path, or ``archief.zip:map/x.json`` for a member."""
    return source if isinstance(source, str) else f"{source[0]}:{source[1]}"


def _walk(folder: str) -> Iterator[str]:
    """Every ``.json``/``.zip`` under ``folder``, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        prefix = root if root.endswith(os.sep) else root + os.sep
        files.sort()
        for name in files:
            # Plain string tests: this runs for every file of a large folder.
            if name[0] != "." and (name[-5:].lower() == ".json" or name[-4:].lower() == ".zip"):
                yield prefix + name


def expand(inputs: Sequence[str | Path]) -> tuple[list[Source], list[tuple[str, str]]]:
    """The files named by ``inputs`` (see the module docstring), each once, and archives that cannot be read.

    The archives come as (archive, Dutch reason). Raises :class:`InputError`
    for an input that does not exist and is not a pattern that matches anything.
    """
    sources: list[Source] = []
    unreadable: list[tuple[str, str]] = []
    seen: set[str] = set()
    # One existing file or folder cannot name a file twice (os.walk does not
    # follow links); only then is the check for doubles (about 2 µs a file) skipped.
    single = len(inputs) == 1 and os.path.lexists(os.fspath(inputs[0]))

    def add_file(path: str) -> None:
        if not single:
            key = os.path.normpath(os.path.abspath(path))
            if key in seen:
                return
            seen.add(key)
        if is_zip(path) and os.path.isfile(path):
            members, problem = zip_members(path)
            if problem is not None:
                unreadable.append((path, problem))
            sources.extend((path, m) for m in members)
        else:
            sources.append(path)

    def add(path: str) -> None:
        if os.path.isdir(path):
            for found in _walk(path):
                if single and found[-4:].lower() != ".zip":
                    sources.append(found)  # the common case, without a call per file
                else:
                    add_file(found)
        else:
            add_file(path)

    for raw in inputs:
        text = os.fspath(raw)
        if os.path.lexists(text):
            add(text)
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputError(f"'{text}': geen bestanden of mappen gevonden die hierop passen")
            for match in matches:
                add(match)
        else:
            raise InputError(f"'{text}' bestaat niet (geen bestand, map of patroon)")
    return sources, unreadable
