"""Two rounds (core/team/rounds.py): who is compared, what the change is over, and what stays hidden, attacks included."""

from __future__ import annotations


import pytest

from builders import make_result, rid, varied
from ictbekwaam.core.team.profile import build_profile
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.model.result import Context
from ictbekwaam.model.targets import default_targets


@pytest.fixture(scope="module")
def targets(kader):
    return default_targets(kader)


def tally(kader, people, by=None) -> Tally:
    """people: (respondent number, answers, team or None)."""
    t = Tally(kader, by=by)
    for n, answers, team in people:
        assert t.add_result(make_result(kader, answers, respondent=rid(n), context=Context(school="De Brug", team=team)))
    return t


def profile(kader, targets, now, before, **options):
    return build_profile(now, kader, targets, previous=before, **options)


def test_only_people_in_both_rounds_are_compared(kader, targets):
    # Ten stay (level 2 then 3); five leave (level 4) and five join (level 1): both sides five, so shown.
    before = tally(kader, [(n, {"A1": 2}, None) for n in range(10)] + [(100 + n, {"A1": 4}, None) for n in range(5)])
    now = tally(kader, [(n, {"A1": 3}, None) for n in range(10)] + [(200 + n, {"A1": 1}, None) for n in range(5)])
    p = profile(kader, targets, now, before)
    assert p.in_both == 10
    (change,) = p.changes
    assert change.shown and change.in_both == 10
    a1 = next(c for c in change.items if c.id == "A1")
    # Over the ten only: not 2,7 (with the leavers) before, nor 2,3 (with the newcomers) now.
    assert (a1.before, a1.after, a1.delta) == (2.0, 3.0, 1.0)
    assert p.total.items[p.item_index("A1")].mean == pytest.approx(35 / 15)  # the report itself: everyone now
    assert "10 respondenten (gekoppeld op respondent-id en naam)" in p.comparison[0]


def everything_shown_for(change) -> dict[str, tuple[float, float]]:
    return {c.id: (c.before, c.after) for c in change.items if c.shown}


def test_eight_and_one_newcomer_recover_nothing(kader, targets):
    eight = {n: varied(kader, n) for n in range(8)}
    newcomer = varied(kader, 99)
    before = tally(kader, [(n, a, None) for n, a in eight.items()])
    now = tally(kader, [(n, a, None) for n, a in eight.items()] + [(8, newcomer, None)])  # the eight answer the same
    p = profile(kader, targets, now, before)
    assert p.in_both == 8
    (change,) = p.changes
    assert not change.shown and change.items == () and change.in_both is None
    # The attack of the issue: 9 x this round's mean - 8 x the eight's mean. Before, the report showed both.
    shown_now = {info.id: f.mean for info, f in zip(p.items, p.total.items) if f is not None}
    assert len(shown_now) == len(p.items)
    assert everything_shown_for(change) == {}  # no figure over the eight: nothing to subtract
    assert any("1 tot 4 respondenten bij of gingen er weg" in w for w in p.warnings)


def test_one_leaving_is_as_protected_as_one_joining(kader, targets):
    eight = {n: varied(kader, n) for n in range(8)}
    before = tally(kader, [(n, a, None) for n, a in eight.items()] + [(8, varied(kader, 99), None)])
    now = tally(kader, [(n, varied(kader, 50 + n), None) for n in eight])
    p = profile(kader, targets, now, before)
    (change,) = p.changes
    assert p.in_both == 8 and not change.shown  # the eight's previous figures minus last round's report: the leaver
    assert any("bij of gingen er weg" in w for w in p.warnings)


def test_five_joining_is_a_group_of_its_own_and_shown(kader, targets):
    before = tally(kader, [(n, varied(kader, n), None) for n in range(8)])
    now = tally(kader, [(n, varied(kader, 50 + n), None) for n in range(13)])
    p = profile(kader, targets, now, before)
    (change,) = p.changes
    assert change.shown and change.in_both == 8
    assert all(c.shown for c in change.items)
    assert p.warnings == ()


def test_a_team_with_a_newcomer_is_hidden_the_others_stay(kader, targets):
    onderbouw = [(n, varied(kader, n), "Onderbouw") for n in range(10)]
    bovenbouw = [(20 + n, varied(kader, 20 + n), "Bovenbouw") for n in range(8)]
    before = tally(kader, onderbouw + bovenbouw, by="team")
    newer = [(n, varied(kader, 70 + n), team) for n, _, team in onderbouw + bovenbouw]
    now = tally(kader, newer + [(99, varied(kader, 99), "Bovenbouw")], by="team")
    p = profile(kader, targets, now, before)
    shown = {c.label: c.shown for c in p.changes}
    # The whole team gained one: hidden; so is Bovenbouw. Onderbouw (same ten) stays: and its change cannot
    # be subtracted from a hidden whole-team change.
    assert shown == {"Heel het team": False, "De Brug · Bovenbouw": False, "De Brug · Onderbouw": True}
    assert "Geen verschil (te weinig respondenten) voor Heel het team en De Brug · Bovenbouw" in p.comparison[1]


def test_a_hidden_change_cannot_be_recovered_from_the_whole_team(kader, targets):
    # All three teams shown now (A 15, B 8, C 6). C has only four in both rounds: its change is hidden, and then
    # the whole team's change minus A's and B's would be C's four. Hiding B is not enough: B has no newcomers, so
    # its figures in this round's report are those of its people in both rounds, and (whole team - A) - B is C
    # again. Nor is hiding A: last round's report hid B and C together (C had four), and B's "before" (all of
    # last round's B) subtracted from that gives C's four of last round. Only the whole team's change is safe.
    def team(name, numbers, seed):
        return [(n, varied(kader, seed + n), name) for n in numbers]

    before = tally(kader, team("A", range(10), 0) + team("B", range(20, 28), 0) + team("C", range(40, 44), 0), by="team")
    now = tally(kader, team("A", range(15), 100) + team("B", range(20, 28), 100) + team("C", range(40, 46), 100), by="team")
    p = profile(kader, targets, now, before)
    assert all(c.shown for c in p.columns)
    shown = {c.label: c.shown for c in p.changes}
    assert shown == {"Heel het team": True, "De Brug · A": False, "De Brug · B": False, "De Brug · C": False}


def test_an_item_with_few_answers_hides_only_its_row(kader, targets):
    ids = range(6)
    before = tally(kader, [(n, {"A1": 2, "A2a": 2}, None) for n in ids])
    now = tally(kader, [(n, {"A1": 3, "A2a": "nvt" if n else 4}, None) for n in ids])
    (change,) = profile(kader, targets, now, before).changes
    rows = {c.id: c for c in change.items}
    assert rows["A1"].shown and not rows["A2a"].shown and rows["A2a"].before is None
    assert next(c for c in change.sections if c.id == "A").delta == 1.0  # pooled over A1 only


def test_a_smaller_minimum_shows_more(kader, targets):
    before = tally(kader, [(n, varied(kader, n), None) for n in range(4)])
    now = tally(kader, [(n, varied(kader, 10 + n), None) for n in range(4)])
    assert not profile(kader, targets, now, before).changes[0].shown
    assert profile(kader, targets, now, before, min_groep=3).changes[0].shown


def test_the_previous_round_must_be_tallied_alike(kader, targets):
    with pytest.raises(ValueError):
        build_profile(Tally(kader, by="team"), kader, targets, previous=Tally(kader))
