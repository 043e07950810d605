"""The arrow-key menus for real: keystrokes into questionary prompts through prompt_toolkit's pipe input.

The keys go through ``create_pipe_input`` into the menus and text fields of
:class:`ictbekwaam.ui.prompts.MenuUi`; nothing is mocked. The walk's logic is
tested through a scripted fake in test_assess_flows.py; these tests show that
the real menus answer to the keys that fake stands for (shortcut keys, Enter on
the highlighted entry, Esc = back, a prefilled text field, Ctrl-C, closed input).
"""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from ictbekwaam.errors import Cancelled
from ictbekwaam.files.storage import Store
from ictbekwaam.files.results import read_result
from ictbekwaam.ui.assess import run_assess
from ictbekwaam.ui.prompts import MenuChoice, MenuUi
from assess_keys import A, B, BV, C, QUESTIONS, figures, ids, keyboard

ENTER = "\r"
ESC = "\x1b"
CTRL_C = "\x03"


def pick(key: str) -> str:
    """Choose the menu entry with this shortcut key."""
    return key + ENTER


def typed(text: str) -> str:
    """Type a line of text into a text field."""
    return text + ENTER


START = ENTER  # "Beginnen" is the first choice


@pytest.fixture
def screen(monkeypatch):
    """A console that records what the teacher sees (100 columns, no colour)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "100")
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, highlight=False)
    return console, buffer



def seen(screen) -> str:
    """What was on screen, with line wrapping undone (one space between words)."""
    return " ".join(screen[1].getvalue().split())


def run(keys: str, screen, kader, **kwargs):
    with keyboard(keys):
        return run_assess(kader, Store(), MenuUi(screen[0]), **kwargs)


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
        + ESC + ENTER  # BV2: Esc -> back to BV1; Enter keeps its answer (nee)
        + pick("2")  # BV2 deels
        + CTRL_C  # at BV3
    )
    with pytest.raises(Cancelled) as stopped:
        run(keys, screen, kader)
    assert stopped.value.exit_code == 130
    draft = Store().load_draft()
    assert draft.respondent.naam == "Samxine"
    assert draft.context.sector == "vo"
    assert draft.answers == {"BV1": "nee", "BV2": "deels"}
    assert draft.position == 5 + 2  # at BV3
    shown = seen(screen)
    assert "terug naar de vorige vraag" in shown
    assert "ongeveer 15 minuten" in shown
    assert "Kiezen doe je met de pijltjestoetsen" in shown


def test_the_end_of_a_walk_by_keystrokes(kader, screen, data_dir, draft_of):
    draft_of(["Sam", "OBS De Brug", "", "po", "leraar"] + ["ja"] * BV + [3] * A + [None] + [4] * B + [None] + [2] * (C - 1))
    keys = (
        pick("1")  # Verdergaan waar ik was
        + pick("2")  # C5
        + typed("Intervisie met video") + typed("Terugkijken")
        + pick("1")  # overview: opslaan en afronden
    )
    outcome = run(keys, screen, kader)
    result = read_result(outcome.path)
    assert result.complete is True and len(result.answers) == QUESTIONS
    assert all(result.answers[i] == 2 for i in ids(kader, "C"))
    assert result.evidence["C"].meerwaarde == "Terugkijken"
    assert not (data_dir / "concept.json").exists()
    shown = seen(screen)
    assert f"Kerntaak C: Professionele ontwikkeling · vraag {QUESTIONS} van {QUESTIONS}" in shown
    assert "Alle vragen zijn beantwoord." in shown
    assert "Klaar! Je zelfevaluatie is opgeslagen." in shown
    assert figures(kader, "C", 2) in shown
    assert f"ictbekwaam pop {outcome.path} -o pop.md" in shown


def test_closed_input_keeps_the_draft_and_stops(kader, screen, draft_of):
    draft_of(["Sam", "", "", "po", ""])  # at BV1
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(pick("1") + pick("1"))
            inp.close()
            with pytest.raises(Cancelled) as stopped:
                run_assess(kader, Store(), MenuUi(screen[0]))
    assert stopped.value.exit_code == 130
    assert Store().load_draft().answers == {"BV1": "ja"}


def test_a_too_long_text_is_refused(screen):
    ui = MenuUi(screen[0])
    with keyboard(typed("abcdefg") + "\x7f\x7f" + ENTER):
        assert ui.text("Naam", limit=5, hint="mag leeg blijven") == "abcde"
    assert "Mag leeg blijven." in seen(screen)


def test_enter_keeps_the_current_answer(screen):
    ui = MenuUi(screen[0])
    choices = [MenuChoice(1, "Een", "1"), MenuChoice(2, "Twee", "2"), MenuChoice(3, "Drie", "3")]
    with keyboard(ENTER + "\n"):  # some terminals send \n for Enter
        assert ui.choose("Kies", choices, default=2) == 2
        assert ui.choose("Kies", choices, default=3) == 3


def test_the_overview_menus_answer_to_their_digits_and_x(kader, screen, draft_of):
    """The real menus: 2 (wijzigen), 3 (kerntaak A), 3 (its last part), x (back); 2, 4 (kerntaak B), 1 (B1), 4; save."""
    from assess_keys import FULL_ANSWERS

    draft_of(FULL_ANSWERS)
    keys = pick("1") + pick("2") + pick("3") + pick("3") + pick("x") + pick("2") + pick("4") + pick("1") + pick("4") + pick("1")
    outcome = run(keys, screen, kader)
    assert read_result(outcome.path).answers["B1"] == 4
