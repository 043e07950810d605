"""``ictbekwaam pop``: the POP draft, on result files in the exact format assess writes."""

from __future__ import annotations

import re

import pytest
import yaml

from ictbekwaam.files.loader import builtin_handreiking_path, load_oefenen
from ictbekwaam.render.profile.pop import pop_markdown, reflection_theme
from ictbekwaam.core.scoring import score
from ictbekwaam.model.targets import Targets, default_targets
from builders import sanne_answers
from builders import everything, make_result, write_result
from builders import DE_BRUG

EVIDENCE = {"A": ("Ik laat leerlingen hun presentatie filmen.", "Ze zien zelf wat beter kan."), "C": ("", "Ik leer van collega's.")}


def sanne_pop(run_cli, kader, tmp_path, *extra: str, **kwargs) -> str:
    result = make_result(kader, sanne_answers(kader), naam="Sanne", evidence=EVIDENCE, **kwargs)
    path = write_result(tmp_path / "sanne.json", result)
    out = tmp_path / "pop.md"
    run = run_cli("pop", str(path), "-o", str(out), *extra)
    assert run.code == 0, run
    assert run.err == f"Opgeslagen in {out}\n"
    return out.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under one ``## `` heading, up to the next."""
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_parts_in_order(run_cli, kader, tmp_path):
    text = sanne_pop(run_cli, kader, tmp_path)
    assert text.startswith("# Persoonlijk ontwikkelingsplan ict-bekwaamheid (concept)\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Waar sta ik nu?",
        "## 2. Mijn ontwikkeldoelen",
        "## 3. Mijn eigen voorbeelden van effectief ict-gebruik",
        "## 4. Om over na te denken",
        "## 5. Afspraken",
    ]
    assert "| Naam | Sanne |" in text
    # B4 was left open: the header says so, as the note under "Waar sta ik nu?" does.
    assert "| Zelfevaluatie | 12-03-2026, afgerond, 1 vraag niet beantwoord |" in text


def test_the_summary_by_hand(run_cli, kader, tmp_path):
    part = section(sanne_pop(run_cli, kader, tmp_path), "1. Waar sta ik nu?")
    # As SANNE_SCREEN works it out: kerntaak A has 18 statements (A4a, A4b), 17 counted (A3 nvt), 15 on
    # target (17 - A2a - A5), 15/17 = 88%; in all 8 + 15 + 2 + 4 = 29 of 10 + 17 + 3 + 5 = 35.
    assert part.splitlines()[1:10] == [
        "Bij 29 van de 35 vragen die meetellen zit ik op of boven mijn doel. Ik begin bij de basisvaardigheden: die zijn voorwaardelijk.",
        "",
        "| Onderdeel | Op doel | Gemiddeld niveau | Nog te gaan |",
        "|---|---|---|---|",
        "| Digitale basisvaardigheden | 8 van 10 (80%) | – | 1 deels, 1 nee |",
        "| Kerntaak A: Pedagogisch-didactisch handelen | 15 van 17 (88%) | 2,8 van 4 | 3 niveaus |",
        "| Kerntaak B: Werken in de schoolcontext | 2 van 3 (67%) | 2,7 van 4 | 1 niveau |",
        "| Kerntaak C: Professionele ontwikkeling | 4 van 5 (80%) | 2,6 van 4 | 2 niveaus |",
        "",
    ]
    assert "- Let op: Niet beantwoord, telt niet mee (1): B4." in part


def test_one_to_three_goals_from_the_priorities_with_activities(run_cli, kader, tmp_path):
    part = section(sanne_pop(run_cli, kader, tmp_path), "2. Mijn ontwikkeldoelen")
    goals = [line for line in part.splitlines() if line.startswith("### ")]
    # The same points as the profile, in its order: the basisvaardigheden as one, then A5 and C3.
    assert goals == [
        "### Doel 1: Digitale basisvaardigheden (BV7 en BV5)",
        f"### Doel 2: {kader.item('A5').stelling} (A5)",
        f"### Doel 3: {kader.item('C3').stelling} (C3)",
    ]
    assert "- *Waar wil ik naartoe:* BV7 van ‘Nee’ naar ‘Ja’; BV5 van ‘Deels’ naar ‘Ja’" in part
    assert "- *Waar wil ik naartoe:* van niveau 1 (Nog niet) naar 3 (Bekwaam)" in part
    # ictbekwaam's ways to practise, said to be its suggestions.
    assert "de manieren om te oefenen zijn daarom elk een suggestie van ictbekwaam." in part
    assert "- BV7 (nu Nee, doel Ja): Ik kan participeren in sociale netwerken.\n  - *Oefenen:* Een professioneel profiel" in part
    # A5's voorbeelden, verbatim from the Kader between “ ” (its "&" and "[…]" escaped for Markdown).
    assert "- **Computersimulaties**: “Computersimulaties stellen leerlingen in staat" in part
    assert "- **Webquests**: “Leerlingen krijgen een betekenisvolle" in part
    assert "(Abbit & Orphus, 2008). \\[…\\] Maar de werkelijke kracht" in part
    assert "Zie: leraar24.nl/video/3232 (GPS-tocht in de natuur)." in part
    assert "- *Wie kan helpen:* een collega die dit al in de les doet, of de i-coach: samen één les voorbereiden" in part
    assert "- *Zo laat ik groei zien:* een lesvoorbereiding waarin leerdoel, werkvorm en ict-middel" in part
    # Fields to fill in under every goal.
    assert part.count("- *Wat ga ik doen, en wanneer:* …") == 3


def test_the_teachers_own_evidence_per_kerntaak(run_cli, kader, tmp_path):
    part = section(sanne_pop(run_cli, kader, tmp_path), "3. Mijn eigen voorbeelden van effectief ict-gebruik")
    assert part.startswith(
        "\nHet Kader zegt hierover (hoofdstuk 4): “Een afspraak kan zijn, dat de leraar per kerntaak 1 of meerdere "
        "voorbeelden van effectief ict-gebruik laat zien en kan uitleggen wat de meerwaarde hiervan is.”\n"
    )
    assert (
        "### Kerntaak A: Pedagogisch-didactisch handelen\n\n- *Mijn voorbeeld:* Ik laat leerlingen hun presentatie "
        "filmen.\n- *Wat het toevoegde (de meerwaarde):* Ze zien zelf wat beter kan.\n"
    ) in part
    assert "### Kerntaak B: Werken in de schoolcontext\n\n- *Mijn voorbeeld:* …\n- *Wat het toevoegde (de meerwaarde):* …\n" in part
    # C is on target (but C3) without an own example: C3 is below target, so no invitation; the meerwaarde alone.
    assert "### Kerntaak C: Professionele ontwikkeling\n\n- *Mijn voorbeeld:* …\n- *Wat het toevoegde (de meerwaarde):* Ik leer van collega's.\n" in part


def test_a_kerntaak_rated_high_without_an_example_is_invited_in_the_ik_voice(kader, handreiking):
    profile = score(make_result(kader, everything(kader) | {"A5": 1, "B2": 4}), kader, default_targets(kader))
    part = section(pop_markdown(profile, handreiking), "3. Mijn eigen voorbeelden van effectief ict-gebruik")
    assert (
        "### Kerntaak B: Werken in de schoolcontext\n\nKerntaak B (Werken in de schoolcontext): ik zit bij alle "
        "stellingen op of boven mijn doel, bij B2 zelfs op niveau 4 (Voorbeeld voor anderen), alleen staat er nog "
        "geen eigen voorbeeld bij: welk voorbeeld uit mijn werk laat dat zien, en wat voegde het toe?\n"
    ) in part
    assert "### Kerntaak A: Pedagogisch-didactisch handelen\n\n- *Mijn voorbeeld:* …" in part  # A5 is below target


def test_theme_4_questions_verbatim_and_the_sources(run_cli, kader, handreiking, tmp_path):
    text = sanne_pop(run_cli, kader, tmp_path)
    part = section(text, "4. Om over na te denken")
    thema = reflection_theme(handreiking)
    assert thema is not None and thema.id == "eigen-ontwikkeling"
    assert f"**Hoofdvraag 4.** “{thema.hoofdvraag.tekst}” — Handreiking, thema 4, hoofdvraag 4\n\n*Mijn antwoord:* …" in part
    questions = [(o.id, v.tekst) for o in thema.onderwerpen for v in o.vragen]
    assert len(questions) == 4
    for onderwerp, question in questions:
        # Verbatim between “ ”, with its source, and a field for the answer under it.
        assert f"“{question}” — Handreiking, thema 4, onderwerp {onderwerp}\n   - *Mijn antwoord:* …" in part
    assert "Kennisnet, Kader voor ict-bekwaamheid van leraren (2012), https://ictbekwaamheid.kennisnet.nl" in text
    assert "Gespreksvragen: Kennisnet, Handreiking professionalisering ict-bekwaamheid, http://kn.nu/handreiking-ict-bekwaamheid." in text


def test_pop_to_stdout_and_a_draft_is_marked(run_cli, kader, tmp_path):
    path = write_result(tmp_path / "concept.json", make_result(kader, sanne_answers(kader), complete=False))
    run = run_cli("pop", str(path))
    assert run.code == 0
    assert "> **Let op**: mijn zelfevaluatie is nog niet afgerond (concept). Ik rond die eerst af" in run.out
    assert "| Zelfevaluatie | 12-03-2026 |" in run.out  # said once, above
    assert "| Naam | … |" in run.out


def test_the_schools_doelen_change_the_goals(run_cli, kader, tmp_path):
    doelen = tmp_path / "doelen.yaml"
    doelen.write_text(DE_BRUG, encoding="utf-8")
    text = sanne_pop(run_cli, kader, tmp_path, "--doelen", str(doelen))
    assert "| Doelen | doelen van de school: Doelen OBS De Brug 2026 (doelen.yaml) |" in text
    goals = [line for line in section(text, "2. Mijn ontwikkeldoelen").splitlines() if line.startswith("### ")]
    # BV5 (deels) is on target now; kerntaak C must be 4, so C3 (1) is the largest gap. Then the gaps
    # of 1 in kader order: A2a and A5 (1, the school's standaard 2), A7a and A7b (3, the school's 4 for
    # A7, which was split into them), C1, C2, C4, C5 (3 of 4): A2a comes first.
    assert [g.rsplit("(", 1)[1] for g in goals] == ["BV7)", "C3)", "A2a)"]


def test_nothing_to_develop_gives_growth_goals(kader, handreiking):
    profile = score(make_result(kader, everything(kader, level=4) | {"B2": 3}), kader, default_targets(kader))
    part = section(pop_markdown(profile, handreiking), "2. Mijn ontwikkeldoelen")
    assert part.splitlines()[1] == (
        "Ik zit overal op of boven mijn doel. Deze doelen gaan een stap verder: van niveau 3 (Bekwaam) naar 4 "
        "(Voorbeeld voor anderen)."
    )
    assert f"### Doel 1: {kader.item('B2').stelling} (B2)" in part
    assert "- *Waar wil ik naartoe:* van niveau 3 (Bekwaam) naar 4 (Voorbeeld voor anderen)" in part


def test_growth_goals_go_to_the_next_level_not_the_top(kader, handreiking):
    # A school's targets at 2; B2 at 2, the rest at 3. Before the review the POP said "van bekwaam naar
    # voorbeeld voor anderen" and "van niveau 2 (Beginnend) naar 4" for B2.
    targets = Targets({**default_targets(kader).per_item, **{i.id: 2 for k in kader.kerntaken for i in k.items}}, "t")
    profile = score(make_result(kader, everything(kader) | {"B2": 2}), kader, targets, load_oefenen())
    text = pop_markdown(profile, handreiking)
    part = section(text, "2. Mijn ontwikkeldoelen")
    assert part.splitlines()[1] == "Ik zit overal op of boven mijn doel. Deze doelen gaan een stap verder: bij elk doel één niveau hoger dan nu."
    assert "- *Waar wil ik naartoe:* van niveau 2 (Beginnend) naar 3 (Bekwaam)" in part
    assert "- *Waarom dit doel:* B2: nu 2 (Beginnend), op het doel; een volgende stap is 3 (Bekwaam)." in part
    assert "naar 4" not in part.split("### Doel 2")[0]
    summary = section(text, "1. Waar sta ik nu?").splitlines()[1]
    assert summary.endswith(
        "Ik kan verder groeien, een niveau hoger: bij B2 naar 3 (Bekwaam) en bij A1 en A2a naar 4 (Voorbeeld voor anderen)."
    )
    assert "collega's op weg" not in summary


def test_no_answers_gives_no_goals(kader, handreiking):
    profile = score(make_result(kader, {}, complete=False), kader, default_targets(kader))
    part = section(pop_markdown(profile, handreiking), "2. Mijn ontwikkeldoelen")
    assert "Nog geen doelen uit het profiel" in part
    assert "### Doel" not in part


def test_a_handreiking_without_theme_4(run_cli, kader, tmp_path):
    data = yaml.safe_load(builtin_handreiking_path().read_text(encoding="utf-8"))
    data["themas"] = [t for t in data["themas"] if t["id"] != "eigen-ontwikkeling"]
    own = tmp_path / "handreiking.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    path = write_result(tmp_path / "r.json", make_result(kader, sanne_answers(kader)))
    run = run_cli("--handreiking", str(own), "pop", str(path))
    assert run.code == 0
    assert "De gebruikte handreiking heeft geen thema over eigen professionele ontwikkeling." in run.out


def own_words(text: str) -> str:
    """The POP without the words of the Kader and the Handreiking: every quotation (“…”) emptied.

    What is left is ictbekwaam's own text, and the statements and own examples, which say "ik" themselves.
    """
    text = re.sub(r"“[^”]*”", "“”", text)
    return text


@pytest.mark.parametrize("answers", ["sanne", "growth", "nothing", "draft"])
def test_one_voice_ik_in_all_of_ictbekwaams_own_text(kader, handreiking, answers):
    result = {
        "sanne": make_result(kader, sanne_answers(kader), naam="Sanne", evidence=EVIDENCE),
        "growth": make_result(kader, everything(kader, level=4) | {"B2": 3}),
        "nothing": make_result(kader, {}, complete=False),
        "draft": make_result(kader, sanne_answers(kader) | {"BV1": "nee", "A9": 1}, complete=False),
    }[answers]
    text = pop_markdown(score(result, kader, default_targets(kader), load_oefenen()), handreiking)
    assert re.findall(r"\b(je|jij|jou|jouw|u|uw)\b", own_words(text), re.I) == []
    assert "ik" in own_words(text).lower().split()


def test_a_pop_is_never_overwritten_without_overwrite(run_cli, kader, tmp_path):
    path = write_result(tmp_path / "sanne.json", make_result(kader, sanne_answers(kader), naam="Sanne"))
    out = tmp_path / "pop.md"
    assert run_cli("pop", str(path), "-o", str(out)).code == 0
    edited = out.read_text(encoding="utf-8").replace("| Gesprek met | … |", "| Gesprek met | mijn teamleider |")
    out.write_text(edited, encoding="utf-8")
    again = run_cli("pop", str(path), "-o", str(out))
    assert again.code == 1
    assert again.err.startswith(f"Fout: {out} bestaat al; ictbekwaam overschrijft niets zonder --overwrite")
    assert out.read_text(encoding="utf-8") == edited
    assert run_cli("pop", str(path), "-o", str(out), "--overwrite").code == 0
    assert "| Gesprek met | … |" in out.read_text(encoding="utf-8")


def test_a_pop_with_another_kader_file_does_not_quote_its_voorbeelden(run_cli, tmp_path):
    # The 1.0.0 encoding's voorbeelden are paraphrases: no “ ”, and the header and footer say where they come from.
    from pathlib import Path

    from ictbekwaam.files.loader import load_kader

    kader_file = Path(__file__).resolve().parents[1] / "fixtures" / "kader-1.0.0" / "kader.yaml"
    old = load_kader(kader_file)
    path = write_result(tmp_path / "r.json", make_result(old, everything(old) | {"A5": 1, "B1": 1}))
    run = run_cli("--kader", str(kader_file), "pop", str(path))
    assert run.code == 0, run
    text = run.out
    assert (
        "Tekst tussen “ en ” staat letterlijk in het Kader of de Handreiking, met de bron erbij. De voorbeelden komen "
        "uit het kaderbestand en staan er zonder aanhalingstekens.*"
    ) in text
    goals = section(text, "2. Mijn ontwikkeldoelen")
    assert "*Voorbeelden uit het kaderbestand*:" in goals and "“" not in goals
    assert "- **Computersimulaties**: Computersimulaties stellen leerlingen in staat" in goals
    assert "buiten de aanhalingstekens" not in text
    assert "De schaal, de stellingen en de voorbeelden komen uit het kaderbestand; of die tekst letterlijk" in text
