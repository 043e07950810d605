"""The respondent id follows the person: one id per name in a data folder, the legacy ``respondent-id`` kept."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import timedelta

import msgspec
import pytest

from builders import WHEN, make_result, write_result
from ictbekwaam.errors import DataError
from ictbekwaam.files.storage import Store
from ictbekwaam.model.result import new_result

LEGACY = "r-" + "1e" * 16


def legacy_folder(data_dir, kader, results=()):
    """A data folder as an earlier version left it: one respondent-id, results (naam, days after WHEN) made with it."""
    (data_dir / "resultaten").mkdir(parents=True)
    (data_dir / "respondent-id").write_text(LEGACY + "\n")
    for n, (naam, days) in enumerate(results):
        result = make_result(kader, {}, respondent=LEGACY, naam=naam, when=WHEN + timedelta(days=days))
        write_result(data_dir / "resultaten" / f"zelfevaluatie-2026-0{n + 1}-01-100000-00000{n}.json", result)


def test_two_names_two_ids_the_same_name_one(data_dir):
    store = Store()
    sam = store.respondent_id_for("Sam")
    kim = store.respondent_id_for("Kim")
    assert sam != kim
    assert Store().respondent_id_for(" sam ") == sam and Store().respondent_id_for("KIM") == kim
    # The first name keeps the folder's id, which is also the id for no name (as before).
    assert sam == Store().respondent_id() == Store().respondent_id_for(None) == Store().respondent_id_for("  ")
    assert (data_dir / "respondent-id").read_text() == sam + "\n"


def test_the_table_keeps_no_names_and_is_private(data_dir):
    store = Store()
    ids = {naam: store.respondent_id_for(naam) for naam in ("Sam de Vries", "Kim Jansen", "Renée")}
    path = data_dir / "respondenten.json"
    text = path.read_text()
    for word in ("Sam", "sam", "Vries", "vries", "Kim", "Jansen", "jansen", "Ren"):
        assert word not in text
    table = json.loads(text)
    assert table["schema"] == "ictbekwaam/respondenten" and len(table["salt"]) == 32
    assert sorted(table["ids"].values()) == sorted(ids.values())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")] == []  # written atomically


def test_the_same_name_hashes_differently_in_another_folder(tmp_path):
    one, two = Store(tmp_path / "een"), Store(tmp_path / "twee")
    one.respondent_id_for("Sam")
    two.respondent_id_for("Sam")
    first, second = (json.loads((s.root / "respondenten.json").read_text()) for s in (one, two))
    assert first["salt"] != second["salt"] and set(first["ids"]) != set(second["ids"])


def test_a_new_name_takes_the_drafts_provisional_id_when_it_is_free(data_dir):
    store = Store()
    sam = store.respondent_id_for("Sam")
    provisional = "r-" + "7" * 32
    assert store.respondent_id_for("Kim", provisional=provisional) == provisional
    # Never somebody else's id, never the folder's once a name has it, never something that is no id.
    assert store.respondent_id_for("Lot", provisional=sam) not in (sam, provisional)
    assert store.respondent_id_for("Noor", provisional=provisional) != provisional
    assert store.respondent_id_for("Bo", provisional="kapot").startswith("r-")


def test_with_respondent_id_settles_a_draft(kader, data_dir):
    store = Store()
    first = store.with_respondent_id(new_result(kader, store.respondent_id(), naam="Sam"))
    assert first.respondent.id == store.respondent_id()
    second = store.with_respondent_id(new_result(kader, store.respondent_id(), naam="Kim"))
    assert second.respondent.id != first.respondent.id
    assert second.respondent.naam == "Kim"  # the rest of the result is untouched
    again = new_result(kader, store.respondent_id(), naam="Sam")
    assert store.with_respondent_id(again) is again  # nothing to change


def test_legacy_id_stays_with_the_first_name_used_with_it(kader, data_dir):
    # Anna assessed twice before this version, Bert once after her: all with the one folder id.
    legacy_folder(data_dir, kader, [("Bert", 30), ("Anna", 0), ("Anna", 60)])
    store = Store()
    assert store.respondent_id_for("Bert") != LEGACY  # Bert comes first now, but Anna was first
    assert store.respondent_id_for("anna") == LEGACY
    assert store.respondent_id() == LEGACY == store.respondent_id_for(None)
    assert (data_dir / "respondent-id").read_text() == LEGACY + "\n"  # the file is kept as it was


def test_the_legacy_owner_is_kept_when_their_old_results_are_handed_in(kader, data_dir):
    # Sam, the first name of the folder's id, assesses again; then hands the old results in (moves them away).
    legacy_folder(data_dir, kader, [("Sam", 0)])
    assert Store().respondent_id_for("Sam") == LEGACY
    shutil.rmtree(data_dir / "resultaten")
    assert Store().respondent_id_for("Kim") != LEGACY  # Kim is not Sam: the table remembered whose id it is


def test_legacy_id_without_named_results_goes_to_the_first_name(kader, data_dir):
    legacy_folder(data_dir, kader, [(None, 0)])
    (data_dir / "resultaten" / "zelfevaluatie-2026-09-01-100000-aaaaaa.json").write_text("kapot")  # passed over
    os.mkfifo(data_dir / "concept.json")  # never waited for
    store = Store()
    assert store.respondent_id_for("Kim") == LEGACY
    assert store.respondent_id_for("Sam") != LEGACY


def test_legacy_draft_counts_for_the_first_name(kader, data_dir):
    legacy_folder(data_dir, kader)
    Store().save_draft(msgspec.structs.replace(new_result(kader, LEGACY, naam="Noor"), created_at=WHEN))
    store = Store()
    assert store.respondent_id_for("Sam") != LEGACY
    assert store.respondent_id_for("Noor") == LEGACY


def test_a_damaged_table_is_a_clear_error(data_dir):
    Store().respondent_id_for("Sam")
    path = data_dir / "respondenten.json"
    for damage in ("kapot", '{"schema": "iets anders", "salt": "00", "ids": {}}', json.dumps({"ids": {"x": "r-1"}})):
        path.write_text(damage)
        with pytest.raises(DataError) as error:
            Store().respondent_id_for("Sam")
        assert str(error.value) == (
            f"{path}: dit bestand hoort bij elke naam een respondent-id te bewaren maar is beschadigd; verwijder het, "
            "dan maakt ictbekwaam het opnieuw (een naam kan dan een nieuwe respondent-id krijgen)"
        )
    assert Store().respondent_id_for(None).startswith("r-")  # no name: the table is not needed
