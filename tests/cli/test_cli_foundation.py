"""The foundation commands end to end through the real entry point: kader, gesprek, validate."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from ictbekwaam import __version__
from ictbekwaam.files.loader import builtin_handreiking_path, builtin_kader_path

def test_version(run_cli):
    run = run_cli("--version")
    assert run.code == 0
    assert run.out == f"ictbekwaam {__version__}\n"


def test_kader_shows_the_whole_tree(run_cli, kader):
    run = run_cli("kader")
    assert run.code == 0
    assert "Kader voor ict-bekwaamheid van leraren" in run.out
    flat = " ".join(run.out.split())
    for item in kader.all_items():
        assert f"{item.id} " in run.out
    for niveau in kader.schaal.niveaus:
        assert niveau.label in flat
    assert "Kerntaak B: Werken in de schoolcontext" in flat
    assert "leraar24.nl/video/2401" in flat


def test_kader_json_is_the_whole_model(run_cli, kader):
    run = run_cli("kader", "--format", "json")
    assert run.code == 0
    data = json.loads(run.out)
    assert data["meta"]["uitgever"] == "Kennisnet"
    assert [i["id"] for i in data["basisvaardigheden"]["items"]] == [i.id for i in kader.basisvaardigheden.items]
    assert len(data["voorbeelden"]) == len(kader.voorbeelden)


def test_kader_markdown_to_a_file(run_cli, kader, tmp_path):
    out = tmp_path / "kader.md"
    run = run_cli("kader", "--format", "markdown", "-o", str(out))
    assert run.code == 0
    assert run.out == ""
    assert f"Opgeslagen in {out}" in run.err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Kader voor ict-bekwaamheid van leraren\n")
    assert "## Kerntaak C: Professionele ontwikkeling" in text
    assert all(f"**{i.id}**" in text for i in kader.all_items())


def test_gesprek_shows_every_question(run_cli, handreiking):
    run = run_cli("gesprek")
    assert run.code == 0
    flat = " ".join(run.out.split())
    for _, onderwerp in handreiking.onderwerpen():
        for vraag in onderwerp.vragen:
            assert vraag.tekst in flat


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("2b", "Gezamenlijk leren over technologie", "Ict en de omgeving"),
        ("omgeving", "Hoofdvraag 3.", "2.3 De urgentie"),
        ("eigen-ontwikkeling", "4.2 Samenwerken met collega’s", "1.1 De visie"),
        ("2.3", "2.3 De urgentie van de ict-bekwaamheid", "2.4 Samenwerking"),
    ],
)
def test_gesprek_one_theme_or_topic(run_cli, query, present, absent):
    run = run_cli("gesprek", query)
    assert run.code == 0
    flat = " ".join(run.out.split())
    assert present in flat
    assert absent not in flat


def test_gesprek_unknown_theme_is_a_clear_error(run_cli):
    run = run_cli("gesprek", "7.7")
    assert run.code == 1
    assert run.err.startswith("Fout: '7.7' is geen thema of onderwerp van de handreiking. Kies een thema (onderwijsvisie (1a)")
    assert "Traceback" not in run.err


def test_gesprek_markdown_sheet(run_cli, tmp_path):
    out = tmp_path / "blad.md"
    run = run_cli("gesprek", "4", "--format", "markdown", "--out", str(out))
    assert run.code == 0
    text = out.read_text(encoding="utf-8")
    assert "## Eigen professionele ontwikkeling" in text
    assert "1. Welke vragen heb ik over de rol van ict in mijn werk en mijn manier van werken?" in text
    assert text.count("*Aantekeningen:*") == 4


def test_validate_accepts_the_shipped_files(run_cli, kader):
    run = run_cli("validate", str(builtin_kader_path()), str(builtin_handreiking_path()))
    assert run.code == 0, run
    # Kader 1.1.0: A 14 + 4 = 18 (A2, A4, A7 and A14 split in two), B 4, C 5: 18 + 4 + 5 = 27 statements.
    assert [len(k.items) for k in kader.kerntaken] == [18, 4, 5]
    assert "geldig kader (10 basisvaardigheden, 3 kerntaken met 27 stellingen" in " ".join(run.out.split())
    assert "geldig handreiking (5 thema's, 13 onderwerpen, 31 vragen)" in " ".join(run.out.split())


def test_validate_rejects_a_broken_file_naming_file_place_and_line(run_cli, tmp_path):
    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    data["kerntaken"][1]["items"][3]["id"] = "A1"
    bad = tmp_path / "kader.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lines = [n for n, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if text.strip() == "- id: A1"]
    assert len(lines) == 2
    line = lines[1]
    run = run_cli("validate", str(bad), str(builtin_kader_path()))
    assert run.code == 1
    assert f"✗ {bad}: ongeldig" in run.out
    assert f"{bad}, regel {line}: kerntaken[1].items[3].id: item-id 'A1' komt vaker voor" in run.out
    assert f"✓ {builtin_kader_path()}: geldig kader" in run.out
    assert run.err == "Fout: 1 van de 2 bestanden is ongeldig.\n"


def test_validate_unknown_kind(run_cli, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("iets: 1\n", encoding="utf-8")
    run = run_cli("validate", str(path))
    assert run.code == 1
    assert "onbekend soort bestand" in run.out


def test_a_schools_own_kader_is_used(run_cli, tmp_path):
    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    data["kerntaken"][2]["naam"] = "Eigen ontwikkeling op onze school"
    own = tmp_path / "eigen.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    run = run_cli("--kader", str(own), "kader", "--format", "markdown")
    assert run.code == 0
    assert "## Kerntaak C: Eigen ontwikkeling op onze school" in run.out


def test_a_broken_own_kader_exits_1_without_traceback(run_cli, tmp_path):
    own = tmp_path / "eigen.yaml"
    own.write_text("meta: [\n", encoding="utf-8")
    run = run_cli("--kader", str(own), "kader")
    assert run.code == 1
    assert run.err.startswith(f"Fout: {own}, regel 2: geen geldige YAML")
    assert "Traceback" not in run.err


def test_a_missing_own_handreiking(run_cli, tmp_path):
    run = run_cli("--handreiking", str(tmp_path / "nope.yaml"), "gesprek")
    assert run.code == 1
    assert run.err == f"Fout: {tmp_path / 'nope.yaml'}: bestand niet gevonden\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kader", "--format", "pdf"], "Fout: ongeldige waarde voor '--format' / '-f': 'pdf' is niet een van 'tekst', 'json', 'markdown'"),
        (["bestaatniet"], "Fout: onbekend commando 'bestaatniet'"),
        (["kader", "--kleur"], "Fout: onbekende optie: --kleur"),
        (["validate"], "Fout: argument 'BESTAND...' ontbreekt"),
        (["asess"], "Fout: onbekend commando 'asess' (bedoel je 'assess'?)"),
        (["report", "x", "--stric"], "Fout: onbekende optie: --stric (bedoel je --strict?)"),
        (["report", "x", "--strict=1"], "Fout: optie '--strict' neemt geen waarde"),
        (["report", "x", "--min-groep", "abc"], "Fout: ongeldige waarde voor '--min-groep': 'abc' is geen geheel getal"),
    ],
)
def test_usage_errors_exit_2_in_dutch(run_cli, args, message):
    run = run_cli(*args)
    assert run.code == 2
    assert run.err.splitlines()[0] == message
    assert run.err.splitlines()[1].startswith("Zie 'ictbekwaam")


def test_python_dash_m_works_and_output_to_a_closed_pipe_is_quiet():
    proc = subprocess.run(
        f"{sys.executable} -m ictbekwaam kader --format markdown | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stdout == "# Kader voor ict-bekwaamheid van leraren\n"
    assert "Traceback" not in proc.stderr


def test_importing_the_cli_stays_light():
    code = (
        "import sys, ictbekwaam.cli.app; "
        "heavy = [m for m in ('prompt_toolkit', 'questionary', 'jinja2', 'yaml') if m in sys.modules]; "
        "print(heavy)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_result_that_is_not_utf8_is_a_clear_error_not_a_traceback(run_cli, tmp_path, kader):
    from ictbekwaam.model.result import encode, new_result

    path = tmp_path / "resultaat.json"
    path.write_bytes(encode(new_result(kader, "r-" + "2" * 32, naam="Sam")).replace(b'"Sam"', b'"S\xe9m"'))
    for args in (("validate", str(path)), ("profile", str(path)), ("pop", str(path))):
        run = run_cli(*args)
        assert run.code == 1, run
        assert "Traceback" not in run.err
        assert f"{path}, regel 15: geen geldige UTF-8-tekst" in run.out + run.err


def test_every_renderer_in_the_format_tables_exists():
    from ictbekwaam.cli import kader, profile, report
    from ictbekwaam.cli.common import renderer

    tables = [kader.KADER_RENDERERS, profile.PROFILE_RENDERERS, profile.COMPARE_RENDERERS, report.REPORT_RENDERERS]
    assert set(kader.KADER_RENDERERS) == set(kader.KaderFormat)
    assert set(profile.PROFILE_RENDERERS) == set(profile.COMPARE_RENDERERS) == set(profile.OutputFormat)
    assert set(report.REPORT_RENDERERS) == set(report.ReportFormat) - {report.ReportFormat.tekst, report.ReportFormat.csv}
    for table in tables:
        for spec in table.values():
            assert callable(renderer(spec)), spec


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (RecursionError("maximum recursion depth exceeded"), "Fout: de invoer is te groot of te diep genest om te verwerken; er is niets geschreven.\n"),
        (MemoryError(), "Fout: de invoer is te groot of te diep genest om te verwerken; er is niets geschreven.\n"),
        (
            KeyError("x"),
            "Fout: interne fout in ictbekwaam (KeyError). Meld dit, met de opdracht die je gaf; "
            "met ICTBEKWAAM_DEBUG=1 zie je de details.\n",
        ),
    ],
)
def test_the_last_net_gives_one_dutch_line_and_no_traceback(run_cli, monkeypatch, error, message):
    """Below every bounded reader, main() still never shows a traceback (unless ICTBEKWAAM_DEBUG asks)."""
    from ictbekwaam.cli.common import Settings

    def broken(self):  # type: ignore[no-untyped-def]
        raise error

    monkeypatch.setattr(Settings, "kader", broken)
    monkeypatch.delenv("ICTBEKWAAM_DEBUG")
    run = run_cli("kader")
    assert (run.code, run.err) == (1, message)
    monkeypatch.setenv("ICTBEKWAAM_DEBUG", "1")
    with pytest.raises(type(error)):
        run_cli("kader")


def test_no_path_parameter_lets_click_refuse_an_unreadable_file():
    """click's English "is not readable" check is off everywhere: the reader says it in Dutch, file by file."""
    import typer.main

    from ictbekwaam.cli.app import app

    root = typer.main.get_command(app)
    commands = [root, *root.commands.values()]  # type: ignore[attr-defined]
    paths = [(c.name, p.name) for c in commands for p in c.params if hasattr(p.type, "readable")]
    assert len(paths) >= 10  # --kader, --handreiking, -o, --doelen, BESTAND ... (the check must see them)
    assert [(c.name, p.name) for c in commands for p in c.params if getattr(p.type, "readable", False)] == []
