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
