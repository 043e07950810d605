"""``ictbekwaam compare``: progress between two result files in the exact format assess writes."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone

import msgspec
import pytest
from rich.console import Console

from ictbekwaam.core.compare import compare
from ictbekwaam.render.profile.compare import compare_markdown, compare_renderable
from ictbekwaam.model.targets import default_targets
from builders import sanne_answers
from builders import everything, make_result, write_result
from builders import DE_BRUG

SEPTEMBER = datetime(2025, 9, 15, 10, 0, tzinfo=timezone.utc)
OTHER = "r-" + "12" * 16


def old_answers(kader) -> dict:
    """Everything at 2 / deels, A3 at 3, C1 not applicable."""
    return everything(kader, level=2, code="deels") | {"A3": 3, "C1": "nvt"}


def old_result(kader, **kwargs):
    return make_result(kader, old_answers(kader), naam="Sanne", when=SEPTEMBER, **kwargs)


def new_result(kader, **kwargs):
    return make_result(kader, sanne_answers(kader), naam="Sanne", **kwargs)


@pytest.fixture
def files(kader, tmp_path):
    return (
        write_result(tmp_path / "sept.json", old_result(kader)),
        write_result(tmp_path / "maart.json", new_result(kader)),
    )


def plain(renderable) -> list[str]:
    console = Console(file=io.StringIO(), width=80, color_system=None, legacy_windows=False)
    console.print(renderable)
    return [line.rstrip() for line in console.file.getvalue().splitlines()]


def test_progress_per_section_by_hand(kader):
    c = compare(old_result(kader), new_result(kader), kader, default_targets(kader))
    assert c.same_respondent and c.warnings == ()
    # (better, same, worse, not comparable): basisvaardigheden 8 deels -> ja, BV5 stays, BV7 -> nee;
    # A: A2 stays, A4 down, A3 nvt in NIEUW; B: B2 stays, B4 open in NIEUW; C: C1 nvt in OUD, C4 down.
    assert [(s.id, s.better, s.same, s.worse, s.not_comparable) for s in c.sections] == [
        ("basisvaardigheden", 8, 1, 1, 0),
        ("A", 11, 1, 1, 1),
        ("B", 2, 1, 0, 1),
        ("C", 3, 0, 1, 1),
    ]
    a = c.sections[1]
    assert a.mean_change == pytest.approx(37 / 13 - 29 / 14)
    assert (a.old.on_target, a.new.on_target, a.old.total_gap, a.new.total_gap) == (1, 11, 13, 3)
    assert c.sections[0].mean_change == pytest.approx(0.85 - 0.5)
    changes = {i.id: (i.change, i.direction) for i in c.items}
    assert changes["A8"] == (2, "beter")
    assert changes["A4"] == (-1, "lager")
    assert changes["BV7"] == (-0.5, "lager")
    assert changes["A3"] == (None, "niet vergelijkbaar")
    assert {i.id: i.why_not for i in c.not_comparable} == {
        "A3": "niet van toepassing in NIEUW",
        "B4": "niet beantwoord in NIEUW",
        "C1": "niet van toepassing in OUD",
    }
    assert c.summary == (
        "30 onderdelen vergeleken: 24 beter, 3 gelijk, 3 lager; 3 niet te vergelijken. "
        "Op doel: 1 van 32 in OUD, 25 van 31 in NIEUW."
    )


def test_the_screen(kader):
    shown = plain(compare_renderable(compare(old_result(kader), new_result(kader), kader, default_targets(kader))))
    assert shown[:2] == ["Voortgang ict-bekwaamheid: Sanne", "OUD: 15-09-2025, compleet · NIEUW: 12-03-2026, compleet"]
    at = shown.index("Kerntaak A: Pedagogisch-didactisch handelen")
    assert shown[at + 1 : at + 6] == [
        "gem. 2,1 → 2,8 (+0,8) · op doel 1 van 14 → 11 van 13 · tekort 13 → 3",
        "beter 11 · gelijk 1 · lager 1 · niet te vergelijken 1",
        "A1   ██░░ 2      → ███░ 3      +1 beter   Ik houd in mijn onderwijs rekening me…",
        "A2   ██░░ 2      → ██░░ 2      0 gelijk   Ik zorg in een met ict verrijkte were…",
        "A3   ███░ 3      → ···· n.v.t. –          Ik maak leerlingen bewust van welke g…",
    ]
    assert "BV7  ██░░ Deels  → ░░░░ Nee    −0,5 lager Ik kan participeren in sociale netwer…" in shown
    assert "Niet te vergelijken: C1 (niet van toepassing in OUD)" in shown
    assert max(len(line) for line in shown) <= 80


def test_compare_on_files(run_cli, files):
    run = run_cli("compare", *map(str, files))
    assert run.code == 0, run
    assert run.err == ""
    assert "30 onderdelen vergeleken: 24 beter, 3 gelijk, 3 lager; 3 niet te vergelijken." in run.out
    assert "Let op" not in run.out


def test_another_respondent_is_warned_about(run_cli, kader, tmp_path, files):
    other = write_result(tmp_path / "ander.json", new_result(kader, respondent=OTHER))
    warning = (
        f"OUD en NIEUW zijn van verschillende respondenten (r-{'ab' * 16} en {OTHER}). "
        "De vergelijking zegt dan niets over de groei van één leraar."
    )
    run = run_cli("compare", str(files[0]), str(other))
    assert run.code == 0
    assert warning in " ".join(run.out.split())
    data_run = run_cli("compare", str(files[0]), str(other), "--format", "json")
    assert json.loads(data_run.out)["warnings"] == [warning]
    assert json.loads(data_run.out)["same_respondent"] is False
    assert " ".join(data_run.err.split()) == f"Let op: {warning}"


def test_one_id_with_another_name_is_warned_about(run_cli, kader, tmp_path, files):
    # The same id (one computer, before ids followed the person), another teacher.
    other = write_result(tmp_path / "kim.json", make_result(kader, sanne_answers(kader), naam="Kim"))
    warning = (
        "OUD en NIEUW hebben dezelfde respondent-id, maar een andere naam ('Sanne' en 'Kim'). Zijn ze wel van "
        "dezelfde leraar? Op één computer kregen vroeger alle zelfevaluaties dezelfde id."
    )
    run = run_cli("compare", str(files[0]), str(other), "--format", "json")
    assert run.code == 0
    assert json.loads(run.out)["warnings"] == [warning]
    assert json.loads(run.out)["same_respondent"] is False
    assert " ".join(run.err.split()) == f"Let op: {warning}"
    unnamed = make_result(kader, sanne_answers(kader))
    assert compare(old_result(kader), unnamed, kader, default_targets(kader)).warnings == (
        warning.replace("'Kim'", "geen naam"),
    )


def test_the_same_name_typed_differently_is_no_warning(kader):
    respelled = make_result(kader, sanne_answers(kader), naam="  SANNE ")
    c = compare(old_result(kader), respelled, kader, default_targets(kader))
    assert c.same_respondent and c.warnings == ()


def test_swapped_files_and_drafts_are_warned_about(kader):
    c = compare(new_result(kader, complete=False), old_result(kader), kader, default_targets(kader))
    assert c.warnings == (
        "OUD (12-03-2026) is van later dan NIEUW (15-09-2025). Zijn de bestanden omgewisseld?",
        "OUD is een concept (nog niet afgerond).",
    )


def test_another_kader_version_is_matched_by_id(run_cli, kader, tmp_path):
    # A result of an older encoding: another version and hash, no C5 yet, and an item C6 that is gone now.
    older = old_result(kader)
    answers = {k: v for k, v in older.answers.items() if k != "C5"} | {"C6": 2}
    ref = msgspec.structs.replace(older.kader, versie="0.9.0", hash="sha256:" + "1" * 64)
    old_file = write_result(tmp_path / "oud.json", msgspec.structs.replace(older, answers=answers, kader=ref))
    new_file = write_result(tmp_path / "nieuw.json", new_result(kader))
    run = run_cli("compare", str(old_file), str(new_file), "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert data["warnings"] == ["OUD is gemaakt met kaderversie 0.9.0, NIEUW met 1.0.0. De items zijn op id gekoppeld."]
    assert data["old"]["framework_versie"] == "0.9.0"
    assert data["unknown"] == [{"id": "C6", "where": "alleen in OUD"}]
    items = {i["id"]: i for s in data["sections"] for i in s["items"]}
    assert items["C5"]["direction"] == "niet vergelijkbaar"
    assert items["C5"]["why_not"] == "niet beantwoord in OUD (misschien nog niet in die kaderversie)"
    assert items["A8"]["change"] == 2 and items["A8"]["direction"] == "beter"
    text = run_cli("compare", str(old_file), str(new_file)).out
    assert "Niet in het gebruikte kader: C6 (alleen in OUD)" in text


def test_json_structure(run_cli, files):
    data = json.loads(run_cli("compare", *map(str, files), "--format", "json").out)
    assert list(data) == [
        "schema", "schema_version", "old", "new", "same_respondent", "targets", "warnings", "summary", "sections", "unknown",
    ]
    assert data["schema"] == "ictbekwaam/compare"
    assert data["old"]["updated_at"] == "2025-09-15T10:00:00+00:00"
    b = data["sections"][2]
    assert (b["id"], b["kind"], b["better"], b["same"], b["worse"], b["not_comparable"]) == ("B", "kerntaak", 2, 1, 0, 1)
    assert b["old"] == {"counted": 4, "on_target": 0, "total_gap": 4, "mean_level": 2.0, "mean_score": None}
    assert b["mean_change"] == 0.667
    assert b["items"][3] == {
        "id": "B4",
        "stelling": b["items"][3]["stelling"],
        "old": {"status": "geteld", "answer": 2, "level": 2, "score": None, "gap": 1},
        "new": {"status": "open", "answer": None, "level": None, "score": None, "gap": None},
        "change": None,
        "direction": "niet vergelijkbaar",
        "why_not": "niet beantwoord in NIEUW",
    }


def test_markdown_to_a_file(run_cli, files, tmp_path):
    out = tmp_path / "voortgang.md"
    run = run_cli("compare", *map(str, files), "-f", "markdown", "-o", str(out))
    assert run.code == 0
    assert run.err == f"Opgeslagen in {out}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Voortgang ict-bekwaamheid: Sanne\n")
    assert "| A8 | " in text and "| 2 | 4 | +2 beter |" in text
    assert "| 3 | n.v.t. | niet te vergelijken: niet van toepassing in NIEUW |" in text
    assert "Kennisnet, Kader voor ict-bekwaamheid van leraren (2012)" in text


def test_tekst_to_a_file(run_cli, files, tmp_path):
    out = tmp_path / "voortgang.txt"
    assert run_cli("compare", *map(str, files), "-o", str(out)).code == 0
    assert out.read_text(encoding="utf-8").startswith("Voortgang ict-bekwaamheid: Sanne\n")


def test_doelen_change_what_is_on_target(run_cli, kader, files, tmp_path):
    doelen = tmp_path / "doelen.yaml"
    doelen.write_text(DE_BRUG, encoding="utf-8")
    data = json.loads(run_cli("compare", *map(str, files), "--doelen", str(doelen), "-f", "json").out)
    assert data["targets"]["source"] == "doelen van de school: Doelen OBS De Brug 2026 (doelen.yaml)"
    # Standaard 2: kerntaak B is on target in OUD already (B1..B4 at 2).
    assert data["sections"][2]["old"]["on_target"] == 4


def test_a_bad_file_names_itself(run_cli, kader, files, tmp_path):
    bad = write_result(tmp_path / "kapot.json", make_result(kader, {"A1": 9}))
    run = run_cli("compare", str(files[0]), str(bad))
    assert run.code == 1
    assert run.err == f"Fout: {bad}: answers.A1: 9 is geen niveau van de schaal (1, 2, 3, 4 of nvt)\n"


def test_compare_markdown_names_what_is_not_in_the_kader(kader):
    older = msgspec.structs.replace(old_result(kader), answers=old_answers(kader) | {"Z1": 1})
    newer = msgspec.structs.replace(new_result(kader), answers=sanne_answers(kader) | {"Z1": 2, "Z2": 3})
    text = compare_markdown(compare(older, newer, kader, default_targets(kader)))
    assert "## Niet in het gebruikte kader\n\n- Z1: in OUD en NIEUW\n- Z2: alleen in NIEUW\n" in text


def test_two_kader_files_of_the_same_version(kader):
    older = old_result(kader)
    edited = msgspec.structs.replace(older.kader, hash="sha256:" + "3" * 64)
    c = compare(msgspec.structs.replace(older, kader=edited), new_result(kader), kader, default_targets(kader))
    assert c.warnings == (
        "OUD en NIEUW zijn gemaakt met verschillende kaderbestanden (beide versie 1.0.0). De items zijn op id gekoppeld.",
    )
