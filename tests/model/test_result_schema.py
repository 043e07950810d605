"""The published JSON Schema of the result file, and reading result files back."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import msgspec
import pytest

from ictbekwaam.files.answers import parse_answers
from ictbekwaam.errors import DataError, LineMap
from ictbekwaam.files.results import load_result
from ictbekwaam.model.result import Evidence, encode, json_schema, new_result
from ictbekwaam.files.storage import Store

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schemas" / "result.schema.json"


def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schema_equals_the_generated_one():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "schemas/result.schema.json is verouderd: .venv/bin/python -m ictbekwaam.model.result > schemas/result.schema.json"
    )


def full_answers(kader):
    return {i.id: ("deels" if kader.section_of(i.id) == "basisvaardigheden" else "nvt") for i in kader.all_items()}


def test_every_file_the_store_writes_validates(kader, data_dir):
    check = validator()
    store = Store()
    draft = msgspec.structs.replace(
        new_result(kader, store.respondent_id(), naam="Sam"), answers={"BV1": "ja", "A1": 4}, position=7
    )
    store.save_draft(draft)
    check.validate(json.loads(store.draft_path.read_text()))
    done = msgspec.structs.replace(
        draft, answers=full_answers(kader), complete=True, evidence={"A": Evidence(voorbeeld="v", meerwaarde="m")}
    )
    path = store.save_result(done)
    check.validate(json.loads(path.read_text()))
    from_answers = parse_answers(
        {"antwoorden": full_answers(kader), "naam": "../../x", "sector": "vo"}, kader, Path("a.yaml"), LineMap(), store.respondent_id()
    )
    check.validate(json.loads(encode(from_answers)))


@pytest.mark.parametrize(
    "change, schema_sees_it",
    [
        ({"schema_version": 2}, True),
        ({"schema": "iets-anders"}, True),
        ({"respondent": {"id": "r-kort"}}, True),
        ({"context": {"sector": "havo"}}, True),
        ({"onbekend": 1}, True),
        # No time zone: the schema says format date-time, which jsonschema only
        # checks with the optional rfc3339-validator; the reader always refuses it.
        ({"created_at": "2025-11-22T10:00:00"}, False),
    ],
)
def test_the_schema_rejects_what_the_reader_rejects(kader, change, schema_sees_it, tmp_path):
    document = json.loads(encode(new_result(kader, "r-" + "a" * 32)))
    document.update(change)
    if schema_sees_it:
        assert not validator().is_valid(document)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(document))
    with pytest.raises(DataError):
        load_result(path, kader)


def test_validate_accepts_result_files(run_cli, kader, tmp_path):
    store = Store(results_dir=tmp_path)
    done = msgspec.structs.replace(new_result(kader, "r-" + "b" * 32), answers=full_answers(kader), complete=True)
    path = store.save_result(done)
    draft_path = tmp_path / "concept.json"
    draft_path.write_bytes(encode(msgspec.structs.replace(done, answers={"BV1": "ja"}, complete=False)))
    run = run_cli("validate", str(path), str(draft_path))
    assert run.code == 0, run
    items = len(kader.all_items())  # 37 in kader 1.1.0: 10 basisvaardigheden and 27 statements
    assert f"✓ {path}: geldig resultaat (compleet, {items} antwoorden, 0 open)" in run.out
    assert f"✓ {draft_path}: geldig resultaat (concept (nog niet af), 1 antwoord, {items - 1} open)" in run.out


def test_validate_names_a_wrong_answer_in_a_result_file(run_cli, kader, tmp_path):
    document = json.loads(encode(new_result(kader, "r-" + "b" * 32)))
    document["answers"] = {"BV1": "misschien", "A1": 9}
    path = tmp_path / "fout.json"
    path.write_text(json.dumps(document))
    run = run_cli("validate", str(path))
    assert run.code == 1
    assert f"{path}: answers.BV1: 'misschien' is geen optie van de checklist" in run.out
    assert f"{path}: answers.A1: 9 is geen niveau van de schaal" in run.out
    assert "Traceback" not in run.err


# --- any bytes at all: a Result or a Dutch DataError, never another exception ------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ictbekwaam.model.result import check_answers, decode  # noqa: E402


def _good_bytes() -> bytes:
    from ictbekwaam.files.loader import load_kader

    kader = load_kader()
    result = msgspec.structs.replace(new_result(kader, "r-" + "1" * 32, naam="Sam"), answers=full_answers(kader))
    return encode(result)


GOOD = _good_bytes()


@settings(max_examples=400, deadline=None)
@given(
    st.binary(max_size=300)
    | st.builds(
        lambda at, junk: GOOD[:at] + junk + GOOD[at:], st.integers(0, len(GOOD)), st.binary(min_size=1, max_size=4)
    )
    | st.builds(lambda at: GOOD[:at], st.integers(0, len(GOOD)))
)
def test_any_bytes_give_a_result_or_a_dutch_data_error(kader, data):
    try:
        result = decode(data, "inlever/x.json")
    except DataError as exc:
        assert str(exc).startswith("inlever/x.json")
        assert "JSON is malformed" not in str(exc) and "codec" not in str(exc)
    else:
        check_answers(result, kader)


@pytest.mark.parametrize(
    "data, message",
    [
        (GOOD.replace(b'"Sam"', b'"S\xffm"'), "inlever/x.json, regel 15: geen geldige UTF-8-tekst; sla het bestand op als UTF-8"),
        (b'{"schema":\n "x",,}', "inlever/x.json, regel 2: geen geldige JSON: een sleutel moet tussen aanhalingstekens staan"),
        (b'{"a": 1} x', "inlever/x.json, regel 1: geen geldige JSON: er staat nog tekst na het einde van de JSON"),
        (b"\xff\xfe{\x00", "inlever/x.json: dit is geen tekstbestand (bevat binaire gegevens)"),
        (GOOD[:100], "inlever/x.json: het bestand is afgebroken (onvolledige JSON)"),
    ],
)
def test_broken_json_is_named_in_dutch_with_its_line(data, message):
    with pytest.raises(DataError) as caught:
        decode(data, "inlever/x.json")
    assert str(caught.value) == message
