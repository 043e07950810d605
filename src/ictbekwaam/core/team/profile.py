"""Step 2 of the team picture: a :class:`~ictbekwaam.core.team.tally.Tally` -> a :class:`TeamProfile`. Pure.

:func:`build_profile` puts together the figures with suppression
(:mod:`~ictbekwaam.core.team.figures`), the priorities and conversation
questions (:mod:`~ictbekwaam.core.team.priorities`), the counts of the
collection and Dutch notes on what the figures leave out.

**Two rounds** (:mod:`~ictbekwaam.core.team.rounds`): the change of the mean
and the share on target per item and per kerntaak, per column, over the
respondents in both rounds, hidden wherever it would reveal anyone's answers.

**Differencing between reports** (:mod:`~ictbekwaam.core.team.differencing`):
warnings when a report with another grouping would reveal a hidden figure of
this one; and a banner for every output when ``min_groep`` is below the
standard :data:`~ictbekwaam.core.team.records.MIN_GROEP`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ictbekwaam import dutch
from ictbekwaam.core.team.figures import Layout, columns
from ictbekwaam.core.team.differencing import differencing_warnings
from ictbekwaam.core.team.priorities import gesprek, priorities
from ictbekwaam.core.team.records import MIN_GROEP, TOO_FEW, By, Column, Round, SharedExample, TeamProfile
from ictbekwaam.core.team.rounds import compare
from ictbekwaam.core.team.tally import Tally
from ictbekwaam.core.versions import VersionGap, version_gap
from ictbekwaam.model.kader import Handreiking, Kader
from ictbekwaam.model.result import Result
from ictbekwaam.model.targets import Targets


def _round(tally: Tally, files: int, rejected: int) -> Round:
    completed = tally.completed
    conflicts = tally.conflicts()
    return Round(
        files, rejected, tally.valid_files, tally.respondents, completed, tally.respondents - completed, tally.set_aside,
        len(conflicts), sum(len(found) for _, found in conflicts),
    )


def _notes(profile_round: Round, total: Column, groups: tuple[Column, ...], minimum: int, other_versions: Counter[str],
           unknown_items: int, kader: Kader) -> list[str]:
    notes = []
    r = profile_round
    if r.rejected:
        notes.append(f"{r.rejected} overgeslagen omdat {'het' if r.rejected == 1 else 'ze'} ongeldig of niet te lezen {'is' if r.rejected == 1 else 'zijn'}.")
    if r.set_aside:
        notes.append(
            f"{dutch.count(r.set_aside, 'ouder of dubbel resultaat', 'oudere of dubbele resultaten')} van dezelfde respondent niet meegeteld: "
            "per respondent telt alleen het nieuwste afgeronde resultaat."
        )
    if r.conflicts:
        notes.append(
            f"{dutch.count(r.conflicts, 'respondent-id komt', 'respondent-ids komen')} voor met verschillende namen: elke naam "
            f"telt als een eigen respondent (samen {r.conflicting}). Meestal zijn dat collega's die op één computer of uit "
            "één antwoordbestand een zelfevaluatie maakten; is het één persoon die de naam anders schreef, dan telt die dubbel "
            "(ook voor --min-groep: een groep kan dan getoond worden met één persoon minder dan de cijfers zeggen); laat dan "
            "een van de bestanden weg. Welke bestanden het zijn, meldt ictbekwaam bij het maken van het rapport."
        )
    if r.drafts_only:
        notes.append(f"{dutch.count(r.drafts_only, 'respondent heeft', 'respondenten hebben')} alleen een concept ingeleverd: geteld, maar niet in de cijfers.")
    same_version = other_versions.get(kader.meta.versie, 0)
    if same_version:
        notes.append(
            f"{dutch.count(same_version, 'resultaat is', 'resultaten zijn')} gemaakt met een ander kaderbestand van dezelfde "
            f"versie {kader.meta.versie} (andere inhoud). De antwoorden zijn op item-id gekoppeld."
        )
    earlier = {v: n for v, n in other_versions.items() if v != kader.meta.versie}
    if earlier:
        versions = ", ".join(f"versie {v}: {n}" for v, n in sorted(earlier.items()))
        n = sum(earlier.values())
        notes.append(
            f"{dutch.count(n, 'resultaat is', 'resultaten zijn')} gemaakt met een andere versie van het kader ({versions}); "
            f"dit rapport gebruikt versie {kader.meta.versie}. De antwoorden zijn op item-id gekoppeld."
        )
        for versie, _, gap in _known_gaps(earlier, kader):
            notes.append(f"Veranderd tussen versie {versie} en {gap.current}. " + " ".join(gap.sentences(f"antwoorden uit versie {versie}")))
    if unknown_items:
        notes.append(f"{dutch.count(unknown_items, 'resultaat bevat', 'resultaten bevatten')} antwoorden op items die dit kader niet kent; die tellen niet mee.")
    if not total.shown:
        notes.append(f"Te weinig respondenten voor cijfers: er zijn minstens {dutch.count(minimum, 'afgerond resultaat', 'afgeronde resultaten')} nodig.")
    else:
        hidden_items = sum(1 for f in total.items if f is None)
        if hidden_items:
            notes.append(f"Bij {dutch.count(hidden_items, 'stelling', 'stellingen')} telden minder dan {dutch.count(minimum, 'antwoord', 'antwoorden')} mee: daar staan geen cijfers.")
        hidden_groups = [g for g in groups if not g.shown]
        if hidden_groups:
            notes.append(
                f"{dutch.count(len(hidden_groups), 'groep', 'groepen')} zonder cijfers ({TOO_FEW}, of verborgen zodat een kleine groep "
                "niet uit het totaal terug te rekenen is)."
            )
    notes.append(
        f"Privacy: geen cijfers voor een groep of cel met minder dan {dutch.count(minimum, 'respondent', 'respondenten')}; geen namen, tenzij gevraagd."
    )
    return notes


def banner(minimum: int) -> str | None:
    """The warning on top of every output of a report made with ``--min-groep`` below the standard, else None."""
    if minimum >= MIN_GROEP:
        return None
    return (
        f"LET OP: gemaakt met --min-groep {minimum}, onder de standaard van {MIN_GROEP}. Er staan cijfers in over groepen "
        f"van maar {dutch.count(minimum, 'respondent', 'respondenten')}: daaruit zijn de antwoorden van een enkele collega "
        "makkelijk af te leiden. Deel dit rapport alleen met wie die antwoorden ook mag zien."
    )


def _known_gaps(versions: dict[str, int], kader: Kader) -> list[tuple[str, int, VersionGap]]:
    """(version, results, gap) for each earlier version the kader's history knows, in version order."""
    gaps = [(v, n, version_gap(kader, kader.meta.id, v)) for v, n in sorted(versions.items()) if v != kader.meta.versie]
    return [(v, n, gap) for v, n, gap in gaps if gap is not None and gap.known]


def _previous_version_notes(other_versions: Counter[str], kader: Kader) -> list[str]:
    """What an earlier kaderversie in last round's results means for the changes shown."""
    notes = []
    for versie, count, gap in _known_gaps(other_versions, kader):
        n = dutch.count(count, "resultaat", "resultaten")
        note = f"De vorige ronde telt {n} van kaderversie {versie}."
        if gap.new:
            note += f" Bij {dutch.join(list(gap.new))} ontbreekt daar een antwoord (nieuw of gesplitst sinds die versie): daar geen verandering."
        if gap.changed:
            note += f" {dutch.join([w.id for w in gap.changed])} zijn sindsdien nauwer geformuleerd: lees die veranderingen met die kanttekening."
        notes.append(note)
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
    previous: Tally | None = None,
    previous_files: int | None = None,
    previous_rejected: int = 0,
) -> TeamProfile:
    """The team profile of a tally (see :mod:`ictbekwaam.core.team` and the modules it names for every rule).

    ``files`` and ``rejected`` are the counts of the collection (for the
    notes); ``previous`` is the tally of an earlier round (same kader and
    grouping) to show the changes against, ``previous_files`` and
    ``previous_rejected`` the counts of its collection.
    """
    if min_groep < 1:
        raise ValueError("min_groep must be at least 1")
    layout = Layout(kader, targets)
    sections = layout.sections
    total, groups = columns(tally, layout, min_groep)
    points = priorities(kader, total, sections, layout.items) if total.shown else ()
    round_ = _round(tally, files if files is not None else tally.valid_files + rejected, rejected)
    other_versions = tally.other_versions()
    unknown_items = tally.with_unknown_items()
    notes = _notes(round_, total, groups, min_groep, other_versions, unknown_items, kader)
    examples = None
    if tally.keep_evidence and total.shown:
        # Only the whole team's examples, never per group: a small group's texts would say who wrote them.
        examples = tuple(SharedExample(k, v, m) for _, k, v, m in tally.evidence())
    names = tuple(tally.names()) if tally.keep_names else None
    in_both, changes, comparison, previous_round, round_warnings = None, (), (), None, ()
    if previous is not None:
        if previous.by != tally.by or previous.items != tally.items:
            raise ValueError("the previous round must be tallied with the same kader and grouping")
        unpaired = frozenset(i for _, _, gap in _known_gaps(previous.other_versions(), kader) for i in gap.new)
        in_both, changes, comparison, round_warnings = compare(
            tally, previous, layout, min_groep, (total, groups), columns(previous, layout, min_groep), unpaired
        )
        previous_files = previous_files if previous_files is not None else previous.valid_files + previous_rejected
        previous_round = _round(previous, previous_files, previous_rejected)
        notes = (*notes, *_previous_version_notes(previous.other_versions(), kader))
    meta = kader.meta
    return TeamProfile(
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
        items=layout.items,
        round=round_,
        previous=previous_round,
        total=total,
        groups=groups,
        priorities=points,
        gesprek=gesprek(handreiking, points, sections),
        in_both=in_both,
        changes=changes,
        comparison=comparison,
        other_versions=tuple(sorted(other_versions.items())),
        unknown_items=unknown_items,
        names=names,
        examples=examples,
        notes=tuple(notes),
        warnings=(*round_warnings, *differencing_warnings(tally, layout, min_groep, total, groups)),
        banner=banner(min_groep),
    )


def profile_of(results: Iterable[Result], kader: Kader, targets: Targets, *, by: By | None = None, min_groep: int = MIN_GROEP,
               handreiking: Handreiking | None = None, keep_names: bool = False, keep_evidence: bool = False) -> TeamProfile:
    """The team profile of results in memory (for tests and small scripts); results that do not fit the kader are skipped."""
    tally = Tally(kader, by=by, keep_names=keep_names, keep_evidence=keep_evidence)
    skipped = sum(0 if tally.add_result(r, n) else 1 for n, r in enumerate(results))
    return build_profile(tally, kader, targets, min_groep=min_groep, handreiking=handreiking, rejected=skipped)
