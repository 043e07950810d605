"""The team picture: validated results -> a :class:`TeamProfile`. Pure: no files, no terminal.

Two steps, so that any number of result files can be read in constant memory
per file:

1. :class:`Tally` takes one validated :class:`~ictbekwaam.model.result.Result` at a
   time and keeps, per respondent, only what the report needs: the answers of
   the latest complete result as one byte per item (a few dozen bytes), the
   group it belongs to, when it was saved, and (only when asked for) the name
   and the evidence texts. A ``Result`` itself is never kept.
2. :func:`build_profile` turns a tally into the figures, with suppression.

The rules:

- **Who counts.** Per respondent id only the latest complete result counts
  (the latest draft when there is no complete one; on equal times the one
  read last). Every other file of the same respondent is *set aside*.
  Respondents with only a draft are counted, but not scored.
- **Figures** are about answers that count: a level of the scale (kerntaken)
  or a checklist option (basisvaardigheden). "Niet van toepassing" and
  unanswered items are shown as counts but are in no mean, median or share.
  Per item: the distribution over the scale, the mean level (or the mean
  checklist score 0..1: the coverage of a basisvaardigheid), the median level
  and the share on target. Per kerntaak (and for the basisvaardigheden) the
  same over all answers to its *shown* items pooled.
- **Targets** per item come from :class:`~ictbekwaam.model.targets.Targets`: a level
  is on target when it is at least the target; a checklist option when its
  score is at least that of the target option. The gap of an answer is how far
  it is below the target (levels, or score points).
- **Suppression** (privacy, ``min_groep``, default 5). A *column* is the whole
  team or one group (``by``: school, team or sector). A *cell* is one item in
  one column. No figure is shown for a column with fewer than ``min_groep``
  completed respondents, nor for a cell with fewer than ``min_groep`` answers
  that count; it says "te weinig respondenten" instead. So that nothing can be
  recovered by subtracting the shown groups from the total, every row that
  hides something hides at least two groups with together at least
  ``min_groep`` respondents (the groups' own sizes for the respondent counts,
  the answers that count for an item): the smallest other groups are hidden
  too. Kerntaak figures pool only the items shown in that column, so they
  reveal nothing the shown items do not. (The total is never hidden while it
  reaches the minimum itself.)
- **Priorities**: the items where the largest share of the team is below
  target, at most :data:`MAX_PRIORITIES`; basisvaardigheden come first when at
  least :data:`BASIS_FIRST_SHARE` of the team is below target there (the Kader
  calls them a prerequisite), then the largest share below target, the
  largest mean gap, and kader order.
- **Conversation questions**: at most :data:`MAX_GESPREK` Handreiking
  onderwerpen. The sections of the priorities take turns, in the order of
  their first priority; each gets the onderwerp whose ``raakt_aan`` names it
  and that is most specific (fewest sections), then most relevant (the summed
  share below target of the priorities in its sections, divided by their
  number), then first in the Handreiking; no onderwerp twice.
- **Two rounds**: the change of the mean and the share on target per item
  and per kerntaak, per column present in both rounds; only where both rounds
  show the figure. A kerntaak change pools the items shown in both rounds.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from typing import Literal

import msgspec

from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Handreiking, Kader, fingerprint
from ictbekwaam.model.result import SECTOR_LABELS, Result
from ictbekwaam.model.targets import Targets

By = Literal["school", "team", "sector"]

MIN_GROEP = 5
MAX_PRIORITIES = 5
BASIS_FIRST_SHARE = 0.25
MAX_GESPREK = 3
TOO_FEW = "te weinig respondenten"
UNKNOWN_GROUP = {"school": "(geen school opgegeven)", "team": "(geen team opgegeven)", "sector": "(geen sector opgegeven)"}

OPEN = 0  # category byte of an unanswered item
_DRAFT = 1  # slot states
_COMPLETE = 2
_FLAG_OTHER_VERSION = 4
_FLAG_UNKNOWN_ITEMS = 8


class _Record(msgspec.Struct, frozen=True):
    """Base of the report's records: immutable, typed, compared by value.

    msgspec Structs rather than dataclasses: the dozen record types below cost
    about 20 ms to create as dataclasses on every ``report`` run, as Structs
    about 1 ms (measured), and start-up counts in the speed budget.
    """


# --- step 1: the tally ---------------------------------------------------------


def _norm(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


class Tally:
    """Streaming accumulator of validated results (see the module docstring).

    Feed it with :meth:`add` (after :meth:`encode` said the answers fit the
    kader); combine partial tallies with :meth:`merge`. Memory per respondent is
    a few dozen bytes plus the id, whatever the files hold.

    Attributes:
        items: the kader's item ids, in kader order (the byte order of the answers).
        by: the grouping, or None.
        valid_files: results added (including those later set aside).
    """

    def __init__(self, kader: Kader, *, by: By | None = None, keep_names: bool = False, keep_evidence: bool = False) -> None:
        self.items: tuple[str, ...] = tuple(i.id for i in kader.all_items())
        self.by = by
        self.keep_names = keep_names
        self.keep_evidence = keep_evidence
        self.kader_id = kader.meta.id
        self.kader_hash = fingerprint(kader)
        self.valid_files = 0
        n_levels = len(kader.level_values())
        kerntaak_map: dict[object, int] = {level: n + 1 for n, level in enumerate(kader.level_values())}
        kerntaak_map[kader.schaal.niet_van_toepassing.code] = n_levels + 1
        checklist_map: dict[object, int] = {code: n + 1 for n, code in enumerate(kader.checklist_codes())}
        basis = {i.id for i in kader.basisvaardigheden.items}
        # item id -> (byte position, value -> category byte); one dict look-up per answer.
        self._lookup = {
            item_id: (pos, checklist_map if item_id in basis else kerntaak_map) for pos, item_id in enumerate(self.items)
        }
        self._position = {item_id: pos for pos, item_id in enumerate(self.items)}
        self._pairs = {
            (item_id, value): category
            for item_id, (_, categories) in self._lookup.items()
            for value, category in categories.items()
        }
        self._index: dict[str, int] = {}
        self._ts = array("d")
        self._state = bytearray()
        self._codes = bytearray()
        self._group: list[object] = []
        self._labels: dict[object, str] = {}  # group key -> first label seen
        self._versie: dict[int, str] = {}  # slot -> kader version, when not ours
        self._names: list[str | None] = []
        self._evidence: list[tuple[tuple[str, str, str], ...]] = []

    # -- adding ----------------------------------------------------------------

    def encode(self, result: Result) -> bytes | None:
        """The answers as one category byte per item, or None if an answer does not fit the kader.

        Answers to item ids the kader does not have are ignored here (another
        version of the kader: matched by id). Call
        :func:`ictbekwaam.model.result.check_answers` for the reason when this is None.
        ``result`` comes from :func:`ictbekwaam.model.result.decode`, which never
        gives a bool as an answer (:meth:`add_result` checks that for results
        built in code: ``True == 1`` in a look-up).
        """
        answers = result.answers
        # (item id, value) -> category in one C-level pass; None: unknown item or invalid value.
        categories = list(map(self._pairs.get, answers.items()))
        if None in categories:
            return self._encode_slowly(answers)
        if len(categories) == len(self.items) and tuple(answers) == self.items:
            return bytes(categories)  # complete and in kader order: what assess writes
        codes = bytearray(len(self.items))
        for pos, category in zip(map(self._position.__getitem__, answers), categories):
            codes[pos] = category
        return bytes(codes)

    def _encode_slowly(self, answers: dict) -> bytes | None:
        codes = bytearray(len(self.items))
        for item_id, value in answers.items():
            found = self._lookup.get(item_id)
            if found is None:
                continue  # another version of the kader: matched by id
            category = found[1].get(value)
            if category is None:
                return None
            codes[found[0]] = category
        return bytes(codes)

    def _group_key(self, result: Result) -> object:
        context = result.context
        if self.by == "school":
            label = _norm(context.school)
        elif self.by == "team":
            # Teams are named within a school: "Onderbouw" of two schools are two teams.
            school, team = _norm(context.school), _norm(context.team)
            if not team:
                label = ""
            elif school:
                label = f"{school} · {team}"
            else:
                label = f"{team} (geen school opgegeven)"
        elif self.by == "sector":
            label = SECTOR_LABELS.get(context.sector or "", "")
        else:
            return None
        if not label:
            return None
        key = label.casefold()  # "Onderbouw" and "onderbouw " are one team
        self._labels.setdefault(key, label)
        return key

    def _claim(self, respondent_id: str, state: int, stamp: float) -> int | None:
        """The slot for a respondent's result, or None when the result counted already wins.

        A complete result beats any draft; otherwise the later one wins (the
        one read last, at equal times). A new respondent gets a new, empty slot.
        """
        slot = self._index.get(respondent_id)
        if slot is None:
            slot = len(self._ts)
            self._index[respondent_id] = slot
            self._ts.append(stamp)
            self._state.append(0)
            self._codes.extend(bytes(len(self.items)))
            self._group.append(None)
            if self.keep_names:
                self._names.append(None)
            if self.keep_evidence:
                self._evidence.append(())
            return slot
        current = self._state[slot] & 3
        if current > state or (current == state and stamp < self._ts[slot]):
            return None
        return slot

    def add(self, result: Result, codes: bytes) -> None:
        """Count one validated result whose answers :meth:`encode` turned into ``codes``."""
        self.valid_files += 1
        stamp = result.updated_at.timestamp()
        state = _COMPLETE if result.complete else _DRAFT
        slot = self._claim(result.respondent.id, state, stamp)
        if slot is None:
            return
        self._ts[slot] = stamp
        n = len(self.items)
        self._codes[slot * n : (slot + 1) * n] = codes
        flags = state
        if result.kader.hash != self.kader_hash:
            flags |= _FLAG_OTHER_VERSION
            self._versie[slot] = result.kader.versie
        else:
            self._versie.pop(slot, None)
        # Every known answer has a non-zero byte; more answers than that are unknown items.
        if len(result.answers) > len(codes) - codes.count(OPEN):
            flags |= _FLAG_UNKNOWN_ITEMS
        self._state[slot] = flags
        self._group[slot] = self._group_key(result)
        if self.keep_names:
            self._names[slot] = _norm(result.respondent.naam) or None
        if self.keep_evidence:
            self._evidence[slot] = tuple(
                (kerntaak, " ".join(e.voorbeeld.split()), " ".join(e.meerwaarde.split()))
                for kerntaak, e in sorted(result.evidence.items())
                if e.voorbeeld.strip() or e.meerwaarde.strip()
            )

    def add_result(self, result: Result) -> bool:
        """:meth:`encode` and :meth:`add` in one; False (and nothing counted) if an answer does not fit."""
        if any(value.__class__ is bool for value in result.answers.values()):
            return False
        codes = self.encode(result)
        if codes is None:
            return False
        self.add(result, codes)
        return True

    def merge(self, other: Tally) -> None:
        """Add a tally of files read *after* this one's (same kader and options)."""
        self.valid_files += other.valid_files
        n = len(self.items)
        self._labels.update({k: v for k, v in other._labels.items() if k not in self._labels})
        for respondent_id, theirs in other._index.items():
            state, stamp = other._state[theirs], other._ts[theirs]
            mine = self._claim(respondent_id, state & 3, stamp)
            if mine is None:
                continue
            self._ts[mine] = stamp
            self._state[mine] = state
            self._codes[mine * n : (mine + 1) * n] = other._codes[theirs * n : (theirs + 1) * n]
            self._group[mine] = other._group[theirs]
            if theirs in other._versie:
                self._versie[mine] = other._versie[theirs]
            else:
                self._versie.pop(mine, None)
            if self.keep_names:
                self._names[mine] = other._names[theirs]
            if self.keep_evidence:
                self._evidence[mine] = other._evidence[theirs]

    # -- reading ---------------------------------------------------------------

    @property
    def respondents(self) -> int:
        """Distinct respondents (complete or draft)."""
        return len(self._ts)

    @property
    def completed(self) -> int:
        """Respondents with a complete result (these are scored)."""
        return sum(1 for s in self._state if s & 3 == _COMPLETE)

    @property
    def set_aside(self) -> int:
        """Valid results that do not count: older or duplicate results of the same respondent."""
        return self.valid_files - self.respondents

    def group_label(self, key: object) -> str:
        """The label of a group key (as first seen), or the "not given" label."""
        if key is None:
            return UNKNOWN_GROUP.get(self.by or "", "")
        return self._labels.get(key, str(key))

    def columns(self) -> dict[object, tuple[bytes, int, int]]:
        """Per group key (None: no group given): (answers of the completed, one row per respondent; completed; drafts).

        Without ``by`` there is one group, None: the whole team.
        """
        n = len(self.items)
        buffers: dict[object, bytearray] = {}
        drafts: Counter[object] = Counter()
        codes = self._codes
        for slot, state in enumerate(self._state):
            key = self._group[slot]
            if state & 3 == _COMPLETE:
                buffers.setdefault(key, bytearray()).extend(codes[slot * n : (slot + 1) * n])
            else:
                drafts[key] += 1
                buffers.setdefault(key, bytearray())
        return {key: (bytes(buf), len(buf) // n if n else 0, drafts[key]) for key, buf in buffers.items()}

    def completed_rows(self) -> list[tuple[object, bytes]]:
        """(group key, answers) per completed respondent, in random-id order (not file or name order)."""
        n = len(self.items)
        order = sorted(self._index.items())
        return [
            (self._group[slot], bytes(self._codes[slot * n : (slot + 1) * n]))
            for _, slot in order
            if self._state[slot] & 3 == _COMPLETE
        ]

    def other_versions(self) -> Counter[str]:
        """Kader version -> number of counted (completed) results made with another version of this kader."""
        return Counter(v for slot, v in self._versie.items() if self._state[slot] & 3 == _COMPLETE)

    def with_unknown_items(self) -> int:
        """Counted results with answers to items this kader does not have."""
        return sum(1 for s in self._state if s & 3 == _COMPLETE and s & _FLAG_UNKNOWN_ITEMS)

    def names(self) -> list[tuple[str | None, bool]]:
        """(name or None, complete) per respondent, sorted by name; empty unless kept."""
        if not self.keep_names:
            return []
        pairs = [(self._names[slot], self._state[slot] & 3 == _COMPLETE) for slot in range(len(self._ts))]
        return sorted(pairs, key=lambda p: ((p[0] or "").casefold(), p[0] is None, not p[1]))

    def evidence(self) -> list[tuple[object, str, str, str]]:
        """(group key, kerntaak, voorbeeld, meerwaarde) of the counted results, sorted by text; empty unless kept."""
        if not self.keep_evidence:
            return []
        out = [
            (self._group[slot], *texts)
            for slot in range(len(self._ts))
            if self._state[slot] & 3 == _COMPLETE
            for texts in self._evidence[slot]
        ]
        return sorted(out, key=lambda e: (e[1], e[2].casefold(), e[3].casefold()))


# --- step 2: the profile ---------------------------------------------------------


class ItemInfo(_Record):
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


class SectionInfo(_Record):
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


class Figures(_Record):
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


class Column(_Record):
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


class TeamPriority(_Record):
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


class GesprekTopic(_Record):
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


class Change(_Record):
    """The change of one item or section between the previous round and this one, in one column.

    Attributes:
        id: item id or section id.
        before, after: the mean in the previous and this round (None: not shown there).
        delta: ``after - before``, only when both are shown.
        share_before, share_after, share_delta: the same for the share on target.
    """

    id: str
    before: float | None
    after: float | None
    delta: float | None
    share_before: float | None
    share_after: float | None
    share_delta: float | None


class ColumnChange(_Record):
    """The changes in one column (the whole team or a group present in both rounds).

    Attributes:
        key, label: as in :class:`Column`.
        sections: one :class:`Change` per section (pooled over items shown in both rounds).
        items: one :class:`Change` per item.
    """

    key: str | None
    label: str
    sections: tuple[Change, ...]
    items: tuple[Change, ...]


class Evidence(_Record):
    """A teacher's own example of effective ict use, without who wrote it.

    Attributes:
        kerntaak: the kerntaak id; voorbeeld: what they did; meerwaarde: what it added.
    """

    kerntaak: str
    voorbeeld: str
    meerwaarde: str


class Round(_Record):
    """Counts of one collection of files.

    Attributes:
        files: result files found (valid or not).
        rejected: files skipped as invalid.
        valid: valid results read.
        respondents: distinct respondents; completed: with a complete result;
        drafts_only: with only a draft; set_aside: older or duplicate results not counted.
    """

    files: int
    rejected: int
    valid: int
    respondents: int
    completed: int
    drafts_only: int
    set_aside: int


class TeamProfile(_Record):
    """Everything a report shows, with suppression applied (see the module docstring).

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
        changes: per column in both rounds, or () without a previous round.
        other_versions: (kader version, number of counted results) made with another version.
        unknown_items: counted results with answers to items this kader does not have.
        names: (name or None, complete) per respondent when names were asked for, else None.
        evidence: the teachers' own examples (anonymous) when asked for and the
            team is shown, else None.
        notes: Dutch remarks on what the figures leave out.
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
    changes: tuple[ColumnChange, ...]
    other_versions: tuple[tuple[str, int], ...]
    unknown_items: int
    names: tuple[tuple[str | None, bool], ...] | None
    evidence: tuple[Evidence, ...] | None
    notes: tuple[str, ...]

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


# --- computing figures ------------------------------------------------------------


class _Scale:
    """Category values, per kind of item, for computing figures."""

    def __init__(self, kader: Kader) -> None:
        self.levels = tuple(kader.level_values())
        self.n_levels = len(self.levels)
        self.options = tuple(kader.checklist.opties)
        self.scores = tuple(o.score for o in self.options)
        self.option_index = {o.code: n for n, o in enumerate(self.options)}

    def categories(self, checklist: bool) -> int:
        return len(self.options) if checklist else self.n_levels


def _median(counts: tuple[int, ...], values: tuple[int, ...]) -> float | None:
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


def _figures(counts: tuple[int, ...], nvt: int, open_: int, on_target: int, gap_sum: float, checklist: bool, scale: _Scale) -> Figures:
    counted = sum(counts)
    if checklist:
        values: tuple[float, ...] = scale.scores
        median = None
    else:
        values = scale.levels
        median = _median(counts, scale.levels)
    mean = sum(v * c for v, c in zip(values, counts)) / counted if counted else None
    return Figures(
        counts=counts,
        nvt=nvt,
        open=open_,
        counted=counted,
        mean=mean,
        median=median,
        on_target=on_target,
        share_on_target=on_target / counted if counted else None,
        mean_gap=gap_sum / counted if counted else 0.0,
    )


class _Raw(_Record):
    """Unsuppressed counts of one item in one column."""

    counts: tuple[int, ...]
    nvt: int
    open: int
    on_target: int
    gap_sum: float

    @property
    def counted(self) -> int:
        return sum(self.counts)


def _raw_items(buffer: bytes, infos: tuple[ItemInfo, ...], scale: _Scale) -> list[_Raw]:
    """Counts per item from the answers of one column (one row of bytes per respondent)."""
    n = len(infos)
    out = []
    for pos, info in enumerate(infos):
        column = buffer[pos::n]  # this item's answers of every respondent (C speed)
        k = scale.categories(info.checklist)
        counts = tuple(column.count(category) for category in range(1, k + 1))
        nvt = 0 if info.checklist else column.count(k + 1)
        open_ = column.count(OPEN)
        if info.checklist:
            target_score = scale.scores[scale.option_index[info.target]] if info.target in scale.option_index else max(scale.scores)
            on = sum(c for c, s in zip(counts, scale.scores) if s >= target_score)
            gaps = sum(c * max(0.0, target_score - s) for c, s in zip(counts, scale.scores))
        else:
            target = int(info.target)
            on = sum(c for c, v in zip(counts, scale.levels) if v >= target)
            gaps = float(sum(c * max(0, target - v) for c, v in zip(counts, scale.levels)))
        out.append(_Raw(counts, nvt, open_, on, gaps))
    return out


def _hide_complement(sizes: dict[object, int], hidden: set[object], minimum: int, order: list[object]) -> set[object]:
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


def _pool(raws: list[tuple[_Raw, bool]], checklist: bool, scale: _Scale) -> Figures | None:
    shown = [raw for raw, visible in raws if visible]
    if not shown:
        return None
    k = scale.categories(checklist)
    counts = tuple(sum(r.counts[c] for r in shown) for c in range(k))
    return _figures(
        counts,
        sum(r.nvt for r in shown),
        sum(r.open for r in shown),
        sum(r.on_target for r in shown),
        sum(r.gap_sum for r in shown),
        checklist,
        scale,
    )


def _item_infos(kader: Kader, targets: Targets) -> tuple[tuple[SectionInfo, ...], tuple[ItemInfo, ...]]:
    levels = {n.waarde: n.label for n in kader.schaal.niveaus}
    options = {o.code: o.label for o in kader.checklist.opties}
    sections = [SectionInfo(BASISVAARDIGHEDEN, kader.basisvaardigheden.naam, True, tuple(i.id for i in kader.basisvaardigheden.items))]
    sections += [SectionInfo(k.id, k.naam, False, tuple(i.id for i in k.items)) for k in kader.kerntaken]
    items = []
    for item in kader.all_items():
        section = kader.section_of(item.id) or ""
        checklist = section == BASISVAARDIGHEDEN
        target = targets.target_for(item.id)
        if target is None:
            target = kader.default_target(item.id)
        label = options.get(str(target), str(target)) if checklist else levels.get(target, str(target))  # type: ignore[arg-type]
        items.append(ItemInfo(item.id, section, item.stelling, checklist, target, label))
    return tuple(sections), tuple(items)


def _columns(tally: Tally, sections: tuple[SectionInfo, ...], infos: tuple[ItemInfo, ...], scale: _Scale, minimum: int) -> tuple[Column, tuple[Column, ...]]:
    data = tally.columns()
    n = len(infos)
    whole = b"".join(buf for buf, _, _ in data.values())
    total_completed = sum(c for _, c, _ in data.values())
    total_drafts = sum(d for _, _, d in data.values())
    raw_total = _raw_items(whole, infos, scale)
    total_shown = total_completed >= minimum
    item_shown_total = [total_shown and raw.counted >= minimum for raw in raw_total]

    keys = list(data)
    if tally.by is None:
        keys = []
    # Groups by label, the "not given" group last.
    keys.sort(key=lambda k: (k is None, tally.group_label(k).casefold()))
    raw_groups = {key: _raw_items(data[key][0], infos, scale) for key in keys}
    completed = {key: data[key][1] for key in keys}

    # Whole groups: too small, or hidden to protect a small one.
    group_hidden = {k for k in keys if completed[k] < minimum}
    if total_shown:
        group_hidden = _hide_complement(completed, group_hidden, minimum, keys)
    else:
        group_hidden = set(keys)
    # Item cells, row by row: the same, with the answers that count as sizes.
    cell_shown: dict[object, list[bool]] = {k: [False] * n for k in keys}
    for pos in range(n):
        sizes = {k: raw_groups[k][pos].counted for k in keys}
        hidden = group_hidden | {k for k in keys if sizes[k] < minimum}
        if item_shown_total[pos]:
            hidden = _hide_complement(sizes, hidden, minimum, keys)
        else:
            hidden = set(keys)
        for k in keys:
            cell_shown[k][pos] = k not in hidden

    position = {info.id: pos for pos, info in enumerate(infos)}

    def column(key: str | None, label: str, shown: bool, raws: list[_Raw], visible: list[bool], counts: tuple[int, int]) -> Column:
        if not shown:
            return Column(key, label, False, None, None, None, tuple(None for _ in sections), tuple(None for _ in infos), tuple(() for _ in sections))
        items = tuple(
            _figures(raw.counts, raw.nvt, raw.open, raw.on_target, raw.gap_sum, info.checklist, scale) if ok else None
            for raw, ok, info in zip(raws, visible, infos)
        )
        pooled = tuple(_pool([(raws[position[i]], visible[position[i]]) for i in s.items], s.checklist, scale) for s in sections)
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


def _priorities(kader: Kader, total: Column, sections: tuple[SectionInfo, ...], infos: tuple[ItemInfo, ...]) -> tuple[TeamPriority, ...]:
    names = {s.id: s.naam for s in sections}
    candidates = []
    for order, (info, figures) in enumerate(zip(infos, total.items)):
        if figures is None or figures.mean is None or figures.share_below_target <= 0:
            continue
        first = 0 if info.checklist and figures.share_below_target >= BASIS_FIRST_SHARE else 1
        candidates.append(((first, -figures.share_below_target, -figures.mean_gap, order), info, figures))
    candidates.sort(key=lambda c: c[0])
    out = []
    for rank, (_, info, figures) in enumerate(candidates[:MAX_PRIORITIES], start=1):
        share = _percent(figures.share_below_target)
        if info.checklist:
            reason = (
                f"{share} van het team beheerst deze basisvaardigheid nog niet (helemaal) (doel: {info.target_label}); "
                "de basisvaardigheden zijn voorwaardelijk."
            )
        else:
            reason = (
                f"{share} van het team zit onder het doel {info.target} ({info.target_label}); "
                f"gemiddeld {_decimal(figures.mean or 0)}."
            )
        voorbeelden = tuple(v.titel for v in kader.examples_for(info.id))[:3]
        out.append(
            TeamPriority(rank, info.id, info.section, names[info.section], info.stelling, figures.share_below_target,
                         figures.mean or 0.0, figures.mean_gap, info.target_label, reason, voorbeelden)
        )
    return tuple(out)


def _gesprek(handreiking: Handreiking | None, priorities: tuple[TeamPriority, ...], sections: tuple[SectionInfo, ...]) -> tuple[GesprekTopic, ...]:
    if handreiking is None or not priorities:
        return ()
    weight: Counter[str] = Counter()
    for priority in priorities:
        weight[priority.section] += priority.share_below_target
    # The sections in the order of their first priority: the largest gap leads.
    wanted = list(dict.fromkeys(p.section for p in priorities))
    names = {s.id: ("de basisvaardigheden" if s.checklist else f"kerntaak {s.id} ({s.naam})") for s in sections}
    onderwerpen = list(enumerate(handreiking.onderwerpen()))

    def relevance(onderwerp) -> float:  # type: ignore[no-untyped-def]
        return sum(weight[s] for s in onderwerp.raakt_aan) / len(onderwerp.raakt_aan)

    chosen: list[tuple[int, object, object]] = []
    while len(chosen) < MAX_GESPREK:
        added = False
        for section in wanted:
            if len(chosen) >= MAX_GESPREK:
                break
            options = [
                (len(o.raakt_aan), -relevance(o), order, t, o)
                for order, (t, o) in onderwerpen
                if section in o.raakt_aan and all(order != c[0] for c in chosen)
            ]
            if options:
                _, _, order, thema, onderwerp = min(options, key=lambda x: x[:3])
                chosen.append((order, thema, onderwerp))
                added = True
        if not added:
            break
    out = []
    for _, thema, onderwerp in chosen:
        hits = [names.get(s, s) for s in onderwerp.raakt_aan if weight[s] > 0]  # type: ignore[attr-defined]
        why = "Past bij de aandachtspunten in " + _join(hits) + "."
        vragen = tuple(f"{v.tekst} {v.hint}" if v.hint else v.tekst for v in onderwerp.vragen)  # type: ignore[attr-defined]
        out.append(GesprekTopic(thema.naam, thema.hoofdvraag.tekst, onderwerp.id, onderwerp.titel,  # type: ignore[attr-defined]
                                tuple(onderwerp.raakt_aan), why, vragen))  # type: ignore[attr-defined]
    return tuple(out)


def _mean_over(figures_pairs: list[tuple[Figures, Figures]], which: int) -> tuple[float | None, float | None]:
    """Pooled mean and share on target over the chosen side (0: before, 1: after) of shown item pairs."""
    chosen = [pair[which] for pair in figures_pairs]
    counted = sum(f.counted for f in chosen)
    if not counted:
        return None, None
    total = sum((f.mean or 0.0) * f.counted for f in chosen)
    on = sum(f.on_target for f in chosen)
    return total / counted, on / counted


def _change(id_: str, before: tuple[float | None, float | None], after: tuple[float | None, float | None]) -> Change:
    def delta(a: float | None, b: float | None) -> float | None:
        return None if a is None or b is None else b - a

    return Change(id_, before[0], after[0], delta(before[0], after[0]), before[1], after[1], delta(before[1], after[1]))


def _changes(now: TeamProfile, before: TeamProfile) -> tuple[ColumnChange, ...]:
    previous = {c.key: c for c in before.columns}
    out = []
    for column in now.columns:
        old = previous.get(column.key)
        if old is None:
            continue
        items = []
        for old_f, new_f, info in zip(old.items, column.items, now.items):
            items.append(_change(
                info.id,
                (old_f.mean, old_f.share_on_target) if old_f else (None, None),
                (new_f.mean, new_f.share_on_target) if new_f else (None, None),
            ))
        sections = []
        for section in now.sections:
            pairs = []
            for item_id in section.items:
                pos = now.item_index(item_id)
                old_f, new_f = old.items[pos], column.items[pos]
                if old_f is not None and new_f is not None:
                    pairs.append((old_f, new_f))
            sections.append(_change(section.id, _mean_over(pairs, 0), _mean_over(pairs, 1)))
        out.append(ColumnChange(column.key, column.label, tuple(sections), tuple(items)))
    return tuple(out)


def _round(tally: Tally, files: int, rejected: int) -> Round:
    completed = tally.completed
    return Round(files, rejected, tally.valid_files, tally.respondents, completed, tally.respondents - completed, tally.set_aside)


def _notes(profile_round: Round, total: Column, groups: tuple[Column, ...], minimum: int, other_versions: Counter[str],
           unknown_items: int, kader: Kader) -> list[str]:
    notes = []
    r = profile_round
    if r.rejected:
        notes.append(f"{_count(r.rejected, 'bestand', 'bestanden')} overgeslagen omdat {'het' if r.rejected == 1 else 'ze'} ongeldig {'is' if r.rejected == 1 else 'zijn'}.")
    if r.set_aside:
        notes.append(
            f"{_count(r.set_aside, 'ouder of dubbel resultaat', 'oudere of dubbele resultaten')} van dezelfde respondent niet meegeteld: "
            "per respondent telt alleen het nieuwste afgeronde resultaat."
        )
    if r.drafts_only:
        notes.append(f"{_count(r.drafts_only, 'respondent heeft', 'respondenten hebben')} alleen een concept ingeleverd: geteld, maar niet in de cijfers.")
    if other_versions:
        versions = ", ".join(f"versie {v}: {n}" for v, n in sorted(other_versions.items()))
        n = sum(other_versions.values())
        notes.append(
            f"{_count(n, 'resultaat is', 'resultaten zijn')} gemaakt met een andere versie van het kader ({versions}); "
            f"dit rapport gebruikt versie {kader.meta.versie}. De antwoorden zijn op item-id gekoppeld."
        )
    if unknown_items:
        notes.append(f"{_count(unknown_items, 'resultaat bevat', 'resultaten bevatten')} antwoorden op items die dit kader niet kent; die tellen niet mee.")
    if not total.shown:
        notes.append(f"Te weinig respondenten voor cijfers: er zijn minstens {minimum} afgeronde resultaten nodig.")
    else:
        hidden_items = sum(1 for f in total.items if f is None)
        if hidden_items:
            notes.append(f"Bij {_count(hidden_items, 'stelling', 'stellingen')} telden minder dan {minimum} antwoorden mee: daar staan geen cijfers.")
        hidden_groups = [g for g in groups if not g.shown]
        if hidden_groups:
            notes.append(
                f"{_count(len(hidden_groups), 'groep', 'groepen')} zonder cijfers ({TOO_FEW}, of verborgen zodat een kleine groep "
                "niet uit het totaal terug te rekenen is)."
            )
    notes.append(
        f"Privacy: geen cijfers voor een groep of cel met minder dan {minimum} respondenten; geen namen, tenzij gevraagd."
    )
    return notes


def build_profile(
    tally: Tally,
    kader: Kader,
    targets: Targets,
    *,
    min_groep: int = MIN_GROEP,
    handreiking: Handreiking | None = None,
    files: int | None = None,
    rejected: int = 0,
    previous: TeamProfile | None = None,
) -> TeamProfile:
    """The team profile of a tally (see the module docstring for every rule).

    ``files`` and ``rejected`` are the counts of the collection (for the
    notes); ``previous`` is the profile of an earlier round (same kader,
    targets, grouping and minimum) to show the changes against.
    """
    if min_groep < 1:
        raise ValueError("min_groep must be at least 1")
    scale = _Scale(kader)
    sections, infos = _item_infos(kader, targets)
    total, groups = _columns(tally, sections, infos, scale, min_groep)
    priorities = _priorities(kader, total, sections, infos) if total.shown else ()
    round_ = _round(tally, files if files is not None else tally.valid_files + rejected, rejected)
    other_versions = tally.other_versions()
    unknown_items = tally.with_unknown_items()
    notes = _notes(round_, total, groups, min_groep, other_versions, unknown_items, kader)
    evidence = None
    if tally.keep_evidence and total.shown:
        # Only the whole team's examples, never per group: a small group's texts would say who wrote them.
        evidence = tuple(Evidence(k, v, m) for _, k, v, m in tally.evidence())
    names = tuple(tally.names()) if tally.keep_names else None
    meta = kader.meta
    profile = TeamProfile(
        kader_id=meta.id,
        kader_versie=meta.versie,
        kader_titel=meta.titel,
        kader_uitgever=meta.uitgever,
        kader_jaar=meta.jaar,
        kader_bron=meta.bron,
        targets_source=targets.source,
        min_groep=min_groep,
        by=tally.by,
        scale=tuple((n.waarde, n.label) for n in kader.schaal.niveaus),
        checklist=tuple((o.code, o.label, o.score) for o in kader.checklist.opties),
        nvt_code=kader.schaal.niet_van_toepassing.code,
        nvt_label=kader.schaal.niet_van_toepassing.label,
        sections=sections,
        items=infos,
        round=round_,
        previous=previous.round if previous is not None else None,
        total=total,
        groups=groups,
        priorities=priorities,
        gesprek=_gesprek(handreiking, priorities, sections),
        changes=(),
        other_versions=tuple(sorted(other_versions.items())),
        unknown_items=unknown_items,
        names=names,
        evidence=evidence,
        notes=tuple(notes),
    )
    if previous is not None:
        profile = msgspec.structs.replace(profile, changes=_changes(profile, previous))
    return profile


def profile_of(results: Iterable[Result], kader: Kader, targets: Targets, *, by: By | None = None, min_groep: int = MIN_GROEP,
               handreiking: Handreiking | None = None, keep_names: bool = False, keep_evidence: bool = False) -> TeamProfile:
    """The team profile of results in memory (for tests and small scripts); results that do not fit the kader are skipped."""
    tally = Tally(kader, by=by, keep_names=keep_names, keep_evidence=keep_evidence)
    skipped = sum(0 if tally.add_result(r) else 1 for r in results)
    return build_profile(tally, kader, targets, min_groep=min_groep, handreiking=handreiking, rejected=skipped)


# --- small Dutch text helpers (shared by the renderers) -----------------------------


def _decimal(value: float, digits: int = 1) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{digits}f}".replace(".", ",")


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _join(words: list[str]) -> str:
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]
