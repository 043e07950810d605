"""Respondent identity end to end: colleagues' answers files stay apart, and ``report`` names an id shared by two names."""

from __future__ import annotations

import json

import yaml

from builders import everything, make_result, write_result

SHARED = "r-" + "5a" * 16


def answers_file(run_cli, kader, path, naam, *, with_id=True):
    """An answers file from ``assess --template``, filled in for ``naam`` (the template's own id kept, or left out)."""
    assert run_cli("assess", "--template", str(path)).code == 0
    data = yaml.safe_load(path.read_text())
    data |= {"naam": naam, "antwoorden": everything(kader)}
    if not with_id:
        del data["respondent-id"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def report_json(run_cli, *args):
    run = run_cli("report", "--format", "json", "--min-groep", "1", *args)
    assert run.code == 0, run
    return json.loads(run.out), run.err


def test_five_colleagues_answers_files_are_five_respondents(run_cli, kader, tmp_path, data_dir):
    # An i-coach converts the answers files of five colleagues in their own data folder.
    for naam in ("Anna", "Bert", "Cor", "Dirk", "Eva"):
        run = run_cli("assess", "--answers", str(answers_file(run_cli, kader, tmp_path / f"{naam}.yaml", naam)))
        assert run.code == 0, run
        assert "respondent-id" not in run.err  # the file had its own
    data, err = report_json(run_cli, str(data_dir / "resultaten"))
    assert data["respondents"] == {"total": 5, "completed": 5, "drafts_only": 0, "name_conflicts": 0}
    assert data["files"]["set_aside"] == 0 and err == ""
    assert not (data_dir / "respondent-id").exists()  # the coach's own id was never used


def test_converting_one_answers_file_twice_is_one_respondent(run_cli, kader, tmp_path, data_dir):
    path = answers_file(run_cli, kader, tmp_path / "sam.yaml", "Sam")
    for _ in range(2):
        assert run_cli("assess", "--answers", str(path)).code == 0
    data, _ = report_json(run_cli, str(data_dir / "resultaten"))
    assert (data["respondents"]["total"], data["files"]["set_aside"]) == (1, 1)


def test_an_answers_file_without_an_id_gets_a_fresh_one_each_time(run_cli, kader, tmp_path, data_dir):
    path = answers_file(run_cli, kader, tmp_path / "oud.yaml", "Sam", with_id=False)
    ids = []
    for _ in range(2):
        run = run_cli("assess", "--answers", str(path))
        assert run.code == 0, run
        (given,) = [word.strip("().") for word in run.err.split() if word.startswith("(r-")]
        assert " ".join(run.err.split()) == (
            f"Let op: {path} heeft geen respondent-id, dus dit resultaat kreeg een nieuwe ({given}). Maak je later "
            f"opnieuw een resultaat van dit bestand, zet dan eerst 'respondent-id: {given}' erin: dan horen ze bij "
            "dezelfde respondent."
        )
        ids.append(given)
    assert ids[0] != ids[1]
    saved = sorted(json.loads(p.read_text())["respondent"]["id"] for p in (data_dir / "resultaten").iterdir())
    assert saved == sorted(ids)


def shared_folder(kader, tmp_path):
    """Results of one computer before ids followed the person: Anna twice, Bert once, all with one id."""
    folder = tmp_path / "inlever"
    folder.mkdir()
    write_result(folder / "a1.json", make_result(kader, everything(kader, 1), respondent=SHARED, naam="Anna"))
    write_result(folder / "b.json", make_result(kader, everything(kader, 4), respondent=SHARED, naam="Bert"))
    newer = make_result(kader, everything(kader, 2), respondent=SHARED, naam="ANNA", complete=False)
    write_result(folder / "c-concept.json", newer)
    return folder


def test_report_names_a_shared_id_with_its_files_and_counts_each_name(run_cli, kader, tmp_path):
    folder = shared_folder(kader, tmp_path)
    data, err = report_json(run_cli, str(folder))
    assert data["respondents"] == {"total": 2, "completed": 2, "drafts_only": 0, "name_conflicts": 1}
    assert data["files"]["set_aside"] == 1  # Anna's draft: her complete result counts
    assert err.splitlines() == [
        "Deze ronde: 1 respondent-id komt voor met verschillende namen; elke naam telt als een eigen respondent:",
        f"  {SHARED}: {folder / 'a1.json'}, {folder / 'b.json'}",
    ]
    assert "Anna" not in err and "Bert" not in err
    assert any(n.startswith("1 respondent-id komt voor met verschillende namen") for n in data["notes"])
    assert SHARED not in json.dumps(data) and "a1.json" not in json.dumps(data)  # ids and file names stay on the screen


def test_report_names_the_names_only_with_namen(run_cli, kader, tmp_path):
    folder = shared_folder(kader, tmp_path)
    run = run_cli("report", "--min-groep", "1", "--namen", str(folder))
    assert run.code == 0, run
    assert f"  {SHARED}: {folder / 'a1.json'} (Anna), {folder / 'b.json'} (Bert)" in run.err
    assert "1 respondent-id met verschillende namen (elke naam apart geteld)" in " ".join(run.out.split())
    write_result(folder / "d.json", make_result(kader, everything(kader), respondent=SHARED, complete=False))
    run = run_cli("report", "--min-groep", "1", "--namen", str(folder))
    assert f"{folder / 'd.json'} (zonder naam) (concept)" in run.err


def test_a_conflict_line_shows_hostile_names_and_file_names_literally(run_cli, kader, tmp_path):
    folder = tmp_path / "inlever"
    folder.mkdir()
    write_result(folder / "a\x1b[2J.json", make_result(kader, everything(kader, 1), respondent=SHARED, naam="Anna\u202e"))
    write_result(folder / "b.json", make_result(kader, everything(kader, 4), respondent=SHARED, naam="Be\x07rt"))
    run = run_cli("report", "--min-groep", "1", "--namen", str(folder))
    assert run.code == 0, run
    assert f"{folder}/a\\x1b[2J.json (Anna\\u202e), {folder / 'b.json'} (Be\\x07rt)" in run.err
    assert "\x1b" not in run.err and "\u202e" not in run.err and "\x07" not in run.err
