"""The team report as Markdown: the same content as the screen, with full statements and all groups.

Every text that comes from the data (group names, statements of a school's own
kader, examples, names, file names) passes
:func:`ictbekwaam.render.markdown_text.md`, the one escaper of every Markdown
file: Markdown punctuation gets a backslash and ``<``, ``>`` and ``&`` become
entities, so a name like ``<script>`` stays text in any Markdown viewer. Then
every line passes :func:`ictbekwaam.safe.text`, so a control or bidi character (ESC, NUL,
U+202E) is written as a visible escape (``\x1b``), never as itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ictbekwaam import dutch, safe
from ictbekwaam.core.team.records import TOO_FEW, Column, Rejected, TeamProfile
from ictbekwaam.render.markdown_text import md
from ictbekwaam.render.team.common import (
    DASH,
    category_labels,
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
    source_line,
    status_text,
    target_text,
    title,
)


def _table(header: list[str], rows: list[list[str]], align_right_from: int = 1) -> list[str]:
    out = ["| " + " | ".join(header) + " |"]
    out.append("|" + "|".join("---" if n < align_right_from else "---:" for n in range(len(header))) + "|")
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out + [""]


def _sections(profile: TeamProfile, column: Column) -> list[str]:
    rows = []
    for section, figures in zip(profile.sections, column.sections):
        if figures is None:
            rows.append([md(section_title(section)), TOO_FEW, "", "", ""])
            continue
        labels = category_labels(profile, section.checklist)
        spread = " · ".join(f"{md(label)} {dutch.percent(s)}" for label, s in zip(labels, shares(figures)))
        rows.append([
            md(section_title(section)),
            mean_text(figures, section.checklist) + (" dekking" if section.checklist else ""),
            DASH if section.checklist else median_text(figures),
            share_text(figures),
            spread,
        ])
    return _table(["Onderdeel", "Gemiddelde", "Mediaan", "Op doel", "Verdeling"], rows)


def _items(profile: TeamProfile, column: Column, checklist: bool) -> list[str]:
    labels = category_labels(profile, checklist)
    header = ["Item", "Stelling", *[md(label) for label in labels]]
    header += (["Dekking"] if checklist else ["n.v.t.", "Gemiddelde", "Mediaan"]) + ["Doel", "Op doel"]
    rows = []
    for item, figures in zip(profile.items, column.items):
        if item.checklist != checklist:
            continue
        if figures is None:
            rows.append([f"**{md(item.id)}**", md(item.stelling), TOO_FEW, *[""] * (len(header) - 3)])
            continue
        cells = [f"{dutch.percent(s)} ({c})" for s, c in zip(shares(figures), figures.counts)]
        extra = [mean_text(figures, True)] if checklist else [str(figures.nvt), mean_text(figures, False), median_text(figures)]
        rows.append([f"**{md(item.id)}**", md(item.stelling), *cells, *extra, md(target_text(item)), share_text(figures)])
    return _table(header, rows, align_right_from=2)


def _groups(profile: TeamProfile) -> list[str]:
    columns = profile.columns
    header = ["", *[md(c.label) for c in columns]]
    rows = [["Afgerond", *[column_counts(c) for c in columns]]]
    for pos, section in enumerate(profile.sections):
        row = [md(section_title(section))]
        for column in columns:
            figures = column.sections[pos]
            row.append(TOO_FEW if figures is None else f"{mean_text(figures, section.checklist)} · op doel {share_text(figures)}")
        rows.append(row)
    out = ["## Groepen naast elkaar", "", "Gemiddelde (dekking bij de basisvaardigheden) en het aandeel op doel.", ""]
    out += _table(header, rows)
    out += ["### Per stelling: gemiddelde (dekking bij de basisvaardigheden)", ""]
    item_rows = []
    for pos, item in enumerate(profile.items):
        item_rows.append([f"**{md(item.id)}**", *[mean_text(c.items[pos], item.checklist) for c in columns]])
    out += _table(["Item", *[md(c.label) for c in columns]], item_rows)
    return out


def _changes(profile: TeamProfile) -> list[str]:
    out = ["## Verschil met de vorige ronde", ""]
    if profile.previous is not None:
        out += [f"Vorige ronde: {round_line(profile.previous)}", ""]
    for line in profile.comparison:
        out += [md(line), ""]
    for change in profile.changes:
        if not change.shown:
            continue  # named in one line of the comparison remarks
        out += [f"### {md(comparison_title(change))}", ""]
        rows = []
        for c in (*change.sections, *change.items):
            row = change_texts(profile, c)
            name = md(row.label) if row.is_section else f"**{md(row.label)}**"
            rows.append([name, row.before, row.after, row.delta, row.share])
        out += _table(["Onderdeel / item", "Toen", "Nu", "Verschil", "Op doel toen → nu"], rows)
    return out


def report_markdown(profile: TeamProfile, rejected: Sequence[Rejected] = (), *, file_names: bool = False) -> str:
    """The whole report as Markdown (file names of skipped files only with ``file_names``)."""
    out = [f"> **{md(profile.banner)}**", ""] if profile.banner else []
    out += [f"# {title(profile)}", ""]
    out += [f"*{md(kader_line(profile))}*", "", f"**Doelen:** {md(profile.targets_source)}", "", md(scale_line(profile)), ""]
    out += [round_line(profile.round), ""]
    for note in notes(profile):
        out += [f"> Let op: {md(note)}", ">"]
    if out[-1] == ">":
        out[-1] = ""
    total = profile.total
    if not total.shown:
        out += [f"**Heel het team: {TOO_FEW}** (minstens {dutch.count(profile.min_groep, 'afgerond resultaat', 'afgeronde resultaten')} nodig).", ""]
    else:
        out += ["## Per onderdeel", ""] + _sections(profile, total)
        out += ["## Digitale basisvaardigheden: dekking", ""] + _items(profile, total, True)
        out += ["## Stellingen: verdeling per niveau", ""] + _items(profile, total, False)
        if profile.priorities:
            out += ["## Prioriteiten van het team", ""]
            for p in profile.priorities:
                out.append(f"{p.rank}. **{md(p.item)}** {md(p.stelling)}  ")
                out.append(f"   {md(p.reason)}" + (f" Voorbeelden uit het Kader: {md('; '.join(p.voorbeelden))}." if p.voorbeelden else ""))
            out.append("")
        if profile.gesprek:
            out += ["## Gespreksvragen uit de Handreiking die hierbij passen", ""]
            for g in profile.gesprek:
                out += [f"### {md(g.id)} {md(g.titel)}", "", f"*{md(g.thema)}.* {md(g.why)}", ""]
                out += [f"- {md(v)}" for v in g.vragen]
                out.append("")
    if profile.groups:
        out += _groups(profile)
    if profile.changes or profile.previous is not None:
        out += _changes(profile)
    if profile.examples:
        out += ["## Voorbeelden van het team (zonder namen)", ""]
        out += [f"- **Kerntaak {md(e.kerntaak)}:** {md(e.voorbeeld)}" + (f" *Meerwaarde:* {md(e.meerwaarde)}" if e.meerwaarde else "")
                for e in profile.examples]
        out.append("")
    if profile.names is not None:
        out += [f"## Ingeleverd ({len(profile.names)})", ""]
        out += [f"- {md(naam) if naam else '(geen naam)'}: {status_text(complete)}" for naam, complete in profile.names]
        out.append("")
    if rejected:
        out += [f"## Overgeslagen bestanden ({len(rejected)})", ""]
        if file_names:
            out += [f"- `{md(r.file)}`: {md(r.reason)}" for r in rejected]
        else:
            for reason, n in Counter(r.reason for r in rejected).most_common():
                out.append(f"- {n}× {md(reason)}")
        out.append("")
    out += ["---", "", md(privacy_line(profile)), "", md(source_line(profile)), ""]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out)
