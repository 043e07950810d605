"""``ictbekwaam assess`` in a real pseudo-terminal, driven by keystrokes (pexpect).

Each test starts the real program (``python -m ictbekwaam assess``) in a pty,
waits for the Dutch text on screen and types like a teacher would. Before every
key the test waits until the question's menu is drawn, so the keys reach the
menu and not the terminal's line buffer.
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

from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import json_schema

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
    return pexpect.spawn(
        sys.executable,
        ["-m", "ictbekwaam", "assess", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 120),
    )


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

    def start(self) -> None:
        self.menu("1", after="Klaar om te beginnen?")

    def context(self) -> None:
        self.field("Sam", after="1 van 5")
        self.field("OBS De Brug", after="2 van 5")
        self.field("", after="3 van 5")
        self.menu("2", after="4 van 5")
        self.field("leraar", after="5 van 5")

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
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.exitstatus == 0, self.child.before
        return path


def saved_results(data_dir: Path) -> list[Path]:
    folder = data_dir / "resultaten"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_full_assessment_by_keystrokes(data_dir):
    teacher = Teacher(spawn(data_dir))
    teacher.child.expect_exact("ongeveer 15 minuten")
    teacher.start()
    teacher.context()
    teacher.items(1, BV, "1")
    teacher.items(BV + 1, BV + A, "3")
    teacher.evidence("Instructiefilmpjes", "Leerlingen kijken terug")
    teacher.items(BV + A + 1, BV + A + B, "4")
    teacher.evidence()
    teacher.items(BV + A + B + 1, 33, "5")  # niet van toepassing
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


def test_ctrl_c_halfway_then_continue_keeps_every_answer(data_dir):
    teacher = Teacher(spawn(data_dir))
    teacher.start()
    teacher.context()
    teacher.items(1, BV, "2")
    teacher.items(BV + 1, BV + 5, "4")
    teacher.child.expect_exact(f"vraag {BV + 6} van 33")
    teacher.child.expect_exact(MENU)
    teacher.child.sendcontrol("c")
    teacher.child.expect_exact("Ga verder met: ictbekwaam assess --resume")
    teacher.child.expect(pexpect.EOF)
    teacher.child.close()
    assert teacher.child.exitstatus == 130
    draft = read_result(data_dir / "concept.json")
    assert len(draft.answers) == 15 and draft.complete is False

    teacher = Teacher(spawn(data_dir))
    teacher.child.expect_exact("nog niet af is")
    teacher.menu("1", after="Wat wil je doen?")  # Verdergaan waar ik was
    teacher.items(BV + 6, BV + A, "1")
    teacher.evidence()
    teacher.items(BV + A + 1, BV + A + B, "1")
    teacher.evidence()
    teacher.items(BV + A + B + 1, 33, "1")
    teacher.evidence()
    teacher.save()
    teacher.finish()
    (path,) = saved_results(data_dir)
    result = read_result(path)
    assert {k: result.answers[k] for k in draft.answers} == draft.answers
    assert result.answers["BV10"] == "deels" and result.answers["A5"] == 4 and result.answers["A6"] == 1
    assert result.respondent == draft.respondent and result.context == draft.context
    assert result.created_at == draft.created_at


def test_going_back_and_changing_an_answer(data_dir):
    teacher = Teacher(spawn(data_dir, "--new"))
    teacher.start()
    teacher.context()
    teacher.menu("1", after="vraag 1 van 33")  # BV1 ja
    teacher.menu("1", after="vraag 2 van 33")  # BV2 ja
    # At BV3 go back with "Vorige vraag" ...
    teacher.menu("v", after="vraag 3 van 33")
    teacher.child.expect_exact("(nu: Ja)")  # BV2 again, with its answer
    teacher.menu("3")  # BV2 nee
    # ... and at BV3 with Esc.
    teacher.child.expect_exact("vraag 3 van 33")
    teacher.child.expect_exact(MENU)
    teacher.child.send("\x1b")
    teacher.child.expect_exact("vraag 2 van 33")
    teacher.menu("2")  # BV2 deels
    teacher.menu("3", after="vraag 3 van 33")
    teacher.child.expect_exact("vraag 4 van 33")
    teacher.child.expect_exact(MENU)
    teacher.child.sendcontrol("c")
    teacher.child.expect(pexpect.EOF)
    teacher.child.close()
    assert teacher.child.exitstatus == 130
    draft = read_result(data_dir / "concept.json")
    assert draft.answers == {"BV1": "ja", "BV2": "deels", "BV3": "nee"}


def test_plain_mode_by_digits(data_dir):
    child = spawn(data_dir, "--plain")

    def number(digit: str, after: str) -> None:
        child.expect_exact(after)
        child.expect(r"Typ een nummer en druk op Enter[^:\n]*:")
        child.sendline(digit)

    number("1", "Klaar om te beginnen?")
    for label, answer in (("Over jou, 1 van 5", "Sam"), ("Over jou, 2 van 5", ""), ("Over jou, 3 van 5", "")):
        child.expect_exact(label)
        child.expect_exact("> ")
        child.sendline(answer)
    number("3", "Over jou, 4 van 5")
    child.expect_exact("Over jou, 5 van 5")
    child.expect_exact("> ")
    child.sendline("")
    for n in range(1, 34):
        digit = "2" if n <= BV else "3"
        number(digit, f"vraag {n} van 33.")
        if n in (BV + A, BV + A + B, 33):
            child.expect_exact("eigen voorbeeld")
            child.expect_exact("> ")
            child.sendline("")
    number("1", "Wat wil je doen?")
    child.expect_exact("Je resultaat staat in:")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0
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
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_closing_the_terminal_keeps_a_valid_draft(data_dir):
    teacher = Teacher(spawn(data_dir))
    teacher.start()
    teacher.context()
    teacher.items(1, 4, "3")
    teacher.child.expect_exact("vraag 5 van 33")
    teacher.child.expect_exact(MENU)
    pid = teacher.child.pid
    os.kill(pid, signal.SIGHUP)  # what the terminal does when its window is closed
    teacher.child.expect(pexpect.EOF)
    teacher.child.close()
    assert teacher.child.signalstatus is None and teacher.child.exitstatus == 129
    draft = read_result(data_dir / "concept.json")
    assert draft.answers == {"BV1": "nee", "BV2": "nee", "BV3": "nee", "BV4": "nee"}
    assert [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []
    # And the next start offers to continue it.
    child = spawn(data_dir)
    child.expect_exact("4 van 33 vragen beantwoord")
    child.expect_exact(MENU)
    child.send("3\r")  # Stoppen
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert read_result(data_dir / "concept.json").answers == draft.answers


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|4[0-9]|38;|48;)[0-9;]*m")


@pytest.mark.parametrize("no_color", [True, False])
def test_no_color_is_respected(data_dir, no_color):
    child = spawn(data_dir, term="xterm-256color", colour=not no_color)
    child.logfile_read = io.StringIO()
    child.expect_exact("Klaar om te beginnen?")
    child.expect_exact(MENU)
    child.send("1\r")
    child.expect_exact("1 van 5")
    child.expect_exact(FIELD)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    everything = child.logfile_read.getvalue()
    assert "Over jou" in everything
    assert bool(COLOUR.search(everything)) is not no_color
