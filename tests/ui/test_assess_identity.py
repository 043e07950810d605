"""Two teachers on one computer are two respondents: ``assess`` settles the id when the name is known."""

from __future__ import annotations

import pytest

from ictbekwaam.errors import DataError
from ictbekwaam.files.results import read_result
from ictbekwaam.files.storage import Store
from ictbekwaam.ui.assess import run_assess

RESUME_AND_SAVE = ["1", "1"]  # "Verdergaan waar ik was", then "Opslaan en afronden" in the overview


def answers(kader, naam):
    """One value per step, as the walk leaves them: a draft of these stands at the overview."""
    values = [naam, "OBS De Brug", "", "po", "leraar"] + ["ja"] * len(kader.basisvaardigheden.items)
    for kerntaak in kader.kerntaken:
        values += [3] * len(kerntaak.items) + [None]  # no own example
    return values


def finish(kader, teacher, draft_of, naam):
    """Assess to the end with this name; the saved result."""
    draft_of(answers(kader, naam))
    ui = teacher(list(RESUME_AND_SAVE))
    outcome = run_assess(kader, Store(), ui)
    assert ui.script == [] and outcome.path is not None
    return read_result(outcome.path)


def test_two_names_in_one_data_folder_are_two_respondents(kader, teacher, draft_of, data_dir):
    sam = finish(kader, teacher, draft_of, "Sam")
    kim = finish(kader, teacher, draft_of, "Kim")
    sam_again = finish(kader, teacher, draft_of, "  SAM ")
    anonymous = finish(kader, teacher, draft_of, "")
    assert sam.respondent.id != kim.respondent.id
    assert sam_again.respondent.id == sam.respondent.id
    # No name: the folder's id, as before; the first name (Sam) has it too.
    assert anonymous.respondent.id == sam.respondent.id == (data_dir / "respondent-id").read_text().strip()
    assert "Kim" not in (data_dir / "respondenten.json").read_text()


def test_the_draft_carries_a_provisional_id_until_the_end(kader, teacher, draft_of, data_dir):
    finish(kader, teacher, draft_of, "Sam")
    draft = draft_of(answers(kader, "Kim"))
    assert draft.respondent.id == Store().respondent_id()  # provisional: the name may still change
    kim = finish(kader, teacher, draft_of, "Kim")
    assert kim.respondent.id != draft.respondent.id
    assert not (data_dir / "concept.json").exists()


def test_a_damaged_respondent_table_is_named_before_any_question(kader, teacher, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "respondenten.json").write_text("kapot")
    ui = teacher([])
    with pytest.raises(DataError) as error:
        run_assess(kader, Store(), ui)
    assert "respondenten.json: dit bestand hoort bij elke naam een respondent-id te bewaren" in str(error.value)
    assert ui.seen() == ""  # not even the welcome
