"""Stopping and going on: Ctrl-C, closed input or terminal, the offer to resume, --resume and --new.

Through the scripted teacher of ``tests/ui/conftest.py``, with a real
:class:`~ictbekwaam.files.storage.Store` in a temporary folder.
"""

from __future__ import annotations

import json
import stat

import jsonschema
import pytest

from ictbekwaam.errors import Cancelled
from ictbekwaam.files.storage import Store
from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import json_schema
from ictbekwaam.ui.assess import Hangup
from assess_keys import A, B, BV, C, CONTEXT, CTRL_C, FULL_ANSWERS, QUESTIONS, RESUME, START, ids, run


def test_ctrl_c_halfway_keeps_a_valid_draft_and_resuming_keeps_every_answer(kader, teacher, data_dir):
    ui = teacher(START + CONTEXT + ["2"] * BV + ["4"] * 3 + [CTRL_C])
    with pytest.raises(Cancelled) as stopped:
        run(kader, ui)
    assert stopped.value.exit_code == 130
    assert str(data_dir / "concept.json") in stopped.value.message
    assert "ictbekwaam assess --resume" in stopped.value.message
    draft_path = data_dir / "concept.json"
    assert stat.S_IMODE(draft_path.stat().st_mode) == 0o600
    jsonschema.validate(json.loads(draft_path.read_text()), json_schema())
    draft = read_result(draft_path)
    assert draft.complete is False
    first_a = ids(kader, "A")[:4]  # three answered, stopped at the fourth
    assert draft.answers == {**{i: "deels" for i in ids(kader, "BV")}, **{i: 4 for i in first_a[:3]}}
    assert draft.respondent.naam == "Sam"

    # Start again: offered to continue (first choice), at the fourth statement of A.
    ui.feed("1", *["1"] * (A - 3), "", *["1"] * B, "", *["1"] * C, "", "1")
    outcome = run(kader, ui)
    result = read_result(outcome.path)
    assert {k: result.answers[k] for k in draft.answers} == draft.answers
    assert result.answers[first_a[3]] == 1 and result.answers["C5"] == 1
    assert result.respondent == draft.respondent
    assert result.context == draft.context
    assert result.created_at == draft.created_at
    shown = ui.seen()
    assert "nog niet af is" in shown and f"{BV + 3} van {QUESTIONS} vragen beantwoord" in shown
    assert f"vraag {BV + 4} van {QUESTIONS}" in shown


def test_resume_flag_continues_without_asking(kader, teacher):
    with pytest.raises(Cancelled):
        run(kader, teacher(START + CONTEXT + ["3", CTRL_C]))
    rest = ["3"] * (BV - 1) + ["2"] * A + [""] + ["2"] * B + [""] + ["2"] * C + [""] + ["1"]
    ui = teacher(rest)
    result = read_result(run(kader, ui, start="resume").path)
    assert result.answers["BV1"] == "nee" and result.answers["BV10"] == "nee"
    assert f"Welkom terug. Je gaat verder waar je was (1 van {QUESTIONS} vragen beantwoord)." in ui.seen()


def test_resume_flag_without_a_draft_starts_a_new_one(kader, teacher):
    ui = teacher(START + [CTRL_C])
    with pytest.raises(Cancelled):
        run(kader, ui, start="resume")
    assert "Er is geen onafgemaakte zelfevaluatie om mee verder te gaan; je begint een nieuwe." in ui.seen()
    assert Store().load_draft().answers == {}


def test_new_flag_sets_the_old_draft_aside_and_starts_fresh(kader, teacher, data_dir):
    with pytest.raises(Cancelled):
        run(kader, teacher(START + CONTEXT + ["3"] * 2 + [CTRL_C]))
    ui = teacher(START + ["Nieuw", CTRL_C])
    with pytest.raises(Cancelled):
        run(kader, ui, start="new")
    (aside,) = Store().previous_drafts()
    previous = read_result(aside)
    assert previous.answers == {"BV1": "nee", "BV2": "nee"}
    fresh = Store().load_draft()
    assert fresh.answers == {} and fresh.respondent.naam == "Nieuw"
    assert fresh.respondent.id == previous.respondent.id
    assert f"Je vorige concept is bewaard als {aside}." in ui.seen()


def test_a_second_new_keeps_the_first_set_aside_draft_too(kader, teacher, data_dir):
    with pytest.raises(Cancelled):
        run(kader, teacher(START + CONTEXT + ["3", CTRL_C]))
    with pytest.raises(Cancelled):
        run(kader, teacher(START + ["Tweede", CTRL_C]), start="new")
    third = teacher(START + ["Derde", CTRL_C])
    with pytest.raises(Cancelled):
        run(kader, third, start="new")
    first, second = Store().previous_drafts()
    assert read_result(first).answers == {"BV1": "nee"}
    assert read_result(second).respondent.naam == "Tweede"
    assert f"Je vorige concept is bewaard als {second}." in third.seen()
    assert Store().load_draft().respondent.naam == "Derde"


def test_choosing_new_in_the_offer_starts_fresh(kader, teacher, data_dir):
    with pytest.raises(Cancelled):
        run(kader, teacher(START + CONTEXT + ["3", CTRL_C]))
    with pytest.raises(Cancelled):
        run(kader, teacher(["2"] + START + ["Ander", CTRL_C]))
    assert Store().load_draft().respondent.naam == "Ander"
    (aside,) = Store().previous_drafts()
    assert read_result(aside).answers == {"BV1": "nee"}


def test_stopping_in_the_offer_changes_nothing(kader, teacher, data_dir):
    with pytest.raises(Cancelled):
        run(kader, teacher(START + CONTEXT + ["3", CTRL_C]))
    before = (data_dir / "concept.json").read_bytes()
    ui = teacher(["3"])
    outcome = run(kader, ui)
    assert outcome.path is None
    assert (data_dir / "concept.json").read_bytes() == before
    assert f"1 van {QUESTIONS} vragen beantwoord" in ui.seen()
    assert "Tot later. Je concept blijft bewaard; ga verder met: ictbekwaam assess --resume" in ui.seen()


def test_ctrl_c_in_the_offer_keeps_the_draft(kader, teacher, data_dir):
    with pytest.raises(Cancelled):
        run(kader, teacher(START + CONTEXT + ["3", CTRL_C]))
    before = (data_dir / "concept.json").read_bytes()
    with pytest.raises(Cancelled) as stopped:
        run(kader, teacher([CTRL_C]))
    assert stopped.value.exit_code == 130
    assert f"Gestopt. Je concept staat nog in {data_dir / 'concept.json'}." in stopped.value.message
    assert (data_dir / "concept.json").read_bytes() == before


def test_stopping_at_the_welcome_writes_nothing(kader, teacher, data_dir):
    ui = teacher(["2"])
    outcome = run(kader, ui)
    assert outcome.path is None
    assert [(p.name, p.read_bytes()) for p in data_dir.iterdir()] == [("concept.lock", b"")]  # only the lock, let go
    assert "Tot een volgende keer." in ui.seen()


def test_ctrl_c_at_the_welcome_says_nothing_was_saved(kader, teacher, data_dir):
    with pytest.raises(Cancelled) as stopped:
        run(kader, teacher([CTRL_C]))
    assert stopped.value.exit_code == 130
    assert "Er is nog niets opgeslagen." in stopped.value.message
    assert not (data_dir / "concept.json").exists()


def test_ctrl_c_in_a_text_field_keeps_the_draft(kader, teacher):
    with pytest.raises(Cancelled):
        run(kader, teacher(START + ["Sam", CTRL_C]))
    draft = Store().load_draft()
    assert draft.respondent.naam == "Sam"
    assert draft.position == 1  # at the school question


def test_closed_input_keeps_the_draft_and_stops(kader, teacher):
    with pytest.raises(Cancelled) as stopped:
        run(kader, teacher(START + CONTEXT + ["1"]))  # then the input ends
    assert stopped.value.exit_code == 130
    assert Store().load_draft().answers == {"BV1": "ja"}


def test_a_closed_terminal_keeps_the_draft_and_hangs_up(kader, teacher, data_dir):
    with pytest.raises(Hangup):
        run(kader, teacher(START + CONTEXT + ["3"] * 4 + [Hangup()]))
    assert Store().load_draft().answers == {f"BV{i}": "nee" for i in range(1, 5)}
    assert [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_stopping_in_the_overview_keeps_the_draft_at_the_overview(kader, teacher, data_dir, draft_of):
    draft_of(FULL_ANSWERS)
    keys = RESUME + ["3"]  # nothing open: 3 is "Stoppen en later verdergaan"
    ui = teacher(keys)
    outcome = run(kader, ui)
    assert outcome.path is None
    draft = Store().load_draft()
    assert len(draft.answers) == QUESTIONS and draft.complete is False
    assert "ictbekwaam assess --resume" in ui.seen()
    # Continuing goes straight to the overview; saving there finishes.
    outcome = run(kader, teacher(["1", "1"]))
    assert read_result(outcome.path).answers == draft.answers
    assert not (data_dir / "concept.json").exists()
