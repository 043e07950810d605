"""One target lookup for the teacher's profile and the team report: Targets.for_item and ItemTarget."""

from __future__ import annotations

from ictbekwaam.model.targets import ItemTarget, Targets, default_targets


def test_a_level_target_with_its_label(kader):
    target = Targets({"A7": 4}).for_item(kader, "A7")
    assert target == ItemTarget(4, kader.schaal.niveaus[-1].label, False, 4)


def test_the_kader_default_applies_where_the_targets_name_nothing(kader):
    empty = Targets()
    assert empty.for_item(kader, "A1") == default_targets(kader).for_item(kader, "A1")
    assert empty.for_item(kader, "A1").target == kader.schaal.standaard_doel
    assert empty.for_item(kader, "BV1").target == kader.checklist.standaard_doel


def test_a_checklist_target_is_compared_by_option_score(kader):
    deels = next(o for o in kader.checklist.opties if o.code == "deels")
    target = Targets({"BV5": "deels"}).for_item(kader, "BV5")
    assert (target.target, target.label, target.checklist, target.value) == ("deels", deels.label, True, deels.score)
    assert target.reached(1.0) and target.reached(deels.score) and not target.reached(0.0)
    assert target.gap(1.0) == 0.0 and target.gap(0.0) == deels.score


def test_an_unknown_checklist_code_asks_for_the_best_option(kader):
    target = Targets({"BV1": "misschien"}).for_item(kader, "BV1")
    assert (target.label, target.value) == ("misschien", max(o.score for o in kader.checklist.opties))


def test_a_level_gap_is_whole_levels_and_never_negative(kader):
    target = Targets({"A1": 3}).for_item(kader, "A1")
    assert target.gap(1) == 2 and isinstance(target.gap(1), int)
    assert target.gap(4) == 0 and target.reached(3) and not target.reached(2)
    checklist = Targets({"BV1": "ja"}).for_item(kader, "BV1")
    assert checklist.gap(1.0) == 0.0 and isinstance(checklist.gap(1.0), float)
