"""Properties of the scorer that must hold for every possible result and every set of targets."""

from __future__ import annotations

import random

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from ictbekwaam.model import result as results
from ictbekwaam.model.kader import BASISVAARDIGHEDEN
from ictbekwaam.files.loader import load_kader
from ictbekwaam.core.scoring import Profile, score
from ictbekwaam.model.targets import Targets

KADER = load_kader()
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
    return score(msgspec.structs.replace(BASE, answers=answers), KADER, targets)


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
    assert not {pr.item.id for pr in p.priorities + p.growth} & nvt_ids
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
def test_priorities_are_three_to_five_gaps_in_order(answers, targets):
    p = profile(answers, targets)
    gaps = [i for i in p.items if i.gap]
    assert len(p.priorities) == min(len(gaps), 3) or 3 <= len(p.priorities) <= 5
    assert len(p.priorities) <= 5
    assert all(pr.item.gap for pr in p.priorities)
    sections = [pr.item.section == BASISVAARDIGHEDEN for pr in p.priorities]
    assert sections == sorted(sections, reverse=True)  # basisvaardigheden first
    if any(i.section == BASISVAARDIGHEDEN for i in gaps):
        assert p.priorities[0].item.section == BASISVAARDIGHEDEN
    if not gaps:
        assert p.priorities == ()
