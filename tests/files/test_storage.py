"""The user's data folder: draft, results, respondent id; private, atomic, never overwriting."""

from __future__ import annotations

import re
import stat
from datetime import datetime, timezone
from pathlib import Path

import msgspec
import pytest

from ictbekwaam.files import storage
from ictbekwaam.errors import DataError, IctbekwaamError
from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import Respondent, decode, new_result
from ictbekwaam.files.storage import Store, result_file_name, user_data_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_dir_from_the_environment(data_dir, monkeypatch, tmp_path):
    assert user_data_dir() == data_dir
    assert Store().root == data_dir
    assert Store().results_dir == data_dir / "resultaten"
    assert Store().draft_path == data_dir / "concept.json"
    monkeypatch.delenv("ICTBEKWAAM_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert user_data_dir() == tmp_path / "xdg" / "ictbekwaam"


def test_respondent_id_is_made_once_and_kept(data_dir):
    first = Store().respondent_id()
    assert first.startswith("r-") and len(first) == 34
    assert Store().respondent_id() == first
    path = data_dir / "respondent-id"
    assert path.read_text() == first + "\n"
    assert mode(path) == 0o600
    assert mode(data_dir) == 0o700


def test_a_damaged_respondent_id_is_a_clear_error(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "respondent-id").write_text("kapot")
    with pytest.raises(DataError) as error:
        Store().respondent_id()
    assert "respondent-id" in str(error.value) and "verwijder het" in str(error.value)


def test_draft_round_trip_is_private(kader, data_dir):
    store = Store()
    assert store.load_draft() is None and not store.has_draft()
    draft = msgspec.structs.replace(new_result(kader, store.respondent_id()), answers={"BV1": "ja"}, position=6)
    store.save_draft(draft)
    assert mode(store.draft_path) == 0o600
    assert store.load_draft() == draft
    store.save_draft(msgspec.structs.replace(draft, answers={}))
    assert store.load_draft().answers == {}
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_a_damaged_draft_is_a_dutch_error(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "concept.json").write_text('{"schema": "ictbekwaam/result", "answers": ')
    with pytest.raises(DataError) as error:
        Store().load_draft()
    assert "concept.json" in str(error.value)
    assert "afgebroken" in str(error.value)


def test_set_draft_aside_and_remove(kader, data_dir):
    store = Store()
    assert store.set_draft_aside() is None
    store.save_draft(new_result(kader, store.respondent_id()))
    aside = store.set_draft_aside()
    assert aside.parent == data_dir and aside.exists()
    assert re.fullmatch(r"concept\.vorige-\d{4}-\d\d-\d\d-\d{6}\.json", aside.name)
    assert not store.has_draft()
    assert store.previous_drafts() == [aside]
    store.save_draft(new_result(kader, store.respondent_id()))
    store.remove_draft()
    store.remove_draft()  # twice is fine
    assert not store.has_draft()


def test_result_file_name_is_made_by_the_tool():
    stamp = datetime(2025, 11, 22, 10, 15, 30, tzinfo=timezone.utc)
    assert result_file_name(stamp, "3f9a2c") == "zelfevaluatie-2025-11-22-101530-3f9a2c.json"
    for bad in ("../x", "", "ZZ", "a/b"):
        with pytest.raises(ValueError):
            result_file_name(stamp, bad)


def test_results_are_private_and_never_overwritten(kader, data_dir, monkeypatch):
    store = Store()
    result = new_result(kader, store.respondent_id())
    fixed = datetime(2025, 11, 22, 10, 15, 30, tzinfo=timezone.utc)
    monkeypatch.setattr(storage, "now", lambda: fixed)
    suffixes = iter(["aaaaaa", "aaaaaa", "bbbbbb"])
    monkeypatch.setattr(storage.secrets, "token_hex", lambda n: next(suffixes))
    first = store.save_result(result)
    assert first.name == "zelfevaluatie-2025-11-22-101530-aaaaaa.json"
    first.write_text("iets anders")  # pretend: somebody's file with that name
    second = store.save_result(result)
    assert second.name == "zelfevaluatie-2025-11-22-101530-bbbbbb.json"
    assert first.read_text() == "iets anders"  # untouched
    assert mode(second) == 0o600
    assert read_result(second) == result
    assert mode(data_dir / "resultaten") == 0o700


def test_no_free_name_is_an_error_not_an_overwrite(kader, monkeypatch, tmp_path):
    store = Store(results_dir=tmp_path)
    monkeypatch.setattr(storage, "now", lambda: datetime(2025, 1, 1, tzinfo=timezone.utc))
    monkeypatch.setattr(storage.secrets, "token_hex", lambda n: "cccccc")
    taken = tmp_path / "zelfevaluatie-2025-01-01-000000-cccccc.json"
    taken.write_text("bezet")
    with pytest.raises(IctbekwaamError):
        store.save_result(new_result(kader, "r-" + "1" * 32))
    assert taken.read_text() == "bezet"


def test_out_dir_is_created_and_a_file_is_refused(kader, tmp_path):
    out = tmp_path / "nieuw" / "map"
    path = Store(results_dir=out).save_result(new_result(kader, "r-" + "1" * 32))
    assert path.parent == out
    not_a_dir = tmp_path / "bestand"
    not_a_dir.write_text("x")
    with pytest.raises(IctbekwaamError) as error:
        Store(results_dir=not_a_dir).save_result(new_result(kader, "r-" + "1" * 32))
    assert "geen map" in str(error.value)


def test_a_second_set_aside_draft_never_replaces_the_first(kader, data_dir, monkeypatch):
    """Two drafts set aside in the same second (and an old concept.vorige.json) are all kept."""
    stamp = datetime(2026, 11, 25, 10, 15, 30, tzinfo=timezone.utc)
    monkeypatch.setattr(storage, "now", lambda: stamp)
    store = Store()
    store._ensure_root()
    legacy = data_dir / "concept.vorige.json"
    legacy.write_bytes(b"older version's draft")
    names = []
    for naam in ("Eerste", "Tweede", "Derde"):
        store.save_draft(msgspec.structs.replace(new_result(kader, store.respondent_id()), respondent=Respondent(id=store.respondent_id(), naam=naam)))
        names.append(store.set_draft_aside().name)
    assert names == [
        "concept.vorige-2026-11-25-101530.json",
        "concept.vorige-2026-11-25-101530-2.json",
        "concept.vorige-2026-11-25-101530-3.json",
    ]
    assert [decode((data_dir / n).read_bytes(), data_dir / n).respondent.naam for n in names] == ["Eerste", "Tweede", "Derde"]
    assert legacy.read_bytes() == b"older version's draft"
    assert [p.name for p in store.previous_drafts()] == ["concept.vorige.json", *names]
    assert (data_dir / names[0]).stat().st_mode & 0o777 == 0o600


def test_set_aside_without_hard_links_still_never_replaces(kader, data_dir, monkeypatch):
    """On a file system without hard links the name is checked before the rename."""
    def no_links(source, target):
        raise PermissionError(1, "Operation not permitted")

    stamp = datetime(2026, 11, 25, 10, 15, 30, tzinfo=timezone.utc)
    monkeypatch.setattr(storage, "now", lambda: stamp)
    monkeypatch.setattr(storage.os, "link", no_links)
    store = Store()
    store.save_draft(new_result(kader, store.respondent_id()))
    first = store.set_draft_aside()
    first_bytes = first.read_bytes()
    store.save_draft(new_result(kader, store.respondent_id()))
    second = store.set_draft_aside()
    assert first != second and first.read_bytes() == first_bytes and second.exists()
    assert not store.has_draft()
