"""Safe YAML reading that remembers where every value stood.

PyYAML's ``SafeLoader`` never constructs Python objects from tags, so a data
file can only ever yield dicts, lists, strings, numbers, booleans and None.
Besides the data we keep a map from each value's path (``kerntaken[1].items[3].id``)
to its line, so that an error deep in the model can still name the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ictbekwaam.errors import DataError, LineMap, Place, join_path
from ictbekwaam.files.read import read_text

MAX_YAML_BYTES = 5 * 1024 * 1024  # a kader is ~50 kB; anything this large is not one


# The C parser when libyaml is there (about ten times faster), else pure Python;
# both only build the YAML core types, never objects.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _walk(node: yaml.Node, path: str, lines: dict[str, int], file: Path | str | None) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise DataError(
                    Place(file, join_path(path, key), line),
                    f"de sleutel '{key}' staat hier twee keer (eerder op regel {seen[key]})",
                )
            seen[key] = line
            child = join_path(path, key)
            lines[child] = line
            _walk(value_node, child, lines, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, join_path(path, index), lines, file)


def parse_yaml(text: str, file: Path | str | None = None) -> tuple[Any, LineMap]:
    """Parse YAML text safely; return the data and its :class:`LineMap`.

    Raises :class:`DataError` with the line for syntax errors and duplicate keys.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, LineMap()
        lines: dict[str, int] = {}
        _walk(node, "", lines, file)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "onleesbare YAML"
        raise DataError(Place(file, "", line), f"geen geldige YAML ({what})") from None
    except yaml.YAMLError as exc:
        raise DataError(Place(file), f"geen geldige YAML ({exc})") from None
    finally:
        loader.dispose()
    return data, LineMap(lines)


def read_yaml(path: Path, *, what: str = "een YAML-bestand") -> tuple[Any, LineMap]:
    """Read (with :func:`~ictbekwaam.files.read.read_text`) and parse a YAML file; Dutch errors for every way it can fail."""
    return parse_yaml(read_text(path, limit=MAX_YAML_BYTES, what=what), path)
