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

from ictbekwaam.errors import DataError, LineMap, Place, join_path, parent_path  # noqa: F401 (re-exported)

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


def read_yaml(path: Path) -> tuple[Any, LineMap]:
    """Read and parse a YAML file, with Dutch errors for every way it can fail."""
    text = read_text(path, limit=MAX_YAML_BYTES)
    return parse_yaml(text, path)


def read_text(path: Path, *, limit: int) -> str:
    """Read a UTF-8 text file no larger than ``limit`` bytes, or raise DataError."""
    try:
        if path.is_dir():
            raise DataError(Place(path), "dit is een map, geen bestand")
        size = path.stat().st_size
        if size > limit:
            raise DataError(Place(path), f"bestand is te groot ({size} bytes, hooguit {limit})")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(Place(path), "bestand niet gevonden") from None
    except PermissionError:
        raise DataError(Place(path), "geen toestemming om dit bestand te lezen") from None
    except OSError as exc:
        raise DataError(Place(path), f"kan dit bestand niet lezen ({exc.strerror or exc})") from None
    if b"\x00" in raw:
        raise DataError(Place(path), "dit is geen tekstbestand (bevat binaire gegevens)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(Place(path), f"geen geldige UTF-8-tekst (byte {exc.start})") from None
