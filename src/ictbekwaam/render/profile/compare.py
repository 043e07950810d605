"""The progress between two assessments: terminal, Markdown and JSON.

The JSON structure (``ictbekwaam compare OUD NIEUW --format json``):

- ``schema``: ``"ictbekwaam/compare"``; ``schema_version``: 1.
- ``old``, ``new``: ``{"respondent", "naam", "updated_at", "complete", "framework_versie"}``.
- ``same_respondent``: bool (the same respondent id and the same name); ``targets``: ``{"source", "file"}``.
- ``warnings``: Dutch warnings; ``summary``: one Dutch sentence.
- ``sections``: per section (basisvaardigheden first): ``id``, ``naam``,
  ``kind`` ("checklist" or "kerntaak"), ``old`` and ``new`` (``counted``,
  ``on_target``, ``total_gap``, ``mean_level``, ``mean_score``, as in the
  profile JSON), ``mean_change`` (or null), ``better``, ``same``, ``worse``,
  ``not_comparable`` and ``items``.
- an item: ``id``, ``stelling``, ``old`` and ``new`` (``status``, ``answer``,
  ``level``, ``score``, ``gap``), ``change`` (``new - old``, null when not
  comparable), ``direction`` ("beter", "gelijk", "lager", "niet vergelijkbaar")
  and ``why_not`` (the reason, "" when compared) and ``reworded`` (a note when
  the statement was narrowed between the kaderversies of OUD and NIEUW, else "").
- ``unknown``: ``[{"id", "where"}]``: answers to items the kader in use does not have.

In the Markdown every text from a file passes :func:`ictbekwaam.render.markdown_text.md`.
"""

from __future__ import annotations

import json
from typing import Any

from ictbekwaam.core.compare import Comparison, ItemChange, SectionChange, moments
from ictbekwaam import dutch, safe
from ictbekwaam.render.labels import item_bar, source_line, state, who
from ictbekwaam.render.literal import literal
from ictbekwaam.render.markdown_text import md
from ictbekwaam.render.profile.json import number
from ictbekwaam.core.scoring import ItemScore, Profile

SCHEMA = "ictbekwaam/compare"
SCHEMA_VERSION = 1
ANSWER_WIDTH = 6  # "n.v.t.", "Deels"
CHANGE_WIDTH = 10  # "+0,5 beter"


# --- shared pieces -------------------------------------------------------------


def _short(item: ItemScore) -> str:
    if item.status == "nvt":
        return "n.v.t."
    if item.status == "open":
        return "open"
    return str(item.level) if item.level is not None else item.answer_label


def _change(change: ItemChange) -> str:
    if not change.compared:
        return "–"
    return f"{dutch.signed(change.change or 0)} {change.direction}"


def _mean(value: float | None) -> str:
    return "–" if value is None else dutch.decimal(value)


def section_lines(section: SectionChange, max_level: int) -> list[str]:
    """The figures of one section in OUD and NIEUW, as two or three lines."""
    old, new = section.old, section.new
    on_target = f"op doel {old.on_target} van {old.counted} → {new.on_target} van {new.counted}"
    lines = [on_target]
    if not section.new.is_checklist:
        mean = f"gem. {_mean(old.mean_level)} → {_mean(new.mean_level)}"
        if section.mean_change is not None:
            mean += f" ({dutch.signed(section.mean_change)})"
        # The levels to go, summed over the section's statements (whole levels).
        lines = [f"{mean} · {on_target}", f"nog te gaan: {int(old.total_gap)} → {dutch.levels(new.total_gap)}"]
    counts = f"beter {section.better} · gelijk {section.same} · lager {section.worse}"
    if section.not_comparable:
        counts += f" · niet te vergelijken {section.not_comparable}"
    return [*lines, counts]


def _title(section: SectionChange) -> str:
    return section.naam if section.new.is_checklist else f"Kerntaak {section.id}: {section.naam}"


def _when(comparison: Comparison) -> tuple[str, str]:
    """``"12-03-2026, afgerond"`` for OUD and NIEUW; with the time when both are of the same day."""
    old, new = comparison.old, comparison.new
    shown = moments(old.updated_at, new.updated_at)
    return f"{shown[0]}, {state(old)}", f"{shown[1]}, {state(new)}"


# --- terminal --------------------------------------------------------------------


def compare_renderable(comparison: Comparison):  # -> rich.console.Group
    """The comparison for the terminal (fits 80 columns, readable without colour)."""
    from rich.console import Group
    from rich.table import Table

    old, new = comparison.old, comparison.new
    parts: list = [
        literal(f"Voortgang ict-bekwaamheid: {who(new)}", style="bold"),
        literal(f"OUD: {_when(comparison)[0]} · NIEUW: {_when(comparison)[1]}"),
        literal(f"Doelen: {new.targets_source}"),
    ]
    parts += [literal(f"Let op: {w}", style="bold") for w in comparison.warnings]
    parts += [literal(""), literal(comparison.summary)]
    for section in comparison.sections:
        parts += [literal(""), literal(_title(section), style="bold underline")]
        parts += [literal(line) for line in section_lines(section, new.max_level)]
        rows = Table.grid(padding=(0, 1), expand=True)
        # Same column widths in every section, so the arrows line up down the page.
        answer_width = new.max_level + 1 + ANSWER_WIDTH
        rows.add_column(min_width=4, no_wrap=True)
        rows.add_column(no_wrap=True, min_width=answer_width)
        rows.add_column(no_wrap=True, min_width=answer_width + 2)
        rows.add_column(no_wrap=True, min_width=CHANGE_WIDTH)
        rows.add_column(ratio=1)  # the statement wraps, never cut: as in the profile
        for change in section.items:
            style = {"beter": "green", "lager": "red"}.get(change.direction, "")
            rows.add_row(
                literal(change.id),
                literal(f"{item_bar(change.old, old.max_level)} {_short(change.old)}"),
                literal(f"→ {item_bar(change.new, new.max_level)} {_short(change.new)}"),
                literal(_change(change), style=style),
                literal(change.new.stelling),
            )
        parts.append(rows)
        for change in section.items:
            if not change.compared:
                parts.append(literal(f"Niet te vergelijken: {change.id} ({change.why_not})"))
            elif change.reworded:
                parts.append(literal(f"Vergeleken met een kanttekening: {change.id} ({change.reworded})"))
    if comparison.unknown:
        parts += [literal("")]
        parts += [literal(f"Niet in het gebruikte kader: {i} ({where})") for i, where in comparison.unknown]
    parts += [literal(""), literal(source_line(new), style="dim")]
    return Group(*parts)


def compare_text(comparison: Comparison, width: int = 80) -> str:
    """The comparison as plain text (no colour), e.g. for ``--out voortgang.txt``."""
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, legacy_windows=False)
    console.print(compare_renderable(comparison))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


# --- Markdown --------------------------------------------------------------------


def compare_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown document."""
    new = comparison.new
    out = [f"# Voortgang ict-bekwaamheid: {md(who(new))}", ""]
    out += [f"- OUD: {_when(comparison)[0]}", f"- NIEUW: {_when(comparison)[1]}", f"- Doelen: {md(new.targets_source)}", ""]
    if comparison.warnings:
        out += [f"> **Let op**: {md(w)}" for w in comparison.warnings] + [""]
    out += [md(comparison.summary), ""]
    for section in comparison.sections:
        out += [f"## {md(_title(section))}", ""]
        out += [" · ".join(section_lines(section, new.max_level)), ""]
        out += ["| Nr. | Stelling | OUD | NIEUW | Verschil |", "|---|---|---|---|---|"]
        for change in section.items:
            diff = _change(change) if change.compared else f"niet te vergelijken: {change.why_not}"
            diff += f" ({change.reworded})" if change.reworded else ""
            out.append(
                f"| {md(change.id)} | {md(change.new.stelling)} | {md(_short(change.old))} | {md(_short(change.new))} | {md(diff)} |"
            )
        out.append("")
    if comparison.unknown:
        out += ["## Niet in het gebruikte kader", ""]
        out += [f"- {md(i)}: {where}" for i, where in comparison.unknown] + [""]
    out += ["---", "", md(source_line(new))]
    # Each line is one line: a line break or an escape character in a text shows as \n or \x1b.
    return "\n".join(safe.text(line) for line in out).rstrip() + "\n"


# --- JSON ----------------------------------------------------------------------------


def _side(profile: Profile) -> dict[str, Any]:
    return {
        "respondent": profile.respondent_id,
        "naam": profile.naam,
        "updated_at": profile.updated_at.isoformat(),
        "complete": profile.complete,
        "framework_versie": profile.result_kader_versie,
    }


def _figures(section) -> dict[str, Any]:  # a SectionScore
    return {
        "counted": section.counted,
        "on_target": section.on_target,
        "total_gap": number(section.total_gap),
        "mean_level": None if section.mean_level is None else round(section.mean_level, 3),
        "mean_score": None if section.mean_score is None else round(section.mean_score, 3),
    }


def _item_side(item: ItemScore) -> dict[str, Any]:
    return {"status": item.status, "answer": item.answer, "level": item.level, "score": item.score, "gap": number(item.gap)}


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as a JSON-ready dict (structure in the module docstring)."""
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "old": _side(comparison.old),
        "new": _side(comparison.new),
        "same_respondent": comparison.same_respondent,
        "targets": {"source": comparison.new.targets_source, "file": comparison.new.targets_file},
        "warnings": list(comparison.warnings),
        "summary": comparison.summary,
        "sections": [
            {
                "id": s.id,
                "naam": s.naam,
                "kind": "checklist" if s.new.is_checklist else "kerntaak",
                "old": _figures(s.old),
                "new": _figures(s.new),
                "mean_change": None if s.mean_change is None else round(s.mean_change, 3),
                "better": s.better,
                "same": s.same,
                "worse": s.worse,
                "not_comparable": s.not_comparable,
                "items": [
                    {
                        "id": c.id,
                        "stelling": c.new.stelling,
                        "old": _item_side(c.old),
                        "new": _item_side(c.new),
                        "change": number(c.change),
                        "direction": c.direction,
                        "why_not": c.why_not,
                        "reworded": c.reworded,
                    }
                    for c in s.items
                ],
            }
            for s in comparison.sections
        ],
        "unknown": [{"id": i, "where": where} for i, where in comparison.unknown],
    }


def compare_json(comparison: Comparison) -> str:
    """The comparison as indented UTF-8 JSON text."""
    return safe.json_document(json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2)) + "\n"
