"""The team report as JSON (``ictbekwaam report ... --format json``).

A documented, stable structure for other tools. Generic keys in English,
domain words in Dutch, texts in Dutch. Means, medians and shares are rounded
to three decimals. A figure that is hidden for privacy is
``{"shown": false, "reason": "te weinig respondenten"}``, never a number.

Top level:

- ``schema``: ``"ictbekwaam/team-report"``; ``schema_version``: 2 (2: the
  changes are over the respondents in both rounds, with ``in_both``,
  ``comparison``, ``warnings`` and ``banner``).
- ``banner``: null, or (when ``min_groep`` is below 5) the Dutch warning that
  every output of such a report carries on top.
- ``framework``: the kader used: ``id``, ``versie``, ``titel``, ``uitgever``, ``jaar``, ``bron``.
- ``targets``: ``{"source": str}``: which targets were used.
- ``min_groep``: the minimum number of respondents for a figure.
- ``by``: ``"school"``, ``"team"``, ``"sector"`` or null.
- ``scale``: ``[{"waarde": 1, "label": "Nog niet"}, …]``; ``checklist``:
  ``[{"code": "ja", "label": "Ja", "score": 1.0}, …]`` (best first);
  ``nvt_label``: the label of "niet van toepassing".
- ``files``: ``{"read", "rejected", "valid", "set_aside", "skipped"}``: files
  looked at, skipped as invalid, valid results, and valid results that did not
  count (older or duplicate results of the same respondent). ``skipped`` lists
  ``{"reason": str}`` per skipped file, with ``"file"`` only when names were
  asked for (file names are often people's names).
- ``respondents``: ``{"total", "completed", "drafts_only", "name_conflicts"}``;
  ``name_conflicts``: respondent ids that came with more than one name (each
  name counts as its own respondent; the notes say more).
- ``previous``: the same ``files`` (without ``skipped``) and ``respondents``
  counts for the ``--vorige`` round, or null; ``respondents.in_both``: the
  respondents with a complete result in both rounds (matched by respondent
  id), the only ones the changes are about.
- ``sections``: ``[{"id", "naam", "kind": "checklist" | "kerntaak", "items": [ids]}]``.
- ``items``: ``[{"id", "section", "stelling", "kind", "target", "target_label"}]``.
- ``columns``: the whole team first (``"key": null``), then the groups side
  by side. Each: ``key`` (group key, ``""`` for "not given"), ``label``,
  ``shown``, ``reason`` (``"te weinig respondenten"`` or null),
  ``respondents``, ``completed``, ``drafts_only`` (null when not shown),
  ``sections`` and ``items``: id -> *figures*, and ``left_out``: section id ->
  ids of items hidden in this column (not in its pooled section figures).
- *figures*: ``shown`` (true), ``counts`` (category -> number: ``"1"``..``"4"``
  for kerntaken, ``"ja"``/``"deels"``/``"nee"`` for basisvaardigheden),
  ``nvt``, ``open``, ``counted``, ``mean`` (level, or coverage 0..1 for
  basisvaardigheden), ``median`` (kerntaken), ``on_target``,
  ``share_on_target`` and ``mean_gap``.
- ``priorities``: ``[{"rank", "item", "section", "stelling",
  "share_below_target", "mean", "mean_gap", "target_label", "reason", "voorbeelden"}]``.
- ``gesprek``: Handreiking onderwerpen for the priorities:
  ``[{"thema", "hoofdvraag", "id", "titel", "raakt_aan", "why", "vragen"}]``.
- ``changes``: per column of this report ``{"key", "label", "shown",
  "reason", "in_both", "sections": [change], "items": [change]}``, over the
  column's respondents with a complete result in both rounds (``in_both``);
  a column whose changes are all hidden has ``"shown": false``, ``"reason":
  "te weinig respondenten"``, ``in_both`` null and empty lists. A change is
  ``{"id", "shown", "before", "after", "delta", "share_before", "share_after",
  "share_delta"}``: the mean and the share on target of those respondents in
  the previous round and in this one, and the difference of the rounded
  values (so ``after - before == delta`` as written); all null where hidden.
- ``comparison``: Dutch remarks on the comparison (who is compared, which
  columns show no change and why).
- ``other_versions``: ``[{"versie", "results"}]``: counted results made with
  another version of the kader (matched by item id); ``unknown_items``: counted
  results with answers to items this kader does not know.
- ``names``: null, or (only with ``--namen``) ``[{"naam", "status": "afgerond" | "concept"}]``.
- ``evidence``: null, or (only with ``--voorbeelden``) ``[{"kerntaak", "voorbeeld", "meerwaarde"}]``, without names.
- ``notes``: Dutch remarks on what the figures leave out.
- ``warnings``: Dutch warnings about reports with another ``--by`` over the
  same results that would, next to this one, reveal hidden figures by subtraction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ictbekwaam import safe
from ictbekwaam.core.team.records import TOO_FEW, Change, Column, Figures, Rejected, Round, TeamProfile

SCHEMA = "ictbekwaam/team-report"
SCHEMA_VERSION = 2
HIDDEN = {"shown": False, "reason": TOO_FEW}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _figures(profile: TeamProfile, figures: Figures | None, checklist: bool) -> dict[str, Any]:
    if figures is None:
        return dict(HIDDEN)
    keys = [code for code, _, _ in profile.checklist] if checklist else [str(w) for w, _ in profile.scale]
    return {
        "shown": True,
        "counts": dict(zip(keys, figures.counts)),
        "nvt": figures.nvt,
        "open": figures.open,
        "counted": figures.counted,
        "mean": _r(figures.mean),
        "median": figures.median,
        "on_target": figures.on_target,
        "share_on_target": _r(figures.share_on_target),
        "mean_gap": _r(figures.mean_gap),
    }


def _column(profile: TeamProfile, column: Column) -> dict[str, Any]:
    return {
        "key": column.key,
        "label": column.label,
        "shown": column.shown,
        "reason": None if column.shown else TOO_FEW,
        "respondents": column.respondents,
        "completed": column.completed,
        "drafts_only": column.drafts,
        "sections": {s.id: _figures(profile, f, s.checklist) for s, f in zip(profile.sections, column.sections)},
        "items": {i.id: _figures(profile, f, i.checklist) for i, f in zip(profile.items, column.items)},
        "left_out": {s.id: list(ids) for s, ids in zip(profile.sections, column.left_out)},
    }


def _between(before: float | None, after: float | None) -> float | None:
    """The difference of the two values as written (rounded), so that the three agree."""
    a, b = _r(before), _r(after)
    return None if a is None or b is None else round(b - a, 3)


def _change(change: Change) -> dict[str, Any]:
    return {
        "id": change.id,
        "shown": change.shown,
        "before": _r(change.before),
        "after": _r(change.after),
        "delta": _between(change.before, change.after),
        "share_before": _r(change.share_before),
        "share_after": _r(change.share_after),
        "share_delta": _between(change.share_before, change.share_after),
    }


def _round(r: Round) -> tuple[dict[str, int], dict[str, int]]:
    files = {"read": r.files, "rejected": r.rejected, "valid": r.valid, "set_aside": r.set_aside}
    people = {"total": r.respondents, "completed": r.completed, "drafts_only": r.drafts_only, "name_conflicts": r.conflicts}
    return files, people


def report_data(profile: TeamProfile, rejected: Sequence[Rejected] = (), *, file_names: bool = False) -> dict[str, Any]:
    """The report as plain data (see the module docstring)."""
    files, people = _round(profile.round)
    files_data: dict[str, Any] = dict(files)
    files_data["skipped"] = [({"file": r.file, "reason": r.reason} if file_names else {"reason": r.reason}) for r in rejected]
    previous = None
    if profile.previous is not None:
        prev_files, prev_people = _round(profile.previous)
        previous = {"files": prev_files, "respondents": {**prev_people, "in_both": profile.in_both}}
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "banner": profile.banner,
        "framework": {
            "id": profile.kader_id,
            "versie": profile.kader_versie,
            "titel": profile.kader_titel,
            "uitgever": profile.kader_uitgever,
            "jaar": profile.kader_jaar,
            "bron": profile.kader_bron,
        },
        "targets": {"source": profile.targets_source},
        "min_groep": profile.min_groep,
        "by": profile.by,
        "scale": [{"waarde": w, "label": label} for w, label in profile.scale],
        "checklist": [{"code": c, "label": label, "score": s} for c, label, s in profile.checklist],
        "nvt_label": profile.nvt_label,
        "files": files_data,
        "respondents": people,
        "previous": previous,
        "sections": [
            {"id": s.id, "naam": s.naam, "kind": "checklist" if s.checklist else "kerntaak", "items": list(s.items)}
            for s in profile.sections
        ],
        "items": [
            {
                "id": i.id,
                "section": i.section,
                "stelling": i.stelling,
                "kind": "checklist" if i.checklist else "kerntaak",
                "target": i.target,
                "target_label": i.target_label,
            }
            for i in profile.items
        ],
        "columns": [_column(profile, c) for c in profile.columns],
        "priorities": [
            {
                "rank": p.rank,
                "item": p.item,
                "section": p.section,
                "stelling": p.stelling,
                "share_below_target": _r(p.share_below_target),
                "mean": _r(p.mean),
                "mean_gap": _r(p.mean_gap),
                "target_label": p.target_label,
                "reason": p.reason,
                "voorbeelden": list(p.voorbeelden),
            }
            for p in profile.priorities
        ],
        "gesprek": [
            {
                "thema": g.thema,
                "hoofdvraag": g.hoofdvraag,
                "id": g.id,
                "titel": g.titel,
                "raakt_aan": list(g.raakt_aan),
                "why": g.why,
                "vragen": list(g.vragen),
            }
            for g in profile.gesprek
        ],
        "changes": [
            {
                "key": c.key,
                "label": c.label,
                "shown": c.shown,
                "reason": None if c.shown else TOO_FEW,
                "in_both": c.in_both,
                "sections": [_change(x) for x in c.sections],
                "items": [_change(x) for x in c.items],
            }
            for c in profile.changes
        ],
        "comparison": list(profile.comparison),
        "other_versions": [{"versie": v, "results": n} for v, n in profile.other_versions],
        "unknown_items": profile.unknown_items,
        "names": None
        if profile.names is None
        else [{"naam": naam, "status": "afgerond" if complete else "concept"} for naam, complete in profile.names],
        "evidence": None
        if profile.examples is None
        else [{"kerntaak": e.kerntaak, "voorbeeld": e.voorbeeld, "meerwaarde": e.meerwaarde} for e in profile.examples],
        "notes": list(profile.notes),
        "warnings": list(profile.warnings),
    }


def report_json(profile: TeamProfile, rejected: Sequence[Rejected] = (), *, file_names: bool = False) -> str:
    """The report as indented UTF-8 JSON text (texts as they are; no raw control or bidi character: :func:`ictbekwaam.safe.json_document`)."""
    return safe.json_document(json.dumps(report_data(profile, rejected, file_names=file_names), ensure_ascii=False, indent=2)) + "\n"
