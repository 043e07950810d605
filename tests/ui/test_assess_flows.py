"""Every flow of the interactive assessment, through a scripted teacher (the ``teacher`` fixture).

The walk, the overview, the start and the end run for real, with a real
:class:`~ictbekwaam.files.storage.Store` in a temporary folder; only the user
interface is the fake :class:`ScriptedUi` of ``tests/ui/conftest.py``, which
answers with the keys of a script and records what the teacher would see. The
real menus have smoke tests of their own (test_assess_menus.py, test_assess_pty.py).
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import jsonschema
import pytest

from ictbekwaam.core.interview import Nav
from ictbekwaam.errors import Cancelled
from ictbekwaam.files.storage import Store
from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import json_schema
from ictbekwaam.ui.end import Commands
from ictbekwaam.ui.protocol import LETTER_KEYS
from assess_keys import (
    A, B, BV, C, CONTEXT, CTRL_C, ESC, FULL_ANSWERS, QUESTIONS, RESUME, START, figures, full_keys, ids, run,
)


def test_full_assessment_saves_a_complete_valid_private_result(kader, teacher, data_dir):
    ui = teacher(full_keys())
    outcome = run(kader, ui)
    assert outcome.path is not None
    path = outcome.path
    assert path.parent == data_dir / "resultaten"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text())
    jsonschema.validate(document, json_schema())
    result = read_result(path)
    assert result == outcome.result
    assert result.complete is True
    assert result.respondent.naam == "Sam"
    assert (result.context.school, result.context.team, result.context.sector, result.context.rol) == (
        "OBS De Brug",
        None,
        "po",
        "leraar",
    )
    assert len(result.answers) == QUESTIONS
    assert all(result.answers[i] == "ja" for i in ids(kader, "BV"))
    assert all(result.answers[i] == 3 for i in ids(kader, "A"))
    assert all(result.answers[i] == 4 for i in ids(kader, "B"))
    assert all(result.answers[i] == 2 for i in ids(kader, "C"))
    assert list(result.answers)[:3] == ["BV1", "BV2", "BV3"]  # kader order
    assert set(result.evidence) == {"A"}
    assert result.evidence["A"].voorbeeld == "Instructievideo's voor rekenen"
    assert result.evidence["A"].meerwaarde == "Leerlingen kijken thuis terug"
    assert result.created_at.tzinfo is not None and result.updated_at >= result.created_at
    # The respondent id is kept for later assessments; the draft is gone.
    assert (data_dir / "respondent-id").read_text().strip() == result.respondent.id
    assert not (data_dir / "concept.json").exists()
    # What the teacher saw: welcome, progress, the end screen with the path.
    shown = ui.seen()
    assert "ongeveer 15 minuten" in shown
    assert "Kiezen doe je met de pijltjestoetsen" in shown
    assert str(data_dir / "concept.json") in shown
    assert f"Digitale basisvaardigheden · vraag 7 van {QUESTIONS}" in shown
    assert f"Kerntaak C: Professionele ontwikkeling · vraag {QUESTIONS} van {QUESTIONS}" in shown
    assert "Klaar! Je zelfevaluatie is opgeslagen." in shown
    # ... and the gap profile: A on target (3 reaches every doel), C (all 2) short of each doel 3 but
    # on the doel 2 of a statement only in chapter 4, C first to work on.
    assert f"op doel {BV} van {BV} (100%)" in shown
    assert figures(kader, "A", 3) == f"gem. 3,0 van 4 · op doel {A} van {A} (100%)"
    assert f"{figures(kader, 'A', 3)} A1 " in shown  # nothing to go: no "nog 0 niveaus"
    assert figures(kader, "C", 2) in shown
    assert "Wat nu? Je belangrijkste ontwikkelpunten 1. C1 " in shown
    assert str(path) in shown
    assert f"ictbekwaam pop {path} -o pop.md" in shown
    assert f"ictbekwaam profile {path}" in shown


def test_a_second_assessment_reuses_the_respondent_id_and_never_overwrites(kader, teacher, draft_of):
    draft_of(FULL_ANSWERS)
    first = run(kader, teacher(RESUME + ["1"])).path
    second = run(kader, teacher(full_keys())).path
    assert first != second and first.exists() and second.exists()
    assert read_result(first).respondent.id == read_result(second).respondent.id


def test_back_with_a_choice_and_with_esc_changes_earlier_answers(kader, teacher):
    keys = (
        START
        + ["Sam"]
        + [ESC]  # Esc in the school field: back to the name ...
        + ["xine"]  # ... which still holds "Sam": "Samxine"
        + ["School", "", "2", ""]
        + ["1"]  # BV1 ja
        + ["v"]  # BV2: "Vorige vraag" -> BV1 again
        + ["3"]  # BV1 now nee
        + ["2"]  # BV2 deels
        + [ESC, "2"]  # BV3: Esc -> back to BV2, choose deels again
        + ["1"] * (BV - 2)  # BV3..BV10
        + ["3"] * A + [""]
        + ["3"] * B + [""]
        + ["3"] * C + [""]
        + ["1"]
    )
    ui = teacher(keys)
    result = read_result(run(kader, ui).path)
    assert result.respondent.naam == "Samxine"
    assert result.context.sector == "vo"
    assert result.answers["BV1"] == "nee"
    assert result.answers["BV2"] == "deels"
    assert result.answers["BV3"] == "ja"
    assert "terug naar de vorige vraag" in ui.seen()
    # Going back shows the earlier answer: BV1 was "ja" when asked again.
    asked_bv1 = [q for q in ui.asked if q.message.startswith("Jouw antwoord")]
    assert asked_bv1[2].message == "Jouw antwoord (nu: Ja)" and asked_bv1[2].default == "ja"


def test_explanation_on_request(kader, teacher):
    ui = teacher(START + CONTEXT + ["t", "t", "1", CTRL_C])
    with pytest.raises(Cancelled):
        run(kader, ui)
    shown = ui.seen()
    assert "Toelichting" in shown
    # Shown once: a second t says where it is instead of pushing the question away with the same block.
    assert shown.count(kader.item("BV1").toelichting) == 1
    assert shown.count("De toelichting bij BV1 staat hierboven.") == 1
    # Asking for the explanation is not an answer; choosing afterwards is.
    assert Store().load_draft().answers == {"BV1": "ja"}


def test_the_explanation_names_the_kaders_examples(kader, teacher, draft_of):
    draft_of(["Sam", "", "", "po", ""] + ["ja"] * BV)  # at A1
    ui = teacher(["1", "t", CTRL_C])
    with pytest.raises(Cancelled):
        run(kader, ui)
    titles = [v.titel for v in kader.examples_for("A1")]
    assert "Voorbeelden uit het Kader: " + "; ".join(titles) + "." in ui.seen()


def test_o_on_an_answered_question_says_it_wipes_the_answer(kader, teacher):
    ui = teacher(START + CONTEXT + ["1", "v", "o", CTRL_C])  # BV1 ja, back to BV1, o
    with pytest.raises(Cancelled):
        run(kader, ui)
    first, _, again = [q for q in ui.asked if q.message.startswith("Jouw antwoord")][:3]  # BV1, BV2, BV1 again
    assert "Overslaan (staat later open in het overzicht)" in first.titles
    assert again.message == "Jouw antwoord (nu: Ja)"
    assert "Antwoord wissen (de vraag staat dan open)" in again.titles
    assert "Overslaan (staat later open in het overzicht)" not in again.titles
    assert "antwoord gewist: deze vraag staat open" in ui.seen()
    assert "BV1" not in Store().load_draft().answers


def test_skipped_questions_are_open_and_can_be_answered_from_the_overview(kader, teacher):
    keys = (
        START
        + CONTEXT
        + ["o"]  # skip BV1
        + ["1"] * (BV - 1)
        + ["o"]  # skip A1
        + ["3"] * (A - 1) + [""]
        + ["3"] * B + [""]
        + ["3"] * C + [""]
        + ["4"]  # overview: "De open vragen nu beantwoorden (2)"
        + ["2"]  # BV1 deels
        + ["4"]  # A1 4
        + ["1"]  # back at the overview: save
    )
    ui = teacher(keys)
    result = read_result(run(kader, ui).path)
    assert result.answers["BV1"] == "deels"
    assert result.answers["A1"] == 4
    assert len(result.answers) == QUESTIONS
    shown = ui.seen()
    assert "Nog open: 2 vragen, BV1 en A1." in shown
    assert "Alle vragen zijn beantwoord." in shown
    # The overview's keys do not move when the open questions are gone: only "4" goes.
    with_open, without = [(q.keys, q.titles) for q in ui.asked if q.message == "Wat wil je doen?"]
    assert with_open[0] == ["1", "2", "3", "4"] and without[0] == ["1", "2", "3"]
    assert with_open[1][:3] == without[1] == ["Opslaan en afronden", "Een antwoord wijzigen", "Stoppen en later verdergaan (alles blijft bewaard)"]


def test_saving_with_open_questions_asks_first_and_keeps_them_absent(kader, teacher):
    keys = (
        START
        + CONTEXT
        + ["o"] * BV
        + ["o"] * A + [""]
        + ["o"] * B + [""]
        + ["2"] + ["o"] * (C - 1) + [""]
        + ["1"]  # opslaan
        + ["x"]  # "Terug naar het overzicht"
        + ["1"]  # opslaan
        + ["2"]  # "Ja, opslaan; de open vragen blijven leeg"
    )
    ui = teacher(keys)
    result = read_result(run(kader, ui).path)
    assert result.answers == {"C1": 2}
    assert result.complete is True
    assert f"Nog open: {QUESTIONS - 1} vragen, BV1, BV2, " in ui.seen()
    assert f"Er staan nog {QUESTIONS - 1} vragen open. Toch opslaan?" in ui.seen()


def test_saving_with_open_questions_can_answer_them_first(kader, teacher, draft_of):
    everything_but_c5 = ["Sam", "", "", "po", ""] + ["ja"] * BV + [3] * A + [None] + [3] * B + [None] + [3] * (C - 1)
    draft_of(everything_but_c5 + [Nav.SKIP, None])
    ui = teacher(["1", "1", "1", "4", "1"])  # resume; save -> "Nee, eerst de open vragen"; C5 4; save
    result = read_result(run(kader, ui).path)
    assert result.answers["C5"] == 4 and len(result.answers) == QUESTIONS
    assert "Nog open: 1 vraag, C5." in ui.seen()
    assert "Er staat nog 1 vraag open. Toch opslaan?" in ui.seen()


def test_any_answer_can_be_changed_in_the_overview(kader, teacher, draft_of):
    draft_of(FULL_ANSWERS)
    keys = (
        RESUME  # at the overview
        + ["2"]  # Een antwoord wijzigen
        + ["4"]  # Kerntaak B
        + ["3"]  # B3
        + ["1"]  # B3 -> 1
        + ["2", "1", "1"]  # Over jou -> Naam
        + ["\x7f" * 3 + "Pseudoniem"]  # erase "Sam", type another name
        + ["2", "3", "1", "1", "1"]  # Kerntaak A -> its first part -> A1 -> 1; back to the overview
        + ["1"]  # save
    )
    result = read_result(run(kader, teacher(keys)).path)
    assert result.answers["B3"] == 1
    assert result.answers["B2"] == 4
    assert result.respondent.naam == "Pseudoniem"
    assert result.answers["A1"] == 1
    assert result.evidence["A"].voorbeeld == "Instructievideo's voor rekenen"


def test_changing_nothing_returns_to_the_overview(kader, teacher, draft_of):
    draft_of(FULL_ANSWERS)
    # No section; A, then no part; A, its first part, then no question; save.
    keys = RESUME + ["2", "x"] + ["2", "3", "x"] + ["2", "3", "1", "x"] + ["1"]
    ui = teacher(keys)
    result = read_result(run(kader, ui).path)
    assert result.answers["A1"] == 3
    titles = [q.titles for q in ui.asked if q.message == "Welke vraag wil je wijzigen?"][0]
    assert titles[0].startswith("A1 ") and " — 3" in titles[0]
    assert titles[-1] == "Terug naar het overzicht"
    assert [q.keys for q in ui.asked if q.message == "Welk onderdeel?"][0] == ["1", "2", "3", "4", "5", "x"]


def test_a_long_section_is_chosen_in_parts_with_no_key_beyond_nine(kader, teacher, draft_of):
    """Kerntaak A has more questions than there are digits: first a part, then the question; never "0)" or "a)"."""
    draft_of(FULL_ANSWERS)
    a = ids(kader, "A")
    assert len(a) + 1 > 9  # its statements and its own example
    keys = RESUME + ["2", "3", "3"] + ["6"] + ["Andere les", "Andere meerwaarde"] + ["1"]  # A, last part, its own example
    ui = teacher(keys)
    result = read_result(run(kader, ui).path)
    assert result.evidence["A"].voorbeeld == "Instructievideo's voor rekenen" + "Andere les"
    parts = [q for q in ui.asked if q.message == "Welke vraag wil je wijzigen? Kies eerst het deel waarin die staat."][0]
    sizes = [7, 6, 6]  # 19 entries in three parts of (nearly) equal length
    assert sum(sizes) == len(a) + 1
    assert parts.titles == [
        f"{a[0]} tot en met {a[6]}",
        f"{a[7]} tot en met {a[12]}",
        f"{a[13]} tot en met je eigen voorbeeld",
        "Terug naar het overzicht",
    ]
    last = [q for q in ui.asked if q.message == "Welke vraag wil je wijzigen?"][0]
    assert last.keys == ["1", "2", "3", "4", "5", "6", "x"]
    assert [t.split()[0] for t in last.titles[:5]] == a[13:]
    assert last.titles[5] == "Eigen voorbeeld — ingevuld"
    # Every menu of the walk: digits 1 to 9 for answers, and only the walk's letters besides.
    for question in ui.asked:
        assert all(k in set("123456789") | set(LETTER_KEYS) for k in question.keys if k), question


def test_parts_are_in_order_nearly_equal_and_at_most_nine(kader):
    from ictbekwaam.ui.overview import Entry, parts

    for count in (10, 19, 81, 82, 200):
        entries = [Entry(i, str(i), str(i)) for i in range(count)]
        split = parts(entries)
        assert [e for part in split for e in part] == entries
        assert len(split) <= 9 and max(map(len, split)) - min(map(len, split)) <= 1


def test_an_own_example_can_go_back(kader, teacher, draft_of):
    draft_of(["Sam", "", "", "po", ""] + ["ja"] * BV + [3] * A)  # at the own example of A
    last = ids(kader, "A")[-1]
    keys = [
        "1",  # resume
        ESC,  # in "Je voorbeeld": back to the last statement of A
        "2",  # which becomes 2
        "Toetsen",  # the example again
        ESC,  # in "En de meerwaarde": back to the example, which keeps "Toetsen"
        " online",
        "Sneller",
        CTRL_C,
    ]
    ui = teacher(keys)
    with pytest.raises(Cancelled):
        run(kader, ui)
    draft = Store().load_draft()
    assert draft.answers[last] == 2
    assert draft.evidence["A"].voorbeeld == "Toetsen online"
    assert draft.evidence["A"].meerwaarde == "Sneller"
    assert "eigen voorbeeld bewaard" in ui.seen()
    # That it may stay empty is said once, in the heading, not again by the text and the field.
    assert "Je voorbeeld: wat deed je?" in ui.lines  # no hint after it
    assert "laat het leeg" not in ui.seen().lower() and "leeg laten" not in ui.seen().lower()
    assert "eigen voorbeeld (mag leeg blijven)" in ui.seen()


def test_harmless_names_are_only_text(kader, teacher, data_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    keys = START + ["../../x", "$(rm -rf ~)", "`touch pwned`; [bold]x[/bold]", "3"]
    ui = teacher(keys + [CTRL_C])
    with pytest.raises(Cancelled):
        run(kader, ui)
    draft = Store().load_draft()
    assert draft.respondent.naam == "../../x"
    assert draft.context.school == "$(rm -rf ~)"
    assert draft.context.team == "`touch pwned`; [bold]x[/bold]"
    assert list(tmp_path.iterdir()) == []
    assert sorted(p.name for p in data_dir.iterdir()) == ["concept.json", "concept.lock", "respondent-id"]
    assert "Team: `touch pwned`; [bold]x[/bold]" in ui.seen()  # shown as text, not as markup


def test_out_dir_holds_the_result(kader, teacher, tmp_path, draft_of):
    draft_of(FULL_ANSWERS)
    out = tmp_path / "mijn resultaten"
    outcome = run(kader, teacher(RESUME + ["1"]), store=Store(results_dir=out))
    assert outcome.path.parent == out
    assert outcome.path.name.startswith("zelfevaluatie-") and outcome.path.suffix == ".json"


def test_the_commands_on_screen_carry_the_options_of_this_run(kader, teacher, tmp_path, draft_of):
    out = tmp_path / "uit"
    commands = Commands(kader=Path("eigen kader.yaml"), doelen=Path("doelen.yaml"), out=out)
    with pytest.raises(Cancelled) as stopped:
        run(kader, teacher(START + [CTRL_C]), store=Store(results_dir=out), commands=commands)
    assert stopped.value.message.endswith(
        f"Ga verder met: ictbekwaam --kader 'eigen kader.yaml' assess --resume --out {out} --doelen doelen.yaml"
    )
    draft_of(FULL_ANSWERS)
    ui = teacher(RESUME + ["1"])
    path = run(kader, ui, store=Store(results_dir=out), commands=commands).path
    assert f"ictbekwaam --kader 'eigen kader.yaml' pop {path} --doelen doelen.yaml -o pop.md" in ui.seen()


def test_continuing_a_plain_run_asks_plainly_again(kader, teacher, tmp_path):
    commands = Commands(doelen=Path("doelen.yaml"), out=tmp_path / "uit", plain=True)
    assert commands.resume() == f"ictbekwaam assess --resume --out {tmp_path / 'uit'} --plain --doelen doelen.yaml"
    with pytest.raises(Cancelled) as stopped:
        run(kader, teacher(START + ["Sam", CTRL_C], plain=True), commands=commands)
    assert stopped.value.message.endswith(f"Ga verder met: {commands.resume()}")
    # The profile is shown in words again; the POP is a file and needs no --plain.
    assert commands.profile(Path("r.json")) == "ictbekwaam profile r.json --plain --doelen doelen.yaml"
    assert "--plain" not in commands.pop(Path("r.json"))


def test_a_damaged_draft_is_explained_and_new_sets_it_aside(kader, teacher, data_dir):
    from ictbekwaam.errors import DataError

    data_dir.mkdir(parents=True)
    (data_dir / "concept.json").write_text('{"schema": "ictbekwaam/result", "answ')
    with pytest.raises(DataError) as error:
        run(kader, teacher([]))
    assert "afgebroken" in str(error.value)
    assert "ictbekwaam assess --new" in str(error.value)
    with pytest.raises(Cancelled):
        run(kader, teacher(START + ["Opnieuw", CTRL_C]), start="new")
    (aside,) = Store().previous_drafts()
    assert aside.read_text().startswith('{"schema"')
    assert Store().load_draft().respondent.naam == "Opnieuw"


def test_a_draft_of_another_kader_version_continues_with_a_note(kader, teacher):
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
    ui = teacher(["1", CTRL_C])
    with pytest.raises(Cancelled):
        run(kader, ui)
    assert "andere versie van het kader (0.9.0)" in ui.seen()
    draft = store.load_draft()
    assert draft.answers == {"BV1": "ja"}
    assert draft.kader.versie == kader.meta.versie


def test_plain_screens_have_no_columns_and_no_capitals(kader, teacher, draft_of):
    draft_of(FULL_ANSWERS)
    ui = teacher(RESUME + ["2", "1", "1", CTRL_C], plain=True)  # resume at the overview; change the name
    with pytest.raises(Cancelled):
        run(kader, ui)
    shown = ui.seen()
    assert f"A1. {kader.item('A1').stelling} Antwoord: niveau 3 van 4, Bekwaam." in shown
    assert "Eigen voorbeeld: (geen)" in shown and "Eigen voorbeeld: Instructievideo's voor rekenen" in shown
    assert "OVER JOU" not in shown and "Over jou · 1 van 5" in shown
