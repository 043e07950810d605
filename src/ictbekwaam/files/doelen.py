"""Reading a school's doelen file (``--doelen FILE``) into :class:`~ictbekwaam.model.targets.Targets`.

The file is read as safe YAML (:func:`~ictbekwaam.files.yamlsource.read_yaml`);
what its values mean is checked by :func:`~ictbekwaam.model.targets.parse_doelen`.
"""

from __future__ import annotations

from pathlib import Path

from ictbekwaam.errors import DataError
from ictbekwaam.files.yamlsource import WordLoader, read_yaml
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.targets import Targets, default_targets, parse_doelen


def load_doelen(path: Path | None, kader: Kader) -> Targets:
    """The targets from a doelen file, or the kader's defaults when ``path`` is None."""
    if path is None:
        return default_targets(kader)
    # yes/no/on/off stay words: "basisvaardigheden: no" is refused as 'no', not as a 'false' the school never wrote.
    data, lines = read_yaml(path, what="een doelenbestand", loader_class=WordLoader)
    if not isinstance(data, dict) or "doelen" not in data:
        raise DataError(lines.place(path, ""), "dit is geen doelenbestand (verwacht 'doelen:' bovenaan)")
    return parse_doelen(data, kader, path, lines)
