"""Which respondent id belongs to which name in one data folder, without keeping the names.

Two teachers who assess on one computer (one data folder) are two
respondents: the id follows the person. The file ``respondenten.json`` in the
data folder maps a keyed hash (BLAKE2b with a random salt of this folder) of
each name, as :func:`~ictbekwaam.model.result.name_key` compares names, to its
id. The names themselves are not in it: only in the teacher's own results,
where they were already. It is written atomically with mode 0600 and read
through :func:`~ictbekwaam.files.read.read_bytes` (bounded, never hanging).

The rules (:meth:`~ictbekwaam.files.storage.Store.respondent_id_for`):

- no name: the folder's id from the ``respondent-id`` file, as before;
- a name seen before (compared by :func:`~ictbekwaam.model.result.name_key`): its id;
- a new name: the folder's id while no name has it yet (so the first person
  keeps the id of their earlier results), else the draft's provisional id if
  nobody else has it, else a fresh one.

Migration: when this file does not exist yet but ``respondent-id`` does, the
folder's id is given to the first name it was used with: the name of the
oldest result (or draft) with that id in the data folder's own ``resultaten/``.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from pathlib import Path

import msgspec

from ictbekwaam.errors import DataError, Place
from ictbekwaam.files.read import read_bytes
from ictbekwaam.model.result import MAX_RESULT_BYTES, RespondentId, decode, is_respondent_id, name_key

NAMES_FILE = "respondenten.json"
SCHEMA = "ictbekwaam/respondenten"
_MAX_BYTES = 1024 * 1024  # ~80 bytes per name
_SCAN_LIMIT = 1000  # results looked at for the migration; a teacher has a handful
DAMAGED = (
    "dit bestand hoort bij elke naam een respondent-id te bewaren maar is beschadigd; verwijder het, dan maakt "
    "ictbekwaam het opnieuw (een naam kan dan een nieuwe respondent-id krijgen)"
)



class NameTable(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The content of ``respondenten.json``.

    Attributes:
        schema: always ``"ictbekwaam/respondenten"``.
        salt: random, per data folder (hex): the same name hashes differently on another computer.
        ids: keyed hash of a name (hex) -> its respondent id.
    """

    schema: str = SCHEMA
    salt: str = msgspec.field(default_factory=lambda: secrets.token_hex(16))
    ids: dict[str, RespondentId] = {}

    def digest(self, key: str) -> str:
        """The keyed hash of a :func:`~ictbekwaam.model.result.name_key` (never the name itself)."""
        return hashlib.blake2b(key.encode("utf-8"), key=bytes.fromhex(self.salt), digest_size=16).hexdigest()


_DECODER = msgspec.json.Decoder(NameTable)


def read_table(path: Path) -> NameTable | None:
    """The table in ``path``, or None when there is none; DataError (Dutch) when it is damaged."""
    data = read_bytes(path, limit=_MAX_BYTES, what="een respondententabel", missing_ok=True)
    if data is None:
        return None
    try:
        table = _DECODER.decode(data)
        if table.schema != SCHEMA or len(bytes.fromhex(table.salt)) != 16:
            raise ValueError
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
        raise DataError(Place(path), DAMAGED) from None
    return table


def encode_table(table: NameTable) -> bytes:
    """The table as stored: indented JSON."""
    return msgspec.json.format(msgspec.json.encode(table), indent=2) + b"\n"


def first_name_with(folder_id: str, files: list[Path]) -> str | None:
    """The :func:`~ictbekwaam.model.result.name_key` of the oldest result among ``files`` with id ``folder_id`` and a name.

    For the migration: the folder's id stays with the person who used it first.
    Files that cannot be read or are not results are passed over quietly: this
    is a best guess, never a reason to stop an assessment.
    """
    oldest: tuple[datetime, str] | None = None
    for path in files[:_SCAN_LIMIT]:
        try:
            data = read_bytes(path, limit=MAX_RESULT_BYTES, what="een resultaatbestand", missing_ok=True)
            result = decode(data, path) if data is not None else None
        except DataError:
            continue
        if result is None or result.respondent.id != folder_id:
            continue
        key = name_key(result.respondent.naam)
        if key and (oldest is None or result.created_at < oldest[0]):
            oldest = (result.created_at, key)
    return oldest[1] if oldest is not None else None


def choose_id(table: NameTable, key: str, folder_id: str, provisional: str | None, fresh: str) -> tuple[str, bool]:
    """(the id for the name ``key``, whether the table got a new entry); see the module docstring for the rules."""
    digest = table.digest(key)
    found = table.ids.get(digest)
    if found is not None:
        return found, False
    taken = set(table.ids.values())
    if folder_id not in taken:
        chosen = folder_id
    elif provisional is not None and provisional not in taken and provisional != folder_id and is_respondent_id(provisional):
        chosen = provisional
    else:
        chosen = fresh
    table.ids[digest] = chosen
    return chosen, True
