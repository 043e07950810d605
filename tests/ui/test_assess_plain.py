"""The plain interface (``--plain``): numbers for the answers and letters for the rest, typed one line at a time;
no menus, no colour, no symbols."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from ictbekwaam.cli.common import wants_plain
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
    assert "  1. Ja: Dit kan ik zelfstandig." in screen
    assert "  t. Toelichting bij deze vraag\n  o. Overslaan (staat later open in het overzicht)\n  v. Vorige vraag\n" in screen
    assert "Typ een nummer en druk op Enter:" in screen  # "Klaar om te beginnen?": no letters there
    assert "Typ een nummer of een letter en druk op Enter:" in screen
    assert "Je antwoord: niveau 4 van 4, Voorbeeld voor anderen." in screen
    assert "pijltjes" not in screen
    # The gap profile, without bars: B all "niet van toepassing", a missing basisvaardigheid first.
    assert "█" not in screen
    assert "Kerntaak B: Werken in de schoolcontext\nnog niets beantwoord dat meetelt\nB1: n.v.t. Ik leg" in screen
    assert "Wat nu? Je belangrijkste ontwikkelpunten" in screen and "1. Digitale basisvaardigheden" in screen
    assert "• BV1 (nu Deels, doel Ja): Ik kan" in screen
    assert str(outcome.path) in screen


def test_wrong_input_is_asked_again_and_enter_keeps_the_answer(kader):
    # BV1: two wrong inputs, then 1 (ja); BV2: v (back); BV1: Enter keeps ja; BV2: 2 (deels); BV3: "<" and "4" are no choice.
    lines = ["1"] + CONTEXT + ["9", "ja", "1", "v", "", "2", "<", "4"]
    with pytest.raises(Cancelled) as stopped:
        run(kader, lines)
    screen = stopped.value.screen
    assert screen.count("Dat is geen keuze. Typ een nummer van 1 tot en met 3, of t, o of v.") == 4
    assert "(alleen Enter: 1, je huidige antwoord)" in screen
    assert Store().load_draft().answers == {"BV1": "ja", "BV2": "deels"}
    assert stopped.value.exit_code == 130  # the input ended: stopped, draft kept


def test_back_explain_skip_and_text_editing(kader):
    lines = (
        ["1", "Sam", "School", "<", "-", "Team", "4", "rol"]  # at team: "<" back to school, "-" empties it
        + ["t"]  # BV1: toelichting
        + ["1", "v", "3"]  # BV1 ja, BV2 back, BV1 nee
        + ["o"]  # BV2 overslaan
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


def numbered(screen: str, question: str) -> list[list[str]]:
    """The keys offered each time ``question`` was asked, in order (``["1", "2", "t", "o", "v"]``)."""
    asked = []
    for block in screen.split(question + "\n")[1:]:
        asked.append(re.findall(r"^  (\w+)\. ", block.split("Typ een nummer")[0], re.M))
    return asked


def test_the_numbers_never_move_and_the_letters_work_in_either_case(kader):
    """1 is always the first answer; t, o and v (also T, O, V) are the same in every question."""
    lines = (
        ["1"] + CONTEXT
        + ["T", "1"]  # BV1: toelichting, then ja
        + ["O"]  # BV2: overslaan
        + ["V", "2"]  # BV3: back to BV2, which becomes deels
        + ["1"] * (BV - 2)  # BV3..BV10: ja
        + ["5", "o", "t", "v", "4"]  # A1 nvt; A2a skipped; A3: toelichting, back to A2a, 4
    )
    with pytest.raises(Cancelled) as stopped:
        run(kader, lines)
    screen = stopped.value.screen
    a = ids(kader, "A")
    assert Store().load_draft().answers == {**{f"BV{n}": "ja" for n in range(1, BV + 1)}, "BV2": "deels", a[0]: "nvt", a[1]: 4}
    checklist = [["1", "2", "3", "t", "o", "v"]]
    levels = [["1", "2", "3", "4", "5", "t", "o", "v"]]
    # BV1 twice (after t), BV2, BV3, BV2 again, BV3..BV10; A1, A2a, A3 twice (after t), A2a again, A3 (input ends).
    assert numbered(screen, "Jouw antwoord") == checklist * (2 + 1 + 1 + 1 + (BV - 2)) + levels * 6
    assert "Je antwoord: Niet van toepassing." in screen and "Overgeslagen: deze vraag staat open." in screen


def test_the_explanation_is_shown_once_per_question(kader):
    lines = ["1"] + CONTEXT + ["t", "t", "T", "1", "t"]  # BV1: three times t, then ja; BV2: t
    with pytest.raises(Cancelled) as stopped:
        run(kader, lines)
    screen = stopped.value.screen
    assert screen.count(kader.item("BV1").toelichting) == 1
    assert screen.count("De toelichting bij BV1 staat hierboven.") == 2
    assert screen.count(kader.item("BV2").toelichting) == 1


def test_an_own_example_says_once_that_it_may_stay_empty(kader, draft_of):
    draft_of(["Sam", "", "", "po", ""] + ["ja"] * BV + [3] * A)  # at the own example of A
    with pytest.raises(Cancelled) as stopped:
        run(kader, ["1", "Filmpjes"])
    screen = stopped.value.screen
    voorbeeld = screen[screen.index("eigen voorbeeld") : screen.index("En de meerwaarde")]
    assert re.findall(r"leeg|overslaan", voorbeeld, re.I) == ["leeg"]  # "eigen voorbeeld (mag leeg blijven)"
    assert "En de meerwaarde: wat voegde ict hier toe? (mag leeg blijven)" in screen


# What carries meaning on a screen but a screen reader reads as noise, or not at all.
# "[…]" marks a cut inside a verbatim quote of the Kader (the source's own convention), not a truncated text.
SYMBOLS = re.compile(r"[·✓✗→█░]|(?<!\[)…|…(?!\])|\b\d+/\d+\b")


def test_plain_screens_say_in_words_what_the_menus_show_with_symbols(kader, draft_of):
    """The walk, the overview, the change list (whole statements) and the end, in words."""
    draft_of(["Sam", "OBS De Brug", "", "vo", ""] + ["deels"] * BV + [3] * A + [None] + [1] * B + [None] + [2] * C + [None])
    lines = (
        ["1"]  # Verdergaan: at the overview
        + ["2", "3", "3", "1"]  # change: Kerntaak A, its last part, the first question there
        + ["4"]  # which becomes 4
        + ["2", "4", "x"]  # change: Kerntaak B, then back to the overview
        + ["1"]  # save
    )
    outcome, screen = run(kader, lines)
    a13 = ids(kader, "A")[13]
    assert read_result(outcome.path).answers[a13] == 4
    assert SYMBOLS.findall(screen) == []
    walk = screen[: screen.index("Klaar! Je zelfevaluatie is opgeslagen.")]
    assert "—" not in walk and "–" not in walk  # "Antwoord:" and ": " instead of dashes, up to the profile
    stelling = kader.item(a13).stelling
    assert f"  1. {a13}. {stelling} Antwoord: niveau 3 van 4, Bekwaam." in screen  # the whole statement
    assert f"{a13}. {stelling} Antwoord: niveau 4 van 4, Voorbeeld voor anderen." in screen
    assert "ictbekwaam, zelfevaluatie ict-bekwaamheid." in screen
    assert "Je antwoord: niveau 4 van 4, Voorbeeld voor anderen." in screen
    assert "B1: niveau 1 van 4, doel 3, nog niet op doel, nog 2 niveaus." in screen


def test_the_readmes_example_is_what_the_teacher_sees(kader):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```text\n(Digitale basisvaardigheden, vraag 2 van .*?)```", readme, re.S).group(1)
    with pytest.raises(Cancelled) as stopped:
        run(kader, ["1"] + CONTEXT + ["1", "2"])
    typed = stopped.value.screen.replace("Enter: 2\n", "Enter: ", 1)  # the input is not echoed into the buffer
    assert example.replace("Enter: 2\n", "Enter: ") in typed
