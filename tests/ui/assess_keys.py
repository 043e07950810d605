"""The scripted teacher's keys and the run helper shared by the assess flow tests (tests/ui/test_assess_*.py)."""

from __future__ import annotations

from contextlib import contextmanager

from ictbekwaam.files.loader import load_kader
from ictbekwaam.files.storage import Store
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import Evidence
from ictbekwaam.ui.assess import run_assess

ENTER = "\r"
ESC = "\x1b"
CTRL_C = "\x03"


def sizes(kader: Kader) -> tuple[int, int, int, int]:
    """How many basisvaardigheden and how many statements of kerntaak A, B and C the kader asks."""
    return (len(kader.basisvaardigheden.items), *(len(kader.kerntaak(k).items) for k in "ABC"))


def ids(kader: Kader, section: str) -> list[str]:
    """The item ids of a kerntaak ("A") or of the basisvaardigheden ("BV"), in kader order."""
    items = kader.basisvaardigheden.items if section == "BV" else kader.kerntaak(section).items
    return [item.id for item in items]


def figures(kader: Kader, kerntaak: str, level: int) -> str:
    """The gap profile's line of figures for a kerntaak whose every statement is answered ``level``:
    on target where the item's doel (3, or 2 for a statement only in chapter 4) is reached, short by the rest
    (the levels to go, summed; left out when none)."""
    gaps = [kader.default_target(i) - level for i in ids(kader, kerntaak) if kader.default_target(i) > level]
    count = len(ids(kader, kerntaak))
    on_target = count - len(gaps)
    to_go = f" · nog {sum(gaps)} {'niveau' if sum(gaps) == 1 else 'niveaus'} te gaan" if gaps else ""
    return (
        f"gem. {level},0 van {max(kader.level_values())} · "
        f"op doel {on_target} van {count} ({round(100 * on_target / count)}%){to_go}"
    )


# The built-in kader, which the walks of these tests (and the programs in a pty) ask.
KADER = load_kader()
BV, A, B, C = sizes(KADER)
QUESTIONS = len(KADER.all_items())  # the "van N" of "vraag 7 van N"
assert QUESTIONS == BV + A + B + C

START = [ENTER]  # "Beginnen" is the first choice
CONTEXT = ["Sam", "OBS De Brug", "", "1", "leraar"]


def full_keys() -> list:
    """A whole assessment: every answer given, an own example for kerntaak A."""
    return (
        START
        + CONTEXT
        + ["1"] * BV  # basisvaardigheden: ja
        + ["3"] * A  # kerntaak A: 3
        + ["Instructievideo's voor rekenen", "Leerlingen kijken thuis terug"]
        + ["4"] * B
        + [""]  # no own example for B
        + ["2"] * C
        + [""]
        + ["1"]  # overview: opslaan en afronden
    )


# What full_keys() answers, one value per step: a draft made of them stands at the overview.
FULL_ANSWERS = (
    ["Sam", "OBS De Brug", "", "po", "leraar"]
    + ["ja"] * BV
    + [3] * A
    + [Evidence(voorbeeld="Instructievideo's voor rekenen", meerwaarde="Leerlingen kijken thuis terug")]
    + [4] * B
    + [None]
    + [2] * C
    + [None]
)
RESUME = ["1"]  # "Verdergaan waar ik was"


def run(kader, ui, store: Store | None = None, **kwargs):
    """The assessment with this scripted teacher; every answer of the script must be used."""
    outcome = run_assess(kader, store or Store(), ui, **kwargs)
    assert ui.script == [], f"not asked: {ui.script}"
    return outcome


@contextmanager
def keyboard(keys: str):
    """Run prompts inside an app session that reads ``keys`` from a pipe (prompt_toolkit's pipe input)."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(keys)
            yield inp
