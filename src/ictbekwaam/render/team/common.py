"""Dutch words and numbers shared by the team report renderers (terminal, Markdown, HTML, CSV).

Every figure that can be hidden goes through these helpers, so that a hidden
one always reads "te weinig respondenten" and never a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from ictbekwaam.core.team.records import TOO_FEW, Change, Column, Figures, ItemInfo, Round, SectionInfo, TeamProfile

DASH = "–"
BY_TITLES = {"school": "school", "team": "team", "sector": "sector"}


def decimal(value: float, digits: int = 1) -> str:
    """``2.65`` -> ``"2,7"``; whole numbers without decimals."""
    rounded = round(value, digits)
    if float(rounded).is_integer():
        return str(int(rounded))
    return f"{rounded:.{digits}f}".replace(".", ",")


def percent(share: float | None) -> str:
    """``0.6428`` -> ``"64%"``; None -> a dash."""
    return DASH if share is None else f"{round(share * 100)}%"


def signed(value: float | None, digits: int = 1, *, percent_points: bool = False) -> str:
    """A change with its sign (``+0,4``, ``−12 procentpunt``); None -> a dash."""
    if value is None:
        return DASH
    if percent_points:
        points = round(value * 100)
        return "0" if points == 0 else f"{'+' if points > 0 else '−'}{abs(points)} pp"
    if round(value, digits) == 0:
        return "0"
    return f"{'+' if value > 0 else '−'}{decimal(abs(value), digits)}"


def mean_text(figures: Figures | None, checklist: bool) -> str:
    """The mean level (``"2,4"``), or the coverage of a basisvaardigheid (``"86%"``)."""
    if figures is None:
        return TOO_FEW
    if figures.mean is None:
        return DASH
    return percent(figures.mean) if checklist else decimal(figures.mean)


def median_text(figures: Figures | None) -> str:
    """The median level, or a dash (or the suppression text)."""
    if figures is None:
        return TOO_FEW
    return DASH if figures.median is None else decimal(figures.median)


def share_text(figures: Figures | None) -> str:
    """The share on target, e.g. ``"64%"``."""
    if figures is None:
        return TOO_FEW
    return percent(figures.share_on_target)


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


def count_text(n: int, one: str, many: str) -> str:
    """``"1 bestand"``, ``"3 bestanden"``."""
    return f"{n} {one if n == 1 else many}"


def round_line(r: Round) -> str:
    """One line of counts of a collection of files."""
    parts = [
        f"{count_text(r.files, 'bestand', 'bestanden')} gelezen",
        f"{r.rejected} overgeslagen" if r.rejected else "geen overgeslagen",
    ]
    people = f"{count_text(r.respondents, 'respondent', 'respondenten')}: {r.completed} afgerond"
    if r.drafts_only:
        people += f", {r.drafts_only} alleen concept"
    if r.set_aside:
        people += f"; {r.set_aside} oudere of dubbele niet meegeteld"
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
        "Gespreksvragen: Kennisnet, Handreiking professionalisering ict-bekwaamheid. "
        "De schaal, de stellingen en de standaarddoelen zijn van ictbekwaam."
    )


def privacy_line(profile: TeamProfile) -> str:
    """The privacy rule in one line."""
    return (
        f"Privacy: geen cijfers voor een groep of cel met minder dan {profile.min_groep} respondenten "
        f"(\"{TOO_FEW}\"), ook niet terug te rekenen uit het totaal; geen namen, tenzij gevraagd."
    )


def notes(profile: TeamProfile) -> list[str]:
    """The profile's notes, without the privacy line (renderers print :func:`privacy_line` themselves)."""
    return [n for n in profile.notes if not n.startswith("Privacy:")]


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
        delta: the difference with its sign (percentage points for basisvaardigheden), or a dash.
        share: "64% → 71%" (share on target then and now), or a dash.
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


def change_texts(profile: TeamProfile, change: Change) -> ChangeText:
    """The words for one :class:`~ictbekwaam.core.team.records.Change` of ``profile``."""
    section = next((s for s in profile.sections if s.id == change.id), None)
    checklist = section.checklist if section is not None else profile.items[profile.item_index(change.id)].checklist

    def shown(value: float | None) -> str:
        if value is None:
            return TOO_FEW
        return percent(value) if checklist else decimal(value)

    return ChangeText(
        id=change.id,
        is_section=section is not None,
        label=section_title(section) if section is not None else change.id,
        before=shown(change.before),
        after=shown(change.after),
        delta=signed(change.delta, percent_points=checklist) if change.delta is not None else DASH,
        share=f"{percent(change.share_before)} → {percent(change.share_after)}" if change.share_delta is not None else DASH,
        up=change.delta is not None and change.delta > 0,
        down=change.delta is not None and change.delta < 0,
    )
