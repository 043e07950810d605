"""Reading a team's files: folders, patterns, zip archives, a folder of deliberately bad files; nothing is changed."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import msgspec
import pytest

from ictbekwaam.errors import InputError
from ictbekwaam.files.collect import collect
from ictbekwaam.files.inputs import expand
from ictbekwaam.files.demo import demo_results
from ictbekwaam.model.result import MAX_RESULT_BYTES, encode


@pytest.fixture(scope="module")
def good(kader) -> list[bytes]:
    """Twelve valid demo results, as file contents."""
    return [encode(r) for r in demo_results(kader, 12, seed=5)]


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def bad_files(folder: Path, good_bytes: bytes, kader) -> dict[str, str]:
    """A folder of broken files; file name -> the start of the Dutch reason we expect."""
    doc = json.loads(good_bytes)
    newer = dict(doc, schema_version=99)
    other_kader = json.loads(good_bytes)
    other_kader["framework"]["id"] = "een-ander-kader"
    bad_answer = json.loads(good_bytes)
    bad_answer["answers"]["A1"] = 9
    cases = {
        "leeg.json": (b"", "het bestand is leeg"),
        "afgebroken.json": (good_bytes[: len(good_bytes) // 2], "het bestand is afgebroken (onvolledige JSON)"),
        "geen-json.json": (b"Beste coach, hier mijn resultaat!", "geen geldige JSON"),
        "binair.json": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "dit is geen tekstbestand (bevat binaire gegevens)"),
        "ander-schema.json": (json.dumps({"naam": "Jan", "score": 3}).encode(), "schema: dit is geen resultaatbestand van ictbekwaam"),
        "lijst.json": (b"[1, 2, 3]", "dit is geen resultaatbestand van ictbekwaam (verwacht een JSON-object)"),
        "nieuwer.json": (json.dumps(newer).encode(), "schema_version: gemaakt met een nieuwere versie van ictbekwaam"),
        "ander-kader.json": (json.dumps(other_kader).encode(), "gemaakt met een ander kader ('een-ander-kader')"),
        "fout-antwoord.json": (json.dumps(bad_answer).encode(), "answers.A1: 9 is geen niveau van de schaal"),
        "te-groot.json": (b" " * (MAX_RESULT_BYTES + 1), "te groot voor een resultaatbestand"),
    }
    for name, (data, _) in cases.items():
        write(folder, name, data)
    return {name: reason for name, (_, reason) in cases.items()}


def snapshot(folder: Path) -> dict[str, tuple[bytes, float, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime, p.stat().st_mode) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_of_bad_files_is_listed_and_nothing_changes(tmp_path, kader, good):
    folder = tmp_path / "team"
    expected = bad_files(folder / "fout", good[0], kader)
    for n, data in enumerate(good[:5]):
        write(folder, f"goed-{n}.json", data)
    write(folder, "notities.txt", b"niet van ons")  # not .json: not looked at in a folder
    before = snapshot(tmp_path)
    collection = collect([folder], kader)
    assert snapshot(tmp_path) == before  # read only
    reasons = {Path(r.file).name: r.reason for r in collection.rejected}
    assert set(reasons) == set(expected)
    for name, start in expected.items():
        assert reasons[name].startswith(start), (name, reasons[name])
        assert "\n" not in reasons[name]
    assert collection.files == len(expected) + 5
    assert collection.tally.valid_files == 5


def test_fifo_is_never_opened_for_reading(tmp_path, kader):
    if not hasattr(os, "mkfifo"):
        pytest.skip("geen FIFO's op dit systeem")
    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    collection = collect([fifo], kader)  # would hang if opened blocking
    assert [r.reason for r in collection.rejected] == ["geen gewoon bestand, maar een named pipe (FIFO); geef een bestand"]


def test_an_explicit_file_of_any_name_is_checked(tmp_path, kader, good):
    path = write(tmp_path, "resultaat.txt", good[0])
    notes = write(tmp_path, "notities.txt", b"hallo")
    collection = collect([path, notes], kader)
    assert collection.tally.valid_files == 1
    assert [Path(r.file).name for r in collection.rejected] == ["notities.txt"]


def test_byte_order_mark_is_allowed(tmp_path, kader, good):
    path = write(tmp_path, "bom.json", b"\xef\xbb\xbf" + good[0])
    assert collect([path], kader).tally.valid_files == 1


def test_folders_recursively_patterns_and_doubles(tmp_path, kader, good):
    write(tmp_path, "a/1.json", good[0])
    write(tmp_path, "a/b/2.json", good[1])
    write(tmp_path, "a/b/c/3.JSON", good[2])
    write(tmp_path, "a/.verborgen/4.json", good[3])  # hidden folder: left alone
    write(tmp_path, "a/.5.json", good[4])  # hidden file: left alone
    sources, rejected = expand([tmp_path / "a"])
    assert [Path(s).name for s in sources] == ["1.json", "2.json", "3.JSON"]
    # The same files through a folder and a pattern are read once.
    sources, _ = expand([tmp_path / "a", str(tmp_path / "a" / "**" / "*.json"), tmp_path / "a" / "1.json"])
    assert sorted(Path(s).name for s in sources) == ["1.json", "2.json", "3.JSON"]
    sources, _ = expand([str(tmp_path / "a" / "b" / "*.json")])
    assert [Path(s).name for s in sources] == ["2.json"]


def test_inputs_that_name_nothing(tmp_path):
    with pytest.raises(InputError) as missing:
        expand([tmp_path / "bestaat-niet"])
    assert missing.value.message == f"'{tmp_path / 'bestaat-niet'}' bestaat niet (geen bestand, map of patroon)"
    with pytest.raises(InputError) as pattern:
        expand([str(tmp_path / "*.json")])
    assert pattern.value.message == f"'{tmp_path / '*.json'}': geen bestanden of mappen gevonden die hierop passen"


def test_zip_archives_are_read_in_memory_with_guards(tmp_path, kader, good):
    archive = tmp_path / "inlevering.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("team/jan.json", good[0])
        z.writestr("team/piet.json", good[1])
        z.writestr("team/leesmij.txt", "geen resultaat")
        z.writestr("__MACOSX/team/._jan.json", b"\x00\x05\x16\x07")
        z.writestr("team/stuk.json", b'{"schema": "ictbekwaam/result"')
        # Highly compressible padding inside valid-looking JSON: a zip bomb in miniature.
        z.writestr("team/bom.json", b'{"x": "' + b"0" * (200 * 1024) + b'"}')
        z.writestr("team/groot.json", b" " * (MAX_RESULT_BYTES + 10))
    before = snapshot(tmp_path)
    collection = collect([archive], kader)
    assert snapshot(tmp_path) == before
    assert not any(p.name != "inlevering.zip" for p in tmp_path.iterdir())  # nothing unpacked
    assert collection.tally.valid_files == 2
    reasons = {r.file: r.reason for r in collection.rejected}
    assert reasons[f"{archive}:team/stuk.json"] == "het bestand is afgebroken (onvolledige JSON)"
    assert reasons[f"{archive}:team/bom.json"].startswith("verdacht sterk ingepakt (mogelijk een zip-bom)")
    assert reasons[f"{archive}:team/groot.json"].startswith("te groot voor een resultaatbestand")
    assert len(reasons) == 3


def test_a_broken_archive_is_listed(tmp_path, kader, good):
    broken = write(tmp_path, "kapot.zip", b"PK\x03\x04 dit is geen zip")
    write(tmp_path, "goed.json", good[0])
    collection = collect([tmp_path], kader)
    assert [(Path(r.file).name, r.reason) for r in collection.rejected] == [("kapot.zip", "geen geldig zip-archief")]
    assert collection.files == 2
    assert broken.exists()


def test_parallel_and_sequential_reading_agree(tmp_path, kader):
    folder = tmp_path / "veel"
    for n, result in enumerate(demo_results(kader, 60, seed=9)):
        write(folder, f"r{n:03d}.json", encode(result))
    write(folder, "r999.json", b"{")
    one = collect([folder], kader, by="team", parallel=False)
    two = collect([folder], kader, by="team", parallel=True)
    assert (one.files, one.rejected) == (two.files, two.rejected)
    assert one.tally.columns() == two.tally.columns()
    assert (one.tally.respondents, one.tally.completed, one.tally.set_aside) == (
        two.tally.respondents, two.tally.completed, two.tally.set_aside,
    )


def test_progress_is_reported(tmp_path, kader, good):
    for n, data in enumerate(good):
        write(tmp_path, f"{n}.json", data)
    seen = []
    collect([tmp_path], kader, progress=lambda done, total: seen.append((done, total)), parallel=False)
    assert seen[0] == (0, 12) and seen[-1] == (12, 12)


def test_results_from_another_kader_version_are_read(tmp_path, kader, good):
    doc = msgspec.json.decode(good[0])
    doc["framework"]["versie"] = "0.9.0"
    doc["framework"]["hash"] = "sha256:" + "1" * 64
    doc["answers"]["OUD7"] = 3
    write(tmp_path, "oud.json", json.dumps(doc).encode())
    collection = collect([tmp_path], kader)
    assert collection.rejected == ()
    assert collection.tally.valid_files == 1
