"""Small terminals: the question stays on screen with its menu, and the toelichting can be read (issue 13).

The real program runs in a pseudo-terminal of a given size; everything it writes
goes into a terminal emulator (pyte), and the tests look at the screen as a
teacher would, while the menu waits for a key: the whole statement, the keys
1 to 5 and t, o, v. The question is the kerntaak statement with the longest
text, the first of its kerntaak after a resume (so its introduction is shown
too). Then ``t``: the toelichting is shown a screenful at a time where the
screen is low (any key reads on), and the question comes back with its menu.
"""

from __future__ import annotations

import io
import os
import re
import signal
import sys

import pytest

from ictbekwaam.core.interview import Interview
from ictbekwaam.model.result import new_result

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

MENU_END = "v) Vorige vraag"  # the last entry of a statement's menu: the menu is drawn
READ_ON = "(Enter = verder lezen)"
TO_THE_QUESTION = "(Enter = terug naar de vraag)"
KEY = re.compile(r"^\s*»?\s*([0-9a-z])\) \S")


def longest_statement(kader):
    return max((item for item in kader.all_items() if not item.id.startswith("BV")), key=lambda item: len(item.stelling))


def draft_up_to(kader, draft_of, target: str) -> None:
    """A draft answered up to ``target``: 3 for every statement, ja for every skill, no own examples."""
    interview = Interview(kader, new_result(kader, "x"))
    values = []
    while (step := interview.current()) is not None and step.key != target:
        if step.kind == "context":
            value = {"naam": "Sam", "sector": "vo"}.get(step.key, "")
        elif step.kind == "item":
            value = "ja" if step.key.startswith("BV") else 3
        else:
            value = None
        values.append(value)
        interview.answer(value)
    draft_of(values)


def spawn(columns: int, rows: int):
    env = {k: v for k, v in os.environ.items() if k not in ("ACCESSIBLE", "NO_COLOR", "COLUMNS", "LINES")}
    env.update(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", NO_COLOR="1")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ictbekwaam", "assess", "--resume"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(rows, columns),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    child.delaybeforesend = None
    child.logfile_read = io.StringIO()
    return child


def screen(child, columns: int, rows: int) -> list[str]:
    """The terminal's screen now: everything the program wrote, through a terminal emulator."""
    emulator = pyte.Screen(columns, rows)
    pyte.Stream(emulator).feed(child.logfile_read.getvalue())
    return emulator.display


def words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def assert_question_on_screen(display: list[str], statement: str) -> None:
    shown = "\n".join(display)
    assert " ".join(statement.split()) in words(display), f"the statement is not on screen:\n{shown}"
    keys = [match.group(1) for line in display if (match := KEY.match(line))]
    assert keys == list("12345tov"), f"not every key is on screen:\n{shown}"
    assert "Enter = kiezen" in shown


@pytest.mark.parametrize("columns, rows", [(50, 15), (80, 24), (100, 15), (120, 40)])
def test_the_question_and_its_keys_stay_on_screen_also_after_the_toelichting(kader, draft_of, columns, rows):
    item = longest_statement(kader)
    draft_up_to(kader, draft_of, item.id)
    child = spawn(columns, rows)
    child.expect_exact(MENU_END)
    assert_question_on_screen(screen(child, columns, rows), item.stelling)

    child.send("t")
    child.send("\r")
    seen, pauses = [], 0
    while child.expect_exact([READ_ON, TO_THE_QUESTION, MENU_END]) != 2:
        pauses += 1
        display = screen(child, columns, rows)
        assert display[-1].strip() in (READ_ON, TO_THE_QUESTION), "the pause is on the last line"
        seen.append(words(display))
        child.send(" ")
    display = screen(child, columns, rows)
    seen.append(words(display))
    assert_question_on_screen(display, item.stelling)
    # Every paragraph of the explanation was on screen as a whole at one moment.
    for paragraph in (item.toelichting, f"Bron: {kader.meta.titel}, {item.bron}."):
        assert any(" ".join(paragraph.split()) in page for page in seen), paragraph
    if rows >= 40:
        assert pauses == 0  # a big terminal shows it all at once, as before
    if rows <= 15:
        assert pauses >= 1  # a low one lets the teacher read before the question comes back

    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.wait()
    assert child.exitstatus == 130


# --- the pause between screenfuls, through prompt_toolkit's pipe input ----------------------


@pytest.fixture
def low_screen(monkeypatch):
    """A MenuUi on a screen of 50 x 15, recording what it prints; the menus read from a pipe."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    from ictbekwaam.ui.prompts import MenuUi

    monkeypatch.setenv("COLUMNS", "50")
    monkeypatch.setenv("LINES", "15")
    printed = io.StringIO()
    with create_pipe_input() as keyboard, create_app_session(input=keyboard, output=DummyOutput()):
        yield MenuUi(Console(file=printed, width=50, color_system=None, highlight=False)), keyboard, printed


def explain(ui, keyboard, heading: bool = True):
    """Ask a statement's menu (after a heading, or not) and choose t; the menu returns Nav.EXPLAIN."""
    from ictbekwaam.core.interview import Nav
    from ictbekwaam.ui.prompts import SEPARATOR, MenuChoice

    choices = [MenuChoice(n, f"Niveau {n}", str(n)) for n in range(1, 5)]
    choices += [SEPARATOR, MenuChoice(Nav.EXPLAIN, "Toelichting bij deze vraag", "t")]
    if heading:
        ui.heading("Kerntaak A", "vraag 7 van 33")
    ui.say("Ik gebruik ict bij mijn instructie.", "bold")
    keyboard.send_text("t\r")
    assert ui.choose("Jouw antwoord", choices) is Nav.EXPLAIN
    return choices


@pytest.mark.parametrize("heading", [True, False])
def test_the_question_comes_back_under_a_long_explanation(low_screen, heading):
    ui, keyboard, printed = low_screen
    choices = explain(ui, keyboard, heading)
    keyboard.send_text(" " * 3 + "2\r")  # read on, read on, back to the question; then 2
    for paragraph in range(3):
        ui.say(f"Alinea {paragraph}. " + "Een lange toelichting in veel woorden. " * 6)
    assert ui.choose("Jouw antwoord", choices) == 2
    shown = printed.getvalue()
    assert shown.count("Ik gebruik ict bij mijn instructie.") == 2
    assert shown.index("Alinea 2.") < shown.rindex("Ik gebruik ict bij mijn instructie.")


def test_ctrl_c_and_closed_input_stop_the_pause(low_screen):
    ui, keyboard, printed = low_screen
    explain(ui, keyboard)
    keyboard.send_text("\x03")
    long = "Een lange toelichting in veel woorden. " * 12
    ui.say(long)
    with pytest.raises(KeyboardInterrupt):
        ui.say(long)
    keyboard.close()
    with pytest.raises(EOFError):
        ui.say(long)
