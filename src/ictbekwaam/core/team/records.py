"""The team report's records: what a :class:`TeamProfile` is made of, and the report's constants.

Immutable, typed and compared by value. msgspec Structs rather than
dataclasses: the dozen record types below cost about 20 ms to create as
dataclasses on every ``report`` run, as Structs about 1 ms (measured), and
start-up counts in the speed budget.

The renderers in :mod:`ictbekwaam.render.team` need only this module (and
:mod:`ictbekwaam.dutch`): never the tally or the file reading.
"""

from __future__ import annotations

from typing import Literal

import msgspec

By = Literal["school", "team", "sector"]
"""The grouping of a report (``--by``): per school, per team or per sector."""

MIN_GROEP = 5
"""The default minimum number of respondents behind a figure (``--min-groep``)."""

TOO_FEW = "te weinig respondenten"
"""What a report says where privacy hides a figure."""

OPEN = 0
"""The category byte of an unanswered item (see :class:`~ictbekwaam.core.team.tally.Tally`)."""


class Record(msgspec.Struct, frozen=True):
    """Base of the report's records: immutable, typed, compared by value."""


class Rejected(Record):
    """A file that was skipped.

    Attributes:
        file: the file as the user knows it (``archief.zip:map/x.json`` for a member).
        reason: why, in one Dutch line.
    """

    file: str
    reason: str


class Conflict(Record):
    """One respondent id used with different names: each name counts as its own respondent.

    Made by :func:`~ictbekwaam.files.collect.collect` from
    :meth:`~ictbekwaam.core.team.tally.Tally.conflicts`; shown to the coach on
    standard error, never in a report file (file names are often people's names).

    Attributes:
        respondent: the id.
        files: per name, the file whose result counts for that name, in reading order.
        names: per name, the name as typed (spacing tidied), when names were asked for (``--namen``); else None.
        drafts: per name, whether the result that counts is a draft (counted, not scored).
    """

    respondent: str
    files: tuple[str, ...]
    names: tuple[str | None, ...] | None
    drafts: tuple[bool, ...]


class ItemInfo(Record):
    """An item of the kader, as the report needs it.

    Attributes:
        id: the item id ("A7", "BV3").
        section: ``"basisvaardigheden"`` or the kerntaak id.
        stelling: the statement.
        checklist: True for a basisvaardigheid (answered ja/deels/nee).
        target: the target level, or the target checklist code.
        target_label: its Dutch label ("Bekwaam", "Ja").
    """

    id: str
    section: str
    stelling: str
    checklist: bool
    target: int | str
    target_label: str


class SectionInfo(Record):
    """The basisvaardigheden or one kerntaak.

    Attributes:
        id: ``"basisvaardigheden"`` or the kerntaak id.
        naam: its Dutch name.
        checklist: True for the basisvaardigheden.
        items: the ids of its items, in kader order.
    """

    id: str
    naam: str
    checklist: bool
    items: tuple[str, ...]


class Figures(Record):
    """What the answers to one item (or to a section's shown items, pooled) in one column say.

    Attributes:
        counts: answers per category: levels ascending (kerntaken), or the
            checklist options best first (basisvaardigheden).
        nvt: answers "niet van toepassing" (not in any figure below).
        open: not answered by a completed respondent (not in any figure below).
        counted: answers that count (the sum of ``counts``).
        mean: the mean level (kerntaken) or the mean checklist score 0..1, the
            coverage (basisvaardigheden); None when nothing counts.
        median: the median level (kerntaken only; may end in .5), else None.
        on_target: counted answers at or above the target.
        share_on_target: ``on_target / counted``, None when nothing counts.
        mean_gap: the mean distance below the target over the counted answers
            (levels, or checklist score points); 0 when all are on target.
    """

    counts: tuple[int, ...]
    nvt: int
    open: int
    counted: int
    mean: float | None
    median: float | None
    on_target: int
    share_on_target: float | None
    mean_gap: float

    @property
    def share_below_target(self) -> float:
        """The share of the counted answers below target (0 when nothing counts)."""
        return 1.0 - self.share_on_target if self.share_on_target is not None else 0.0


class Column(Record):
    """The whole team, or one group, with suppression applied.

    Attributes:
        key: None for the whole team; for a group its key (the label, case-folded),
            or ``""`` for respondents who gave no school/team/sector.
        label: the Dutch label ("Heel het team", "Demo College Noord", ...).
        shown: False when the column has too few respondents (or is hidden so
            that a small group cannot be recovered from the total): then
            every number below is None and every figure is None.
        respondents: respondents (completed and drafts), or None when hidden.
        completed: respondents with a complete result (scored), or None.
        drafts: respondents with only a draft (counted, not scored), or None.
        sections: figures per section, aligned with :attr:`TeamProfile.sections`;
            None for "te weinig respondenten".
        items: figures per item, aligned with :attr:`TeamProfile.items`; None
            for "te weinig respondenten".
        left_out: per section, the ids of its items hidden in this column (and
            so not in its pooled figures).
    """

    key: str | None
    label: str
    shown: bool
    respondents: int | None
    completed: int | None
    drafts: int | None
    sections: tuple[Figures | None, ...]
    items: tuple[Figures | None, ...]
    left_out: tuple[tuple[str, ...], ...]


class TeamPriority(Record):
    """A point for the team to work on.

    Attributes:
        rank: 1 for the most important.
        item: the item id.
        section: its section id; ``section_naam`` its name.
        stelling: the statement.
        share_below_target: share of the counted answers below target (0..1).
        mean: the team's mean level (or mean checklist score).
        mean_gap: the mean distance below target.
        target_label: the target, in words.
        reason: one Dutch line on why.
        voorbeelden: titles of chapter 4 voorbeelden linked to the item (next steps).
    """

    rank: int
    item: str
    section: str
    section_naam: str
    stelling: str
    share_below_target: float
    mean: float
    mean_gap: float
    target_label: str
    reason: str
    voorbeelden: tuple[str, ...]


class GesprekTopic(Record):
    """A Handreiking onderwerp that fits the team's gaps, with its questions.

    Attributes:
        thema: the theme's name; hoofdvraag: its main question.
        id: the onderwerp id ("2.3"); titel: its title.
        raakt_aan: the sections it bears on.
        why: Dutch: which of the team's gaps it fits.
        vragen: the questions, verbatim (with their hint, if any).
    """

    thema: str
    hoofdvraag: str
    id: str
    titel: str
    raakt_aan: tuple[str, ...]
    why: str
    vragen: tuple[str, ...]


class Change(Record):
    """The change of one item or section between the previous round and this one, in one column.

    Over the respondents of the column with a complete result in both rounds
    only (see :mod:`~ictbekwaam.core.team.rounds`); every number is None where
    the change is hidden (then all of them are).

    Attributes:
        id: item id or section id.
        before, after: the mean in the previous and this round.
        delta: ``after - before``.
        share_before, share_after, share_delta: the same for the share on target.
    """

    id: str
    before: float | None
    after: float | None
    delta: float | None
    share_before: float | None
    share_after: float | None
    share_delta: float | None

    @property
    def shown(self) -> bool:
        """False where the change is hidden ("te weinig respondenten")."""
        return self.before is not None and self.after is not None


class ColumnChange(Record):
    """The changes in one column (the whole team or a group of this round).

    Attributes:
        key, label: as in :class:`Column`.
        shown: False when no change is shown for the column at all (then
            ``in_both`` is None and ``sections`` and ``items`` are empty).
        in_both: the column's respondents with a complete result in both
            rounds: the people every change of the column is about.
        sections: one :class:`Change` per section (pooled over the items whose change is shown).
        items: one :class:`Change` per item.
    """

    key: str | None
    label: str
    shown: bool
    in_both: int | None
    sections: tuple[Change, ...]
    items: tuple[Change, ...]


class SharedExample(Record):
    """A teacher's own example of effective ict use, as the report shows it: with its kerntaak, without who wrote it.

    Made from the teachers' :class:`~ictbekwaam.model.result.Evidence` of the
    whole team (never per group: a small group's texts would say who wrote them).

    Attributes:
        kerntaak: the kerntaak id; voorbeeld: what they did; meerwaarde: what it added.
    """

    kerntaak: str
    voorbeeld: str
    meerwaarde: str


class Round(Record):
    """Counts of one collection of files.

    Attributes:
        files: result files found (valid or not).
        rejected: files skipped as invalid.
        valid: valid results read.
        respondents: distinct respondents; completed: with a complete result;
        drafts_only: with only a draft; set_aside: older or duplicate results not counted.
        conflicts: respondent ids used with more than one name (each name counts as a respondent).
        conflicting: the respondents those ids stand for (one per name).
    """

    files: int
    rejected: int
    valid: int
    respondents: int
    completed: int
    drafts_only: int
    set_aside: int
    conflicts: int = 0
    conflicting: int = 0


class TeamProfile(Record):
    """Everything a report shows, with suppression applied (see :mod:`ictbekwaam.core.team`).

    Attributes:
        kader_id, kader_versie, kader_titel, kader_uitgever, kader_jaar, kader_bron: the kader used.
        targets_source: Dutch description of the targets.
        min_groep: the minimum number of respondents for a figure.
        by: the grouping, or None.
        scale: the levels as (waarde, label), ascending.
        checklist: the checklist options as (code, label, score), best first.
        nvt_code, nvt_label: the code and label of "niet van toepassing".
        sections: the sections, basisvaardigheden first.
        items: every item in kader order.
        round: counts of this collection; previous: of the ``--vorige`` one, or None.
        total: the whole team.
        groups: the groups side by side (empty without ``by``), by label, "not given" last.
        priorities: the team's points to work on (from the whole team's figures).
        gesprek: Handreiking onderwerpen that fit the priorities.
        in_both: respondents with a complete result in both rounds (matched by
            respondent id), or None without a previous round.
        changes: per column of this round, or () without a previous round.
        comparison: Dutch remarks on the comparison with the previous round
            (who is compared, what is hidden and why); () without one.
        other_versions: (kader version, number of counted results) made with another version.
        unknown_items: counted results with answers to items this kader does not have.
        names: (name or None, complete) per respondent when names were asked for, else None.
        examples: the teachers' own examples (anonymous) when asked for and the
            team is shown, else None.
        notes: Dutch remarks on what the figures leave out.
        warnings: Dutch warnings about reports that, next to this one, would
            reveal hidden figures by subtraction (see :mod:`~ictbekwaam.core.team.differencing`).
        banner: a Dutch warning for the top of every output when ``min_groep``
            is below :data:`MIN_GROEP`, else None.
    """

    kader_id: str
    kader_versie: str
    kader_titel: str
    kader_uitgever: str
    kader_jaar: int
    kader_bron: str
    targets_source: str
    min_groep: int
    by: By | None
    scale: tuple[tuple[int, str], ...]
    checklist: tuple[tuple[str, str, float], ...]
    nvt_code: str
    nvt_label: str
    sections: tuple[SectionInfo, ...]
    items: tuple[ItemInfo, ...]
    round: Round
    previous: Round | None
    total: Column
    groups: tuple[Column, ...]
    priorities: tuple[TeamPriority, ...]
    gesprek: tuple[GesprekTopic, ...]
    in_both: int | None
    changes: tuple[ColumnChange, ...]
    comparison: tuple[str, ...]
    other_versions: tuple[tuple[str, int], ...]
    unknown_items: int
    names: tuple[tuple[str | None, bool], ...] | None
    examples: tuple[SharedExample, ...] | None
    notes: tuple[str, ...]
    warnings: tuple[str, ...]
    banner: str | None

    @property
    def columns(self) -> tuple[Column, ...]:
        """The whole team first, then the groups."""
        return (self.total, *self.groups)

    def item_index(self, item_id: str) -> int:
        """The position of an item in :attr:`items` (and in every column's ``items``)."""
        return next(n for n, item in enumerate(self.items) if item.id == item_id)

    def item_figures(self, column: Column, item_id: str) -> Figures | None:
        """The figures of one item in one column (None: te weinig respondenten)."""
        return column.items[self.item_index(item_id)]

    def section_figures(self, column: Column, section_id: str) -> Figures | None:
        """The figures of one section in one column (None: te weinig respondenten)."""
        return column.sections[next(n for n, s in enumerate(self.sections) if s.id == section_id)]

    def section(self, section_id: str) -> SectionInfo:
        """The section with this id."""
        return next(s for s in self.sections if s.id == section_id)
