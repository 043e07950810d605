"""The profile renderers: the terminal screen as exact text at 80 columns without colour, JSON and Markdown."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from ictbekwaam.render.profile.terminal import profile_renderable, profile_text
from ictbekwaam.render.profile.json import profile_json
from ictbekwaam.render.profile.markdown import profile_markdown
from ictbekwaam.core.scoring import score
from ictbekwaam.files.loader import load_oefenen
from ictbekwaam.model.targets import default_targets
from ictbekwaam.ui.end import Commands, show_end
from builders import SANNE_SCREEN as EXPECTED, everything, lines, make_result, render, sanne_answers


OEFENEN = load_oefenen()


def sanne(kader, **kwargs):
    return score(make_result(kader, sanne_answers(kader), naam="Sanne", **kwargs), kader, default_targets(kader), OEFENEN)




def test_the_screen_at_80_columns_without_colour(kader):
    text = render(profile_renderable(sanne(kader)))
    assert lines(text) == EXPECTED.splitlines()
    assert "\x1b[" not in text
    assert max(cell_len(line) for line in text.splitlines()) <= 80


def test_profile_text_is_the_same_screen_without_trailing_spaces(kader):
    assert profile_text(sanne(kader)) == EXPECTED


def test_the_end_of_assess_shows_the_same_screen(kader):
    console = Console(file=io.StringIO(), width=80, color_system=None, legacy_windows=False)
    result = make_result(kader, sanne_answers(kader), naam="Sanne")
    saved = Path("/home/sanne/resultaten/zelfevaluatie.json")
    profile = show_end(console.print, result, kader, default_targets(kader), saved, Commands(doelen=Path("onze doelen.yaml")))
    assert profile == sanne(kader)
    shown = lines(console.file.getvalue())
    expected = EXPECTED.splitlines()
    at = shown.index(expected[0])
    assert shown[:at] == ["", "Klaar! Je zelfevaluatie is opgeslagen.", ""]
    assert shown[at : at + len(expected)] == expected
    assert shown[at + len(expected) :] == [
        "",
        "Je resultaat staat in:",
        "  /home/sanne/resultaten/zelfevaluatie.json",
        "Dit bestand is van jou. Bewaar het voor je POP-gesprek, of lever het in bij je",
        "i-coach als je school een teamoverzicht maakt.",
        "Dit profiel later nog eens bekijken:",
        "  ictbekwaam profile /home/sanne/resultaten/zelfevaluatie.json --doelen 'onze doelen.yaml'",
        "Een concept-POP maken voor het gesprek met je leidinggevende:",
        "  ictbekwaam pop /home/sanne/resultaten/zelfevaluatie.json --doelen 'onze doelen.yaml' -o pop.md",
    ]


def test_a_draft_says_so_at_the_top_once(kader):
    top = lines(render(profile_renderable(sanne(kader, complete=False))))[:4]
    # Before the review the next line said "Resultaat van 12-03-2026, CONCEPT (nog niet afgerond)" again.
    assert top == [
        "Profiel ict-bekwaamheid: Sanne",
        "CONCEPT: deze zelfevaluatie is nog niet afgerond.",
        "Resultaat van 12-03-2026",
        "Doelen: standaarddoelen: niveau 3 (Bekwaam) voor 10 stellingen en niveau 2",
    ]


def test_nothing_to_develop_shows_where_to_grow(kader):
    profile = score(make_result(kader, everything(kader, level=4) | {"C5": 3}), kader, default_targets(kader), OEFENEN)
    shown = lines(render(profile_renderable(profile)))
    assert shown[0] == "Profiel ict-bekwaamheid: respondent r-abababababababababababababababab"
    at = shown.index("Verder groeien (als je wilt)")
    assert shown[at + 1 : at + 14] == [
        "1. C5 Ik gebruik lokale ict-middelen voor mijn professionele ontwikkeling, zoals",
        "   coaching met video of met een oortje.",
        "   Waarom: C5: nu 3 (Bekwaam), boven het doel van 2 (Beginnend); een volgende",
        "   stap is 4 (Voorbeeld voor anderen): collega's ermee op weg helpen.",
        "   Voorbeelden uit het Kader (hoofdstuk 4):",
        "   • Lokale ict-middelen: “Als laatste noemen we de meer lokale ict-middelen,",
        "     zoals coaching met video of met een oortje, die de leraren ondersteunen bij",
        "     hun professionele ontwikkeling.” Zie: leraar24.nl/video/3204 (Collegiale",
        "     consultatie met ict); leraar24.nl/video/1577 (Coachen met een oortje).",
        "   Zo laat je groei zien: een fragment van een opgenomen les, en wat het",
        "   terugkijken veranderde.",
        "",  # the one voorbeeld of C5, with both its videos; no other item below the top level
        "Eigen voorbeelden laten zien",
    ]
    assert "Wat nu?" not in "\n".join(shown) and "Wie kan helpen" not in "\n".join(shown)
    # No own examples: every kerntaak is rated high, so each gets its invitation.
    at = shown.index("Eigen voorbeelden laten zien")
    assert shown[at + 4].startswith("• Kerntaak A (Pedagogisch-didactisch handelen): je zit bij alle stellingen")


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_every_line_fits_in_80_columns(kader, level):
    answers = everything(kader, level=level, code="deels") | {"A1": "nvt"}
    profile = score(make_result(kader, answers, naam="Juf " + "x" * 150), kader, default_targets(kader))
    text = render(profile_renderable(profile))
    assert max(cell_len(line) for line in text.splitlines()) <= 80


def test_json_follows_the_documented_structure(kader):
    data = json.loads(profile_json(sanne(kader)))
    assert list(data) == [
        "schema", "schema_version", "respondent", "complete", "updated_at", "framework", "result_framework",
        "targets", "scale", "verdict", "notes", "basisvaardigheden", "kerntaken", "priorities", "growth",
        "evidence_idea", "invitations", "unknown",
    ]
    assert data["schema_version"] == 2
    assert data["schema"] == "ictbekwaam/profile"
    assert data["respondent"] == {"id": "r-abababababababababababababababab", "naam": "Sanne"}
    assert data["updated_at"] == "2026-03-12T14:30:00+01:00"
    assert data["framework"]["uitgever"] == "Kennisnet"
    # Made with the kader it is shown with: no changes between versions to report.
    assert data["result_framework"] == {"versie": kader.meta.versie, "matches": True, "changes": None}
    assert data["targets"]["file"] is None
    bv = data["basisvaardigheden"]
    assert (bv["kind"], bv["counted"], bv["on_target"], bv["total_gap"], bv["mean_score"]) == ("checklist", 10, 8, 1.5, 0.85)
    a = data["kerntaken"][0]
    # By hand (see SANNE_SCREEN): 18 statements, 17 counted (A3 nvt), 15 on target (all but A2a and A5),
    # 15/17 = 0.882; levels 14 x 3 + 1 + 1 + 4 = 48 -> 48/17 = 2.8235; gap 1 + 2.
    assert (a["id"], a["counted"], a["on_target"], a["share_on_target"], a["mean_level"], a["total_gap"]) == (
        "A", 17, 15, 0.882, 2.824, 3,
    )
    assert len(a["items"]) == len(kader.kerntaken[0].items) == 18
    assert a["nvt"] == ["A3"] and data["kerntaken"][1]["open"] == ["B4"]
    # A2a: a statement from chapter 4 only, so its default target is 2 (Beginnend).
    assert a["items"][1] == {
        "id": "A2a",
        "stelling": kader.item("A2a").stelling,
        "status": "geteld",
        "answer": 1,
        "answer_label": "Nog niet",
        "level": 1,
        "score": None,
        "target": 2,
        "target_label": "Beginnend",
        "gap": 1,
        "on_target": False,
    }
    a3 = next(i for i in a["items"] if i["id"] == "A3")
    assert a3["gap"] is None and a3["status"] == "nvt"
    assert [(p["item"], p["kind"]) for p in data["priorities"]] == [
        ("basisvaardigheden", "basisvaardigheden"), ("A5", "kerntaak"), ("C3", "kerntaak"),
    ]
    basis = data["priorities"][0]
    assert basis["section"] == "basisvaardigheden" and basis["gap"] == 1.5 and basis["steps"] == []
    assert basis["items"][0] == {
        "id": "BV7",
        "stelling": "Ik kan participeren in sociale netwerken.",
        "answer": "nee",
        "answer_label": "Nee",
        "target": "ja",
        "target_label": "Ja",
        "gap": 1,
        "suggestion": OEFENEN.practice_for("Ik kan participeren in sociale netwerken."),
        "herkomst": "suggestie van ictbekwaam",
    }
    assert [i["id"] for i in basis["items"]] == ["BV7", "BV5"]
    assert basis["general"] == ""  # both have a suggestion of their own
    assert data["framework"]["verbatim"] is True
    assert "geen voorbeelden" in basis["advice"] and "i-coach" in basis["help"]
    a5 = data["priorities"][1]
    assert a5["section"] == "A" and a5["gap"] == 2 and "items" not in a5
    assert [(s["id"], s["described_at"]) for s in a5["steps"]] == [("computersimulaties", None), ("webquests", None)]
    assert a5["steps"][1]["verwijzingen"] == [{"url": "leraar24.nl/video/3232", "titel": "GPS-tocht in de natuur"}]
    assert a5["steps"][0]["omschrijving"].startswith("Computersimulaties stellen leerlingen in staat te experimenteren")
    assert a5["advice"] == "" and a5["help"].startswith("een collega die dit al in de les doet, of de i-coach: ")
    assert a5["evidence"].startswith("een lesvoorbereiding waarin leerdoel, werkvorm en ict-middel")
    assert data["evidence_idea"] == {
        "tekst": (
            "Een afspraak kan zijn, dat de leraar per kerntaak 1 of meerdere voorbeelden van effectief ict-gebruik "
            "laat zien en kan uitleggen wat de meerwaarde hiervan is."
        ),
        "bron": "Kader voor ict-bekwaamheid van leraren, hoofdstuk 4",
    }
    assert [(i["kerntaak"], i["all_on_target"], i["top"]) for i in data["invitations"]] == [("A", False, ["A8"])]
    assert data["invitations"][0]["text"].startswith("Kerntaak A (Pedagogisch-didactisch handelen): je zit bij A8 op niveau 4")
    assert data["growth"] == [] and data["unknown"] == []


def test_markdown_has_the_full_statements_and_the_next_steps(kader):
    text = profile_markdown(sanne(kader))
    assert text.startswith("# Profiel ict-bekwaamheid: Sanne\n")
    assert "## Kerntaak A: Pedagogisch-didactisch handelen" in text
    assert "`████████░░░░` gem. 2,8 van 4 · op doel 15 van 17 (88%) · nog 3 niveaus te gaan" in text
    assert "| Nr. | Stelling | Antwoord | Doel | Op doel |" in text
    assert f"| A2a | {kader.item('A2a').stelling} | `█░░░` 1 (Nog niet) | 2 (Beginnend) | ✗ nog 1 |" in text
    assert f"| A5 | {kader.item('A5').stelling} | `█░░░` 1 (Nog niet) | 3 (Bekwaam) | ✗ nog 2 |" in text
    assert "| A3 | " in text and "| `····` Niet van toepassing | 2 (Beginnend) | telt niet mee |" in text
    assert "| B4 | " in text and "| niet beantwoord | 3 (Bekwaam) | telt niet mee |" in text
    assert "| BV5 | Ik kan foto’s, video’s en audio digitaal maken. | `██░░` Deels | Ja | ✗ |" in text
    assert "### 1. Digitale basisvaardigheden\n" in text and "### 2. A5: " in text and "### 3. C3: " in text
    bv7 = OEFENEN.practice_for("Ik kan participeren in sociale netwerken.")
    assert f"- BV7 (nu Nee, doel Ja): Ik kan participeren in sociale netwerken.\n  - *Oefenen:* {bv7}\n" in text
    assert "elk een suggestie van ictbekwaam." in text
    assert "- **Computersimulaties**: “Computersimulaties stellen leerlingen in staat" in text
    assert "Zie: leraar24.nl/video/3232 (GPS-tocht in de natuur)." in text
    assert "- *Wie kan helpen:* een collega die dit al in de les doet, of de i-coach: samen één les voorbereiden" in text
    assert "- *Zo laat je groei zien:* een lesvoorbereiding waarin leerdoel" in text
    assert "## Eigen voorbeelden laten zien\n\nHet Kader zegt hierover (hoofdstuk 4): “Een afspraak kan zijn," in text
    assert "- Kerntaak A (Pedagogisch-didactisch handelen): je zit bij A8 op niveau 4" in text
    assert text.rstrip().endswith(
        "De schaal, de checklist, de stellingen, de toelichtingen (buiten de aanhalingstekens) en de standaarddoelen zijn "
        "toegevoegd door ictbekwaam. Ook de teksten bij de ontwikkelpunten zijn van ictbekwaam: de oefensuggesties, wie "
        "kan helpen, wat groei laat zien, de volgende stappen waar het Kader geen voorbeeld geeft en het advies om "
        "verder te groeien."
    )
    assert "Kennisnet, Kader voor ict-bekwaamheid van leraren (2012)" in text


def test_markdown_of_a_draft_is_marked_once(kader):
    text = profile_markdown(sanne(kader, complete=False))
    assert "> **CONCEPT**: deze zelfevaluatie is nog niet afgerond.\n\n- Resultaat van 12-03-2026\n" in text
    assert text.count("CONCEPT") == 1


def test_a_schools_own_kader_with_five_levels_and_long_ids(tmp_path):
    import yaml

    from ictbekwaam.files.loader import builtin_kader_path, load_kader

    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    data["schaal"]["niveaus"].append({"waarde": 5, "label": "Expert", "omschrijving": "Ik leid anderen op."})
    data["kerntaken"][1]["items"][0]["id"] = "B1-administratie"
    for voorbeeld in data["voorbeelden"]:
        voorbeeld["items"] = ["B1-administratie" if i == "B1" else i for i in voorbeeld["items"]]
    path = tmp_path / "kader.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    own = load_kader(path)
    answers = everything(own, level=5) | {"B1-administratie": 2, "A1": 3}
    profile = score(make_result(own, answers), own, default_targets(own))
    shown = lines(render(profile_renderable(profile)))
    assert "Schaal: 1 Nog niet · 2 Beginnend · 3 Bekwaam · 4 Voorbeeld voor anderen · 5" in shown
    row = next(line for line in shown if line.startswith("B1-administratie"))
    assert row.startswith("B1-administratie ██░░░ 2/5 doel 3 ✗ nog 1 Ik leg administratieve")
    assert next(line for line in shown if line.startswith("A1 ")).startswith("A1   ███░░ 3/5 doel 3 ✓ Ik houd")
    assert max(cell_len(line) for line in shown) <= 80


def test_plain_leaves_out_the_bars_for_screen_readers(kader):
    text = render(profile_renderable(sanne(kader), plain=True))
    # Words, not symbols: a screen reader reads them out. "[…]" marks a cut inside a verbatim quote of the Kader.
    assert not set("█░…·✓✗→") & set(text.replace("[…]", ""))
    shown = lines(text)
    assert "Schaal: 1 Nog niet, 2 Beginnend, 3 Bekwaam, 4 Voorbeeld voor anderen" in shown
    at = shown.index("Kerntaak B: Werken in de schoolcontext")
    assert shown[at + 1 : at + 5] == [
        "gem. 2,7 van 4, op doel 2 van 3 (67%), nog 1 niveau te gaan",
        "B1: niveau 3 van 4, doel 3, op doel. Ik leg administratieve zaken, zoals",
        "absentie- en cijferregistratie, digitaal vast en beheer ze.",
        "B2: niveau 2 van 4, doel 3, nog niet op doel, nog 1 niveau. Ik deel gegevens",
    ]
    assert "BV7: Nee, doel Ja, nog niet op doel. Ik kan participeren in sociale netwerken." in shown
    assert any(line.startswith("C3: niveau 1 van 4, doel 3, nog niet op doel, nog 2 niveaus.") for line in shown)


@pytest.mark.parametrize("width", [80, 50])
@pytest.mark.parametrize("plain", [False, True])
def test_every_statement_wraps_whole_at_80_and_50_columns(kader, width, plain):
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    console.print(profile_renderable(sanne(kader), plain=plain))
    shown = lines(console.file.getvalue())
    assert max(cell_len(line) for line in shown) <= width
    # A statement's continuation lines hold only its next words, so the text read line after line has it whole.
    # (Only the sections: the points below name some statements again.)
    flat = " ".join(" ".join(shown[: shown.index("Wat nu? Je belangrijkste ontwikkelpunten")]).split())
    for item in kader.all_items():
        assert " ".join(item.stelling.split()) in flat, item.id
    # Before issue 13 a statement was cut at the column's edge with "…".
    assert not any(line.endswith("…") for line in shown)


FIXTURE_KADER = Path(__file__).resolve().parents[1] / "fixtures" / "kader-1.0.0" / "kader.yaml"


@pytest.mark.parametrize("view", ["terminal", "markdown", "json"])
def test_another_kader_file_is_never_quoted_as_the_kader_verbatim(view):
    # The 1.0.0 encoding's voorbeelden are paraphrases: before the review they stood between “ ” as the
    # Kader's words, under a footer saying text between “ ” is the Kader's.
    from ictbekwaam.files.loader import load_kader

    old = load_kader(FIXTURE_KADER)
    profile = score(make_result(old, everything(old) | {"A5": 1}), old, default_targets(old), OEFENEN)
    assert profile.verbatim is False
    if view == "json":
        assert json.loads(profile_json(profile))["framework"]["verbatim"] is False
        return
    text = render(profile_renderable(profile)) if view == "terminal" else profile_markdown(profile)
    flat = " ".join(text.split()).replace("*", "")
    assert "Voorbeelden uit het kaderbestand:" in flat and "Voorbeelden uit het Kader" not in flat
    assert "Computersimulaties: Computersimulaties stellen leerlingen in staat" in flat
    assert "“" not in text.split("Eigen voorbeelden laten zien")[0]  # no quotes before the Kader's own idea
    assert "buiten de aanhalingstekens" not in flat and "letterlijk" not in flat.replace("of die tekst letterlijk", "")
    assert flat.endswith(
        "De schaal, de stellingen en de voorbeelden komen uit het kaderbestand; of die tekst letterlijk van het Kader "
        "is, kan ictbekwaam niet nagaan. Ook de teksten bij de ontwikkelpunten zijn van ictbekwaam: de oefensuggesties, "
        "wie kan helpen, wat groei laat zien, de volgende stappen waar het Kader geen voorbeeld geeft en het advies om "
        "verder te groeien."
    )


def test_without_ictbekwaams_texts_nothing_is_claimed_verbatim(kader):
    assert score(make_result(kader, sanne_answers(kader)), kader, default_targets(kader)).verbatim is False
    assert sanne(kader).verbatim is True


@pytest.mark.parametrize("view", ["terminal", "markdown"])
def test_no_invitation_no_block_about_own_examples(kader, view):
    # Own examples for every kerntaak: nothing to invite. Before the review the heading and the Kader's
    # idea stood there with nothing under them.
    result = make_result(kader, sanne_answers(kader), evidence={k: ("Mijn voorbeeld", "") for k in "ABC"})
    profile = score(result, kader, default_targets(kader), OEFENEN)
    assert profile.invitations == () and profile.priorities
    text = render(profile_renderable(profile)) if view == "terminal" else profile_markdown(profile)
    assert "Eigen voorbeelden laten zien" not in text and "Het Kader zegt hierover" not in text


def test_basisvaardigheden_without_a_suggestion_share_one_line(tmp_path):
    import yaml

    from ictbekwaam.files.loader import builtin_kader_path, load_kader

    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    data["basisvaardigheden"]["items"][1]["stelling"] = "Ik kan lesgeven met Microsoft Teams en OneNote."
    data["basisvaardigheden"]["items"][2]["stelling"] = "Ik kan werken met het rooster van de school."
    path = tmp_path / "kader.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    own = load_kader(path)
    profile = score(make_result(own, everything(own) | {"BV1": "nee", "BV2": "nee", "BV3": "deels"}), own, default_targets(own), OEFENEN)
    shown = " ".join(lines(render(profile_renderable(profile)))).split()
    flat = " ".join(shown)
    assert "• BV2 (nu Nee, doel Ja): Ik kan lesgeven met Microsoft Teams en OneNote. • BV3" in flat
    assert flat.count("Oefenen: ") == 2  # BV1's own, and one line for BV2 and BV3 together
    assert "Oefenen: Voor BV2 en BV3 heeft ictbekwaam geen eigen suggestie: één taak uit het eigen werk kiezen" in flat
    assert "mappenstructuur" not in flat  # the file-management suggestion belongs to "Ik kan bestanden beheren."
    markdown = profile_markdown(profile)
    assert "*Oefenen:* Voor BV2 en BV3 heeft ictbekwaam geen eigen suggestie" in markdown
    assert json.loads(profile_json(profile))["priorities"][0]["general"].startswith("Voor BV2 en BV3 heeft ictbekwaam")
