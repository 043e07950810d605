"""The school's own targets (``--doelen``): the file, its checks, and what it does to the profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import DE_BRUG

from ictbekwaam.errors import DataError
from ictbekwaam.core.scoring import score
from ictbekwaam.files.doelen import load_doelen
from ictbekwaam.model.targets import default_targets
from builders import everything, make_result

def write(tmp_path: Path, text: str, name: str = "doelen.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_file_the_kader_defaults_apply(kader):
    targets = load_doelen(None, kader)
    assert targets == default_targets(kader)
    assert targets.file is None
    assert set(targets.per_item.values()) == {3, 2, "ja"}
    # Kader 1.1.0: the statements that come only from chapter 4 have doel 2 (15 in A, C4 and C5: 17),
    # the others keep 3 (A1, A5, A6, B1..B4, C1..C3: 10); 17 + 10 = 27 statements.
    doel_2 = ["A2a", "A2b", "A3", "A4a", "A4b", "A7a", "A7b", "A8", "A9", "A10", "A11", "A12", "A13", "A14a", "A14b", "C4", "C5"]
    assert sorted(i for i, t in targets.per_item.items() if t == 2) == sorted(doel_2)
    assert sorted(i for i, t in targets.per_item.items() if t == 3) == ["A1", "A5", "A6", "B1", "B2", "B3", "B4", "C1", "C2", "C3"]
    assert len(doel_2) + 10 == sum(len(k.items) for k in kader.kerntaken) == 27
    assert targets.source == (
        "standaarddoelen: niveau 3 (Bekwaam) voor 10 stellingen en niveau 2 (Beginnend) voor 17 stellingen, "
        "Ja voor de basisvaardigheden"
    )
    assert targets.notes == ()


def test_default_kerntaak_item_and_checklist_targets_are_resolved(kader, tmp_path):
    targets = load_doelen(write(tmp_path, DE_BRUG), kader)
    assert targets.target_for("A1") == 2  # standaard
    # DE_BRUG names A7 of kaderversie 1.0.0: it was split, and its doel holds for both parts.
    assert targets.target_for("A7a") == 4  # item wins over standaard
    assert targets.target_for("A7b") == 4
    assert targets.target_for("A7") is None
    assert targets.notes == ("het doel 4 voor A7 in het doelenbestand geldt voor A7a en A7b, want A7 is gesplitst",)
    assert targets.target_for("C3") == 4  # kerntaak wins over standaard
    assert targets.target_for("BV1") == "ja"
    assert targets.target_for("BV5") == "deels"
    assert targets.target_for("X1") is None
    assert targets.source == "doelen van de school: Doelen OBS De Brug 2026 (doelen.yaml)"
    assert len(targets.per_item) == len(kader.all_items())


def test_a_schools_targets_change_the_profile_as_expected(kader, tmp_path):
    # A1 has the kader's standard doel 3 (A2a, used here before 1.1.0 as A2, now has doel 2).
    assert kader.default_target("A1") == 3
    answers = everything(kader, level=3) | {"BV5": "deels", "A1": 2}
    result = make_result(kader, answers)
    standard = score(result, kader, default_targets(kader))
    own = score(result, kader, load_doelen(write(tmp_path, DE_BRUG), kader))

    # Standard targets (3 or 2, ja): only BV5 (deels) and A1 (2) fall short.
    assert [p.id for p in standard.priorities] == ["basisvaardigheden", "A1"]
    assert [s.total_gap for s in standard.sections] == [0.5, 1, 0, 0]

    # De Brug: deels is enough for BV5, A1 meets 2, A7 (split: A7a and A7b) must be 4, kerntaak C all 4.
    # Worked out by hand for kader 1.1.0: A has 18 statements, A7a and A7b one level short each
    # (gap 2, 18 - 2 = 16 on target); B's 4 meet 2; C's 5 are one level short each (gap 5). Six items
    # are one level short, so the priorities are the first five in kader order.
    assert len(kader.kerntaak("A").items) == 18
    assert own.targets_source == "doelen van de school: Doelen OBS De Brug 2026 (doelen.yaml)"
    assert own.targets_file == str(tmp_path / "doelen.yaml")
    assert [s.total_gap for s in own.sections] == [0, 2, 0, 5]
    assert [s.on_target for s in own.sections] == [10, 16, 4, 0]
    assert [p.id for p in own.priorities] == ["A7a", "A7b", "C1", "C2", "C3"]
    assert own.item("A7a").target_label == "Voorbeeld voor anderen"
    assert own.item("A7b").target_label == "Voorbeeld voor anderen"


def test_a_file_without_a_name_is_named_by_its_file(kader, tmp_path):
    targets = load_doelen(write(tmp_path, "doelen:\n  standaard: 2\n", "brug.yaml"), kader)
    assert targets.source == "doelen van de school: brug.yaml"


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("doelen:\n  standaard: ja\n", [(2, "doelen.standaard", "'ja' is geen niveau van de schaal (1, 2, 3, 4)")]),
        ("doelen:\n  standaard: 5\n", [(2, "doelen.standaard", "'5' is geen niveau van de schaal (1, 2, 3, 4)")]),
        ("doelen:\n  basisvaardigheden: 3\n", [(2, "doelen.basisvaardigheden", "'3' is geen optie van de checklist (ja, deels, nee)")]),
        (
            "doelen:\n  kerntaken:\n    D: 2\n    B: true\n",
            [
                (3, "doelen.kerntaken.D", "'D' is geen kerntaak van het kader (A, B, C)"),
                (4, "doelen.kerntaken.B", "'true' is geen niveau van de schaal (1, 2, 3, 4)"),
            ],
        ),
        (
            "doelen:\n  items:\n    X1: 3\n    BV2: 3\n    A1: deels\n    A2:\n",
            [
                (3, "doelen.items.X1", "'X1' is geen item van het kader"),
                (4, "doelen.items.BV2", "'3' is geen optie van de checklist (ja, deels, nee)"),
                (5, "doelen.items.A1", "'deels' is geen niveau van de schaal (1, 2, 3, 4)"),
                (6, "doelen.items.A2", "een lege waarde is geen niveau van de schaal (1, 2, 3, 4)"),
            ],
        ),
        ("doelen:\n  standard: 3\n", [(2, "doelen.standard", "onbekend veld 'standard'")]),
        ("doelen:\n  naam: [1]\n", [(2, "doelen.naam", "verwacht tekst, maar dit is een lijst")]),
        ("doelen:\n", [(1, "doelen", "verwacht een verzameling velden (mapping), maar dit is niets (leeg)")]),
        ("doelen:\n  standaard: 2\n  standaard: 3\n", [(3, "doelen.standaard", "de sleutel 'standaard' staat hier twee keer (eerder op regel 2)")]),
    ],
)
def test_bad_doelen_are_reported_with_file_place_and_line(kader, tmp_path, text, problems):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as info:
        load_doelen(path, kader)
    assert [(p.line, p.path, m) for p, m in info.value.problems] == problems
    line, where, message = problems[0]
    assert str(info.value).splitlines()[0] == f"{path}, regel {line}: {where}: {message}"


def test_validate_accepts_a_doelen_file(run_cli, kader, tmp_path):
    path = write(tmp_path, DE_BRUG)
    run = run_cli("validate", str(path))
    assert run.code == 0
    items = len(kader.all_items())  # 37 in kader 1.1.0: 10 basisvaardigheden and 27 statements
    assert run.out == (
        f"✓ {path}: geldig doelenbestand (doelen voor {items} items; "
        "het doel 4 voor A7 in het doelenbestand geldt voor A7a en A7b, want A7 is gesplitst)\n"
    )
