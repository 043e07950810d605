"""The profile on the terminal: the screen after ``assess`` and of ``ictbekwaam profile``.

A bar and a label per section and per item ("███░ 3/4 doel 3 ✓"), readable
without colour; the statements wrap, never cut, at any width. Then the points
to develop with their next steps (the Kader's voorbeelden with their
descriptions, or ictbekwaam's ways to practise a basisvaardigheid), who can
help and what shows progress, and the invitations to show an own example (the
block "Eigen voorbeelden laten zien" only when there is one). The descriptions
stand between “ ” only when they are the Kader's own words
(:attr:`Profile.verbatim`); from another kader file they come "uit het
kaderbestand", and the footer says so.
"""

from __future__ import annotations

from ictbekwaam.render.labels import (
    BELOW_TARGET,
    KADER_IDEA,
    ON_TARGET,
    dated,
    description,
    earlier_line,
    item_bar,
    item_status,
    profile_source_line,
    section_bar,
    section_summary,
    shows_kader_idea,
    skill_line,
    steps_heading,
    who,
)
from ictbekwaam.core.scoring import Practice, Priority, Profile, SectionScore
from ictbekwaam.model.kader import Voorbeeld
from ictbekwaam.render.literal import literal

WIDTH = 80


def _header(profile: Profile, plain: bool = False) -> list:

    scale = (", " if plain else " · ").join(f"{waarde} {label}" for waarde, label in profile.scale)
    parts = [
        literal(f"Profiel ict-bekwaamheid: {who(profile)}", style="bold"),
        literal(f"Resultaat van {dated(profile)}"),
        literal(f"Doelen: {profile.targets_source}"),
        literal(f"Schaal: {scale}"),
        literal(""),
        literal(profile.verdict),
    ]
    if not profile.complete:
        parts.insert(1, literal("CONCEPT: deze zelfevaluatie is nog niet afgerond.", style="bold"))
    for note in profile.notes:
        if not note.startswith("Dit is een concept"):  # said above already, in capitals
            parts.append(literal(f"Let op: {note}"))
    return parts


def _sentence(text: str) -> str:
    """End with one full stop ("n.v.t." has its own)."""
    return text if text.endswith(".") else text + "."


def _section(section: SectionScore, max_level: int, plain: bool):  # -> rich renderable
    from rich.console import Group
    from rich.table import Table

    title = section.naam if section.is_checklist else f"Kerntaak {section.id}: {section.naam}"
    if plain:  # for screen readers: no bar characters, whole statements
        rows = [literal(f"{item.id}: {_sentence(item_status(item, max_level, words=True))} {item.stelling}") for item in section.items]
        return Group(literal(""), literal(title), literal(section_summary(section, max_level, words=True)), *rows)
    line = literal(f"{section_bar(section, max_level)} {section_summary(section, max_level)}")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(min_width=4, no_wrap=True)  # id: "BV10"; a school's own ids may be longer
    grid.add_column(width=max_level, no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")  # the statement wraps: whole at any width
    for item in section.items:
        status = item_status(item, max_level)
        style = "green" if ON_TARGET in status else ("red" if BELOW_TARGET in status else "dim")
        grid.add_row(literal(item.id), item_bar(item, max_level), literal(status, style=style), literal(item.stelling))
    return Group(literal(""), literal(title, style="bold underline"), line, grid)


def _bullets(rows: list) -> object:  # -> rich Table
    from rich.table import Table

    bullets = Table.grid(padding=(0, 1))
    bullets.add_column(width=1)
    bullets.add_column()
    for row in rows:
        bullets.add_row("•", row)
    return bullets


def _voorbeeld(voorbeeld: Voorbeeld, profile: Profile):  # -> rich renderable
    text = f"{voorbeeld.titel}: {description(voorbeeld, profile)}"
    if voorbeeld.verwijzingen:
        text += " Zie: " + "; ".join(ref.shown() for ref in voorbeeld.verwijzingen) + "."
    return literal(text)


def _skill(practice: Practice) -> object:  # -> rich renderable
    from rich.console import Group

    if not practice.suggestion:  # covered by the point's one general line
        return literal(skill_line(practice.item))
    return Group(literal(skill_line(practice.item)), literal(f"Oefenen: {practice.suggestion}"))


def _priority(priority: Priority, profile: Profile):  # -> rich renderable
    from rich.console import Group

    lines: list = []
    if priority.is_basis:
        lines.append(literal(priority.section_naam, style="bold"))
        lines.append(literal(f"Waarom: {priority.reason}"))
        lines.append(literal(priority.advice))
        lines.append(_bullets([_skill(p) for p in priority.skills]))
        if priority.general:
            lines.append(literal(f"Oefenen: {priority.general}"))
    else:
        item = priority.item
        assert item is not None  # a kerntaak point has its statement
        lines.append(literal(f"{item.id} {item.stelling}", style="bold"))
        lines.append(literal(f"Waarom: {priority.reason}"))
        fresh = priority.own_steps
        if priority.steps:
            lines.append(literal(steps_heading(profile)))
            rows = [_voorbeeld(v, profile) for v in fresh]
            if priority.earlier:
                rows.append(literal(earlier_line(priority)))
            lines.append(_bullets(rows))
        elif priority.advice:
            lines.append(literal(f"Volgende stap: {priority.advice}"))
    if priority.help:
        lines.append(literal(f"Wie kan helpen: {priority.help}"))
    if priority.evidence:
        lines.append(literal(f"Zo laat je groei zien: {priority.evidence}"))
    return Group(*lines)


def _priorities(profile: Profile) -> list:
    from rich.table import Table

    points = profile.priorities or profile.growth
    out: list = [literal("")]
    if points:
        title = "Wat nu? Je belangrijkste ontwikkelpunten" if profile.priorities else "Verder groeien (als je wilt)"
        table = Table.grid(padding=(0, 1))
        table.add_column(width=2, justify="right")
        table.add_column()
        for priority in points:
            table.add_row(f"{priority.rank}.", _priority(priority, profile))
            table.add_row("", "")
        out += [literal(title, style="bold underline"), table]
    if shows_kader_idea(profile):  # only with an invitation under it
        out += [literal("Eigen voorbeelden laten zien", style="bold underline"), literal(KADER_IDEA)]
        out += [_bullets([literal(i.text()) for i in profile.invitations]), literal("")]
    return out


def profile_renderable(profile: Profile, *, plain: bool = False):  # -> rich.console.Group
    """The whole profile screen as one rich renderable (what ``assess`` shows at the end).

    ``plain`` leaves out the bar characters, for screen readers; the labels
    ("3/4 doel 3 ✓") say the same.
    """
    from rich.console import Group

    parts = _header(profile, plain)
    for section in profile.sections:
        parts.append(_section(section, profile.max_level, plain))
    parts += _priorities(profile)
    parts.append(literal(profile_source_line(profile), style="dim"))
    return Group(*parts)


def profile_text(profile: Profile, width: int = WIDTH) -> str:
    """The profile screen as plain text (no colour), e.g. for ``--out profiel.txt``."""
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, legacy_windows=False)
    console.print(profile_renderable(profile))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    # rich pads table rows to the full width; a file should not carry that.
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
