"""Every flow of the interactive assessment, with real keystrokes into real questionary prompts.

The keys go through prompt_toolkit's pipe input (``create_pipe_input``) into the
menus and text fields of :class:`ictbekwaam.ui.prompts.MenuUi`; nothing of the walk
is mocked. What the teacher would see on screen (besides the menus) is captured
from the rich console.
"""

from __future__ import annotations

import io
import json
import stat
from contextlib import contextmanager

import jsonschema
import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from ictbekwaam.errors import Cancelled
from ictbekwaam.ui.prompts import MenuUi
from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import json_schema
from ictbekwaam.files.storage import Store
from ictbekwaam.ui.assess import run_assess

ENTER = "\r"
ESC = "\x1b"
CTRL_C = "\x03"

BV = 10
A, B, C = 14, 4, 5


def pick(key: str) -> str:
    """Choose the menu entry with this shortcut key."""
    return key + ENTER


def typed(text: str) -> str:
    """Type a line of text into a text field."""
    return text + ENTER


CONTEXT = typed("Sam") + typed("OBS De Brug") + typed("") + pick("1") + typed("leraar")
START = ENTER  # "Beginnen" is the first choice


def full_keys() -> str:
    """A whole assessment: every answer given, an own example for kerntaak A."""
    return (
        START
        + CONTEXT
        + pick("1") * BV  # basisvaardigheden: ja
        + pick("3") * A  # kerntaak A: 3
        + typed("Instructievideo's voor rekenen") + typed("Leerlingen kijken thuis terug")
        + pick("4") * B
        + typed("")  # no own example for B
        + pick("2") * C
        + typed("")
        + pick("1")  # overview: opslaan en afronden
    )


@pytest.fixture
def screen(monkeypatch):
    """A console that records what the teacher sees (100 columns, no colour)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "100")
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, highlight=False)
    return console, buffer


@contextmanager
def keyboard(keys: str):
    """Run prompts inside an app session that reads ``keys`` from a pipe."""
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(keys)
            yield inp


def seen(screen) -> str:
    """What was on screen, with line wrapping undone (one space between words)."""
    return " ".join(screen[1].getvalue().split())


def run(keys: str, screen, store: Store | None = None, **kwargs):
    console, _ = screen
    store = store or Store()
    with keyboard(keys):
        return run_assess(kwargs.pop("kader"), store, MenuUi(console), **kwargs)


def test_full_assessment_saves_a_complete_valid_private_result(kader, screen, data_dir):
    outcome = run(full_keys(), screen, kader=kader)
    assert outcome.path is not None
    path = outcome.path
    assert path.parent == data_dir / "resultaten"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text())
    jsonschema.validate(document, json_schema())
    result = read_result(path)
    assert result.complete is True
    assert result.respondent.naam == "Sam"
    assert (result.context.school, result.context.team, result.context.sector, result.context.rol) == (
        "OBS De Brug",
        None,
        "po",
        "leraar",
    )
    assert len(result.answers) == 33
    assert all(result.answers[f"BV{i}"] == "ja" for i in range(1, BV + 1))
    assert all(result.answers[f"A{i}"] == 3 for i in range(1, A + 1))
    assert all(result.answers[f"B{i}"] == 4 for i in range(1, B + 1))
    assert all(result.answers[f"C{i}"] == 2 for i in range(1, C + 1))
    assert list(result.answers)[:3] == ["BV1", "BV2", "BV3"]  # kader order
    assert set(result.evidence) == {"A"}
    assert result.evidence["A"].voorbeeld == "Instructievideo's voor rekenen"
    assert result.evidence["A"].meerwaarde == "Leerlingen kijken thuis terug"
    assert result.created_at.tzinfo is not None and result.updated_at >= result.created_at
    # The respondent id is kept for later assessments; the draft is gone.
    assert (data_dir / "respondent-id").read_text().strip() == result.respondent.id
    assert not (data_dir / "concept.json").exists()
    # What the teacher saw: welcome, progress, the end screen with the path.
    shown = seen(screen)
    assert "ongeveer 15 minuten" in shown
    assert str(data_dir / "concept.json") in shown
    assert "Digitale basisvaardigheden · vraag 7 van 33" in shown
    assert "Kerntaak C: Professionele ontwikkeling · vraag 33 van 33" in shown
    assert "Klaar! Je zelfevaluatie is opgeslagen." in shown
    # ... and the gap profile: A on target, C (all 2) one level short, C first to work on.
    assert "op doel 10 van 10 (100%)" in shown
    assert "gem. 3,0 van 4 · op doel 14 van 14 (100%) · tekort 0" in shown
    assert "gem. 2,0 van 4 · op doel 0 van 5 (0%) · tekort 5" in shown
    assert "Wat nu? Je belangrijkste ontwikkelpunten 1. C1 " in shown
    assert str(path) in shown
    assert f"ictbekwaam pop {path} -o pop.md" in shown


def test_a_second_assessment_reuses_the_respondent_id_and_never_overwrites(kader, screen, data_dir):
    first = run(full_keys(), screen, kader=kader).path
    second = run(full_keys(), screen, kader=kader).path
    assert first != second and first.exists() and second.exists()
    assert read_result(first).respondent.id == read_result(second).respondent.id


def test_back_with_a_choice_and_with_esc_changes_earlier_answers(kader, screen):
    keys = (
        START
        + typed("Sam")
        + ESC + "x"  # Esc in the school field: back to the name; then type more
        + typed("ine")  # the name field is prefilled with "Sam": "Samxine"
        + typed("School") + typed("") + pick("2") + typed("")
        + pick("1")  # BV1 ja
        + pick("v")  # BV2: "Vorige vraag" -> BV1 again
        + pick("3")  # BV1 now nee
        + pick("2")  # BV2 deels
        + ESC + "2" + ENTER  # BV3: Esc -> back to BV2, choose deels again (via shortcut 2)
        + pick("1") * (BV - 2)  # BV3..BV10
        + pick("3") * A + typed("")
        + pick("3") * B + typed("")
        + pick("3") * C + typed("")
        + pick("1")
    )
    result = read_result(run(keys, screen, kader=kader).path)
    assert result.respondent.naam == "Samxine"
    assert result.context.sector == "vo"
    assert result.answers["BV1"] == "nee"
    assert result.answers["BV2"] == "deels"
    assert result.answers["BV3"] == "ja"
    assert "terug naar de vorige vraag" in seen(screen)


def test_explanation_on_request(kader, screen, data_dir):
    keys = START + CONTEXT + pick("t") + pick("1") + CTRL_C
    with pytest.raises(Cancelled):
        run(keys, screen, kader=kader)
    shown = seen(screen)
    assert "Toelichting" in shown
    assert kader.item("BV1").toelichting in shown
    # Asking for the explanation is not an answer; choosing afterwards is.
    assert Store().load_draft().answers == {"BV1": "ja"}


def test_skipped_questions_are_open_and_can_be_answered_from_the_overview(kader, screen):
    keys = (
        START
        + CONTEXT
        + pick("o")  # skip BV1
        + pick("1") * (BV - 1)
        + pick("o")  # skip A1
        + pick("3") * (A - 1) + typed("")
        + pick("3") * B + typed("")
        + pick("3") * C + typed("")
        + pick("3")  # overview: "De open vragen nu beantwoorden (2)"
        + pick("2")  # BV1 deels
        + pick("4")  # A1 4
        + pick("1")  # back at the overview: save
    )
    outcome = run(keys, screen, kader=kader)
    result = read_result(outcome.path)
    assert result.answers["BV1"] == "deels"
    assert result.answers["A1"] == 4
    assert len(result.answers) == 33
    shown = seen(screen)
    assert "Nog open (2): BV1, A1" in shown
    assert "Alle vragen zijn beantwoord." in shown


def test_saving_with_open_questions_asks_first_and_keeps_them_absent(kader, screen):
    keys = (
        START
        + CONTEXT
        + pick("o") * BV
        + pick("o") * A + typed("")
        + pick("o") * B + typed("")
        + pick("2") + pick("o") * (C - 1) + typed("")
        + pick("1")  # opslaan
        + pick("3")  # "Terug naar het overzicht"
        + pick("1")  # opslaan
        + pick("2")  # "Ja, opslaan; de open vragen blijven leeg"
    )
    result = read_result(run(keys, screen, kader=kader).path)
    assert result.answers == {"C1": 2}
    assert result.complete is True
    assert "Nog open (32)" in seen(screen)


def test_any_answer_can_be_changed_in_the_overview(kader, screen):
    keys = (
        full_keys()[: -len(pick("1"))]  # everything up to the overview
        + pick("2")  # Een antwoord wijzigen
        + pick("4")  # Kerntaak B
        + pick("3")  # B3
        + pick("1")  # B3 -> 1
        + pick("2") + pick("1") + pick("1")  # Over jou -> Naam
        + typed("\x7f" * 3 + "Pseudoniem")  # erase "Sam", type another name
        + pick("2") + pick("3") + pick("1") + pick("1")  # Kerntaak A -> A1 -> 1; back to the overview
        + pick("1")  # save
    )
    result = read_result(run(keys, screen, kader=kader).path)
    assert result.answers["B3"] == 1
    assert result.answers["B2"] == 4
    assert result.respondent.naam == "Pseudoniem"
    assert result.answers["A1"] == 1
    assert result.evidence["A"].voorbeeld == "Instructievideo's voor rekenen"


def test_ctrl_c_halfway_keeps_a_valid_draft_and_resuming_keeps_every_answer(kader, screen, data_dir):
    first_half = START + CONTEXT + pick("2") * BV + pick("4") * 3 + CTRL_C
    with pytest.raises(Cancelled) as stopped:
        run(first_half, screen, kader=kader)
    assert stopped.value.exit_code == 130
    assert str(data_dir / "concept.json") in stopped.value.message
    assert "ictbekwaam assess --resume" in stopped.value.message
    draft_path = data_dir / "concept.json"
    assert stat.S_IMODE(draft_path.stat().st_mode) == 0o600
    jsonschema.validate(json.loads(draft_path.read_text()), json_schema())
    draft = read_result(draft_path)
    assert draft.complete is False
    assert draft.answers == {**{f"BV{i}": "deels" for i in range(1, BV + 1)}, "A1": 4, "A2": 4, "A3": 4}
    assert draft.respondent.naam == "Sam"

    # Start again: offered to continue (first choice), at A4.
    second_half = (
        pick("1")
        + pick("1") * (A - 3) + typed("")
        + pick("1") * B + typed("")
        + pick("1") * C + typed("")
        + pick("1")
    )
    outcome = run(second_half, screen, kader=kader)
    result = read_result(outcome.path)
    assert {k: result.answers[k] for k in draft.answers} == draft.answers
    assert result.answers["A4"] == 1 and result.answers["C5"] == 1
    assert result.respondent == draft.respondent
    assert result.context == draft.context
    assert result.created_at == draft.created_at
    shown = seen(screen)
    assert "nog niet af is" in shown and "13 van 33 vragen beantwoord" in shown
    assert "vraag 14 van 33" in shown


def test_resume_flag_continues_without_asking(kader, screen):
    with pytest.raises(Cancelled):
        run(START + CONTEXT + pick("3") + CTRL_C, screen, kader=kader)
    rest = pick("3") * (BV - 1) + pick("2") * A + typed("") + pick("2") * B + typed("") + pick("2") * C + typed("") + pick("1")
    result = read_result(run(rest, screen, kader=kader, start="resume").path)
    assert result.answers["BV1"] == "nee" and result.answers["BV10"] == "nee"


def test_new_flag_sets_the_old_draft_aside_and_starts_fresh(kader, screen, data_dir):
    with pytest.raises(Cancelled):
        run(START + CONTEXT + pick("3") * 2 + CTRL_C, screen, kader=kader)
    with pytest.raises(Cancelled):
        run(START + typed("Nieuw") + CTRL_C, screen, kader=kader, start="new")
    previous = read_result(data_dir / "concept.vorige.json")
    assert previous.answers == {"BV1": "nee", "BV2": "nee"}
    fresh = Store().load_draft()
    assert fresh.answers == {} and fresh.respondent.naam == "Nieuw"
    assert fresh.respondent.id == previous.respondent.id


def test_choosing_new_in_the_offer_starts_fresh(kader, screen, data_dir):
    with pytest.raises(Cancelled):
        run(START + CONTEXT + pick("3") + CTRL_C, screen, kader=kader)
    with pytest.raises(Cancelled):
        run(pick("2") + START + typed("Ander") + CTRL_C, screen, kader=kader)
    assert Store().load_draft().respondent.naam == "Ander"
    assert read_result(data_dir / "concept.vorige.json").answers == {"BV1": "nee"}


def test_stopping_in_the_offer_changes_nothing(kader, screen, data_dir):
    with pytest.raises(Cancelled):
        run(START + CONTEXT + pick("3") + CTRL_C, screen, kader=kader)
    before = (data_dir / "concept.json").read_bytes()
    outcome = run(pick("3"), screen, kader=kader)
    assert outcome.path is None
    assert (data_dir / "concept.json").read_bytes() == before


def test_stopping_at_the_welcome_writes_nothing(kader, screen, data_dir):
    outcome = run(pick("2"), screen, kader=kader)
    assert outcome.path is None
    assert not data_dir.exists() or list(data_dir.iterdir()) == []
    assert "Tot een volgende keer." in seen(screen)


def test_ctrl_c_at_the_welcome_says_nothing_was_saved(kader, screen, data_dir):
    with pytest.raises(Cancelled) as stopped:
        run(CTRL_C, screen, kader=kader)
    assert stopped.value.exit_code == 130
    assert "Er is nog niets opgeslagen." in stopped.value.message
    assert not (data_dir / "concept.json").exists()


def test_ctrl_c_in_a_text_field_keeps_the_draft(kader, screen):
    with pytest.raises(Cancelled):
        run(START + typed("Sam") + "half getypt" + CTRL_C, screen, kader=kader)
    draft = Store().load_draft()
    assert draft.respondent.naam == "Sam"
    assert draft.position == 1  # at the school question


def test_closed_input_keeps_the_draft_and_stops(kader, screen, data_dir):
    console, _ = screen
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(START + CONTEXT + pick("1"))
            inp.close()
            with pytest.raises(Cancelled) as stopped:
                run_assess(kader, Store(), MenuUi(console))
    assert stopped.value.exit_code == 130
    assert Store().load_draft().answers == {"BV1": "ja"}


def test_stopping_in_the_overview_keeps_the_draft_at_the_overview(kader, screen, data_dir):
    keys = full_keys()[: -len(pick("1"))] + pick("3")  # nothing open: 3 is "Stoppen en later verdergaan"
    outcome = run(keys, screen, kader=kader)
    assert outcome.path is None
    draft = Store().load_draft()
    assert len(draft.answers) == 33 and draft.complete is False
    assert "ictbekwaam assess --resume" in seen(screen)
    # Continuing goes straight to the overview; saving there finishes.
    outcome = run(pick("1") + pick("1"), screen, kader=kader)
    assert read_result(outcome.path).answers == draft.answers
    assert not (data_dir / "concept.json").exists()


def test_harmless_names_are_only_text(kader, screen, data_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    keys = (
        START
        + typed("../../x")
        + typed("$(rm -rf ~)")
        + typed("`touch pwned`; [bold]x[/bold]")
        + pick("3")
    )
    with pytest.raises(Cancelled):
        run(keys + CTRL_C, screen, kader=kader)
    draft = Store().load_draft()
    assert draft.respondent.naam == "../../x"
    assert draft.context.school == "$(rm -rf ~)"
    assert draft.context.team == "`touch pwned`; [bold]x[/bold]"
    assert list(tmp_path.iterdir()) == []
    assert sorted(p.name for p in data_dir.iterdir()) == ["concept.json", "respondent-id"]


def test_out_dir_holds_the_result(kader, screen, tmp_path):
    out = tmp_path / "mijn resultaten"
    outcome = run(full_keys(), screen, store=Store(results_dir=out), kader=kader)
    assert outcome.path.parent == out
    assert outcome.path.name.startswith("zelfevaluatie-") and outcome.path.suffix == ".json"


def test_a_damaged_draft_is_explained_and_new_sets_it_aside(kader, screen, data_dir):
    from ictbekwaam.errors import DataError

    data_dir.mkdir(parents=True)
    (data_dir / "concept.json").write_text('{"schema": "ictbekwaam/result", "answ')
    with pytest.raises(DataError) as error:
        run("", screen, kader=kader)
    assert "afgebroken" in str(error.value)
    assert "ictbekwaam assess --new" in str(error.value)
    with pytest.raises(Cancelled):
        run(START + typed("Opnieuw") + CTRL_C, screen, kader=kader, start="new")
    assert (data_dir / "concept.vorige.json").read_text().startswith('{"schema"')
    assert Store().load_draft().respondent.naam == "Opnieuw"


def test_a_draft_of_another_kader_version_continues_with_a_note(kader, screen, data_dir):
    import msgspec

    from ictbekwaam.model.result import KaderRef, new_result

    store = Store()
    old = msgspec.structs.replace(
        new_result(kader, store.respondent_id()),
        kader=KaderRef(id=kader.meta.id, versie="0.9.0", hash="sha256:" + "0" * 64),
        answers={"BV1": "ja", "A1": 9},
        position=5,
    )
    store.save_draft(old)
    with pytest.raises(Cancelled):
        run(pick("1") + CTRL_C, screen, kader=kader)
    assert "andere versie van het kader (0.9.0)" in seen(screen)
    draft = store.load_draft()
    assert draft.answers == {"BV1": "ja"}
    assert draft.kader.versie == kader.meta.versie
