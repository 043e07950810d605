"""Who is a respondent in the team report: one id and one name; one id with different names is a conflict, never a silent drop."""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pytest

from builders import WHEN, everything, make_result
from ictbekwaam.core.team.profile import build_profile, profile_of
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.model.targets import default_targets

SHARED = "r-" + "5a" * 16  # one computer, before the id followed the person
OTHER = "r-" + "0b" * 16


@pytest.fixture(scope="module")
def targets(kader):
    return default_targets(kader)


def result(kader, naam, *, respondent=SHARED, level=3, minutes=0, complete=True):
    made = make_result(kader, everything(kader, level), respondent=respondent, naam=naam, complete=complete)
    return msgspec.structs.replace(made, updated_at=WHEN + timedelta(minutes=minutes))


def test_one_id_with_two_names_is_two_respondents_and_a_conflict(kader, targets):
    results = [
        result(kader, "Anna", level=1),
        result(kader, "Bert", level=4, minutes=5),
        result(kader, " anna ", level=2, minutes=10),  # Anna again, newer: counts for Anna
        result(kader, "Kim", respondent=OTHER),
    ]
    tally = Tally(kader, keep_names=True)
    for n, r in enumerate(results):
        assert tally.add_result(r, n)
    assert (tally.respondents, tally.completed, tally.set_aside) == (3, 3, 1)
    # Per name the file whose result counts (Anna's newer one, file 2), in reading order; names only as kept.
    assert tally.conflicts() == [(SHARED, ((1, "Bert", True), (2, "anna", True)))]
    profile = build_profile(tally, kader, targets, min_groep=1)
    assert (profile.round.conflicts, profile.round.conflicting) == (1, 2)
    assert profile.item_figures(profile.total, "A1").counts == (0, 1, 1, 1)  # Anna 2, Kim 3, Bert 4
    note = next(n for n in profile.notes if "verschillende namen" in n)
    assert note == (
        "1 respondent-id komt voor met verschillende namen: elke naam telt als een eigen respondent (samen 2). Meestal "
        "zijn dat collega's die op één computer of uit één antwoordbestand een zelfevaluatie maakten; is het één persoon "
        "die de naam anders schreef, dan telt die dubbel (ook voor --min-groep: een groep kan dan getoond worden met één "
        "persoon minder dan de cijfers zeggen); laat dan een van de bestanden weg. Welke bestanden het zijn, meldt ictbekwaam bij "
        "het maken van het rapport."
    )
    assert "Anna" not in note and "Bert" not in note


def test_without_names_kept_the_conflict_names_nobody(kader):
    tally = Tally(kader)
    for n, naam in enumerate(["Anna", "Bert", None]):
        tally.add_result(result(kader, naam), n)
    (rid, found) = tally.conflicts()[0]
    assert rid == SHARED and [(number, naam) for number, naam, _ in found] == [(0, None), (1, None), (2, None)]
    assert tally.respondents == 3  # no name is a name of its own: nobody is dropped


def test_the_same_name_typed_differently_is_one_respondent(kader, targets):
    profile = profile_of([result(kader, "Sam de Vries"), result(kader, "SAM  DE VRIES", minutes=1)], kader, targets)
    assert (profile.round.respondents, profile.round.set_aside, profile.round.conflicts) == (1, 1, 0)
    assert not any("verschillende namen" in n for n in profile.notes)


def test_a_conflict_with_a_draft_says_so(kader):
    tally = Tally(kader)
    tally.add_result(result(kader, "Anna"), 0)
    tally.add_result(result(kader, "Bert", complete=False), 1)
    assert tally.conflicts() == [(SHARED, ((0, None, True), (1, None, False)))]
    assert (tally.respondents, tally.completed) == (2, 1)


def test_merging_halves_gives_what_one_reader_gives(kader):
    # collect() reads the second half in a forked child and merges: the outcome must not depend on it.
    names = ["Anna", "Bert", "anna", None, "Bert", "Cor", "Anna"]
    results = [result(kader, naam, level=1 + n % 4, minutes=n) for n, naam in enumerate(names)]
    results.insert(3, result(kader, "Dirk", respondent=OTHER))
    whole = Tally(kader)
    for n, r in enumerate(results):
        whole.add_result(r, n)
    for half in range(len(results) + 1):
        first, second = Tally(kader), Tally(kader)
        for n, r in enumerate(results):
            (first if n < half else second).add_result(r, n)
        first.merge(second)
        assert first.conflicts() == whole.conflicts()
        assert (first.respondents, first.completed, first.set_aside) == (whole.respondents, whole.completed, whole.set_aside)
        assert first.completed_rows() == whole.completed_rows()
