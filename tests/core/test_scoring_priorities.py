"""The development points, worked out by hand: the order rule, the grouped basisvaardigheden with
ictbekwaam's ways to practise them, next steps with descriptions, who helps, what shows progress,
and the invitations to show an own example. (The rule for every possible result: test_scoring_properties.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ictbekwaam.core.priorities import BASIS_NOTE, KADER_EVIDENCE, SUGGESTIE
from ictbekwaam.core.scoring import score
from ictbekwaam.files.loader import builtin_kader_path, load_kader, load_oefenen
from ictbekwaam.model.targets import Targets, default_targets
from builders import everything, make_result, sentences, without_ids

OEFENEN = load_oefenen()
ROOT = Path(__file__).resolve().parents[2]
# The shared original beside the checkout, else the copy in tests/sources (as conftest chooses).
SOURCES = next(p for p in (ROOT.parent / "shared" / "sources", ROOT / "tests" / "sources") if p.is_dir())
# The pattern of issue 13: five basisvaardigheden short, and three statements a level below their doel 2.
ISSUE_13 = {"BV1": "deels", "BV2": "nee", "BV3": "deels", "BV4": "nee", "BV5": "deels", "A4a": 1, "A12": 1, "C5": 1}


def profile_of(kader, answers: dict, targets: Targets | None = None, oefenen=OEFENEN, **kwargs):
    return score(make_result(kader, answers, **kwargs), kader, targets or default_targets(kader), oefenen)


def practice(kader, item_id: str) -> str:
    """ictbekwaam's way to practise the shipped basisvaardigheid ``item_id``."""
    return OEFENEN.practice_for(kader.item(item_id).stelling)


def guidance_said(profile, kader) -> list[str]:
    """The sentences of ictbekwaam's guidance in the points and invitations, ids replaced by "<id>".

    The reasons (a point's own figures) and the Kader's descriptions are left out: they are about one
    statement by nature; what must never repeat with only an id changed is the advice.
    """
    said = []
    for point in profile.priorities + profile.growth:
        said += sentences(" ".join([point.advice, point.help, point.evidence, point.general]))
        said += [s for p in point.skills for s in sentences(p.suggestion)]
    said += [s for invitation in profile.invitations for s in sentences(invitation.text())]
    return [without_ids(s, kader) for s in said]


# --- the order rule -----------------------------------------------------------------------


def test_the_issue_13_pattern_gives_one_basis_point_and_the_kerntaak_points(kader):
    profile = profile_of(kader, everything(kader) | ISSUE_13)
    assert [(p.rank, p.id, p.kind) for p in profile.priorities] == [
        (1, "basisvaardigheden", "basisvaardigheden"),
        (2, "A4a", "kerntaak"),
        (3, "A12", "kerntaak"),
        (4, "C5", "kerntaak"),  # as heavy as A12 (one level), so not cut off
    ]
    basis = profile.priorities[0]
    # The most missing first (nee), then kader order.
    assert [(p.item.id, p.item.answer_label) for p in basis.skills] == [
        ("BV2", "Nee"), ("BV4", "Nee"), ("BV1", "Deels"), ("BV3", "Deels"), ("BV5", "Deels"),
    ]
    assert [p.suggestion for p in basis.skills] == [practice(kader, i) for i in ("BV2", "BV4", "BV1", "BV3", "BV5")]
    assert basis.unpractised == ()
    assert basis.general == ""  # every shipped skill has its own way to practise
    assert basis.advice == BASIS_NOTE and SUGGESTIE in basis.advice
    assert basis.gap == 1 + 1 + 0.5 + 0.5 + 0.5
    assert basis.section_naam == "Digitale basisvaardigheden"


def test_a_basis_point_leaves_room_for_at_least_two_kerntaak_points(kader):
    # A5 2 levels short, B2 and C1 one: with the basis point, two kerntaak points make three.
    profile = profile_of(kader, everything(kader) | {"BV2": "deels", "BV1": "nee", "A5": 1, "C1": 2, "B2": 2})
    assert [p.id for p in profile.priorities] == ["basisvaardigheden", "A5", "B2", "C1"]  # C1 as heavy as B2


def test_without_basis_gaps_three_kerntaak_points_and_ties_up_to_five(kader):
    # Six statements with doel 3 at level 1: kader order decides, five is the limit (A1, 1 level, is lighter).
    answers = everything(kader) | {"C2": 1, "C1": 1, "B3": 1, "B1": 1, "A6": 1, "A5": 1, "A1": 2}
    assert [p.id for p in profile_of(kader, answers).priorities] == ["A5", "A6", "B1", "B3", "C1"]


def test_the_largest_kerntaak_gap_first_whatever_the_basisvaardigheden(kader):
    # Three "deels" skills never hide a gap of two levels: the skills are one point.
    answers = everything(kader) | {"BV1": "deels", "BV2": "deels", "BV3": "deels", "A9": 1, "C3": 1, "A1": 2}
    assert [p.id for p in profile_of(kader, answers).priorities] == ["basisvaardigheden", "C3", "A1", "A9"]


def test_only_basisvaardigheden_below_target_is_one_point(kader):
    profile = profile_of(kader, everything(kader) | {"BV7": "nee"})
    assert [p.id for p in profile.priorities] == ["basisvaardigheden"]
    assert profile.growth == ()


# --- next steps, help and evidence ----------------------------------------------------------


def test_next_steps_are_the_linked_voorbeelden_and_one_described_earlier_is_referred_to(kader):
    profile = profile_of(kader, everything(kader) | {"A5": 1, "A12": 1, "A6": 1})
    steps = {p.id: [v.id for v in p.steps] for p in profile.priorities}
    # A6 is named first by none of its four voorbeelden: kader order, at most two.
    assert steps == {
        "A5": ["computersimulaties", "webquests"],
        "A6": ["digitaal-schoolbord", "leren-op-afstand"],
        "A12": ["computersimulaties", "webquests"],
    }
    a12 = profile.priorities[2]
    assert a12.earlier == (("computersimulaties", 1), ("webquests", 1))
    assert a12.described_at("webquests") == 1 and profile.priorities[0].described_at("webquests") is None
    assert [r.url for r in profile.priorities[0].steps[1].verwijzingen] == ["leraar24.nl/video/3232"]
    assert profile.priorities[0].advice == ""


def test_who_helps_is_per_kerntaak_and_what_to_do_and_show_per_statement(kader):
    # Before the review every point said "de i-coach, of een collega die op A5 hoog scoort: vragen hoe die het
    # aanpakt, en een keer meekijken." and "een eigen voorbeeld bij A5 laten zien …", with only the id changed.
    points = {p.id: p for p in profile_of(kader, everything(kader) | {"A5": 1, "B1": 1, "C3": 1}).priorities}
    points |= {p.id: p for p in profile_of(kader, everything(kader) | {"A12": 1}).priorities}
    assert points["A5"].help == (
        "een collega die dit al in de les doet, of de i-coach: samen één les voorbereiden waarin het leerdoel bepaalt "
        "welk ict-middel er komt, en die les daarna nabespreken."
    )
    assert points["A12"].help.startswith("een collega die dit al in de les doet, of de i-coach: een keer meekijken in een les met een computersimulatie")
    assert points["B1"].help.startswith("de ict-coördinator, of een collega die de systemen van de school goed kent: samen de absentie-")
    assert points["C3"].help.startswith("collega's in een leergroep of op een vakplatform, of de i-coach: een eerste eigen bijdrage")
    assert points["A5"].evidence == (
        "een lesvoorbereiding waarin leerdoel, werkvorm en ict-middel bij elkaar passen, en waarom juist dit middel."
    )
    assert points["A12"].evidence == (
        "een les waarin leerlingen met een simulatie of een webquest iets onderzochten, en wat ze daardoor ontdekten."
    )
    # Never a name; no form of address (the POP says "ik", the profile "je").
    for point in points.values():
        assert not re.search(r"\b(je|jij|jouw|u|uw|ik|mijn)\b", point.help + point.evidence, re.I)


def test_the_issue_13_pattern_never_says_a_sentence_twice_not_even_with_another_id(kader):
    profile = profile_of(kader, everything(kader) | ISSUE_13)
    said = guidance_said(profile, kader)
    said += [s for p in profile.priorities for s in sentences(p.reason)]  # the reasons with their ids
    said += [s for p in profile.priorities for v in p.steps if p.described_at(v.id) is None for s in sentences(v.omschrijving)]
    assert len(said) > 20
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]


def own_kader(tmp_path, change) -> object:
    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "kader.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_kader(path)


def test_a_suggestion_is_used_only_for_the_statement_it_was_written_for(tmp_path):
    # A school's BV2 is about Teams, not about managing files: before the review it got the file-management
    # suggestion (looked up by id). BV1 keeps its statement under another id, DB1: it keeps its suggestion.
    def change(data):
        items = data["basisvaardigheden"]["items"]
        items[0]["id"] = "DB1"
        items[0]["stelling"] = "  ik kan in de onderwijscontext apparaten gebruiken, zoals de beamer, het digitale schoolbord en digitale video- en audioapparatuur"
        items[1]["stelling"] = "Ik kan lesgeven met Microsoft Teams en OneNote."

    own = own_kader(tmp_path, change)
    kader = load_kader()
    basis = profile_of(own, everything(own) | {"DB1": "nee", "BV2": "nee", "A5": 1}).priorities[0]
    assert [(p.item.id, p.suggestion) for p in basis.skills] == [("DB1", practice(kader, "BV1")), ("BV2", "")]
    assert basis.general == (
        "Voor BV2 heeft ictbekwaam geen eigen suggestie: één taak uit het eigen werk kiezen waarin deze vaardigheid "
        "nodig is, die een paar keer doen en bijhouden wat nog lastig is."
    )
    assert basis.unpractised == ("BV2",)


def test_a_schools_own_basisvaardigheden_share_one_general_line(tmp_path):
    def rename(data):
        for n, item in enumerate(data["basisvaardigheden"]["items"], start=1):
            item["id"] = f"DV{n}"
            item["stelling"] = f"Ik kan werken met systeem {n} van de school."

    own = own_kader(tmp_path, rename)
    profile = profile_of(own, everything(own) | {"DV1": "nee", "DV2": "deels", "DV3": "nee", "A5": 1})
    basis = profile.priorities[0]
    # One line for the three together, not the same sentence three times above "Wie kan helpen: … voordoet".
    assert [p.suggestion for p in basis.skills] == ["", "", ""]
    assert basis.general == (
        "Voor DV1, DV3 en DV2 heeft ictbekwaam geen eigen suggestie: één taak uit het eigen werk kiezen waarin deze "
        "vaardigheden nodig zijn, die een paar keer doen en bijhouden wat nog lastig is."
    )
    assert "voordoet" not in basis.general
    # Without ictbekwaam's texts at all (score called without them): the same.
    assert profile_of(own, everything(own) | {"DV1": "nee", "DV2": "deels", "DV3": "nee", "A5": 1}, oefenen=None).priorities[0] == basis


def test_statements_ictbekwaam_has_no_texts_for_get_general_ones_once(tmp_path):
    # A school's own kader without voorbeelden, whose A5, A6 and B1 read differently: the general advice and
    # help once, at the first point; the evidence names each statement.
    def change(data):
        data.update(voorbeelden=[])
        for kerntaak in data["kerntaken"]:
            for item in kerntaak["items"]:
                item["stelling"] = f"Ik werk op school aan onderdeel {item['id'].lower()}."

    own = own_kader(tmp_path, change)
    profile = profile_of(own, everything(own) | {"A5": 1, "A6": 1, "B1": 1})
    assert [p.id for p in profile.priorities] == ["A5", "A6", "B1"]
    assert [p.advice for p in profile.priorities] == [
        "één les of taak in de komende weken kiezen om dit bewust te doen, en vooraf en achteraf met de i-coach "
        "bespreken wat het opleverde.",
        "",
        "",
    ]
    assert [p.help for p in profile.priorities] == [
        "een collega die dit al in de les doet, of de i-coach: vragen hoe die het aanpakt, en een keer meekijken.",
        "",
        "de ict-coördinator, of een collega die de systemen van de school goed kent: vragen hoe die het aanpakt, en "
        "een keer meekijken.",
    ]
    assert profile.priorities[1].evidence == (
        "een eigen voorbeeld bij de stelling ‘Ik werk op school aan onderdeel a6’, en wat ict daarin toevoegde."
    )
    assert all(p.steps == () for p in profile.priorities)
    said = guidance_said(profile, own)
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]


def test_a_kerntaak_of_the_schools_own_gets_kind_general_helpers(tmp_path):
    def change(data):
        data["kerntaken"][2]["id"] = "D"
        for voorbeeld in data["voorbeelden"]:
            voorbeeld["kerntaak"] = "D" if voorbeeld["kerntaak"] == "C" else voorbeeld["kerntaak"]
        data["kerntaken"][2]["items"][2]["stelling"] = "Ik deel kennis in de leergroep van de school."

    own = own_kader(tmp_path, change)
    point = profile_of(own, everything(own) | {"C3": 1}).priorities[0]
    assert point.help == (
        "de i-coach, of een collega die hier al goed in is: vragen hoe die een voorbeeld als ‘Online platforms en "
        "community’s’ aanpakt, en een keer meekijken."
    )
    assert point.evidence == "een eigen voorbeeld zoals ‘Online platforms en community’s’, en wat ict daarin toevoegde."


# --- invitations: rated high without an own example -------------------------------------------


def test_a_teacher_at_1_on_a_target_of_1_is_not_asked_for_an_example(kader):
    # A school's targets at 1: a teacher at 1 is "on target", but does not do it yet; there is nothing to show.
    targets = Targets({**default_targets(kader).per_item, **{i.id: 1 for k in kader.kerntaken for i in k.items}}, "t")
    answers = everything(kader, level=1) | {"B3": 2}
    profile = profile_of(kader, answers, targets)
    # Only B has a statement at 2 or higher (B3); A and C are all at 1.
    assert [i.kerntaak for i in profile.invitations] == ["B"]
    assert profile_of(kader, everything(kader, level=1), targets).invitations == ()


def test_an_invitation_says_how_many_statements_count(kader):
    # C: only C1 answered with a level (4), the others open or "niet van toepassing". Before the review:
    # "je zit bij alle stellingen op of boven je doel", when one of five counted.
    answers = everything(kader) | {"C1": 4, "C2": "nvt", "C3": "nvt", "C5": "nvt"}
    del answers["C4"]
    invitation = profile_of(kader, answers, evidence={"A": ("x", ""), "B": ("y", "")}).invitations[0]
    assert invitation.text() == (
        "Kerntaak C (Professionele ontwikkeling): je zit bij C1 op niveau 4 (Voorbeeld voor anderen), alleen staat er "
        "nog geen eigen voorbeeld bij: welk voorbeeld uit je werk laat dat zien, en wat voegde het toe?"
    )
    answers |= {"C1": 3, "C2": 3}
    invitation = profile_of(kader, answers, evidence={"A": ("x", ""), "B": ("y", "")}).invitations[0]
    assert invitation.text(ik=True).startswith(
        "Kerntaak C (Professionele ontwikkeling): ik zit bij alle 2 stellingen die ik met een niveau beantwoordde, op "
        "of boven mijn doel, alleen"
    )
    answers |= {"C2": "nvt"}
    invitation = profile_of(kader, answers, evidence={"A": ("x", ""), "B": ("y", "")}).invitations[0]
    assert invitation.text().startswith(
        "Kerntaak C (Professionele ontwikkeling): je zit bij de ene stelling die je met een niveau beantwoordde, op of "
        "boven je doel, alleen"
    )


def test_a_kerntaak_on_target_without_an_example_gets_an_invitation(kader):
    profile = profile_of(kader, everything(kader) | {"A5": 1, "C1": 4}, evidence={"C": ("", "")})
    # A has a gap and no statement at 4: no invitation. B is on target; C is on target with C1 at 4.
    assert [(i.kerntaak, i.all_on_target, i.top) for i in profile.invitations] == [("B", True, ()), ("C", True, ("C1",))]
    assert profile.invitations[1].text() == (
        "Kerntaak C (Professionele ontwikkeling): je zit bij alle stellingen op of boven je doel, bij C1 zelfs op "
        "niveau 4 (Voorbeeld voor anderen), alleen staat er nog geen eigen voorbeeld bij: welk voorbeeld uit je "
        "werk laat dat zien, en wat voegde het toe?"
    )
    assert profile.invitations[0].text(ik=True) == (
        "Kerntaak B (Werken in de schoolcontext): ik zit bij alle stellingen op of boven mijn doel, alleen staat er "
        "nog geen eigen voorbeeld bij: welk voorbeeld uit mijn werk laat dat zien, en wat voegde het toe?"
    )


def test_a_statement_at_the_top_level_invites_too_and_an_example_ends_it(kader):
    answers = everything(kader) | {"A5": 1, "A8": 4, "A9": 4}
    invitation = profile_of(kader, answers, evidence={"B": ("Ouderportaal", ""), "C": ("Vakcommunity", "")}).invitations
    assert [(i.kerntaak, i.all_on_target, i.top) for i in invitation] == [("A", False, ("A8", "A9"))]
    assert invitation[0].text().startswith(
        "Kerntaak A (Pedagogisch-didactisch handelen): je zit bij A8 en A9 op niveau 4 (Voorbeeld voor anderen), alleen"
    )
    assert profile_of(kader, answers, evidence={k: ("Mijn voorbeeld", "") for k in "ABC"}).invitations == ()


def test_everything_at_the_top_is_said_without_listing_every_statement(kader):
    invitation = profile_of(kader, everything(kader, level=4)).invitations[1]
    assert invitation.text().startswith("Kerntaak B (Werken in de schoolcontext): je zit bij alle stellingen op niveau 4")


def test_nothing_counted_invites_nothing(kader):
    assert profile_of(kader, {"BV1": "ja"}, complete=False).invitations == ()


# --- the data: ictbekwaam's ways to practise, and the Kader's own idea ------------------------------


def test_every_shipped_statement_has_ictbekwaams_own_texts(kader):
    # Each text is found by the statement it was written for: data/oefenen.yaml follows data/kader.yaml.
    suggestions = [practice(kader, i.id) for i in kader.basisvaardigheden.items]
    assert all(suggestions) and len(OEFENEN.practice) == len(suggestions)
    statements = [(k.id, OEFENEN.statement(i.stelling)) for k in kader.kerntaken for i in k.items]
    assert all(texts is not None and texts.kerntaak == k for k, texts in statements), [k for k, t in statements if t is None]
    assert len(OEFENEN.statements) == len(statements)
    assert sorted(OEFENEN.helpers) == [k.id for k in kader.kerntaken]
    texts = suggestions + [t.hulp for _, t in statements] + [t.bewijs for _, t in statements]
    said = [s for text in texts for s in sentences(text)]
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]
    for text in texts + list(OEFENEN.helpers.values()):
        # No form of address: the profile ("je") and the POP ("ik") show the same words.
        assert not re.search(r"\b(je|jij|jouw|u|uw|ik|mijn)\b", text, re.I), text
    for text in suggestions:
        assert text[0].isupper() and text.endswith(".")
    for text in [t.hulp for _, t in statements] + [t.bewijs for _, t in statements]:
        assert text[0].islower() and text.endswith("."), text  # they complete "Wie kan helpen: …: " and "Zo laat je groei zien: "


@pytest.mark.parametrize("where", ["kader.yaml", "source"])
def test_the_kaders_idea_is_quoted_verbatim_from_chapter_4(where):
    if where == "kader.yaml":
        text = builtin_kader_path().read_text(encoding="utf-8")
        assert f"En in hoofdstuk 4: “{KADER_EVIDENCE}”" in text
    else:
        source = (SOURCES / "kader-ict-bekwaamheid-leraren.txt").read_text(encoding="utf-8")
        flat = " ".join(source.split())
        # In chapter 4 ("Effectief ict-gebruik"), after chapter 3 ("Digitale basisvaardigheden") has ended.
        assert flat.index("3 Digitale basisvaardigheden") < flat.index("4 Effectief ict-gebruik") < flat.index(KADER_EVIDENCE)
