"""Step 2a of the team picture: the figures per column, with privacy suppression. Pure.

**Figures** are about answers that count: a level of the scale (kerntaken) or
a checklist option (basisvaardigheden). "Niet van toepassing" and unanswered
items are shown as counts but are in no mean, median or share. Per item: the
distribution over the scale, the mean level (or the mean checklist score 0..1:
the coverage of a basisvaardigheid), the median level and the share on
target. Per kerntaak (and for the basisvaardigheden) the same over all answers
to its *shown* items pooled.

**Targets** per item come from :meth:`~ictbekwaam.model.targets.Targets.for_item`:
a level is on target when it is at least the target; a checklist option when
its score is at least that of the target option. The gap of an answer is how
far it is below the target (levels, or score points).

**Suppression** (privacy, ``min_groep``, default 5). A *column* is the whole
team or one group (``by``: school, team or sector). A *cell* is one item in
one column. No figure is shown for a column with fewer than ``min_groep``
completed respondents, nor for a cell with fewer than ``min_groep`` answers
that count; it says "te weinig respondenten" instead. So that nothing can be
recovered by subtracting the shown groups from the total, every row that hides
something hides at least two groups with together at least ``min_groep``
respondents (the groups' own sizes for the respondent counts, the answers that
count for an item): the smallest other groups are hidden too
(:func:`hide_complement`). Kerntaak figures pool only the items shown in that
column, so they reveal nothing the shown items do not. (The total is never
hidden while it reaches the minimum itself.)
"""

from __future__ import annotations

from ictbekwaam.core.team.records import OPEN, Column, Figures, ItemInfo, Record, SectionInfo
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader
from ictbekwaam.model.targets import ItemTarget, Targets


class Layout:
    """What the figures need of the kader and the targets, computed once per report.

    Attributes:
        sections: the basisvaardigheden, then the kerntaken.
        items: every item in kader order (the byte order of the tally's answers).
        goals: the target of every item, aligned with ``items``.
        levels: the level values, ascending (the kerntaken's categories 1..).
        scores: the checklist option scores, best option first (the basisvaardigheden's categories 1..).
    """

    def __init__(self, kader: Kader, targets: Targets) -> None:
        self.levels = tuple(kader.level_values())
        self.scores = tuple(o.score for o in kader.checklist.opties)
        bv = kader.basisvaardigheden
        sections = [SectionInfo(BASISVAARDIGHEDEN, bv.naam, True, tuple(i.id for i in bv.items))]
        sections += [SectionInfo(k.id, k.naam, False, tuple(i.id for i in k.items)) for k in kader.kerntaken]
        self.sections = tuple(sections)
        section_of = {item_id: s.id for s in sections for item_id in s.items}
        self.goals: tuple[ItemTarget, ...] = tuple(targets.for_item(kader, item.id) for item in kader.all_items())
        self.items = tuple(
            ItemInfo(item.id, section_of.get(item.id, ""), item.stelling, goal.checklist, goal.target, goal.label)
            for item, goal in zip(kader.all_items(), self.goals)
        )

    def values(self, checklist: bool) -> tuple[float, ...]:
        """The value of each category: the checklist scores, or the levels."""
        return self.scores if checklist else self.levels

    def categories(self, checklist: bool) -> int:
        """The number of answer categories that count (without "niet van toepassing")."""
        return len(self.scores) if checklist else len(self.levels)


def median(counts: tuple[int, ...], values: tuple[int, ...]) -> float | None:
    """The median of answers given as counts per value (ascending); may end in .5. None without answers."""
    total = sum(counts)
    if not total:
        return None
    # The value at 0-based rank r of the sorted answers.
    def at(rank: int) -> int:
        seen = 0
        for value, count in zip(values, counts):
            seen += count
            if rank < seen:
                return value
        return values[-1]

    if total % 2:
        return float(at(total // 2))
    return (at(total // 2 - 1) + at(total // 2)) / 2


def figures(counts: tuple[int, ...], nvt: int, open_: int, on_target: int, gap_sum: float, checklist: bool, layout: Layout) -> Figures:
    """The figures of answers counted per category (see :class:`~ictbekwaam.core.team.records.Figures`)."""
    counted = sum(counts)
    mean = sum(v * c for v, c in zip(layout.values(checklist), counts)) / counted if counted else None
    return Figures(
        counts=counts,
        nvt=nvt,
        open=open_,
        counted=counted,
        mean=mean,
        median=None if checklist else median(counts, layout.levels),
        on_target=on_target,
        share_on_target=on_target / counted if counted else None,
        mean_gap=gap_sum / counted if counted else 0.0,
    )


class Raw(Record):
    """Unsuppressed counts of one item in one column (or over any set of respondents)."""

    counts: tuple[int, ...]
    nvt: int
    open: int
    on_target: int
    gap_sum: float

    @property
    def counted(self) -> int:
        return sum(self.counts)

    def figures(self, checklist: bool, layout: Layout) -> Figures:
        """The figures of these counts (see :func:`figures`)."""
        return figures(self.counts, self.nvt, self.open, self.on_target, self.gap_sum, checklist, layout)


def raw_items(buffer: bytes, layout: Layout) -> list[Raw]:
    """Counts per item from the answers of one column (one row of bytes per respondent), unsuppressed."""
    n = len(layout.items)
    out = []
    for pos, (info, goal) in enumerate(zip(layout.items, layout.goals)):
        column = buffer[pos::n]  # this item's answers of every respondent (C speed)
        k = layout.categories(info.checklist)
        counts = tuple(column.count(category) for category in range(1, k + 1))
        nvt = 0 if info.checklist else column.count(k + 1)
        values = layout.values(info.checklist)
        on = sum(c for c, v in zip(counts, values) if goal.reached(v))
        gaps = float(sum(c * goal.gap(v) for c, v in zip(counts, values)))
        out.append(Raw(counts, nvt, column.count(OPEN), on, gaps))
    return out


Sizes = tuple[int, ...]
"""Per *row* of a report: the respondents (row 0), then the answers that count per item (row 1 + the item's position)."""


def sizes(buffer: bytes, layout: Layout) -> Sizes:
    """The :data:`Sizes` of one row of bytes per respondent."""
    n = len(layout.items)
    people = len(buffer) // n if n else 0
    out = [people]
    nvt = layout.categories(False) + 1
    for pos, info in enumerate(layout.items):
        column = buffer[pos::n]
        out.append(people - column.count(OPEN) - (0 if info.checklist else column.count(nvt)))
    return tuple(out)


def shown_in(column: Column, row: int) -> bool:
    """Whether a report shows a column's figures of a row (see :data:`Sizes`)."""
    return column.shown if row == 0 else column.items[row - 1] is not None


def hide_complement(sizes: dict[object, int], hidden: set[object], minimum: int, order: list[object]) -> set[object]:
    """Hide more cells of a row so that the hidden ones cannot be recovered from a shown total.

    ``sizes``: cell -> respondents (or answers that count); ``hidden``: the
    cells hidden so far. Returns the cells to hide: none, or at least two with
    together at least ``minimum``. ``order`` breaks ties between equal sizes.
    """
    hidden = set(hidden)
    rank = {key: n for n, key in enumerate(order)}
    while hidden and (len(hidden) < 2 or sum(sizes[k] for k in hidden) < minimum):
        shown = [k for k in sizes if k not in hidden]
        if not shown:
            break
        hidden.add(min(shown, key=lambda k: (sizes[k], rank[k])))
    return hidden


def pool(raws: list[tuple[Raw, bool]], checklist: bool, layout: Layout) -> Figures | None:
    """The figures of a section: the answers to its shown items pooled (None when none is shown)."""
    shown = [raw for raw, visible in raws if visible]
    if not shown:
        return None
    k = layout.categories(checklist)
    counts = tuple(sum(r.counts[c] for r in shown) for c in range(k))
    return figures(
        counts,
        sum(r.nvt for r in shown),
        sum(r.open for r in shown),
        sum(r.on_target for r in shown),
        sum(r.gap_sum for r in shown),
        checklist,
        layout,
    )


def columns(tally: Tally, layout: Layout, minimum: int) -> tuple[Column, tuple[Column, ...]]:
    """The whole team and the groups, with their figures, suppression applied (see the module docstring)."""
    sections, infos = layout.sections, layout.items
    data = tally.columns()
    n = len(infos)
    whole = b"".join(buf for buf, _, _ in data.values())
    total_completed = sum(c for _, c, _ in data.values())
    total_drafts = sum(d for _, _, d in data.values())
    raw_total = raw_items(whole, layout)
    total_shown = total_completed >= minimum
    item_shown_total = [total_shown and raw.counted >= minimum for raw in raw_total]

    keys = list(data)
    if tally.by is None:
        keys = []
    # Groups by label, the "not given" group last.
    keys.sort(key=lambda k: (k is None, tally.group_label(k).casefold()))
    raw_groups = {key: raw_items(data[key][0], layout) for key in keys}
    completed = {key: data[key][1] for key in keys}

    # Whole groups: too small, or hidden to protect a small one.
    group_hidden = {k for k in keys if completed[k] < minimum}
    if total_shown:
        group_hidden = hide_complement(completed, group_hidden, minimum, keys)
    else:
        group_hidden = set(keys)
    # Item cells, row by row: the same, with the answers that count as sizes.
    cell_shown: dict[object, list[bool]] = {k: [False] * n for k in keys}
    for pos in range(n):
        sizes = {k: raw_groups[k][pos].counted for k in keys}
        hidden = group_hidden | {k for k in keys if sizes[k] < minimum}
        if item_shown_total[pos]:
            hidden = hide_complement(sizes, hidden, minimum, keys)
        else:
            hidden = set(keys)
        for k in keys:
            cell_shown[k][pos] = k not in hidden

    position = {info.id: pos for pos, info in enumerate(infos)}

    def column(key: str | None, label: str, shown: bool, raws: list[Raw], visible: list[bool], counts: tuple[int, int]) -> Column:
        if not shown:
            return Column(key, label, False, None, None, None, tuple(None for _ in sections), tuple(None for _ in infos), tuple(() for _ in sections))
        items = tuple(
            raw.figures(info.checklist, layout) if ok else None
            for raw, ok, info in zip(raws, visible, infos)
        )
        pooled = tuple(pool([(raws[position[i]], visible[position[i]]) for i in s.items], s.checklist, layout) for s in sections)
        left_out = tuple(tuple(i for i in s.items if not visible[position[i]]) for s in sections)
        done, drafts = counts
        return Column(key, label, True, done + drafts, done, drafts, pooled, items, left_out)

    total = column(None, "Heel het team", total_shown, raw_total, item_shown_total, (total_completed, total_drafts))
    groups = tuple(
        column(
            "" if key is None else str(key),
            tally.group_label(key),
            key not in group_hidden,
            raw_groups[key],
            cell_shown[key],
            (completed[key], data[key][2]),
        )
        for key in keys
    )
    return total, groups
