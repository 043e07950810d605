"""The plain, numbered interface (``--plain``): digits typed one line at a time, no menus, no colour."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from ictbekwaam.cli.assess import wants_plain
from ictbekwaam.errors import Cancelled
from ictbekwaam.ui.prompts import PlainUi
from ictbekwaam.files.results import read_result
from ictbekwaam.files.storage import Store
from ictbekwaam.ui.assess import run_assess
from assess_keys import A, B, BV, C, QUESTIONS, ids


def reader(lines: list[str]):
    """Feed lines to ``PlainUi`` like a keyboard; EOFError when they run out (closed input)."""
    queue = list(lines)

    def read_line() -> str:
        if not queue:
            raise EOFError
        return queue.pop(0)

    return read_line


def run(kader, lines, **kwargs):
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, color_system=None, highlight=False, soft_wrap=True)
    ui = PlainUi(console, reader(lines))
    try:
        return run_assess(kader, Store(), ui, **kwargs), buffer.getvalue()
    except Cancelled as stopped:
        stopped.screen = buffer.getvalue()  # type: ignore[attr-defined]
        raise


CONTEXT = ["Sam", "", "", "3", ""]  # name, empty school and team, mbo, empty role


def test_a_whole_assessment_by_digits(kader, data_dir):
    lines = (
        ["1"]  # Beginnen
        + CONTEXT
        + ["2"] * BV
        + ["4"] * A + ["Digitale toetsen", "Sneller feedback"]
        + ["5"] * B + [""]  # nvt
        + ["1"] * C + [""]
        + ["1"]  # opslaan
    )
    outcome, screen = run(kader, lines)
    result = read_result(outcome.path)
    assert result.context.sector == "mbo" and result.respondent.naam == "Sam"
    last_a = ids(kader, "A")[-1]
    assert result.answers["BV1"] == "deels" and result.answers[last_a] == 4 and result.answers["B4"] == "nvt"
    assert result.evidence["A"].meerwaarde == "Sneller feedback"
    assert "\x1b[" not in screen  # no colour, no cursor movement
    assert f"Digitale basisvaardigheden, vraag 7 van {QUESTIONS}." in screen
    assert "  1. Ja – Dit kan ik zelfstandig." in screen
    assert "  6. Vorige vraag" in screen
    assert "Typ een nummer en druk op Enter:" in screen
    assert "pijltjes" not in screen
    # The gap profile, without bars: B all "niet van toepassing", a missing basisvaardigheid first.
    assert "█" not in screen
    assert "Kerntaak B: Werken in de schoolcontext\nnog niets beantwoord dat meetelt\nB1: n.v.t. Ik leg" in screen
    assert "Wat nu? Je belangrijkste ontwikkelpunten" in screen and "1. Digitale basisvaardigheden" in screen
    assert "• BV1 (nu Deels, doel Ja): Ik kan" in screen
    assert str(outcome.path) in screen


def test_wrong_input_is_asked_again_and_enter_keeps_the_answer(kader):
    # BV1: two wrong inputs, then 1 (ja); BV2: 6 (back); BV1: Enter keeps ja; BV2: 2 (deels); BV3: "<" is no choice.
    lines = ["1"] + CONTEXT + ["9", "ja", "1", "6", "", "2", "<"]
    with pytest.raises(Cancelled) as stopped:
        run(kader, lines)
    screen = stopped.value.screen
    assert screen.count("Dat is geen keuze. Typ een nummer van 1 tot en met 6.") == 3
    assert "(alleen Enter: 1, je huidige antwoord)" in screen
    assert Store().load_draft().answers == {"BV1": "ja", "BV2": "deels"}
    assert stopped.value.exit_code == 130  # the input ended: stopped, draft kept


def test_back_explain_skip_and_text_editing(kader):
    lines = (
        ["1", "Sam", "School", "<", "-", "Team", "4", "rol"]  # at team: "<" back to school, "-" empties it
        + ["4"]  # BV1: toelichting
        + ["1", "6", "3"]  # BV1 ja, BV2 back, BV1 nee
        + ["5"]  # BV2 overslaan
    )
    with pytest.raises(Cancelled):
        run(kader, lines)
    screen_draft = Store().load_draft()
    assert screen_draft.respondent.naam == "Sam"
    assert screen_draft.context.school is None
    assert screen_draft.context.team == "Team"
    assert screen_draft.context.sector is None  # 4 = "Laat ik leeg"
    assert screen_draft.answers == {"BV1": "nee"}
    assert screen_draft.position == 5 + 2  # at BV3


def test_a_too_long_answer_is_asked_again():
    buffer = io.StringIO()
    ui = PlainUi(Console(file=buffer, width=80, color_system=None), reader(["abcdefg", "abc"]))
    assert ui.text("Naam", limit=5) == "abc"
    assert "Dat is te lang: hooguit 5 tekens (nu 7). Probeer het korter." in buffer.getvalue()


def test_plain_is_chosen_for_dumb_terminals_and_accessible(monkeypatch):
    monkeypatch.delenv("ACCESSIBLE", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_plain(False) is False
    assert wants_plain(True) is True
    monkeypatch.setenv("TERM", "dumb")
    assert wants_plain(False) is True
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("ACCESSIBLE", "1")
    assert wants_plain(False) is True
