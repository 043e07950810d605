"""Reading a team's result files: inputs -> checked results -> a :class:`~ictbekwaam.core.team.tally.Tally`.

Inputs are any mix of:

- **files** (any name: a file named explicitly is always checked);
- **folders**, read recursively: every ``*.json`` and ``*.zip`` in them
  (hidden files and folders, whose names start with ".", are left alone);
- **glob patterns** (``"resultaten/**/*.json"``; quoted, or expanded by the shell);
- **zip archives**: their ``*.json`` members are read in memory, never unpacked
  to disk; other members, folders and macOS's ``__MACOSX``/``._*`` files are
  ignored. Against zip bombs: a member larger than a result may be
  (:data:`~ictbekwaam.model.result.MAX_RESULT_BYTES`) or packed suspiciously tightly
  (more than :data:`MAX_ZIP_RATIO` times) is skipped, reading stops at that
  size whatever the archive claims, and an archive stops at
  :data:`MAX_ZIP_MEMBERS` members or :data:`MAX_ZIP_BYTES` unpacked.

Nothing is ever written or changed: files are only opened for reading (and a
FIFO or device is never opened). The same file named twice (a folder and a
pattern inside it) is read once.

Every file is checked fully: readable, not too large, valid JSON, a result
file of a schema version we know, made with this kader (same ``meta.id``;
another *version* of it is fine: answers are matched by item id) and answers
that fit its scale. A file that fails gets one Dutch line in
:attr:`Collection.rejected` and is skipped.

Speed: files are decoded by msgspec straight into the typed
:class:`~ictbekwaam.model.result.Result` (validation in C) and handed to the tally,
which keeps a few dozen bytes per respondent; the ``Result`` is dropped at
once. With many files and a ``fork``-capable OS, the list is split in two and
a forked child reads the second half on the other core; its tally is merged
afterwards (see :func:`collect`).
"""

from __future__ import annotations

import glob
import os
import pickle
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import msgspec

from ictbekwaam.core.team.records import By, Rejected
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.errors import DataError, IctbekwaamError, InputError
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import MAX_RESULT_BYTES, check_answers, decode

MAX_ZIP_MEMBERS = 200_000
MAX_ZIP_BYTES = 2 * 1024**3  # unpacked, per archive
MAX_ZIP_RATIO = 100  # a result file packs about 5 to 10 times; a bomb thousands
PARALLEL_FROM = 2000  # below this, forking costs more than it saves
_BOM = b"\xef\xbb\xbf"
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must never hang

Source = str | tuple[str, str]  # a file on disk, or (archive, member)


class Collection(msgspec.Struct, frozen=True):
    """What reading the inputs gave.

    Attributes:
        tally: the counted results (see :class:`~ictbekwaam.core.team.tally.Tally`).
        files: files looked at (valid or not; zip members included, archives not).
        rejected: the files skipped, in reading order.
    """

    tally: Tally
    files: int
    rejected: tuple[Rejected, ...]


# --- expanding the inputs -------------------------------------------------------


def _visible(name: str) -> bool:
    return not name.startswith(".")


def _wanted(name: str) -> bool:
    lower = name.lower()
    return _visible(name) and (lower.endswith(".json") or lower.endswith(".zip"))


def _walk(folder: str) -> Iterator[str]:
    """Every ``.json``/``.zip`` under ``folder``, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if _visible(d))
        prefix = root if root.endswith(os.sep) else root + os.sep
        files.sort()
        for name in files:
            # Plain string tests: this runs for every file of a large folder.
            if name[0] != "." and (name[-5:].lower() == ".json" or name[-4:].lower() == ".zip"):
                yield prefix + name


def _is_zip(path: str) -> bool:
    return path.lower().endswith(".zip")


def _zip_members(path: str) -> tuple[list[str], Rejected | None]:
    """The result members of an archive, or why the archive cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError):
        return [], Rejected(path, "geen geldig zip-archief")
    except FileNotFoundError:
        return [], Rejected(path, "bestand niet gevonden")
    except PermissionError:
        return [], Rejected(path, "geen toestemming om dit bestand te lezen")
    except OSError as exc:
        return [], Rejected(path, f"kan dit archief niet lezen ({exc.strerror or exc})")
    if len(infos) > MAX_ZIP_MEMBERS:
        return [], Rejected(path, f"te veel bestanden in het archief (meer dan {MAX_ZIP_MEMBERS}); pak het in delen in")
    members = []
    for info in infos:
        name = info.filename
        base = name.rstrip("/").rsplit("/", 1)[-1]
        if info.is_dir() or not name.lower().endswith(".json") or not _visible(base) or name.startswith("__MACOSX/"):
            continue
        members.append(name)
    return sorted(members), None


def expand(inputs: Sequence[str | Path]) -> tuple[list[Source], list[Rejected]]:
    """The files named by ``inputs`` (see the module docstring), each once, and archives that cannot be read.

    Raises :class:`InputError` for an input that does not exist and is not a
    pattern that matches anything.
    """
    sources: list[Source] = []
    rejected: list[Rejected] = []
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
        if _is_zip(path) and os.path.isfile(path):
            members, problem = _zip_members(path)
            if problem is not None:
                rejected.append(problem)
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
    return sources, rejected


# --- reading ---------------------------------------------------------------------


class _Skip(Exception):
    """A file to skip, with the Dutch reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _too_large(size: int) -> _Skip:
    return _Skip(f"te groot voor een resultaatbestand ({size} bytes, hooguit {MAX_RESULT_BYTES})")


def read_file(path: str) -> bytes:
    """The bytes of a result file on disk, read only; :class:`_Skip` with the reason if it cannot be one."""
    try:
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK)
    except FileNotFoundError:
        raise _Skip("bestand niet gevonden") from None
    except PermissionError:
        raise _Skip("geen toestemming om dit bestand te lezen") from None
    except OSError as exc:
        raise _Skip(f"kan dit bestand niet lezen ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _Skip("dit is een map, geen bestand")
        if not stat.S_ISREG(info.st_mode):
            raise _Skip("geen gewoon bestand")
        if info.st_size > MAX_RESULT_BYTES:
            raise _too_large(info.st_size)
        chunks = [os.read(fd, info.st_size + 1)]
        # A file that grew since fstat: read on, but never past the limit.
        total = len(chunks[0])
        while total > info.st_size and total <= MAX_RESULT_BYTES:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_RESULT_BYTES:
            raise _too_large(total)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise _Skip(f"kan dit bestand niet lezen ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


class _Archive:
    """One open zip archive, read member by member with the bomb guards."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.unpacked = 0
        try:
            self.zip: zipfile.ZipFile | None = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError):
            self.zip = None

    def read(self, member: str) -> bytes:
        if self.zip is None:
            raise _Skip("het archief kan niet (meer) gelezen worden")
        info = self.zip.getinfo(member)
        if info.flag_bits & 0x1:
            raise _Skip("versleuteld; pak het archief eerst zelf uit")
        if info.file_size > MAX_RESULT_BYTES:
            raise _too_large(info.file_size)
        if info.compress_size and info.file_size > 64 * 1024 and info.file_size / info.compress_size > MAX_ZIP_RATIO:
            raise _Skip("verdacht sterk ingepakt (mogelijk een zip-bom); niet uitgepakt")
        if self.unpacked > MAX_ZIP_BYTES:
            raise _Skip(f"het archief is uitgepakt groter dan {MAX_ZIP_BYTES // 1024**3} GB; de rest is niet gelezen")
        try:
            with self.zip.open(info) as handle:
                data = handle.read(MAX_RESULT_BYTES + 1)  # never more, whatever the header says
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise _Skip(f"kan dit bestand in het archief niet uitpakken ({exc})") from None
        self.unpacked += len(data)
        if len(data) > MAX_RESULT_BYTES:
            raise _too_large(len(data))
        return data

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def check(data: bytes, label: str, kader: Kader, tally: Tally):  # -> tuple[Result, bytes]
    """Decode and check one document; (result, answer bytes for the tally), or :class:`_Skip`."""
    if data.startswith(_BOM):  # some editors add one; JSON allows ignoring it
        data = data[len(_BOM) :]
    try:
        result = decode(data, label)
    except DataError as exc:
        place, message = exc.problems[0]
        raise _Skip(_one_line(f"{place.path}: {message}" if place.path else message)) from None
    if result.kader.id != kader.meta.id:
        raise _Skip(f"gemaakt met een ander kader ('{_one_line(result.kader.id)}'); dit rapport gebruikt '{kader.meta.id}'")
    codes = tally.encode(result)
    if codes is None:
        problems = check_answers(result, kader).problems
        path, message = problems[0] if problems else ("answers", "een antwoord past niet bij het kader")
        more = f" (en nog {len(problems) - 1} fouten)" if len(problems) > 1 else ""
        raise _Skip(_one_line(f"{path}: {message}{more}"))
    return result, codes


def _label(source: Source) -> str:
    return source if isinstance(source, str) else f"{source[0]}:{source[1]}"


def _read_all(
    sources: Iterable[Source], kader: Kader, tally: Tally, rejected: list[Rejected], tick: Callable[[], None] | None
) -> int:
    """Read, check and count ``sources`` into ``tally``; returns how many were looked at."""
    archive: _Archive | None = None
    count = 0
    try:
        for source in sources:
            count += 1
            label = _label(source)
            try:
                if isinstance(source, str):
                    data = read_file(source)
                else:
                    if archive is None or archive.path != source[0]:
                        if archive is not None:
                            archive.close()
                        archive = _Archive(source[0])
                    data = archive.read(source[1])
                result, codes = check(data, label, kader, tally)
            except _Skip as skip:
                rejected.append(Rejected(label, skip.reason))
            else:
                tally.add(result, codes)
            if tick is not None:
                tick()
    finally:
        if archive is not None:
            archive.close()
    return count


def _fork_available() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


def _read_in_child(sources: list[Source], kader: Kader, make_tally: Callable[[], Tally]):  # -> (pid, fd) | None
    """Fork a child that reads ``sources`` and sends its tally back through a pipe."""
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: never return into the caller's code
        code = 1
        try:
            os.close(read_end)
            tally = make_tally()
            rejected: list[Rejected] = []
            count = _read_all(sources, kader, tally, rejected, None)
            payload = pickle.dumps((tally, count, rejected), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent reads the chunk itself then
            pass
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _child_result(pid: int, read_end: int):  # -> (Tally, int, list[Rejected]) | None
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()  # read everything before waiting: a full pipe would block the child
    _, status = os.waitpid(pid, 0)
    if not payload or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    return pickle.loads(payload)


def collect(
    inputs: Sequence[str | Path],
    kader: Kader,
    *,
    by: By | None = None,
    keep_names: bool = False,
    keep_evidence: bool = False,
    progress: Callable[[int, int], None] | None = None,
    parallel: bool | None = None,
) -> Collection:
    """Read every result file that ``inputs`` name, check it and count it.

    ``progress(done, total)`` is called now and then while reading.
    ``parallel``: None decides by itself (a forked child reads half of the
    files when there are at least :data:`PARALLEL_FROM` and the OS can fork),
    True/False force it. If the child fails for any reason, its half is read
    here instead, so the outcome never depends on it.
    """
    sources, rejected = expand(inputs)
    unreadable_archives = len(rejected)
    total = len(sources)

    def make_tally() -> Tally:
        return Tally(kader, by=by, keep_names=keep_names, keep_evidence=keep_evidence)

    tally = make_tally()
    use_fork = _fork_available() and (total >= PARALLEL_FROM if parallel is None else parallel) and total >= 2
    child = None
    mine, theirs = sources, []
    if use_fork:
        half = total // 2
        mine, theirs = sources[:half], sources[half:]
        child = _read_in_child(theirs, kader, make_tally)
        if child is None:
            mine, theirs = sources, []
    # Progress: our own share, scaled to the whole (the child runs alongside at the same pace).
    done = 0
    scale = total / len(mine) if mine else 1.0
    tick = None
    if progress is not None:
        progress(0, total)
        step = max(1, total // 200)

        def tick() -> None:
            nonlocal done
            done += 1
            if done % step == 0:
                progress(min(total, int(done * scale)), total)

    own_rejected: list[Rejected] = []
    try:
        count = _read_all(mine, kader, tally, own_rejected, tick)
    except BaseException:
        if child is not None:
            _child_result(*child)
        raise
    rejected.extend(own_rejected)
    if child is not None:
        returned = _child_result(*child)
        if returned is None:  # the child failed: read its half here
            other, other_rejected = make_tally(), []
            other_count = _read_all(theirs, kader, other, other_rejected, None)
        else:
            other, other_count, other_rejected = returned
        tally.merge(other)
        rejected.extend(other_rejected)
        count += other_count
    if progress is not None:
        progress(total, total)
    return Collection(tally, count + unreadable_archives, tuple(rejected))
