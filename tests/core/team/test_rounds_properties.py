"""Property: whatever the two rounds, nothing the three reports show singles out 1..min_groep-1 people.

The three reports: this round's report, the previous round's own report (same
options) and the comparison of ``--vorige``. Every figure is an aggregate over
a set of people: per item over those whose answer counts, per column over its
respondents. Anyone may add and subtract them; a combination singles out the
people it gives a non-zero weight. Exact linear algebra over the sets shown
(per round and per row: answers of different rounds or items never cancel)
checks that no combination weighs 1..min_groep-1 people: for every set S that
small, the sets shown restricted to the others have a lower rank than the sets
shown only if some combination lives on S alone.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from builders import make_result
from ictbekwaam.core.team.figures import Layout, columns
from ictbekwaam.core.team.profile import build_profile
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.model.result import Context
from ictbekwaam.model.targets import default_targets

ITEMS = ("A1", "BV1")  # the rest unanswered: their rows are empty
TEAMS = ("T0", "T1", "T2")


def rank(rows: list[list[int]]) -> int:
    matrix = [[Fraction(x) for x in row] for row in rows if any(row)]
    found = 0
    for col in range(len(matrix[0]) if matrix else 0):
        pivot = next((r for r in range(found, len(matrix)) if matrix[r][col]), None)
        if pivot is None:
            continue
        matrix[found], matrix[pivot] = matrix[pivot], matrix[found]
        for r in range(len(matrix)):
            if r != found and matrix[r][col]:
                factor = matrix[r][col] / matrix[found][col]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[found])]
        found += 1
    return found


def singled_out(sets: list[list[int]], minimum: int) -> tuple[int, ...] | None:
    """Some 1..minimum-1 people (positions) that a combination of ``sets`` weighs alone, or None."""
    if not sets:
        return None
    full, people = rank(sets), len(sets[0])
    for size in range(1, minimum):
        for small in itertools.combinations(range(people), size):
            if rank([[row[j] for j in range(people) if j not in small] for row in sets]) < full:
                return small
    return None


answer = st.one_of(st.none(), st.sampled_from(["nvt", 1, 2, 3, 4]))
checklist = st.one_of(st.none(), st.sampled_from(["ja", "deels", "nee"]))
person = st.tuples(
    st.sampled_from((None, *TEAMS)), st.sampled_from(("same", "absent", *TEAMS)), answer, checklist, answer, checklist
)


@given(people=st.lists(person, min_size=4, max_size=12), minimum=st.sampled_from([2, 3, 4]), grouped=st.booleans())
def test_nothing_shown_singles_out_fewer_than_the_minimum(kader, people, minimum, grouped):
    targets = default_targets(kader)
    by = "team" if grouped else None
    rounds: list[dict[int, tuple[str, dict]]] = [{}, {}]
    for n, (team1, move, a1, b1, a2, b2) in enumerate(people):
        team2 = team1 if move == "same" else None if move == "absent" else move
        for r, (team, a, b) in enumerate(((team1, a1, b1), (team2, a2, b2))):
            if team is not None:
                rounds[r][n] = (team, {k: v for k, v in (("A1", a), ("BV1", b)) if v is not None})
    tallies = []
    for members in rounds:
        tally = Tally(kader, by=by)
        for n, (team, answers) in members.items():
            tally.add_result(make_result(kader, answers, respondent=f"r-{n:032x}", context=Context(school="S", team=team)))
        tallies.append(tally)
    if not tallies[0].respondents or not tallies[1].respondents:
        return
    profile = build_profile(tallies[1], kader, targets, min_groep=minimum, previous=tallies[0])
    previous = columns(tallies[0], Layout(kader, targets), minimum)
    in_both = rounds[0].keys() & rounds[1].keys()

    def key(team: str) -> str | None:
        return f"s · {team.lower()}" if grouped else None

    for row in (None, *ITEMS):
        position = None if row is None else profile.item_index(row)

        def shown(column) -> bool:  # type: ignore[no-untyped-def]
            return column.shown if position is None else column.items[position] is not None

        for r, (total, groups) in enumerate((previous, (profile.total, profile.groups))):
            ids = sorted(rounds[r])
            counts = [row is None or rounds[r][n][1].get(row, "nvt") != "nvt" for n in ids]

            def members(test) -> list[int]:  # type: ignore[no-untyped-def]
                return [1 if ok and test(n) else 0 for n, ok in zip(ids, counts)]

            sets = [members(lambda n: True)] if shown(total) else []
            sets += [members(lambda n, c=c: key(rounds[r][n][0]) == c.key) for c in groups if shown(c)]
            for change in profile.changes:
                if change.shown and (position is None or change.items[position].shown):
                    sets.append(members(lambda n, c=change: n in in_both and (c.key is None or key(rounds[1][n][0]) == c.key)))
            small = singled_out(sets, minimum)
            assert small is None, (row, r, [ids[j] for j in small], rounds)
