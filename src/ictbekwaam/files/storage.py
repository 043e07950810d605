"""Where a teacher's own files live: the data folder, the draft, results, the respondent ids.

Everything a teacher's assessment leaves behind stays on their own computer, in
one folder per user:

- ``ICTBEKWAAM_DATA_DIR`` when set, else ``platformdirs.user_data_dir("ictbekwaam")``;
- ``concept.json``: the draft, rewritten atomically after every answer;
- ``concept.vorige-<datum>-<tijd>.json``: each draft the teacher set aside by
  starting anew, one file per draft, never replaced (``concept.vorige.json``
  from earlier versions of ictbekwaam is left as it is);
- ``concept.lock``: locked by the interactive session that owns the drafts (:mod:`ictbekwaam.files.lock`);
- ``respondent-id``: a random id made once: the id of assessments without a
  name, and of the first name used in this folder;
- ``respondenten.json``: per other name (as a keyed hash, never the name) its
  own id, so that two teachers on one computer are two respondents (see
  :mod:`ictbekwaam.files.respondents`);
- ``resultaten/``: the finished results (or ``--out DIR``).

File names are made here, never from anything the user typed. Every file is
written atomically with mode 0600 (personal data); a result never replaces an
existing file.
"""

from __future__ import annotations

import os
import re
import secrets
from datetime import datetime
from pathlib import Path

import msgspec

from ictbekwaam.errors import DataError, IctbekwaamError, Place, os_reason
from ictbekwaam.files import respondents
from ictbekwaam.files.lock import LOCK_FILE, SessionLock, lock_session
from ictbekwaam.files.read import read_bytes
from ictbekwaam.files.write import atomic_write, place_new
from ictbekwaam.model.result import (
    MAX_RESULT_BYTES,
    Result,
    decode,
    encode,
    is_respondent_id,
    name_key,
    new_respondent_id,
    now,
)

DATA_DIR_ENV = "ICTBEKWAAM_DATA_DIR"
DRAFT_FILE = "concept.json"
PREVIOUS_DRAFT_FILE = "concept.vorige.json"  # the one set-aside draft of earlier ictbekwaam versions: read, never written
PREVIOUS_DRAFT_PREFIX = "concept.vorige-"
RESPONDENT_FILE = "respondent-id"
RESULTS_DIR = "resultaten"
PRIVATE = 0o600
_RESPONDENT_MAX_BYTES = 4096  # an id is 35 bytes; room for stray whitespace
_NAME_ATTEMPTS = 20


def user_data_dir() -> Path:
    """The user's ictbekwaam folder: ``$ICTBEKWAAM_DATA_DIR`` or the platform's data folder."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("ictbekwaam", appauthor=False))


def result_file_name(stamp: datetime, suffix: str) -> str:
    """``zelfevaluatie-2025-11-22-101530-3f9a2c.json``: date, time and a random suffix."""
    if not re.fullmatch(r"[0-9a-f]{1,16}", suffix):
        raise ValueError(f"bad suffix {suffix!r}")
    return f"zelfevaluatie-{stamp.strftime('%Y-%m-%d-%H%M%S')}-{suffix}.json"


class Store:
    """The files of one user's assessments.

    Attributes:
        root: the user's ictbekwaam folder.
        results_dir: where finished results go (``root/resultaten`` or ``--out``).
    """

    def __init__(self, root: Path | None = None, results_dir: Path | None = None) -> None:
        self.root = Path(root) if root is not None else user_data_dir()
        self.results_dir = Path(results_dir) if results_dir is not None else self.root / RESULTS_DIR

    @property
    def draft_path(self) -> Path:
        """The draft of the assessment in progress."""
        return self.root / DRAFT_FILE

    def previous_drafts(self) -> list[Path]:
        """Every draft set aside by starting anew, oldest first (the undated one of earlier versions first)."""
        try:
            dated = list(self.root.glob(f"{PREVIOUS_DRAFT_PREFIX}*.json"))
        except OSError:
            dated = []
        legacy = self.root / PREVIOUS_DRAFT_FILE
        return ([legacy] if legacy.is_file() else []) + sorted((p for p in dated if p.is_file()), key=_set_aside_order)

    @property
    def lock_path(self) -> Path:
        """The file an interactive session locks, so that only one at a time writes the drafts."""
        return self.root / LOCK_FILE

    @property
    def respondent_path(self) -> Path:
        """The file that keeps this user's respondent id."""
        return self.root / RESPONDENT_FILE

    def _ensure_root(self) -> None:
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise IctbekwaamError(f"{self.root}: kan de map niet maken ({os_reason(exc)})") from None
        if not self.root.is_dir():
            raise IctbekwaamError(f"{self.root}: dit is geen map")

    @property
    def names_path(self) -> Path:
        """The file that keeps the respondent id per name (as a keyed hash)."""
        return self.root / respondents.NAMES_FILE

    # --- respondent id ---------------------------------------------------
    def respondent_id(self) -> str:
        """This folder's respondent id (for no name, and the first name); made (randomly) the first time and kept."""
        existing = self._read_respondent_id()
        if existing is not None:
            return existing
        return self._make_respondent_id()

    def _make_respondent_id(self) -> str:
        path = self.respondent_path
        self._ensure_root()
        fresh = new_respondent_id()
        try:
            atomic_write(path, fresh + "\n", mode=PRIVATE, exclusive=True)
        except FileExistsError:  # another ictbekwaam made it just now: use theirs
            existing = self._read_respondent_id()
            if existing is not None:
                return existing
            raise
        return fresh

    def respondent_id_for(self, naam: str | None, provisional: str | None = None) -> str:
        """The respondent id of the person with this name; made and kept the first time a name is used.

        No name: :meth:`respondent_id`. A name is compared as
        :func:`~ictbekwaam.model.result.name_key` says ("Sam" and " sam " are one
        person). A new name gets the folder's id while no name has it yet, else
        ``provisional`` (the draft's id) when nobody else has that, else a
        fresh id. See :mod:`ictbekwaam.files.respondents`.
        """
        key = name_key(naam)
        existing = self._read_respondent_id()
        if not key:
            return existing if existing is not None else self._make_respondent_id()
        table = respondents.read_table(self.names_path)
        upgraded = False
        if table is None:
            table = respondents.NameTable()
            if existing is not None:  # a folder of an earlier version: the id stays with its first name
                first = respondents.first_name_with(existing, self._own_results())
                if first is not None:
                    respondents.choose_id(table, first, existing, None, existing)
                    # Kept now: the old results that told whose id it is may be handed in and gone next time.
                    upgraded = True
        folder_id = existing if existing is not None else self._make_respondent_id()
        chosen, added = respondents.choose_id(table, key, folder_id, provisional, new_respondent_id())
        if added or upgraded:
            self._ensure_root()
            atomic_write(self.names_path, respondents.encode_table(table), mode=PRIVATE)
        return chosen

    def check_respondent_files(self) -> None:
        """Read ``respondent-id`` and ``respondenten.json`` once: DataError when one is damaged.

        For the start of an assessment: damage must show before the questions, not after them.
        """
        self._read_respondent_id()
        respondents.read_table(self.names_path)

    def with_respondent_id(self, result: Result) -> Result:
        """``result`` with the respondent id of the name in it (:meth:`respondent_id_for`); its id so far is provisional."""
        chosen = self.respondent_id_for(result.respondent.naam, provisional=result.respondent.id)
        if chosen == result.respondent.id:
            return result
        return msgspec.structs.replace(result, respondent=msgspec.structs.replace(result.respondent, id=chosen))

    def _own_results(self) -> list[Path]:
        """The drafts and the results in this folder's own ``resultaten/``, oldest name first (for the migration)."""
        folder = self.root / RESULTS_DIR
        try:
            found = sorted(p for p in folder.glob("zelfevaluatie-*.json") if not p.name.startswith("."))
        except OSError:
            found = []
        return [*self.previous_drafts(), self.draft_path, *found]

    def _read_respondent_id(self) -> str | None:
        path = self.respondent_path
        data = read_bytes(path, limit=_RESPONDENT_MAX_BYTES, what="een respondent-id", missing_ok=True)
        if data is None:
            return None
        # Any bytes that are not one id are damage: the message below says what to do.
        text = data.decode("utf-8", errors="replace").strip()
        if not is_respondent_id(text):
            raise DataError(
                Place(path),
                "dit bestand hoort één respondent-id te bevatten (r- en 32 tekens) maar is beschadigd; "
                "verwijder het, dan maakt ictbekwaam een nieuwe",
            )
        return text

    # --- draft -------------------------------------------------------------
    def lock_drafts(self) -> SessionLock | None:
        """Lock ``concept.json`` and the set-aside drafts for this session, without waiting.

        None when another session (process) holds the lock. Hold it from before the
        draft is read until the session ends; see :mod:`ictbekwaam.files.lock`.
        """
        self._ensure_root()
        return lock_session(self.lock_path)

    def has_draft(self) -> bool:
        """Whether a draft exists."""
        return self.draft_path.is_file()

    def load_draft(self) -> Result | None:
        """The draft, or None when there is none; DataError (Dutch) when it is damaged."""
        path = self.draft_path
        data = read_bytes(path, limit=MAX_RESULT_BYTES, what="een concept", missing_ok=True)
        if data is None:
            return None
        return decode(data, path)

    def save_draft(self, result: Result) -> Path:
        """Write the draft atomically (mode 0600), replacing the previous draft."""
        self._ensure_root()
        return atomic_write(self.draft_path, encode(result), mode=PRIVATE)

    def set_draft_aside(self) -> Path | None:
        """Keep the current draft under a new name of its own; None if there is no draft.

        The name is ``concept.vorige-<datum>-<tijd>.json`` (with ``-2``, ``-3`` ...
        when a draft was set aside in the same second). An earlier set-aside draft is
        never replaced: each time the teacher starts anew, one more file is kept.
        """
        if not self.draft_path.exists():
            return None
        stem = f"{PREVIOUS_DRAFT_PREFIX}{now().strftime('%Y-%m-%d-%H%M%S')}"
        for number in range(1, _NAME_ATTEMPTS + 1):
            target = self.root / (f"{stem}.json" if number == 1 else f"{stem}-{number}.json")
            try:
                place_new(self.draft_path, target)  # never replaces: a name that exists is the next attempt
                self.draft_path.unlink(missing_ok=True)
            except FileExistsError:
                continue
            except OSError as exc:
                raise IctbekwaamError(f"{self.draft_path}: kan het concept niet opzijzetten ({os_reason(exc)})") from None
            return target
        raise IctbekwaamError(f"{self.root}: kon geen nieuwe bestandsnaam vinden om het concept opzij te zetten")

    def remove_draft(self) -> None:
        """Delete the draft (after its result has been saved)."""
        try:
            self.draft_path.unlink(missing_ok=True)
        except OSError as exc:
            raise IctbekwaamError(f"{self.draft_path}: kan het concept niet verwijderen ({os_reason(exc)})") from None

    # --- results -----------------------------------------------------------
    def save_result(self, result: Result) -> Path:
        """Write a finished result to a new file in :attr:`results_dir`; never overwrite.

        The name is ``zelfevaluatie-<date>-<time>-<random>.json``; when that name
        exists, another random suffix is tried.
        """
        folder = self.results_dir
        if folder.exists() and not folder.is_dir():
            raise IctbekwaamError(f"{folder}: dit is een bestand, geen map; kies met --out een map")
        if folder == self.root / RESULTS_DIR:
            self._ensure_root()
        try:
            # Private like the data folder: a folder made for --out holds nothing but results.
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise IctbekwaamError(f"{folder}: kan de map niet maken ({os_reason(exc)})") from None
        data = encode(result)
        stamp = now()
        for _ in range(_NAME_ATTEMPTS):
            path = folder / result_file_name(stamp, secrets.token_hex(3))
            try:
                return atomic_write(path, data, mode=PRIVATE, exclusive=True)
            except FileExistsError:
                continue
        raise IctbekwaamError(f"{folder}: kon geen nieuwe bestandsnaam vinden voor het resultaat")


_SET_ASIDE_NAME = re.compile(r"concept\.vorige-(\d{4}-\d\d-\d\d-\d{6})(?:-(\d+))?\.json")


def _set_aside_order(path: Path) -> tuple[str, int, str]:
    """Oldest first: by the time in the name, then ``-2``, ``-3`` (a name not made by ictbekwaam last)."""
    match = _SET_ASIDE_NAME.fullmatch(path.name)
    if match is None:
        return ("~", 0, path.name)
    return (match.group(1), int(match.group(2) or 1), path.name)
