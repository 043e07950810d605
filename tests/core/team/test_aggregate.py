"""The team aggregation with hand-computed expectations: counts, figures, de-duplication, suppression, priorities."""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pytest

from ictbekwaam.core.team.profile import build_profile, profile_of
from ictbekwaam.core.team.records import TOO_FEW
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.model.result import Context, KaderRef, new_result
from ictbekwaam.model.targets import default_targets

_counter = iter(range(1, 10**6))


def rid(n: int | None = None) -> str:
    return f"r-{(n if n is not None else next(_counter)):032x}"


def make(kader, answers, *, respondent=None, complete=True, minutes=0, school=None, team=None, sector=None, naam=None, ref=None, **changes):
    base = new_result(kader, respondent or rid(), naam=naam, context=Context(school=school, team=team, sector=sector))
    if ref is not None:
        changes["kader"] = ref
    stamp = base.created_at + timedelta(minutes=minutes)
    return msgspec.structs.replace(base, answers=answers, complete=complete, updated_at=stamp, **changes)


@pytest.fixture(scope="module")
def targets(kader):
    return default_targets(kader)


FIVE = [
    {"A1": 1, "BV1": "ja"},
    {"A1": 2, "BV1": "ja"},
    {"A1": 3, "BV1": "deels", "A2a": 2},
    {"A1": 3, "BV1": "nee", "A2a": "nvt"},
    {"A1": 4, "BV1": "ja", "A2a": 4},
]


def test_item_figures_by_hand(kader, targets):
    profile = profile_of([make(kader, a) for a in FIVE], kader, targets)
    a1 = profile.item_figures(profile.total, "A1")
    # levels 1,2,3,3,4: counts per level, mean 13/5, median 3, on target (3) 3 of 5, gaps 2+1 over 5.
    assert a1.counts == (1, 1, 2, 1)
    assert a1.counted == 5 and a1.nvt == 0 and a1.open == 0
    assert a1.mean == pytest.approx(2.6)
    assert a1.median == 3.0
    assert a1.on_target == 3 and a1.share_on_target == pytest.approx(0.6)
    assert a1.mean_gap == pytest.approx(0.6)

    bv1 = profile.item_figures(profile.total, "BV1")
    # ja, ja, deels, nee, ja: coverage (1+1+0.5+0+1)/5 = 0.7; on target (ja) 3; gaps 0.5 + 1 over 5.
    assert bv1.counts == (3, 1, 1)
    assert bv1.mean == pytest.approx(0.7)
    assert bv1.median is None
    assert bv1.share_on_target == pytest.approx(0.6)
    assert bv1.mean_gap == pytest.approx(0.3)


def test_sections_pool_only_shown_items(kader, targets):
    profile = profile_of([make(kader, a) for a in FIVE], kader, targets)
    # A2a has 3 answers (2, 4 and one nvt; two open), 2 of which count: fewer than 5, so hidden ...
    assert profile.item_figures(profile.total, "A2a") is None
    # ... and left out of kerntaak A, which is then exactly A1.
    a = profile.section_figures(profile.total, "A")
    assert a == profile.item_figures(profile.total, "A1")
    assert "A2a" in profile.total.left_out[1]
    # Kerntaken without any shown item have no figures at all.
    assert profile.section_figures(profile.total, "B") is None


def test_minimum_of_one_shows_small_cells(kader, targets):
    profile = profile_of([make(kader, a) for a in FIVE], kader, targets, min_groep=1)
    a2a = profile.item_figures(profile.total, "A2a")
    assert (a2a.counts, a2a.nvt, a2a.open, a2a.counted) == ((0, 1, 0, 1), 1, 2, 2)
    assert a2a.mean == 3.0 and a2a.median == 3.0  # (2 + 4) / 2; median of two: their mean
    # Pooled kerntaak A: A1 (1,2,3,3,4) and A2a (2,4).
    a = profile.section_figures(profile.total, "A")
    assert a.counts == (1, 2, 2, 2)
    assert a.mean == pytest.approx(19 / 7)
    assert a.median == 3.0
    # Each against its own doel: A1 (3) 3 of 5, gaps 2 + 1; A2a (2, a chapter-4 statement in kader 1.1.0) both.
    assert (kader.default_target("A1"), kader.default_target("A2a")) == (3, 2)
    assert a.on_target == 5
    assert a.mean_gap == pytest.approx(3 / 7)


def test_latest_complete_result_counts_and_drafts_are_counted_not_scored(kader, targets):
    person, other, drafter = rid(), rid(), rid()
    results = [
        make(kader, {"A1": 1}, respondent=person, minutes=0),
        make(kader, {"A1": 4}, respondent=person, minutes=10),  # newer: counts
        make(kader, {"A1": 2}, respondent=person, minutes=20, complete=False),  # newer draft: set aside
        make(kader, {"A1": 3}, respondent=other, minutes=5),
        make(kader, {"A1": 1}, respondent=drafter, complete=False),
    ]
    tally = Tally(kader)
    for r in results:
        assert tally.add_result(r)
    profile = build_profile(tally, kader, targets, min_groep=1)
    assert (profile.round.valid, profile.round.respondents, profile.round.completed) == (5, 3, 2)
    assert profile.round.drafts_only == 1
    assert profile.round.set_aside == 2
    assert profile.item_figures(profile.total, "A1").counts == (0, 0, 1, 1)
    assert any("alleen een concept" in n for n in profile.notes)
    assert any("2 oudere of dubbele resultaten" in n for n in profile.notes)


def test_order_of_files_does_not_matter_except_for_equal_times(kader, targets):
    person = rid()
    old = make(kader, {"A1": 1}, respondent=person, minutes=0)
    new = make(kader, {"A1": 4}, respondent=person, minutes=1)
    for order in ([old, new], [new, old]):
        profile = profile_of(order, kader, targets, min_groep=1)
        assert profile.item_figures(profile.total, "A1").counts == (0, 0, 0, 1)
    # Equal times: the one read last wins (deterministic, as files are read in sorted order).
    same = msgspec.structs.replace(new, answers={"A1": 2}, updated_at=old.updated_at)
    profile = profile_of([old, same], kader, targets, min_groep=1)
    assert profile.item_figures(profile.total, "A1").counts == (0, 1, 0, 0)


def test_invalid_answers_are_refused_by_the_tally(kader):
    tally = Tally(kader)
    for answers in ({"A1": 7}, {"A1": "ja"}, {"BV1": 3}, {"BV1": "nvt"}, {"A1": True}):
        assert not tally.add_result(make(kader, answers))
    assert tally.valid_files == 0


def test_other_kader_version_is_matched_by_item_id(kader, targets):
    ref = KaderRef(id=kader.meta.id, versie="0.9.0", hash="sha256:" + "0" * 64)
    results = [make(kader, {"A1": 3, "X99": 2}, ref=ref) for _ in range(5)]
    profile = profile_of(results, kader, targets)
    assert profile.other_versions == (("0.9.0", 5),)
    assert profile.unknown_items == 5
    assert profile.item_figures(profile.total, "A1").counts == (0, 0, 5, 0)
    assert any("andere versie van het kader (versie 0.9.0: 5)" in n and "item-id gekoppeld" in n for n in profile.notes)


def test_too_few_for_the_whole_team(kader, targets):
    profile = profile_of([make(kader, {"A1": 3}) for _ in range(4)], kader, targets)
    assert not profile.total.shown
    assert all(f is None for f in profile.total.items)
    assert profile.priorities == ()
    assert any("Te weinig respondenten" in n for n in profile.notes)
    # The overall counts are the coach's own input and stay visible.
    assert profile.round.completed == 4


def test_complementary_suppression_of_groups(kader, targets):
    results = [make(kader, {"A1": 3}, team="Groot") for _ in range(6)]
    results += [make(kader, {"A1": 2}, team="Midden") for _ in range(5)]
    results += [make(kader, {"A1": 1}, team="Klein") for _ in range(2)]
    profile = profile_of(results, kader, targets, by="team")
    shown = {g.label: g.shown for g in profile.groups}
    # Klein (2) is too small; Midden (5), the smallest other group, is hidden too,
    # or Klein would be the total minus Groot minus Midden.
    assert shown == {"Groot (geen school opgegeven)": True, "Midden (geen school opgegeven)": False, "Klein (geen school opgegeven)": False}
    midden = next(g for g in profile.groups if g.label.startswith("Midden"))
    assert (midden.respondents, midden.completed, midden.items[profile.item_index("A1")]) == (None, None, None)
    assert profile.total.completed == 13
    assert profile.item_figures(profile.total, "A1").counts == (2, 5, 6, 0)


def test_item_cells_hidden_in_a_group_are_complemented_in_their_row(kader, targets):
    # Two groups of 6; in group "b" only 2 answered A2a (the rest left it open).
    results = [make(kader, {"A1": 3, "A2a": 3}, team="a") for _ in range(6)]
    results += [make(kader, {"A1": 2, **({"A2a": 1} if n < 2 else {})}, team="b") for n in range(6)]
    profile = profile_of(results, kader, targets, by="team")
    a, b = profile.groups
    pos = profile.item_index("A2a")
    assert b.items[pos] is None  # 2 answers
    assert a.items[pos] is None  # complement: else b = total - a
    assert profile.total.items[pos].counted == 8
    assert a.items[profile.item_index("A1")] is not None and b.items[profile.item_index("A1")] is not None


def test_groups_by_sector_label_and_missing_context(kader, targets):
    results = [make(kader, {"A1": 3}, sector="po") for _ in range(5)] + [make(kader, {"A1": 3}) for _ in range(5)]
    profile = profile_of(results, kader, targets, by="sector")
    assert [g.label for g in profile.groups] == ["po (primair onderwijs)", "(geen sector opgegeven)"]
    assert all(g.shown for g in profile.groups)


def test_group_names_are_merged_case_and_space_insensitively(kader, targets):
    results = [make(kader, {"A1": 3}, school="De School", team=t) for t in ("Onderbouw", "onderbouw ", " ONDERBOUW", "Onderbouw", "Onderbouw")]
    profile = profile_of(results, kader, targets, by="team")
    assert len(profile.groups) == 1 and profile.groups[0].completed == 5
    assert profile.groups[0].label == "De School · Onderbouw"


def test_priorities_put_basisvaardigheden_first_when_a_quarter_lacks_them(kader, targets):
    answers = [{"BV2": "deels", "A3": 1, "C1": 2}] * 2 + [{"BV2": "ja", "A3": 1, "C1": 2}] * 6
    profile = profile_of([make(kader, a) for a in answers], kader, targets)
    assert [p.item for p in profile.priorities] == ["BV2", "A3", "C1"]
    assert profile.priorities[0].share_below_target == pytest.approx(0.25)
    assert "voorwaardelijk" in profile.priorities[0].reason
    # One in eight lacking a basisvaardigheid does not outrank the kerntaken.
    answers = [{"BV2": "deels", "A3": 1}] + [{"BV2": "ja", "A3": 1}] * 7
    profile = profile_of([make(kader, a) for a in answers], kader, targets)
    assert [p.item for p in profile.priorities] == ["A3", "BV2"]


def test_gesprek_follows_the_priorities(kader, targets, handreiking):
    answers = [{"BV2": "nee", "A3": 1, "C1": 2}] * 6
    results = [make(kader, a) for a in answers]
    tally = Tally(kader)
    for r in results:
        tally.add_result(r)
    profile = build_profile(tally, kader, targets, handreiking=handreiking)
    ids = [g.id for g in profile.gesprek]
    assert len(ids) == 3 and len(set(ids)) == 3
    # The basisvaardigheden lead: the first topic bears on them, the most specific one (4.1: basisvaardigheden, C).
    assert ids[0] == "4.1"
    assert "basisvaardigheden" in profile.gesprek[0].raakt_aan
    assert ids[1] == "1.3"  # kerntaak A only
    assert all(g.vragen for g in profile.gesprek)


def test_changes_between_rounds(kader, targets):
    before = Tally(kader)
    for n in range(5):
        before.add_result(make(kader, {"A1": 2, "A2a": 2}, respondent=rid(900 + n)))
    tally = Tally(kader)
    for n in range(5):
        tally.add_result(make(kader, {"A1": 3, **({"A2a": 4} if n < 2 else {})}, respondent=rid(900 + n)))
    profile = build_profile(tally, kader, targets, previous=before)
    assert profile.in_both == 5
    (change,) = profile.changes
    assert change.shown and change.in_both == 5
    a1 = next(c for c in change.items if c.id == "A1")
    assert (a1.before, a1.after, a1.delta) == (2.0, 3.0, 1.0)
    assert (a1.share_before, a1.share_after, a1.share_delta) == (0.0, 1.0, 1.0)
    a2a = next(c for c in change.items if c.id == "A2a")
    assert not a2a.shown and a2a.before is None and a2a.after is None  # hidden now: neither round shown
    kerntaak_a = next(c for c in change.sections if c.id == "A")
    assert kerntaak_a.delta == 1.0  # pooled over A1 only (shown in both rounds)


def test_names_and_evidence_only_when_kept(kader, targets):
    from ictbekwaam.model.result import Evidence

    results = [make(kader, {"A1": 3}, naam=f"Naam {n}", evidence={"A": Evidence(voorbeeld=f"vb {n}", meerwaarde="mw")}) for n in range(5)]
    plain = profile_of(results, kader, targets)
    assert plain.names is None and plain.examples is None
    full = profile_of(results, kader, targets, keep_names=True, keep_evidence=True)
    assert [n for n, _ in full.names] == [f"Naam {n}" for n in range(5)]
    assert [e.voorbeeld for e in full.examples] == [f"vb {n}" for n in range(5)]
    # Too few respondents: no examples, even when asked for.
    few = profile_of(results[:3], kader, targets, keep_evidence=True)
    assert few.examples is None


def test_too_few_text_is_dutch():
    assert TOO_FEW == "te weinig respondenten"
