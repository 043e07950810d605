"""Properties of the team aggregation, for any team (hypothesis).

- one more respondent changes the counts by exactly one;
- every mean, median and share lies within its scale;
- suppression never shows a figure for fewer than the minimum, and nothing
  hidden can be recovered by subtracting the shown groups from the total.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ictbekwaam.core.team.profile import build_profile
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.files.loader import load_kader
from ictbekwaam.model.result import Context, Result, kader_ref
from ictbekwaam.model.targets import default_targets

KADER = load_kader()
TARGETS = default_targets(KADER)
ITEMS = [i.id for i in KADER.all_items()]
BASIS = {i.id for i in KADER.basisvaardigheden.items}
LEVELS = KADER.level_values()
CODES = KADER.checklist_codes()
NVT = KADER.schaal.niet_van_toepassing.code
TEAMS = ["a", "b", "c", "d", None]
STAMP = datetime(2025, 1, 1, tzinfo=timezone.utc)
# A few items suffice to exercise every rule, and keep the runs fast (A1 has doel 3, A2a doel 2).
SAMPLE = ["BV1", "BV2", "A1", "A2a", "B1", "C1"]


def answer_strategy(item_id: str):
    if item_id in BASIS:
        return st.sampled_from([None, *CODES])
    return st.sampled_from([None, NVT, *LEVELS])


respondent = st.tuples(st.sampled_from(TEAMS), st.fixed_dictionaries({i: answer_strategy(i) for i in SAMPLE}))
teams = st.lists(respondent, max_size=40)


def result(n: int, team: str | None, answers: dict, complete: bool = True) -> Result:
    return Result(
        kader=kader_ref(KADER),
        created_at=STAMP,
        updated_at=STAMP,
        complete=complete,
        respondent={"id": f"r-{n:032x}", "naam": None},  # type: ignore[arg-type]
        context=Context(team=team),
        answers={k: v for k, v in answers.items() if v is not None},
    )


def profile(members, *, by=None, minimum=5):
    tally = Tally(KADER, by=by)
    for n, (team, answers) in enumerate(members):
        assert tally.add_result(_struct(result(n, team, answers)))
    return build_profile(tally, KADER, TARGETS, min_groep=minimum)


def _struct(r: Result) -> Result:
    # Build through the real decoder, as files are read (respondent as a Struct).
    from ictbekwaam.model.result import decode, encode

    return decode(encode(r))


@settings(max_examples=60)
@given(members=teams, extra=respondent)
def test_one_more_respondent_changes_every_count_by_exactly_one(members, extra):
    before = profile(members, minimum=1)
    after = profile([*members, extra], minimum=1)
    assert after.round.respondents == before.round.respondents + 1
    assert after.round.completed == before.round.completed + 1
    assert after.total.completed == (before.total.completed or 0) + 1
    for item_id in SAMPLE:
        pos = before.item_index(item_id)
        old, new = before.total.items[pos], after.total.items[pos]
        answered = extra[1][item_id] not in (None, NVT)
        if new is None:  # no answer that counts, before or after (minimum 1)
            assert old is None and not answered
            continue
        # Every completed respondent is in exactly one category of every item.
        assert sum(new.counts) + new.nvt + new.open == after.total.completed
        if old is None:
            assert answered and new.counted == 1
            continue
        diffs = [b - a for a, b in zip((*old.counts, old.nvt, old.open), (*new.counts, new.nvt, new.open))]
        assert sorted(diffs) == [0] * (len(diffs) - 1) + [1]  # exactly one category grew, by one
        assert new.counted == old.counted + (1 if answered else 0)


@settings(max_examples=60)
@given(members=teams, minimum=st.integers(1, 6), by=st.sampled_from([None, "team"]))
def test_every_figure_lies_within_its_scale(members, minimum, by):
    p = profile(members, by=by, minimum=minimum)
    for column in p.columns:
        for info, figures in [*zip(p.items, column.items), *zip(p.sections, column.sections)]:
            if figures is None:
                continue
            if info.checklist:
                assert 0.0 <= figures.mean <= 1.0
                assert figures.median is None
            else:
                assert min(LEVELS) <= figures.mean <= max(LEVELS)
                assert min(LEVELS) <= figures.median <= max(LEVELS)
            assert 0.0 <= figures.share_on_target <= 1.0
            assert figures.mean_gap >= 0
            assert figures.counted == sum(figures.counts) >= minimum


def _raw_counted(members, item_id):
    """Answers that count per team, computed here from the raw data (independently of the code under test)."""
    out: dict[str | None, int] = {}
    for team, answers in members:
        value = answers[item_id]
        out.setdefault(team, 0)
        if value is not None and value != NVT:
            out[team] += 1
    return out


@given(members=teams, minimum=st.integers(2, 6))
def test_suppression_never_shows_or_leaks_a_small_group(members, minimum):
    p = profile(members, by="team", minimum=minimum)
    sizes: dict[str | None, int] = {}
    for team, _ in members:
        sizes[team] = sizes.get(team, 0) + 1
    label_of = {t: ("(geen team opgegeven)" if t is None else f"{t} (geen school opgegeven)") for t in sizes}
    groups = {t: next(g for g in p.groups if g.label == label_of[t]) for t in sizes}
    assert len(p.groups) == len(sizes)
    assert set(groups) == set(sizes)

    # Columns: shown only with enough respondents; the hidden ones together are safe.
    for team, group in groups.items():
        if group.shown:
            assert sizes[team] >= minimum and group.completed == sizes[team]
        else:
            assert group.completed is None and group.respondents is None
            assert all(f is None for f in group.items) and all(f is None for f in group.sections)
    hidden = [t for t, g in groups.items() if not g.shown]
    if p.total.shown and hidden:
        assert len(hidden) >= 2 and sum(sizes[t] for t in hidden) >= minimum
        # What subtraction gives: the total minus the shown groups = the hidden groups together.
        assert p.total.completed - sum(g.completed for g in groups.values() if g.shown) == sum(sizes[t] for t in hidden)

    # Item cells, row by row.
    for item_id in SAMPLE:
        pos = p.item_index(item_id)
        raw = _raw_counted(members, item_id)
        total = p.total.items[pos]
        for team, group in groups.items():
            cell = group.items[pos]
            if cell is not None:
                assert cell.counted == raw[team] >= minimum
        if total is None:
            assert all(g.items[pos] is None for g in groups.values())
            continue
        assert total.counted >= minimum
        hidden_cells = [t for t, g in groups.items() if g.items[pos] is None]
        if hidden_cells:
            assert len(hidden_cells) >= 2
            recovered = [a - sum(g.items[pos].counts[n] for g in groups.values() if g.items[pos] is not None)
                         for n, a in enumerate(total.counts)]
            # The recoverable remainder is the hidden cells together: never fewer than the minimum answers.
            assert sum(recovered) == sum(raw[t] for t in hidden_cells) >= minimum

    # Pooled sections contain only shown items: nothing hidden flows into them.
    for column in p.columns:
        if not column.shown:
            continue
        for section, figures, left_out in zip(p.sections, column.sections, column.left_out):
            shown_items = [column.items[p.item_index(i)] for i in section.items if i not in left_out]
            assert all(f is not None for f in shown_items)
            if figures is not None:
                assert figures.counted == sum(f.counted for f in shown_items)


def test_all_items_are_sampled_from_the_kader():
    assert set(SAMPLE) <= set(ITEMS)


@pytest.mark.parametrize("minimum", [1, 5])
def test_empty_team(minimum):
    p = profile([], minimum=minimum)
    assert p.round.respondents == 0
    assert not p.total.shown
