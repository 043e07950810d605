"""``assess`` without prompts: the answers template, a filled-in answers file, no terminal."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import jsonschema
import msgspec
import pytest
import yaml

from ictbekwaam.files.answers import load_answers, template_text
from ictbekwaam.errors import DataError
from ictbekwaam.files.results import read_result
from ictbekwaam.model.result import json_schema

RID = "r-" + "5" * 32


def fill(template: str, values: dict[str, object]) -> str:
    """Put values after the keys of a template (``  A1:`` -> ``  A1: 3``), like a teacher would."""
    out = []
    for line in template.splitlines():
        match = re.match(r"^(\s*)([A-Za-z0-9_]+):(\s*)(#.*)?$", line)
        if match and match[2] in values:
            line = f"{match[1]}{match[2]}: {values[match[2]]}" + (f"  {match[4]}" if match[4] else "")
        out.append(line)
    return "\n".join(out) + "\n"


def all_answers(kader) -> dict[str, object]:
    values: dict[str, object] = {}
    for index, item in enumerate(kader.all_items()):
        if kader.section_of(item.id) == "basisvaardigheden":
            values[item.id] = ["ja", "deels", "nee"][index % 3]
        else:
            values[item.id] = [1, 2, 3, 4, "nvt"][index % 5]
    return values


def test_template_lists_every_item_with_statement_and_allowed_values(kader):
    text = template_text(kader)
    data = yaml.safe_load(text)
    assert data["kader"] == kader.meta.id
    assert list(data["antwoorden"]) == [i.id for i in kader.all_items()]
    assert all(v is None for v in data["antwoorden"].values())
    assert {"naam", "school", "team", "sector", "rol"} <= set(data)
    assert set(data["voorbeelden"]) == {"A", "B", "C"}
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    for item in kader.all_items():
        assert f"{item.id}. {item.stelling}" in flat
    assert "Antwoord met: ja (Dit kan ik zelfstandig)" in flat
    assert "1 = Nog niet, 2 = Beginnend, 3 = Bekwaam, 4 = Voorbeeld voor anderen; of nvt = Niet van toepassing" in flat
    assert "po, vo of mbo" in flat


def test_round_trip_template_to_result(run_cli, kader, tmp_path, data_dir):
    template = tmp_path / "antwoorden.yaml"
    run = run_cli("assess", "--template", str(template))
    assert run.code == 0, run
    assert "ictbekwaam assess --answers" in run.err
    assert stat.S_IMODE(template.stat().st_mode) == 0o600
    values = all_answers(kader) | {"naam": "Sam", "school": "'OBS De Brug: bovenbouw'", "sector": "vo", "rol": "leraar"}
    text = fill(template.read_text(), values)
    text = text.replace("  A:", "  A:\n    voorbeeld: Videoprentenboeken gemaakt\n    meerwaarde: leerlingen vertellen zelf", 1)
    text = re.sub(r"(  A:\n    voorbeeld: .*\n    meerwaarde: .*\n)    voorbeeld:\n    meerwaarde:\n", r"\1", text)
    template.write_text(text)
    run = run_cli("assess", "--answers", str(template))
    assert run.code == 0, run
    saved = list((data_dir / "resultaten").iterdir())
    assert len(saved) == 1
    path = saved[0]
    assert str(path) in run.out
    # The gap profile: the basisvaardigheden first, as one point, with the missing one (BV3: nee) in it.
    assert "Profiel ict-bekwaamheid: Sam" in run.out
    assert "Doelen: standaarddoelen" in run.out
    assert "1. Digitale basisvaardigheden" in run.out
    assert "• BV3 (nu Nee, doel Ja): Ik kan werken met" in run.out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    jsonschema.validate(json.loads(path.read_text()), json_schema())
    result = read_result(path)
    assert result.complete is True
    assert result.answers == all_answers(kader)
    assert result.respondent.naam == "Sam"
    assert result.context.school == "OBS De Brug: bovenbouw"
    assert result.context.sector == "vo"
    assert result.evidence["A"].voorbeeld == "Videoprentenboeken gemaakt"
    # The answers file's own id (written by --template), never the data folder's.
    assert result.respondent.id == yaml.safe_load(template.read_text())["respondent-id"]
    assert not (data_dir / "respondent-id").exists()


def test_template_to_stdout_and_never_over_an_existing_file(run_cli, kader, tmp_path):
    run = run_cli("assess", "--template", "-")
    assert run.code == 0
    own_id = yaml.safe_load(run.out)["respondent-id"]
    assert re.fullmatch(r"r-[0-9a-f]{32}", own_id)
    assert run.out == template_text(kader, own_id)
    assert yaml.safe_load(run_cli("assess", "--template", "-").out)["respondent-id"] != own_id  # fresh per template
    existing = tmp_path / "mijn-antwoorden.yaml"
    existing.write_text("al ingevuld")
    run = run_cli("assess", "--template", str(existing))
    assert run.code == 1
    assert "bestaat al" in run.err and "overschrijft niets zonder --overwrite" in run.err
    assert existing.read_text() == "al ingevuld"


def write_answers(tmp_path: Path, kader, **changes: object) -> Path:
    values = all_answers(kader) | changes
    path = tmp_path / "antwoorden.yaml"
    path.write_text(fill(template_text(kader), values))
    return path


def line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_bytes().decode("utf-8", errors="replace").splitlines(), start=1):
        if re.match(rf"^\s*{re.escape(key)}:", line):
            return number
    raise AssertionError(key)


def test_every_wrong_or_missing_value_is_named_with_file_and_line(run_cli, kader, tmp_path, data_dir):
    path = write_answers(tmp_path, kader, BV2="misschien", A3=7, B1="", C2="true", sector="havo", A5="Nvt", A6="'3'")
    run = run_cli("assess", "--answers", str(path))
    assert run.code == 1
    err = run.err
    assert f"{path}, regel {line_of(path, 'BV2')}: antwoorden.BV2: 'misschien' is geen antwoord op deze vraag; kies ja, deels of nee" in err
    assert f"{path}, regel {line_of(path, 'A3')}: antwoorden.A3: '7' is geen niveau van de schaal; kies 1, 2, 3, 4 of nvt" in err
    assert f"{path}, regel {line_of(path, 'B1')}: antwoorden.B1: geen antwoord; vul in: 1, 2, 3, 4 of nvt" in err
    assert f"regel {line_of(path, 'C2')}: antwoorden.C2: 'true' is geen niveau; bij een stelling kies je hoe ver je bent" in err
    assert f"regel {line_of(path, 'sector')}: sector: 'havo' is geen sector" in err
    assert "A5" not in err and "A6" not in err  # "Nvt" and "3" as text are understood
    assert "Traceback" not in err
    assert not (data_dir / "resultaten").exists()


def test_missing_and_unknown_items(kader, tmp_path):
    path = write_answers(tmp_path, kader)
    text = path.read_text().replace("  BV4: ", "  BVX: ")
    text = re.sub(r"^  C5: .*$", "", text, flags=re.M)
    path.write_text(text)
    with pytest.raises(DataError) as error:
        load_answers(path, kader, RID)
    messages = [m for _, m in error.value.problems]
    places = [p for p, _ in error.value.problems]
    assert "'BVX' is geen vraag van dit kader" in messages
    assert any(m.startswith("BV4 ontbreekt") for m in messages)
    assert any(m.startswith("C5 ontbreekt") for m in messages)
    assert all(p.file == path and p.line is not None for p in places)


@pytest.mark.parametrize(
    "content, expected",
    [
        ("", "dit is geen antwoordbestand"),
        ("- BV1\n", "dit is geen antwoordbestand"),
        ("naam: Sam\n", "de lijst 'antwoorden:'"),
        ("antwoorden:\n  BV1: ja\n  BV1: nee\n", "staat hier twee keer"),
        ("antwoorden: [\n", "geen geldige YAML"),
        ("kader: een-ander-kader\nantwoorden: {}\n", "hoort bij kader 'een-ander-kader'"),
        ("antwoorden: {}\nextra: 1\n", "onbekend veld 'extra'"),
        ("antwoorden: {}\nvoorbeelden:\n  D:\n    voorbeeld: x\n", "'D' is geen kerntaak"),
        ("antwoorden: {}\nvoorbeelden:\n  A:\n    plaatje: x\n", "onbekend veld 'plaatje'"),
        (f"antwoorden: {{}}\nrol: {'x' * 300}\n", "tekst is te lang"),
        ("antwoorden: {}\nrespondent-id: r-123\n", "'r-123' is geen respondent-id (r- en 32 tekens 0-9 of a-f); laat het veld leeg"),
        ("antwoorden: {}\nrespondent-id: 12\n", "'12' is geen respondent-id"),
        ("antwoorden: {}\nnaam: [een, lijst]\n", "verwacht één tekst, geen lijst of verzameling velden; begint je tekst met [, { of -, zet hem dan tussen dubbele aanhalingstekens"),
    ],
)
def test_broken_answers_files(kader, tmp_path, content, expected):
    path = tmp_path / "a.yaml"
    path.write_text(content)
    with pytest.raises(DataError) as error:
        load_answers(path, kader, RID)
    assert expected in str(error.value)
    assert str(path) in str(error.value)


def test_a_missing_answers_file(run_cli, tmp_path):
    run = run_cli("assess", "--answers", str(tmp_path / "bestaat-niet.yaml"))
    assert run.code == 1
    assert "bestand niet gevonden" in run.err


def test_harmless_names_in_an_answers_file(run_cli, kader, tmp_path, data_dir, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write_answers(tmp_path, kader, naam='"../../x"', school='"$(rm -rf ~)"', team='"`touch pwned`"')
    run = run_cli("assess", "--answers", str(path))
    assert run.code == 0, run
    (saved,) = (data_dir / "resultaten").iterdir()
    assert re.fullmatch(r"zelfevaluatie-\d{4}-\d{2}-\d{2}-\d{6}-[0-9a-f]{6}\.json", saved.name)
    result = read_result(saved)
    assert (result.respondent.naam, result.context.school, result.context.team) == ("../../x", "$(rm -rf ~)", "`touch pwned`")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["antwoorden.yaml"]
    assert not (tmp_path.parent / "x").exists()


def test_answers_to_an_out_dir(run_cli, kader, tmp_path, data_dir):
    path = write_answers(tmp_path, kader)
    out = tmp_path / "resultaten van sam"
    run = run_cli("assess", "--answers", str(path), "--out", str(out))
    assert run.code == 0, run
    (saved,) = out.iterdir()
    assert read_result(saved).complete
    assert not (data_dir / "resultaten").exists()


def test_answers_do_not_touch_the_draft_so_they_need_no_lock(run_cli, kader, tmp_path, data_dir):
    """An interactive session holds the lock (test_lock.py); --answers and --template work beside it."""
    from ictbekwaam.files.lock import lock_session
    from ictbekwaam.files.storage import Store

    path = write_answers(tmp_path, kader)
    store = Store()
    store.save_draft(msgspec.structs.replace(load_answers(path, kader, RID).result, complete=False, answers={"BV1": "nee"}))
    draft = store.draft_path.read_bytes()
    with store.lock_drafts():
        assert run_cli("assess", "--answers", str(path)).code == 0
        assert run_cli("assess", "--template", str(tmp_path / "nog een.yaml")).code == 0
        assert lock_session(store.lock_path) is None  # still held
    (saved,) = (data_dir / "resultaten").iterdir()
    assert read_result(saved).complete
    assert store.draft_path.read_bytes() == draft
    # An answers file has its own respondent id: the data folder's is neither read nor made.
    assert sorted(p.name for p in data_dir.iterdir()) == ["concept.json", "concept.lock", "resultaten"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--resume", "--new"], "--resume en --new gaan niet samen"),
        (["--template", "t.yaml", "--answers", "a.yaml"], "--template gaat niet samen"),
        (["--answers", "a.yaml", "--resume"], "--answers gaat niet samen"),
    ],
)
def test_option_conflicts_exit_2(run_cli, args, message):
    run = run_cli("assess", *args)
    assert run.code == 2
    assert message in run.err


def test_no_terminal_is_a_dutch_message_and_exit_1(run_cli):
    run = run_cli("assess")  # stdin is pytest's, not a terminal
    assert run.code == 1
    assert "heeft daarvoor een terminal nodig" in run.err
    assert "--template" in run.err and "--answers" in run.err
    assert "Traceback" not in run.err


def test_no_terminal_in_a_real_process_does_not_hang(data_dir):
    env = dict(os.environ, ICTBEKWAAM_DATA_DIR=str(data_dir))
    for stdin in (subprocess.DEVNULL, None):
        proc = subprocess.run(
            [sys.executable, "-m", "ictbekwaam", "assess"],
            input="1\n1\n" if stdin is None else None,
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert proc.returncode == 1
        assert proc.stderr.startswith("Fout: ictbekwaam assess stelt vragen")
        assert "Traceback" not in proc.stderr
    assert not (data_dir / "concept.json").exists()


def filled_answers(run_cli, kader, tmp_path):
    """An answers file from --template, filled in with :func:`all_answers`."""
    answers = tmp_path / "antwoorden.yaml"
    assert run_cli("assess", "--template", str(answers)).code == 0
    answers.write_text(fill(answers.read_text(), all_answers(kader)))
    return answers


def test_the_profile_at_the_end_uses_the_schools_doelen(run_cli, kader, tmp_path, data_dir):
    answers, doelen = filled_answers(run_cli, kader, tmp_path), tmp_path / "doelen.yaml"
    doelen.write_text("doelen:\n  naam: Doelen De Brug\n  standaard: 1\n  basisvaardigheden: nee\n")
    run = run_cli("assess", "--answers", str(answers), "--doelen", str(doelen))
    assert run.code == 0, run
    assert "Doelen: doelen van de school: Doelen De Brug (doelen.yaml)" in " ".join(run.out.split())
    # Every answer meets a target of 1 / nee: nothing to work on first.
    assert "Je belangrijkste ontwikkelpunten" not in run.out
    assert f"--doelen {doelen}" in run.out


def test_a_bad_doelen_file_is_refused_before_anything_is_saved(run_cli, kader, tmp_path, data_dir):
    answers, doelen = filled_answers(run_cli, kader, tmp_path), tmp_path / "doelen.yaml"
    doelen.write_text("doelen:\n  standaard: 9\n")
    run = run_cli("assess", "--answers", str(answers), "--doelen", str(doelen))
    assert run.code == 1
    assert run.err.startswith(f"Fout: {doelen}")
    assert "Traceback" not in run.err
    assert not (data_dir / "resultaten").exists()
