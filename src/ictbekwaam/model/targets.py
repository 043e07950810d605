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

from ictbekwaam import dutch
from ictbekwaam.errors import DataError, LineMap
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader
from ictbekwaam.model.versions import retired_item, split_into
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
        notes: Dutch clauses on the file (a doel for an item that was split since: it holds for the parts).
    """

    per_item: dict[str, Target] = field(default_factory=dict)
    source: str = "standaarddoelen van het kader"
    file: Path | None = None
    notes: tuple[str, ...] = ()

    def target_for(self, item_id: str) -> Target | None:
        """The target of an item, or None for an item these targets do not name."""
        return self.per_item.get(item_id)

    def for_item(self, kader: Kader, item_id: str) -> ItemTarget:
        """The target of an item of ``kader``, ready to compare answers with.

        The kader's own default applies where these targets name none (targets
        built in code may leave items out).
        """
        target = self.target_for(item_id)
        if target is None:
            target = kader.default_target(item_id)
        if kader.section_of(item_id) == BASISVAARDIGHEDEN:
            option = next((o for o in kader.checklist.opties if o.code == target), None)
            # A code the checklist does not have asks for the best option.
            best = max(o.score for o in kader.checklist.opties)
            return ItemTarget(target, option.label if option else str(target), True, option.score if option else best)
        level = next((n for n in kader.schaal.niveaus if n.waarde == target), None)
        return ItemTarget(target, level.label if level else str(target), False, target)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ItemTarget:
    """The target of one item, and how far an answer is from it.

    An answer is compared by its *value*: the level of a kerntaak statement,
    or the score (0..1) of the checklist option of a basisvaardigheid. It is
    on target when its value is at least the target's; its gap is how far it
    is below (levels, or score points), never below 0.

    Attributes:
        target: the level number, or the checklist code.
        label: its Dutch label ("Bekwaam", "Ja").
        checklist: True for a basisvaardigheid.
        value: the target's value: the level, or the score of the target option.
    """

    target: Target
    label: str
    checklist: bool
    value: float

    def gap(self, value: float) -> float:
        """How far ``value`` is below the target: whole levels (an int), or score points (a float); 0 on target."""
        if self.checklist:
            return max(0.0, self.value - value)
        return max(0, self.value - value)

    def reached(self, value: float) -> bool:
        """Whether an answer with this value is on target."""
        return value >= self.value


def _shown(value: object) -> str:
    """A value as the user wrote it in YAML (``ja``, ``5``, ``true``, leeg)."""
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{value}'"


def default_targets(kader: Kader) -> Targets:
    """The kader's own default targets, described for the profile."""
    option = next((o.label for o in kader.checklist.opties if o.code == kader.checklist.standaard_doel), "")
    statements = [item for kerntaak in kader.kerntaken for item in kerntaak.items]
    used = [(n, sum(1 for i in statements if kader.default_target(i.id) == n.waarde)) for n in reversed(kader.schaal.niveaus)]
    used = [(n, count) for n, count in used if count]
    if len(used) == 1:
        levels = f"niveau {used[0][0].waarde} ({used[0][0].label}) voor de stellingen"
    else:  # e.g. a lower default for the chapter-4 practices: say how many get which
        levels = dutch.join([f"niveau {n.waarde} ({n.label}) voor {dutch.count(count, 'stelling', 'stellingen')}" for n, count in used])
    source = f"standaarddoelen: {levels}, {option} voor de basisvaardigheden"
    if any(item.doel is not None for item in kader.basisvaardigheden.items):
        source += ", behalve waar het kader per basisvaardigheid een ander doel noemt"
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
    items = dict(spec.items)
    notes: list[str] = []
    for item_id, value in spec.items.items():
        path = f"doelen.items.{item_id}"
        section = kader.section_of(item_id)
        if section is None and retired_item(kader, item_id):
            # A school's doelen of an earlier kaderversie keep working: a split item's doel holds for each part
            # the file does not name itself; a removed item's doel lapses.
            del items[item_id]
            parts = split_into(kader, item_id)
            if not parts:
                notes.append(f"het doel voor {item_id} in het doelenbestand vervalt, want {item_id} is vervallen")
                continue
            taken = [part for part in parts if part not in spec.items]
            items.update(dict.fromkeys(taken, value))
            holds = f"geldt voor {dutch.join(taken)}" if taken else f"geldt voor geen van de delen ({dutch.join(parts)} hebben een eigen doel)"
            notes.append(f"het doel {value} voor {item_id} in het doelenbestand {holds}, want {item_id} is gesplitst")
            section = kader.section_of(parts[0])
        if section is None:
            problems.append((path, retired_item(kader, item_id) or f"'{item_id}' is geen item van het kader"))
        elif section == BASISVAARDIGHEDEN:
            check_code(path, value)
        else:
            check_level(path, value)
    if problems:
        (path, message), *rest = problems
        raise DataError(lines.place(file, path), message, more=[(lines.place(file, p), m) for p, m in rest])

    per_item: dict[str, Target] = {}
    for item in kader.basisvaardigheden.items:
        per_item[item.id] = items.get(item.id, spec.basisvaardigheden or kader.default_target(item.id))
    for kerntaak in kader.kerntaken:
        for item in kerntaak.items:
            fallback = spec.kerntaken.get(kerntaak.id, spec.standaard)
            per_item[item.id] = items.get(item.id, fallback if fallback is not None else kader.default_target(item.id))
    name = spec.naam.strip()
    where = file.name if file is not None else ""
    label = f"{name} ({where})" if name and where else (name or where or "zonder naam")
    return Targets(per_item, f"doelen van de school: {label}", file, tuple(notes))

