"""Reading a doelen file (``--doelen FILE``): what is not a doelen file, and a missing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ictbekwaam.errors import DataError
from ictbekwaam.files.doelen import load_doelen


def write(tmp_path: Path, text: str, name: str = "doelen.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "dit is geen doelenbestand (verwacht 'doelen:' bovenaan)"),
        ("kerntaken: []\n", "dit is geen doelenbestand (verwacht 'doelen:' bovenaan)"),
        ("doelen: [\n", "geen geldige YAML"),
    ],
)
def test_not_a_doelen_file(kader, tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as info:
        load_doelen(path, kader)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_a_missing_doelen_file(kader, tmp_path):
    with pytest.raises(DataError) as info:
        load_doelen(tmp_path / "nope.yaml", kader)
    assert str(info.value) == f"{tmp_path / 'nope.yaml'}: bestand niet gevonden"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("doelen:\n  basisvaardigheden: no\n", "regel 2: doelen.basisvaardigheden: 'no' is geen optie van de checklist (ja, deels, nee)"),
        ("doelen:\n  items: {BV5: Yes}\n", "regel 2: doelen.items.BV5: 'Yes' is geen optie van de checklist (ja, deels, nee)"),
        ("doelen:\n  standaard: on\n", "regel 2: doelen.standaard: 'on' is geen niveau van de schaal (1, 2, 3, 4)"),
    ],
)
def test_yes_and_no_in_a_doelen_file_are_named_as_written_not_as_true_or_false(kader, tmp_path, text, message):
    with pytest.raises(DataError) as info:
        load_doelen(write(tmp_path, text), kader)
    assert str(info.value) == f"{tmp_path / 'doelen.yaml'}, {message}"


def test_a_doelen_file_with_a_name_that_yaml_1_1_would_read_as_a_boolean(kader, tmp_path):
    targets = load_doelen(write(tmp_path, "doelen:\n  naam: On\n  standaard: 2\n"), kader)
    assert targets.source == "doelen van de school: On (doelen.yaml)"


def test_validate_reads_a_doelen_file_as_assess_does(kader, tmp_path):
    from ictbekwaam.files.validate import validate_file

    assert validate_file(write(tmp_path, "doelen:\n  naam: On\n"), kader).kind == "doelenbestand"
    with pytest.raises(DataError) as info:
        validate_file(write(tmp_path, "doelen:\n  basisvaardigheden: no\n"), kader)
    assert info.value.problems[0][1] == "'no' is geen optie van de checklist (ja, deels, nee)"


def test_levels_and_options_are_read_as_forgivingly_as_in_an_answers_file(kader, tmp_path):
    """A number as text is a level, a label counts in any case: not "'3' is geen niveau van de schaal (1, 2, 3, 4)"."""
    text = 'doelen:\n  standaard: "3"\n  basisvaardigheden: Ja\n  kerntaken: {C: "2"}\n  items: {BV5: DEELS, A1: Voorbeeld voor anderen, B2: " 4 "}\n'
    targets = load_doelen(write(tmp_path, text), kader)
    assert (targets.per_item["A5"], targets.per_item["C1"], targets.per_item["A1"], targets.per_item["B2"]) == (3, 2, 4, 4)
    assert (targets.per_item["BV1"], targets.per_item["BV5"]) == ("ja", "deels")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('doelen:\n  standaard: "5"\n', "'5' is geen niveau van de schaal (1, 2, 3, 4)"),
        ("doelen:\n  standaard: JA\n", "'JA' is geen niveau van de schaal (1, 2, 3, 4)"),
        ("doelen:\n  items: {BV5: 3}\n", "'3' is geen optie van de checklist (ja, deels, nee)"),
        ("doelen:\n  basisvaardigheden: Bekwaam\n", "'Bekwaam' is geen optie van de checklist (ja, deels, nee)"),
    ],
)
def test_what_is_no_level_or_option_is_named_as_written(kader, tmp_path, text, message):
    from ictbekwaam.files.validate import validate_file

    for read in (load_doelen, validate_file):
        with pytest.raises(DataError) as info:
            read(write(tmp_path, text), kader)
        assert info.value.problems[0][1] == message


def test_validate_reads_levels_as_text_too(kader, tmp_path):
    from ictbekwaam.files.validate import validate_file

    assert validate_file(write(tmp_path, 'doelen:\n  standaard: "3"\n  basisvaardigheden: Ja\n'), kader).kind == "doelenbestand"
