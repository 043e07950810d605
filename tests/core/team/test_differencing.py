"""Warnings about another ``--by`` report next to this one (core/team/differencing.py)."""

from __future__ import annotations

import pytest

from builders import everything, make_result
from ictbekwaam.core.team.profile import build_profile
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.model.result import Context
from ictbekwaam.model.targets import default_targets

_numbers = iter(range(1, 10**6))


@pytest.fixture(scope="module")
def targets(kader):
    return default_targets(kader)


def group(kader, n, school=None, team=None, sector=None, answers=None):
    context = Context(school=school, team=team, sector=sector)
    return [make_result(kader, answers or everything(kader), respondent=f"r-{next(_numbers):032x}", context=context) for _ in range(n)]


def warnings(kader, targets, results, by, minimum=5):
    tally = Tally(kader, by=by)
    for r in results:
        assert tally.add_result(r)
    return build_profile(tally, kader, targets, min_groep=minimum).warnings


def test_a_school_minus_its_shown_teams(kader, targets):
    results = group(kader, 10, "De Brug", "Onderbouw") + group(kader, 2, "De Brug", "Kleuters") + group(kader, 9, "Het Anker", "Bovenbouw") \
        + group(kader, 3, "Het Anker", "Groep 8")
    (warning,) = warnings(kader, targets, results, "team")
    assert warning == (
        "Aftrekken van een rapport met --by school: bij scholen De Brug en Het Anker blijven na aftrek van de getoonde "
        "teams 1 tot 4 respondenten over. Wie dit rapport en een rapport met --by school over dezelfde resultaten "
        "allebei heeft, kan die cijfers terugrekenen: deel ze niet allebei."
    )
    # And the school report about a team report beside it.
    (other,) = warnings(kader, targets, results, "school")
    assert other.startswith("Aftrekken van een rapport met --by team: bij scholen De Brug en Het Anker blijven")


def test_nothing_left_or_enough_left_is_no_warning(kader, targets):
    whole = group(kader, 10, "De Brug", "Onderbouw") + group(kader, 8, "De Brug", "Bovenbouw")  # every team shown
    assert warnings(kader, targets, whole, "team") == ()
    enough = group(kader, 10, "De Brug", "Onderbouw") + group(kader, 3, "De Brug", "Kleuters") + group(kader, 3, "De Brug", "Groep 8")
    assert warnings(kader, targets, enough, "team") == ()  # 6 left over
    assert warnings(kader, targets, whole, None) == ()  # no grouping: nothing nests


def test_people_who_gave_no_team_count_in_what_is_left(kader, targets):
    # De Brug: Onderbouw 10 and Bovenbouw 6 shown, two with no team (hidden, with one other school's team).
    results = group(kader, 10, "De Brug", "Onderbouw") + group(kader, 6, "De Brug", "Bovenbouw") + group(kader, 2, "De Brug") \
        + group(kader, 5, "Het Anker", "Bovenbouw")
    (warning,) = warnings(kader, targets, results, "team")
    assert "bij school De Brug blijven" in warning


def test_few_answers_to_one_item_are_enough(kader, targets):
    # Every team shown; but on A3 five of Kleuters' six answered "niet van toepassing": that cell is hidden
    # (with Bovenbouw's, so the one answer cannot be worked out from the total). De Brug's A3 in a school report
    # minus Onderbouw's is that one answer.
    nvt = everything(kader) | {"A3": "nvt"}
    results = group(kader, 10, "De Brug", "Onderbouw") + group(kader, 5, "De Brug", "Kleuters", answers=nvt) \
        + group(kader, 1, "De Brug", "Kleuters") + group(kader, 9, "Het Anker", "Bovenbouw")
    (warning,) = warnings(kader, targets, results, "team")
    assert "bij school De Brug blijven na aftrek van de getoonde teams bij 1 stelling 1 tot 4 antwoorden over" in warning


def test_a_school_within_one_sector(kader, targets):
    # Sector vo: De Brug (12) and Het Anker (3); a sector report shows vo (15), this school report De Brug only.
    results = group(kader, 12, "De Brug", sector="vo") + group(kader, 3, "Het Anker", sector="vo") + group(kader, 6, "Lyceum", sector="po")
    found = warnings(kader, targets, results, "school")
    assert any(w.startswith("Aftrekken van een rapport met --by sector: bij sector vo (voortgezet onderwijs) blijven") for w in found)


def test_a_minimum_of_one_hides_nothing_and_warns_of_nothing(kader, targets):
    results = group(kader, 10, "De Brug", "Onderbouw") + group(kader, 1, "De Brug", "Kleuters")
    assert warnings(kader, targets, results, "team", minimum=1) == ()
