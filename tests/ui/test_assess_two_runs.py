"""Two real ``ictbekwaam assess`` programs on one data folder, each in its own pseudo-terminal.

The first answers some questions and waits; a second (and a second with
``--new``) refuses with the Dutch message and exit code 1 and changes nothing;
the first goes on; after it is killed (SIGKILL: no clean-up at all) the lock is
gone with it, and a new run offers to continue its answers. The pty helpers are
those of test_assess_pty.py.
"""

from __future__ import annotations

import os
import signal
import sys

import pexpect
import pytest
from assess_keys import QUESTIONS
from test_assess_pty import MENU, Teacher, ended, spawn

from ictbekwaam.files.results import read_result

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

OVER_JOU = ["Sam", "OBS De Brug", "", "vo", "leraar"]


def refusal(data_dir, pid: int) -> str:
    return (
        f"Fout: er is al een zelfevaluatie open met deze gegevensmap (ictbekwaam assess, proces {pid}):\n"
        f"  {data_dir}\n"
        "Twee tegelijk zouden elkaars antwoorden overschrijven; daarom begint deze niet. Ga verder in het "
        "venster waarin die open is. Of stop daar eerst (je antwoorden blijven bewaard) en ga dan hier verder "
        "met: ictbekwaam assess --resume\n"
    )


def refused(data_dir, *args: str) -> str:
    """Start a second program; it must end by itself with exit code 1. Everything it showed."""
    second = spawn(data_dir, *args)
    second.expect(pexpect.EOF)
    shown = second.before.replace("\r\n", "\n")
    assert ended(second).exitstatus == 1, shown
    return shown


def test_a_second_run_refuses_and_a_killed_first_leaves_no_lock(data_dir, draft_of):
    draft_of(OVER_JOU)

    # 1. The first run continues the draft, answers four questions and waits at the fifth.
    first = Teacher(spawn(data_dir))
    first.menu("1", after="Wat wil je doen?")  # Verdergaan waar ik was
    first.items(1, 4, "1")  # ja
    first.child.expect_exact(f"vraag 5 van {QUESTIONS}")
    first.child.expect_exact(MENU)
    answered = read_result(data_dir / "concept.json").answers
    assert answered == {f"BV{n}": "ja" for n in range(1, 5)}
    before = (data_dir / "concept.json").read_bytes()

    # 2. A second run, and one that would start anew: both refuse at once, naming the folder and the first.
    for args in ((), ("--new",), ("--resume",)):
        assert refused(data_dir, *args) == refusal(data_dir, first.child.pid)
    assert (data_dir / "concept.json").read_bytes() == before
    assert not list(data_dir.glob("concept.vorige*"))

    # 3. The first goes on as if nothing happened: question 5 is saved too.
    first.child.send("2\r")  # deels
    first.child.expect_exact(f"vraag 6 van {QUESTIONS}")
    first.child.expect_exact(MENU)
    assert read_result(data_dir / "concept.json").answers == answered | {"BV5": "deels"}

    # 4. Killed: no handler runs, no Ctrl-C save, no clean-up. The kernel lets go of the lock.
    os.kill(first.child.pid, signal.SIGKILL)
    ended(first.child)
    assert first.child.signalstatus == signal.SIGKILL
    assert (data_dir / "concept.lock").exists()  # the file stays; its lock went with the process

    # 5. A new run starts, offers the five answers and continues at question 6.
    again = Teacher(spawn(data_dir))
    again.child.expect_exact(f"5 van {QUESTIONS} vragen beantwoord")
    again.menu("1", after="Wat wil je doen?")
    again.child.expect_exact(f"vraag 6 van {QUESTIONS}")
    again.child.expect_exact(MENU)
    assert refused(data_dir) == refusal(data_dir, again.child.pid)  # and now it has the lock
    again.child.send("3\r")  # nee
    again.child.expect_exact(f"vraag 7 van {QUESTIONS}")
    again.child.expect_exact(MENU)
    again.child.sendcontrol("c")
    assert again.exit() == 130
    draft = read_result(data_dir / "concept.json")
    assert draft.answers == answered | {"BV5": "deels", "BV6": "nee"}
    assert draft.respondent.naam == "Sam" and draft.context.school == "OBS De Brug"
    assert oct((data_dir / "concept.lock").stat().st_mode & 0o777) == oct(0o600)
