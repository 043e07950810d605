"""Step 2b of the team picture: what the team works on first, and what to talk about. Pure.

**Priorities**: the items where the largest share of the team is below
target, at most :data:`MAX_PRIORITIES`; basisvaardigheden come first when at
least :data:`BASIS_FIRST_SHARE` of the team is below target there (the Kader
calls them a prerequisite), then the largest share below target, the largest
mean gap, and kader order.

**Conversation questions**: at most :data:`MAX_GESPREK` Handreiking
onderwerpen. The sections of the priorities take turns, in the order of their
first priority; each gets the onderwerp whose ``raakt_aan`` names it and that
is most specific (fewest sections), then most relevant (the summed share below
target of the priorities in its sections, divided by their number), then
first in the Handreiking; no onderwerp twice.
"""

from __future__ import annotations

from collections import Counter

from ictbekwaam import dutch
from ictbekwaam.core.team.records import Column, GesprekTopic, ItemInfo, SectionInfo, TeamPriority
from ictbekwaam.model.kader import TOEGEVOEGD, Handreiking, Kader

MAX_PRIORITIES = 5
BASIS_FIRST_SHARE = 0.25
MAX_GESPREK = 3


def priorities(kader: Kader, total: Column, sections: tuple[SectionInfo, ...], infos: tuple[ItemInfo, ...]) -> tuple[TeamPriority, ...]:
    """The team's points to work on, from the whole team's figures (see the module docstring)."""
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
        share = dutch.percent(figures.share_below_target)
        if info.checklist:
            reason = (
                f"{share} van het team beheerst deze basisvaardigheid nog niet (helemaal) (doel: {info.target_label}); "
                "de basisvaardigheden zijn voorwaardelijk."
            )
        else:
            reason = (
                f"{share} van het team zit onder het doel {info.target} ({info.target_label}); "
                f"gemiddeld {dutch.decimal(figures.mean or 0)}."
            )
        voorbeelden = tuple(v.titel for v in kader.examples_for(info.id))[:3]
        out.append(
            TeamPriority(rank, info.id, info.section, names[info.section], info.stelling, figures.share_below_target,
                         figures.mean or 0.0, figures.mean_gap, info.target_label, reason, voorbeelden)
        )
    return tuple(out)


def gesprek(handreiking: Handreiking | None, points: tuple[TeamPriority, ...], sections: tuple[SectionInfo, ...]) -> tuple[GesprekTopic, ...]:
    """The Handreiking onderwerpen that fit the priorities ``points``, with their questions (see the module docstring)."""
    if handreiking is None or not points:
        return ()
    weight: Counter[str] = Counter()
    for priority in points:
        weight[priority.section] += priority.share_below_target
    # The sections in the order of their first priority: the largest gap leads.
    wanted = list(dict.fromkeys(p.section for p in points))
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
        why = f"Past bij de aandachtspunten in {dutch.join(hits)} (koppeling {TOEGEVOEGD})."
        vragen = tuple(f"{v.tekst} {v.hint}" if v.hint else v.tekst for v in onderwerp.vragen)  # type: ignore[attr-defined]
        out.append(GesprekTopic(thema.naam, thema.hoofdvraag.tekst, onderwerp.id, onderwerp.titel,  # type: ignore[attr-defined]
                                tuple(onderwerp.raakt_aan), why, vragen))  # type: ignore[attr-defined]
    return tuple(out)
