"""``report`` privacy end to end, attacks as tests: ``--vorige`` (8 + 1, one leaving), groupings that nest, the banner."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

import pytest

from builders import make_result, rid, varied, write_result
from ictbekwaam.model.result import Context


def low(kader, seed: int) -> dict:
    """Every item answered below the top, differently per seed."""
    rnd = random.Random(seed)
    answers: dict = {i.id: rnd.choice(["deels", "nee"]) for i in kader.basisvaardigheden.items}
    answers.update({i.id: rnd.choice([1, 2, 3]) for k in kader.kerntaken for i in k.items})
    return answers


def one_step_up(answers: dict) -> dict:
    step = {"nee": "deels", "deels": "ja"}
    return {item: step[a] if isinstance(a, str) else a + 1 for item, a in answers.items()}


def write(folder: Path, kader, people) -> Path:
    """people: (respondent number, answers, context or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, answers, context in people:
        write_result(folder / f"r{n:04d}.json", make_result(kader, answers, respondent=rid(n), context=context))
    return folder


def report_json(run_cli, *args: str) -> dict:
    run = run_cli("report", *args, "--format", "json")
    assert run.code == 0, run
    return json.loads(run.out)


def figures_shown(data: dict) -> dict[str, list[tuple[int, float]]]:
    """Per item: every mean the JSON shows, with the number of people behind it (at most that many)."""
    out: dict[str, list[tuple[int, float]]] = {}
    for column in data["columns"]:
        for item, f in column["items"].items():
            if f["shown"] and f["mean"] is not None:
                out.setdefault(item, []).append((f["counted"], f["mean"]))
    for column in data["changes"]:
        for change in column["items"]:
            if change["shown"]:
                out.setdefault(change["id"], []).append((column["in_both"], change["before"]))
                out.setdefault(change["id"], []).append((column["in_both"], change["after"]))
    return out


def recovered(answer: dict, values: dict[str, float], *reports: dict) -> set[str]:
    """The items where (n × one figure − m × another) / (n − m), over any two figures shown, is this person's answer."""
    shown: dict[str, list[tuple[int, float]]] = {}
    for data in reports:
        for item, pairs in figures_shown(data).items():
            shown.setdefault(item, []).extend(pairs)
    out = set()
    for item, pairs in shown.items():
        own = values[str(answer[item])] if str(answer[item]) in values else float(answer[item])
        for n, x in pairs:
            for m, y in pairs:
                if n > m and abs((n * x - m * y) / (n - m) - own) < 0.01 and n - m < 5:
                    out.add(item)
    return out


def scores(data: dict) -> dict[str, float]:
    return {c["code"]: c["score"] for c in data["checklist"]}


def test_eight_and_one_newcomer_recover_nothing_from_the_report(run_cli, tmp_path, kader):
    team = Context(school="De Brug", team="Z")
    eight = [(n, varied(kader, n), team) for n in range(8)]
    newcomer = varied(kader, 99)
    old = write(tmp_path / "ronde1", kader, eight)
    new = write(tmp_path / "ronde2", kader, [*eight, (8, newcomer, team)])
    data = report_json(run_cli, str(new), "--vorige", str(old))
    assert data["previous"]["respondents"]["in_both"] == 8
    assert recovered(newcomer, scores(data), data) == set()  # was 33 of 33: 9 × after − 8 × before
    assert data["changes"][0]["shown"] is False and data["changes"][0]["items"] == []
    # What no report can hide: last round's own report beside this one, the eight answering the same. Said so.
    alone = report_json(run_cli, str(old))
    assert len(recovered(newcomer, scores(data), data, alone)) == len(data["items"])
    assert any("rapport van de vorige ronde naast dat van deze ronde" in w for w in data["warnings"])


def test_one_leaving_is_as_protected_as_one_joining(run_cli, tmp_path, kader):
    # The eight answer one step higher now: only a figure over just them in round 1 would give the leaver away.
    leaver = varied(kader, 99)
    eight = {n: low(kader, n) for n in range(8)}
    old = write(tmp_path / "ronde1", kader, [*((n, a, None) for n, a in eight.items()), (8, leaver, None)])
    new = write(tmp_path / "ronde2", kader, [(n, one_step_up(a), None) for n, a in eight.items()])
    data = report_json(run_cli, str(new), "--vorige", str(old))
    alone = report_json(run_cli, str(old))  # last round's report: over the nine
    assert recovered(leaver, scores(data), data, alone) == set()
    assert data["changes"][0]["shown"] is False


def test_school_minus_its_shown_teams_warns(run_cli, tmp_path, kader):
    def people(start, school, team, n):
        return [(start + k, varied(kader, start + k), Context(school=school, team=team)) for k in range(n)]

    # School De Brug: Onderbouw (10) shown, Kleuters (2) hidden; Het Anker: Bovenbouw (9) shown, Groep 8 (3)
    # hidden. The two hidden teams (5) protect each other here; "--by school" shows both schools (12 each).
    folder = write(tmp_path / "teams", kader, people(0, "De Brug", "Onderbouw", 10) + people(20, "De Brug", "Kleuters", 2)
                   + people(40, "Het Anker", "Bovenbouw", 9) + people(60, "Het Anker", "Groep 8", 3))
    run = run_cli("report", str(folder), "--by", "team", "--format", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert [(c["label"], c["shown"]) for c in data["columns"]] == [
        ("Heel het team", True), ("De Brug · Kleuters", False), ("De Brug · Onderbouw", True),
        ("Het Anker · Bovenbouw", True), ("Het Anker · Groep 8", False),
    ]
    (warning,) = [w for w in data["warnings"] if "--by school" in w]
    assert warning.startswith("Aftrekken van een rapport met --by school: bij scholen De Brug en Het Anker blijven na aftrek")
    assert "1 tot 4 respondenten" in warning
    assert f"Let op: {warning}" in run.err
    markdown = run_cli("report", str(folder), "--by", "team", "--format", "markdown").out
    assert "> Let op: Aftrekken van een rapport met \\-\\-by school" in markdown or "> Let op: Aftrekken van een rapport met --by school" in markdown
    # The school report warns the other way round.
    school = run_cli("report", str(folder), "--by", "school", "--format", "json")
    assert any("--by team" in w for w in json.loads(school.out)["warnings"]) and "--by team" in school.err
    # Without grouping nothing nests: no warning.
    assert run_cli("report", str(folder)).err == ""


BANNER = "LET OP: gemaakt met --min-groep 3, onder de standaard van 5."


@pytest.mark.parametrize("how", ["screen", "txt", "md", "html", "json", "csv", "csv-respondent"])
def test_a_small_minimum_puts_a_banner_on_every_output(run_cli, tmp_path, kader, how):
    folder = write(tmp_path / "team", kader, [(n, varied(kader, n), None) for n in range(6)])
    options = {
        "screen": [], "txt": ["-o", str(tmp_path / "r.txt")], "md": ["-o", str(tmp_path / "r.md")],
        "html": ["-o", str(tmp_path / "r.html")], "json": ["--format", "json"], "csv": ["--format", "csv"],
        "csv-respondent": ["--format", "csv", "--csv-per", "respondent"],
    }[how]
    for minimum, expected in (("3", True), ("5", False)):
        run = run_cli("report", str(folder), "--min-groep", minimum, *options, *(["--overwrite"] if "-o" in options else []))
        assert run.code == 0, run
        text = run.out if "-o" not in options else Path(options[-1]).read_text(encoding="utf-8")
        flat = " ".join(text.split())
        assert (BANNER in flat) is expected, flat[:300]
        if expected and how.startswith("csv"):
            first = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
            assert len(first) == 1 and first[0].startswith(BANNER)
        if expected and how in ("screen", "txt", "md", "html"):
            assert flat.index(BANNER) < flat.index("<h1>" if how == "html" else "Teamprofiel ict-bekwaamheid")  # on top
        if expected and how == "json":
            assert json.loads(text)["banner"].startswith(BANNER)


def test_a_change_is_worked_out_from_the_figures_as_shown(run_cli, tmp_path, kader):
    # Fifty in both rounds: A1 sums 117 then 118: 2,34 -> 2,36, shown "2,3" and "2,4": the change is +0,1, not 0,0.
    before = [2] * 33 + [3] * 17
    after = [2] * 32 + [3] * 18
    old = write(tmp_path / "oud", kader, [(n, {"A1": level, "BV1": "ja"}, None) for n, level in enumerate(before)])
    new = write(tmp_path / "nieuw", kader, [(n, {"A1": level, "BV1": "ja"}, None) for n, level in enumerate(after)])
    screen = run_cli("report", str(new), "--vorige", str(old)).out
    assert re.search(r"│ A1 +│ +2,3 │ +2,4 │ +\+0,1 │ +34% → 36% │", screen), screen
    markdown = run_cli("report", str(new), "--vorige", str(old), "--format", "markdown").out
    assert "| **A1** | 2,3 | 2,4 | +0,1 | 34% → 36% |" in markdown
    html = run_cli("report", str(new), "--vorige", str(old), "--format", "html").out
    assert re.search(r"<td>A1</td>\s*<td[^>]*>2,3</td>\s*<td[^>]*>2,4</td>\s*<td[^>]*>\+0,1</td>", html)
    data = report_json(run_cli, str(new), "--vorige", str(old))
    for change in data["changes"][0]["items"] + data["changes"][0]["sections"]:
        if change["shown"]:
            assert change["delta"] == round(change["after"] - change["before"], 3)
    rows = list(csv.DictReader(io.StringIO(run_cli("report", str(new), "--vorige", str(old), "--format", "csv").out.lstrip("\ufeff"))))
    a1 = next(r for r in rows if r["id"] == "A1" and r["groep"] == "Heel het team")
    assert (a1["gemiddelde vorige ronde (in beide rondes)"], a1["gemiddelde deze ronde (in beide rondes)"]) == ("2.34", "2.36")
    assert a1["verschil gemiddelde"] == "0.02" and a1["in beide rondes"] == "50"


def test_rounds_match_people_by_id_and_name_also_under_one_shared_id(run_cli, tmp_path, kader):
    # Results from before ids followed the person: everyone on one computer has one id. Matched by id *and* name,
    # the eight are in both rounds and the newcomer under the same id is not mistaken for one of them.
    shared = rid(7)
    old = tmp_path / "ronde1"
    new = tmp_path / "ronde2"
    old.mkdir()
    new.mkdir()
    for n in range(8):
        for folder in (old, new):
            write_result(folder / f"r{n}.json", make_result(kader, varied(kader, n), respondent=shared, naam=f"Leraar {n}"))
    newcomer = varied(kader, 99)
    write_result(new / "nieuw.json", make_result(kader, newcomer, respondent=shared, naam="Nieuwkomer"))
    data = report_json(run_cli, str(new), "--vorige", str(old))
    assert data["previous"]["respondents"]["in_both"] == 8
    assert data["respondents"]["total"] == 9
    assert recovered(newcomer, scores(data), data) == set()


def test_a_team_across_two_sectors_warns_about_a_report_by_sector(run_cli, tmp_path, kader):
    # Team T: nine po and one vo. --by team shows T, --by sector shows po and vo: T minus (po minus A) is the one.
    people = []
    for school, team, sector, count in (("S", "A", "po", 6), ("S", "T", "po", 9), ("S", "T", "vo", 1),
                                         ("U", "B", "vo", 6), ("U", "C", "vo", 2), ("U", "D", "vo", 3)):
        people += [(len(people) + i, varied(kader, len(people) + i), Context(school=school, team=team, sector=sector))
                   for i in range(count)]
    folder = write(tmp_path / "inlever", kader, people)
    warnings = report_json(run_cli, str(folder), "--by", "team")["warnings"]
    assert (
        "Aftrekken van een rapport met --by sector: bij team S · T horen 1 tot 4 respondenten bij een andere sector dan de "
        "rest. Wie dit rapport en een rapport met --by sector over dezelfde resultaten allebei heeft, kan hun cijfers "
        "mogelijk terugrekenen: deel ze niet allebei."
    ) in warnings


def test_one_colleague_moving_between_shown_teams_is_warned_about(run_cli, tmp_path, kader):
    # Nobody joins or leaves the whole team; one of P's eight moves to Q. Last round's P minus this round's P is them.
    def people(moved: bool):
        return [(n, varied(kader, n), Context(school="S", team="Q" if n >= 8 or (moved and n == 7) else "P")) for n in range(14)]

    old = write(tmp_path / "ronde1", kader, people(False))
    new = write(tmp_path / "ronde2", kader, people(True))
    data = report_json(run_cli, str(new), "--vorige", str(old), "--by", "team")
    assert any(w.startswith("Tussen de rondes kwamen 1 tot 4 respondenten bij of gingen er weg (bij S · P en S · Q, "
                            "ook door van groep te wisselen).") for w in data["warnings"]), data["warnings"]
    quiet = report_json(run_cli, str(new), "--vorige", str(new), "--by", "team")
    assert not any(w.startswith("Tussen de rondes") for w in quiet["warnings"])


def test_the_warnings_on_stderr_show_names_literally(run_cli, tmp_path, kader):
    people = []
    for team, sector, count in (("A", "po", 6), ("T", "po", 9), ("T", "vo", 1), ("B", "vo", 6)):
        people += [(len(people) + i, varied(kader, len(people) + i), Context(school="S\x1b[31m", team=team, sector=sector))
                   for i in range(count)]
    folder = write(tmp_path / "inlever", kader, people)
    run = run_cli("report", str(folder), "--by", "team", "--format", "json")
    assert "Let op: Aftrekken van een rapport met --by sector: bij team S\\x1b[31m · T" in run.err
    assert "\x1b" not in run.err
