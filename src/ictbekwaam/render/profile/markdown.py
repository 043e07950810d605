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
    KADER_IDEA,
    ON_TARGET,
    dated,
    description,
    earlier_line,
    item_bar,
    profile_source_line,
    section_bar,
    section_summary,
    shows_kader_idea,
    skill_line,
    steps_heading,
    who,
)
from ictbekwaam.core.scoring import ItemScore, Priority, Profile, SectionScore


def voorbeeld_line(voorbeeld: Voorbeeld, profile: Profile) -> str:
    """A chapter 4 voorbeeld as one list item: its title, its description (between “ ” when it is the Kader's
    verbatim: :func:`ictbekwaam.render.labels.description`), its references."""
    line = f"- **{md(voorbeeld.titel)}**: {md(description(voorbeeld, profile))}"
    if voorbeeld.verwijzingen:
        line += " Zie: " + "; ".join(md(r.shown()) for r in voorbeeld.verwijzingen) + "."
    return line


def _section(section: SectionScore, max_level: int) -> list[str]:
    title = md(section.naam) if section.is_checklist else f"Kerntaak {md(section.id)}: {md(section.naam)}"
    out = [f"## {title}", "", f"`{section_bar(section, max_level)}` {section_summary(section, max_level)}", ""]
    out += ["| Nr. | Stelling | Antwoord | Doel | Op doel |", "|---|---|---|---|---|"]
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


def point_body(priority: Priority, profile: Profile, *, word: str = "punt", voice: str = "je") -> list[str]:
    """What a point says beyond its heading and reason, as Markdown list items.

    ``word`` names a point in "zie punt 2" ("doel" in the POP); ``voice`` is the
    form of address of the labels ("je", or "ik" in the POP).
    """
    out: list[str] = []
    if priority.is_basis:
        out += [md(priority.advice), ""]
        for practice in priority.skills:
            out.append(f"- {md(skill_line(practice.item))}")
            if practice.suggestion:
                out.append(f"  - *Oefenen:* {md(practice.suggestion)}")
        out.append("")
        if priority.general:
            out += [f"*Oefenen:* {md(priority.general)}", ""]
    elif priority.steps:
        fresh = priority.own_steps
        out += [f"*{steps_heading(profile)[:-1]}*:", ""]
        out += [voorbeeld_line(v, profile) for v in fresh]
        if priority.earlier:
            out.append(f"- {md(earlier_line(priority, word))}")
        out.append("")
    elif priority.advice:
        out += [f"*Volgende stap:* {md(priority.advice)}", ""]
    if priority.help:
        out.append(f"- *Wie kan helpen:* {md(priority.help)}")
    if priority.evidence:
        out.append(f"- *Zo laat {voice} groei zien:* {md(priority.evidence)}")
    return out + [""]


def priority_lines(priority: Priority, profile: Profile, heading: str = "###") -> list[str]:
    """One point: its heading, why, and what to do (voorbeelden or ways to practise), who helps, what shows progress."""
    title = md(priority.section_naam) if priority.is_basis else f"{md(priority.id)}: {md(priority.item.stelling)}"  # type: ignore[union-attr]
    out = [f"{heading} {priority.rank}. {title}", "", f"*Waarom:* {md(priority.reason)}", ""]
    return out + point_body(priority, profile)


def kader_idea_lines(profile: Profile) -> list[str]:
    """The Kader's idea of showing examples, and the invitations to show one ("je"); nothing without an invitation."""
    if not shows_kader_idea(profile):
        return []
    out = ["## Eigen voorbeelden laten zien", "", md(KADER_IDEA), ""]
    return out + [f"- {md(i.text())}" for i in profile.invitations] + [""]


def profile_markdown(profile: Profile) -> str:
    """The profile as a Markdown document."""
    out = [f"# Profiel ict-bekwaamheid: {md(who(profile))}", ""]
    if not profile.complete:
        out += ["> **CONCEPT**: deze zelfevaluatie is nog niet afgerond.", ""]
    scale = " · ".join(f"{waarde} {md(label)}" for waarde, label in profile.scale)
    out += [f"- Resultaat van {dated(profile)}", f"- Doelen: {md(profile.targets_source)}", f"- Schaal: {scale}", ""]
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
        out += priority_lines(priority, profile)
    out += kader_idea_lines(profile)
    out += ["---", "", md(profile_source_line(profile))]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out).rstrip() + "\n"
