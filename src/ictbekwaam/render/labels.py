"""Small text pieces shared by the profile, POP and compare renderers.

Bars, marks and labels; the numbers in them are written by :mod:`ictbekwaam.dutch`.
Everything is readable without colour: a bar is made of block characters and
always comes with a label ("3/4 doel 3 ✓").
"""

from __future__ import annotations

from ictbekwaam import dutch
from ictbekwaam.core.priorities import KADER_EVIDENCE, KADER_EVIDENCE_PLACE, Priority
from ictbekwaam.core.scoring import ItemScore, Profile, SectionScore
from ictbekwaam.model.kader import ADDED_LINE, Voorbeeld

FULL = "█"
EMPTY = "░"
NONE = "·"
ON_TARGET = "✓"
BELOW_TARGET = "✗"
SECTION_BAR = 12


def bar(fraction: float, width: int) -> str:
    """A bar of ``width`` cells, ``fraction`` (0..1) of them full."""
    filled = max(0, min(width, round(fraction * width)))
    return FULL * filled + EMPTY * (width - filled)


def item_bar(item: ItemScore, max_level: int) -> str:
    """The bar of one item: its level (or checklist score) in ``max_level`` cells."""
    if item.level is not None:
        return bar(item.level / max_level, max_level)
    if item.score is not None:
        return bar(item.score, max_level)
    return NONE * max_level


def item_status(item: ItemScore, max_level: int, *, words: bool = False) -> str:
    """The label next to an item's bar: ``"3/4 doel 3 ✓"``, ``"Deels doel Ja ✗"``, ``"n.v.t."``.

    ``words`` (plain, for screen readers): ``"niveau 3 van 4, doel 3, op doel"``, ``"Deels, doel Ja, nog niet op doel"``.
    """
    if item.status == "nvt":
        return "n.v.t."
    if item.status == "open":
        return "niet beantwoord"
    reached = not item.gap
    if words:
        head = f"niveau {item.level} van {max_level}" if item.level is not None else item.answer_label
        target = item.target if item.level is not None else item.target_label
        gap = f", nog {dutch.levels(item.gap or 0)}" if item.level is not None and not reached else ""
        return f"{head}, doel {target}, {'op doel' if reached else 'nog niet op doel' + gap}"
    if item.level is not None:
        head = f"{item.level}/{max_level} doel {item.target}"
        return f"{head} {ON_TARGET}" if reached else f"{head} {BELOW_TARGET} nog {dutch.number(item.gap)}"
    return f"{item.answer_label} doel {item.target_label} {ON_TARGET if reached else BELOW_TARGET}"


def section_bar(section: SectionScore, max_level: int) -> str:
    """The bar of a section: the mean level (kerntaak) or mean score (basisvaardigheden)."""
    if section.mean_level is not None:
        return bar(section.mean_level / max_level, SECTION_BAR)
    if section.mean_score is not None:
        return bar(section.mean_score, SECTION_BAR)
    return NONE * SECTION_BAR


def checklist_counts(section: SectionScore) -> tuple[list[str], list[str]]:
    """(partial ids, missing ids) of the basisvaardigheden below target."""
    below = section.below_target
    return [i.id for i in below if i.score], [i.id for i in below if not i.score]


def section_summary(section: SectionScore, max_level: int, *, words: bool = False) -> str:
    """One line of figures: ``"gem. 2,6 van 4 · op doel 9 van 14 (64%) · nog 6 niveaus te gaan"``
    (``words``: commas instead of "·"); for the basisvaardigheden ``"op doel 8 van 10 (80%) · 1 deels · 1 nee"``.

    The last part, the summed gap, is left out when it is 0.
    """
    if not section.counted:
        return "nog niets beantwoord dat meetelt"
    on_target = f"op doel {section.on_target} van {section.counted} ({dutch.percent(section.share_on_target or 0)})"
    if section.is_checklist:
        partial, missing = checklist_counts(section)
        parts = [on_target]
        if partial:
            parts.append(f"{len(partial)} deels")
        if missing:
            parts.append(f"{len(missing)} nee")
        return (", " if words else " · ").join(parts)
    parts = [f"gem. {dutch.decimal(section.mean_level or 0)} van {max_level}", on_target]
    if section.total_gap:
        parts.append(dutch.levels_to_go(section.total_gap))
    return (", " if words else " · ").join(parts)


def who(profile: Profile) -> str:
    """The name in the result, or the respondent id when there is none."""
    return profile.naam or f"respondent {profile.respondent_id}"


def state(profile: Profile) -> str:
    """``"afgerond"``, ``"afgerond, 1 vraag niet beantwoord"`` or ``"CONCEPT (nog niet afgerond)"``.

    Says the same as the note "Niet beantwoord, telt niet mee (1): C2".
    """
    if not profile.complete:
        return "CONCEPT (nog niet afgerond)"
    skipped = len(profile.skipped)
    return f"afgerond, {dutch.count(skipped, 'vraag', 'vragen')} niet beantwoord" if skipped else "afgerond"


def dated(profile: Profile) -> str:
    """The date and the state, ``"12-03-2026, afgerond"``; a draft just the date, as its own line says it is a draft."""
    return f"{date(profile)}, {state(profile)}" if profile.complete else date(profile)


def date(profile: Profile) -> str:
    """The date the result was last saved, Dutch style (``12-03-2026``)."""
    return profile.updated_at.strftime("%d-%m-%Y")


def source_line(profile: Profile) -> str:
    """Where the Kader comes from, for the footer of every export."""
    k = profile.kader
    return f"Bron: {k.uitgever}, {k.titel} ({k.jaar}), {k.bron}. {ADDED_LINE}"


# The footer of the profile and the POP names the texts of the development points too (no form of address:
# the POP says "ik").
POINTS_LINE = (
    "Ook de teksten bij de ontwikkelpunten zijn van ictbekwaam: de oefensuggesties, wie kan helpen, wat groei laat "
    "zien, de volgende stappen waar het Kader geen voorbeeld geeft en het advies om verder te groeien."
)
# A kader that is not ictbekwaam's own file: its texts are shown as they are, never claimed to be verbatim.
FILE_LINE = (
    "De schaal, de stellingen en de voorbeelden komen uit het kaderbestand; of die tekst letterlijk van het Kader "
    "is, kan ictbekwaam niet nagaan."
)


def profile_source_line(profile: Profile) -> str:
    """The footer of the profile and the POP: the source, what ictbekwaam added, and the texts of the points.

    Only with ictbekwaam's own kader (:attr:`Profile.verbatim`) does it say that text between “ ” is the Kader's.
    """
    k = profile.kader
    added = ADDED_LINE if profile.verbatim else FILE_LINE
    return f"Bron: {k.uitgever}, {k.titel} ({k.jaar}), {k.bron}. {added} {POINTS_LINE}"


# --- the pieces of a development point (terminal, Markdown and POP alike) ----------------

KADER_STEPS = "Voorbeelden uit het Kader (hoofdstuk 4):"
FILE_STEPS = "Voorbeelden uit het kaderbestand:"
KADER_IDEA = f"Het Kader zegt hierover ({KADER_EVIDENCE_PLACE}): “{KADER_EVIDENCE}”"


def steps_heading(profile: Profile) -> str:
    """The heading above a point's voorbeelden: from the Kader, or (another kader file) from the kaderbestand."""
    return KADER_STEPS if profile.verbatim else FILE_STEPS


def description(voorbeeld: Voorbeeld, profile: Profile) -> str:
    """A voorbeeld's description on one line: between “ ” as a quote of the Kader only when it is verbatim."""
    text = " ".join(voorbeeld.omschrijving.split())
    return f"“{text}”" if profile.verbatim else text


def skill_line(item: ItemScore) -> str:
    """A basisvaardigheid of the grouped point: ``"BV2 (nu Nee, doel Ja): Ik kan bestanden beheren."``."""
    return f"{item.id} (nu {item.answer_label}, doel {item.target_label}): {item.stelling}"


def earlier_line(priority: Priority, word: str = "punt") -> str:
    """The point's voorbeelden described under earlier points, in one sentence naming the point's statement.

    ``"Ook bij A12 past het voorbeeld ‘Webquests’ (zie punt 2)."``, ``"Ook bij A12 passen de voorbeelden
    ‘Computersimulaties’ en ‘Webquests’ (zie punt 2)."``; "" when there are none. ``word`` names a point
    ("doel" in the POP).
    """
    titles = {v.id: v.titel for v in priority.steps}
    if not priority.earlier:
        return ""
    ranks = {rank for _, rank in priority.earlier}
    if len(ranks) == 1:
        named = dutch.join([f"‘{titles[vid]}’" for vid, _ in priority.earlier]) + f" (zie {word} {ranks.pop()})"
    else:
        named = dutch.join([f"‘{titles[vid]}’ (zie {word} {rank})" for vid, rank in priority.earlier])
    what = "past het voorbeeld" if len(priority.earlier) == 1 else "passen de voorbeelden"
    return f"Ook bij {priority.id} {what} {named}."


def shows_kader_idea(profile: Profile) -> bool:
    """Whether the profile has the block "Eigen voorbeelden laten zien" (the Kader's idea of showing examples):
    only with an invitation under it."""
    return bool(profile.invitations)
