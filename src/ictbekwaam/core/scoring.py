"""The gap profile: one result + the kader + the targets -> a :class:`Profile`.

Pure: no files, no terminal. The rules, in short:

- Per item: the answer, the target and the **gap**. For a kerntaak statement
  the gap is ``target - level`` (never below 0). For a basisvaardigheid
  (checklist) it is ``score(target option) - score(answer option)`` with the
  option scores of the kader (ja 1, deels 0.5, nee 0), never below 0: above 0
  means the skill is missing or partial.
- "Niet van toepassing" and unanswered items have no gap and are left out of
  every figure (counts, means, shares, sums); they are listed instead.
- Per section: the number of counted items, how many are on target, the share
  on target, the summed gap, and the mean level (kerntaken) or mean checklist
  score (basisvaardigheden).
- Development points, growth and invitations to show an example:
  :mod:`ictbekwaam.core.priorities` (the order rule is written there), with
  ictbekwaam's own texts (:mod:`ictbekwaam.core.guidance`).
- Whether the kader's texts are the Kader's own words (:attr:`Profile.verbatim`):
  only when the kader is ictbekwaam's own file, by its fingerprint.

Everything shown to the teacher (reasons, verdict, notes) is Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Sequence

from ictbekwaam import dutch
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Item, Kader, fingerprint
from ictbekwaam.model.result import Result
from ictbekwaam.model.targets import ItemTarget, Target, Targets
from ictbekwaam.core.versions import VersionGap, version_gap
from ictbekwaam.core.guidance import Guidance
from ictbekwaam.core.priorities import Invitation, Practice, Priority, growth as _growth, invitations as _invitations
from ictbekwaam.core.priorities import priorities as _priorities

__all__ = ["Guidance", "Invitation", "ItemScore", "KaderSource", "Practice", "Priority", "Profile", "SectionScore", "score"]

Status = Literal["geteld", "nvt", "open"]

@dataclass(frozen=True)
class ItemScore:
    """One item of the kader, scored.

    Attributes:
        id: the item id ("A7", "BV3").
        section: ``"basisvaardigheden"`` or the kerntaak id.
        stelling: the statement, as in the kader.
        status: ``"geteld"`` (answered and applicable: counts), ``"nvt"``
            (niet van toepassing) or ``"open"`` (unanswered); only ``"geteld"``
            items are in any figure.
        answer: the raw answer (level, checklist code, nvt code) or None.
        answer_label: the Dutch label of the answer ("Bekwaam", "Deels",
            "Niet van toepassing"), "" when unanswered.
        level: the level (kerntaak statements) when counted, else None.
        score: the option score 0..1 (basisvaardigheden) when counted, else None.
        target: the expected level, or checklist code for basisvaardigheden.
        target_label: the Dutch label of the target.
        gap: how far below the target (0 = on target); None when not counted.
            Levels for kerntaak statements, score points for basisvaardigheden.
    """

    id: str
    section: str
    stelling: str
    status: Status
    answer: int | str | None
    answer_label: str
    level: int | None
    score: float | None
    target: Target
    target_label: str
    gap: float | None

    @property
    def counted(self) -> bool:
        """Whether the item is in the figures (answered and applicable)."""
        return self.status == "geteld"

    @property
    def on_target(self) -> bool | None:
        """True/False for counted items, None for the others."""
        return None if self.gap is None else self.gap == 0

    @property
    def is_checklist(self) -> bool:
        """True for a basisvaardigheid."""
        return self.section == BASISVAARDIGHEDEN


@dataclass(frozen=True)
class SectionScore:
    """The basisvaardigheden or one kerntaak, scored.

    Attributes:
        id: ``"basisvaardigheden"`` or the kerntaak id.
        naam: its Dutch name.
        items: every item of the section, in kader order.
        counted: number of counted items (answered and applicable).
        on_target: number of counted items on target.
        share_on_target: ``on_target / counted``, None when nothing counts.
        total_gap: the sum of the gaps of the counted items.
        mean_level: the mean level of the counted items (kerntaken), else None.
        mean_score: the mean checklist score 0..1 (basisvaardigheden), else None.
        nvt: ids answered "niet van toepassing".
        open: ids not answered.
        evidence_voorbeeld: the teacher's own example for this kerntaak ("" if none).
        evidence_meerwaarde: what the teacher says it added ("" if none).
    """

    id: str
    naam: str
    items: tuple[ItemScore, ...]
    counted: int
    on_target: int
    share_on_target: float | None
    total_gap: float
    mean_level: float | None
    mean_score: float | None
    nvt: tuple[str, ...]
    open: tuple[str, ...]
    evidence_voorbeeld: str = ""
    evidence_meerwaarde: str = ""

    @property
    def is_checklist(self) -> bool:
        """True for the basisvaardigheden."""
        return self.id == BASISVAARDIGHEDEN

    @property
    def below_target(self) -> tuple[ItemScore, ...]:
        """Counted items with a gap, in kader order."""
        return tuple(i for i in self.items if i.gap)


@dataclass(frozen=True)
class KaderSource:
    """The kader the profile was computed with, for citing it.

    Attributes:
        id, versie: the kader's ``meta.id`` and ``meta.versie``.
        titel, uitgever, jaar, bron: the source (Kennisnet).
    """

    id: str
    versie: str
    titel: str
    uitgever: str
    jaar: int
    bron: str


@dataclass(frozen=True)
class Profile:
    """Where a teacher stands against the targets, and what to do first.

    Attributes:
        respondent_id: the random respondent id of the result.
        naam: the optional name in the result.
        complete: False for a draft (concept).
        updated_at: when the result was last saved.
        kader: the kader used for scoring.
        result_kader_versie: the kader version the result was made with.
        kader_matches: False when the result was made with another kader
            (items are then matched by id).
        targets_source: Dutch description of the targets used.
        targets_file: the doelen file, or None for the default targets.
        max_level: the highest level of the scale (for bars).
        scale: the levels as (waarde, label), ascending.
        basisvaardigheden: the checklist section.
        kerntaken: the kerntaken, in kader order.
        priorities: the points to develop first, at most five (empty if none):
            the basisvaardigheden below target as one point, then kerntaak
            statements (:mod:`ictbekwaam.core.priorities`, the order rule).
        growth: when nothing is below target: kerntaak items below the top
            level to grow in (lowest level first, then kader order), at most
            three, with next steps like a priority. Empty otherwise.
        invitations: kerntaken rated at or above target (or with a statement
            at the top level) without the teacher's own example.
        unknown: answered ids this kader does not have (another version), sorted.
        verdict: an honest Dutch summary in one or two sentences.
        notes: Dutch remarks on what the figures leave out (draft, open, nvt, ...).
        version: for a result made with an earlier version of this kader, what
            changed since (split, narrowed, new items); None otherwise.
        verbatim: whether the kader's texts (the chapter 4 voorbeelden) are the Kader's own words: only
            for ictbekwaam's own kader file, whose texts are checked against the source (the fingerprint
            in :attr:`Guidance.verbatim_kader`). Otherwise the views show them without “ ”, as
            texts "uit het kaderbestand".
    """

    respondent_id: str
    naam: str | None
    complete: bool
    updated_at: datetime
    kader: KaderSource
    result_kader_versie: str
    kader_matches: bool
    targets_source: str
    targets_file: str | None
    max_level: int
    scale: tuple[tuple[int, str], ...]
    basisvaardigheden: SectionScore
    kerntaken: tuple[SectionScore, ...]
    priorities: tuple[Priority, ...]
    growth: tuple[Priority, ...]
    unknown: tuple[str, ...]
    verdict: str
    notes: tuple[str, ...]
    version: VersionGap | None = None
    invitations: tuple[Invitation, ...] = ()
    verbatim: bool = False

    @property
    def sections(self) -> tuple[SectionScore, ...]:
        """Basisvaardigheden first, then the kerntaken."""
        return (self.basisvaardigheden, *self.kerntaken)

    @property
    def items(self) -> tuple[ItemScore, ...]:
        """Every scored item in kader order."""
        return tuple(i for s in self.sections for i in s.items)

    def item(self, item_id: str) -> ItemScore | None:
        """The scored item with this id, or None."""
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def skipped(self) -> tuple[str, ...]:
        """Ids left unanswered, in kader order (not those new since the result's kaderversie: never asked)."""
        return _skipped(self.sections, self.version)

    def level_label(self, level: int) -> str:
        """The Dutch label of a level ("" if the scale has no such level)."""
        return dict(self.scale).get(level, "")


# --- scoring one item --------------------------------------------------------


def _score_item(item: Item, section: str, answer: int | str | None, target: ItemTarget, kader: Kader) -> ItemScore:
    nvt = kader.schaal.niet_van_toepassing

    def make(status: Status, label: str, level: int | None = None, score: float | None = None, gap: float | None = None) -> ItemScore:
        return ItemScore(item.id, section, item.stelling, status, answer, label, level, score, target.target, target.label, gap)

    if answer is None:
        return make("open", "")
    if answer == nvt.code:
        return make("nvt", nvt.label)
    if target.checklist and isinstance(answer, str):
        option = {o.code: o for o in kader.checklist.opties}[answer]
        return make("geteld", option.label, score=option.score, gap=target.gap(option.score))
    if isinstance(answer, int) and isinstance(target.target, int):
        levels = {n.waarde: n.label for n in kader.schaal.niveaus}
        return make("geteld", levels.get(answer, ""), level=answer, gap=target.gap(answer))
    # load_result refuses such answers; a result built in memory might still hold one.
    raise ValueError(f"antwoord {answer!r} past niet bij item {item.id}")


def _section(section_id: str, naam: str, items: list[ItemScore], evidence: tuple[str, str] = ("", "")) -> SectionScore:
    counted = [i for i in items if i.counted]
    on_target = sum(1 for i in counted if i.gap == 0)
    checklist = section_id == BASISVAARDIGHEDEN
    mean_level = None if checklist or not counted else sum(i.level or 0 for i in counted) / len(counted)
    mean_score = None if not checklist or not counted else sum(i.score or 0.0 for i in counted) / len(counted)
    return SectionScore(
        id=section_id,
        naam=naam,
        items=tuple(items),
        counted=len(counted),
        on_target=on_target,
        share_on_target=on_target / len(counted) if counted else None,
        total_gap=sum(i.gap or 0 for i in counted),
        mean_level=mean_level,
        mean_score=mean_score,
        nvt=tuple(i.id for i in items if i.status == "nvt"),
        open=tuple(i.id for i in items if i.status == "open"),
        evidence_voorbeeld=evidence[0],
        evidence_meerwaarde=evidence[1],
    )


# --- texts -------------------------------------------------------------------


def growth_steps(growth: tuple[Priority, ...]) -> str:
    """Where the growth points go, grouped by level: ``"bij A1 en A5 naar 2 (Beginnend) en bij C5 naar 4 (…)"``."""
    groups: dict[tuple[int, str], list[str]] = {}
    for point in growth:
        if point.next_level is not None:
            groups.setdefault(point.next_level, []).append(point.id)
    return dutch.join([f"bij {dutch.join(ids)} naar {waarde} ({label})" for (waarde, label), ids in groups.items()])


def _verdict(sections: list[SectionScore], priorities: tuple[Priority, ...], growth: tuple[Priority, ...], top_label: str, max_level: int) -> str:
    counted = sum(s.counted for s in sections)
    on_target = sum(s.on_target for s in sections)
    if counted == 0:
        return "Er zijn nog geen antwoorden die meetellen, dus er is nog geen profiel te maken."
    if not priorities and not any(s.counted for s in sections[1:]):
        return (
            "Je basisvaardigheden zijn op orde. Voor de kerntaken is nog niets beantwoord dat meetelt, "
            "dus daarover zegt dit profiel nog niets."
        )
    if not priorities:
        if growth and all(g.next_level == (max_level, top_label) for g in growth):
            return (
                f"Je zit bij alles wat je beantwoordde op of boven het doel. Wil je verder groeien? "
                f"Help collega's op weg: niveau {max_level} ({top_label}), bijvoorbeeld bij {dutch.join([g.id for g in growth])}."
            )
        if growth:
            return (
                "Je zit bij alles wat je beantwoordde op of boven het doel. Wil je verder groeien? "
                f"Een volgende stap is een niveau hoger, bijvoorbeeld {growth_steps(growth)}."
            )
        return (
            f"Je zit bij alles wat je beantwoordde op het hoogste niveau ({top_label}). "
            "Deel je ervaring: help collega's op weg of neem het voortouw in een leergroep over ict."
        )
    text = f"Bij {on_target} van de {counting(counted)} zit je op of boven je doel."
    if priorities[0].is_basis:
        text += " Begin bij de basisvaardigheden: die zijn voorwaardelijk."
    return text


def _notes(
    result: Result,
    sections: list[SectionScore],
    unknown: tuple[str, ...],
    matches: bool,
    kader: Kader,
    targets: Targets,
    gap: VersionGap | None,
    not_then: list[str],
) -> tuple[str, ...]:
    notes = []
    if not result.complete:
        notes.append("Dit is een concept: de zelfevaluatie is nog niet afgerond. Het profiel kan nog veranderen.")
    open_ids = _skipped(sections, gap)
    not_asked = [i for s in sections for i in s.open if i not in open_ids]  # new since the result's version: never asked
    nvt_ids = [i for s in sections for i in s.nvt]
    if open_ids:
        notes.append(f"Niet beantwoord, telt niet mee ({len(open_ids)}): {', '.join(open_ids)}.")
    if not_asked and gap is not None:
        notes.append(f"Nieuw sinds kaderversie {gap.versie}, dus nog niet gevraagd; telt niet mee ({len(not_asked)}): {', '.join(not_asked)}.")
    if nvt_ids:
        notes.append(f"Niet van toepassing, telt niet mee ({len(nvt_ids)}): {', '.join(nvt_ids)}.")
    if not matches and (result.kader.id, result.kader.versie) == (kader.meta.id, kader.meta.versie):
        notes.append(
            f"Dit resultaat is gemaakt met een ander kaderbestand (zelfde versie {kader.meta.versie}, andere inhoud). "
            "Items zijn op id gekoppeld."
        )
    elif gap is not None and gap.known:
        notes.append(
            f"Dit resultaat is gemaakt met kaderversie {gap.versie}; het profiel gebruikt versie {gap.current}. "
            + " ".join(gap.sentences("antwoorden"))
        )
    elif not matches:
        notes.append(
            f"Dit resultaat is gemaakt met kaderversie {result.kader.versie} ({result.kader.id}); "
            f"het profiel gebruikt versie {kader.meta.versie}. Items zijn op id gekoppeld."
        )
    if not_then and gap is not None:
        notes.append(
            f"Antwoorden op {dutch.join(not_then)} tellen niet mee: die stellingen waren er in kaderversie {gap.versie} nog niet."
        )
    unexplained = [i for i in unknown if gap is None or i not in gap.retired]
    if unexplained:
        notes.append(f"Antwoorden op items die dit kader niet kent, tellen niet mee ({len(unexplained)}): {', '.join(unexplained)}.")
    notes.extend(f"{note[0].upper()}{note[1:]}." for note in targets.notes)
    return tuple(notes)


def _skipped(sections: Sequence[SectionScore], gap: VersionGap | None) -> tuple[str, ...]:
    """Ids left unanswered, in kader order; not those new since the result's kaderversie (never asked)."""
    later = set(gap.new) if gap is not None and gap.known else set()
    return tuple(i for s in sections for i in s.open if i not in later)


def counting(n: int) -> str:
    """``"35 vragen die meetellen"``: the questions in the figures (answered, and not "niet van toepassing")."""
    return dutch.count(n, "vraag die meetelt", "vragen die meetellen")


# --- the scorer ---------------------------------------------------------------


def score(result: Result, kader: Kader, targets: Targets, oefenen: Guidance | None = None) -> Profile:
    """The gap profile of ``result`` against ``targets`` (see the module docstring for the rules).

    ``oefenen``: ictbekwaam's own texts for the development points (``files.loader.load_oefenen``), looked
    up by statement text; without them every point gets the general texts. They also say which kader
    is ictbekwaam's own: only a profile scored with that one shows the kader's texts as verbatim quotes
    (:attr:`Profile.verbatim`); without them nothing is.

    ``result`` should have been checked against ``kader`` (``files.results.load_result``):
    answers to known items must fit the scale. Answers to items the kader does
    not have are listed in ``Profile.unknown`` and otherwise ignored.
    """
    gap = version_gap(kader, result.kader.id, result.kader.versie, result.kader.hash)
    # Items new since the result's version were not asked in it: an answer to one (an edited file) does not count.
    not_then = [i for i in gap.new if i in result.answers] if gap is not None and gap.known else []
    answers = {k: v for k, v in result.answers.items() if k not in not_then} if not_then else result.answers

    def scored(item: Item, section: str) -> ItemScore:
        return _score_item(item, section, answers.get(item.id), targets.for_item(kader, item.id), kader)

    bv = kader.basisvaardigheden
    sections = [_section(BASISVAARDIGHEDEN, bv.naam, [scored(i, BASISVAARDIGHEDEN) for i in bv.items])]
    for kerntaak in kader.kerntaken:
        evidence = result.evidence.get(kerntaak.id)
        texts = (evidence.voorbeeld.strip(), evidence.meerwaarde.strip()) if evidence else ("", "")
        sections.append(_section(kerntaak.id, kerntaak.naam, [scored(i, kerntaak.id) for i in kerntaak.items], texts))

    max_level = max(kader.level_values())
    top_label = kader.schaal.niveaus[-1].label
    known = {i.id for i in kader.all_items()}
    unknown = tuple(sorted(k for k in answers if k not in known))
    guidance = oefenen or Guidance()
    kader_hash = fingerprint(kader)
    matches = result.kader.hash == kader_hash
    priorities = _priorities(kader, sections, guidance)
    growth = () if priorities else _growth(kader, sections[1:], guidance)
    meta = kader.meta
    return Profile(
        respondent_id=result.respondent.id,
        naam=result.respondent.naam,
        complete=result.complete,
        updated_at=result.updated_at,
        kader=KaderSource(meta.id, meta.versie, meta.titel, meta.uitgever, meta.jaar, meta.bron),
        result_kader_versie=result.kader.versie,
        kader_matches=matches,
        targets_source=targets.source,
        targets_file=str(targets.file) if targets.file is not None else None,
        max_level=max_level,
        scale=tuple((n.waarde, n.label) for n in kader.schaal.niveaus),
        basisvaardigheden=sections[0],
        kerntaken=tuple(sections[1:]),
        priorities=priorities,
        growth=growth,
        unknown=unknown,
        verdict=_verdict(sections, priorities, growth, top_label, max_level),
        notes=_notes(result, sections, unknown, matches, kader, targets, gap, not_then),
        version=gap,
        invitations=_invitations(kader, sections[1:]),
        verbatim=bool(guidance.verbatim_kader) and kader_hash == guidance.verbatim_kader,
    )
