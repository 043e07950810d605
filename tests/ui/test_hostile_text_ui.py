"""``assess`` with a school's own kader full of markup and control characters: shown literally, never obeyed.

Every statement, label and explanation of the kader holds every attack of
``builders.ATTACKS`` (``Onderbouw [/]``, ``\\x1b[2J``, an OSC 8 link, U+202E,
NUL, ...). The walk must not stop on them (rich's ``MarkupError`` at the end
screen), and neither the console nor the menus (prompt_toolkit, written to a
real VT100 output here) may let a raw control or bidi character of the data
reach the terminal.
"""

from __future__ import annotations

import io
from contextlib import contextmanager

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console

from assess_keys import sizes
from builders import ATTACKS, MARKERS, MARKUP, hostile_kader, leftover_controls
from ictbekwaam.files.results import read_result
from ictbekwaam.files.storage import Store
from ictbekwaam.ui.assess import run_assess
from ictbekwaam.ui.prompts import MenuChoice, MenuUi, PlainUi

ENTER = "\r"
EVERY = " | ".join(ATTACKS.values())
# What a terminal would obey if the data reached it raw (prompt_toolkit's own output has other escapes).
OBEYED = ("\x1b[2J", "\x1b]0;title", "\x1b]8;;http://x", "\u202e", "\u2066", "\x00", "voor\rna")


@pytest.fixture
def kader(tmp_path):
    """The kader of this module (``draft_of`` uses it too): every text holds every attack."""
    from ictbekwaam.files.loader import load_kader

    return load_kader(hostile_kader(tmp_path / "school", EVERY)[0])


def console() -> Console:
    return Console(file=io.StringIO(), width=100, color_system=None, highlight=False)


def visible(screen: str) -> None:
    """No raw control character on the screen, and every attack shown: markup verbatim, the rest as escapes."""
    assert leftover_controls(screen, allowed="\n") == []
    flat = "".join(screen.split())
    for attack, text in ATTACKS.items():
        expected = "".join(text.split()) if attack in MARKUP else "voor\\rna" if attack == "cr" else MARKERS[attack]
        assert expected in flat, attack


@contextmanager
def terminal(keys: str):
    """prompt_toolkit reading ``keys`` and writing to a VT100 terminal of 100 columns; yields what it wrote."""
    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=40, columns=100), term="xterm")
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=output):
            inp.send_text(keys)
            yield written


def test_a_whole_plain_assessment(kader):
    BV, A, B, C = sizes(kader)
    lines = ["1", "Sam", "", "", "3", ""] + ["2"] * BV + ["4"] * A + ["Toetsen", "Sneller"] + ["5"] * B + [""] + ["1"] * C + [""] + ["1"]
    queue = list(lines)
    screen = console()
    outcome = run_assess(kader, Store(), PlainUi(screen, lambda: queue.pop(0)))
    assert read_result(outcome.path).complete
    visible(screen.file.getvalue())


def test_the_end_of_a_walk_in_the_menus(kader, draft_of, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    BV, A, B, C = sizes(kader)
    draft_of(["Sam", "", "", "po", ""] + ["ja"] * BV + [3] * A + [None] + [4] * B + [None] + [2] * (C - 1))
    keys = "1" + ENTER + "2" + ENTER + "Video" + ENTER + "Sneller" + ENTER + "1" + ENTER  # resume, C5, example, save
    screen = console()
    with terminal(keys) as written:
        outcome = run_assess(kader, Store(), MenuUi(screen))
    assert read_result(outcome.path).complete
    visible(screen.file.getvalue())  # the end screen: the profile with every statement
    # Keys sent ahead may be handled before a menu is drawn; whatever was drawn holds no raw attack.
    assert not [raw for raw in OBEYED if raw in written.getvalue()]


def test_a_menu_and_a_text_field_show_their_texts_literally(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    screen = console()
    ui = MenuUi(screen)
    with terminal(ENTER + "x" + ENTER) as written:
        picked = ui.choose(f"Vraag {EVERY}", [MenuChoice(1, f"Keuze {EVERY}", "1"), MenuChoice(2, "Nee", "2")])
        typed = ui.text(f"Veld {EVERY}", limit=10, hint=f"hint {EVERY}")
    assert (picked, typed) == (1, "x")
    menus = written.getvalue()
    assert not [raw for raw in OBEYED if raw in menus]
    assert "\\x1b]8;;http://x\\x1b" in menus and "[link=http://x]klik[/link]" in menus
    visible(screen.file.getvalue())  # the hint is said on the console
