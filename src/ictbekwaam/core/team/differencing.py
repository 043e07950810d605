"""Warnings about subtracting this report from one with another grouping (``--by``). Pure.

Within one report a small group is hidden so that it cannot be worked out
from the shown groups and the total (:mod:`~ictbekwaam.core.team.figures`).
A second report over the same results with another grouping can still give
it away. With ``--by team`` a school's teams are partly shown and partly
hidden; a ``--by school`` report shows the school; the school minus its shown
teams is what its hidden teams (and those of it who gave no team) have. When
that is 1 to ``min_groep - 1`` respondents, or answers that count for an
item, the two reports together reveal their figures.

**Which groupings nest.** A team always lies within one school (teams are
named within their school). A team or a school lies within one sector when
all its respondents gave the same sector (or none). The whole team and the
groups of one report are the report's own business (``hide_complement``).
For the report's grouping and each other one that nests with it, finer or
coarser: per coarser group that is shown, what is left after taking away the
shown finer groups within it. This report's columns and cells are shown as
decided here; a group or cell of the other grouping counts as shown when it
has at least ``min_groep`` respondents or answers, as that report would show
it before hiding more to protect others (so the warning comes rather too
often than too rarely). Only a warning: this report cannot hide what another
one shows.

**Groups that overlap without nesting.** A team of ten of which one gave
another sector lies in no sector; yet with ``--by team`` and ``--by sector``
side by side, team minus the rest of its sector may be that one teacher. Every
shown group of this report that shares 1 to ``min_groep - 1`` respondents (or
answers on an item) with a shown group of another grouping, neither lying in
the other, gets a warning too (:func:`_small_overlaps`).

Cost: one pass over the completed respondents, per distinct context (school,
team, sector) as given; nothing without ``--by``.
"""

from __future__ import annotations

from collections.abc import Callable

from ictbekwaam import dutch
from ictbekwaam.core.team.figures import Layout, Sizes, shown_in, sizes
from ictbekwaam.core.team.records import By, Column
from ictbekwaam.core.team.tally import UNKNOWN_GROUP, Tally, Where, where_key

GROUPINGS: tuple[By, ...] = ("school", "team", "sector")
PLURAL = {"school": "scholen", "team": "teams", "sector": "sectoren"}
ANOTHER = {"school": "een andere school", "team": "een ander team", "sector": "een andere sector"}
MAX_NAMED = 5


def _add(a: Sizes | None, b: Sizes) -> Sizes:
    return b if a is None else tuple(x + y for x, y in zip(a, b))


def _leftovers(coarse: dict[Where, str | None], fine: dict[Where, str | None], size: dict[Where, Sizes],
               coarse_shown: Callable[[str | None, Sizes, int], bool], fine_shown: Callable[[str | None, Sizes, int], bool],
               minimum: int) -> dict[str | None, list[int]]:
    """Coarser group -> the rows (see :data:`~ictbekwaam.core.team.figures.Sizes`) where it minus its shown finer groups is 1..minimum-1."""
    coarse_size: dict[str | None, Sizes] = {}
    fine_size: dict[str | None, Sizes] = {}
    fine_in: dict[str | None, set[str | None]] = {}
    for where, cell in size.items():
        coarse_size[coarse[where]] = _add(coarse_size.get(coarse[where]), cell)
        fine_size[fine[where]] = _add(fine_size.get(fine[where]), cell)
        fine_in.setdefault(fine[where], set()).add(coarse[where])
    nested: dict[str | None, list[str | None]] = {}
    for f, within in fine_in.items():
        if len(within) == 1:
            nested.setdefault(next(iter(within)), []).append(f)
    out: dict[str | None, list[int]] = {}
    for c, total in coarse_size.items():
        for row in range(len(total)):
            if not coarse_shown(c, total, row):
                continue
            shown = [fine_size[f][row] for f in nested.get(c, []) if fine_shown(f, fine_size[f], row)]
            if shown and 0 < total[row] - sum(shown) < minimum:
                out.setdefault(c, []).append(row)
    return out


def _small_overlaps(own: dict[Where, str | None], other: dict[Where, str | None], size: dict[Where, Sizes],
                    ours: Callable[[str | None, Sizes, int], bool], theirs: Callable[[str | None, Sizes, int], bool],
                    minimum: int) -> dict[str | None, list[int]]:
    """This report's group -> the rows where it shares 1..minimum-1 with a shown group of the other grouping.

    Only where neither lies within the other (nesting is :func:`_leftovers`' case): a team of ten with one
    teacher of another sector. Such a small overlap is what subtracting the two reports in some way
    (team minus the rest of its sector, or the like) can isolate, so it is warned about whatever else is shown.
    """
    pair: dict[tuple[str | None, str | None], Sizes] = {}
    own_size: dict[str | None, Sizes] = {}
    other_size: dict[str | None, Sizes] = {}
    for where, cell in size.items():
        x, y = own[where], other[where]
        pair[(x, y)] = _add(pair.get((x, y)), cell)
        own_size[x] = _add(own_size.get(x), cell)
        other_size[y] = _add(other_size.get(y), cell)
    out: dict[str | None, list[int]] = {}
    for (x, y), cell in pair.items():
        for row, part in enumerate(cell):
            if not 0 < part < minimum or part in (own_size[x][row], other_size[y][row]):
                continue
            if ours(x, own_size[x], row) and theirs(y, other_size[y], row) and row not in out.get(x, []):
                out.setdefault(x, []).append(row)
    return out


def differencing_warnings(tally: Tally, layout: Layout, minimum: int, total: Column, groups: tuple[Column, ...]) -> tuple[str, ...]:
    """Dutch warnings about reports with another ``--by`` that would reveal hidden figures of this one (see the module docstring)."""
    by = tally.by
    if by is None or not total.shown or minimum <= 1:
        return ()
    size = {where: sizes(buffer, layout) for where, buffer in tally.completed_by_context().items()}
    columns = {(None if c.key == "" else c.key): c for c in groups}

    def ours(key: str | None, _: Sizes, row: int) -> bool:
        column = columns.get(key)
        return column is not None and shown_in(column, row)

    def theirs(key: str | None, cell: Sizes, row: int) -> bool:
        return cell[0] >= minimum and cell[row] >= minimum

    own = {where: where_key(by, where) for where in size}
    out = []
    for other in GROUPINGS:
        if other == by:
            continue
        keys = {where: where_key(other, where) for where in size}
        for coarse, fine in ((by, other), (other, by)):
            leftovers = _leftovers(
                own if coarse == by else keys, own if fine == by else keys, size,
                ours if coarse == by else theirs, ours if fine == by else theirs, minimum,
            )
            if leftovers:
                out.append(_warning(other, _groups(tally, coarse, leftovers), fine, leftovers, minimum))
        overlaps = _small_overlaps(own, keys, size, ours, theirs, minimum)
        if overlaps:
            out.append(_overlap_warning(other, _groups(tally, by, overlaps), overlaps, minimum))
    return tuple(out)


def _groups(tally: Tally, grouping: By, keys: dict[str | None, list[int]]) -> str:
    """``"team S · T"``, ``"teams A, B en C"``: the groups a warning is about, with their labels, at most a few named."""
    labels = tally.labels(grouping)
    named = sorted((labels.get(str(k), str(k)) if k is not None else UNKNOWN_GROUP[grouping] for k in keys), key=str.casefold)
    shown = dutch.join(named[:MAX_NAMED] + ([f"nog {len(named) - MAX_NAMED}"] if len(named) > MAX_NAMED else []))
    return f"{grouping if len(named) == 1 else PLURAL[grouping]} {shown}"


def _overlap_warning(other: By, groups: str, overlaps: dict[str | None, list[int]], minimum: int) -> str:
    what = f"1 tot {minimum - 1} respondenten" if any(0 in rows for rows in overlaps.values()) else f"bij sommige stellingen 1 tot {minimum - 1} antwoorden"
    return (
        f"Aftrekken van een rapport met --by {other}: bij {groups} horen {what} bij {ANOTHER[other]} dan de rest. "
        f"Wie dit rapport en een rapport met --by {other} over dezelfde resultaten allebei heeft, kan hun cijfers "
        "mogelijk terugrekenen: deel ze niet allebei."
    )


def _warning(other: By, groups: str, fine: By, leftovers: dict[str | None, list[int]], minimum: int) -> str:
    people = any(0 in rows for rows in leftovers.values())
    # Where the respondents leave too few, every item does: the items of the other groups only.
    items = len({row for rows in leftovers.values() if 0 not in rows for row in rows})
    what = []
    if people:
        what.append(f"1 tot {minimum - 1} respondenten")
    if items:
        what.append(f"bij {dutch.count(items, 'stelling', 'stellingen')} 1 tot {minimum - 1} antwoorden")
    return (
        f"Aftrekken van een rapport met --by {other}: bij {groups} blijven na aftrek van de getoonde {PLURAL[fine]} "
        f"{' of '.join(what)} over. Wie dit rapport en een rapport met --by {other} over dezelfde resultaten allebei "
        "heeft, kan die cijfers terugrekenen: deel ze niet allebei."
    )
