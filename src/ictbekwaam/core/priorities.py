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
has none, an own advice; who can help (never a name); and what evidence would
show progress, after the Kader's own idea (:data:`KADER_EVIDENCE`, quoted where
a teacher is invited to show an example).

**ictbekwaam's own texts** (:mod:`ictbekwaam.core.guidance`, from
``data/oefenen.yaml``) are specific, never one template with only the id
changed: who can help is per kerntaak (A: a colleague who does it in lessons;
B: the ict-coördinator; C: a leergroep, a vakplatform, the i-coach), what to
do with that help and what shows progress per statement. A statement
ictbekwaam has no texts for (a school's own kader) gets its kerntaak's helpers,
asked about its first voorbeeld not named yet in such a text (else the general
help, once: at the first point that needs it), and as evidence an example like
its first voorbeeld not named yet, else one for its own statement. The own
advice for a statement without voorbeelden is said once too. So no sentence is
said twice, not even with another id in it.

The Kader gives no examples for the basisvaardigheden: the ways to practise
them are ictbekwaam's, marked :data:`SUGGESTIE` in every view, each used only
for the statement it was written for. Skills without one (a school's own
statements) share ONE general way to practise (:attr:`Priority.general`).

The texts of a point have no form of address (no "je", no "ik"), so that the
profile and the POP (in the "ik" voice) show the same words. ``help`` and
``evidence`` complete the labels "Wie kan helpen:" and "Zo laat je groei zien:".

**Growth** (nothing below target): up to three kerntaak statements below the
top level, the lowest first, then kader order. The next step is the NEXT
level (:attr:`Priority.next_level`): from 2 it is 3, and only from the level
below the top is it the top, helping colleagues on their way; who can help is
said only below that.

**Invitations**: a kerntaak rated at or above target (all its counted
statements), or with a statement at the top level, but without the teacher's
own example gets one kind invitation to show one, but only when one of its
counted statements is above the lowest level (2 or higher on the Kader's
scale): a teacher at 1 everywhere, on a school's target of 1, is not asked to
show what they do not do yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ictbekwaam import dutch
from ictbekwaam.core.guidance import Guidance
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

# ictbekwaam's general texts, for what data/oefenen.yaml has nothing specific for (each said once).
GENERAL_HELP = "vragen hoe die het aanpakt, en een keer meekijken."
OWN_ADVICE = (
    "één les of taak in de komende weken kiezen om dit bewust te doen, en vooraf en achteraf met de i-coach "
    "bespreken wat het opleverde."
)
GROW_TO_TOP_ADVICE = "collega's laten zien hoe dit aangepakt wordt, bijvoorbeeld in een leergroep of met collegiale consultatie."
BASIS_HELP = "de i-coach, of een collega die hier vlot mee werkt: vragen of die het een keer voordoet."

Kind = Literal["basisvaardigheden", "kerntaak"]


@dataclass(frozen=True)
class Practice:
    """One basisvaardigheid below target in the grouped point.

    Attributes:
        item: the scored skill.
        suggestion: a way to practise it (a :data:`SUGGESTIE`), or "" when ictbekwaam has none for its
            statement: then the point's :attr:`Priority.general` covers it.
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
        advice: a next step when there are no voorbeelden ("" when the same advice stands at an earlier
            point); for the basisvaardigheden, whose suggestions these are.
        help: who can help ("" when the same help stands at an earlier point, and for growth to the top).
        evidence: what would show progress, after the Kader's idea.
        general: the basisvaardigheden only: one general way to practise the skills without a suggestion
            of their own ("" when every skill has one).
        next_level: growth only: the level to grow to (the next one), as (waarde, label).
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
    general: str = ""
    next_level: tuple[int, str] | None = None

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

    @property
    def unpractised(self) -> tuple[str, ...]:
        """Ids of the skills without a suggestion of their own (covered by :attr:`general`)."""
        return tuple(p.item.id for p in self.skills if not p.suggestion)

    def described_at(self, voorbeeld_id: str) -> int | None:
        """The rank of the earlier point that describes this voorbeeld, or None when this point does."""
        return dict(self.earlier).get(voorbeeld_id)

    @property
    def own_steps(self) -> tuple[Voorbeeld, ...]:
        """The steps this point describes itself (not those described under an earlier point)."""
        return tuple(v for v in self.steps if self.described_at(v.id) is None)


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
        counted: how many of its statements count (answered with a level).
        all_counted: every statement of the kerntaak counts (none open or "niet van toepassing").
    """

    kerntaak: str
    naam: str
    all_on_target: bool
    top: tuple[str, ...]
    top_label: str
    all_at_top: bool = False
    counted: int = 0
    all_counted: bool = True

    def text(self, *, ik: bool = False) -> str:
        """The invitation as one kind sentence: the profile's "je", or the POP's "ik" (``ik=True``)."""
        subject, mine = ("ik", "mijn") if ik else ("je", "je")
        at_top = dutch.join(self.top) if len(self.top) <= MAX_NAMED else dutch.count(len(self.top), "stelling", "stellingen")
        if self.all_counted:
            scope = "alle stellingen"
        elif self.counted == 1:
            scope = f"de ene stelling die {subject} met een niveau beantwoordde"
        else:
            scope = f"alle {dutch.count(self.counted, 'stelling', 'stellingen')} die {subject} met een niveau beantwoordde"
        if self.all_at_top and (self.all_counted or len(self.top) > MAX_NAMED):
            what = f"bij {scope}{'' if self.all_counted else ','} op niveau {self.top_label}"
        elif self.all_on_target and not self.all_at_top:
            what = f"bij {scope}{'' if self.all_counted else ','} op of boven {mine} doel"
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
    return f"{item.id}: nu {item.level} ({item.answer_label}), doel {item.target} ({item.target_label}); {dutch.levels_to_go(item.gap or 0)}."


def _general_practice(ids: list[str]) -> str:
    which = "deze vaardigheid" if len(ids) == 1 else "deze vaardigheden"
    return (
        f"Voor {dutch.join(ids)} heeft ictbekwaam geen eigen suggestie: één taak uit het eigen werk kiezen waarin "
        f"{which} nodig {'is' if len(ids) == 1 else 'zijn'}, die een paar keer doen en bijhouden wat nog lastig is."
    )


def _steps(kader: Kader, item_id: str) -> tuple[Voorbeeld, ...]:
    linked = kader.examples_for(item_id)
    # Voorbeelden that name this item first are about it most directly.
    primary = [v for v in linked if v.items[0] == item_id]
    others = [v for v in linked if v.items[0] != item_id]
    return tuple((primary + others)[:MAX_STEPS])


class _Texts:
    """The help, evidence and advice of the kerntaak points, in rank order: specific where ictbekwaam
    has texts for the statement, and a general text at most once."""

    def __init__(self, kader: Kader, guidance: Guidance) -> None:
        self.kader = kader
        self.guidance = guidance
        self.described: dict[str, int] = {}  # voorbeeld id -> the rank of the point that describes it
        self.said: set[str] = set()  # general texts said already
        self.named: dict[str, set[str]] = {"help": set(), "evidence": set()}  # voorbeelden named in a general text

    def once(self, text: str) -> str:
        """``text`` the first time, "" after that."""
        if text in self.said:
            return ""
        self.said.add(text)
        return text

    def steps(self, rank: int, item: ItemScore) -> tuple[tuple[Voorbeeld, ...], tuple[tuple[str, int], ...]]:
        """The item's voorbeelden, and which of them an earlier point already describes."""
        steps = _steps(self.kader, item.id)
        earlier = tuple((v.id, self.described[v.id]) for v in steps if v.id in self.described)
        for v in steps:
            self.described.setdefault(v.id, rank)
        return steps, earlier

    def fresh(self, kind: str, steps: tuple[Voorbeeld, ...]) -> Voorbeeld | None:
        """The first of ``steps`` not named yet in a general text of this kind (which it then is)."""
        fresh = next((v for v in steps if v.id not in self.named[kind]), None)
        if fresh is not None:
            self.named[kind].add(fresh.id)
        return fresh

    def help(self, item: ItemScore, steps: tuple[Voorbeeld, ...]) -> str:
        own = self.guidance.statement(item.stelling)
        if own is not None:
            return f"{self.guidance.helper(own.kerntaak)}: {own.hulp}"
        who = self.guidance.helper(item.section)
        fresh = self.fresh("help", steps)
        if fresh is not None:
            return f"{who}: vragen hoe die een voorbeeld als ‘{fresh.titel}’ aanpakt, en een keer meekijken."
        return self.once(f"{who}: {GENERAL_HELP}")

    def evidence(self, item: ItemScore, steps: tuple[Voorbeeld, ...]) -> str:
        own = self.guidance.statement(item.stelling)
        if own is not None:
            return own.bewijs
        fresh = self.fresh("evidence", steps)
        if fresh is not None:
            return f"een eigen voorbeeld zoals ‘{fresh.titel}’, en wat ict daarin toevoegde."
        return f"een eigen voorbeeld bij de stelling ‘{item.stelling.rstrip('.')}’, en wat ict daarin toevoegde."


# --- choosing the points -------------------------------------------------------------


def _basis_point(section: SectionScore, guidance: Guidance, order: dict[str, int]) -> Priority:
    below = sorted(section.below_target, key=lambda i: (-(i.gap or 0), order[i.id]))
    skills = tuple(Practice(i, guidance.practice_for(i.stelling)) for i in below)
    unpractised = [p.item.id for p in skills if not p.suggestion]
    count = dutch.count(len(below), "basisvaardigheid", "basisvaardigheden")
    ids = dutch.join([i.id for i in below])
    return Priority(
        rank=1,
        kind="basisvaardigheden",
        section_naam=section.naam,
        reason=f"Bij {count} is het doel nog niet gehaald; het Kader noemt de basisvaardigheden voorwaardelijk.",
        skills=skills,
        advice=BASIS_NOTE,
        help=BASIS_HELP,
        evidence=f"{ids} een keer zelfstandig laten zien aan de i-coach of een collega.",
        general=_general_practice(unpractised) if unpractised else "",
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


def priorities(kader: Kader, sections: list[SectionScore], guidance: Guidance | None = None) -> tuple[Priority, ...]:
    """The points to develop (the order rule in the module docstring); empty when nothing is below target."""
    guidance = guidance or Guidance()
    order = {item.id: n for n, item in enumerate(kader.all_items())}
    names = {s.id: s.naam for s in sections}
    basis = next((s for s in sections if s.is_checklist and s.below_target), None)
    points = [_basis_point(basis, guidance, order)] if basis is not None else []
    texts = _Texts(kader, guidance)
    for item in choose(_kerntaak_gaps(sections, order), basis is not None):
        rank = len(points) + 1
        steps, earlier = texts.steps(rank, item)
        points.append(
            Priority(
                rank=rank,
                kind="kerntaak",
                section_naam=names[item.section],
                reason=_reason(item),
                item=item,
                steps=steps,
                earlier=earlier,
                advice="" if steps else texts.once(OWN_ADVICE),
                help=texts.help(item, steps),
                evidence=texts.evidence(item, steps),
            )
        )
    return tuple(points)


def growth(kader: Kader, kerntaken: list[SectionScore], guidance: Guidance | None = None) -> tuple[Priority, ...]:
    """When nothing is below target: statements below the top level to grow in, lowest first, each to its next level."""
    guidance = guidance or Guidance()
    order = {item.id: n for n, item in enumerate(kader.all_items())}
    labels = {n.waarde: n.label for n in kader.schaal.niveaus}
    top = kader.schaal.niveaus[-1].waarde
    below_top = [i for s in kerntaken for i in s.items if i.counted and (i.level or 0) < top]
    below_top.sort(key=lambda i: (i.level, order[i.id]))
    names = {s.id: s.naam for s in kerntaken}
    texts = _Texts(kader, guidance)
    result = []
    for rank, item in enumerate(below_top[:MAX_GROWTH], start=1):
        level = item.level or 0
        to = min((w for w in labels if w > level), default=top)
        where = "op het doel" if level == item.target else f"boven het doel van {item.target} ({item.target_label})"
        reason = f"{item.id}: nu {level} ({item.answer_label}), {where}; een volgende stap is {to} ({labels[to]})"
        reason += ": collega's ermee op weg helpen." if to == top else "."
        steps, earlier = texts.steps(rank, item)
        advice = "" if steps else texts.once(GROW_TO_TOP_ADVICE if to == top else OWN_ADVICE)
        result.append(
            Priority(
                rank,
                "kerntaak",
                names[item.section],
                reason,
                item,
                steps=steps,
                earlier=earlier,
                advice=advice,
                help="" if to == top else texts.help(item, steps),  # at the top a teacher is the one who helps
                evidence=texts.evidence(item, steps),
                next_level=(to, labels[to]),
            )
        )
    return tuple(result)


def invitations(kader: Kader, kerntaken: list[SectionScore]) -> tuple[Invitation, ...]:
    """Kerntaken rated high (all on target, or a statement at the top level) without the teacher's own example,
    with a counted statement above the lowest level."""
    top = kader.schaal.niveaus[-1]
    lowest = kader.schaal.niveaus[0].waarde
    result = []
    for section in kerntaken:
        if not section.counted or section.evidence_voorbeeld:
            continue
        counted = [i for i in section.items if i.counted]
        if not any((i.level or lowest) > lowest for i in counted):
            continue  # nothing done yet to show an example of
        at_top = tuple(i.id for i in counted if i.level == top.waarde)
        all_on_target = section.on_target == section.counted
        if all_on_target or at_top:
            result.append(
                Invitation(
                    section.id,
                    section.naam,
                    all_on_target,
                    at_top,
                    f"{top.waarde} ({top.label})",
                    all_at_top=len(at_top) == section.counted,
                    counted=section.counted,
                    all_counted=section.counted == len(section.items),
                )
            )
    return tuple(result)
