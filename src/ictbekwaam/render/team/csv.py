"""The team report as CSV, for Excel and other spreadsheets.

Two shapes (``--csv-per``):

- ``item`` (default): one row per column (whole team, then each group) and
  item, plus one row per column and section (``soort`` = ``onderdeel``), with
  the distribution, mean, median and share on target. Hidden figures are
  empty, with ``status`` "te weinig respondenten". With ``--vorige`` seven
  more columns: the column's respondents in both rounds, their mean and share
  on target in the previous round and in this one, and the differences (of
  the values as written); empty where the change is hidden.
- ``respondent``: one row per completed respondent and item: the answer as
  stored, the level or checklist score, the target and whether it is on
  target. Respondents are numbered R0001.. in the order of their random id
  (not of files or names); there are no names, ids or file names, and the
  group is only the ``--by`` group ("te weinig respondenten" for a group that
  is hidden elsewhere in the report).

A report made with ``--min-groep`` below 5 starts with one more row: one
cell with the warning (:attr:`~ictbekwaam.core.team.records.TeamProfile.banner`),
above the column headings.

Excel: the file starts with a UTF-8 byte order mark (so "é" and "’" survive);
with ``;`` as separator numbers get a decimal comma (Dutch Excel), with ``,``
or a tab a decimal point. Every text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (or their full-width forms) gets a
leading ``'`` so that a spreadsheet never runs it as a formula. A control
or bidi character in a text (a line break too) is written as a visible
escape (:mod:`ictbekwaam.safe`): one row stays one line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ictbekwaam import safe
from ictbekwaam.core.team.records import OPEN, TOO_FEW, Figures, ItemInfo, TeamProfile

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula; control characters shown as escapes."""
    text = safe.text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Writer:
    def __init__(self, separator: str) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, delimiter=separator, lineterminator="\r\n")
        self.comma = separator == ";"

    def number(self, value: float | int | None, digits: int = 3) -> str:
        if value is None:
            return ""
        if isinstance(value, int):
            return str(value)
        text = f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if self.comma else text

    def row(self, cells: Sequence[object]) -> None:
        # Texts are neutralised; numbers are ours (already strings from number()).
        self.writer.writerow([safe_cell(c) if isinstance(c, str) and not isinstance(c, _Num) else c for c in cells])

    def text(self) -> str:
        return BOM + self.buffer.getvalue()


class _Num(str):
    """A number we formatted ourselves: never neutralised (``-0,5`` is a number, not a formula)."""


def _banner(w: _Writer, profile: TeamProfile) -> None:
    """The warning of a report made with a small ``--min-groep``, as a row of one cell above the headings."""
    if profile.banner:
        w.row([profile.banner])


def _difference(before: float | None, after: float | None) -> float | None:
    """``after - before`` of the values as written (three decimals), so that the three cells agree."""
    if before is None or after is None:
        return None
    return round(round(after, 3) - round(before, 3), 3)


def _level_columns(profile: TeamProfile) -> list[str]:
    return [f"niveau {w} ({label})" for w, label in profile.scale]


def _option_columns(profile: TeamProfile) -> list[str]:
    return [label for _, label, _ in profile.checklist]


def report_csv_items(profile: TeamProfile, separator: str = ",") -> str:
    """One row per column and item (and per column and section); see the module docstring."""
    w = _Writer(separator)
    num = lambda v, d=3: _Num(w.number(v, d))  # noqa: E731
    levels, options = _level_columns(profile), _option_columns(profile)
    header = ["groep", "soort", "id", "onderdeel", "stelling", "doel", "geteld", *levels, *options, "nvt", "open",
              "gemiddelde", "mediaan", "op doel", "aandeel op doel", "gemiddeld tekort", "status"]
    changes = {c.key: c for c in profile.changes}
    if profile.previous is not None:
        header += ["in beide rondes", "gemiddelde vorige ronde (in beide rondes)", "gemiddelde deze ronde (in beide rondes)",
                   "verschil gemiddelde", "aandeel op doel vorige ronde (in beide rondes)",
                   "aandeel op doel deze ronde (in beide rondes)", "verschil aandeel op doel"]
    _banner(w, profile)
    w.row(header)
    n_levels, n_options = len(levels), len(options)

    def cells(figures: Figures | None, checklist: bool) -> list[object]:
        if figures is None:
            return [""] * (1 + n_levels + n_options + 7) + [TOO_FEW]
        counts = list(figures.counts)
        level_cells = [""] * n_levels if checklist else [num(c) for c in counts]
        option_cells = [num(c) for c in counts] if checklist else [""] * n_options
        return [num(figures.counted), *level_cells, *option_cells, num(figures.nvt), num(figures.open), num(figures.mean),
                num(figures.median), num(figures.on_target), num(figures.share_on_target), num(figures.mean_gap), ""]

    def change_cells(key: str | None, kind: str, id_: str) -> list[object]:
        if profile.previous is None:
            return []
        found = changes.get(key)
        change = None
        if found is not None and found.shown:
            change = next((c for c in (found.sections if kind == "onderdeel" else found.items) if c.id == id_), None)
        if change is None or not change.shown:
            return [num(found.in_both) if found is not None and found.shown else "", "", "", "", "", "", ""]
        return [num(found.in_both), num(change.before), num(change.after), num(_difference(change.before, change.after)),
                num(change.share_before), num(change.share_after), num(_difference(change.share_before, change.share_after))]

    for column in profile.columns:
        for section, figures, left_out in zip(profile.sections, column.sections, column.left_out):
            w.row([column.label, "onderdeel", section.id, section.naam, "", "", *cells(figures, section.checklist),
                   *change_cells(column.key, "onderdeel", section.id)])
        for item, figures in zip(profile.items, column.items):
            target = item.target_label if item.checklist else str(item.target)
            w.row([column.label, "item", item.id, profile.section(item.section).naam, item.stelling, target,
                   *cells(figures, item.checklist), *change_cells(column.key, "item", item.id)])
    return w.text()


def report_csv_respondents(profile: TeamProfile, rows: Sequence[tuple[object, bytes]], group_labels: dict[object, str],
                           separator: str = ",") -> str:
    """One row per completed respondent and item (see the module docstring).

    ``rows``: (group key, answer bytes) per completed respondent, from
    :meth:`ictbekwaam.core.team.tally.Tally.completed_rows`; ``group_labels``: group key -> label.
    """
    w = _Writer(separator)
    num = lambda v, d=3: _Num(w.number(v, d))  # noqa: E731
    shown_groups = {g.key for g in profile.groups if g.shown}
    header = ["respondent", *(["groep"] if profile.by else []), "id", "onderdeel", "antwoord", "waarde", "doel", "op doel"]
    _banner(w, profile)
    w.row(header)
    levels = [wv for wv, _ in profile.scale]
    options = list(profile.checklist)
    nvt_code = profile.nvt_code
    width = len(str(len(rows)))
    section_names = {s.id: s.naam for s in profile.sections}
    for number, (key, codes) in enumerate(rows, start=1):
        who = f"R{number:0{max(4, width)}d}"
        group: list[object] = []
        if profile.by:
            group_key = "" if key is None else str(key)
            group = [group_labels.get(key, "") if group_key in shown_groups else TOO_FEW]
        for pos, item in enumerate(profile.items):
            category = codes[pos]
            answer, value, on = _answer(item, category, levels, options, nvt_code)
            target = item.target_label if item.checklist else str(item.target)
            w.row([who, *group, item.id, section_names[item.section], answer, num(value), target, on])
    return w.text()


def _answer(item: ItemInfo, category: int, levels: list[int], options: list[tuple[str, str, float]], nvt_code: str):
    if category == OPEN:
        return "", None, ""
    if item.checklist:
        code, _, score = options[category - 1]
        target_score = next((s for c, _, s in options if c == item.target), 1.0)
        return code, score, "ja" if score >= target_score else "nee"
    if category > len(levels):
        return nvt_code, None, ""
    level = levels[category - 1]
    return str(level), level, "ja" if level >= int(item.target) else "nee"
