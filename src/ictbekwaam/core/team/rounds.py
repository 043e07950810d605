"""Two rounds (``report --vorige``): the change per column, over the people in both rounds, with privacy. Pure.

**Who is compared.** Only respondents with a complete result in both rounds,
matched by respondent id. In a column (the whole team, or a group of this
round) that is everyone now in it who also completed the previous round,
wherever they were then. ``before`` and ``after`` are the figures of just
those people in the previous round and in this one; the change is
``after - before``. Per kerntaak the items whose change is shown are pooled.

**What stays hidden.** The comparison publishes figures over sets of people
next to two other reports: this round's (the rest of this report) and the
previous round's (as ``report`` makes it with the same options). Anyone can
subtract them: 8 people last time, the same 8 and a newcomer now: 9 × this
round's mean − 8 × the mean of the 8 now is the newcomer's answer; one person
who left shows up the same way against the previous round's report. So a
change is shown only where no combination of the three singles out 1 to
``min_groep - 1`` people: per round, the graph of which published set each
person is in (:mod:`~ictbekwaam.core.team.exposure`) must have no cut that
small, for the respondents of a column and for the answers that count per
item. In practice a column's change is hidden when fewer than ``min_groep``
of its people are in both rounds, or when 1 to ``min_groep - 1`` people
joined it or left it; and as many other columns are hidden as it takes that
the hidden ones cannot be worked out from the whole team's change (the
smallest first). A hidden change hides the previous round's figures with it:
``before``, ``after`` and the change are shown together or not at all.
Changes are only shown where this round's report shows the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from ictbekwaam import dutch
from ictbekwaam.core.team.exposure import NOTHING, small_cut
from ictbekwaam.core.team.figures import Layout, Raw, Sizes, pool, raw_items, shown_in, sizes
from ictbekwaam.core.team.records import TOO_FEW, Change, Column, ColumnChange
from ictbekwaam.core.team.tally import Tally

LUMP = ("lump",)
"""The node of the columns that are hidden (what the whole team minus the shown columns gives)."""

Key = str | None  # a group key of the tally (None: the group "not given", or everyone without grouping)


def _report_nodes(family: str, total: Column, groups: tuple[Column, ...]) -> Callable[[Key, int], Hashable]:
    """The published set a round's own report puts a group's people in, per row: the group, the hidden ones, or nothing."""
    columns = {(None if c.key == "" else c.key): c for c in groups}

    def node(key: Key, row: int) -> Hashable:
        if not shown_in(total, row):
            return NOTHING
        column = columns.get(key)
        return (family, key) if column is not None and shown_in(column, row) else (family, LUMP)

    return node


class _People:
    """The people of both rounds in cells, with the sizes of every cell (see the module docstring)."""

    def __init__(self, now: Tally, before: Tally, layout: Layout) -> None:
        then, current = before.completed_by_id(), now.completed_by_id()
        self.in_both = sorted(then.keys() & current.keys())
        matched_now: dict[Key, bytearray] = {}  # this round's answers of the matched, per group now
        matched_then: dict[Key, bytearray] = {}  # their answers in the previous round, per group now
        moves: dict[tuple[Key, Key], bytearray] = {}  # their previous answers per (group then, group now)
        for respondent_id in self.in_both:
            (key_then, codes_then), (key_now, codes_now) = then[respondent_id], current[respondent_id]
            matched_now.setdefault(key_now, bytearray()).extend(codes_now)
            matched_then.setdefault(key_now, bytearray()).extend(codes_then)
            moves.setdefault((key_then, key_now), bytearray()).extend(codes_then)
        joined: dict[Key, bytearray] = {}
        for respondent_id, (key, codes) in current.items():
            if respondent_id not in then:
                joined.setdefault(key, bytearray()).extend(codes)
        left: dict[Key, bytearray] = {}
        for respondent_id, (key, codes) in then.items():
            if respondent_id not in current:
                left.setdefault(key, bytearray()).extend(codes)
        self.now = {k: bytes(v) for k, v in matched_now.items()}
        self.then = {k: bytes(v) for k, v in matched_then.items()}
        self.size_now = {k: sizes(v, layout) for k, v in self.now.items()}
        self.size_then = {k: sizes(v, layout) for k, v in self.then.items()}
        self.moves = {pair: sizes(bytes(v), layout) for pair, v in moves.items()}
        self.joined = {k: sizes(bytes(v), layout) for k, v in joined.items()}
        self.left = {k: sizes(bytes(v), layout) for k, v in left.items()}

    def may_show(self, key: Key, row: int, then_node, minimum: int) -> bool:  # type: ignore[no-untyped-def]
        """A quick test every shown column must pass, whatever else is shown (it saves the search most work).

        Its people in both rounds are at least ``minimum``; its newcomers are
        none or at least ``minimum`` (this round's report minus the column's
        change); and when the previous round's report showed the column, the
        people who left it, joined it or moved in or out are none or at least
        ``minimum`` (that report minus the column's "before").
        """
        if min(self.size_now[key][row], self.size_then[key][row]) < minimum:
            return False
        if 0 < self.joined.get(key, (0,) * (row + 1))[row] < minimum:
            return False
        if then_node(key, row) != ("then", key):
            return True
        moved = sum(cell[row] for (old, new), cell in self.moves.items() if (old == key) != (new == key))
        differ = moved + self.left.get(key, (0,) * (row + 1))[row]
        return not 0 < differ < minimum

    def few_differ(self, key: Key, minimum: int) -> bool:
        """Whether 1..minimum-1 people came into the group or went out of it (joined, left, or moved), in respondents.

        Then its figures in last round's report beside this round's approximate theirs: a warning, not a hiding.
        """
        came = self.joined.get(key, (0,))[0] + sum(c[0] for (old, new), c in self.moves.items() if new == key and old != key)
        went = self.left.get(key, (0,))[0] + sum(c[0] for (old, new), c in self.moves.items() if old == key and new != key)
        return 0 < came < minimum or 0 < went < minimum

    def exposed(self, row: int, shown: set[Key], whole: bool, now_node, then_node, minimum: int) -> set | None:  # type: ignore[no-untyped-def]
        """The nodes on a cut that singles out 1..minimum-1 people in either round when these changes are shown, or None."""

        def compared(key: Key) -> Hashable:
            if key in shown:
                return ("B", key)
            return ("B", LUMP) if whole else NOTHING

        def add(edges: dict, a: Hashable, b: Hashable, weight: int) -> None:
            edges[(a, b)] = edges.get((a, b), 0) + weight

        this_round: dict = {}
        for key, cell in self.size_now.items():
            add(this_round, now_node(key, row), compared(key), cell[row])
        for key, cell in self.joined.items():
            add(this_round, now_node(key, row), NOTHING, cell[row])
        previous_round: dict = {}
        for (key_then, key_now), cell in self.moves.items():
            add(previous_round, then_node(key_then, row), compared(key_now), cell[row])
        for key, cell in self.left.items():
            add(previous_round, then_node(key, row), NOTHING, cell[row])
        for edges in (this_round, previous_round):
            side = small_cut(edges, minimum)
            if side is not None:
                return {node for (a, b), weight in edges.items() if weight and (a in side) != (b in side) for node in (a, b)}
        return None


def _decide(people: _People, row: int, candidates: list[Key], whole: bool, now_node, then_node, minimum: int) -> tuple[set[Key], bool]:  # type: ignore[no-untyped-def]
    """Which groups' changes (and whether the whole team's) a row can show, hiding as little as it takes.

    One step at a time: the first of "hide the smallest shown column", "hide
    the next smallest", ..., "drop the whole team's change" after which
    nothing is exposed; when no single step does it, a shown column on the
    exposing cut is hidden (else the smallest one, else the whole team's
    change) and the search goes on. Every step hides something, so it ends,
    at the latest with nothing shown (which exposes nothing).
    """
    shown = set(candidates)
    rank = {key: n for n, key in enumerate(candidates)}

    def check(keys: set[Key], with_whole: bool) -> set | None:  # type: ignore[type-arg]
        return people.exposed(row, keys, with_whole, now_node, then_node, minimum)

    on_cut = check(shown, whole)
    while on_cut is not None and (shown or whole):
        smallest_first = sorted(shown, key=lambda k: (people.size_now[k][row], rank[k]))
        steps = [(shown - {k}, whole) for k in smallest_first] + ([(shown, False)] if whole else [])
        fixed = next((step for step in steps if check(*step) is None), None)
        if fixed is not None:
            return fixed
        bordering = [k for k in smallest_first if ("B", k) in on_cut]
        if bordering or smallest_first:
            shown = shown - {(bordering or smallest_first)[0]}
        else:
            whole = False
        on_cut = check(shown, whole)
    return (shown, whole) if on_cut is None else (set(), False)


def _change(id_: str, old: Raw | None, new: Raw | None, checklist: bool, layout: Layout) -> Change:
    if old is None or new is None:
        return Change(id_, None, None, None, None, None, None)
    a, b = old.figures(checklist, layout), new.figures(checklist, layout)
    return _between(id_, a.mean, b.mean, a.share_on_target, b.share_on_target)


def _between(id_: str, before: float | None, after: float | None, share_before: float | None, share_after: float | None) -> Change:
    if before is None or after is None:
        return Change(id_, None, None, None, None, None, None)
    share_delta = None if share_before is None or share_after is None else share_after - share_before
    return Change(id_, before, after, after - before, share_before, share_after, share_delta)


def _column_change(key: str | None, label: str, visible: list[bool] | None, then: bytes, now: bytes, in_both: int,
                   layout: Layout) -> ColumnChange:
    if visible is None or not any(visible):
        return ColumnChange(key, label, False, None, (), ())
    raw_then, raw_now = raw_items(then, layout), raw_items(now, layout)
    items = tuple(
        _change(info.id, raw_then[pos], raw_now[pos], info.checklist, layout) if visible[pos] else _change(info.id, None, None, False, layout)
        for pos, info in enumerate(layout.items)
    )
    position = {info.id: pos for pos, info in enumerate(layout.items)}
    sections = []
    for section in layout.sections:
        chosen = [position[i] for i in section.items]
        a = pool([(raw_then[p], visible[p]) for p in chosen], section.checklist, layout)
        b = pool([(raw_now[p], visible[p]) for p in chosen], section.checklist, layout)
        if a is None or b is None:
            sections.append(Change(section.id, None, None, None, None, None, None))
        else:
            sections.append(_between(section.id, a.mean, b.mean, a.share_on_target, b.share_on_target))
    return ColumnChange(key, label, True, in_both, tuple(sections), items)


def compare(now: Tally, before: Tally, layout: Layout, minimum: int, current: tuple[Column, tuple[Column, ...]],
            previous: tuple[Column, tuple[Column, ...]], unpaired: frozenset[str] = frozenset(),
            ) -> tuple[int, tuple[ColumnChange, ...], tuple[str, ...], tuple[str, ...]]:
    """(respondents in both rounds, the change per column of this round, Dutch remarks, Dutch warnings), see the module docstring.

    The warning: when 1 to ``minimum - 1`` respondents joined or left the
    team, or came into or went out of a group both rounds' reports show (also
    by moving to another group), the two rounds' own reports side by side
    approach their answers as far as the others answered the same (no change of
    this report can prevent that).

    ``current`` and ``previous``: the whole team and the groups of this
    round's and the previous round's report (same kader, targets, grouping and minimum).
    ``unpaired``: items some of last round's results were never asked (new since
    their kaderversie): their change would set other people side by side, so none is shown.
    """
    people = _People(now, before, layout)
    total, groups = current
    now_node = _report_nodes("now", total, groups)
    then_node = _report_nodes("then", *previous)
    keys: list[Key] = [None if c.key == "" else c.key for c in groups]
    column_of = dict(zip(keys, groups))
    n_items = len(layout.items)

    # The columns first (respondents), then every item within the columns that stay.
    empty: Sizes = (0,) * (n_items + 1)
    candidates = [k for k, c in zip(keys, groups) if c.shown and k in people.size_now and people.may_show(k, 0, then_node, minimum)]
    shown, whole = _decide(people, 0, candidates, len(people.in_both) >= minimum and total.shown, now_node, then_node, minimum)
    visible: dict[Key, list[bool]] = {k: [False] * n_items for k in shown}
    whole_visible = [False] * n_items
    totals_now = [sum(s[row] for s in people.size_now.values()) for row in range(n_items + 1)]
    totals_then = [sum(s[row] for s in people.size_then.values()) for row in range(n_items + 1)]
    for pos in range(n_items):
        if layout.items[pos].id in unpaired:
            continue
        row = pos + 1
        row_candidates = [
            k for k in keys if k in shown and column_of[k].items[pos] is not None and people.may_show(k, row, then_node, minimum)
        ]
        row_whole = whole and total.items[pos] is not None and min(totals_now[row], totals_then[row]) >= minimum
        row_shown, row_whole = _decide(people, row, row_candidates, row_whole, now_node, then_node, minimum)
        for k in row_shown:
            visible[k][pos] = True
        whole_visible[pos] = row_whole

    everyone_then = b"".join(people.then.values())
    everyone_now = b"".join(people.now.values())
    changes = [_column_change(None, total.label, whole_visible if whole else None, everyone_then, everyone_now,
                              len(people.in_both), layout)]
    for key, column in zip(keys, groups):
        changes.append(_column_change(column.key, column.label, visible.get(key), people.then.get(key, b""),
                                      people.now.get(key, b""), people.size_now.get(key, empty)[0], layout))
    joined = sum(cell[0] for cell in people.joined.values())
    left = sum(cell[0] for cell in people.left.values())
    whole_changed = total.shown and (0 < joined < minimum or 0 < left < minimum)
    groups_changed = [
        column.label for key, column in zip(keys, groups)
        if now_node(key, 0) == ("now", key) and then_node(key, 0) == ("then", key) and people.few_differ(key, minimum)
    ]
    warnings = ()
    if whole_changed or groups_changed:
        where = f" (bij {dutch.join(groups_changed)}, ook door van groep te wisselen)" if groups_changed else ""
        warnings = (
            f"Tussen de rondes kwamen 1 tot {minimum - 1} respondenten bij of gingen er weg{where}. Wie het rapport van de "
            "vorige ronde naast dat van deze ronde legt, kan hun antwoorden benaderen, voor zover de anderen hetzelfde "
            "bleven antwoorden: deel die twee niet allebei met wie de losse antwoorden niet mag zien.",
        )
    return len(people.in_both), tuple(changes), _remarks(len(people.in_both), changes, minimum, bool(groups)), warnings


def _remarks(in_both: int, changes: list[ColumnChange], minimum: int, grouped: bool) -> tuple[str, ...]:
    people = dutch.count(in_both, "respondent", "respondenten")
    out = [
        f"Alleen wie in beide rondes een afgerond resultaat heeft, telt mee in de verschillen: {people} "
        "(gekoppeld op respondent-id en naam). Wie maar aan één ronde meedeed, telt hier niet mee."
        + (" Een groep: wie nu in die groep zit en ook de vorige ronde afrondde." if grouped else "")
    ]
    hidden = [c.label for c in changes if not c.shown]
    if hidden:
        out.append(
            f"Geen verschil ({TOO_FEW}) voor {dutch.join(hidden)}: minder dan {dutch.count(minimum, 'respondent', 'respondenten')} in beide rondes, "
            f"of er kwamen 1 tot {minimum - 1} respondenten bij of gingen er weg (dan zou het verschil hun antwoorden "
            "verraden), of het verschil van een andere groep zou zo terug te rekenen zijn."
            if minimum > 1 else f"Geen verschil ({TOO_FEW}) voor {dutch.join(hidden)}."
        )
    return tuple(out)
