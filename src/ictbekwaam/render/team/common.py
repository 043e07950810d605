"""Dutch words shared by the team report renderers (terminal, Markdown, HTML, CSV).

Every figure that can be hidden goes through these helpers, so that a hidden
one always reads "te weinig respondenten" and never a number. The numbers
themselves are written by :mod:`ictbekwaam.dutch`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ictbekwaam import dutch
from ictbekwaam.model.kader import ADDED_LINE, TOEGEVOEGD
from ictbekwaam.core.team.records import TOO_FEW, Change, Column, ColumnChange, Figures, ItemInfo, Round, SectionInfo, TeamProfile

DASH = "–"
BY_TITLES = {"school": "school", "team": "team", "sector": "sector"}


def mean_text(figures: Figures | None, checklist: bool) -> str:
    """The mean level (``"2,4"``), or the coverage of a basisvaardigheid (``"86%"``)."""
    if figures is None:
        return TOO_FEW
    if figures.mean is None:
        return DASH
    return dutch.percent(figures.mean) if checklist else dutch.decimal(figures.mean)


def median_text(figures: Figures | None) -> str:
    """The median level, or a dash (or the suppression text)."""
    if figures is None:
        return TOO_FEW
    return DASH if figures.median is None else dutch.decimal(figures.median)


def share_text(figures: Figures | None) -> str:
    """The share on target, e.g. ``"64%"`` (a dash when nothing counts)."""
    if figures is None:
        return TOO_FEW
    return DASH if figures.share_on_target is None else dutch.percent(figures.share_on_target)


def category_labels(profile: TeamProfile, checklist: bool) -> list[str]:
    """Column headings for a distribution: ``["1 Nog niet", ...]`` or ``["Ja", "Deels", "Nee"]``."""
    if checklist:
        return [label for _, label, _ in profile.checklist]
    return [f"{waarde} {label}" for waarde, label in profile.scale]


def short_category_labels(profile: TeamProfile, checklist: bool) -> list[str]:
    """Short headings: ``["1", "2", "3", "4"]`` or ``["Ja", "Deels", "Nee"]``."""
    if checklist:
        return [label for _, label, _ in profile.checklist]
    return [str(waarde) for waarde, _ in profile.scale]


def shares(figures: Figures) -> list[float]:
    """The share of the counted answers per category (0..1)."""
    if not figures.counted:
        return [0.0 for _ in figures.counts]
    return [c / figures.counted for c in figures.counts]


def section_title(section: SectionInfo) -> str:
    """``"Digitale basisvaardigheden"`` or ``"Kerntaak A: Pedagogisch-didactisch handelen"``."""
    return section.naam if section.checklist else f"Kerntaak {section.id}: {section.naam}"


def target_text(item: ItemInfo) -> str:
    """``"3 (Bekwaam)"`` or ``"Ja"``."""
    return item.target_label if item.checklist else f"{item.target} ({item.target_label})"


def round_line(r: Round) -> str:
    """One line of counts of a collection of files."""
    parts = [
        f"{dutch.count(r.files, 'bestand', 'bestanden')} gelezen",
        f"{r.rejected} overgeslagen" if r.rejected else "geen overgeslagen",
    ]
    people = f"{dutch.count(r.respondents, 'respondent', 'respondenten')}: {r.completed} afgerond"
    if r.drafts_only:
        people += f", {r.drafts_only} alleen concept"
    if r.set_aside:
        people += f"; {r.set_aside} oudere of dubbele niet meegeteld"
    if r.conflicts:
        people += f"; {dutch.count(r.conflicts, 'respondent-id', 'respondent-ids')} met verschillende namen (elke naam apart geteld)"
    return f"{', '.join(parts)}. {people}."


def column_counts(column: Column) -> str:
    """``"12 respondenten, 11 afgerond"`` or the suppression text."""
    if not column.shown:
        return TOO_FEW
    text = f"{column.completed} afgerond"
    if column.drafts:
        text += f", {column.drafts} alleen concept"
    return text


def title(profile: TeamProfile) -> str:
    """The report's title."""
    if profile.by:
        return f"Teamprofiel ict-bekwaamheid, per {BY_TITLES[profile.by]}"
    return "Teamprofiel ict-bekwaamheid"


def kader_line(profile: TeamProfile) -> str:
    """Which kader and version the report uses."""
    return f"{profile.kader_titel} ({profile.kader_uitgever}, {profile.kader_jaar}), versie {profile.kader_versie}"


def source_line(profile: TeamProfile) -> str:
    """Where the Kader comes from, for the footer."""
    return (
        f"Bron: {profile.kader_uitgever}, {profile.kader_titel} ({profile.kader_jaar}), {profile.kader_bron}. "
        "Gespreksvragen: Kennisnet, Handreiking professionalisering ict-bekwaamheid; welke onderwerpen bij welke "
        f"tekorten passen, is {TOEGEVOEGD}. " + ADDED_LINE
    )


def privacy_line(profile: TeamProfile) -> str:
    """The privacy rule in one line."""
    return (
        f"Privacy: geen cijfers voor een groep of cel met minder dan {dutch.count(profile.min_groep, 'respondent', 'respondenten')} "
        f"(\"{TOO_FEW}\"), ook niet terug te rekenen uit het totaal; geen namen, tenzij gevraagd."
    )


def notes(profile: TeamProfile) -> list[str]:
    """The warnings about other reports, then the notes, without the privacy line (renderers print :func:`privacy_line` themselves)."""
    return [*profile.warnings, *(n for n in profile.notes if not n.startswith("Privacy:"))]


def scale_line(profile: TeamProfile) -> str:
    """``"Schaal: 1 Nog niet · 2 Beginnend · ..."``."""
    levels = " · ".join(f"{w} {label}" for w, label in profile.scale)
    return f"Schaal: {levels}; {profile.nvt_label.lower()} telt niet mee."


def status_text(complete: bool) -> str:
    """``"afgerond"`` or ``"alleen concept"``."""
    return "afgerond" if complete else "alleen concept"


@dataclass(frozen=True)
class ChangeText:
    """One row of "Verschil met de vorige ronde", in words, the same in every format.

    Attributes:
        id: the section or item id.
        is_section: True for a section (basisvaardigheden, a kerntaak).
        label: the section's title, or the item id.
        before, after: the mean (coverage for basisvaardigheden) then and now, or "te weinig respondenten".
        delta: the difference with its sign (percentage points for basisvaardigheden), from the
            figures as shown; or a dash.
        share: "64% → 71%" (share on target then and now), or a dash.
        up, down: whether the shown difference is above or below zero.
    """

    id: str
    is_section: bool
    label: str
    before: str
    after: str
    delta: str
    share: str
    up: bool
    down: bool


def _share_change(change: Change) -> str:
    """``"64% → 71%"``, or a dash when the share is not shown in both rounds."""
    if change.share_before is None or change.share_after is None:
        return DASH
    return f"{dutch.percent(change.share_before)} → {dutch.percent(change.share_after)}"


def change_texts(profile: TeamProfile, change: Change) -> ChangeText:
    """The words for one :class:`~ictbekwaam.core.team.records.Change` of ``profile``.

    The difference is worked out from the figures as shown (``2,3 → 2,4``
    is ``+0,1``), so the three numbers of a row always agree.
    """
    section = next((s for s in profile.sections if s.id == change.id), None)
    checklist = section.checklist if section is not None else profile.items[profile.item_index(change.id)].checklist
    label = section_title(section) if section is not None else change.id
    if change.before is None or change.after is None:
        return ChangeText(change.id, section is not None, label, TOO_FEW, TOO_FEW, DASH, DASH, False, False)
    if checklist:
        before, after = dutch.percent(change.before), dutch.percent(change.after)
        delta = dutch.points_difference(change.before, change.after)
    else:
        before, after = dutch.decimal(change.before), dutch.decimal(change.after)
        delta = dutch.difference(change.before, change.after)
    return ChangeText(
        id=change.id,
        is_section=section is not None,
        label=label,
        before=before,
        after=after,
        delta=delta,
        share=_share_change(change),
        up=delta.startswith("+"),
        down=delta.startswith(dutch.MINUS),
    )


def comparison_title(change: ColumnChange) -> str:
    """``"Heel het team (12 in beide rondes)"``: the heading of one column's changes."""
    return f"{change.label} ({change.in_both} in beide rondes)"
