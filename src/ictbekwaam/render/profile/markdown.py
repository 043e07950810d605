"""The profile as Markdown: the same content as the screen, with the full statements.

Every text from a file (the name, the targets, the kader's statements, labels
and voorbeelden) passes :func:`ictbekwaam.render.markdown_text.md`, in a table
cell too; every line then passes :func:`ictbekwaam.safe.text`.
"""

from __future__ import annotations

from ictbekwaam import dutch, safe
from ictbekwaam.model.kader import Voorbeeld
from ictbekwaam.render.markdown_text import md
from ictbekwaam.render.labels import (
    BELOW_TARGET,
    ON_TARGET,
    date,
    item_bar,
    section_bar,
    section_summary,
    source_line,
    state,
    who,
)
from ictbekwaam.core.scoring import ItemScore, Priority, Profile, SectionScore


def voorbeeld_line(voorbeeld: Voorbeeld) -> str:
    """A chapter 4 voorbeeld as one list item, with its references."""
    line = f"- **{md(voorbeeld.titel)}**: {md(voorbeeld.omschrijving)}"
    if voorbeeld.verwijzingen:
        line += " Zie: " + "; ".join(md(r.shown()) for r in voorbeeld.verwijzingen) + "."
    return line


def _section(section: SectionScore, max_level: int) -> list[str]:
    title = md(section.naam) if section.is_checklist else f"Kerntaak {md(section.id)}: {md(section.naam)}"
    out = [f"## {title}", "", f"`{section_bar(section, max_level)}` {section_summary(section, max_level)}", ""]
    out += ["| Item | Stelling | Antwoord | Doel | Op doel |", "|---|---|---|---|---|"]
    for item in section.items:
        answer = f"`{item_bar(item, max_level)}` {md(_answer(item))}" if item.answer_label else "niet beantwoord"
        target = md(item.target_label if item.is_checklist else f"{item.target} ({item.target_label})")
        out.append(f"| {md(item.id)} | {md(item.stelling)} | {answer} | {target} | {_mark(item)} |")
    return out + [""]


def _answer(item: ItemScore) -> str:
    return f"{item.level} ({item.answer_label})" if item.level is not None else item.answer_label


def _mark(item: ItemScore) -> str:
    if item.gap is None:
        return "telt niet mee"
    if not item.gap:
        return ON_TARGET
    return f"{BELOW_TARGET} nog {dutch.number(item.gap)}" if item.level is not None else BELOW_TARGET


def priority_lines(priority: Priority, heading: str = "###") -> list[str]:
    """One priority: the statement, why, and the next steps with their references."""
    item = priority.item
    out = [f"{heading} {priority.rank}. {md(item.id)}: {md(item.stelling)}", "", f"*Waarom:* {md(priority.reason)}", ""]
    if priority.steps:
        out += ["*Volgende stappen* (voorbeelden uit het Kader, hoofdstuk 4):", ""]
        out += [voorbeeld_line(v) for v in priority.steps]
    else:
        out.append(f"*Volgende stap:* {md(priority.advice)}")
    return out + [""]


def profile_markdown(profile: Profile) -> str:
    """The profile as a Markdown document."""
    out = [f"# Profiel ict-bekwaamheid: {md(who(profile))}", ""]
    if not profile.complete:
        out += ["> **CONCEPT**: deze zelfevaluatie is nog niet afgerond.", ""]
    scale = " · ".join(f"{waarde} {md(label)}" for waarde, label in profile.scale)
    out += [f"- Resultaat van {date(profile)}, {state(profile)}", f"- Doelen: {md(profile.targets_source)}", f"- Schaal: {scale}", ""]
    out += [md(profile.verdict), ""]
    notes = [n for n in profile.notes if not n.startswith("Dit is een concept")]
    if notes:
        out += [f"- Let op: {md(n)}" for n in notes] + [""]
    for section in profile.sections:
        out += _section(section, profile.max_level)
    if profile.priorities:
        out += ["## Wat nu? Je belangrijkste ontwikkelpunten", ""]
    elif profile.growth:
        out += ["## Verder groeien (als je wilt)", ""]
    for priority in profile.priorities or profile.growth:
        out += priority_lines(priority)
    out += ["---", "", md(source_line(profile))]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out).rstrip() + "\n"
