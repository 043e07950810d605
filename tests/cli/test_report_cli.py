"""``ictbekwaam report`` end to end through the real entry point: formats, privacy, messages and exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import msgspec
import pytest

from ictbekwaam.files.demo import demo_results
from ictbekwaam.model.result import Context, encode, new_respondent_id, new_result


def write_results(folder: Path, results) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, result in enumerate(results):
        path = folder / f"r{n:03d}.json"
        path.write_bytes(encode(result))
        paths.append(path)
    return paths


@pytest.fixture
def team(tmp_path, kader) -> Path:
    """Thirty demo results (fictional teachers) in a folder."""
    folder = tmp_path / "team"
    write_results(folder, demo_results(kader, 30, seed=11))
    return folder


def person(kader, answers, *, naam=None, school=None, team=None, minutes=0, respondent=None):
    from datetime import timedelta

    base = new_result(kader, respondent or new_respondent_id(), naam=naam, context=Context(school=school, team=team))
    return msgspec.structs.replace(base, answers=answers, complete=True, updated_at=base.updated_at + timedelta(minutes=minutes))


def test_report_on_screen_is_dutch_and_private(run_cli, team):
    run = run_cli("report", str(team))
    assert run.code == 0, run
    flat = " ".join(run.out.split())
    for heading in ("Teamprofiel ict-bekwaamheid", "Per onderdeel", "Prioriteiten van het team", "Gespreksvragen uit de Handreiking"):
        assert heading in flat
    assert "30 bestanden gelezen" in flat
    assert "Demo Leraar" not in run.out
    assert "Ingeleverd" not in run.out
    assert run.err == ""


def test_names_on_screen_only_when_asked(run_cli, team):
    run = run_cli("report", str(team), "--namen")
    assert run.code == 0
    assert "Ingeleverd (" in run.out and "Demo Leraar 001" in run.out


def test_names_in_an_export_need_an_explicit_file(run_cli, team, tmp_path):
    run = run_cli("report", str(team), "--namen", "--format", "json")
    assert run.code == 2
    assert run.err == (
        "Fout: --namen met --format json kan alleen samen met -o BESTAND: "
        "namen komen alleen in een bestand dat je zelf noemt.\n"
    )
    out = tmp_path / "team.json"
    run = run_cli("report", str(team), "--namen", "-o", str(out))
    assert run.code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert any(n["naam"] == "Demo Leraar 001" for n in data["names"])
    assert f"Opgeslagen in {out}" in run.err
    assert f"Let op: {out} bevat namen van respondenten (persoonsgegevens)." in run.err


def test_json_structure(run_cli, team, kader):
    run = run_cli("report", str(team), "--format", "json")
    assert run.code == 0
    data = json.loads(run.out)
    assert data["schema"] == "ictbekwaam/team-report"
    assert data["names"] is None and data["evidence"] is None
    assert data["files"]["read"] == 30
    total = data["columns"][0]
    assert total["key"] is None and total["shown"]
    assert set(total["items"]) == {i.id for i in kader.all_items()}
    a1 = total["items"]["A1"]
    if a1["shown"]:
        assert sum(a1["counts"].values()) == a1["counted"]
        assert a1["counted"] + a1["nvt"] + a1["open"] == total["completed"]
    assert "Demo Leraar" not in run.out


def test_bad_files_are_listed_and_strict_makes_them_fatal(run_cli, team, monkeypatch):
    (team / "kapot.json").write_bytes(b'{"schema": ')
    (team / "leeg.json").write_bytes(b"")
    run = run_cli("report", str(team), "--format", "json")
    assert run.code == 0
    assert "Deze ronde: 2 overgeslagen (ongeldig of niet te lezen):\n" in run.err
    assert f"  ✗ {team / 'kapot.json'}: het bestand is afgebroken (onvolledige JSON)\n" in run.err
    assert f"  ✗ {team / 'leeg.json'}: het bestand is leeg\n" in run.err
    data = json.loads(run.out)
    assert data["files"]["rejected"] == 2
    # Without --namen the export has the reasons, not the file names.
    assert {"reason": "het bestand is leeg"} in data["files"]["skipped"]
    assert str(team) not in run.out

    # On screen the report itself lists them: once, not again on stderr. (Named from inside the
    # folder, so that a long temporary path cannot wrap a name over two lines of the 80 columns.)
    monkeypatch.chdir(team)
    run = run_cli("report", ".")
    assert run.code == 0
    assert run.err == ""
    assert (run.out + run.err).count("leeg.json") == 1
    assert "Overgeslagen bestanden (2):" in run.out
    assert "  ✗ ./leeg.json: het bestand is leeg\n" in run.out

    run = run_cli("report", str(team), "--strict")
    assert run.code == 1
    assert run.out == ""
    assert f"  ✗ {team / 'leeg.json'}: het bestand is leeg\n" in run.err
    assert run.err.endswith("Fout: 2 overgeslagen en --strict: er is geen rapport gemaakt.\n")


def test_nothing_to_report(run_cli, tmp_path):
    run = run_cli("report", str(tmp_path / "nergens"))
    assert (run.code, run.err) == (1, f"Fout: '{tmp_path / 'nergens'}' bestaat niet (geen bestand, map of patroon)\n")
    empty = tmp_path / "leeg"
    empty.mkdir()
    run = run_cli("report", str(empty))
    assert (run.code, run.err) == (1, f"Fout: geen resultaatbestanden (.json of .zip) gevonden in {empty}\n")
    (empty / "x.json").write_text("{}")
    run = run_cli("report", str(empty))
    assert run.code == 1
    assert run.err.endswith(f"Fout: geen geldige resultaatbestanden gevonden in {empty}\n")


def test_too_few_respondents(run_cli, tmp_path, kader):
    folder = tmp_path / "klein"
    write_results(folder, [person(kader, {"A1": 3}) for _ in range(3)])
    run = run_cli("report", str(folder))
    assert run.code == 0
    flat = " ".join(run.out.split())
    assert "Heel het team: te weinig respondenten (minstens 5 afgeronde resultaten nodig)." in flat
    run = run_cli("report", str(folder), "--min-groep", "3", "--format", "json")
    assert json.loads(run.out)["columns"][0]["shown"] is True
    run = run_cli("report", str(folder), "--min-groep", "0")
    assert run.code == 2


def test_groups_side_by_side_with_suppression(run_cli, tmp_path, kader):
    folder = tmp_path / "school"
    results = [person(kader, {"A1": 3}, school="Noord") for _ in range(6)]
    results += [person(kader, {"A1": 2}, school="Zuid") for _ in range(5)]
    results += [person(kader, {"A1": 1}, school="Oost") for _ in range(1)]
    write_results(folder, results)
    run = run_cli("report", str(folder), "--by", "school", "--format", "json")
    columns = {c["label"]: c for c in json.loads(run.out)["columns"]}
    assert columns["Noord"]["shown"] and columns["Noord"]["items"]["A1"]["counts"]["3"] == 6
    for hidden in ("Oost", "Zuid"):
        assert columns[hidden] ["shown"] is False
        assert columns[hidden]["reason"] == "te weinig respondenten"
        assert columns[hidden]["completed"] is None
        assert columns[hidden]["items"]["A1"] == {"shown": False, "reason": "te weinig respondenten"}
    run = run_cli("report", str(folder), "--by", "school")
    assert run.code == 0
    assert "te weinig respondenten" in run.out
    run = run_cli("report", str(folder), "--by", "klas")
    assert run.code == 2
    assert "ongeldige waarde voor '--by'" in run.err


def test_csv_for_dutch_excel_and_formula_injection(run_cli, tmp_path, kader):
    folder = tmp_path / "csv"
    evil = "=HYPERLINK(\"http://example.invalid\",\"klik\")"
    write_results(folder, [person(kader, {"A1": n % 4 + 1, "BV1": "ja"}, school=evil) for n in range(6)])
    out = tmp_path / "team.csv"
    run = run_cli("report", str(folder), "--by", "school", "--format", "csv", "--scheidingsteken", ";", "-o", str(out))
    assert run.code == 0, run
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:4] == ["groep", "soort", "id", "onderdeel"]
    a1 = next(r for r in rows if r[0] == "Heel het team" and r[2] == "A1")
    assert a1[header.index("gemiddelde")] == "2,167"  # (1+2+3+4+1+2)/6 = 13/6, with a decimal comma
    group_rows = [r for r in rows[1:] if r[0] != "Heel het team"]
    assert group_rows and all(r[0] == "'" + evil for r in group_rows)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row if cell and not cell[1:2].isdigit())


def test_csv_per_respondent_has_no_names(run_cli, team, kader):
    run = run_cli("report", str(team), "--format", "csv", "--csv-per", "respondent")
    assert run.code == 0
    rows = list(csv.reader(io.StringIO(run.out.lstrip("\ufeff"))))
    assert rows[0] == ["respondent", "id", "onderdeel", "antwoord", "waarde", "doel", "op doel"]
    data = json.loads(run_cli("report", str(team), "--format", "json").out)
    completed = data["respondents"]["completed"]
    assert len(rows) - 1 == completed * len(kader.all_items())
    assert rows[1][0] == "R0001"
    assert "Demo Leraar" not in run.out and "r-" not in run.out
    assert "Let op: deze export bevat de antwoorden per respondent" in run.err


def test_markdown_and_html_escape_everything(run_cli, tmp_path, kader):
    folder = tmp_path / "xss"
    script = "<script>alert('x')</script>"
    write_results(folder, [person(kader, {"A1": 3, "BV1": "ja"}, naam=script, school=script) for _ in range(5)])
    md_out, html_out = tmp_path / "r.md", tmp_path / "r.html"
    assert run_cli("report", str(folder), "--namen", "--by", "school", "-o", str(md_out)).code == 0
    assert run_cli("report", str(folder), "--namen", "--by", "school", "-o", str(html_out)).code == 0
    markdown = md_out.read_text(encoding="utf-8")
    html = html_out.read_text(encoding="utf-8")
    assert "<script" not in markdown and "&lt;script&gt;" in markdown
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert html.count("<svg") >= 3
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html.replace("https://ictbekwaamheid.kennisnet.nl", "")


def test_two_rounds(run_cli, tmp_path, kader):
    old, new = tmp_path / "oud", tmp_path / "nieuw"
    ids = [new_respondent_id() for _ in range(6)]
    write_results(old, [person(kader, {"A1": 2, "C1": 1}, respondent=r) for r in ids])
    write_results(new, [person(kader, {"A1": 3, "C1": 1}, respondent=r) for r in ids])
    run = run_cli("report", str(new), "--vorige", str(old), "--format", "json")
    assert run.code == 0
    data = json.loads(run.out)
    change = data["changes"][0]
    a1 = next(c for c in change["items"] if c["id"] == "A1")
    assert (a1["before"], a1["after"], a1["delta"]) == (2.0, 3.0, 1.0)
    assert data["previous"]["respondents"]["completed"] == 6
    assert data["previous"]["respondents"]["in_both"] == 6 and change["in_both"] == 6
    screen = run_cli("report", str(new), "--vorige", str(old))
    assert "Verschil met de vorige ronde" in screen.out
    assert re.search(r"│ A1 +│ +2,0 │ +3,0 │ +\+1,0 │ +0% → 100% │", screen.out), screen.out
    # The same row in the files to share.
    markdown = run_cli("report", str(new), "--vorige", str(old), "--format", "markdown").out
    assert "| **A1** | 2,0 | 3,0 | +1,0 | 0% → 100% |" in markdown
    html = run_cli("report", str(new), "--vorige", str(old), "--format", "html").out
    assert re.search(r"<td>A1</td>\s*<td[^>]*>2,0</td>\s*<td[^>]*>3,0</td>\s*<td[^>]*>\+1,0</td>\s*<td[^>]*>0% → 100%</td>", html)


def test_doelen_file_changes_the_share_on_target(run_cli, tmp_path, kader):
    folder = tmp_path / "doel"
    write_results(folder, [person(kader, {"A1": 2}) for _ in range(5)])
    doelen = tmp_path / "doelen.yaml"
    doelen.write_text("doelen:\n  naam: Onze school\n  items: {A1: 2}\n", encoding="utf-8")
    plain = json.loads(run_cli("report", str(folder), "--format", "json").out)
    school = json.loads(run_cli("report", str(folder), "--format", "json", "--doelen", str(doelen)).out)
    assert plain["columns"][0]["items"]["A1"]["share_on_target"] == 0.0
    assert school["columns"][0]["items"]["A1"]["share_on_target"] == 1.0
    assert school["targets"]["source"] == "doelen van de school: Onze school (doelen.yaml)"


def test_voorbeelden_only_with_the_flag(run_cli, tmp_path, kader):
    from ictbekwaam.model.result import Evidence

    folder = tmp_path / "vb"
    write_results(folder, [
        msgspec.structs.replace(person(kader, {"A1": 3}), evidence={"A": Evidence(voorbeeld=f"Voorbeeld {n}", meerwaarde="Meer")})
        for n in range(5)
    ])
    assert "Voorbeeld 0" not in run_cli("report", str(folder)).out
    run = run_cli("report", str(folder), "--voorbeelden")
    assert "Voorbeelden van het team (zonder namen)" in run.out and "Voorbeeld 0" in run.out


def test_output_format_follows_the_file_name(run_cli, team, tmp_path):
    for name, check in (("r.json", lambda t: json.loads(t)["schema"] == "ictbekwaam/team-report"),
                        ("r.md", lambda t: t.startswith("# Teamprofiel ict-bekwaamheid")),
                        ("r.html", lambda t: t.startswith("<!DOCTYPE html>")),
                        ("r.csv", lambda t: t.startswith("\ufeffgroep,")),
                        ("r.txt", lambda t: t.startswith("Teamprofiel ict-bekwaamheid"))):
        out = tmp_path / name
        run = run_cli("report", str(team), "-o", str(out))
        assert run.code == 0 and run.out == ""
        assert check(out.read_text(encoding="utf-8")), name


def test_ctrl_c_while_reading_exits_130_with_a_dutch_line(run_cli, team, monkeypatch):
    import ictbekwaam.files.collect

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ictbekwaam.files.collect, "collect", interrupted)
    run = run_cli("report", str(team), "--format", "json", "-o", str(team / "rapport.json"))
    assert run.code == 130
    assert run.err == "\nAfgebroken.\n"
    assert run.out == ""
    assert not (team / "rapport.json").exists()


@pytest.mark.parametrize("command", [("report", "{team}"), ("pop", "{other}"), ("kader",), ("gesprek",)])
def test_no_export_ever_replaces_a_result_file(run_cli, team, command):
    target = sorted(team.glob("*.json"))[0]
    other = sorted(team.glob("*.json"))[1]
    before = target.read_bytes()
    args = [a.format(team=team, other=other) for a in command]
    fmt = [] if command[0] == "pop" else ["--format", "markdown"]
    # Not even with --overwrite: a result is no export.
    run = run_cli(*args, *fmt, "-o", str(target), "--overwrite")
    assert run.code == 1, run
    assert run.err.endswith(
        f"Fout: {target} is een resultaatbestand; ictbekwaam overschrijft dat nooit, ook niet met --overwrite. "
        "Kies een ander bestand voor -o.\n"
    )
    assert target.read_bytes() == before
