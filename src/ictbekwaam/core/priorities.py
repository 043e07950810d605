"""Development points a teacher can act on, and invitations to show an example (pure).

**The order rule**, one rule over both kinds of points (README, ``profile``, says the same):

1. Every basisvaardigheid below target goes into ONE point, "Digitale
   basisvaardigheden": per skill the answer, the target and a way to practise
   it (the most missing first, then kader order). It comes first, because the
   Kader calls the basisvaardigheden a prerequisite; being one point, it never
   pushes a kerntaak point out.
2. Then one point per kerntaak statement below target: the largest gap in
   levels first, equal gaps in kader order.
3. At most five points; at least three when there are that many (the
   basisvaardigheden count as one), and always at least two kerntaak points
   when two or more statements are below target. A kerntaak point exactly as
   heavy as the last one taken is added too, up to five, so that equal points
   are not cut off at random.

So a kerntaak gap of two levels is never hidden behind "deels" skills, and a
heavier kerntaak gap is never left out for a lighter one.

Each kerntaak point has the chapter 4 voorbeelden linked to its statement
(those that name it first before the others, at most two; one described under
an earlier point is referred to by that point's number), or, when the kader
has none, an own advice; who can help (the i-coach, or a colleague who scores
high there: never a name); and what would show progress, after the Kader's own
idea (:data:`KADER_EVIDENCE`, which every view quotes once). Every sentence of
a point names its statement or its skills, so no sentence is said twice.

The Kader gives no examples for the basisvaardigheden: the ways to practise
them are ictbekwaam's (``data/oefenen.yaml``, by item id), marked
:data:`SUGGESTIE` in every view; a school's own kader with other ids gets a
general sentence per skill.

The texts of a point have no form of address (no "je", no "ik"), so that the
profile and the POP (in the "ik" voice) show the same words. ``help`` and
``evidence`` complete the labels "Wie kan helpen:" and "Zo laat je groei zien:".

**Growth** (nothing below target): up to three kerntaak statements below the
top level, the lowest first, then kader order, with next steps like a point.

**Invitations**: a kerntaak rated at or above target (all its counted
statements), or with a statement at the top level, but without the teacher's
own example gets one kind invitation to show one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ictbekwaam import dutch
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader, Voorbeeld

if TYPE_CHECKING:
    from ictbekwaam.core.scoring import ItemScore, SectionScore

MIN_POINTS = 3
MAX_POINTS = 5
MIN_KERNTAAK_POINTS = 2
MAX_STEPS = 2
MAX_GROWTH = 3
MAX_NAMED = 3  # an invitation names up to three statements at the top level, else counts them

# What every view puts beside the ways to practise a basisvaardigheid.
SUGGESTIE = "suggestie van ictbekwaam"
BASIS_NOTE = (
    "Het Kader geeft bij de basisvaardigheden geen voorbeelden; de manieren om te oefenen zijn daarom elk een "
    f"{SUGGESTIE}."
)
# The Kader's own idea of how a teacher shows ict-bekwaamheid: verbatim, from the start of chapter 4.
KADER_EVIDENCE = (
    "Een afspraak kan zijn, dat de leraar per kerntaak 1 of meerdere voorbeelden van effectief ict-gebruik "
    "laat zien en kan uitleggen wat de meerwaarde hiervan is."
)
KADER_EVIDENCE_PLACE = "hoofdstuk 4"
KADER_EVIDENCE_SOURCE = f"Kader voor ict-bekwaamheid van leraren, {KADER_EVIDENCE_PLACE}"

Kind = Literal["basisvaardigheden", "kerntaak"]


@dataclass(frozen=True)
class Practice:
    """One basisvaardigheid below target in the grouped point.

    Attributes:
        item: the scored skill.
        suggestion: a way to practise it (a :data:`SUGGESTIE`; a general one for an id without one).
    """

    item: ItemScore
    suggestion: str


@dataclass(frozen=True)
class Priority:
    """A point to develop (or, for growth, to grow in), with why and how.

    Attributes:
        rank: 1 for the first point.
        kind: ``"basisvaardigheden"`` (the one grouped point) or ``"kerntaak"``.
        section_naam: the name of the section ("Digitale basisvaardigheden", "Pedagogisch-didactisch handelen").
        reason: one sentence on why this comes now.
        item: the statement of a kerntaak point; None for the basisvaardigheden.
        skills: the basisvaardigheden below target, each with a way to practise it.
        steps: chapter 4 voorbeelden linked to the statement (at most two).
        earlier: (voorbeeld id, rank) for a step already described under an earlier point.
        advice: a next step when there are no voorbeelden; for the basisvaardigheden, whose suggestions these are.
        help: who can help ("" for growth).
        evidence: what would show progress, after the Kader's idea.
    """

    rank: int
    kind: Kind
    section_naam: str
    reason: str
    item: ItemScore | None = None
    skills: tuple[Practice, ...] = ()
    steps: tuple[Voorbeeld, ...] = ()
    earlier: tuple[tuple[str, int], ...] = ()
    advice: str = ""
    help: str = ""
    evidence: str = ""

    @property
    def id(self) -> str:
        """The statement id, or ``"basisvaardigheden"`` for the grouped point."""
        return self.item.id if self.item is not None else BASISVAARDIGHEDEN

    @property
    def is_basis(self) -> bool:
        """True for the grouped basisvaardigheden point."""
        return self.kind == BASISVAARDIGHEDEN

    @property
    def section(self) -> str:
        """``"basisvaardigheden"`` or the kerntaak id."""
        return self.item.section if self.item is not None else BASISVAARDIGHEDEN

    @property
    def gap(self) -> float:
        """Levels to go (a statement), or the summed score points to go (the basisvaardigheden)."""
        if self.item is not None:
            return self.item.gap or 0
        return sum(p.item.gap or 0 for p in self.skills)

    def described_at(self, voorbeeld_id: str) -> int | None:
        """The rank of the earlier point that describes this voorbeeld, or None when this point does."""
        return dict(self.earlier).get(voorbeeld_id)


@dataclass(frozen=True)
class Invitation:
    """A kerntaak rated high without the teacher's own example: an invitation to show one.

    Attributes:
        kerntaak: the kerntaak id.
        naam: its name.
        all_on_target: every counted statement is at or above its target.
        top: ids of statements at the top level of the scale.
        top_label: that level, as ``"4 (Voorbeeld voor anderen)"``.
        all_at_top: every counted statement is at the top level.
    """

    kerntaak: str
    naam: str
    all_on_target: bool
    top: tuple[str, ...]
    top_label: str
    all_at_top: bool = False

    def text(self, *, ik: bool = False) -> str:
        """The invitation as one kind sentence: the profile's "je", or the POP's "ik" (``ik=True``)."""
        subject, mine = ("ik", "mijn") if ik else ("je", "je")
        at_top = dutch.join(self.top) if len(self.top) <= MAX_NAMED else dutch.count(len(self.top), "stelling", "stellingen")
        if self.all_at_top:
            what = f"bij alle stellingen op niveau {self.top_label}"
        elif self.all_on_target:
            what = f"bij alle stellingen op of boven {mine} doel"
            if self.top:
                what += f", bij {at_top} zelfs op niveau {self.top_label}"
        else:
            what = f"bij {at_top} op niveau {self.top_label}"
        return (
            f"Kerntaak {self.kerntaak} ({self.naam}): {subject} zit {what}, alleen staat er nog geen eigen voorbeeld "
            f"bij: welk voorbeeld uit {mine} werk laat dat zien, en wat voegde het toe?"
        )


# --- the texts of a point ---------------------------------------------------------


def _reason(item: ItemScore) -> str:
    steps = dutch.count(int(item.gap or 0), "niveau", "niveaus")
    return f"{item.id}: nu {item.level} ({item.answer_label}), doel {item.target} ({item.target_label}); nog {steps} te gaan."


def _help(item: ItemScore) -> str:
    return f"de i-coach, of een collega die op {item.id} hoog scoort: vragen hoe die het aanpakt, en een keer meekijken."


def _evidence(item: ItemScore) -> str:
    return f"een eigen voorbeeld bij {item.id} laten zien en uitleggen wat ict daarin toevoegde."


def _own_advice(item: ItemScore) -> str:
    return (
        f"voor {item.id} één les of taak in de komende weken kiezen om dit bewust te doen, en vooraf en achteraf "
        "met de i-coach bespreken wat het opleverde."
    )


def _general_practice(item: ItemScore) -> str:
    return f"Een collega of de i-coach vragen om {item.id} een keer voor te doen, en het daarna zelf proberen met eigen lesmateriaal."


def _steps(kader: Kader, item_id: str) -> tuple[Voorbeeld, ...]:
    linked = kader.examples_for(item_id)
    # Voorbeelden that name this item first are about it most directly.
    primary = [v for v in linked if v.items[0] == item_id]
    others = [v for v in linked if v.items[0] != item_id]
    return tuple((primary + others)[:MAX_STEPS])


def _with_steps(kader: Kader, rank: int, item: ItemScore, described: dict[str, int]) -> tuple[tuple[Voorbeeld, ...], tuple[tuple[str, int], ...]]:
    """The item's voorbeelden, and which of them an earlier point already describes (``described`` is updated)."""
    steps = _steps(kader, item.id)
    earlier = tuple((v.id, described[v.id]) for v in steps if v.id in described)
    for v in steps:
        described.setdefault(v.id, rank)
    return steps, earlier


# --- choosing the points -------------------------------------------------------------


def _basis_point(section: SectionScore, oefenen: Mapping[str, str], order: dict[str, int]) -> Priority:
    below = sorted(section.below_target, key=lambda i: (-(i.gap or 0), order[i.id]))
    skills = tuple(Practice(i, oefenen.get(i.id) or _general_practice(i)) for i in below)
    count = dutch.count(len(below), "basisvaardigheid", "basisvaardigheden")
    ids = dutch.join([i.id for i in below])
    return Priority(
        rank=1,
        kind="basisvaardigheden",
        section_naam=section.naam,
        reason=f"Bij {count} is het doel nog niet gehaald; het Kader noemt de basisvaardigheden voorwaardelijk.",
        skills=skills,
        advice=BASIS_NOTE,
        help="de i-coach, of een collega die hier vlot mee werkt: vragen of die het een keer voordoet.",
        evidence=f"{ids} een keer zelfstandig laten zien aan de i-coach of een collega.",
    )


def _kerntaak_gaps(sections: list[SectionScore], order: dict[str, int]) -> list[ItemScore]:
    gaps = [i for s in sections if not s.is_checklist for i in s.below_target]
    return sorted(gaps, key=lambda i: (-(i.gap or 0), order[i.id]))


def choose(kerntaak_gaps: list[ItemScore], basis: bool) -> list[ItemScore]:
    """The kerntaak statements to show (the order rule, points 2 and 3), from all of them in order."""
    room = MAX_POINTS - (1 if basis else 0)
    chosen = kerntaak_gaps[: max(MIN_POINTS - (1 if basis else 0), MIN_KERNTAAK_POINTS)]
    for extra in kerntaak_gaps[len(chosen) : room]:
        if extra.gap != chosen[-1].gap:
            break
        chosen.append(extra)
    return chosen


def priorities(kader: Kader, sections: list[SectionScore], oefenen: Mapping[str, str]) -> tuple[Priority, ...]:
    """The points to develop (the order rule in the module docstring); empty when nothing is below target."""
    order = {item.id: n for n, item in enumerate(kader.all_items())}
    names = {s.id: s.naam for s in sections}
    basis = next((s for s in sections if s.is_checklist and s.below_target), None)
    points = [_basis_point(basis, oefenen, order)] if basis is not None else []
    described: dict[str, int] = {}
    for item in choose(_kerntaak_gaps(sections, order), basis is not None):
        rank = len(points) + 1
        steps, earlier = _with_steps(kader, rank, item, described)
        points.append(
            Priority(
                rank=rank,
                kind="kerntaak",
                section_naam=names[item.section],
                reason=_reason(item),
                item=item,
                steps=steps,
                earlier=earlier,
                advice="" if steps else _own_advice(item),
                help=_help(item),
                evidence=_evidence(item),
            )
        )
    return tuple(points)


def growth(kader: Kader, kerntaken: list[SectionScore]) -> tuple[Priority, ...]:
    """When nothing is below target: statements below the top level to grow in, lowest first."""
    order = {item.id: n for n, item in enumerate(kader.all_items())}
    top = kader.schaal.niveaus[-1]
    below_top = [i for s in kerntaken for i in s.items if i.counted and (i.level or 0) < top.waarde]
    below_top.sort(key=lambda i: (i.level, order[i.id]))
    names = {s.id: s.naam for s in kerntaken}
    described: dict[str, int] = {}
    result = []
    for rank, item in enumerate(below_top[:MAX_GROWTH], start=1):
        where = "op het doel" if item.level == item.target else f"boven het doel van {item.target} ({item.target_label})"
        reason = (
            f"{item.id}: nu {item.level} ({item.answer_label}), {where}; een volgende stap is "
            f"{top.waarde} ({top.label}): collega's ermee op weg helpen."
        )
        steps, earlier = _with_steps(kader, rank, item, described)
        advice = "" if steps else (
            f"collega's laten zien hoe {item.id} aangepakt wordt, bijvoorbeeld in een leergroep of met "
            "collegiale consultatie."
        )
        result.append(
            Priority(rank, "kerntaak", names[item.section], reason, item, (), steps, earlier, advice, "", _evidence(item))
        )
    return tuple(result)


def invitations(kader: Kader, kerntaken: list[SectionScore]) -> tuple[Invitation, ...]:
    """Kerntaken rated high (all on target, or a statement at the top level) without the teacher's own example."""
    top = kader.schaal.niveaus[-1]
    result = []
    for section in kerntaken:
        if not section.counted or section.evidence_voorbeeld:
            continue
        at_top = tuple(i.id for i in section.items if i.counted and i.level == top.waarde)
        all_on_target = section.on_target == section.counted
        if all_on_target or at_top:
            label = f"{top.waarde} ({top.label})"
            result.append(Invitation(section.id, section.naam, all_on_target, at_top, label, len(at_top) == section.counted))
    return tuple(result)
