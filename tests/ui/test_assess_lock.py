"""One interactive session per data folder: a second one refuses before it asks or changes anything.

In-process, through the scripted teacher; the same with two real programs in
pseudo-terminals is in test_assess_two_runs.py.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from ictbekwaam.errors import Cancelled, DataError, IctbekwaamError
from ictbekwaam.files.lock import lock_session
from ictbekwaam.files.storage import Store
from ictbekwaam.ui.assess import Hangup, run_assess
from ictbekwaam.ui.end import Commands
from assess_keys import A, B, BV, C

ENTER = "\r"
CTRL_C = "\x03"


def in_use(data_dir: Path, resume: str = "ictbekwaam assess --resume") -> str:
    """The refusal, as the test process itself holds the lock."""
    return (
        f"er is al een zelfevaluatie open met deze gegevensmap (ictbekwaam assess, proces {os.getpid()}):\n"
        f"  {data_dir}\n"
        "Twee tegelijk zouden elkaars antwoorden overschrijven; daarom begint deze niet. Ga verder in het "
        "venster waarin die open is. Of stop daar eerst (je antwoorden blijven bewaard) en ga dan hier verder "
        f"met: {resume}"
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != "concept.lock"}


@pytest.mark.parametrize("start", ["ask", "resume", "new"])
def test_a_second_session_refuses_and_touches_nothing(kader, teacher, data_dir, draft_of, start):
    draft_of(["Sam", "OBS De Brug", "", "vo", "leraar", "ja", "nee"])
    (data_dir / "concept.vorige.json").write_bytes((data_dir / "concept.json").read_bytes().replace(b"Sam", b"Kim"))
    before = files_of(data_dir)
    ui = teacher(["1"] * 5)
    out = data_dir.parent / "pop"
    with lock_session(data_dir / "concept.lock"):
        with pytest.raises(IctbekwaamError) as error:
            run_assess(kader, Store(results_dir=out), ui, start=start, commands=Commands(out=out))
    assert str(error.value) == in_use(data_dir, f"ictbekwaam assess --resume --out {out}")
    assert error.value.exit_code == 1
    assert ui.lines == [] and ui.asked == []  # not a word before the refusal
    assert files_of(data_dir) == before  # concept.json and concept.vorige.json as they were
    assert not out.exists()


class Watching:
    """A scripted teacher who, at every question, checks that nobody else could take the lock."""

    def __init__(self, ui, path: Path) -> None:
        self.ui = ui
        self.path = path
        self.refused: list[bool] = []

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.ui, name)

    def _check(self) -> None:
        other = lock_session(self.path)
        self.refused.append(other is None)
        if other is not None:
            other.release()

    def choose(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._check()
        return self.ui.choose(*args, **kwargs)

    def text(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._check()
        return self.ui.text(*args, **kwargs)


@pytest.mark.parametrize(
    "keys, ends",
    [
        pytest.param(["2"], None, id="stopped-at-the-welcome"),
        pytest.param([ENTER, "Sam", CTRL_C], Cancelled, id="ctrl-c"),
        pytest.param([ENTER, "Sam", Hangup()], Hangup, id="terminal-closed"),
        pytest.param([ENTER, "Sam", RuntimeError("een fout")], RuntimeError, id="a-bug"),
    ],
)
def test_the_lock_is_held_at_every_question_and_let_go_at_every_end(kader, teacher, data_dir, keys, ends):
    path = data_dir / "concept.lock"
    ui = Watching(teacher(keys), path)
    if ends is None:
        run_assess(kader, Store(), ui)
    else:
        with pytest.raises(ends):
            run_assess(kader, Store(), ui)
    assert ui.refused and all(ui.refused), ui.refused
    with lock_session(path) as next_session:
        assert next_session.held


def test_a_finished_assessment_lets_go_too(kader, teacher, data_dir, draft_of):
    draft_of(["Sam", "", "", "po", ""] + ["ja"] * BV + [3] * A + [None] + [3] * B + [None] + [3] * C + [None])
    outcome = run_assess(kader, Store(), teacher(["1", "1"]))  # verdergaan; overzicht: opslaan
    assert outcome.path is not None
    with lock_session(data_dir / "concept.lock") as next_session:
        assert next_session.held


def test_a_damaged_draft_lets_go_too(kader, teacher, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "concept.json").write_text("{kapot")
    with pytest.raises(DataError):
        run_assess(kader, Store(), teacher([]))
    with lock_session(data_dir / "concept.lock") as next_session:
        assert next_session.held


@pytest.mark.skipif(sys.platform == "win32", reason="fcntl")
def test_without_locking_the_teacher_is_warned_and_goes_on(kader, teacher, data_dir, monkeypatch):
    def cannot(fd, operation):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr("fcntl.flock", cannot)
    ui = teacher(["1", "Sam", CTRL_C])
    with pytest.raises(Cancelled):
        run_assess(kader, Store(), ui)
    assert ui.lines[0] == (
        f"Let op: in {data_dir} kan ictbekwaam je concept niet vergrendelen (dat kan niet op elke netwerkschijf). "
        "Open de zelfevaluatie daar niet in twee vensters tegelijk: dan overschrijven ze elkaars antwoorden."
    )
    assert Store().load_draft().respondent.naam == "Sam"
