"""What every command does with ``-o`` and with standard output, end to end in a real process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from builders import everything, make_result, write_result

ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
ENV.pop("ICTBEKWAAM_DEBUG", None)  # as a user runs it: a traceback would be a bug shown as a Dutch line


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in sh with ``ictbekwaam`` being this interpreter's module (redirects are the shell's)."""
    program = f"{sys.executable} -m ictbekwaam"
    return subprocess.run(
        ["sh", "-c", command.replace("ictbekwaam", program)],
        cwd=cwd, env=ENV, capture_output=True, text=True, timeout=60,
    )


@pytest.fixture
def team(tmp_path, kader) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(6):
        write_result(folder / f"r{n}.json", make_result(kader, everything(kader, level=1 + n % 4), respondent=f"r-{n:032x}"))
    return folder


@pytest.mark.parametrize("args", [
    "report team -f json", "report team -f csv", "report team", "kader -f json", "validate team", "profile team/r0.json",
])
def test_a_full_disk_on_stdout_is_one_dutch_line(tmp_path, team, args):
    run = shell(f"ictbekwaam {args} > /dev/full", tmp_path)
    assert run.returncode == 1, run
    assert run.stderr == (
        "Fout: kan niet naar de standaarduitvoer schrijven (de schijf is vol); de uitvoer is niet compleet.\n"
    )


def test_a_closed_stdout_is_an_error_not_a_silent_success(tmp_path, team):
    run = shell("ictbekwaam report team -f json >&-", tmp_path)
    assert run.returncode == 1, run
    assert run.stderr == "Fout: de standaarduitvoer is gesloten, dus wat op het scherm hoorde, staat nergens. Gebruik -o BESTAND.\n"


def test_a_closed_stdout_does_not_matter_with_o(tmp_path, team):
    run = shell("ictbekwaam report team -o rapport.md >&-", tmp_path)
    assert run.returncode == 0, run
    assert (tmp_path / "rapport.md").read_text().startswith("# ")


# /proc/self/fd/1 through a link of our own: a regression then replaces that link, not the machine's /dev/stdout.
@pytest.mark.parametrize("out", ["", "-o stdout"])
def test_a_reader_that_goes_away_ends_quietly_with_0(tmp_path, out):
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")
    assert shell("ictbekwaam demo-data demo -n 100 --seed 1", tmp_path).returncode == 0
    # About 140 kB: more than a pipe holds, so the write really meets the closed pipe.
    command = f"ictbekwaam report demo -f csv --csv-per respondent {out}"
    full = shell(command, tmp_path)
    assert len(full.stdout) > 100_000
    run = subprocess.run(
        ["bash", "-c", command.replace("ictbekwaam", f"{sys.executable} -m ictbekwaam")
         + " | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}"],
        cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=60,
    )
    assert run.stdout == "0\n", run
    assert "Fout" not in run.stderr and "Error" not in run.stderr and "Traceback" not in run.stderr, run


def test_an_edited_pop_survives_a_second_pop(tmp_path, kader):
    result = write_result(tmp_path / "r.json", make_result(kader, everything(kader, level=2), naam="Sanne"))
    assert shell("ictbekwaam pop r.json -o pop.md", tmp_path).returncode == 0
    pop = tmp_path / "pop.md"
    assert stat.S_IMODE(pop.stat().st_mode) == 0o600  # a POP holds the teacher's name and answers
    pop.write_text(pop.read_text() + "\nMijn aantekeningen voor het gesprek.\n")
    edited = pop.read_text()
    again = shell("ictbekwaam pop r.json -o pop.md", tmp_path)
    assert again.returncode == 1
    assert again.stderr == (
        "Fout: pop.md bestaat al; ictbekwaam overschrijft niets zonder --overwrite (misschien heb je het bewerkt). "
        "Kies een andere naam, of geef --overwrite om het te vervangen.\n"
    )
    assert pop.read_text() == edited
    forced = shell("ictbekwaam pop r.json -o pop.md --overwrite", tmp_path)
    assert forced.returncode == 0 and forced.stderr == "Opgeslagen in pop.md\n"
    assert "Mijn aantekeningen" not in pop.read_text()
    assert result.exists()


@pytest.mark.parametrize("command", [
    "report team -o uit.md", "report team -f json -o uit.md", "profile team/r0.json -o uit.md",
    "compare team/r0.json team/r1.json -o uit.md", "kader -o uit.md", "gesprek -o uit.md",
    "assess --template uit.md",
])
def test_every_command_keeps_an_existing_file(tmp_path, team, command):
    (tmp_path / "uit.md").write_text("van mij")
    run = shell(f"ictbekwaam {command}", tmp_path)
    assert run.returncode == 1, run
    assert "uit.md bestaat al; ictbekwaam overschrijft niets zonder --overwrite" in run.stderr
    assert (tmp_path / "uit.md").read_text() == "van mij"
    assert shell(f"ictbekwaam {command} --overwrite", tmp_path).returncode == 0
    assert (tmp_path / "uit.md").read_text() != "van mij"


def test_names_go_to_a_private_file_and_rewriting_keeps_it_private(tmp_path, kader):
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(5):
        write_result(folder / f"r{n}.json", make_result(kader, everything(kader), respondent=f"r-{n:032x}", naam=f"Leraar {n}"))
    assert shell("ictbekwaam report team --namen -o namen.md", tmp_path).returncode == 0
    names = tmp_path / "namen.md"
    assert "Leraar 3" in names.read_text()
    assert stat.S_IMODE(names.stat().st_mode) == 0o600
    assert shell("ictbekwaam kader -o namen.md --overwrite", tmp_path).returncode == 0
    assert stat.S_IMODE(names.stat().st_mode) == 0o600  # the kader is public, but this file was made private


def test_a_bom_result_is_never_an_export_target(tmp_path, team):
    target = team / "r0.json"
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
    before = target.read_bytes()
    run = shell(f"ictbekwaam report team -f json -o {target} --overwrite", tmp_path)
    assert run.returncode == 1
    assert "is een resultaatbestand; ictbekwaam overschrijft dat nooit" in run.stderr
    assert target.read_bytes() == before


def test_o_dev_stdout_in_a_pipeline(tmp_path, team):
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")  # what /dev/stdout is, in a folder of our own
    run = shell("ictbekwaam kader -f json -o stdout | head -c 1", tmp_path)
    assert run.stdout == "{" and "Opgeslagen in stdout" in run.stderr
    assert os.readlink(tmp_path / "stdout") == "/proc/self/fd/1"
