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
from builders import everything, make_result

OEFENEN = load_oefenen()
ROOT = Path(__file__).resolve().parents[2]
# The shared original beside the checkout, else the copy in tests/sources (as conftest chooses).
SOURCES = next(p for p in (ROOT.parent / "shared" / "sources", ROOT / "tests" / "sources") if p.is_dir())
# The pattern of issue 13: five basisvaardigheden short, and three statements a level below their doel 2.
ISSUE_13 = {"BV1": "deels", "BV2": "nee", "BV3": "deels", "BV4": "nee", "BV5": "deels", "A4a": 1, "A12": 1, "C5": 1}


def profile_of(kader, answers: dict, targets: Targets | None = None, oefenen=OEFENEN, **kwargs):
    return score(make_result(kader, answers, **kwargs), kader, targets or default_targets(kader), oefenen)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", " ".join(text.split())) if s]


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
    assert [p.suggestion for p in basis.skills] == [OEFENEN[i] for i in ("BV2", "BV4", "BV1", "BV3", "BV5")]
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


def test_help_and_evidence_name_the_statement_never_a_person(kader):
    point = profile_of(kader, everything(kader) | {"A5": 1}).priorities[0]
    assert point.help == "de i-coach, of een collega die op A5 hoog scoort: vragen hoe die het aanpakt, en een keer meekijken."
    assert point.evidence == "een eigen voorbeeld bij A5 laten zien en uitleggen wat ict daarin toevoegde."


def test_the_issue_13_pattern_never_says_a_sentence_twice(kader):
    profile = profile_of(kader, everything(kader) | ISSUE_13)
    said = []
    for point in profile.priorities:
        said += sentences(" ".join([point.reason, point.advice, point.help, point.evidence]))
        said += [s for p in point.skills for s in sentences(p.suggestion)]
        said += [s for v in point.steps if point.described_at(v.id) is None for s in sentences(v.omschrijving)]
    assert len(said) > 20
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]


def own_kader(tmp_path, change) -> object:
    data = yaml.safe_load(builtin_kader_path().read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "kader.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_kader(path)


def test_a_schools_own_basisvaardigheden_get_a_general_sentence(tmp_path):
    def rename(data):
        for n, item in enumerate(data["basisvaardigheden"]["items"], start=1):
            item["id"] = f"DV{n}"

    own = own_kader(tmp_path, rename)
    profile = profile_of(own, everything(own) | {"DV1": "nee", "DV2": "deels", "A5": 1})
    basis = profile.priorities[0]
    assert [p.suggestion for p in basis.skills] == [
        "Een collega of de i-coach vragen om DV1 een keer voor te doen, en het daarna zelf proberen met eigen lesmateriaal.",
        "Een collega of de i-coach vragen om DV2 een keer voor te doen, en het daarna zelf proberen met eigen lesmateriaal.",
    ]
    # Without the suggestions file at all (score called without it): the same general sentences.
    assert profile_of(own, everything(own) | {"DV1": "nee", "DV2": "deels", "A5": 1}, oefenen=None) == profile


def test_a_statement_without_voorbeelden_gets_its_own_advice(tmp_path):
    own = own_kader(tmp_path, lambda data: data.update(voorbeelden=[]))
    profile = profile_of(own, everything(own) | {"A5": 1, "B1": 1})
    assert [p.advice for p in profile.priorities] == [
        "voor A5 één les of taak in de komende weken kiezen om dit bewust te doen, en vooraf en achteraf met de "
        "i-coach bespreken wat het opleverde.",
        "voor B1 één les of taak in de komende weken kiezen om dit bewust te doen, en vooraf en achteraf met de "
        "i-coach bespreken wat het opleverde.",
    ]
    assert all(p.steps == () for p in profile.priorities)


# --- invitations: rated high without an own example -------------------------------------------


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


def test_every_shipped_basisvaardigheid_has_its_own_suggestion(kader):
    ids = [i.id for i in kader.basisvaardigheden.items]
    assert sorted(OEFENEN) == sorted(ids)
    said = [s for text in OEFENEN.values() for s in sentences(text)]
    assert len(said) == len(set(said))
    for text in OEFENEN.values():
        # No form of address: the profile ("je") and the POP ("ik") show the same words.
        assert not re.search(r"\b(je|jij|jouw|u|uw|ik|mijn)\b", text, re.I), text
        assert text[0].isupper() and text.endswith(".")


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
