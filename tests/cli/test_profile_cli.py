"""``ictbekwaam profile`` end to end, on result files in the exact format assess writes."""

from __future__ import annotations

import json

import pytest

from builders import SANNE_SCREEN as EXPECTED, sanne_answers
from builders import everything, make_result, sentences, without_ids, write_result
from builders import DE_BRUG


@pytest.fixture
def sanne_file(kader, tmp_path):
    return write_result(tmp_path / "sanne.json", make_result(kader, sanne_answers(kader), naam="Sanne"))


@pytest.mark.parametrize("command", ["profile", "pop", "compare"])
def test_every_profile_command_takes_the_schools_doelen(run_cli, command):
    # That the help is Dutch is checked for every command in test_help.
    run = run_cli(command, "--help")
    assert run.code == 0
    assert "--doelen" in run.out


def test_the_commands_are_listed(run_cli):
    out = run_cli("--help").out
    for command in ("profile", "pop", "compare"):
        assert command in out


def test_profile_shows_the_screen(run_cli, sanne_file):
    run = run_cli("profile", str(sanne_file))
    assert run.code == 0, run
    assert [line.rstrip() for line in run.out.splitlines()] == EXPECTED.splitlines()
    assert run.err == ""


def test_profile_tekst_to_a_file(run_cli, sanne_file, tmp_path):
    out = tmp_path / "profiel.txt"
    run = run_cli("profile", str(sanne_file), "-o", str(out))
    assert run.code == 0
    assert run.out == ""
    assert run.err == f"Opgeslagen in {out}\n"
    assert out.read_text(encoding="utf-8") == EXPECTED


def test_profile_json(run_cli, sanne_file):
    run = run_cli("profile", str(sanne_file), "--format", "json")
    assert run.code == 0
    data = json.loads(run.out)
    assert data["schema"] == "ictbekwaam/profile"
    assert [p["item"] for p in data["priorities"]] == ["basisvaardigheden", "A5", "C3"]
    # ictbekwaam's own ways to practise, from data/oefenen.yaml, marked as its suggestions.
    basis = data["priorities"][0]["items"]
    assert [(i["id"], i["herkomst"]) for i in basis] == [("BV7", "suggestie van ictbekwaam"), ("BV5", "suggestie van ictbekwaam")]
    assert basis[0]["suggestion"].startswith("Een professioneel profiel aanmaken")


def test_profile_markdown_to_a_file(run_cli, sanne_file, tmp_path):
    out = tmp_path / "profiel.md"
    run = run_cli("profile", str(sanne_file), "-f", "markdown", "--out", str(out))
    assert run.code == 0
    assert out.read_text(encoding="utf-8").startswith("# Profiel ict-bekwaamheid: Sanne\n")


def test_profile_with_the_schools_doelen(run_cli, kader, tmp_path):
    # A5 (default target 3) at 2: on target with the school's standaard 2.
    result = write_result(tmp_path / "r.json", make_result(kader, everything(kader) | {"BV5": "deels", "A5": 2}))
    doelen = tmp_path / "doelen.yaml"
    doelen.write_text(DE_BRUG, encoding="utf-8")
    plain = run_cli("profile", str(result)).out
    own = run_cli("profile", str(result), "--doelen", str(doelen)).out
    flat = " ".join(own.split())
    assert "Doelen: doelen van de school: Doelen OBS De Brug 2026 (doelen.yaml)" in flat
    # The school's doelen name A7 of kaderversie 1.0.0: its doel 4 holds for both parts it was split into.
    assert "Let op: Het doel 4 voor A7 in het doelenbestand geldt voor A7a en A7b, want A7 is gesplitst." in flat
    assert "1. A7a Ik ondersteun mijn instructie" in flat and "2. A7b Ik ondersteun mijn klassikale uitleg" in flat
    assert "A5 ██░░ 2/4 doel 2 ✓" in flat and "A5 ██░░ 2/4 doel 3 ✗ nog 1" in " ".join(plain.split())
    assert "C1 ███░ 3/4 doel 4 ✗ nog 1" in flat
    assert "BV5 ██░░ Deels doel Deels ✓" in flat
    assert "BV5 ██░░ Deels doel Ja ✗" in " ".join(plain.split())
    data = json.loads(run_cli("profile", str(result), "--doelen", str(doelen), "-f", "json").out)
    assert data["targets"] == {"source": "doelen van de school: Doelen OBS De Brug 2026 (doelen.yaml)", "file": str(doelen)}


def test_a_draft_is_shown_as_a_concept(run_cli, kader, tmp_path):
    draft = write_result(tmp_path / "concept.json", make_result(kader, {"BV1": "ja", "A1": 2}, complete=False))
    run = run_cli("profile", str(draft))
    assert run.code == 0
    assert run.out.splitlines()[1] == "CONCEPT: deze zelfevaluatie is nog niet afgerond."
    unanswered = len(kader.all_items()) - 2  # 35 in kader 1.1.0: 10 basisvaardigheden + 27 statements, 2 answered
    assert f"Let op: Niet beantwoord, telt niet mee ({unanswered}):" in run.out


def test_bad_doelen_exit_1_with_file_place_and_line(run_cli, sanne_file, tmp_path):
    doelen = tmp_path / "doelen.yaml"
    doelen.write_text("doelen:\n  standaard: 3\n  items:\n    A7: vijf\n", encoding="utf-8")
    run = run_cli("profile", str(sanne_file), "--doelen", str(doelen))
    assert run.code == 1
    assert run.out == ""
    assert run.err == f"Fout: {doelen}, regel 4: doelen.items.A7: 'vijf' is geen niveau van de schaal (1, 2, 3, 4)\n"


def test_a_missing_result_file(run_cli, tmp_path):
    run = run_cli("profile", str(tmp_path / "weg.json"))
    assert run.code == 1
    assert run.err == f"Fout: {tmp_path / 'weg.json'}: bestand niet gevonden\n"


def test_an_invalid_answer_names_the_place(run_cli, kader, tmp_path):
    path = write_result(tmp_path / "r.json", make_result(kader, {"A1": 7, "BV1": "misschien"}))
    run = run_cli("profile", str(path))
    assert run.code == 1
    assert run.err == (
        f"Fout: {path}: answers.A1: 7 is geen niveau van de schaal (1, 2, 3, 4 of nvt)\n"
        f"{path}: answers.BV1: 'misschien' is geen optie van de checklist (deels, ja, nee)\n"
    )
    assert "Traceback" not in run.err


def test_not_a_result_file(run_cli, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"hallo": 1}', encoding="utf-8")
    run = run_cli("profile", str(path))
    assert run.code == 1
    assert run.err == f"Fout: {path}: schema: dit is geen resultaatbestand van ictbekwaam\n"


def test_out_never_overwrites_the_result_itself(run_cli, sanne_file):
    before = sanne_file.read_bytes()
    run = run_cli("profile", str(sanne_file), "-f", "json", "-o", str(sanne_file))
    assert run.code == 1
    assert run.err == f"Fout: {sanne_file} is een resultaatbestand; ictbekwaam overschrijft dat nooit, ook niet met --overwrite. Kies een ander bestand voor -o.\n"
    assert sanne_file.read_bytes() == before


def test_an_unknown_format_is_a_usage_error(run_cli, sanne_file):
    run = run_cli("profile", str(sanne_file), "--format", "pdf")
    assert run.code == 2
    assert run.err.splitlines()[0] == (
        "Fout: ongeldige waarde voor '--format' / '-f': 'pdf' is niet een van 'tekst', 'json', 'markdown'"
    )


# The gap pattern of issue 13: five basisvaardigheden at deels/nee, and A4a, A12 and C5 at level 1 (target 2).
ISSUE_13 = {"BV1": "deels", "BV2": "nee", "BV3": "deels", "BV4": "nee", "BV5": "deels", "A4a": 1, "A12": 1, "C5": 1}


def repeated(text: str, times: int, kader=None) -> list[str]:
    """The sentences (and table rows) that occur ``times`` times or more in ``text``, its lines joined.

    With ``kader``, every id in a sentence is replaced by "<id>" first, so that two sentences that differ
    only in an id count as one; but for a point's reason ("Waarom: A4a: nu 1 …") and a reference to an
    earlier point ("Ook bij A12 past …"): they are about their own statement by nature.
    """
    from collections import Counter

    def key(sentence: str) -> str:
        own = sentence.lstrip("#*0123456789. ").startswith(("Waarom:", "Ook bij "))
        return sentence if kader is None or own else without_ids(sentence, kader)

    said = Counter(key(s) for s in sentences(text))
    return [sentence for sentence, n in said.items() if n >= times]


@pytest.mark.parametrize("format", ["tekst", "markdown"])
def test_the_issue_13_pattern_gives_kerntaak_points_with_real_next_steps(run_cli, kader, tmp_path, format):
    path = write_result(tmp_path / "r.json", make_result(kader, everything(kader) | ISSUE_13, naam="Sanne"))
    run = run_cli("profile", str(path), "--format", format)
    assert run.code == 0, run
    points = run.out[run.out.index("Wat nu? Je belangrijkste ontwikkelpunten") :]
    flat = " ".join(points.split()).replace("*", "")
    # One point for the five basisvaardigheden, each with its own way to practise; then the three statements.
    assert flat.count("Oefenen: ") == 5
    for start in ("1. Digitale basisvaardigheden", "2. A4a", "3. A12", "4. C5"):
        assert start in flat, start
    # Real next steps: the Kader's voorbeelden with their descriptions and leraar24 videos, who helps, what shows it.
    assert "Informatie vergaren: “Daarnaast moeten leraren in hun lessen rekening houden" in flat
    assert "Computersimulaties: “Computersimulaties stellen leerlingen in staat" in flat
    assert "Ook bij A12 past het voorbeeld ‘Webquests’ (zie punt 2)." in flat
    assert "Zie: leraar24.nl/video/3204 (Collegiale consultatie met ict)" in flat
    # Who can help per kerntaak, what to do with them and what shows progress per statement.
    assert (
        "Wie kan helpen: een collega die dit al in de les doet, of de i-coach: een keer meekijken in een les waarin "
        "leerlingen gericht zoeken op internet."
    ) in flat
    assert "Wie kan helpen: een collega die dit al in de les doet, of de i-coach: een keer meekijken in een les met een computersimulatie" in flat
    assert "Wie kan helpen: collega's in een leergroep of op een vakplatform, of de i-coach: een les op video opnemen" in flat
    assert "Zo laat je groei zien: een zoekopdracht voor leerlingen met wat ze vonden" in flat
    assert "Zo laat je groei zien: een les waarin leerlingen met een simulatie of een webquest iets onderzochten" in flat
    assert "Zo laat je groei zien: een fragment van een opgenomen les" in flat
    # No sentence three times in the whole profile, none twice among the points: not even with another id in it.
    assert repeated(run.out, 3) == []
    assert repeated(points, 2, kader) == []


def test_repeated_sees_sentences_that_differ_only_in_an_id(kader):
    # The helper of the test above must fail on the texts before issue 13's review.
    before = (
        "Wie kan helpen: de i-coach, of een collega die op A4a hoog scoort: vragen hoe die het aanpakt. "
        "Wie kan helpen: de i-coach, of een collega die op A12 hoog scoort: vragen hoe die het aanpakt. "
        "Waarom: A4a: nu 1 (Nog niet). Waarom: A12: nu 1 (Nog niet)."
    )
    assert repeated(before, 2) == []
    assert repeated(before, 2, kader) == ["Wie kan helpen: de i-coach, of een collega die op <id> hoog scoort: vragen hoe die het aanpakt."]


@pytest.mark.parametrize("command", ["profile", "pop"])
def test_a_schools_own_basisvaardigheden_get_a_kind_general_sentence(run_cli, tmp_path, command):
    import yaml

    from ictbekwaam.files.loader import builtin_kader_path, load_kader

    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    data["basisvaardigheden"]["items"] = [
        {"id": "DIG-1", "stelling": "Ik kan een document delen.", "toelichting": "Eigen.", "bron": "School"},
    ]
    own_file = tmp_path / "kader.yaml"
    own_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    own = load_kader(own_file)
    path = write_result(tmp_path / "r.json", make_result(own, everything(own) | {"DIG-1": "nee", "A5": 1}))
    run = run_cli("--kader", str(own_file), command, str(path))
    assert run.code == 0, run
    flat = " ".join(run.out.split()).replace("*", "")
    assert "DIG-1 (nu Nee, doel Ja): Ik kan een document delen." in flat
    assert (
        "Oefenen: Voor DIG-1 heeft ictbekwaam geen eigen suggestie: één taak uit het eigen werk kiezen waarin deze "
        "vaardigheid nodig is, die een paar keer doen en bijhouden wat nog lastig is."
    ) in flat
    # A school's own kader: its voorbeelden are not claimed to be the Kader's words.
    assert "Voorbeelden uit het kaderbestand" in flat


@pytest.mark.parametrize("args, env", [(["--plain"], {}), ([], {"ACCESSIBLE": "1"}), ([], {"TERM": "dumb"})])
def test_profile_in_words_for_a_screen_reader(run_cli, sanne_file, args, env):
    """--plain, ACCESSIBLE or TERM=dumb: the profile says in words what the bars and marks show."""
    run = run_cli("profile", str(sanne_file), *args, env=env)
    assert run.code == 0, run
    assert "B2: niveau 2 van 4, doel 3, nog niet op doel, nog 1 niveau." in run.out
    assert not set("█░·✓✗→") & set(run.out)
    default = run_cli("profile", str(sanne_file))
    assert "█" in default.out and "niveau 2 van 4" not in default.out
