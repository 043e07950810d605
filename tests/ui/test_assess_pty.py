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

from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import Evidence, json_schema
from assess_keys import A, B, BV, C, QUESTIONS, ids

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

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
        # Ctrl-C must reach the program even when the tests run in the background (where SIGINT is ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    child.delaybeforesend = None  # every key waits for its question instead
    return child


def after_ctrl_c(child, text: str) -> None:
    """Press Ctrl-C and wait for ``text``; if it never comes, say what the program's signals and state were."""
    child.sendcontrol("c")
    try:
        child.expect_exact(text)
    except pexpect.TIMEOUT:
        status = Path(f"/proc/{child.pid}/status")
        facts = [line for line in status.read_text().splitlines() if line.startswith(("State", "Sig", "Shd"))] if status.exists() else []
        pytest.fail(f"no {text!r} after Ctrl-C; the program shows {child.before[-200:]!r}; {facts}")


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
            self.menu(key, after=f"vraag {number} van {QUESTIONS}")

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
C1 = BV + A + B + 1  # the number of question C1


def test_a_closed_terminal_then_ctrl_c_then_the_end(kader, data_dir, draft_of):
    """One teacher, three times at the terminal: the window closed, Ctrl-C, and then to the end."""
    draft_of(UP_TO_C)
    answered = len(UP_TO_C) - 7  # minus Over jou and two own examples

    # 1. The terminal is closed (SIGHUP) at C2: exit 129, the draft is valid and complete up to C1.
    teacher = Teacher(spawn(data_dir))
    teacher.menu("1", after="Wat wil je doen?")  # Verdergaan waar ik was
    teacher.items(C1, C1, "5")  # niet van toepassing
    teacher.child.expect_exact(f"vraag {C1 + 1} van {QUESTIONS}")
    teacher.child.expect_exact(MENU)
    os.kill(teacher.child.pid, signal.SIGHUP)  # what the terminal does when its window is closed
    ended(teacher.child)
    assert teacher.child.signalstatus is None and teacher.child.exitstatus == 129
    closed = read_result(data_dir / "concept.json")
    assert len(closed.answers) == answered + 1 and closed.answers["C1"] == "nvt"
    assert [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []

    # 2. The next start offers to continue it; Esc goes back, Ctrl-C at C3 stops with exit 130.
    teacher = Teacher(spawn(data_dir))
    teacher.child.expect_exact("nog niet af is")
    teacher.child.expect_exact(f"{answered + 1} van {QUESTIONS} vragen beantwoord")
    teacher.menu("1", after="Wat wil je doen?")
    teacher.child.expect_exact(f"vraag {C1 + 1} van {QUESTIONS}")
    teacher.child.expect_exact(MENU)
    teacher.child.send("\x1b")  # a lone Esc, as a real keyboard sends it
    teacher.child.expect_exact("(nu: Niet van toepassing)")  # C1 again, with its answer
    teacher.menu("5")
    teacher.items(C1 + 1, C1 + 1, "5")
    teacher.child.expect_exact(f"vraag {C1 + 2} van {QUESTIONS}")
    teacher.child.expect_exact(MENU)
    after_ctrl_c(teacher.child, "Ga verder met: ictbekwaam assess --resume")
    assert teacher.exit() == 130
    draft = read_result(data_dir / "concept.json")
    assert len(draft.answers) == answered + 2 and draft.complete is False
    assert {k: draft.answers[k] for k in closed.answers} == closed.answers

    # 3. Continue to the end: the gap profile on screen, everything on target, C not applicable.
    teacher = Teacher(spawn(data_dir))
    teacher.menu("1", after="Wat wil je doen?")
    teacher.items(C1 + 2, QUESTIONS, "5")
    teacher.evidence()
    teacher.save()
    teacher.child.expect_exact("Profiel ict-bekwaamheid: Sam")
    teacher.child.expect_exact(f"Niet van toepassing, telt niet mee ({C}): {', '.join(ids(kader, 'C'))}")
    teacher.child.expect_exact(f"op doel {A} van {A} (100%)")
    shown_path = teacher.finish()
    (path,) = saved_results(data_dir)
    assert shown_path == str(path)
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    jsonschema.validate(json.loads(path.read_text()), json_schema())
    result = read_result(path)
    assert result.complete and len(result.answers) == QUESTIONS
    last_a = ids(kader, "A")[-1]
    assert result.answers["BV1"] == "ja" and result.answers[last_a] == 3 and result.answers["B1"] == 4
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
        child.expect(r"Typ een nummer[^:\n]* en druk op Enter[^:\n]*:")
        child.sendline(digit)

    number("1", "Wat wil je doen?")  # Verdergaan waar ik was
    number("3", f"vraag {QUESTIONS} van {QUESTIONS}.")
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


# Meaning carried by a symbol that a screen reader reads as noise or not at all: plain mode says it in words.
# "[…]" marks a cut inside a verbatim quote of the Kader (the source's own convention), not a truncated text.
SYMBOLS = re.compile(r"[·✓✗→█░]|(?<!\[)…|…(?!\])|\b\d+/\d+\b")


def test_accessible_asks_plainly_with_numbers_and_letters_and_never_an_escape(kader, data_dir, tmp_path, draft_of):
    """ACCESSIBLE=1 in an ordinary terminal: numbers for answers, t/o/v (any case) for the rest, nothing but text.

    The raw bytes from the terminal are read: not one escape sequence (no colour, no cursor movement, no
    bracketed paste) and no symbol that carries meaning, from the welcome to the end screen.
    """
    out = tmp_path / "mijn resultaten"
    raw = io.BytesIO()

    def start(*args: str):
        child = pexpect.spawn(
            sys.executable,
            ["-m", "ictbekwaam", "assess", *args],
            env={
                **{k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES", "TERM")},
                "TERM": "xterm-256color", "ACCESSIBLE": "1", "ICTBEKWAAM_DATA_DIR": str(data_dir),
            },
            timeout=TIMEOUT,
            dimensions=(40, 120),
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )  # no encoding: the bytes as the terminal gets them
        child.delaybeforesend = None
        child.logfile_read = raw
        return child

    def typed(child, text: str, after: str) -> None:
        child.expect_exact(after.encode())
        child.expect(rb"(Typ een nummer[^:\n]* en druk op Enter[^:\n]*:|\n>) ")
        child.sendline(text)

    # 1. A start with numbers and letters, then Ctrl-C: continuing keeps --out and the plain questions.
    child = start("--out", str(out))
    typed(child, "1", "Klaar om te beginnen?")
    for text in ("Sam", "", "", "2", ""):
        typed(child, text, "Over jou, ")
    typed(child, "t", "vraag 1 van")  # BV1: toelichting ...
    typed(child, "T", "Stelling en toelichting:")  # ... once: a second T says where it is
    typed(child, "1", "staat hierboven.")  # ja
    typed(child, "O", "vraag 2 van")  # BV2: overslaan
    typed(child, "v", "vraag 3 van")  # BV3: back to BV2 ...
    typed(child, "2", "vraag 2 van")  # ... deels
    child.expect_exact(b"vraag 3 van")
    child.expect_exact(b"druk op Enter")
    after_ctrl_c(child, "--plain")
    assert ended(child).exitstatus == 130
    stopped = raw.getvalue().decode()
    assert f"Ga verder met: ictbekwaam assess --resume --out '{out}' --plain" in " ".join(stopped.split())
    assert read_result(data_dir / "concept.json").answers == {"BV1": "ja", "BV2": "deels"}

    # 2. The last question of a draft, the overview and the end screen, also plainly.
    draft_of(["Sam", "", "", "vo", ""] + ["deels"] * BV + [3] * A + [None] + [1] * B + [None] + [2] * (C - 1))
    child = start("--out", str(out))
    typed(child, "1", "Wat wil je doen?")  # Verdergaan waar ik was
    typed(child, "o", f"vraag {QUESTIONS} van {QUESTIONS}.")  # skipped ...
    typed(child, "<", "eigen voorbeeld")  # ... back from the own example: "v" would be text here
    typed(child, "4", f"vraag {QUESTIONS} van {QUESTIONS}.")
    typed(child, "", "eigen voorbeeld")
    typed(child, "1", "Wat wil je doen?")  # opslaan
    child.expect_exact(b"Je resultaat staat in:")
    assert ended(child).exitstatus == 0
    (path,) = sorted(out.iterdir())
    assert read_result(path).answers[ids(kader, "C")[-1]] == 4

    everything = raw.getvalue()
    assert b"\x1b" not in everything
    text = everything.decode()
    assert SYMBOLS.findall(text) == []
    assert "  t. Toelichting bij deze vraag" in text and "Je antwoord: niveau 4 van 4, Voorbeeld voor anderen." in text
    assert "nog niet op doel, nog 2 niveaus." in text  # the profile at the end, in words


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|4[0-9]|38;|48;)[0-9;]*m")


def test_the_terminal_decides_how_to_ask(tmp_path):
    """A dumb terminal gets the plain questions; NO_COLOR takes the colour away. Three programs start side by side."""
    dumb = spawn(tmp_path / "dumb", term="dumb")
    coloured = {no_color: spawn(tmp_path / f"no-color-{no_color}", term="xterm-256color", colour=not no_color) for no_color in (True, False)}
    for child in coloured.values():
        child.logfile_read = io.StringIO()

    dumb.expect_exact("Kiezen doe je door het nummer van je keuze te typen")
    dumb.expect_exact("Typ een nummer en druk op Enter:")
    after_ctrl_c(dumb, "Er is nog niets opgeslagen.")
    assert ended(dumb).exitstatus == 130

    for no_color, child in coloured.items():
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
