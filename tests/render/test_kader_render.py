"""The kader views (the terminal tree, Markdown, JSON) and the conversation sheet: what ictbekwaam added
is marked right beside it; the references, the onderbouwing and the history of the encoding are shown."""

from __future__ import annotations

import json
import re

import pytest

from ictbekwaam.core.gesprek import select
from ictbekwaam.core.scoring import score
from ictbekwaam.model.kader import Verwijzing
from ictbekwaam.model.targets import default_targets
from ictbekwaam.render.gesprek import gesprek_markdown, gesprek_renderable
from ictbekwaam.render.kader import kader_json, kader_markdown, kader_tree
from ictbekwaam.render.markdown_text import md
from ictbekwaam.render.profile.markdown import profile_markdown
from builders import everything, lines, make_result, render

ADDED = "toegevoegd door ictbekwaam"
STATEMENTS = f"Stellingen en toelichtingen: {ADDED}; tussen “ en ” het Kader, letterlijk."
A2_SPLIT = (
    "A2 van versie 1.0.0: gesplitst in A2a en A2b, want de stelling vroeg twee dingen: "
    "een veilige leeromgeving en aandacht voor digitaal pesten."
)
C1_NARROWED = "C1 van versie 1.0.0: nauwer geformuleerd; ‘en zoek daarbij gericht’ is eruit: dat is een tweede vraag (zie BV9)."
A4_SPLIT = (
    "A4 van versie 1.0.0: gesplitst in A4a en A4b, want de stelling vroeg twee dingen: informatie leren vinden en "
    "informatie leren beoordelen (zoals BV9 en BV10 bij de basisvaardigheden)."
)
C2_NARROWED = (
    "C2 van versie 1.0.0: nauwer geformuleerd; ‘zoals online community’s en sociale media’ is eruit: het Kader noemt "
    "die bij kennisdeling, niet bij het volgen van ontwikkelingen."
)


def flat(text: str) -> str:
    """The text of a rendered tree without its guides, as one line: what stands beside what."""
    return " ".join(re.sub(r"[│├└─]", " ", text).split())


@pytest.fixture(scope="module")
def tree(kader) -> str:
    return flat(render(kader_tree(kader)))


@pytest.fixture(scope="module")
def markdown(kader) -> str:
    return kader_markdown(kader)


def with_doel(kader) -> list:
    """The statements with a default target of their own: the 17 that come from chapter 4 only, target 2.

    By hand: kerntaak A's 18 statements but A1, A5 and A6 (15), and C4 and C5: 15 + 2 = 17.
    """
    items = [i for i in kader.all_items() if i.doel is not None]
    assert len(items) == 17 and {i.doel for i in items} == {2}
    return items


def item_block(markdown: str, item_id: str) -> str:
    """The Markdown of one statement: its line and its sub-list."""
    return markdown.split(f"\n- **{item_id}** ", 1)[1].split("\n- ", 1)[0]


# -- what ictbekwaam added, beside it -----------------------------------------------------------------


def test_the_tree_marks_the_additions_beside_them(kader, tree):
    assert f"Schaal — {ADDED} 1 Nog niet: Dit doe ik (nog) niet" in tree
    assert f"Checklist basisvaardigheden — {ADDED} Ja: Dit kan ik zelfstandig." in tree
    # The statements: the note opens every section, before its first statement (after the Kader's own
    # text of the section and, for the basisvaardigheden, its references).
    bv = kader.basisvaardigheden
    bv_omschrijving = " ".join(bv.omschrijving.split())
    bv_refs = f"Referenties: {'; '.join(bv.referenties)}"
    assert f"{bv.naam} ({len(bv.items)} items) {bv_omschrijving} {bv_refs} {STATEMENTS} BV1 {bv.items[0].stelling}" in tree
    for kerntaak in kader.kerntaken:
        first = kerntaak.items[0]
        omschrijving = " ".join(kerntaak.omschrijving.split())
        heading = f"Kerntaak {kerntaak.id}: {kerntaak.naam} ({len(kerntaak.items)} items)"
        assert f"{heading} {omschrijving} {STATEMENTS} {first.id} {first.stelling}" in tree
    assert tree.count(STATEMENTS) == 1 + len(kader.kerntaken)
    # A default target of its own is marked on the statement's line.
    for item in with_doel(kader):
        assert f"{item.id} {item.stelling} (standaarddoel 2 (Beginnend), {ADDED})" in tree
    a1 = kader.item("A1")
    assert f"A1 {a1.stelling} {a1.toelichting}" in tree
    assert (
        "Letterlijk uit het Kader: de kerntaken, de basisvaardigheden, de passages van de voorbeelden, de "
        "verwijzingen, de referenties, de onderbouwing en alle tekst tussen “ en ”."
    ) in tree
    assert (
        "Toegevoegd door ictbekwaam: de schaal, de checklist, de stellingen, de rest van de toelichtingen, "
        "de standaarddoelen, de indeling in onderdelen en in voorbeelden met hun titels (woorden uit het Kader of de "
        "titel van een leraar24-video), bij welke stellingen een voorbeeld past, en de wijzigingen tussen versies."
    ) in tree


def test_the_markdown_marks_the_additions_beside_them(kader, markdown):
    assert f"\n## Schaal ({ADDED})\n\n- **1 – Nog niet**: Dit doe ik (nog) niet" in markdown
    assert f"\nChecklist basisvaardigheden ({ADDED}): **Ja** (Dit kan ik zelfstandig.), **Deels** " in markdown
    note = f"*{STATEMENTS}*"
    sections = [(kader.basisvaardigheden.naam, "BV1")] + [(f"Kerntaak {k.id}: {k.naam}", k.items[0].id) for k in kader.kerntaken]
    for heading, first in sections:
        intro = markdown.split(f"\n## {heading}\n", 1)[1].split(f"\n- **{first}** ", 1)[0]
        assert note in intro, heading
    assert markdown.count(note) == len(sections)
    marked = with_doel(kader)
    for item in marked:
        assert f"\n  - *Doel:* standaarddoel 2 (Beginnend), {ADDED}" in item_block(markdown, item.id), item.id
    for item in kader.all_items():
        if item not in marked:
            assert "*Doel:*" not in item_block(markdown, item.id), item.id
    assert f"\n*De passages letterlijk uit het Kader; de indeling, de titels en bij welke stellingen ze passen: {ADDED}.*\n" in markdown
    assert f"\n## Wijzigingen sinds eerdere versies ({ADDED})\n" in markdown


def test_the_json_says_what_ictbekwaam_added(kader):
    data = json.loads(kader_json(kader))
    assert list(data) == ["meta", "schaal", "checklist", "basisvaardigheden", "kerntaken", "voorbeelden", "onderbouwing", "geschiedenis", "herkomst"]
    assert data["herkomst"]["toegevoegd_door_ictbekwaam"].startswith(
        "Toegevoegd door ictbekwaam: de schaal, de checklist, de stellingen, de rest van de toelichtingen, de standaarddoelen"
    )
    assert data["herkomst"]["letterlijk_uit_het_kader"].startswith("Letterlijk uit het Kader: de kerntaken, de basisvaardigheden")
    assert data["schaal"]["bron"].startswith(f"Deze schaal en de standaarddoelen zijn {ADDED}:")
    assert (
        "de checklist, de stellingen in de ik-vorm, de rest van de toelichtingen, de standaarddoelen en de indeling "
        f"in onderdelen en voorbeelden zijn {ADDED}"
    ) in " ".join(data["meta"]["opmerking"].split())
    # ... and beside each addition, so that a reader of one part sees it too.
    assert data["schaal"]["herkomst"] == data["checklist"]["herkomst"] == ADDED
    item_origin = f"stelling, toelichting en doel: {ADDED}; tussen “ en ” het Kader, letterlijk"
    items = data["basisvaardigheden"]["items"] + [i for k in data["kerntaken"] for i in k["items"]]
    assert len(items) == len(kader.all_items()) and all(i["herkomst"] == item_origin for i in items)
    example_origin = f"omschrijving, verwijzingen en referenties letterlijk uit het Kader; titel en items: {ADDED}"
    assert len(data["voorbeelden"]) == len(kader.voorbeelden)
    assert all(v["herkomst"] == example_origin for v in data["voorbeelden"])
    assert len(data["geschiedenis"]) == len(kader.geschiedenis) and all(v["herkomst"] == ADDED for v in data["geschiedenis"])
    # The Kader's own texts carry no mark: the sections and the onderbouwing.
    assert all("herkomst" not in k for k in data["kerntaken"]) and "herkomst" not in data["basisvaardigheden"]
    assert all("herkomst" not in c for c in data["onderbouwing"])
    # The statements' own targets, as in kader.yaml.
    doelen = {i["id"]: i["doel"] for k in data["kerntaken"] for i in k["items"] if i["doel"] is not None}
    assert doelen == {i.id: 2 for i in with_doel(kader)}


# -- references, onderbouwing, history -------------------------------------------------------------------


def test_references_are_shown_beside_the_text_they_support(kader, markdown, tree):
    a7b = kader.item("A7b")
    refs = "; ".join(a7b.referenties)
    assert refs.startswith("Fisser, 2007; Van Ast, 2010; ")
    assert f"\n  - *Referenties:* {refs}" in item_block(markdown, "A7b")
    assert f"Referenties: {refs} Voorbeeld: Het digitale schoolbord" in tree
    # ... and under the voorbeeld that quotes them.
    schoolbord = markdown.split("\n### Het digitale schoolbord (kerntaak A)\n", 1)[1].split("\n### ", 1)[0]
    assert f"\n- Referenties: {refs}\n" in schoolbord
    for item in kader.all_items():
        if item.referenties:
            assert f"\n  - *Referenties:* {md('; '.join(item.referenties))}" in item_block(markdown, item.id), item.id
            assert f"Referenties: {'; '.join(item.referenties)}" in tree, item.id
    # Each statement's references are those inside the quote of its toelichting: A12 quotes Leu only, A13 none.
    assert "\n  - *Referenties:* Leu e.a., 2004\n" in item_block(markdown, "A12") and "(Leu e.a., 2004)" in kader.item("A12").toelichting
    assert "Referenties" not in item_block(markdown, "A13") and not kader.item("A13").referenties
    # An "&" of a reference is text: escaped in Markdown (a viewer shows "&"), as it is in the tree.
    assert "\n  - *Referenties:* Luyten, Ehren & Meelissen, 2011\n" in item_block(markdown, "A14a")
    assert "Referenties: Luyten, Ehren & Meelissen, 2011" in tree
    # ... and a voorbeeld's references, in its section of the Markdown and beside it in the tree.
    webquests = markdown.split("\n### Webquests (kerntaak A)\n", 1)[1].split("\n### ", 1)[0]
    assert "\n- Referenties: Abbit & Orphus, 2008; Leu e.a., 2004\n" in webquests
    assert "Voorbeeld: Webquests (leraar24.nl/video/3232); Abbit & Orphus, 2008; Leu e.a., 2004" in tree
    bv = kader.basisvaardigheden
    assert f"\nReferenties: {'; '.join(bv.referenties)}\n" in markdown and bv.referenties[0] == "Mediawijzer.net, 2012"


def test_the_onderbouwing_is_quoted_with_its_source_and_references(kader, markdown, tree):
    # Under a heading that says it is the Kader's, verbatim: no quotation marks around each passage.
    first = (
        "Hoofdstuk 2: Uit onderzoek blijkt dat de ict-bekwaamheid van leraren van essentieel belang is bij het verbeteren van "
        "leeropbrengsten van leerlingen (OECD, 2010; Unesco, 2011; Kennisnet, 2011). "
        "Referenties: OECD, 2010; Unesco, 2011; Kennisnet, 2011."
    )
    part = markdown.split("\n## Onderbouwing in het Kader\n", 1)[1].split("\n## ", 1)[0]
    assert part.startswith("\n*Letterlijk uit het Kader, met de referenties die het erbij geeft.*\n")
    assert f"\n- {first}\n" in part
    assert f"Onderbouwing in het Kader — letterlijk {first}" in tree
    assert f"{first} " in tree and f"“{first}" not in tree
    assert len(kader.onderbouwing) == 8
    for citaat in kader.onderbouwing:
        tekst = " ".join(citaat.tekst.split())
        refs = "; ".join(citaat.referenties)
        assert f"\n- {citaat.bron}: {md(tekst)}" + (f" Referenties: {md(refs)}." if refs else "") + "\n" in part
        assert f"{citaat.bron}: {tekst}" + (f" Referenties: {refs}." if refs else "") in tree
    assert len(part.strip().split("\n")) == 2 + 8 and "\n- “" not in part
    # The Kader's one normative sentence (chapter 5), and the last: the school makes the concrete demands.
    assert (
        "Hoofdstuk 5: Het Kader maakt duidelijk dat elke leraar de meerwaarde van ict moet kennen, erkennen én ernaar moet handelen. "
        "Hoofdstuk 5: De concretisering van het Kader voor ict-bekwaamheid naar bekwaamheidseisen voor leraren is schoolspecifiek."
    ) in tree


def test_the_history_says_what_was_split_and_narrowed(kader, markdown, tree):
    heading = f"\n## Wijzigingen sinds eerdere versies ({ADDED})\n\n"
    assert heading in markdown
    part = markdown.split(heading, 1)[1]
    shown = part.rstrip("\n").split("\n")
    # By hand: 4 splits (A2, A4, A7, A14) and 5 narrowed (A8, A9, A12, C1, C2), in the order of kader.yaml.
    assert len(shown) == sum(len(v.wijzigingen) for v in kader.geschiedenis) == 9
    assert shown[0] == f"- {A2_SPLIT}"
    assert f"- {A4_SPLIT}" in shown and f"- {C2_NARROWED}" in shown
    assert f"- {C1_NARROWED}" in shown
    assert [line.split(" ", 2)[1] for line in shown] == ["A2", "A4", "A7", "A14", "A8", "A9", "A12", "C1", "C2"]
    assert f"Wijzigingen sinds eerdere versies — {ADDED} {A2_SPLIT}" in tree
    assert C1_NARROWED in tree and A4_SPLIT in tree and C2_NARROWED in tree


# -- verwijzingen --------------------------------------------------------------------------------------------


def test_a_verwijzing_without_titel_shows_just_its_url(kader, markdown, tree):
    assert Verwijzing(url="digiborden.kennisnet.nl").shown() == "digiborden.kennisnet.nl"
    titled = Verwijzing(url="leraar24.nl/video/638", titel="Mogelijkheden digitale schoolbord")
    assert titled.shown() == "leraar24.nl/video/638 (Mogelijkheden digitale schoolbord)"
    untitled = [r.url for v in kader.voorbeelden for r in v.verwijzingen if not r.titel]
    assert untitled == ["digiborden.kennisnet.nl"]
    schoolbord = markdown.split("\n### Het digitale schoolbord (kerntaak A)\n", 1)[1].split("\n### ", 1)[0]
    assert (
        "\n- leraar24.nl/video/638 (Mogelijkheden digitale schoolbord)"
        "\n- leraar24.nl/dossier/74 (Dossier het digitale schoolbord)"
        "\n- digiborden.kennisnet.nl\n"
    ) in schoolbord
    assert "Voorbeeld: Het digitale schoolbord (leraar24.nl/video/638, leraar24.nl/dossier/74, digiborden.kennisnet.nl)" in tree
    assert "()" not in markdown and "()" not in tree
    # The profile's next steps too: A7b below its target has the digital schoolbord as its step.
    profile = score(make_result(kader, everything(kader) | {"A7b": 1}), kader, default_targets(kader))
    text = profile_markdown(profile)
    assert (
        "Zie: leraar24.nl/video/638 (Mogelijkheden digitale schoolbord); "
        "leraar24.nl/dossier/74 (Dossier het digitale schoolbord); digiborden.kennisnet.nl."
    ) in text
    assert "()" not in text


# -- the conversation sheet --------------------------------------------------------------------------------


def test_gesprek_marks_the_doelgroep_as_ictbekwaams(handreiking):
    # The Handreiking names no audience per theme: who it is for is ictbekwaam's reading.
    selecties = select(handreiking)
    assert len(selecties) == len(handreiking.themas) == 5
    sheet = gesprek_markdown(handreiking, selecties)
    assert "\n## Onderwijsvisie, kennis en vaardigheden\n\n*Voor:* bestuur, schoolleider, i-coach (doelgroep toegevoegd door ictbekwaam)\n" in sheet
    shown = lines(render(gesprek_renderable(handreiking, selecties)))
    for thema in handreiking.themas:
        voor = f"{', '.join(thema.doelgroep)} (doelgroep {ADDED})"
        assert f"\n## {md(thema.naam)}\n\n*Voor:* {md(voor)}\n\n**Hoofdvraag {thema.hoofdvraag.id}.**" in sheet, thema.id
        assert shown[shown.index(thema.naam) + 1] == f"Voor: {voor}", thema.id
    assert sheet.count(f"(doelgroep {ADDED})") == 5
    assert sum(f"(doelgroep {ADDED})" in line for line in shown) == 5
