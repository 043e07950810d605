"""Reading a school's doelen file (``--doelen FILE``) into :class:`~ictbekwaam.model.targets.Targets`.

The file is read as safe YAML (:func:`~ictbekwaam.files.yamlsource.read_yaml`);
what its values mean is checked by :func:`~ictbekwaam.model.targets.parse_doelen`.
A level and a checklist option are read as forgivingly as in an answers file
(:func:`doelen_targets`): ``standaard: "3"`` is level 3, ``basisvaardigheden: Ja`` is ``ja``,
and so is the option's or level's label in any case (``Bekwaam``, ``Deels``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ictbekwaam.errors import DataError, LineMap
from ictbekwaam.files.yamlsource import WordLoader, read_yaml
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader, answer_key
from ictbekwaam.model.targets import Targets, default_targets, parse_doelen
from ictbekwaam.model.versions import split_into


def _as_written(value: Any, choices: dict[str, object]) -> Any:
    """The level or code a text means (a number as text, a label in any case); else the value as written."""
    if isinstance(value, str) and answer_key(value) in choices:
        return choices[answer_key(value)]
    return value


def _forgiving(data: Any, kader: Kader) -> Any:
    """The doelen data with each level and checklist option as the kader writes it (``"3"`` -> 3, ``Ja`` -> ``ja``).

    What means neither stays as written, so that a refusal names it as the school wrote it.
    """
    spec = data.get("doelen") if isinstance(data, dict) else None
    if not isinstance(spec, dict):
        return data
    levels, codes = kader.level_choices(), kader.option_choices()
    spec = dict(spec)
    for key, choices in (("standaard", levels), ("basisvaardigheden", codes)):
        if key in spec:
            spec[key] = _as_written(spec[key], choices)
    if isinstance(spec.get("kerntaken"), dict):
        spec["kerntaken"] = {k: _as_written(v, levels) for k, v in spec["kerntaken"].items()}
    if isinstance(spec.get("items"), dict):
        items = {}
        for item_id, value in spec["items"].items():
            section = kader.section_of(str(item_id)) or next((kader.section_of(p) for p in split_into(kader, str(item_id))), None)
            choices = codes if section == BASISVAARDIGHEDEN else levels if section is not None else {}
            items[item_id] = _as_written(value, choices)
        spec["items"] = items
    return {**data, "doelen": spec}


def doelen_targets(data: Any, kader: Kader, path: Path, lines: LineMap) -> Targets:
    """The targets from a doelen file's data (as :class:`WordLoader` reads it), levels and options read forgivingly."""
    return parse_doelen(_forgiving(data, kader), kader, path, lines)


def load_doelen(path: Path | None, kader: Kader) -> Targets:
    """The targets from a doelen file, or the kader's defaults when ``path`` is None."""
    if path is None:
        return default_targets(kader)
    # yes/no/on/off stay words: "basisvaardigheden: no" is refused as 'no', not as a 'false' the school never wrote.
    data, lines = read_yaml(path, what="een doelenbestand", loader_class=WordLoader)
    if not isinstance(data, dict) or "doelen" not in data:
        raise DataError(lines.place(path, ""), "dit is geen doelenbestand (verwacht 'doelen:' bovenaan)")
    return doelen_targets(data, kader, path, lines)
