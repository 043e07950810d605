"""The team report on the terminal (rich), readable in 80 columns and without colour.

Numbers always carry the meaning; colour only adds a heat-map shade (a
darker cell is a larger share). A hidden figure reads "te weinig
respondenten"; in the compact group-by-item table it is "–" with that legend
right under the table.

Every text reaches rich as :func:`~ictbekwaam.render.literal.literal`: a
group named ``Onderbouw [/]`` is shown as it is (never read as markup) and
an escape character in a name or a file name is shown as ``\x1b``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ictbekwaam import dutch
from ictbekwaam.core.team.records import TOO_FEW, Column, Figures, Rejected, TeamProfile
from ictbekwaam.render.literal import literal
from ictbekwaam.render.team.common import (
    DASH,
    change_texts,
    column_counts,
    comparison_title,
    kader_line,
    mean_text,
    median_text,
    notes,
    privacy_line,
    round_line,
    scale_line,
    section_title,
    share_text,
    shares,
    short_category_labels,
    source_line,
    status_text,
    title,
)

GROUPS_PER_TABLE = 3


def _heat(share: float) -> str:
    """A background from white to blue for a share 0..1 (text stays black)."""
    share = max(0.0, min(1.0, share))
    r = round(255 - share * (255 - 66))
    g = round(255 - share * (255 - 133))
    b = round(255 - share * (255 - 204))
    fg = "white" if share > 0.6 else "black"
    return f"{fg} on rgb({r},{g},{b})"


def _level_heat(mean: float, max_level: int) -> str:
    return _heat((mean - 1) / (max_level - 1) if max_level > 1 else 1.0)


def _distribution(profile: TeamProfile, figures: Figures, checklist: bool) -> str:
    labels = short_category_labels(profile, checklist)
    return " · ".join(f"{label} {dutch.percent(s)}" for label, s in zip(labels, shares(figures)))


def _sections_table(profile: TeamProfile, column: Column):  # -> rich Table
    from rich.table import Table

    table = Table(title="Per onderdeel", title_justify="left", title_style="bold", expand=False)
    table.add_column("Onderdeel", overflow="fold", max_width=28)
    table.add_column("Gem.", justify="right")
    table.add_column("Med.", justify="right")
    table.add_column("Op doel", justify="right")
    table.add_column("Verdeling", overflow="fold")
    for section, figures in zip(profile.sections, column.sections):
        name = section_title(section)
        if figures is None:
            table.add_row(literal(name), TOO_FEW, "", "", "")
            continue
        table.add_row(
            literal(name),
            mean_text(figures, section.checklist),
            median_text(figures) if not section.checklist else DASH,
            share_text(figures),
            literal(_distribution(profile, figures, section.checklist)),
        )
    return table


def _items_table(profile: TeamProfile, column: Column, checklist: bool):  # -> rich Table
    from rich.table import Table

    heading = "Basisvaardigheden: dekking per vaardigheid" if checklist else "Stellingen: verdeling per niveau (heatmap)"
    table = Table(title=heading, title_justify="left", title_style="bold", expand=False)
    table.add_column("Item", no_wrap=True)
    table.add_column("Stelling", overflow="ellipsis", no_wrap=True, max_width=26 if checklist else 22)
    for label in short_category_labels(profile, checklist):
        table.add_column(literal(label), justify="right", no_wrap=True)
    if not checklist:
        table.add_column("nvt", justify="right", no_wrap=True)
    table.add_column("Dekking" if checklist else "Gem.", justify="right", no_wrap=True)
    table.add_column("Op doel", justify="right", no_wrap=True)
    n_categories = len(profile.checklist) if checklist else len(profile.scale)
    for item, figures in zip(profile.items, column.items):
        if item.checklist != checklist:
            continue
        if figures is None:
            table.add_row(literal(item.id), literal(TOO_FEW, style="italic"), *[""] * (n_categories + (2 if checklist else 3)))
            continue
        cells = [literal(dutch.percent(s), style=_heat(s)) for s in shares(figures)]
        extra = [] if checklist else [str(figures.nvt)]
        table.add_row(literal(item.id), literal(item.stelling), *cells, *extra, mean_text(figures, checklist), share_text(figures))
    return table


def _groups_tables(profile: TeamProfile) -> list:
    from rich.table import Table

    out: list = []
    columns = list(profile.groups)
    max_level = max(w for w, _ in profile.scale)
    for start in range(0, len(columns), GROUPS_PER_TABLE):
        chunk = [profile.total, *columns[start : start + GROUPS_PER_TABLE]]
        table = Table(title="Groepen naast elkaar (gemiddelde · op doel)", title_justify="left", title_style="bold")
        table.add_column("", overflow="fold", max_width=18)
        for column in chunk:
            table.add_column(literal(column.label), overflow="fold", justify="right")
        table.add_row("Afgerond", *[column_counts(c) for c in chunk])
        for pos, section in enumerate(profile.sections):
            row = []
            for column in chunk:
                figures = column.sections[pos] if column.shown else None
                row.append(TOO_FEW if figures is None else f"{mean_text(figures, section.checklist)} · {share_text(figures)}")
            table.add_row(literal("Basisvaardigheden" if section.checklist else f"Kerntaak {section.id}"), *row)
        out.append(table)

        items = Table(title="Per stelling: gemiddelde (dekking bij basisvaardigheden)", title_justify="left", title_style="bold")
        items.add_column("Item", no_wrap=True)
        for column in chunk:
            items.add_column(literal(column.label), overflow="fold", justify="right")
        for pos, item in enumerate(profile.items):
            row = []
            for column in chunk:
                figures = column.items[pos]
                if figures is None or figures.mean is None:
                    row.append(literal(DASH))
                elif item.checklist:
                    row.append(literal(dutch.percent(figures.mean), style=_heat(figures.mean)))
                else:
                    row.append(literal(dutch.decimal(figures.mean), style=_level_heat(figures.mean, max_level)))
            items.add_row(literal(item.id), *row)
        out.append(items)
        out.append(literal(f"{DASH}: {TOO_FEW}", style="dim"))
    return out


def _changes(profile: TeamProfile) -> list:
    from rich.table import Table

    out: list = [literal("Verschil met de vorige ronde", style="bold")]
    if profile.previous is not None:
        out.append(literal(f"Vorige ronde: {round_line(profile.previous)}"))
    out += [literal(line) for line in profile.comparison]
    for change in profile.changes:
        if not change.shown:
            continue  # named in one line of the comparison remarks
        table = Table(title=literal(comparison_title(change), style="bold"), title_justify="left")
        table.add_column("Onderdeel / item", no_wrap=True)
        table.add_column("Gem. toen", justify="right")
        table.add_column("Gem. nu", justify="right")
        table.add_column("Verschil", justify="right")
        table.add_column("Op doel toen → nu", justify="right")
        for c in (*change.sections, *change.items):
            row = change_texts(profile, c)
            label = row.label if not row.is_section else (profile.section(c.id).naam if profile.section(c.id).checklist else f"Kerntaak {c.id}")
            if not c.shown:
                table.add_row(literal(label), TOO_FEW, "", "", "")
            else:
                table.add_row(literal(label), row.before, row.after, row.delta, row.share)
        out.append(table)
    return out


def report_renderable(profile: TeamProfile, rejected: Sequence[Rejected] = (), *, file_names: bool = True):  # -> rich renderable
    """The whole report for the terminal, or as text for a file.

    Skipped files are listed with their names when ``file_names`` (the coach's
    own screen, so the files can be found and fixed); without it only their
    reasons are counted, as in the other exports (a file name is often a
    person's name). Respondents' names only when they are in the profile.
    """
    from rich.console import Group

    parts: list = [literal(profile.banner, style="bold reverse")] if profile.banner else []
    parts += [
        literal(title(profile), style="bold underline"),
        literal(kader_line(profile)),
        literal(f"Doelen: {profile.targets_source}"),
        literal(scale_line(profile)),
        literal(round_line(profile.round)),
    ]
    for note in notes(profile):
        parts.append(literal(f"Let op: {note}"))
    if rejected:
        parts.append(literal(""))
        parts.append(literal(f"Overgeslagen bestanden ({len(rejected)}):", style="bold"))
        if file_names:
            parts += [literal(f"  ✗ {r.file}: {r.reason}") for r in rejected]
        else:
            parts += [literal(f"  ✗ {n}× {reason}") for reason, n in Counter(r.reason for r in rejected).most_common()]
    total = profile.total
    parts.append(literal(""))
    if not total.shown:
        parts.append(literal(f"Heel het team: {TOO_FEW} (minstens {dutch.count(profile.min_groep, 'afgerond resultaat', 'afgeronde resultaten')} nodig).", style="bold"))
    else:
        parts += [_sections_table(profile, total), literal(""), _items_table(profile, total, True), literal(""),
                  _items_table(profile, total, False)]
        if profile.priorities:
            parts += [literal(""), literal("Prioriteiten van het team", style="bold")]
            for p in profile.priorities:
                parts.append(literal(f"{p.rank}. {p.item} {p.stelling}"))
                parts.append(literal(f"   {p.reason}", style="dim"))
                if p.voorbeelden:
                    parts.append(literal(f"   Voorbeelden uit het Kader: {'; '.join(p.voorbeelden)}", style="dim"))
        if profile.gesprek:
            parts += [literal(""), literal("Gespreksvragen uit de Handreiking die hierbij passen", style="bold")]
            for g in profile.gesprek:
                parts.append(literal(f"{g.id} {g.titel} ({g.thema})", style="bold"))
                parts.append(literal(f"   {g.why}", style="dim"))
                for vraag in g.vragen:
                    parts.append(literal(f"   • {vraag}"))
    if profile.groups:
        parts.append(literal(""))
        parts += _groups_tables(profile)
    if profile.changes or profile.previous is not None:
        parts.append(literal(""))
        parts += _changes(profile)
    if profile.examples:
        parts += [literal(""), literal("Voorbeelden van het team (zonder namen)", style="bold")]
        for e in profile.examples:
            parts.append(literal(f"• Kerntaak {e.kerntaak}: {e.voorbeeld}" + (f" Meerwaarde: {e.meerwaarde}" if e.meerwaarde else "")))
    if profile.names is not None:
        parts += [literal(""), literal(f"Ingeleverd ({len(profile.names)})", style="bold")]
        for naam, complete in profile.names:
            parts.append(literal(f"  {naam or '(geen naam)'}: {status_text(complete)}"))
    parts += [literal(""), literal(privacy_line(profile), style="dim"), literal(source_line(profile), style="dim")]
    return Group(*parts)
