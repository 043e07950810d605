"""The one place for errors: exit codes (as the README lists them), places and problem lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ictbekwaam.errors import DataError, ExitCode, LineMap, Place, Problems

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_exit_code_is_in_the_readme_and_nothing_else_is():
    listed = {int(code) for code in re.findall(r"^\| (\d+) \| ", README, re.M)}
    assert listed == {int(code) for code in ExitCode}


def test_exit_codes_are_what_shells_report():
    assert (ExitCode.OK, ExitCode.DATA, ExitCode.USAGE) == (0, 1, 2)
    assert ExitCode.HANGUP == 128 + 1  # SIGHUP
    assert ExitCode.CANCELLED == 128 + 2  # SIGINT


def test_a_place_names_file_line_and_path():
    assert str(Place("doelen.yaml", "doelen.items.A7", 9)) == "doelen.yaml, regel 9: doelen.items.A7"
    assert str(Place(None, "antwoorden")) == "antwoorden"
    assert str(Place(Path("k.yaml"))) == "k.yaml"


def test_a_line_map_falls_back_to_the_nearest_ancestor():
    lines = LineMap({"kerntaken": 3, "kerntaken[1]": 40})
    assert lines.line("kerntaken[1].items[3].id") == 40
    assert lines.line("kerntaken[0].titel") == 3
    assert lines.line("meta") is None


def test_problems_report_every_problem_with_the_first_as_headline():
    problems = Problems("k.yaml", LineMap({"a": 1, "b": 2}))
    problems.add("a", "eerste")
    problems.add("b", "tweede")
    with pytest.raises(DataError) as raised:
        problems.raise_if_any()
    assert raised.value.problems == [(Place("k.yaml", "a", 1), "eerste"), (Place("k.yaml", "b", 2), "tweede")]
    assert raised.value.message == "k.yaml, regel 1: a: eerste\nk.yaml, regel 2: b: tweede"


def test_no_problems_raise_nothing():
    Problems("k.yaml", LineMap()).raise_if_any()


def test_unique_names_every_repeat_after_the_first():
    problems = Problems(None, LineMap())
    problems.unique([("x[0]", "A1"), ("x[1]", "A2"), ("x[2]", "A1"), ("x[3]", "A1")], "id")
    assert [message for _, message in problems.found] == [
        "id 'A1' komt vaker voor (ook bij x[0])",
        "id 'A1' komt vaker voor (ook bij x[0])",
    ]
    assert [place.path for place, _ in problems.found] == ["x[2]", "x[3]"]


def test_os_reasons_are_dutch_never_the_english_strerror():
    import errno

    from ictbekwaam.errors import os_reason

    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        "te veel symbolische koppelingen achter elkaar, waarschijnlijk een kringloop"
    )
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "geen toestemming"
    assert os_reason(OSError(errno.ESTALE, "Stale file handle")) == "systeemfout ESTALE"
    assert os_reason(OSError("no errno at all")) == "systeemfout"


def test_a_file_with_very_many_problems_shows_fifty_and_counts_the_rest():
    from ictbekwaam.errors import MAX_PROBLEMS, DataError, LineMap, Problems

    problems = Problems("doelen.yaml", LineMap())
    for n in range(400):
        problems.add(f"items.X{n}", "onbekend item")
    with pytest.raises(DataError) as info:
        problems.raise_if_any()
    shown = info.value.problems
    assert len(shown) == MAX_PROBLEMS == 50
    assert shown[-1][1] == "en nog 351 problemen"
    assert shown[-2][0].path == "items.X48"
