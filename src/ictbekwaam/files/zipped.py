"""Zip archives among a team's inputs: listing their result members and reading them in memory.

Only ``*.json`` members are results; other members, folders, hidden files and
macOS's ``__MACOSX``/``._*`` files are ignored. An archive inside an archive is
listed, and skipped with its reason (it is not opened). Nothing is ever
unpacked to disk, so a member named ``../x.json`` cannot land anywhere.

Against zip bombs: a member larger than a result may be
(:data:`~ictbekwaam.model.result.MAX_RESULT_BYTES`) or packed suspiciously
tightly (more than :data:`MAX_ZIP_RATIO` times) is skipped, reading stops at
that size whatever the archive claims, and an archive stops at
:data:`MAX_ZIP_MEMBERS` members or :data:`MAX_ZIP_BYTES` unpacked.
"""

from __future__ import annotations

import errno
import zipfile
from collections import Counter
import zlib
from collections.abc import Iterable, Iterator

from ictbekwaam.errors import DataError, os_reason
from ictbekwaam.files.checks import Skip
from ictbekwaam.files.read import NO_PERMISSION, NOT_FOUND, too_large, without_bom
from ictbekwaam.files.results import RESULT_FILE, read_result_bytes
from ictbekwaam.model.result import MAX_RESULT_BYTES

MAX_ZIP_MEMBERS = 200_000
MAX_ZIP_BYTES = 2 * 1024**3  # unpacked, per archive
MAX_ZIP_RATIO = 100  # a result file packs about 5 to 10 times; a bomb thousands


def is_zip(path: str) -> bool:
    """Whether ``path`` is named as a zip archive."""
    return path.lower().endswith(".zip")


def zip_members(path: str) -> tuple[list[str], str | None]:
    """The result members of an archive (sorted), or why the archive cannot be read (Dutch)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError):
        return [], "geen geldig zip-archief"
    except FileNotFoundError:
        return [], NOT_FOUND
    except PermissionError:
        return [], NO_PERMISSION
    except OSError as exc:
        if exc.errno == errno.EINVAL:  # a seek to where a damaged directory says the members are
            return [], "geen geldig zip-archief (beschadigd)"
        return [], f"kan dit archief niet lezen ({os_reason(exc)})"
    if len(infos) > MAX_ZIP_MEMBERS:
        return [], f"te veel bestanden in het archief (meer dan {MAX_ZIP_MEMBERS}); pak het in delen in"
    members = {info.filename for info in infos if _is_result_member(info)}  # a name twice: listed once
    return sorted(members), None


def _is_result_member(info: zipfile.ZipInfo) -> bool:
    """Whether a member may be a result: a ``.json`` (or a ``.zip``, to be named as skipped), not hidden.

    Hidden as on disk: any folder or file in its path starting with "." (".." is
    no hidden name: such a member is read in memory like any other, never unpacked).
    """
    name = info.filename
    if info.is_dir() or not name.lower().endswith((".json", ".zip")) or name.startswith("__MACOSX/"):
        return False
    return not any(part.startswith(".") and part not in (".", "..") for part in name.split("/"))


def _too_large(size: int) -> Skip:
    return Skip(too_large(RESULT_FILE, size, MAX_RESULT_BYTES))


class Archive:
    """One open zip archive, read member by member with the bomb guards.

    Attributes:
        path: the archive.
        unpacked: bytes unpacked from it so far.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.unpacked = 0
        try:
            self.zip: zipfile.ZipFile | None = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError):
            self.zip = None
        # Names that stand in the archive more than once: zipfile would only ever give the last.
        names = Counter(info.filename for info in self.zip.infolist()) if self.zip is not None else Counter()
        self.doubles = {name for name, times in names.items() if times > 1}

    def read(self, member: str) -> bytes:
        """The bytes of ``member`` (without a UTF-8 BOM); :class:`~ictbekwaam.files.checks.Skip` if it must not be read."""
        if self.zip is None:
            raise Skip("het archief kan niet (meer) gelezen worden")
        if is_zip(member):
            raise Skip("een zip-archief in een zip-archief wordt niet geopend; pak het buitenste eerst uit")
        if member in self.doubles:
            raise Skip("deze naam staat meer dan eens in het archief; welke bedoeld is, is niet te zeggen: pak het opnieuw in")
        try:
            info = self.zip.getinfo(member)
        except KeyError:  # replaced between listing and reading (a sync client at work)
            raise Skip("staat niet (meer) in het archief; is het archief intussen vervangen?") from None
        if info.flag_bits & 0x1:
            raise Skip("versleuteld; pak het archief eerst zelf uit")
        if info.file_size > MAX_RESULT_BYTES:
            raise _too_large(info.file_size)
        if info.compress_size and info.file_size > 64 * 1024 and info.file_size / info.compress_size > MAX_ZIP_RATIO:
            raise Skip("verdacht sterk ingepakt (mogelijk een zip-bom); niet uitgepakt")
        if self.unpacked > MAX_ZIP_BYTES:
            raise Skip(f"het archief is uitgepakt groter dan {MAX_ZIP_BYTES // 1024**3} GB; de rest is niet gelezen")
        try:
            with self.zip.open(info) as handle:
                data = handle.read(MAX_RESULT_BYTES + 1)  # never more, whatever the header says
        except NotImplementedError:
            raise Skip("ingepakt op een manier die ictbekwaam niet kent; pak het archief opnieuw in (gewone zip)") from None
        except OSError as exc:
            raise Skip(f"kan dit bestand in het archief niet uitpakken ({os_reason(exc)})") from None
        except (zipfile.BadZipFile, EOFError, ValueError, RuntimeError, zlib.error):
            # zipfile's own texts are English: say what it means.
            raise Skip("kan dit bestand in het archief niet uitpakken (het archief is beschadigd)") from None
        self.unpacked += len(data)
        if len(data) > MAX_RESULT_BYTES:
            raise _too_large(len(data))
        return without_bom(data)  # as read_bytes does for a file on disk

    def close(self) -> None:
        """Close the archive."""
        if self.zip is not None:
            self.zip.close()


def read_each(sources: Iterable[str | tuple[str, str]]) -> Iterator[tuple[str | tuple[str, str], bytes | str]]:
    """(source, its bytes) or (source, Dutch reason it cannot be read) for each source, in order.

    A source is a file on disk (read by
    :func:`~ictbekwaam.files.results.read_result_bytes`) or (archive, member),
    read through one open :class:`Archive` at a time: the one way ``report``
    and ``validate`` read a team's result files.
    """
    archive: Archive | None = None
    try:
        for source in sources:
            try:
                if isinstance(source, str):
                    yield source, read_result_bytes(source)
                    continue
                if archive is None or archive.path != source[0]:
                    if archive is not None:
                        archive.close()
                    archive = Archive(source[0])
                yield source, archive.read(source[1])
            except DataError as exc:  # the file itself could not be read
                yield source, exc.problems[0][1]
            except Skip as skip:
                yield source, skip.reason
    finally:
        if archive is not None:
            archive.close()
