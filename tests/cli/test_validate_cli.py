"""``ictbekwaam validate`` agrees with ``report`` on what a valid result is, file by file and inside zip archives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import msgspec
import pytest
from builders import everything, make_result

from ictbekwaam.model.result import encode


@pytest.fixture
def good(kader) -> bytes:
    return encode(make_result(kader, everything(kader, 3)))


@pytest.fixture
def complete(kader) -> str:
    """What validate says of a complete result that answers every item of the kader (36 in 1.1.0)."""
    return f"geldig resultaat (compleet, {len(kader.all_items())} antwoorden, 0 open)"


def report_counts(run_cli, path) -> tuple[int, int]:
    """(valid, rejected) as ``report`` sees ``path``."""
    run = run_cli("report", str(path), "--format", "json")
    if run.code != 0:
        return 0, run.err.count("  ✗ ")
    data = json.loads(run.out)
    return data["files"]["valid"], data["files"]["rejected"]


@pytest.mark.parametrize(
    ("name", "mutate", "valid"),
    [
        ("bom", lambda b: b"\xef\xbb\xbf" + b, True),
        ("ander-kader", lambda b: b.replace(b'"kennisnet-kader-ict-bekwaamheid-2012"', b'"een-ander-kader"'), False),
        ("toekomst", lambda b: b.replace(b'"created_at": "2026', b'"created_at": "2099').replace(b'"updated_at": "2026', b'"updated_at": "2099'), False),
        ("diep", lambda b: b[:-2] + b', "x": ' + b"[" * 1500 + b"]" * 1500 + b"}\n", False),
        ("groot-getal", lambda b: b.replace(b'"A1": 3', b'"A1": ' + b"9" * 40), False),
        ("voorbeeld-zonder-kerntaak", lambda b: b.replace(b'"evidence": {}', b'"evidence": {"Z": {"voorbeeld": "x"}}'), False),
    ],
)
def test_validate_and_report_agree(run_cli, tmp_path, good, name, mutate, valid):
    folder = tmp_path / name
    folder.mkdir()
    path = folder / f"{name}.json"
    path.write_bytes(mutate(good))
    run = run_cli("validate", str(path))
    assert "Traceback" not in run.err
    assert (run.code == 0) is valid, run
    assert report_counts(run_cli, folder) == ((1, 0) if valid else (0, 1))


def test_a_zip_is_checked_member_by_member(run_cli, tmp_path, good, complete):
    inner = tmp_path / "binnen.zip"
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("x.json", good)
    outer = tmp_path / "ingeleverd.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("klas/goed.json", good)
        archive.writestr("klas/leeg.json", b"")
        archive.writestr("../buiten.json", good)
        archive.write(inner, "binnen.zip")
        archive.writestr("lees-mij.txt", b"niet gelezen")
    run = run_cli("validate", str(outer))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"✓ {outer}:../buiten.json: {complete}",
        f"✗ {outer}:binnen.zip: ongeldig",
        f"  {outer}:binnen.zip: een zip-archief in een zip-archief wordt niet geopend; pak het buitenste eerst uit",
        f"✓ {outer}:klas/goed.json: {complete}",
        f"✗ {outer}:klas/leeg.json: ongeldig",
        f"  {outer}:klas/leeg.json: het bestand is leeg",
    ]
    assert run.err == "Fout: 2 van de 4 bestanden zijn ongeldig.\n"
    assert not (tmp_path.parent / "buiten.json").exists()  # never unpacked anywhere


def test_a_broken_or_empty_zip_is_one_invalid_file(run_cli, tmp_path):
    broken = tmp_path / "kapot.zip"
    broken.write_bytes(b"PK\x03\x04 dit is geen zip")
    empty = tmp_path / "leeg.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("lees-mij.txt", b"x")
    run = run_cli("validate", str(broken), str(empty))
    assert run.code == 1
    assert f"  {broken}: geen geldig zip-archief" in run.out
    assert f"  {empty}: geen resultaatbestanden (.json) in dit archief" in run.out


def test_every_file_is_checked_even_after_a_missing_one(run_cli, tmp_path, good):
    path = tmp_path / "goed.json"
    path.write_bytes(good)
    run = run_cli("validate", str(tmp_path / "weg.json"), str(path))
    assert run.code == 1
    assert f"  {tmp_path / 'weg.json'}: bestand niet gevonden" in run.out
    assert f"✓ {path}: geldig resultaat" in run.out


def test_report_lists_every_rejected_file_when_none_is_valid(run_cli, tmp_path, good):
    bomb = tmp_path / "bom.zip"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("a.json", b"{")
        archive.writestr("b.json", good.replace(b'"created_at": "2026', b'"created_at": "1999'))
    run = run_cli("report", str(bomb))
    assert run.code == 1
    lines = run.err.splitlines()
    assert lines[:2] == ["Deze ronde: 2 overgeslagen (ongeldig of niet te lezen):", f"  ✗ {bomb}:a.json: het bestand is afgebroken (onvolledige JSON)"]
    assert lines[2].startswith(f"  ✗ {bomb}:b.json: created_at: 1999-03-12T14:30+01:00 ligt vóór 2000")
    assert lines[3:] == [f"Fout: geen geldige resultaatbestanden gevonden in {bomb}"]
    assert "ligt vóór 2000" in run.err


def test_dates_decide_which_result_counts_only_when_possible(run_cli, tmp_path, kader):
    """A result dated 2099 does not beat the real newest one: it is refused, with its reason."""
    folder = tmp_path / "ronde"
    folder.mkdir()
    real = make_result(kader, everything(kader, 4))
    future = msgspec.structs.replace(
        make_result(kader, everything(kader, 1)),
        created_at=datetime(2099, 1, 1, tzinfo=timezone.utc),
        updated_at=datetime(2099, 1, 1, tzinfo=timezone.utc),
    )
    (folder / "echt.json").write_bytes(encode(real))
    (folder / "toekomst.json").write_bytes(encode(future))
    run = run_cli("report", str(folder), "--format", "json", "--min-groep", "1")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert (data["files"]["valid"], data["files"]["rejected"]) == (1, 1)
    assert f"  ✗ {folder / 'toekomst.json'}: created_at: 2099-01-01T00:00+00:00 ligt in de toekomst" in run.err


def plain(run) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return run.code, run.out, run.err


def test_an_unreadable_file_is_named_and_the_rest_still_checked(run_cli, tmp_path, good):
    """As "nobody" when the tests run as root: validate and report say the same, in Dutch."""
    from builders import as_nobody, readable_by_all

    folder = tmp_path / "ingeleverd"
    folder.mkdir()
    secret = folder / "geheim.json"
    secret.write_bytes(good)
    secret.chmod(0)
    (folder / "goed.json").write_bytes(good)
    (folder / "goed.json").chmod(0o644)
    readable_by_all(folder)

    # Plain tuples cross the pipe from the child (conftest's CliRun cannot be pickled there).
    code, out, _ = as_nobody(lambda: plain(run_cli("validate", str(secret), str(folder / "goed.json"))))
    assert code == 1
    assert out.splitlines()[:2] == [f"✗ {secret}: ongeldig", f"  {secret}: geen toestemming om dit bestand te lezen"]
    assert f"✓ {folder / 'goed.json'}: geldig resultaat" in out

    code, out, err = as_nobody(lambda: plain(run_cli("report", str(folder), "--format", "json", "--min-groep", "1")))
    assert code == 0, err
    assert json.loads(out)["files"]["valid"] == 1
    assert f"  ✗ {secret}: geen toestemming om dit bestand te lezen" in err


def test_a_folder_or_pattern_is_checked_as_report_reads_it(run_cli, tmp_path, good, complete):
    folder = tmp_path / "ingeleverd"
    (folder / "klas").mkdir(parents=True)
    (folder / "klas" / "a.json").write_bytes(good)
    (folder / "b.json").write_bytes(b"{")
    (folder / ".verborgen.json").write_bytes(b"{")
    (folder / "notities.txt").write_bytes(b"niet gelezen")
    run = run_cli("validate", str(folder), str(folder / "klas" / "*.json"), str(tmp_path / "nergens" / "*.json"))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"✗ {folder / 'b.json'}: ongeldig",
        f"  {folder / 'b.json'}: het bestand is afgebroken (onvolledige JSON)",
        f"✓ {folder / 'klas' / 'a.json'}: {complete}",
        f"✓ {folder / 'klas' / 'a.json'}: {complete}",
        f"✗ {tmp_path / 'nergens' / '*.json'}: ongeldig",
        f"  {tmp_path / 'nergens' / '*.json'}: geen bestanden of mappen gevonden die hierop passen",
    ]
    empty = tmp_path / "leeg"
    empty.mkdir()
    run = run_cli("validate", str(empty))
    assert (run.code, run.out) == (1, f"✗ {empty}: ongeldig\n  {empty}: geen resultaatbestanden (.json) in deze map\n")


def test_a_result_under_any_name_is_told_by_its_content(run_cli, tmp_path, good):
    """report checks a file named explicitly whatever its name; validate says the same of it."""
    for name in ("resultaat.json.txt", "resultaat", "r.yaml"):
        (tmp_path / name).write_bytes(good)
    run = run_cli("validate", *(str(tmp_path / n) for n in ("resultaat.json.txt", "resultaat", "r.yaml")))
    assert run.code == 0, run
    assert run.out.count("geldig resultaat (compleet") == 3
    run = run_cli("report", *(str(tmp_path / n) for n in ("resultaat.json.txt", "resultaat", "r.yaml")), "--format", "json")
    assert json.loads(run.out)["files"]["valid"] == 3


def test_a_zip_with_a_name_twice_names_it_and_drops_no_one_silently(run_cli, tmp_path, kader, good, complete):
    import warnings

    other = encode(make_result(kader, everything(kader, 2), respondent="r-" + "cd" * 16))
    archive_path = tmp_path / "dubbel.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
        with zipfile.ZipFile(archive_path, "w") as archive:
            archive.writestr("a.json", good)
            archive.writestr("a.json", other)
            archive.writestr(".verborgen/b.json", good)  # hidden, as on disk: not read
            archive.writestr("c.json", other)
    reason = "deze naam staat meer dan eens in het archief; welke bedoeld is, is niet te zeggen: pak het opnieuw in"
    run = run_cli("validate", str(archive_path))
    assert run.out.splitlines() == [
        f"✗ {archive_path}:a.json: ongeldig",
        f"  {archive_path}:a.json: {reason}",
        f"✓ {archive_path}:c.json: {complete}",
    ]
    run = run_cli("report", str(archive_path), "--format", "json")
    assert json.loads(run.out)["files"]["valid"] == 1
    assert f"  ✗ {archive_path}:a.json: {reason}" in run.err


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path, good):
    """On a UTF-8 desktop (strict stdout), a Latin-1 name must not crash validate or report."""
    folder = tmp_path / "latin"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/r\xe9sultat.json"))).write_bytes(good)
    (Path(os.fsdecode(bytes(folder) + b"/sl\xe9cht.json"))).write_bytes(b"{")
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1")
    for command in (["validate", str(folder)], ["report", str(folder), "--format", "json"]):
        proc = subprocess.run(
            [sys.executable, "-m", "ictbekwaam", *command], capture_output=True, text=True, env=env, timeout=60
        )
        assert proc.returncode in (0, 1), proc
        assert "Traceback" not in proc.stderr and "interne fout" not in proc.stderr, proc.stderr
        assert f"{folder}/sl\\udce9cht.json: het bestand is afgebroken (onvolledige JSON)" in proc.stdout + proc.stderr


def test_an_empty_name_is_no_current_folder(run_cli, tmp_path, good, monkeypatch):
    """validate "" (an unset shell variable) must not check the whole current folder, as report does not."""
    (tmp_path / "a.json").write_bytes(good)
    monkeypatch.chdir(tmp_path)
    run = run_cli("validate", "")
    assert (run.code, run.out) == (1, "✗ '': ongeldig\n  '': bestaat niet (geen bestand, map of patroon)\n")
    assert run_cli("report", "").err == "Fout: '' bestaat niet (geen bestand, map of patroon)\n"
