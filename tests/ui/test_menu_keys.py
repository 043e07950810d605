"""Esc answers at once, and the arrow keys still work (issue 13).

prompt_toolkit waits after a lone Esc byte for the rest of an escape sequence
(``ttimeoutlen``, 0.5 s by default); MenuUi makes every application it builds wait
only :data:`~ictbekwaam.ui.prompts.ESCAPE_WAIT`. How long Esc takes is measured in
``benchmarks/bench_keys.py``, not here (no timed tests): these tests check the
setting on every application MenuUi runs, and that arrow keys (``ESC [ A`` ...)
still move through menus and text fields, through prompt_toolkit's pipe input and
in a real pseudo-terminal, where a key arrives as one read.
"""

from __future__ import annotations

import io
import os
import signal
import sys

import pytest
from rich.console import Console

from ictbekwaam.core.interview import Nav
from ictbekwaam.files.storage import Store
from ictbekwaam.ui.prompts import ESCAPE_WAIT, MenuChoice, MenuUi

from assess_keys import ENTER, ESC, keyboard

UP, DOWN, LEFT = "\x1b[A", "\x1b[B", "\x1b[D"
CHOICES = [MenuChoice("a", "Een", "1"), MenuChoice("b", "Twee", "2"), MenuChoice("c", "Drie", "3")]


@pytest.fixture
def ui(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "40")
    return MenuUi(Console(file=io.StringIO(), width=100, color_system=None, highlight=False))


def test_every_application_waits_at_most_escape_wait_for_an_escape_sequence(ui, monkeypatch):
    import questionary

    seen, defaults = [], set()
    ask = questionary.Question.unsafe_ask

    def record(self, *args, **kwargs):
        seen.append((self.application.ttimeoutlen, self.application.timeoutlen))
        defaults.add(id(self.application._default_bindings))
        return ask(self, *args, **kwargs)

    monkeypatch.setattr(questionary.Question, "unsafe_ask", record)
    with keyboard(ENTER + ESC + "Sam" + ENTER):
        assert ui.choose("Kies", CHOICES) == "a"
        assert ui.choose("Kies", CHOICES, back=True) is Nav.BACK
        assert ui.text("Naam", limit=20) == "Sam"
    assert ESCAPE_WAIT <= 0.03  # Esc within 60 ms leaves about 30 ms for drawing the next question
    assert seen == [(ESCAPE_WAIT, ESCAPE_WAIT)] * 3
    assert len(defaults) == 1  # prompt_toolkit's default key bindings are built once, not for every menu


def test_arrow_keys_move_through_a_menu_and_a_lone_esc_goes_back(ui):
    # (Through a pipe a lone Esc must be followed by another key: it is the key after it that
    # tells prompt_toolkit the Esc is complete. A terminal's Esc is timed; see the pty test below.)
    with keyboard(DOWN + DOWN + ENTER + DOWN + DOWN + UP + ENTER + DOWN + ESC + UP + ESC + "3" + ENTER):
        assert ui.choose("Kies", CHOICES) == "c"
        assert ui.choose("Kies", CHOICES) == "b"
        assert ui.choose("Kies", CHOICES, back=True) is Nav.BACK  # an arrow, then Esc
        assert ui.choose("Kies", CHOICES, back=True) is Nav.BACK
        assert ui.choose("Kies", CHOICES, back=True) == "c"


def test_arrow_keys_move_the_cursor_in_a_text_field(ui):
    with keyboard("Sm" + LEFT + "a" + ENTER + "x" + ESC + "Brug" + LEFT * 4 + "De " + ENTER):
        assert ui.text("Naam", limit=20) == "Sam"
        assert ui.text("School", limit=20) is Nav.BACK
        assert ui.text("School", limit=20) == "De Brug"


# --- in a real terminal -------------------------------------------------------------------

pexpect = pytest.importorskip("pexpect")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_arrows_and_esc_in_a_pseudo_terminal(data_dir):
    """Each key is one write, as a terminal sends it: Left in a field, Down/Up in menus, a lone Esc."""
    env = {k: v for k, v in os.environ.items() if k not in ("ACCESSIBLE", "NO_COLOR", "COLUMNS", "LINES")}
    env.update(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", NO_COLOR="1")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ictbekwaam", "assess"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 120),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    child.delaybeforesend = None

    def keys(*sent: str, after: str, ready: str = "Enter = kiezen") -> None:
        child.expect_exact(after)
        child.expect_exact(ready)
        for key in sent:
            child.send(key)

    keys(ENTER, after="Klaar om te beginnen?")
    keys("Sm", LEFT, "a", ENTER, after="1 van 5", ready="Enter = verder")  # naam: "Sam"
    keys(ENTER, after="2 van 5", ready="Enter = verder")
    keys(ENTER, after="3 van 5", ready="Enter = verder")
    keys(DOWN, DOWN, UP, ENTER, after="4 van 5")  # sector: the second choice (vo)
    keys(ENTER, after="5 van 5", ready="Enter = verder")
    keys(DOWN, DOWN, ENTER, after="vraag 1 van")  # BV1: Nee
    keys(ESC, after="vraag 2 van")  # back to BV1
    keys(UP, ENTER, after="(nu: Nee)")  # BV1: Deels
    child.expect_exact("vraag 2 van")
    child.expect_exact("Enter = kiezen")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.wait()
    assert child.exitstatus == 130
    draft = Store().load_draft()
    assert draft.respondent.naam == "Sam"
    assert draft.context.sector == "vo"
    assert draft.answers == {"BV1": "deels"}
