"""Properties of the scorer that must hold for every possible result and every set of targets."""

from __future__ import annotations

import random

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from ictbekwaam.model import result as results
from ictbekwaam.model.kader import BASISVAARDIGHEDEN
from ictbekwaam.files.loader import load_kader, load_oefenen
from ictbekwaam.core.scoring import Profile, score
from ictbekwaam.model.targets import Targets
from builders import sentences, without_ids

KADER = load_kader()
OEFENEN = load_oefenen()
ORDER = {item.id: n for n, item in enumerate(KADER.all_items())}
LEVELS = KADER.level_values()
CODES = KADER.checklist_codes()  # best first
NVT = KADER.schaal.niet_van_toepassing.code
ITEMS = KADER.all_items()
CHECKLIST = {i.id for i in KADER.basisvaardigheden.items}
BASE = results.new_result(KADER, "r-" + "cd" * 16)


def _choices(choices_per_item: list[list]):  # type: ignore[no-untyped-def]
    """One choice per item of the kader, all drawn in one go.

    One byte per item instead of one sampled_from per item: hypothesis draws
    (and shrinks) a single value, six times faster, with the same choices.
    """
    ids = [i.id for i in ITEMS]
    return st.binary(min_size=len(ids), max_size=len(ids)).map(
        lambda picks: {k: c[p % len(c)] for k, c, p in zip(ids, choices_per_item, picks)}
    )


answers_st = _choices([[None, *CODES] if i.id in CHECKLIST else [None, NVT, *LEVELS] for i in ITEMS]).map(
    lambda d: {k: v for k, v in d.items() if v is not None}
)
targets_st = _choices([CODES if i.id in CHECKLIST else LEVELS for i in ITEMS]).map(
    lambda d: Targets(d, "willekeurige doelen")
)


def profile(answers: dict, targets: Targets) -> Profile:
    return score(msgspec.structs.replace(BASE, answers=answers), KADER, targets, OEFENEN)


def figures(p: Profile) -> list[tuple]:
    return [(s.counted, s.on_target, s.total_gap, s.mean_level, s.mean_score) for s in p.sections]


def raised(item_id: str, value):
    """The answer one step better, or None when it cannot go higher."""
    if item_id in CHECKLIST:
        at = CODES.index(value)
        return CODES[at - 1] if at > 0 else None
    return value + 1 if value < max(LEVELS) else None


@given(answers_st, targets_st)
def test_a_gap_is_never_negative(answers, targets):
    p = profile(answers, targets)
    for item in p.items:
        assert item.gap is None or item.gap >= 0
    for section in p.sections:
        assert section.total_gap >= 0
        assert section.total_gap == sum(i.gap for i in section.items if i.gap is not None)
        assert section.counted + len(section.nvt) + len(section.open) == len(section.items)
        assert 0 <= section.on_target <= section.counted


@given(answers_st, targets_st)
def test_raising_one_answer_never_raises_any_gap(answers, targets):
    # Every answer that can be raised, one at a time: hypothesis would mostly draw the first few.
    before = profile(answers, targets)
    for item_id in sorted(k for k, v in answers.items() if v != NVT and raised(k, v) is not None):
        after = profile({**answers, item_id: raised(item_id, answers[item_id])}, targets)
        for old, new in zip(before.items, after.items):
            assert (old.gap is None) == (new.gap is None)
            if old.gap is not None:
                assert new.gap <= old.gap
        for old_s, new_s in zip(before.sections, after.sections):
            assert new_s.total_gap <= old_s.total_gap
            assert new_s.on_target >= old_s.on_target


@given(answers_st, targets_st)
def test_niet_van_toepassing_never_counts_as_a_gap(answers, targets):
    p = profile(answers, targets)
    nvt_ids = {k for k, v in answers.items() if v == NVT}
    for item in p.items:
        if item.id in nvt_ids:
            assert item.status == "nvt"
            assert item.gap is None and item.on_target is None
    assert not {pr.id for pr in p.priorities + p.growth} & nvt_ids
    # "niet van toepassing" weighs exactly as much as no answer at all: nothing.
    without = profile({k: v for k, v in answers.items() if v != NVT}, targets)
    assert figures(p) == figures(without)
    assert p.priorities == without.priorities


@given(answers_st, targets_st, st.randoms(use_true_random=False))
def test_the_order_of_the_answers_never_changes_the_profile(answers, targets, rnd: random.Random):
    keys = list(answers)
    rnd.shuffle(keys)
    assert profile({k: answers[k] for k in keys}, targets) == profile(answers, targets)


@given(answers_st, targets_st)
def test_the_order_rule_of_the_points(answers, targets):
    p = profile(answers, targets)
    basis_gaps = [i for i in p.basisvaardigheden.items if i.gap]
    kerntaak_gaps = sorted((i for s in p.kerntaken for i in s.items if i.gap), key=lambda i: (-i.gap, ORDER[i.id]))
    points = p.priorities
    # The basisvaardigheden below target are one point, the first, listing every one of them.
    assert [q.is_basis for q in points] == [True] * bool(basis_gaps) + [False] * (len(points) - bool(basis_gaps))
    if basis_gaps:
        assert sorted(s.item.id for s in points[0].skills) == sorted(i.id for i in basis_gaps)
    # The kerntaak points: the heaviest gaps, in order (so a heavier gap is never left out for a lighter
    # one, and a gap of two levels never hides behind "deels" skills).
    shown = [q.item for q in points if not q.is_basis]
    assert shown == kerntaak_gaps[: len(shown)]
    hidden = kerntaak_gaps[len(shown) :]
    assert all(h.gap <= s.gap for h in hidden for s in shown)
    # Bounds: at most five; at least three when there are that many; at least two kerntaak points.
    candidates = bool(basis_gaps) + len(kerntaak_gaps)
    assert min(3, candidates) <= len(points) <= 5
    assert len(shown) >= min(2, len(kerntaak_gaps))
    # Equal points are not cut off at random: one left out is lighter than the last shown, or there was no room.
    if hidden and len(points) < 5:
        assert hidden[0].gap < shown[-1].gap
    assert [q.rank for q in points] == list(range(1, len(points) + 1))
    if not basis_gaps and not kerntaak_gaps:
        assert points == ()


@given(answers_st, targets_st)
def test_no_sentence_is_said_twice_not_even_with_another_id(answers, targets):
    p = profile(answers, targets)
    # ictbekwaam's guidance, with every id replaced by "<id>": "… op A4a …" and "… op A12 …" are one sentence.
    said = []
    for point in p.priorities + p.growth:
        said += sentences(" ".join([point.advice, point.help, point.evidence, point.general]))
        said += [s for practice in point.skills for s in sentences(practice.suggestion)]
    said += [s for invitation in p.invitations for s in sentences(invitation.text())]
    said = [without_ids(s, KADER) for s in said]
    # The reasons (each point's own figures, with its id) and the Kader's descriptions, as they are.
    said += [s for point in p.priorities + p.growth for s in sentences(point.reason)]
    said += [s for q in p.priorities + p.growth for v in q.steps if q.described_at(v.id) is None for s in sentences(v.omschrijving)]
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]


@given(answers_st, targets_st)
def test_growth_goes_to_the_next_level(answers, targets):
    p = profile(answers, targets)
    top = max(LEVELS)
    for point in p.growth:
        assert point.next_level is not None and point.next_level[0] == point.item.level + 1
        assert ("collega's ermee op weg helpen" in point.reason) == (point.next_level[0] == top)
        assert (point.help == "") == (point.next_level[0] == top)


@given(answers_st, targets_st)
def test_an_invitation_for_every_kerntaak_rated_high_without_an_example(answers, targets):
    p = profile(answers, targets)  # no own examples in these results
    top = max(LEVELS)
    # ... and with a statement above the lowest level: nothing to show an example of otherwise.
    expected = [
        s.id
        for s in p.kerntaken
        if s.counted
        and (s.on_target == s.counted or any(i.level == top for i in s.items))
        and any(i.level is not None and i.level > min(LEVELS) for i in s.items)
    ]
    assert [i.kerntaak for i in p.invitations] == expected
