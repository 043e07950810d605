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
from builders import WHEN, everything, make_result, write_result
from builders import DE_BRUG

SEPTEMBER = datetime(2025, 9, 15, 10, 0, tzinfo=timezone.utc)
OTHER = "r-" + "12" * 16


def old_answers(kader) -> dict:
    """Everything at 2 / deels, A3 at 3, C1 not applicable."""
    return everything(kader, level=2, code="deels") | {"A3": 3, "C1": "nvt"}


def march_answers(kader) -> dict:
    """Sanne in March: two basisvaardigheden short, A4a and C4 below their doel 2, B2 below doel 3, A3 nvt, B4 open.

    Written out here (not ``builders.sanne_answers``) so the figures below, worked out by hand, stay put.
    """
    answers = everything(kader) | {"BV5": "deels", "BV7": "nee", "A2a": 2, "A4a": 1, "A8": 4, "A3": "nvt", "B2": 2, "C4": 1}
    del answers["B4"]
    return answers


def old_result(kader, **kwargs):
    return make_result(kader, old_answers(kader), naam="Sanne", when=SEPTEMBER, **kwargs)


def new_result(kader, **kwargs):
    return make_result(kader, march_answers(kader), naam="Sanne", **kwargs)


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
    # A (18): A2a stays, A4a down, A3 nvt in NIEUW, the other 18 - 3 = 15 up (A4b among them);
    # B: B2 stays, B4 open in NIEUW; C: C1 nvt in OUD, C4 down.
    assert len(kader.kerntaken[0].items) == 18
    assert [(s.id, s.better, s.same, s.worse, s.not_comparable) for s in c.sections] == [
        ("basisvaardigheden", 8, 1, 1, 0),
        ("A", 15, 1, 1, 1),
        ("B", 2, 1, 0, 1),
        ("C", 3, 0, 1, 1),
    ]
    a = c.sections[1]
    # OUD: 17 at 2 and A3 at 3 = 34 + 3 = 37 / 18. NIEUW (A3 nvt): A4a 1, A2a 2, A8 4, the other
    # 17 - 3 = 14 at 3 = 1 + 2 + 4 + 42 = 49 / 17.
    assert a.mean_change == pytest.approx(49 / 17 - 37 / 18)
    # Doel 3 for A1, A5, A6 only: OUD is 1 short on each of them (3), on target on the other 15;
    # NIEUW (17 counted) is short only on A4a (1 for its doel 2), on target on 16.
    assert (a.old.on_target, a.new.on_target, a.old.total_gap, a.new.total_gap) == (15, 16, 3, 1)
    assert c.sections[0].mean_change == pytest.approx(0.85 - 0.5)
    changes = {i.id: (i.change, i.direction) for i in c.items}
    assert changes["A8"] == (2, "beter")
    assert changes["A4a"] == (-1, "lager")
    assert changes["A4b"] == (1, "beter")
    assert changes["BV7"] == (-0.5, "lager")
    assert changes["A3"] == (None, "niet vergelijkbaar")
    assert {i.id: i.why_not for i in c.not_comparable} == {
        "A3": "niet van toepassing in NIEUW",
        "B4": "niet beantwoord in NIEUW",
        "C1": "niet van toepassing in OUD",
    }
    # Compared: 10 + 17 + 3 + 4 = 34; better 8 + 15 + 2 + 3 = 28, same 1 + 1 + 1 + 0 = 3, lower 1 + 1 + 0 + 1 = 3.
    # On target in OUD (C1 nvt; 10 + 18 + 4 + 4 = 36 counted): A 15, C4 and C5 (doel 2) = 17; in NIEUW
    # (A3 nvt, B4 open; 10 + 17 + 3 + 5 = 35 counted): BV 8, A 16, B1, B3, C1, C2, C3, C5 = 30.
    assert c.summary == (
        "34 vragen vergeleken: 28 beter, 3 gelijk, 3 lager; 3 niet te vergelijken. "
        "Op doel: 17 van 36 in OUD, 30 van 35 in NIEUW."
    )


def test_the_screen(kader):
    shown = plain(compare_renderable(compare(old_result(kader), new_result(kader), kader, default_targets(kader))))
    # NIEUW left B4 open: its header says so, as its note does.
    assert shown[:2] == [
        "Voortgang ict-bekwaamheid: Sanne",
        "OUD: 15-09-2025, afgerond · NIEUW: 12-03-2026, afgerond, 1 vraag niet beantwoord",
    ]
    at = shown.index("Kerntaak A: Pedagogisch-didactisch handelen")
    # 37/18 = 2,056 -> 2,1 and 49/17 = 2,882 -> 2,9; the change 0,827 -> +0,8 (worked out above).
    assert shown[at + 1 : at + 8] == [
        "gem. 2,1 → 2,9 (+0,8) · op doel 15 van 18 → 16 van 17",
        "nog te gaan: 3 → 1 niveau",
        "beter 15 · gelijk 1 · lager 1 · niet te vergelijken 1",
        "A1   ██░░ 2      → ███░ 3      +1 beter   Ik houd in mijn onderwijs rekening met",
        "                                          de impact die de digitale wereld heeft",
        "                                          op het opgroeiende kind.",
        "A2a  ██░░ 2      → ██░░ 2      0 gelijk   Ik zorg in een met ict verrijkte",
    ]
    # Statements wrap, never cut (as in the profile): each is whole in the screen.
    flat = " ".join(" ".join(shown).split())
    for item in kader.all_items():
        assert " ".join(item.stelling.split()) in flat, item.id
    assert not any(line.endswith("…") for line in shown)
    assert "BV7  ██░░ Deels  → ░░░░ Nee    −0,5 lager Ik kan participeren in sociale" in shown
    assert "Niet te vergelijken: C1 (niet van toepassing in OUD)" in shown
    assert max(len(line) for line in shown) <= 80


def test_compare_on_files(run_cli, files):
    run = run_cli("compare", *map(str, files))
    assert run.code == 0, run
    assert run.err == ""
    assert "34 vragen vergeleken: 28 beter, 3 gelijk, 3 lager; 3 niet te vergelijken." in " ".join(run.out.split())
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
    other = write_result(tmp_path / "kim.json", make_result(kader, march_answers(kader), naam="Kim"))
    warning = (
        "OUD en NIEUW hebben dezelfde respondent-id, maar een andere naam ('Sanne' en 'Kim'). Zijn ze wel van "
        "dezelfde leraar? Op één computer kregen vroeger alle zelfevaluaties dezelfde id."
    )
    run = run_cli("compare", str(files[0]), str(other), "--format", "json")
    assert run.code == 0
    assert json.loads(run.out)["warnings"] == [warning]
    assert json.loads(run.out)["same_respondent"] is False
    assert " ".join(run.err.split()) == f"Let op: {warning}"
    unnamed = make_result(kader, march_answers(kader))
    assert compare(old_result(kader), unnamed, kader, default_targets(kader)).warnings == (
        warning.replace("'Kim'", "geen naam"),
    )


def test_the_same_name_typed_differently_is_no_warning(kader):
    respelled = make_result(kader, march_answers(kader), naam="  SANNE ")
    c = compare(old_result(kader), respelled, kader, default_targets(kader))
    assert c.same_respondent and c.warnings == ()


def test_swapped_files_and_drafts_are_warned_about(kader):
    c = compare(new_result(kader, complete=False), old_result(kader), kader, default_targets(kader))
    assert c.warnings == (
        "OUD (12-03-2026) is van later dan NIEUW (15-09-2025). Zijn de bestanden omgewisseld?",
        "OUD is een concept (nog niet afgerond).",
    )


def test_two_results_of_one_day_show_the_time(kader):
    morning, afternoon = WHEN.replace(hour=9, minute=5), WHEN.replace(hour=14, minute=30)
    later = make_result(kader, march_answers(kader), naam="Sanne", when=afternoon)
    earlier = make_result(kader, march_answers(kader), naam="Sanne", when=morning)
    c = compare(later, earlier, kader, default_targets(kader))
    assert c.warnings == ("OUD (12-03-2026 14:30) is van later dan NIEUW (12-03-2026 09:05). Zijn de bestanden omgewisseld?",)
    shown = plain(compare_renderable(c))
    assert shown[1:3] == [
        "OUD: 12-03-2026 14:30, afgerond, 1 vraag niet beantwoord · NIEUW: 12-03-2026",
        "09:05, afgerond, 1 vraag niet beantwoord",
    ]
    assert "- NIEUW: 12-03-2026 09:05, afgerond, 1 vraag niet beantwoord" in compare_markdown(c)


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
    assert data["warnings"] == [
        f"OUD is gemaakt met kaderversie 0.9.0, NIEUW met {kader.meta.versie}. De items zijn op id gekoppeld."
    ]
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
        "reworded": "",
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
    newer = msgspec.structs.replace(new_result(kader), answers=march_answers(kader) | {"Z1": 2, "Z2": 3})
    text = compare_markdown(compare(older, newer, kader, default_targets(kader)))
    assert "## Niet in het gebruikte kader\n\n- Z1: in OUD en NIEUW\n- Z2: alleen in NIEUW\n" in text


def test_two_kader_files_of_the_same_version(kader):
    older = old_result(kader)
    edited = msgspec.structs.replace(older.kader, hash="sha256:" + "3" * 64)
    c = compare(msgspec.structs.replace(older, kader=edited), new_result(kader), kader, default_targets(kader))
    assert c.warnings == (
        (
            f"OUD en NIEUW zijn gemaakt met verschillende kaderbestanden (beide versie {kader.meta.versie}). "
            "De items zijn op id gekoppeld."
        ),
    )


def test_an_old_result_of_version_1_0_0_is_compared_with_what_changed(kader):
    # OUD as assess wrote it with kaderversie 1.0.0: A2, A4, A7 and A14 (split since) answered, their parts not yet there.
    split = {w.id: tuple(w.naar) for w in kader.previous("1.0.0").wijzigingen if w.soort == "gesplitst"}
    assert split == {"A2": ("A2a", "A2b"), "A7": ("A7a", "A7b"), "A4": ("A4a", "A4b"), "A14": ("A14a", "A14b")}
    parts = {part for naar in split.values() for part in naar}
    older = old_result(kader)
    answers = {k: v for k, v in older.answers.items() if k not in parts} | dict.fromkeys(split, 2)
    ref = msgspec.structs.replace(older.kader, versie="1.0.0", hash=kader.previous("1.0.0").hash)
    c = compare(msgspec.structs.replace(older, answers=answers, kader=ref), new_result(kader), kader, default_targets(kader))
    assert c.warnings == (
        (
            f"OUD is gemaakt met kaderversie 1.0.0, NIEUW met {kader.meta.versie}. De items zijn op id gekoppeld. "
            f"Veranderd tussen versie 1.0.0 (OUD) en {kader.meta.versie}. Gesplitst omdat ze twee dingen vroegen: A2 in A2a en A2b; "
            "A4 in A4a en A4b; A7 in A7a en A7b; A14 in A14a en A14b. De antwoorden in OUD daarop tellen niet mee "
            "voor de delen. Nauwer geformuleerd: A8, A9, A12, C1 en C2; de antwoorden in OUD daarop tellen mee. "
            "Waar stellingen gesplitst of nieuw zijn, gaan de cijfers per kerntaak over andere stellingen: vergelijk daar "
            "per stelling."
        ),
    )
    # Kerntaak A was asked other statements in 1.0.0: no change of its mean; B and C were not.
    assert [s.same_statements for s in c.sections] == [True, False, True, True]
    assert c.sections[1].mean_change is None and c.sections[2].mean_change is not None
    # A (18): the eight parts are not comparable, and A3 (nvt in NIEUW): 9; the other 18 - 9 = 9 (A1, A5, A6,
    # A8..A13) go up from 2 (A4a, down in NIEUW, is a part now: not compared).
    a = c.sections[1]
    assert (a.better, a.same, a.worse, a.not_comparable) == (9, 0, 0, 9)
    why = {i.id: i.why_not for i in c.not_comparable}
    assert why["A2a"] == why["A2b"] == "in OUD nog deel van A2, uit kaderversie 1.0.0"
    assert why["A4a"] == why["A4b"] == "in OUD nog deel van A4, uit kaderversie 1.0.0"
    assert why["A14b"] == "in OUD nog deel van A14, uit kaderversie 1.0.0"
    # Narrowed statements are compared, with a note; C1 (also narrowed) is nvt in OUD, so not compared.
    notes = {i.id: i.reworded for i in c.items if i.reworded}
    assert notes == dict.fromkeys(["A8", "A9", "A12", "C2"], "de stelling is tussen OUD en NIEUW nauwer geformuleerd")
    a8 = next(i for i in c.items if i.id == "A8")
    assert (a8.change, a8.direction) == (2, "beter")
    assert c.unknown == ()  # A2, A4, A7 and A14 are explained by the warning above, not unknown


def test_two_results_of_one_minute_show_the_seconds(kader):
    later = make_result(kader, march_answers(kader), naam="Sanne", when=WHEN.replace(hour=14, minute=30, second=40))
    earlier = make_result(kader, march_answers(kader), naam="Sanne", when=WHEN.replace(hour=14, minute=30, second=0))
    c = compare(later, earlier, kader, default_targets(kader))
    assert c.warnings == ("OUD (12-03-2026 14:30:40) is van later dan NIEUW (12-03-2026 14:30:00). Zijn de bestanden omgewisseld?",)


def test_results_from_two_time_zones_are_shown_in_one(kader):
    """14:00 in New York is later than 14:30 in Amsterdam: shown in NIEUW's zone, the order is plain to see."""
    from datetime import timedelta, timezone

    new_york = WHEN.replace(hour=14, minute=0, tzinfo=timezone(timedelta(hours=-5)))
    amsterdam = WHEN.replace(hour=14, minute=30, tzinfo=timezone(timedelta(hours=1)))
    c = compare(
        make_result(kader, march_answers(kader), naam="Sanne", when=new_york),
        make_result(kader, march_answers(kader), naam="Sanne", when=amsterdam),
        kader,
        default_targets(kader),
    )
    assert c.warnings == ("OUD (12-03-2026 20:00) is van later dan NIEUW (12-03-2026 14:30). Zijn de bestanden omgewisseld?",)
