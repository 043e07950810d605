"""Expanding a team report's inputs into the files to read.

Inputs are any mix of:

- **files** (any name: a file named explicitly is always checked);
- **folders**, read recursively: every ``*.json`` and ``*.zip`` in them
  (hidden files and folders, whose names start with ".", and macOS's
  ``__MACOSX`` folders are left alone);
- **glob patterns** (``"resultaten/**/*.json"``; quoted, or expanded by the
  shell): ``*``, ``?`` and ``[...]`` within one name, ``**`` for any number of
  folders; as with the shell, a wildcard does not match a name starting with
  ".". A folder that matches is read as a folder;
- **zip archives**: each of their result members (see :mod:`ictbekwaam.files.zipped`).

Folders and patterns are walked by one walker (:class:`_Walker`) that follows
symbolic links to folders, but reads every real folder once and never goes
round in a circle: a link back to a folder above it (a loop) is named once as
skipped; a link that is just a second way to a folder already read is passed
over without a word. Every real file is read once, however often it is named
(a folder, a pattern inside it, the file itself, a link to it): files are told
apart by device and inode.

What cannot be walked does not disappear silently: an unreadable folder, a
link that leads nowhere and a loop come back as skipped entries
``(path, Dutch reason)``, next to archives that cannot be opened. An error of
the operating system is always put into Dutch (see :func:`~ictbekwaam.errors.os_reason`).
"""

from __future__ import annotations

import errno
import fnmatch
import operator
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from ictbekwaam.errors import InputError, os_reason
from ictbekwaam.files.zipped import is_zip, zip_members

Source = str | tuple[str, str]  # a file on disk, or (archive, member)

NO_FOLDER_PERMISSION = "geen toestemming om deze map te lezen"
BROKEN_LINK = "verwijst naar iets dat niet (meer) bestaat"
LOOP_LINK = "symbolische koppeling naar een map erboven (kringloop); niet gevolgd"
LOOP_FOLDER = "dezelfde map als een map erboven, bereikt via een symbolische koppeling (kringloop); niet gevolgd"

_MAGIC = re.compile(r"[*?[]")
_SEPARATORS = re.compile("[" + re.escape(os.sep + (os.altsep or "")) + "]")
_NOTHING: frozenset[int] = frozenset()
_ANY_SEGMENTS = None  # a `**` segment in _Pattern.segments
_BY_NAME = operator.attrgetter("name")
# A folder still to read: (path, prefix for its entries, (dev, ino) if known, pattern states,
# read as a folder, the folders above it, the link it is reached by, if any).
_Frame = tuple[str, str, tuple[int, int] | None, frozenset[int], bool, frozenset[tuple[int, int]], tuple[int, int] | None]


def is_pattern(text: str) -> bool:
    """Whether ``text`` holds a wildcard (``*``, ``?``, ``[``) and so may be a pattern."""
    return _MAGIC.search(text) is not None


def label(source: Source) -> str:
    """The source as the user knows it: the path, or ``archief.zip:map/x.json`` for a member."""
    return source if isinstance(source, str) else f"{source[0]}:{source[1]}"


def _folder_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return NO_FOLDER_PERMISSION
    return f"kan deze map niet lezen ({os_reason(exc)})"


def _link_reason(exc: OSError) -> str:
    # ENOTDIR: the link points into something that is a file, so it too leads nowhere.
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return BROKEN_LINK
    return f"kan deze koppeling niet volgen ({os_reason(exc)})"


def _is_result_name(name: str) -> bool:
    return name[-5:].lower() == ".json" or is_zip(name)


# --- patterns ---------------------------------------------------------------------


class _Pattern:
    """The part of a glob pattern after its base folder, matched one name at a time.

    A set of *states* says how far a path has come: state ``i`` means the next
    name must match segment ``i``; state :attr:`end` means the path so far
    matches the whole pattern. Keeping a set (not one position) is what lets
    ``**`` stand for zero or more folders without trying every split.
    """

    def __init__(self, segments: list[str], dirs_only: bool) -> None:
        # Case as glob does it: sensitive, unless the OS's paths are not (Windows).
        flags = re.IGNORECASE if os.path.normcase("A") == "a" else 0
        self.segments = [
            _ANY_SEGMENTS if s == "**" else (re.compile(fnmatch.translate(s), flags).match, s.startswith("."))
            for s in segments
        ]
        self.end = len(segments)
        self.dirs_only = dirs_only  # the pattern ended in a separator: only folders match
        self.start = self._closure({0})

    def _closure(self, states: set[int]) -> frozenset[int]:
        """``states`` plus every state reached by letting a ``**`` match no folder at all."""
        todo = list(states)
        while todo:
            i = todo.pop()
            if i < self.end and self.segments[i] is _ANY_SEGMENTS and i + 1 not in states:
                states.add(i + 1)
                todo.append(i + 1)
        return frozenset(states)

    def takes_file(self, states: frozenset[int], name: str) -> bool:
        """Whether a file named ``name`` completes the pattern from ``states``.

        Only the last segment can take it: a ``**`` matching nothing after a
        name ("map/**" matching "map/") is for folders only.
        """
        last = self.end - 1
        if self.dirs_only or last not in states:
            return False
        segment = self.segments[last]
        if segment is _ANY_SEGMENTS:
            return name[0] != "."
        match, dotted = segment
        return (dotted or name[0] != ".") and match(name) is not None

    def advance(self, states: frozenset[int], name: str) -> frozenset[int]:
        """The states after the name ``name``; empty when no path through it can match."""
        hidden = name[0] == "."
        after: set[int] = set()
        for i in states:
            if i == self.end:
                continue
            segment = self.segments[i]
            if segment is _ANY_SEGMENTS:
                if not hidden:
                    after.add(i)
            else:
                match, dotted = segment
                # As glob: a name starting with "." only matches a segment that starts with "." too.
                if (dotted or not hidden) and match(name):
                    after.add(i + 1)
        return self._closure(after) if after else _NOTHING


def _split_pattern(text: str) -> tuple[str, str, _Pattern]:
    """(base folder as the user wrote it, prefix for the paths under it, the rest of the pattern)."""
    parts = _SEPARATORS.split(text)
    first = next(i for i, part in enumerate(parts) if _MAGIC.search(part))
    offset = sum(len(part) + 1 for part in parts[:first])  # the base with its trailing separator
    prefix = text[:offset]
    base = prefix[:-1] if len(prefix) > 1 else (prefix or os.curdir)
    rest = parts[first:]
    dirs_only = rest[-1] == ""
    return base, prefix, _Pattern([part for part in rest if part], dirs_only)


# --- walking ---------------------------------------------------------------------


class _Walker:
    """Walks folders and patterns for one set of inputs, and keeps what every input needs to share.

    Attributes:
        skipped: what could not be walked (or opened), as (path, Dutch reason), each once.
        unreadable: how often something could not be read (loops not counted; a
            thing met twice counts twice).
    """

    def __init__(self) -> None:
        # Every file found so far, as the inodes seen on each device: a set of
        # ints per device costs less than a (device, inode) tuple per file.
        self.inodes: dict[object, set[object]] = {}
        # A folder is read once per way of reading it (as a folder, or at a
        # place in a pattern); that is nearly always once.
        self.visited: set[tuple[int, int, frozenset[int], bool]] = set()
        self.named: set[tuple[object, object]] = set()  # what is in `skipped` already
        self.skipped: list[tuple[str, str]] = []
        self.unreadable = 0
        self.zips = 0  # how many files found were zip archives (by name)

    def first(self, device: object, inode: object) -> bool:
        """Whether the file (``device``, ``inode``) is new; from now on it is not."""
        inodes = self.inodes.setdefault(device, set())
        if inode in inodes:
            return False
        inodes.add(inode)
        return True

    def skip(self, path: str, reason: str, key: tuple[object, object]) -> None:
        """Note ``path`` as skipped, unless the same thing (``key``) was noted already, by another way to it."""
        if reason not in (LOOP_LINK, LOOP_FOLDER):
            self.unreadable += 1
        if key not in self.named:
            self.named.add(key)
            self.skipped.append((path, reason))

    def walk(self, top: str, prefix: str, pattern: _Pattern | None) -> tuple[list[str], int]:
        """The files under the folder ``top`` not found before, and how many paths the pattern matched.

        Without a pattern: every result file (``.json``/``.zip``, not hidden),
        in the order of ``os.walk`` (a folder's files by name, then its
        folders by name). With one: every path that matches it, where a
        matching folder is read as a folder. ``prefix`` goes before the names
        found directly in ``top``.
        """
        found: list[str] = []
        states = pattern.start if pattern is not None else _NOTHING
        folder = pattern is None or pattern.end in states  # "map/**" matches map itself
        # ... but, as with glob, "**" does not match the current folder itself.
        matched = int(pattern is not None and pattern.end in states and prefix != "")
        stack: list[_Frame] = [(top, prefix, None, states, folder, frozenset(), None)]
        while stack:
            path, prefix, here, states, folder, above, via = stack.pop()
            here = self._enter(path, here, states, folder, above, via)
            if here is None:
                continue
            try:
                with os.scandir(path) as listing:
                    names, numbers, others, hits = self._sort_out(listing, prefix, states, folder, pattern)
            except OSError as exc:  # os.walk would swallow this: a folder would go missing without a word
                self.skip(path, _folder_reason(exc), here)
                continue
            above = above | {here}
            linked: list[tuple[str, tuple[int, int]]] = []  # links to files: (name, what they lead to)
            subfolders: list[_Frame] = []
            for entry in sorted(others, key=_BY_NAME):
                name = entry.name
                child = prefix + name
                plain = folder and name[0] != "."
                after = pattern.advance(states, name) if pattern is not None and states else _NOTHING
                via = known = None
                if entry.is_symlink():  # known already (cached) from _sort_out
                    if not plain and not after:
                        continue  # nothing under this name is asked for: do not look where it leads
                    via = (here[0], entry.inode())
                    try:
                        target = os.stat(child)
                    except OSError as exc:
                        self.skip(child, _link_reason(exc), via)
                        continue
                    if not stat.S_ISDIR(target.st_mode):  # a link to a file (or a FIFO, ...: the reader refuses those)
                        whole = pattern is not None and pattern.takes_file(states, name)
                        if (plain and _is_result_name(name)) or whole:
                            hits += whole
                            linked.append((name, (target.st_dev, target.st_ino)))
                            self.zips += is_zip(name)
                        continue
                    known = (target.st_dev, target.st_ino)
                whole = pattern is not None and pattern.end in after
                read_all = (plain and name != "__MACOSX") or whole
                hits += whole
                if read_all or after:
                    subfolders.append((child, child + os.sep, known, after, read_all, above, via))
            self._take(found, prefix, here[0], names, numbers, linked)
            matched += hits
            stack.extend(reversed(subfolders))  # popped in name order, depth first
        return found, matched

    def _enter(
        self, path: str, here: tuple[int, int] | None, states: frozenset[int], folder: bool,
        above: frozenset[tuple[int, int]], via: tuple[int, int] | None,
    ) -> tuple[int, int] | None:
        """The folder's (device, inode) if it is to be read now; None if not (noting why, when that matters)."""
        if here is None:
            try:
                info = os.stat(path)
            except OSError as exc:
                self.skip(path, _folder_reason(exc), ("pad", path))
                return None
            here = (info.st_dev, info.st_ino)
        if here in above:
            self.skip(path, LOOP_LINK if via is not None else LOOP_FOLDER, via if via is not None else here)
            return None
        visit = (*here, states, folder)
        if visit in self.visited:
            return None  # another way to a folder read already: its files are in
        self.visited.add(visit)
        return here

    def _sort_out(
        self, listing: Iterator[os.DirEntry], prefix: str, states: frozenset[int], folder: bool, pattern: _Pattern | None
    ) -> tuple[list[str], list[int], list[os.DirEntry], int]:
        """One folder's entries: the plain files to take (names and inodes, in listing order), the links and
        folders (looked at afterwards), and how many files the pattern matched.

        This runs for every entry of a large folder, so it does as little as it
        can: one call to tell a plain file (a FIFO or the like counts as one
        too: the reader refuses it with a reason), and its inode, which needs
        no system call (a plain file is on its folder's device).
        """
        names: list[str] = []
        numbers: list[int] = []
        others: list[os.DirEntry] = []
        hits = 0
        for entry in listing:
            name = entry.name
            plain = folder and name[0] != "."
            if not plain and not states:
                continue  # a hidden name, and no pattern that could ask for it
            try:
                if entry.is_file(follow_symlinks=False) or not (entry.is_symlink() or entry.is_dir(follow_symlinks=False)):
                    tail = name[-5:].lower()
                    if plain and tail == ".json":
                        names.append(name)
                        numbers.append(entry.inode())
                        if pattern is not None and states:
                            hits += pattern.takes_file(states, name)
                    elif plain and tail.endswith(".zip"):
                        names.append(name)
                        numbers.append(entry.inode())
                        self.zips += 1
                        if pattern is not None and states:
                            hits += pattern.takes_file(states, name)
                    elif pattern is not None and states and pattern.takes_file(states, name):
                        names.append(name)
                        numbers.append(entry.inode())
                        self.zips += tail.endswith(".zip")
                        hits += 1
                else:
                    others.append(entry)
            except OSError as exc:
                self.skip(prefix + name, f"kan niet nagaan wat dit is ({os_reason(exc)})", ("pad", prefix + name))
        return names, numbers, others, hits

    def _take(
        self, found: list[str], prefix: str, device: int, names: list[str], numbers: list[int],
        linked: list[tuple[str, tuple[int, int]]],
    ) -> None:
        """Add one folder's files to ``found``, by name, leaving out every file found before."""
        inodes = self.inodes.setdefault(device, set())
        fresh = set(numbers)
        if not linked and len(fresh) == len(numbers) and fresh.isdisjoint(inodes):
            # The common case, in bulk: no file in this folder was found before.
            inodes.update(fresh)
            names.sort()
            found.extend([prefix + name for name in names])
            return
        files = sorted([*zip(names, ((device, number) for number in numbers)), *linked])
        for name, (dev, number) in files:
            if self.first(dev, number):
                found.append(prefix + name)


# --- expanding ---------------------------------------------------------------------


def expand(inputs: Sequence[str | Path]) -> tuple[list[Source], list[tuple[str, str]]]:
    """The files named by ``inputs`` (see the module docstring), each once, and what had to be skipped.

    The skipped entries come as (path, Dutch reason): archives that cannot be
    opened, folders that cannot be read, links that lead nowhere and loops.
    Raises :class:`InputError` for an input that does not exist and is not a
    pattern, and for a pattern that matches nothing (unless something on the
    way could not be read: then that is what the user is told).
    """
    sources: list[Source] = []
    walker = _Walker()

    def add(path: str) -> None:
        if is_zip(path) and os.path.isfile(path):
            members, problem = zip_members(path)
            if problem is not None:
                walker.skipped.append((path, problem))
            sources.extend((path, m) for m in members)
        else:
            sources.append(path)

    def add_found(found: list[str], zips: int) -> None:
        if not zips:
            sources.extend(found)  # the common case, without a call per file
        else:
            for path in found:
                add(path)

    for raw in inputs:
        text = os.fspath(raw)
        try:
            os.lstat(text)
        except (FileNotFoundError, NotADirectoryError):
            exists = False
        except OSError as exc:
            # os.path.lexists says False for a loop or a folder that may not be entered: the path
            # may well be there, so say why it cannot be looked at instead of "bestaat niet".
            if not is_pattern(text):
                walker.skip(text, f"kan dit bestand niet lezen ({os_reason(exc)})", ("pad", text))
                continue
            exists = False
        else:
            exists = True
        if exists:
            try:
                info = os.stat(text)
            except (FileNotFoundError, PermissionError):
                # The reader says why, in Dutch; the path is all that tells this one apart.
                if walker.first("pad", os.path.normpath(os.path.abspath(text))):
                    add(text)
                continue
            except OSError as exc:  # the reader would pass on the OS's English text
                walker.skip(text, f"kan dit bestand niet lezen ({os_reason(exc)})", ("pad", text))
                continue
            if stat.S_ISDIR(info.st_mode):
                prefix = text if text.endswith((os.sep, os.altsep or os.sep)) else text + os.sep
                zips = walker.zips
                add_found(walker.walk(text, prefix, None)[0], walker.zips - zips)
            elif walker.first(info.st_dev, info.st_ino):
                add(text)
        elif is_pattern(text):
            base, prefix, pattern = _split_pattern(text)
            found: list[str] = []
            matched = 0
            unreadable, zips = walker.unreadable, walker.zips
            try:
                is_dir = stat.S_ISDIR(os.stat(base).st_mode)
            except (FileNotFoundError, NotADirectoryError):
                is_dir = False
            except OSError as exc:  # it may be there: say why it cannot be looked into
                walker.skip(base, _folder_reason(exc), ("pad", base))
                is_dir = False
            if is_dir:
                found, matched = walker.walk(base, prefix, pattern)
            if not matched and walker.unreadable == unreadable:
                raise InputError(f"'{text}': geen bestanden of mappen gevonden die hierop passen")
            found.sort()  # the order glob gave: sorted paths
            add_found(found, walker.zips - zips)
        else:
            raise InputError(f"'{text}' bestaat niet (geen bestand, map of patroon)")
    return sources, walker.skipped
