"""The profile as JSON (``ictbekwaam profile FILE --format json``).

A documented, stable structure for other tools. Keys follow the result file:
generic words in English, domain words in Dutch; texts are Dutch. Means and
shares are rounded to three decimals.

Top level:

- ``schema``: always ``"ictbekwaam/profile"``; ``schema_version``: 2 (version 1
  had one priority per basisvaardigheid, and no ``evidence_idea`` or ``invitations``).
- ``respondent``: ``{"id": "r-…", "naam": str | null}``.
- ``complete``: false for a draft (concept); ``updated_at``: ISO 8601 time of the result.
- ``framework``: the kader used for scoring: ``id``, ``versie``, ``titel``,
  ``uitgever``, ``jaar``, ``bron``, and ``verbatim``: true only for
  ictbekwaam's own kader, whose voorbeelden (``omschrijving``) are the Kader's
  own words; false for another kader file (its texts are as in that file).
- ``result_framework``: ``{"versie": str, "matches": bool, "changes": …}``: the
  kader version the result was made with, and whether it is exactly the kader
  used (if not, items were matched by id); ``changes`` is null unless the kader
  records that earlier version, then ``{"gesplitst": {old id: [new ids]},
  "vervallen": [ids], "gewijzigd": [ids], "nieuw": [ids]}`` (answers to split and
  removed items do not count; to narrowed ones they do).
- ``targets``: ``{"source": str, "file": str | null}``: which targets were used.
- ``scale``: ``[{"waarde": 1, "label": "Nog niet"}, …]``.
- ``verdict``: an honest summary (Dutch); ``notes``: what the figures leave out.
- ``basisvaardigheden``: one *section* (below); ``kerntaken``: a list of sections.
- ``priorities``: the points to develop first, at most five (empty if none),
  in the order of :mod:`ictbekwaam.core.priorities`. Each is ``{"rank",
  "item", "kind", "section", "reason", "gap", "steps", "advice", "help",
  "evidence"}``:

  - ``kind`` ``"kerntaak"``: ``item`` is the statement id; ``gap`` in levels;
    ``steps`` are its chapter 4 voorbeelden ``{"id", "titel", "omschrijving",
    "bron", "verwijzingen": [{"url", "titel"}], "described_at"}`` where
    ``described_at`` is the rank of an earlier point that describes the same
    voorbeeld (null when this point does); ``advice`` a next step when there
    are no voorbeelden ("" otherwise).
  - ``kind`` ``"basisvaardigheden"``: the one point for every basisvaardigheid
    below target: ``item`` is ``"basisvaardigheden"``, ``gap`` the summed
    score points, ``steps`` empty, ``advice`` says the Kader gives no examples
    here, and ``items`` lists the skills: ``{"id", "stelling", "answer",
    "answer_label", "target", "target_label", "gap", "suggestion",
    "herkomst"}``, where ``suggestion`` is a way to practise it ("" when
    ictbekwaam has none for that statement) and ``herkomst`` is always
    ``"suggestie van ictbekwaam"``; ``general`` is one way to practise all the
    skills without a suggestion together ("" when every skill has one).

  ``help`` (who can help) and ``evidence`` (what would show progress)
  complete "Wie kan helpen:" and "Zo laat je groei zien:"; ``help`` is "" where
  the same general help stands at an earlier point, and for growth to the top
  level (there the teacher is the one who helps).
- ``growth``: only when nothing is below target: up to three items to grow in,
  each towards its next level (``next_level``: ``{"waarde", "label"}``), in the
  same form as the kerntaak ``priorities``.
- ``evidence_idea``: ``{"tekst", "bron"}``: the Kader's own idea of how a
  teacher shows progress (one or more examples per kerntaak, with their
  meerwaarde), verbatim, and where it stands.
- ``invitations``: kerntaken rated at or above target (or with a statement at
  the top level) without the teacher's own example, and with a counted
  statement above the lowest level: ``{"kerntaak", "naam",
  "all_on_target", "top", "text"}`` (``top``: ids at the top level; ``text``:
  the kind invitation, Dutch).
- ``unknown``: answered item ids the kader does not have (another version).

A *section*: ``id`` (``"basisvaardigheden"`` or the kerntaak id), ``naam``,
``kind`` (``"checklist"`` or ``"kerntaak"``), ``counted`` (answered and
applicable items), ``on_target``, ``share_on_target`` (0..1 or null),
``total_gap``, ``mean_level`` (kerntaken; null otherwise or when nothing
counts), ``mean_score`` (basisvaardigheden, 0..1), ``nvt`` and ``open`` (ids
left out of the figures), ``evidence`` (``{"voorbeeld", "meerwaarde"}``, the
teacher's own example; empty for the basisvaardigheden) and ``items``.

An *item*: ``id``, ``stelling``, ``status`` (``"geteld"``, ``"nvt"`` or
``"open"``), ``answer`` (as stored, or null), ``answer_label``, ``level``
(kerntaken) or ``score`` (basisvaardigheden, 0..1) when counted, ``target``,
``target_label``, ``gap`` (null when not counted; levels for kerntaken, score
points for basisvaardigheden) and ``on_target`` (null when not counted).
"""

from __future__ import annotations

import json
from typing import Any

from ictbekwaam import safe
from ictbekwaam.model.kader import Voorbeeld
from ictbekwaam.core.priorities import KADER_EVIDENCE, KADER_EVIDENCE_SOURCE, SUGGESTIE, Invitation
from ictbekwaam.core.scoring import ItemScore, Priority, Profile, SectionScore

SCHEMA = "ictbekwaam/profile"
SCHEMA_VERSION = 2


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def number(value: float | None) -> float | int | None:
    """Whole numbers as ints (gaps in levels), others rounded."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 3)


def item_dict(item: ItemScore) -> dict[str, Any]:
    """One scored item as a JSON-ready dict."""
    return {
        "id": item.id,
        "stelling": item.stelling,
        "status": item.status,
        "answer": item.answer,
        "answer_label": item.answer_label,
        "level": item.level,
        "score": item.score,
        "target": item.target,
        "target_label": item.target_label,
        "gap": number(item.gap),
        "on_target": item.on_target,
    }


def section_dict(section: SectionScore) -> dict[str, Any]:
    """One section as a JSON-ready dict."""
    return {
        "id": section.id,
        "naam": section.naam,
        "kind": "checklist" if section.is_checklist else "kerntaak",
        "counted": section.counted,
        "on_target": section.on_target,
        "share_on_target": _round(section.share_on_target),
        "total_gap": number(section.total_gap),
        "mean_level": _round(section.mean_level),
        "mean_score": _round(section.mean_score),
        "nvt": list(section.nvt),
        "open": list(section.open),
        "evidence": {"voorbeeld": section.evidence_voorbeeld, "meerwaarde": section.evidence_meerwaarde},
        "items": [item_dict(i) for i in section.items],
    }


def voorbeeld_dict(voorbeeld: Voorbeeld) -> dict[str, Any]:
    """A chapter 4 voorbeeld as a next step."""
    return {
        "id": voorbeeld.id,
        "titel": voorbeeld.titel,
        "omschrijving": " ".join(voorbeeld.omschrijving.split()),
        "bron": voorbeeld.bron,
        "verwijzingen": [{"url": r.url, "titel": r.titel} for r in voorbeeld.verwijzingen],
    }


def priority_dict(priority: Priority) -> dict[str, Any]:
    """One point as a JSON-ready dict."""
    data: dict[str, Any] = {
        "rank": priority.rank,
        "item": priority.id,
        "kind": priority.kind,
        "section": priority.section,
        "reason": priority.reason,
        "gap": number(priority.gap),
        "steps": [voorbeeld_dict(v) | {"described_at": priority.described_at(v.id)} for v in priority.steps],
        "advice": priority.advice,
        "help": priority.help,
        "evidence": priority.evidence,
    }
    if priority.next_level is not None:
        data["next_level"] = {"waarde": priority.next_level[0], "label": priority.next_level[1]}
    if priority.is_basis:
        data["general"] = priority.general
        data["items"] = [
            {
                "id": p.item.id,
                "stelling": p.item.stelling,
                "answer": p.item.answer,
                "answer_label": p.item.answer_label,
                "target": p.item.target,
                "target_label": p.item.target_label,
                "gap": number(p.item.gap),
                "suggestion": p.suggestion,
                "herkomst": SUGGESTIE,
            }
            for p in priority.skills
        ]
    return data


def invitation_dict(invitation: Invitation) -> dict[str, Any]:
    """One invitation to show an own example."""
    return {
        "kerntaak": invitation.kerntaak,
        "naam": invitation.naam,
        "all_on_target": invitation.all_on_target,
        "top": list(invitation.top),
        "text": invitation.text(),
    }


def _changes(profile: Profile) -> dict | None:
    gap = profile.version
    if gap is None or not gap.known:
        return None
    return {
        "gesplitst": {w.id: list(w.naar) for w in gap.split},
        "vervallen": [w.id for w in gap.removed],
        "gewijzigd": [w.id for w in gap.changed],
        "nieuw": list(gap.new),
    }


def profile_dict(profile: Profile) -> dict[str, Any]:
    """The whole profile as a JSON-ready dict (the structure in the module docstring)."""
    k = profile.kader
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "respondent": {"id": profile.respondent_id, "naam": profile.naam},
        "complete": profile.complete,
        "updated_at": profile.updated_at.isoformat(),
        "framework": {
            "id": k.id,
            "versie": k.versie,
            "titel": k.titel,
            "uitgever": k.uitgever,
            "jaar": k.jaar,
            "bron": k.bron,
            "verbatim": profile.verbatim,
        },
        "result_framework": {"versie": profile.result_kader_versie, "matches": profile.kader_matches, "changes": _changes(profile)},
        "targets": {"source": profile.targets_source, "file": profile.targets_file},
        "scale": [{"waarde": w, "label": label} for w, label in profile.scale],
        "verdict": profile.verdict,
        "notes": list(profile.notes),
        "basisvaardigheden": section_dict(profile.basisvaardigheden),
        "kerntaken": [section_dict(s) for s in profile.kerntaken],
        "priorities": [priority_dict(p) for p in profile.priorities],
        "growth": [priority_dict(p) for p in profile.growth],
        "evidence_idea": {"tekst": KADER_EVIDENCE, "bron": KADER_EVIDENCE_SOURCE},
        "invitations": [invitation_dict(i) for i in profile.invitations],
        "unknown": list(profile.unknown),
    }


def profile_json(profile: Profile) -> str:
    """The profile as indented UTF-8 JSON text."""
    return safe.json_document(json.dumps(profile_dict(profile), ensure_ascii=False, indent=2)) + "\n"
