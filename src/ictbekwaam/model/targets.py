"""The school's own targets (``--doelen FILE``): which level is expected of each item.

The Kader leaves concrete requirements to each school. A doelen file sets a
default expected level and, where the school wants, other levels per kerntaak
or per item::

    doelen:
      naam: Doelen OBS De Brug 2026        # optional, shown in the profile
      standaard: 3                          # every kerntaak statement
      basisvaardigheden: ja                 # every checklist item
      kerntaken: {B: 2}                     # overrides per kerntaak
      items: {A7: 4, BV5: deels}            # overrides per item (win over kerntaken)

Without a file, the kader's own defaults apply (``schaal.standaard_doel``,
``checklist.standaard_doel`` and any per-item ``doel``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from ictbekwaam.errors import DataError, LineMap
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader
from ictbekwaam.model.convert import convert

Target = int | str  # a level number, or a checklist code for basisvaardigheden


class DoelenSpec(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """The ``doelen`` mapping of a doelen file (all optional).

    The values are checked by :func:`parse_doelen` against the kader rather
    than by type, so that a wrong value gets a message that names the key and
    the valid choices ("'ja' is geen niveau van de schaal (1, 2, 3, 4)").
    """

    naam: str = ""
    standaard: Any = None
    basisvaardigheden: Any = None
    kerntaken: dict[str, Any] = {}
    items: dict[str, Any] = {}


class DoelenFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """A whole doelen file."""

    doelen: DoelenSpec


@dataclass(frozen=True)
class Targets:
    """The expected level of every item of a kader.

    Attributes:
        per_item: item id -> target (level number, or checklist code).
        source: Dutch description of where the targets come from, for the profile.
        file: the doelen file, or None for the kader's defaults.
    """

    per_item: dict[str, Target] = field(default_factory=dict)
    source: str = "standaarddoelen van het kader"
    file: Path | None = None

    def target_for(self, item_id: str) -> Target | None:
        """The target of an item, or None for an item the kader does not have."""
        return self.per_item.get(item_id)


def _shown(value: object) -> str:
    """A value as the user wrote it in YAML (``ja``, ``5``, ``true``, leeg)."""
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{value}'"


def default_targets(kader: Kader) -> Targets:
    """The kader's own default targets, described for the profile."""
    level = kader.schaal.standaard_doel
    label = next((n.label for n in kader.schaal.niveaus if n.waarde == level), "")
    option = next((o.label for o in kader.checklist.opties if o.code == kader.checklist.standaard_doel), "")
    source = f"standaarddoelen: niveau {level} ({label}) voor de stellingen, {option} voor de basisvaardigheden"
    if any(item.doel is not None for item in kader.all_items()):
        source += ", behalve waar het kader per stelling een ander doel noemt"
    return Targets({item.id: kader.default_target(item.id) for item in kader.all_items()}, source)


def parse_doelen(data: object, kader: Kader, file: Path | None = None, lines: LineMap | None = None) -> Targets:
    """Validate doelen data against ``kader`` and resolve a target for every item."""
    lines = lines or LineMap()
    spec = convert(data, DoelenFile, file=file, lines=lines).doelen
    levels = kader.level_values()
    codes = kader.checklist_codes()
    problems: list[tuple[str, str]] = []

    def check_level(path: str, value: object) -> None:
        # bool is an int in Python; ``ja``/``true`` is never a level.
        if isinstance(value, bool) or not isinstance(value, int) or value not in levels:
            problems.append((path, f"{_shown(value)} is geen niveau van de schaal ({', '.join(map(str, levels))})"))

    def check_code(path: str, value: object) -> None:
        if not isinstance(value, str) or value not in codes:
            problems.append((path, f"{_shown(value)} is geen optie van de checklist ({', '.join(codes)})"))

    if spec.standaard is not None:
        check_level("doelen.standaard", spec.standaard)
    if spec.basisvaardigheden is not None:
        check_code("doelen.basisvaardigheden", spec.basisvaardigheden)
    kerntaak_ids = {k.id for k in kader.kerntaken}
    for kerntaak_id, level in spec.kerntaken.items():
        path = f"doelen.kerntaken.{kerntaak_id}"
        if kerntaak_id not in kerntaak_ids:
            problems.append((path, f"'{kerntaak_id}' is geen kerntaak van het kader ({', '.join(sorted(kerntaak_ids))})"))
        else:
            check_level(path, level)
    for item_id, value in spec.items.items():
        path = f"doelen.items.{item_id}"
        section = kader.section_of(item_id)
        if section is None:
            problems.append((path, f"'{item_id}' is geen item van het kader"))
        elif section == BASISVAARDIGHEDEN:
            check_code(path, value)
        else:
            check_level(path, value)
    if problems:
        (path, message), *rest = problems
        raise DataError(lines.place(file, path), message, more=[(lines.place(file, p), m) for p, m in rest])

    per_item: dict[str, Target] = {}
    for item in kader.basisvaardigheden.items:
        per_item[item.id] = spec.items.get(item.id, spec.basisvaardigheden or kader.default_target(item.id))
    for kerntaak in kader.kerntaken:
        for item in kerntaak.items:
            fallback = spec.kerntaken.get(kerntaak.id, spec.standaard)
            per_item[item.id] = spec.items.get(item.id, fallback if fallback is not None else kader.default_target(item.id))
    name = spec.naam.strip()
    where = file.name if file is not None else ""
    label = f"{name} ({where})" if name and where else (name or where or "zonder naam")
    return Targets(per_item, f"doelen van de school: {label}", file)

