"""The team report as one self-contained HTML file, with charts in inline SVG.

No external resources (no fonts, images, style sheets or scripts: a
Content-Security-Policy in the file forbids them too), no JavaScript needed,
readable when printed (``@media print``: no shadows, page breaks between
parts, colours kept). Every text is escaped by jinja2's autoescape, so a name
or a note with ``<script>`` stays text. The geometry of the charts is computed
here; the template only places it. jinja2 is imported only in this module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ictbekwaam import dutch, safe
from ictbekwaam.core.team.records import TOO_FEW, Column, Figures, Rejected, TeamProfile
from ictbekwaam.render.team import common

TEMPLATE = "report.html.j2"
LEVEL_COLOURS = ("#d7301f", "#fc8d59", "#91bfdb", "#4575b4", "#313695", "#1a1a5e")
CHECKLIST_COLOURS = ("#4575b4", "#fee090", "#d7301f", "#999999", "#666666")
BAR_X = 230
BAR_WIDTH = 380
CHART_WIDTH = 700


def _text_colour(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#ffffff"


def _colours(profile: TeamProfile, checklist: bool) -> list[str]:
    n = len(profile.checklist) if checklist else len(profile.scale)
    palette = CHECKLIST_COLOURS if checklist else LEVEL_COLOURS
    return [palette[min(i, len(palette) - 1)] for i in range(n)]


def _segments(profile: TeamProfile, figures: Figures, checklist: bool, width: float) -> list[dict[str, Any]]:
    out = []
    x = 0.0
    for share, colour, label in zip(common.shares(figures), _colours(profile, checklist), common.category_labels(profile, checklist)):
        w = share * width
        out.append({
            "x": round(x, 2), "w": round(w, 2), "colour": colour, "text_colour": _text_colour(colour),
            "label": dutch.percent(share) if w >= 30 else "", "title": f"{label}: {dutch.percent(share)}",
        })
        x += w
    return out


def _bar_rows(profile: TeamProfile, rows: list[tuple[str, str, Figures | None, bool]], row_height: int) -> dict[str, Any]:
    bars = []
    for n, (label, title, figures, checklist) in enumerate(rows):
        y = 10 + n * row_height
        bar: dict[str, Any] = {"y": y, "label": label, "title": title, "hidden": figures is None, "h": row_height - 6}
        if figures is not None:
            bar["segments"] = _segments(profile, figures, checklist, BAR_WIDTH)
            bar["value"] = common.mean_text(figures, checklist)
        bars.append(bar)
    return {"bars": bars, "height": 20 + len(rows) * row_height, "width": CHART_WIDTH, "bar_x": BAR_X, "bar_width": BAR_WIDTH}


def _legend(profile: TeamProfile, checklist: bool) -> list[dict[str, str]]:
    return [{"colour": c, "label": label} for c, label in zip(_colours(profile, checklist), common.category_labels(profile, checklist))]


def _heat(share: float | None) -> str:
    """An inline style for a heat-map cell (the text stays readable at every shade)."""
    if share is None:
        return ""
    share = max(0.0, min(1.0, share))
    colour = "#ffffff" if share > 0.55 else "#000000"
    return f"background-color: rgba(69, 117, 180, {share:.2f}); color: {colour}"


def _item_rows(profile: TeamProfile, column: Column, checklist: bool) -> list[dict[str, Any]]:
    rows = []
    for item, figures in zip(profile.items, column.items):
        if item.checklist != checklist:
            continue
        row: dict[str, Any] = {"id": item.id, "stelling": item.stelling, "target": common.target_text(item), "hidden": figures is None}
        if figures is not None:
            row["cells"] = [{"text": f"{dutch.percent(s)}", "count": c, "style": _heat(s)} for s, c in zip(common.shares(figures), figures.counts)]
            row["nvt"] = figures.nvt
            row["mean"] = common.mean_text(figures, checklist)
            row["median"] = common.median_text(figures)
            row["share"] = common.share_text(figures)
            row["share_style"] = _heat(figures.share_on_target)
        rows.append(row)
    return rows


def _groups(profile: TeamProfile) -> dict[str, Any] | None:
    if not profile.groups:
        return None
    columns = profile.columns
    max_level = max(w for w, _ in profile.scale)
    sections = []
    for pos, section in enumerate(profile.sections):
        cells = []
        for column in columns:
            figures = column.sections[pos]
            if figures is None:
                cells.append({"text": TOO_FEW, "style": "", "hidden": True})
            else:
                cells.append({"text": f"{common.mean_text(figures, section.checklist)} · op doel {common.share_text(figures)}",
                              "style": _heat(figures.share_on_target), "hidden": False})
        sections.append({"title": common.section_title(section), "cells": cells})
    items = []
    for pos, item in enumerate(profile.items):
        cells = []
        for column in columns:
            figures = column.items[pos]
            if figures is None or figures.mean is None:
                cells.append({"text": TOO_FEW, "style": "", "hidden": True})
            else:
                shade = figures.mean if item.checklist else (figures.mean - 1) / max(1, max_level - 1)
                cells.append({"text": common.mean_text(figures, item.checklist), "style": _heat(shade), "hidden": False})
        items.append({"id": item.id, "stelling": item.stelling, "cells": cells})
    return {
        "columns": [{"label": c.label, "counts": common.column_counts(c), "hidden": not c.shown} for c in columns],
        "sections": sections,
        "items": items,
    }


def _changes(profile: TeamProfile) -> list[dict[str, Any]]:
    return [
        {
            "label": common.comparison_title(change),
            "rows": [
                {
                    "label": row.label,
                    "section": row.is_section,
                    "before": row.before,
                    "after": row.after,
                    "delta": row.delta,
                    "up": row.up,
                    "down": row.down,
                    "share": row.share,
                }
                for row in (common.change_texts(profile, c) for c in (*change.sections, *change.items))
            ],
        }
        for change in profile.changes
        if change.shown  # the hidden ones are named in one line of the comparison remarks
    ]


def report_context(profile: TeamProfile, rejected: Sequence[Rejected] = (), *, file_names: bool = False) -> dict[str, Any]:
    """Everything the template shows, as plain data (texts unescaped: the template escapes)."""
    total = profile.total
    context: dict[str, Any] = {
        "title": common.title(profile),
        "kader_line": common.kader_line(profile),
        "targets": profile.targets_source,
        "scale_line": common.scale_line(profile),
        "round_line": common.round_line(profile.round),
        "notes": common.notes(profile),
        "shown": total.shown,
        "min_groep": profile.min_groep,
        "too_few": TOO_FEW,
        "privacy_line": common.privacy_line(profile),
        "source_line": common.source_line(profile),
        "priorities": profile.priorities,
        "gesprek": profile.gesprek,
        "groups": _groups(profile),
        "previous_line": common.round_line(profile.previous) if profile.previous is not None else None,
        "comparison": profile.comparison,
        "banner": profile.banner,
        "changes": _changes(profile),
        "examples": profile.examples,
        "names": [{"naam": n or "(geen naam)", "status": common.status_text(c)} for n, c in profile.names] if profile.names is not None else None,
        "rejected": [{"file": r.file if file_names else None, "reason": r.reason} for r in rejected] if file_names else None,
        "rejected_reasons": Counter(r.reason for r in rejected).most_common() if rejected and not file_names else None,
        "rejected_count": len(rejected),
        "level_labels": common.category_labels(profile, False),
        "checklist_labels": common.category_labels(profile, True),
    }
    if total.shown:
        section_rows = [
            ("Basisvaardigheden" if s.checklist else f"Kerntaak {s.id}", common.section_title(s), f, s.checklist)
            for s, f in zip(profile.sections, total.sections)
        ]
        context["section_charts"] = [
            _bar_rows(profile, [r for r in section_rows if r[3]], 34),
            _bar_rows(profile, [r for r in section_rows if not r[3]], 34),
        ]
        context["section_table"] = [
            {"title": common.section_title(s), "hidden": f is None, "mean": common.mean_text(f, s.checklist),
             "median": common.DASH if s.checklist else common.median_text(f), "share": common.share_text(f),
             "share_style": _heat(f.share_on_target) if f is not None else "",
             "left_out": ", ".join(left_out)}
            for s, f, left_out in zip(profile.sections, total.sections, total.left_out)
        ]
        item_rows = [(i.id, f"{i.id}: {i.stelling}", f, i.checklist) for i, f in zip(profile.items, total.items)]
        context["checklist_chart"] = _bar_rows(profile, [r for r in item_rows if r[3]], 22)
        context["items_chart"] = _bar_rows(profile, [r for r in item_rows if not r[3]], 22)
        context["checklist_rows"] = _item_rows(profile, total, True)
        context["item_rows"] = _item_rows(profile, total, False)
        context["level_legend"] = _legend(profile, False)
        context["checklist_legend"] = _legend(profile, True)
    return context


def _shown(value: Any) -> Any:
    """jinja's ``finalize``: every text an expression gives passes :func:`ictbekwaam.safe.text` before autoescape.

    Markup (what a macro returns) is left alone: the texts inside it passed here already.
    """
    return safe.text(value) if type(value) is str else value


def _environment():  # -> jinja2.Environment
    import jinja2

    folder = Path(__file__).resolve().parent
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,  # every value is escaped, whatever its name
        finalize=_shown,  # ... after its control characters are made visible
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def report_html(profile: TeamProfile, rejected: Sequence[Rejected] = (), *, file_names: bool = False) -> str:
    """The whole report as one HTML document (file names of skipped files only with ``file_names``)."""
    template = _environment().get_template(TEMPLATE)
    return template.render(**report_context(profile, rejected, file_names=file_names))
