"""``ictbekwaam demo-data``: plausible, clearly fictional, deterministic, never overwriting."""

from __future__ import annotations

import stat

from ictbekwaam.files.collect import collect
from ictbekwaam.files.demo import demo_results, file_names
from ictbekwaam.model.result import check_answers, decode, encode


def test_demo_results_are_valid_fictional_and_deterministic(kader):
    first = [encode(r) for r in demo_results(kader, 80, seed=3)]
    again = [encode(r) for r in demo_results(kader, 80, seed=3)]
    other = [encode(r) for r in demo_results(kader, 80, seed=4)]
    assert first == again and first != other
    results = [decode(data) for data in first]
    assert len(results) == 80
    for r in results:
        assert r.respondent.naam.startswith("Demo Leraar ")
        assert "(fictief)" in r.context.school
        assert check_answers(r, kader).problems == []
        assert all(e.voorbeeld.startswith("(demo)") for e in r.evidence.values())
    # Plausible: some drafts, some teachers with an older result as well, a spread of levels.
    assert any(not r.complete for r in results)
    assert len({r.respondent.id for r in results}) < 80
    levels = {v for r in results for v in r.answers.values() if isinstance(v, int)}
    assert levels == set(kader.level_values())


def test_file_names():
    assert file_names(3) == ["demo-001.json", "demo-002.json", "demo-003.json"]
    assert file_names(1200)[-1] == "demo-1200.json"


def test_demo_data_command(run_cli, tmp_path, kader):
    folder = tmp_path / "demo"
    run = run_cli("demo-data", str(folder), "-n", "25", "--seed", "42")
    assert run.code == 0, run
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == file_names(25)
    assert run.out.startswith("25 demobestanden van ")
    assert f"geschreven in {folder} (--seed 42). Probeer: ictbekwaam report {folder}\n" in run.out
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    same = tmp_path / "zelfde"
    run_cli("demo-data", str(same), "-n", "25", "--seed", "42")
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in sorted(same.iterdir())]
    assert collect([folder], kader).rejected == ()

    before = files[0].read_bytes()
    run = run_cli("demo-data", str(folder), "-n", "3", "--seed", "1")
    assert run.code == 1
    assert run.err == f"Fout: {folder / 'demo-001.json'} bestaat al; demo-data overschrijft nooit iets. Kies een lege map.\n"
    assert files[0].read_bytes() == before

    run = run_cli("demo-data", str(tmp_path / "x"), "-n", "0")
    assert run.code == 2
