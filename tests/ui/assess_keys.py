"""The scripted teacher's keys and the run helper shared by the assess flow tests (tests/ui/test_assess_*.py)."""

from __future__ import annotations

from ictbekwaam.files.storage import Store
from ictbekwaam.model.result import Evidence
from ictbekwaam.ui.assess import run_assess

ENTER = "\r"
ESC = "\x1b"
CTRL_C = "\x03"

BV = 10
A, B, C = 14, 4, 5

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
