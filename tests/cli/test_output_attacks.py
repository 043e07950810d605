"""The attacks an attacker's review found on the first version of the -o rule, written as tests."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from builders import as_nobody, everything, make_result, readable_by_all, write_result
from ictbekwaam.errors import IctbekwaamError
from ictbekwaam.files.output import write_output
from ictbekwaam.model.result import encode

ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
ENV.pop("ICTBEKWAAM_DEBUG", None)


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    program = f"{sys.executable} -m ictbekwaam"
    return subprocess.run(
        ["bash", "-c", command.replace("ictbekwaam", program)], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=60
    )


def damaged(kader) -> dict[str, bytes]:
    """A result in every state a teacher's file can end up in: still someone's answers."""
    good = encode(make_result(kader, everything(kader)))
    return {
        "utf-16": good.decode().encode("utf-16"),
        "utf-16-le without BOM": good.decode().encode("utf-16-le"),
        "garbage after it": good + b"\ngarbage",
        "NUL padding": good + b"\0" * 1000,
        "cut off": good[: len(good) // 2],
        "over 1 MB": good[:-1] + b" " * 1_100_000 + b"}",
        "NaN": good.replace(b'"A1":3', b'"A1":NaN'),
        "draft": encode(make_result(kader, {"A1": 2}, complete=False)),
        "UTF-32": good.decode().encode("utf-32"),
        "schema with an escaped slash": good.replace(b'"ictbekwaam/result"', b'"ictbekwaam\\/result"'),
        "key with a unicode escape": good.replace(b'"schema"', b'"sch\\u0065ma"'),
        "padded past 4 MB": b" " * 5_000_000 + good,
    }


def test_a_damaged_result_is_never_replaced(tmp_path, kader):
    for name, data in damaged(kader).items():
        path = tmp_path / f"{name}.json"
        path.write_bytes(data)
        with pytest.raises(IctbekwaamError) as refused:
            write_output(path, "rapport", overwrite=True)
        assert "is een resultaatbestand; ictbekwaam overschrijft dat nooit" in refused.value.message, name
        assert path.read_bytes() == data, name


def test_an_unreadable_file_is_not_replaced_because_nobody_can_tell(tmp_path, kader):
    folder = tmp_path / "inlever"
    folder.mkdir()
    result = write_result(folder / "collega.json", make_result(kader, everything(kader)))
    readable_by_all(folder)
    os.chmod(folder, 0o777)  # a shared, writable submission folder
    os.chmod(result, 0o000)

    def attempt() -> str:
        try:
            write_output(result, "rapport", overwrite=True)
        except IctbekwaamError as exc:
            return exc.message
        return "vervangen"

    message = as_nobody(attempt)
    assert message.startswith(f"{result}: ictbekwaam vervangt dit bestand niet, ook niet met --overwrite: ")
    assert "kan niet nagaan of het een resultaat is" in message
    assert result.stat().st_size > 100


def test_a_zip_of_handed_in_results_is_never_replaced_by_its_own_report(tmp_path, kader):
    archive = tmp_path / "inlever.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:  # compressed: no mark in the raw bytes
        for n in range(5):
            zipped.writestr(f"r{n}.json", encode(make_result(kader, everything(kader), respondent=f"r-{n:032x}")))
    before = archive.read_bytes()
    run = shell("ictbekwaam report inlever.zip -o inlever.zip --overwrite", tmp_path)
    assert run.returncode == 1
    assert run.stderr.endswith(
        "Fout: inlever.zip: ictbekwaam vervangt dit bestand niet, ook niet met --overwrite: is een zip-archief met "
        ".json-bestanden, misschien ingeleverde resultaten. Kies een ander bestand voor -o.\n"
    )
    assert archive.read_bytes() == before


def test_o_into_the_file_stdout_already_goes_to_appends_as_the_shell_said(tmp_path):
    (tmp_path / "uit").symlink_to("/proc/self/fd/1")
    (tmp_path / "log.txt").write_text("eerdere regel\n")
    run = shell("ictbekwaam kader -f json -o uit >> log.txt", tmp_path)
    assert run.returncode == 0, run
    log = (tmp_path / "log.txt").read_text()
    assert log.startswith("eerdere regel\n{")
    run = shell("ictbekwaam kader -f json -o uit > leeg.txt", tmp_path)
    assert run.returncode == 0, run
    assert (tmp_path / "leeg.txt").read_text().startswith("{")


def test_o_dash_is_standard_output(tmp_path):
    run = shell("ictbekwaam kader -f json -o -", tmp_path)
    assert run.returncode == 0 and run.stdout.startswith("{") and run.stderr == ""
    assert not (tmp_path / "-").exists()


def test_a_closed_stderr_does_not_stop_a_report(tmp_path, kader):
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(5):
        write_result(folder / f"r{n}.json", make_result(kader, everything(kader), respondent=f"r-{n:032x}"))
    run = shell("ictbekwaam report team -f json 2>&-", tmp_path)
    assert run.returncode == 0 and run.stdout.startswith("{")
    run = shell("ictbekwaam kader -o kader.md 2>&-", tmp_path)
    assert run.returncode == 0 and (tmp_path / "kader.md").exists()


def test_a_newline_in_a_path_cannot_forge_a_line(tmp_path):
    (tmp_path / "x\nOpgeslagen in pop.md").write_text("van mij")
    run = shell("ictbekwaam kader -o $'x\\nOpgeslagen in pop.md'", tmp_path)
    assert run.returncode == 1
    assert run.stderr.startswith("Fout: x\\nOpgeslagen in pop.md bestaat al;")
    assert len(run.stderr.splitlines()) == 1


def test_assess_shows_hostile_paths_literally(tmp_path, kader):
    assert shell("ictbekwaam assess --template a.yaml", tmp_path).returncode == 0
    text = (tmp_path / "a.yaml").read_text()
    answers = "\n".join(
        "respondent-id:" if line.startswith("respondent-id:") else line for line in text.splitlines()
    )
    for item in everything(kader):
        answers = answers.replace(f"  {item}:\n", f"  {item}: {'ja' if item.startswith('BV') else 3}\n", 1)
    hostile = "a\x1b[2J\x1b]8;;x\x1b\\.yaml"
    (tmp_path / hostile).write_text(answers)
    out = tmp_path / "uit\x1b[31m"
    out.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "ictbekwaam", "assess", "--answers", hostile, "--out", str(out)],
        cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 0, run
    assert "\x1b" not in run.stdout + run.stderr
    assert "a\\x1b[2J\\x1b]8;;x\\x1b\\.yaml heeft geen respondent-id" in run.stderr
    assert "uit\\x1b[31m" in run.stdout


def test_closed_stdout_does_not_claim_nothing_was_saved(tmp_path):
    run = shell("ictbekwaam demo-data demo -n 2 --seed 1 >&-", tmp_path)
    assert run.returncode == 1
    assert run.stderr == "Fout: de standaarduitvoer is gesloten, dus wat op het scherm hoorde, staat nergens. Gebruik -o BESTAND.\n"
    assert len(list((tmp_path / "demo").iterdir())) == 2


def test_an_extra_argument_is_refused_in_dutch(run_cli):
    run = run_cli("profile", "a.json", "b.json")
    assert run.code == 2
    assert run.err.startswith("Fout: onverwacht extra argument (b.json)\n")


def test_o_dash_is_the_screen_for_every_command(tmp_path, kader):
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(5):
        write_result(folder / f"r{n}.json", make_result(kader, everything(kader), respondent=f"r-{n:032x}", naam=f"L{n}"))
    run = shell("ictbekwaam report team --namen -o -", tmp_path)
    assert run.returncode == 0 and run.stdout.startswith("Teamprofiel ict-bekwaamheid") and "L3" in run.stdout
    assert "bevat namen" not in run.stderr and not (tmp_path / "-").exists()
    run = shell("ictbekwaam profile team/r0.json -o -", tmp_path)
    assert run.returncode == 0 and run.stdout.startswith("Profiel ict-bekwaamheid")
    run = shell("ictbekwaam assess --template /dev/null", tmp_path)
    assert run.returncode == 0 and "assess --answers" not in run.stderr  # no file to fill in


def test_appending_through_stdout_never_touches_a_result(tmp_path, kader):
    result = write_result(tmp_path / "r.json", make_result(kader, everything(kader)))
    before = result.read_bytes()
    # (With "2>> r.json" the shell itself appends our refusal to it: that redirect is the user's.)
    run = shell("ictbekwaam kader -f json -o r.json >> r.json", tmp_path)
    assert run.returncode == 1, run
    assert "is een resultaatbestand; ictbekwaam overschrijft dat nooit" in run.stderr
    assert result.read_bytes() == before


def test_a_name_near_the_limit_of_the_file_system(tmp_path):
    name = "a" * 250 + ".md"  # 253 bytes: legal; a temporary name built on it would not be
    run = shell(f"ictbekwaam kader -f markdown -o {name}", tmp_path)
    assert run.returncode == 0, run
    assert (tmp_path / name).read_text().startswith("# ")
