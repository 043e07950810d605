"""``ictbekwaam assess`` in a real pseudo-terminal, driven by keystrokes (pexpect).

Each test starts the real program (``python -m ictbekwaam assess``) in a pty,
waits for the Dutch text on screen and types like a teacher would. Before every
key the test waits until the question's menu is drawn, so the keys reach the
menu and not the terminal's line buffer (and so no delay before sending is needed).

The walk's logic is tested through a scripted fake (test_assess_flows.py) and the
menus through prompt_toolkit's pipe input (test_assess_menus.py); these tests
cover what only a real terminal shows: the program as a whole, Ctrl-C and a
closed terminal (SIGHUP), the plain questions, colour. Most start from a draft
(the ``draft_of`` fixture) so that they ask only a few questions.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sys
from pathlib import Path

import jsonschema
import pytest

from ictbekwaam.model.result import Evidence, json_schema, read_result

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

BV, A, B, C = 10, 14, 4, 5
TIMEOUT = 30
MENU = "Enter = kiezen"
FIELD = "Enter = verder"


def spawn(data_dir: Path, *args: str, term: str = "xterm", colour: bool = False, **env_extra: str):
    env = {k: v for k, v in os.environ.items() if k not in ("ACCESSIBLE", "NO_COLOR", "COLUMNS", "LINES")}
    env.update(PROMPT_TOOLKIT_NO_CPR="1", TERM=term, ICTBEKWAAM_DATA_DIR=str(data_dir), COLUMNS="120", LINES="40", **env_extra)
    if not colour:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ictbekwaam", "assess", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 120),
    )
    child.delaybeforesend = None  # every key waits for its question instead
    return child


def ended(child):
    """Wait until the program has ended and close the terminal; ``child.exitstatus`` is then set."""
    child.expect(pexpect.EOF)
    child.wait()
    child.ptyproc.delayafterclose = 0  # the program is gone: no need to give it time to exit
    child.close()
    return child


class Teacher:
    """Types into the arrow-key interface, waiting for each question first."""

    def __init__(self, child) -> None:
        self.child = child

    def menu(self, key: str, after: str | None = None) -> None:
        """Wait for ``after`` (if given) and a drawn menu; press ``key`` and Enter."""
        if after:
            self.child.expect_exact(after)
        self.child.expect_exact(MENU)
        self.child.send(key + "\r")

    def field(self, text: str, after: str | None = None) -> None:
        """Wait for a text field; type ``text`` and Enter."""
        if after:
            self.child.expect_exact(after)
        self.child.expect_exact(FIELD)
        self.child.send(text + "\r")

    def items(self, first: int, last: int, key: str) -> None:
        for number in range(first, last + 1):
            self.menu(key, after=f"vraag {number} van 33")

    def evidence(self, voorbeeld: str = "", meerwaarde: str = "") -> None:
        self.field(voorbeeld, after="eigen voorbeeld")
        if voorbeeld:
            self.field(meerwaarde, after="En de meerwaarde")

    def save(self) -> None:
        self.menu("1", after="Overzicht van je antwoorden")

    def finish(self) -> str:
        self.child.expect_exact("Je resultaat staat in:")
        self.child.expect(r"(\S+\.json)")
        path = self.child.match.group(1)
        assert self.exit() == 0, self.child.before
        return path

    def exit(self) -> int:
        """Wait until the program has ended; its exit status."""
        return ended(self.child).exitstatus


def saved_results(data_dir: Path) -> list[Path]:
    folder = data_dir / "resultaten"
    return sorted(folder.iterdir()) if folder.exists() else []


# A draft as the walk leaves it: Over jou, the basisvaardigheden, kerntaak A with an own example and B done.
UP_TO_C = (
    ["Sam", "OBS De Brug", "", "vo", "leraar"]
    + ["ja"] * BV
    + [3] * A
    + [Evidence(voorbeeld="Instructiefilmpjes", meerwaarde="Leerlingen kijken terug")]
    + [4] * B
    + [None]
)


def test_ctrl_c_halfway_then_continue_to_the_end(data_dir, draft_of):
    draft_of(UP_TO_C)
    teacher = Teacher(spawn(data_dir))
    teacher.child.expect_exact("nog niet af is")
    teacher.menu("1", after="Wat wil je doen?")  # Verdergaan waar ik was
    teacher.items(BV + A + B + 1, BV + A + B + 2, "5")  # niet van toepassing
    teacher.child.expect_exact(f"vraag {BV + A + B + 3} van 33")
    teacher.child.expect_exact(MENU)
    teacher.child.sendcontrol("c")
    teacher.child.expect_exact("Ga verder met: ictbekwaam assess --resume")
    assert teacher.exit() == 130
    draft = read_result(data_dir / "concept.json")
    assert len(draft.answers) == 30 and draft.complete is False

    teacher = Teacher(spawn(data_dir))
    teacher.child.expect_exact("nog niet af is")
    teacher.menu("1", after="Wat wil je doen?")
    teacher.items(BV + A + B + 3, 33, "5")
    teacher.evidence()
    teacher.save()
    # The gap profile on screen: everything on target, C not applicable.
    teacher.child.expect_exact("Profiel ict-bekwaamheid: Sam")
    teacher.child.expect_exact("Niet van toepassing, telt niet mee (5): C1, C2, C3, C4, C5")
    teacher.child.expect_exact("op doel 14 van 14 (100%)")
    shown_path = teacher.finish()
    (path,) = saved_results(data_dir)
    assert shown_path == str(path)
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    jsonschema.validate(json.loads(path.read_text()), json_schema())
    result = read_result(path)
    assert result.complete and len(result.answers) == 33
    assert result.answers["BV1"] == "ja" and result.answers["A14"] == 3 and result.answers["B1"] == 4
    assert result.answers["C1"] == "nvt"
    assert result.context.sector == "vo" and result.respondent.naam == "Sam"
    assert result.evidence["A"].voorbeeld == "Instructiefilmpjes"
    assert not (data_dir / "concept.json").exists()
    assert {k: result.answers[k] for k in draft.answers} == draft.answers
    assert result.respondent == draft.respondent and result.context == draft.context
    assert result.created_at == draft.created_at


def test_plain_mode_by_digits(data_dir, draft_of):
    draft_of(["Sam", "", "", "mbo", ""] + ["deels"] * BV + [3] * A + [None] + [3] * B + [None] + [3] * (C - 1))
    child = spawn(data_dir, "--plain")

    def number(digit: str, after: str) -> None:
        child.expect_exact(after)
        child.expect(r"Typ een nummer en druk op Enter[^:\n]*:")
        child.sendline(digit)

    number("1", "Wat wil je doen?")  # Verdergaan waar ik was
    number("3", "vraag 33 van 33.")
    child.expect_exact("eigen voorbeeld")
    child.expect_exact("> ")
    child.sendline("")
    number("1", "Wat wil je doen?")
    child.expect_exact("Je resultaat staat in:")
    child.expect(pexpect.EOF)
    output = child.before
    assert ended(child).exitstatus == 0
    assert "\x1b[" not in output  # no colour, no cursor movement after the menus
    (path,) = saved_results(data_dir)
    result = read_result(path)
    assert result.answers["BV1"] == "deels" and result.answers["C5"] == 3
    assert result.context.sector == "mbo"


def test_a_dumb_terminal_gets_the_plain_questions(data_dir):
    child = spawn(data_dir, term="dumb")
    child.expect_exact("Kiezen doe je door het nummer van je keuze te typen")
    child.expect_exact("Typ een nummer en druk op Enter:")
    child.sendcontrol("c")
    child.expect_exact("Er is nog niets opgeslagen.")
    assert ended(child).exitstatus == 130


def test_closing_the_terminal_keeps_a_valid_draft(data_dir, draft_of):
    draft_of(["Sam", "", "", "po", ""] + ["nee"] * 3)  # at BV4
    teacher = Teacher(spawn(data_dir))
    teacher.menu("1", after="Wat wil je doen?")  # Verdergaan waar ik was
    teacher.items(4, 4, "3")
    teacher.child.expect_exact("vraag 5 van 33")
    teacher.child.expect_exact(MENU)
    pid = teacher.child.pid
    os.kill(pid, signal.SIGHUP)  # what the terminal does when its window is closed
    ended(teacher.child)
    assert teacher.child.signalstatus is None and teacher.child.exitstatus == 129
    draft = read_result(data_dir / "concept.json")
    assert draft.answers == {"BV1": "nee", "BV2": "nee", "BV3": "nee", "BV4": "nee"}
    assert [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []
    # And the next start offers to continue it.
    child = spawn(data_dir)
    child.expect_exact("4 van 33 vragen beantwoord")
    child.expect_exact(MENU)
    child.send("3\r")  # Stoppen
    assert ended(child).exitstatus == 0
    assert read_result(data_dir / "concept.json").answers == draft.answers


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|4[0-9]|38;|48;)[0-9;]*m")


def test_no_color_is_respected(tmp_path):
    # Two programs at once, with and without NO_COLOR: they start up side by side.
    children = {}
    for no_color in (True, False):
        child = spawn(tmp_path / f"no_color={no_color}", term="xterm-256color", colour=not no_color)
        child.logfile_read = io.StringIO()
        children[no_color] = child
    for no_color, child in children.items():
        child.expect_exact("ongeveer 15 minuten")
        child.expect_exact("Klaar om te beginnen?")
        child.expect_exact(MENU)
        child.send("1\r")
        child.expect_exact("1 van 5")
        child.expect_exact(FIELD)
        child.sendcontrol("c")
        assert ended(child).exitstatus == 130
        everything = child.logfile_read.getvalue()
        assert "Over jou" in everything
        assert bool(COLOUR.search(everything)) is not no_color
