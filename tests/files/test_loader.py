"""Every validation rule of the loader, with the Dutch message, the place and the line."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from ictbekwaam.errors import DataError
from ictbekwaam.files.loader import (
    builtin_handreiking_path,
    builtin_kader_path,
    builtin_oefenen_path,
    data_dir,
    load_handreiking,
    load_kader,
    load_oefenen,
)

KADER = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
HANDREIKING = yaml.safe_load(builtin_handreiking_path().read_text(encoding="utf-8"))


def write(tmp_path: Path, data: object, name: str = "kader.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def kader_error(tmp_path: Path, change) -> DataError:
    data = copy.deepcopy(KADER)
    change(data)
    with pytest.raises(DataError) as info:
        load_kader(write(tmp_path, data))
    return info.value


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_the_builtin_files_are_found_in_the_checkout_in_an_editable_install():
    assert (data_dir() / "kader.yaml").is_file()


def test_a_missing_required_field_names_the_place_and_line(tmp_path):
    data = copy.deepcopy(KADER)
    del data["kerntaken"][1]["items"][3]["stelling"]
    path = write(tmp_path, data)
    with pytest.raises(DataError) as info:
        load_kader(path)
    place, message = info.value.problems[0]
    assert message == "verplicht veld 'stelling' ontbreekt"
    assert place.path == "kerntaken[1].items[3]"
    assert place.line == line_of(path, "id: B4")
    assert str(info.value).startswith(f"{path}, regel {place.line}: kerntaken[1].items[3]: ")


def test_a_wrong_type_is_reported_in_dutch(tmp_path):
    error = kader_error(tmp_path, lambda d: d["kerntaken"][1]["items"][3].update(id=12))
    assert error.problems[0][0].path == "kerntaken[1].items[3].id"
    assert error.problems[0][1] == "verwacht tekst, maar dit is een geheel getal"


def test_an_unknown_field_points_at_the_field(tmp_path):
    data = copy.deepcopy(KADER)
    data["kerntaken"][0]["items"][0]["stellling"] = "typo"
    path = write(tmp_path, data)
    with pytest.raises(DataError) as info:
        load_kader(path)
    place, message = info.value.problems[0]
    assert message == "onbekend veld 'stellling'"
    assert place.path == "kerntaken[0].items[0].stellling"
    assert place.line == line_of(path, "stellling:")


def test_an_empty_text_is_refused(tmp_path):
    error = kader_error(tmp_path, lambda d: d["basisvaardigheden"]["items"][0].update(stelling=""))
    assert error.problems[0][1] == "mag niet leeg zijn"


def test_duplicate_item_ids_are_refused_across_sections(tmp_path):
    error = kader_error(tmp_path, lambda d: d["kerntaken"][2]["items"][0].update(id="BV1"))
    assert error.problems[0][0].path == "kerntaken[2].items[0].id"
    assert error.problems[0][1] == "item-id 'BV1' komt vaker voor (ook bij basisvaardigheden.items[0].id)"


def test_duplicate_kerntaak_ids_are_refused(tmp_path):
    error = kader_error(tmp_path, lambda d: d["kerntaken"][1].update(id="A"))
    assert any(m == "kerntaak-id 'A' komt vaker voor (ook bij kerntaken[0].id)" for _, m in error.problems)


def test_the_reserved_word_is_no_kerntaak_id(tmp_path):
    error = kader_error(tmp_path, lambda d: d["kerntaken"][1].update(id="basisvaardigheden"))
    assert any("gereserveerd" in m for _, m in error.problems)


def test_duplicate_voorbeeld_ids_are_refused(tmp_path):
    def change(d):
        d["voorbeelden"][1]["id"] = d["voorbeelden"][0]["id"]

    error = kader_error(tmp_path, change)
    assert error.problems[0][0].path == "voorbeelden[1].id"


def test_levels_must_count_up_from_one(tmp_path):
    error = kader_error(tmp_path, lambda d: d["schaal"]["niveaus"][2].update(waarde=7))
    assert error.problems[0] [1] == "de niveaus moeten oplopend genummerd zijn vanaf 1 (nu: [1, 2, 7, 4])"


def test_level_labels_are_unique(tmp_path):
    error = kader_error(tmp_path, lambda d: d["schaal"]["niveaus"][1].update(label="Nog niet"))
    assert error.problems[0][0].path == "schaal.niveaus[1].label"


def test_the_default_target_must_be_a_level(tmp_path):
    error = kader_error(tmp_path, lambda d: d["schaal"].update(standaard_doel=5))
    assert error.problems[0] == (error.problems[0][0], "5 is geen niveau van de schaal [1, 2, 3, 4]")
    assert error.problems[0][0].path == "schaal.standaard_doel"


def test_checklist_codes_are_unique_and_the_target_is_one_of_them(tmp_path):
    error = kader_error(tmp_path, lambda d: d["checklist"]["opties"][1].update(code="ja"))
    assert error.problems[0][0].path == "checklist.opties[1].code"
    error = kader_error(tmp_path, lambda d: d["checklist"].update(standaard_doel="misschien"))
    assert error.problems[0][1] == "'misschien' is geen optie van de checklist ['ja', 'deels', 'nee']"


def test_niet_van_toepassing_cannot_be_a_checklist_code(tmp_path):
    error = kader_error(tmp_path, lambda d: d["schaal"]["niet_van_toepassing"].update(code="nee"))
    assert error.problems[0][1] == "deze code is ook een optie van de checklist"


def test_checklist_options_run_from_best_to_worst(tmp_path):
    error = kader_error(tmp_path, lambda d: d["checklist"]["opties"][2].update(score=1.0))
    assert error.problems[0][0].path == "checklist.opties"


def test_an_item_target_must_fit_its_section(tmp_path):
    error = kader_error(tmp_path, lambda d: d["kerntaken"][0]["items"][0].update(doel="ja"))
    assert error.problems[0][0].path == "kerntaken[0].items[0].doel"
    error = kader_error(tmp_path, lambda d: d["basisvaardigheden"]["items"][0].update(doel=3))
    assert error.problems[0][0].path == "basisvaardigheden.items[0].doel"


def test_examples_must_point_at_existing_kerntaken_and_items(tmp_path):
    def change(d):
        d["voorbeelden"][0]["kerntaak"] = "D"
        d["voorbeelden"][0]["items"] = ["A1", "Z9"]

    error = kader_error(tmp_path, change)
    assert [(p.path, m) for p, m in error.problems] == [
        ("voorbeelden[0].kerntaak", "kerntaak 'D' bestaat niet"),
        ("voorbeelden[0].items[1]", "item 'Z9' bestaat niet"),
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    def change(d):
        d["schaal"]["standaard_doel"] = 9
        d["voorbeelden"][0]["items"] = ["Z9"]

    assert len(kader_error(tmp_path, change).problems) == 2


def handreiking_error(tmp_path: Path, change) -> DataError:
    data = copy.deepcopy(HANDREIKING)
    change(data)
    with pytest.raises(DataError) as info:
        load_handreiking(write(tmp_path, data, "handreiking.yaml"), load_kader())
    return info.value


def test_handreiking_ids_are_unique(tmp_path):
    error = handreiking_error(tmp_path, lambda d: d["themas"][1].update(id="onderwijsvisie"))
    assert error.problems[0][0].path == "themas[1].id"
    error = handreiking_error(tmp_path, lambda d: d["themas"][1]["onderwerpen"][0].update(id="1.1"))
    assert error.problems[0][1] == "onderwerp-id '1.1' komt vaker voor (ook bij themas[0].onderwerpen[0].id)"
    error = handreiking_error(tmp_path, lambda d: d["themas"][1]["hoofdvraag"].update(id="1a"))
    assert error.problems[0][0].path == "themas[1].hoofdvraag.id"


def test_handreiking_references_must_resolve_against_the_kader(tmp_path):
    error = handreiking_error(tmp_path, lambda d: d["themas"][0]["onderwerpen"][0].update(raakt_aan=["A", "X"]))
    assert error.problems[0][0].path == "themas[0].onderwerpen[0].raakt_aan[1]"
    assert error.problems[0][1] == "'X' is geen kerntaak van het kader en niet 'basisvaardigheden'"


def test_handreiking_doelgroep_is_checked(tmp_path):
    error = handreiking_error(tmp_path, lambda d: d["themas"][0].update(doelgroep=["ouders"]))
    assert error.problems[0][0].path == "themas[0].doelgroep[0]"
    assert error.problems[0][1].startswith("ongeldige waarde 'ouders'")


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("meta: {}\nmeta: {}\n", "de sleutel 'meta' staat hier twee keer (eerder op regel 1)", 2),
        ("meta: [1,\n", "geen geldige YAML", 2),
        ("meta: !!python/object/apply:os.system ['echo x']\n", "geen geldige YAML", 1),
        ("- 1\n- 2\n", "verwacht een verzameling velden (mapping), maar dit is een lijst", 1),
    ],
)
def test_broken_yaml_is_refused_with_the_line(tmp_path, content, message, line):
    path = tmp_path / "kader.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_kader(path)
    place, text = info.value.problems[0]
    assert text.startswith(message)
    assert place.line == line


def test_yaml_never_constructs_objects(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "kader.yaml"
    path.write_text(f"meta: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_kader(path)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "bestand niet gevonden"),
        (lambda p: p.mkdir(), "dit is een map, geen bestand"),
        (lambda p: p.write_bytes(b"meta:\x00\x01"), "dit is geen tekstbestand (bevat binaire gegevens)"),
        (
            lambda p: p.write_bytes("meta: é".encode("latin-1")),
            "geen UTF-8-tekst, maar waarschijnlijk ANSI (Windows-1252); sla het bestand op als UTF-8 (in Kladblok: Opslaan als, bij Codering: UTF-8)",
        ),
        (lambda p: p.write_bytes(b""), "verwacht een verzameling velden (mapping), maar dit is niets (leeg)"),
    ],
)
def test_unreadable_files_are_refused(tmp_path, make, message):
    path = tmp_path / "kader.yaml"
    make(path)
    with pytest.raises(DataError) as info:
        load_kader(path)
    assert info.value.problems[0][1] == message
    assert info.value.problems[0][0].file == path


def test_a_union_type_error_is_dutch_too(tmp_path):
    error = kader_error(tmp_path, lambda d: d["kerntaken"][0]["items"][0].update(doel=2.5))
    assert error.problems[0][0].path == "kerntaken[0].items[0].doel"
    assert error.problems[0][1] == "verwacht een geheel getal of tekst of niets (leeg), maar dit is een getal"


# --- data/oefenen.yaml: ictbekwaam's ways to practise the basisvaardigheden ----------------------


def test_the_practice_suggestions_ship_beside_the_kader():
    assert builtin_oefenen_path() == data_dir() / "oefenen.yaml"
    data = yaml.safe_load(builtin_oefenen_path().read_text(encoding="utf-8"))
    assert data["herkomst"] == "suggestie van ictbekwaam"
    guidance = load_oefenen()
    # Each text is kept with the statement it was written for, and found by it.
    assert {i["id"]: guidance.practice_for(i["stelling"]) != "" for i in KADER["basisvaardigheden"]["items"]} == {
        i["id"]: True for i in KADER["basisvaardigheden"]["items"]
    }
    # A folded YAML text comes back as one line with single spaces.
    texts = list(guidance.practice.values()) + [t.hulp for t in guidance.statements.values()]
    assert all("\n" not in text and "  " not in text for text in texts)


@pytest.mark.parametrize(
    ("kader", "verbatim"),
    [("shipped", True), ("copy", True), ("1.0.0", False), ("edited", False)],
)
def test_only_the_shipped_kader_is_verbatim(tmp_path, kader, verbatim):
    """The fingerprint of the shipped kader.yaml comes with ictbekwaam's texts: a copy of it counts as it,
    the 1.0.0 encoding (paraphrases) and an edited copy do not."""
    from ictbekwaam.model.kader import fingerprint

    data = copy.deepcopy(KADER)
    if kader == "edited":
        data["voorbeelden"][0]["omschrijving"] = "In eigen woorden: zorg voor een veilige leeromgeving."
    path = {
        "shipped": builtin_kader_path(),
        "copy": write(tmp_path, data) if kader == "copy" else None,
        "1.0.0": Path(__file__).resolve().parents[1] / "fixtures" / "kader-1.0.0" / "kader.yaml",
        "edited": write(tmp_path, data) if kader == "edited" else None,
    }[kader]
    assert (fingerprint(load_kader(path)) == load_oefenen().verbatim_kader) is verbatim


def test_a_bad_suggestions_file_names_the_place_and_line(tmp_path):
    path = tmp_path / "oefenen.yaml"
    path.write_text(
        'herkomst: "suggestie van ictbekwaam"\nbasisvaardigheden:\n  BV1:\n    stelling: "Ik kan het."\n    oefenen: ""\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_oefenen(path)
    place, message = info.value.problems[0]
    assert (place.path, place.line) == ("basisvaardigheden.BV1.oefenen", 5)
    assert message == "deze tekst is leeg; schrijf er een of laat de vaardigheid weg"
    assert str(info.value).startswith(f"{path}, regel 5: basisvaardigheden.BV1.oefenen: ")


def test_a_suggestion_without_its_statement_is_refused(tmp_path):
    path = tmp_path / "oefenen.yaml"
    path.write_text('herkomst: "suggestie van ictbekwaam"\nbasisvaardigheden:\n  BV1:\n    oefenen: "Oefenen."\n', encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_oefenen(path)
    # Every text needs the statement it was written for: without it, it could not be matched.
    assert info.value.problems[0][1] == "verplicht veld 'stelling' ontbreekt"
