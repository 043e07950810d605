"""The loader's cross-checks of ``geschiedenis``: every id resolves, and an id never comes back with another meaning.

Each broken history is written into a kader file and loaded like a school's own kader: the Dutch
message, the path inside the file and the line.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from ictbekwaam.errors import DataError
from ictbekwaam.files.loader import builtin_kader_path, load_kader

KADER = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
HISTORY = KADER["geschiedenis"][0]["wijzigingen"]
# The built-in history these tests change: 1.0.0's A2 split in two, A8 narrowed.
SPLIT = next(n for n, w in enumerate(HISTORY) if w["id"] == "A2")
NARROWED = next(n for n, w in enumerate(HISTORY) if w["id"] == "A8")


def test_the_changes_these_tests_start_from():
    assert KADER["meta"]["versie"] == "1.1.0"
    assert [v["versie"] for v in KADER["geschiedenis"]] == ["1.0.0"]
    assert (HISTORY[SPLIT]["soort"], HISTORY[SPLIT]["naar"]) == ("gesplitst", ["A2a", "A2b"])
    assert HISTORY[NARROWED]["soort"] == "gewijzigd" and "naar" not in HISTORY[NARROWED]


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "kader.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def line_in_history(path: Path, needle: str, nth: int = 1) -> int:
    """The line of the ``nth`` line inside ``geschiedenis`` that is ``needle`` (stripped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("geschiedenis:")
    found = [n for n, line in enumerate(lines, 1) if n > start and line.strip() == needle]
    return found[nth - 1]


def the_only_problem(tmp_path: Path, change) -> tuple[Path, str, str, int]:
    """Load the kader with ``change`` made to it: (file, path, message, line) of its one problem."""
    data = copy.deepcopy(KADER)
    change(data)
    path = write(tmp_path, data)
    with pytest.raises(DataError) as info:
        load_kader(path)
    assert len(info.value.problems) == 1, info.value.problems
    place, message = info.value.problems[0]
    assert place.file == path
    assert str(info.value).splitlines()[0] == f"{path}, regel {place.line}: {place.path}: {message}"
    return path, place.path, message, place.line


def changes(data: dict) -> list[dict]:
    return data["geschiedenis"][0]["wijzigingen"]


def appended(entry: dict):
    """A change that adds ``entry`` to the history of 1.0.0."""
    return lambda d: changes(d).append(entry)


# (what, change, path of the problem, message, the line it is on): one problem each.
ONE_PROBLEM = [
    # A1 exists in 1.1.0: saying the A1 of 1.0.0 was split would give the id a second meaning.
    ("split-id-bestaat", lambda d: changes(d)[SPLIT].update(id="A1"), f"wijzigingen[{SPLIT}].id",
     "item 'A1' bestaat nog; een id krijgt nooit een andere betekenis", "- id: A1"),
    ("vervallen-id-bestaat", appended({"id": "B4", "soort": "vervallen", "reden": "de stelling is eruit."}),
     f"wijzigingen[{len(HISTORY)}].id", "item 'B4' bestaat nog; een id krijgt nooit een andere betekenis", "- id: B4"),
    ("deel-bestaat-niet", lambda d: changes(d)[SPLIT].update(naar=["A2a", "A2c"]), f"wijzigingen[{SPLIT}].naar[1]",
     "item 'A2c' bestaat niet in deze versie", "- A2c"),
    ("een-deel", lambda d: changes(d)[SPLIT].update(naar=["A2a"]), f"wijzigingen[{SPLIT}].naar",
     "een gesplitst item heeft minstens twee nieuwe items", "naar:"),
    ("gewijzigd-bestaat-niet", lambda d: changes(d)[NARROWED].update(id="A99"), f"wijzigingen[{NARROWED}].id",
     "item 'A99' bestaat niet in deze versie", "- id: A99"),
    ("nieuw-bestaat-niet", appended({"id": "C6", "soort": "nieuw", "reden": "een nieuwe stelling."}),
     f"wijzigingen[{len(HISTORY)}].id", "item 'C6' bestaat niet in deze versie", "- id: C6"),
]


@pytest.mark.parametrize(("what", "change", "where", "message", "needle"), ONE_PROBLEM, ids=[c[0] for c in ONE_PROBLEM])
def test_a_history_that_breaks_a_rule_is_refused_at_its_place(tmp_path, what, change, where, message, needle):
    path, found_where, found_message, line = the_only_problem(tmp_path, change)
    assert (found_where, found_message) == (f"geschiedenis[0].{where}", message)
    assert line == line_in_history(path, needle)


def test_a_split_without_parts_is_refused(tmp_path):
    def change(d):
        del changes(d)[SPLIT]["naar"]

    _, where, message, _ = the_only_problem(tmp_path, change)
    assert where == f"geschiedenis[0].wijzigingen[{SPLIT}].naar"
    assert message == "een gesplitst item heeft minstens twee nieuwe items"


def test_naar_on_a_narrowed_item_is_refused(tmp_path):
    path, where, message, line = the_only_problem(tmp_path, lambda d: changes(d)[NARROWED].update(naar=["C3", "C4"]))
    assert where == f"geschiedenis[0].wijzigingen[{NARROWED}].naar"
    assert message == "alleen een gesplitst item heeft 'naar' (dit is gewijzigd)"
    # The first "naar:" in the history is that of the split A2; the A8's is the fifth (the splits A2, A4, A7
    # and A14 come before it in the file).
    before = [w["id"] for w in HISTORY[:NARROWED] if "naar" in w]
    assert before == ["A2", "A4", "A7", "A14"]
    assert line == line_in_history(path, "naar:", nth=len(before) + 1)


def test_an_id_twice_in_one_version_is_refused(tmp_path):
    def change(d):
        changes(d).append({"id": "A8", "soort": "gewijzigd", "reden": "nog een keer."})

    path, where, message, line = the_only_problem(tmp_path, change)
    assert where == f"geschiedenis[0].wijzigingen[{len(HISTORY)}].id"
    assert message == f"item-id 'A8' komt vaker voor (ook bij geschiedenis[0].wijzigingen[{NARROWED}].id)"
    assert line == line_in_history(path, "- id: A8", nth=2)


def test_a_version_twice_is_refused(tmp_path):
    def change(d):
        d["geschiedenis"].append(copy.deepcopy(d["geschiedenis"][0]) | {"hash": "sha256:" + "2" * 64})

    path, where, message, line = the_only_problem(tmp_path, change)
    assert where == "geschiedenis[1].versie"
    assert message == "versie '1.0.0' komt vaker voor (ook bij geschiedenis[0].versie)"
    assert line == line_in_history(path, "- versie: 1.0.0", nth=2)


def test_the_kaders_own_version_in_its_history_is_refused(tmp_path):
    path, where, message, line = the_only_problem(tmp_path, lambda d: d["geschiedenis"][0].update(versie="1.1.0"))
    assert where == "geschiedenis[0].versie"
    assert message == "dit is de versie van dit kader zelf (1.1.0)"
    assert line == line_in_history(path, "- versie: 1.1.0")


def test_every_history_problem_is_reported_at_once(tmp_path):
    def change(d):
        changes(d)[SPLIT].update(naar=["A2a"])
        changes(d)[NARROWED].update(id="A99")
        d["geschiedenis"][0]["versie"] = "1.1.0"

    data = copy.deepcopy(KADER)
    change(data)
    with pytest.raises(DataError) as info:
        load_kader(write(tmp_path, data))
    assert [(p.path, m) for p, m in info.value.problems] == [
        ("geschiedenis[0].versie", "dit is de versie van dit kader zelf (1.1.0)"),
        (f"geschiedenis[0].wijzigingen[{SPLIT}].naar", "een gesplitst item heeft minstens twee nieuwe items"),
        (f"geschiedenis[0].wijzigingen[{NARROWED}].id", "item 'A99' bestaat niet in deze versie"),
    ]


def test_a_kader_without_history_loads(tmp_path):
    data = copy.deepcopy(KADER)
    del data["geschiedenis"]
    assert load_kader(write(tmp_path, data)).geschiedenis == []


def test_a_part_named_twice_in_one_split_is_refused(tmp_path):
    path, where, message, line = the_only_problem(tmp_path, lambda d: changes(d)[SPLIT].update(naar=["A2a", "A2a", "A2b"]))
    assert where == f"geschiedenis[0].wijzigingen[{SPLIT}].naar[1]"
    assert message == f"nieuw item 'A2a' komt vaker voor (ook bij geschiedenis[0].wijzigingen[{SPLIT}].naar[0])"


def test_a_part_of_two_splits_is_refused(tmp_path):
    other = next(n for n, w in enumerate(HISTORY) if w["id"] == "A7")
    path, where, message, line = the_only_problem(tmp_path, lambda d: changes(d)[other].update(naar=["A2a", "A7b"]))
    assert message.startswith("nieuw item 'A2a' komt vaker voor")
    assert {where, message.split("ook bij ")[1].rstrip(")")} == {
        f"geschiedenis[0].wijzigingen[{SPLIT}].naar[0]",
        f"geschiedenis[0].wijzigingen[{other}].naar[0]",
    }


def test_a_part_that_kept_its_own_id_is_refused(tmp_path):
    path, where, message, line = the_only_problem(tmp_path, lambda d: changes(d)[SPLIT].update(naar=["A8", "A2b"]))
    assert where == f"geschiedenis[0].wijzigingen[{SPLIT}].naar[0]"
    assert message == "'A8' hield zijn id (gewijzigd) en kan geen nieuw deel zijn"


def test_two_earlier_versions_with_one_hash_are_refused(tmp_path):
    def change(d):
        d["geschiedenis"].append({"versie": "0.9.0", "hash": d["geschiedenis"][0]["hash"], "wijzigingen": []})

    path, where, message, line = the_only_problem(tmp_path, change)
    assert where == "geschiedenis[1].hash"
    assert message.startswith("hash 'sha256:") and message.endswith("komt vaker voor (ook bij geschiedenis[0].hash)")


@pytest.mark.parametrize(("versie", "later"), [("2.0.0", True), ("1.1.1", True), ("1.0.9", False), ("1.1.0-school", False)])
def test_a_history_version_later_than_the_kader_is_refused(tmp_path, versie, later):
    data = copy.deepcopy(KADER)
    data["geschiedenis"].append({"versie": versie, "hash": "sha256:" + "1" * 64, "wijzigingen": []})
    path = write(tmp_path, data)
    if not later:
        assert load_kader(path).previous(versie) is not None
        return
    with pytest.raises(DataError) as info:
        load_kader(path)
    assert info.value.problems[0][1] == f"versie {versie} is nieuwer dan dit kader (1.1.0)"


def test_parts_of_one_split_in_two_sections_are_refused(tmp_path):
    # A doel or an answer of A2 cannot hold for a checklist item and a scale item at once.
    path, where, message, line = the_only_problem(tmp_path, lambda d: changes(d)[SPLIT].update(naar=["A2a", "BV3"]))
    assert where == f"geschiedenis[0].wijzigingen[{SPLIT}].naar"
    assert message == "de delen van een gesplitst item horen in hetzelfde onderdeel van het kader"


def test_a_new_item_that_is_also_a_part_is_refused(tmp_path):
    path, where, message, line = the_only_problem(tmp_path, appended({"id": "A2a", "soort": "nieuw", "reden": "nieuw."}))
    assert where == f"geschiedenis[0].wijzigingen[{len(HISTORY)}].id"
    assert message == f"nieuw item 'A2a' komt vaker voor (ook bij geschiedenis[0].wijzigingen[{SPLIT}].naar[0])"


def test_an_id_split_differently_in_two_earlier_versions_is_refused(tmp_path):
    def change(d):
        d["geschiedenis"].append(
            {"versie": "0.9.0", "hash": "sha256:" + "3" * 64,
             "wijzigingen": [{"id": "A2", "soort": "gesplitst", "naar": ["A2b", "A3"], "reden": "anders."}]}
        )

    path, where, message, line = the_only_problem(tmp_path, change)
    assert where == "geschiedenis[1].wijzigingen[0]"
    assert message == f"'A2' gaat hier anders dan bij geschiedenis[0].wijzigingen[{SPLIT}]; een id heeft één betekenis"
