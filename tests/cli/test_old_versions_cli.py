"""Files made with kaderversie 1.0.0 (``tests/fixtures/kader-1.0.0``, made with the tool before 1.1.0) keep working.

What 1.1.0 changed (``geschiedenis`` in kader.yaml): A2, A4, A7 and A14 were split (their answers count for
none of the parts), A8, A9, A12, C1 and C2 were narrowed (their answers count, marked). The sentences name
them in the order of the history (A4 after A7, C2 before C1).
"""

from __future__ import annotations

import json
import shutil
from datetime import timedelta

import msgspec
import pytest
from builders import everything, make_result, write_result

from locations import ROOT
from ictbekwaam.files.loader import load_kader
from ictbekwaam.model import result as results
from ictbekwaam.model.kader import fingerprint

OLD = ROOT / "tests" / "fixtures" / "kader-1.0.0"
SPLIT = {"A2": ("A2a", "A2b"), "A4": ("A4a", "A4b"), "A7": ("A7a", "A7b"), "A14": ("A14a", "A14b")}
NARROWED = ("A8", "A9", "A12", "C1", "C2")
# The parts in the order of the kader (as the profile names them).
PARTS_IN_KADER_ORDER = ("A2a", "A2b", "A4a", "A4b", "A7a", "A7b", "A14a", "A14b")


@pytest.fixture
def old_result() -> results.Result:
    return results.decode((OLD / "resultaat.json").read_bytes(), "resultaat.json")


def test_the_fixtures_are_what_version_1_0_0_wrote(kader, old_result):
    assert old_result.kader.versie == "1.0.0"
    assert set(SPLIT) <= set(old_result.answers)
    assert set(NARROWED) <= set(old_result.answers)
    # The history records the hash those results carry, and the 1.0.0 file still hashes to it:
    # a school that kept a kader file of that shape keeps its results matched exactly.
    assert kader.previous("1.0.0").hash == old_result.kader.hash
    assert fingerprint(load_kader(OLD / "kader.yaml")) == old_result.kader.hash
    assert kader.meta.versie == "1.1.0"


def test_validate_says_what_changed(run_cli):
    run = run_cli("validate", str(OLD / "resultaat.json"), str(OLD / "team"))
    assert run.code == 0, run
    first = run.out.splitlines()[0]
    # 33 answers (every 1.0.0 item); the 4 to A2, A4, A7 and A14 (split) no longer count: 33 - 4 = 29.
    # Open in 1.1.0: the 8 parts of those 4, never asked (37 items - 29 answered ids = 8).
    assert first.endswith(
        "geldig resultaat (compleet, kaderversie 1.0.0: 29 van de 33 antwoorden horen bij stellingen van 1.1.0, 0 open; "
        "8 nieuw sinds 1.0.0 (nog niet gevraagd); "
        "gesplitst: A2, A4, A7 en A14; nauwer geformuleerd: A8, A9, A12, C1 en C2)"
    )
    assert "onbekende items" not in run.out  # explained, not unknown


def test_the_profile_counts_what_still_means_the_same_and_says_what_changed(run_cli, old_result):
    run = run_cli("profile", str(OLD / "resultaat.json"), "--format", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    items = {i["id"]: i for s in [data["basisvaardigheden"], *data["kerntaken"]] for i in s["items"]}
    for old_id, parts in SPLIT.items():
        assert old_id not in items
        assert all(items[p]["status"] == "open" for p in parts)
    for item_id in NARROWED:
        assert items[item_id]["answer"] == old_result.answers[item_id], item_id
        assert items[item_id]["status"] == "geteld"
    changes = data["result_framework"]["changes"]
    assert changes["gesplitst"] == {k: list(v) for k, v in SPLIT.items()}
    assert changes["gewijzigd"] == list(NARROWED)
    note = next(n for n in data["notes"] if n.startswith("Dit resultaat is gemaakt met kaderversie"))
    assert sorted(PARTS_IN_KADER_ORDER) == sorted(p for parts in SPLIT.values() for p in parts)
    assert (
        f"Nieuw sinds kaderversie 1.0.0, dus nog niet gevraagd; telt niet mee (8): {', '.join(PARTS_IN_KADER_ORDER)}."
    ) in data["notes"]
    assert note == (
        "Dit resultaat is gemaakt met kaderversie 1.0.0; het profiel gebruikt versie 1.1.0. "
        "Gesplitst omdat ze twee dingen vroegen: A2 in A2a en A2b; A4 in A4a en A4b; A7 in A7a en A7b; "
        "A14 in A14a en A14b. De antwoorden daarop tellen niet mee voor de delen. "
        "Nauwer geformuleerd: A8, A9, A12, C1 en C2; de antwoorden daarop tellen mee."
    )
    assert not any("niet kent" in n for n in data["notes"])


def test_a_schools_doelen_for_a_split_item_hold_for_its_parts(run_cli):
    run = run_cli("profile", str(OLD / "resultaat.json"), "--doelen", str(OLD / "doelen.yaml"), "--format", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    targets = {i["id"]: i["target"] for s in [data["basisvaardigheden"], *data["kerntaken"]] for i in s["items"]}
    assert (targets["A2a"], targets["A2b"], targets["A7a"], targets["A7b"], targets["A14a"], targets["A14b"]) == (4, 4, 4, 4, 2, 2)
    assert targets["C1"] == 4 and targets["BV5"] == "deels" and targets["B1"] == 2  # the rest of the file as before
    assert "Het doel 4 voor A2 in het doelenbestand geldt voor A2a en A2b, want A2 is gesplitst." in data["notes"]
    check = run_cli("validate", str(OLD / "doelen.yaml"))
    assert check.code == 0
    assert "het doel 2 voor A14 in het doelenbestand geldt voor A14a en A14b, want A14 is gesplitst" in check.out


def test_an_item_split_in_a_doelen_file_never_overrides_a_part_named_itself(kader, tmp_path):
    from ictbekwaam.files.doelen import load_doelen

    path = tmp_path / "doelen.yaml"
    path.write_text("doelen:\n  items: {A2: 4, A2b: 1}\n", encoding="utf-8")
    targets = load_doelen(path, kader)
    assert (targets.target_for("A2a"), targets.target_for("A2b")) == (4, 1)


def test_compare_old_with_new_matches_by_id_and_names_the_split_and_the_narrowed(run_cli, tmp_path, kader, old_result):
    new = make_result(kader, everything(kader, 3), respondent=old_result.respondent.id, naam=old_result.respondent.naam,
                      when=old_result.updated_at + timedelta(seconds=1))
    new_path = write_result(tmp_path / "nieuw.json", new)
    run = run_cli("compare", str(OLD / "resultaat.json"), str(new_path), "--format", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    items = {i["id"]: i for s in data["sections"] for i in s["items"]}
    assert items["A8"]["change"] == 3 - old_result.answers["A8"] and items["A8"]["reworded"]
    assert items["A1"]["change"] == 3 - old_result.answers["A1"] and items["A1"]["reworded"] == ""
    assert items["A2a"]["direction"] == "niet vergelijkbaar"
    assert items["A2a"]["why_not"] == "in OUD nog deel van A2, uit kaderversie 1.0.0"
    warning = next(w for w in data["warnings"] if "kaderversie 1.0.0" in w)
    assert items["A4b"]["why_not"] == "in OUD nog deel van A4, uit kaderversie 1.0.0"
    assert (
        "Gesplitst omdat ze twee dingen vroegen: A2 in A2a en A2b; A4 in A4a en A4b; A7 in A7a en A7b; A14 in A14a en A14b."
    ) in warning
    screen = run_cli("compare", str(OLD / "resultaat.json"), str(new_path))
    assert "Vergeleken met een kanttekening: A8 (de stelling is tussen OUD en NIEUW nauwer geformuleerd)" in " ".join(screen.out.split())


def test_report_over_a_mix_counts_each_item_over_those_whose_version_asked_it(run_cli, tmp_path, kader):
    folder = tmp_path / "inlever"
    shutil.copytree(OLD / "team", folder)
    old = [results.decode(p.read_bytes(), p.name) for p in sorted(folder.glob("*.json"))]
    complete_old = [r for r in old if r.complete]
    for n in range(5):
        write_result(folder / f"nieuw-{n}.json", make_result(kader, everything(kader, 2), respondent=f"r-{n + 1:032x}"))
    run = run_cli("report", str(folder), "--format", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    team = data["columns"][0]["items"]
    answered = lambda item_id: sum(1 for r in complete_old if r.answers.get(item_id) not in (None, "nvt"))  # noqa: E731
    assert team["A2a"]["counted"] == 5  # only the 1.1.0 results asked it
    assert team["A8"]["counted"] == 5 + answered("A8")  # narrowed: both versions count
    assert team["A1"]["counted"] == 5 + answered("A1")
    assert data["other_versions"] == [{"versie": "1.0.0", "results": len(complete_old)}]
    assert any(n.startswith("Veranderd tussen versie 1.0.0 en 1.1.0. Gesplitst omdat ze twee dingen vroegen") for n in data["notes"])
    assert data["unknown_items"] == 0


def test_a_1_0_0_answers_file_is_refused_with_the_way_out_and_left_as_it_was(run_cli, tmp_path):
    path = tmp_path / "antwoorden.yaml"
    shutil.copy(OLD / "antwoorden.yaml", path)
    before = path.read_bytes()
    run = run_cli("assess", "--answers", str(path), "--out", str(tmp_path / "uit"))
    assert run.code == 1, run
    line = next(i for i, text in enumerate(before.decode().splitlines(), 1) if text.startswith("  A2:"))
    assert (
        f"{path}, regel {line}: antwoorden.A2: A2 (kaderversie 1.0.0) is gesplitst in A2a en A2b, want de stelling vroeg "
        "twee dingen: een veilige leeromgeving en aandacht voor digitaal pesten; beantwoord die en haal A2 weg"
    ) in run.err
    a1 = next(i for i, text in enumerate(before.decode().splitlines(), 1) if text.startswith("  A1:"))
    assert f"A2a ontbreekt (hoort na regel {a1}, onder A1); voeg een regel 'A2a:' met je antwoord toe" in run.err
    assert path.read_bytes() == before and not (tmp_path / "uit").exists()


def test_a_result_of_a_version_the_kader_does_not_know_is_matched_by_id(run_cli, tmp_path, kader):
    odd = make_result(kader, everything(kader, 3))
    odd = msgspec.structs.replace(odd, kader=msgspec.structs.replace(odd.kader, versie="0.9.0", hash="sha256:" + "0" * 64))
    path = write_result(tmp_path / "oud.json", odd)
    data = json.loads(run_cli("profile", str(path), "--format", "json").out)
    assert data["result_framework"]["changes"] is None
    assert "Dit resultaat is gemaakt met kaderversie 0.9.0 (kennisnet-kader-ict-bekwaamheid-2012); het profiel gebruikt versie 1.1.0. Items zijn op id gekoppeld." in data["notes"]


def test_a_round_against_last_rounds_1_0_0_results_says_where_no_change_can_be_shown(run_cli, tmp_path, kader):
    before = [results.decode(p.read_bytes(), p.name) for p in sorted((OLD / "team").glob("*.json"))]
    before = [r for r in before if r.complete]
    now = tmp_path / "ronde2"
    now.mkdir()
    for n, old in enumerate(before):
        write_result(now / f"{n}.json", make_result(kader, everything(kader, 4), respondent=old.respondent.id,
                                                    naam=old.respondent.naam, when=old.updated_at + timedelta(seconds=1)))
    run = run_cli("report", str(now), "--vorige", str(OLD / "team"), "--format", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert data["previous"]["respondents"]["in_both"] == len(before)
    team = data["changes"][0]
    assert team["shown"], team
    items = {i["id"]: i for i in team["items"]}
    assert items["A8"]["shown"] and items["A8"]["delta"] is not None  # narrowed: compared
    a1 = [r.answers["A1"] for r in before if isinstance(r.answers.get("A1"), int)]
    assert items["A1"]["before"] == round(sum(a1) / len(a1), 3) and items["A1"]["after"] == 4.0
    for part in PARTS_IN_KADER_ORDER:  # nobody was asked these last round
        assert items[part]["delta"] is None and not items[part]["shown"], part
    assert (
        f"De vorige ronde telt {len(before)} resultaten van kaderversie 1.0.0. Bij A2a, A2b, A4a, A4b, A7a, A7b, A14a en "
        "A14b ontbreekt daar een antwoord (nieuw of gesplitst sinds die versie): daar geen verandering. A8, A9, A12, C1 "
        "en C2 zijn sindsdien nauwer geformuleerd: lees die veranderingen met die kanttekening."
    ) in data["notes"]



def test_two_1_0_0_results_compared_are_told_what_changed_since(run_cli, tmp_path, old_result):
    later = msgspec.structs.replace(old_result, updated_at=old_result.updated_at + timedelta(seconds=1))
    path = write_result(tmp_path / "later.json", later)
    data = json.loads(run_cli("compare", str(OLD / "resultaat.json"), str(path), "--format", "json").out)
    assert (
        "OUD en NIEUW zijn allebei gemaakt met kaderversie 1.0.0; deze vergelijking gebruikt versie 1.1.0. "
        "Gesplitst omdat ze twee dingen vroegen: A2 in A2a en A2b; A4 in A4a en A4b; A7 in A7a en A7b; A14 in A14a en A14b."
    ) in " ".join(data["warnings"])
    items = {i["id"]: i for s in data["sections"] for i in s["items"]}
    assert items["A8"]["reworded"] == ""  # both answered the same (1.0.0) wording
    assert items["A8"]["direction"] == "gelijk"


def test_a_1_0_0_result_from_another_file_than_the_shipped_one_says_so(run_cli, tmp_path, old_result):
    other = msgspec.structs.replace(old_result, kader=msgspec.structs.replace(old_result.kader, hash="sha256:" + "e" * 64))
    path = write_result(tmp_path / "eigen.json", other)
    data = json.loads(run_cli("profile", str(path), "--format", "json").out)
    note = next(n for n in data["notes"] if n.startswith("Dit resultaat is gemaakt met kaderversie"))
    assert "Het kaderbestand van versie 1.0.0 waarmee dit gemaakt is, heeft een andere inhoud dan de versie 1.0.0 die de geschiedenis van dit kader noemt" in note


def test_a_1_0_0_result_that_answers_a_part_counts_it_nowhere(run_cli, tmp_path, kader, old_result):
    # An edited file (or one from a tool that knew 1.1.0): the parts were not asked in 1.0.0.
    edited = msgspec.structs.replace(old_result, answers={**old_result.answers, "A2a": 4, "A2b": 4})
    path = write_result(tmp_path / "bewerkt.json", edited)
    data = json.loads(run_cli("profile", str(path), "--format", "json").out)
    items = {i["id"]: i for s in data["kerntaken"] for i in s["items"]}
    assert items["A2a"]["status"] == items["A2b"]["status"] == "open"
    assert "Antwoorden op A2a en A2b tellen niet mee: die stellingen waren er in kaderversie 1.0.0 nog niet." in data["notes"]
    folder = tmp_path / "inlever"
    folder.mkdir()
    for n in range(5):
        write_result(folder / f"{n}.json", msgspec.structs.replace(edited, respondent=results.Respondent(id=f"r-{n + 1:032x}")))
    team = json.loads(run_cli("report", str(folder), "--format", "json").out)["columns"][0]["items"]
    assert team["A8"]["counted"] == 5
    assert team["A2a"] == {"shown": False, "reason": "te weinig respondenten"}  # no answer of the five counts


def test_last_rounds_1_0_0_results_give_no_change_for_parts_nobody_answered_twice(run_cli, tmp_path, kader):
    # Ten people: five answered with 1.1.0 both times (A2a: 4 and 4), five with 1.0.0 last time and 1.1.0 now (A2a: 1).
    before, now = tmp_path / "ronde1", tmp_path / "ronde2"
    before.mkdir(), now.mkdir()
    old_ref = msgspec.structs.replace(results.kader_ref(kader), versie="1.0.0", hash=kader.previous("1.0.0").hash)
    for n in range(10):
        who = f"r-{n + 1:032x}"
        first = make_result(kader, everything(kader, 4), respondent=who)
        if n >= 5:
            first = msgspec.structs.replace(first, kader=old_ref, answers={k: v for k, v in first.answers.items() if k not in kader_parts(kader)})
        write_result(before / f"{n}.json", first)
        second = everything(kader, 4) | ({"A2a": 1} if n >= 5 else {})
        write_result(now / f"{n}.json", make_result(kader, second, respondent=who, when=first.updated_at + timedelta(seconds=1)))
    data = json.loads(run_cli("report", str(now), "--vorige", str(before), "--format", "json").out)
    items = {i["id"]: i for i in data["changes"][0]["items"]}
    assert items["A2a"]["delta"] is None  # not 4,0 -> 2,5: the five who answered it twice did not change
    assert items["A1"]["delta"] == 0.0


def kader_parts(kader) -> set[str]:
    """The ids 1.1.0 has that 1.0.0 did not."""
    return set(kader.previous("1.0.0").new_ids())


@pytest.fixture
def without_c5(tmp_path):
    """A school's kader.yaml like the built-in one, with C5 removed since 1.0.0."""
    import yaml

    from ictbekwaam.files.loader import builtin_kader_path

    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    c = next(k for k in data["kerntaken"] if k["id"] == "C")
    c["items"] = [i for i in c["items"] if i["id"] != "C5"]
    data["voorbeelden"] = [v for v in data["voorbeelden"] if v["items"] != ["C5"]]
    data["geschiedenis"][0]["wijzigingen"].append({"id": "C5", "soort": "vervallen", "reden": "de school gebruikt het niet."})
    path = tmp_path / "kader.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_removed_item_in_doelen_lapses_and_in_an_answers_file_is_to_be_taken_out(run_cli, tmp_path, without_c5):
    doelen = tmp_path / "doelen.yaml"
    doelen.write_text("doelen:\n  items: {C5: 4, A1: 4}\n", encoding="utf-8")
    check = run_cli("--kader", str(without_c5), "validate", str(doelen))
    assert check.code == 0, check
    assert "het doel voor C5 in het doelenbestand vervalt, want C5 is vervallen" in check.out
    answers = tmp_path / "antwoorden.yaml"
    answers.write_text("antwoorden:\n  C5: 3\n", encoding="utf-8")
    run = run_cli("--kader", str(without_c5), "assess", "--answers", str(answers), "--out", str(tmp_path / "uit"))
    assert run.code == 1
    assert "antwoorden.C5: C5 (kaderversie 1.0.0) is vervallen, want de school gebruikt het niet; haal C5 weg" in run.err
