"""Safe YAML reading that remembers where every value stood.

PyYAML's ``SafeLoader`` never constructs Python objects from tags, so a data
file can only ever yield dicts, lists, strings, numbers, booleans and None.
Besides the data we keep a map from each value's path (``kerntaken[1].items[3].id``)
to its line, so that an error deep in the model can still name the line.

Bounded, whatever the file: values nest at most :data:`MAX_YAML_DEPTH` deep,
and anchors and aliases (``&naam`` ... ``*naam``) may repeat parts of the file,
but the whole may not grow past :data:`EXPANSION` times the file's own size in
values (a "billion laughs" file of 400 bytes would otherwise become billions
of values). Every message is Dutch, with the line to change and how
(:mod:`~ictbekwaam.files.yamlerrors`).

Which plain words become which type is the caller's choice: :class:`Loader`
reads YAML 1.1 as PyYAML does (the kader and the handreiking), :class:`WordLoader`
keeps yes/no/on/off/true/false as words (the doelen file), :class:`TextLoader`
keeps every value as the text written (the answers file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import yaml

from ictbekwaam.errors import DataError, LineMap, Place, join_path
from ictbekwaam.files.read import read_text
from ictbekwaam.files.yamlerrors import explain

MAX_YAML_BYTES = 1024 * 1024  # the kader is 31 kB; anything this large is not one of ours
MAX_YAML_EVENTS = 50_000  # the kader is 1,093 parser events; building a tree of millions costs seconds and a GB
MAX_YAML_DEPTH = 32  # the kader nests 6 deep
TOO_DEEP = f"te diep genest (meer dan {MAX_YAML_DEPTH} niveaus)"
EXPANSION = 2  # values after expanding aliases, per character of the file (without aliases: < 1)


# The C parser when libyaml is there (about ten times faster), else pure Python;
# both only build the YAML core types, never objects.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


def _resolvers(keep: Callable[[str], bool]) -> dict[str, list[tuple[str, Any]]]:
    """The safe loader's implicit resolvers (which plain words become which type), only the tags ``keep`` keeps."""
    kept = {first: [(tag, regexp) for tag, regexp in pairs if keep(tag)] for first, pairs in _Loader.yaml_implicit_resolvers.items()}
    return {first: pairs for first, pairs in kept.items() if pairs}


class Loader(_Loader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, as YAML 1.1 reads plain values: numbers, dates, yes/no/on/off as booleans. For the kader."""


class WordLoader(_Loader):  # type: ignore[misc, valid-type]
    """As :class:`Loader`, but yes, no, on, off, true and false stay the words written (YAML 1.2 has no such booleans).

    For the doelen file: ``basisvaardigheden: no`` is then refused as "'no'", the word the school wrote, not "'false'".
    """

    yaml_implicit_resolvers = _resolvers(lambda tag: tag != _BOOL)


class TextLoader(_Loader):  # type: ignore[misc, valid-type]
    """Every plain value is the text as written; only an empty value, ``~`` and ``null`` are None (as YAML 1.2's core schema).

    For the answers file: ``yes`` and ``no`` stay words, ``3`` is the text "3" (the answers file reads it as
    a level), ``2024-09-31`` and ``010`` are kept as typed, and no date or number can fail to build.
    """

    yaml_implicit_resolvers = _resolvers(lambda tag: tag == _NULL)


class _Budget:
    """How many more values the walk may visit (aliases count again each time they are used).

    Attributes:
        left: values still allowed.
        ancestors: the lists and mappings from the top down to the value being walked.
    """

    def __init__(self, values: int) -> None:
        self.left = values
        self.ancestors: list[yaml.Node] = []


def _walk(node: yaml.Node, path: str, lines: dict[str, int], file: Path | str | None, depth: int, budget: _Budget) -> None:
    budget.left -= 1
    if budget.left < 0:
        raise DataError(
            Place(file, path, node.start_mark.line + 1),
            "ankers en aliassen (&naam, *naam) herhalen hier zo veel dat het bestand veel groter zou worden dan het is; "
            "schrijf de waarden uit",
        )
    if depth > MAX_YAML_DEPTH:
        raise DataError(Place(file, path, node.start_mark.line + 1), TOO_DEEP)
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.CollectionNode):
        if any(node is ancestor for ancestor in budget.ancestors):
            raise DataError(
                Place(file, path, node.start_mark.line + 1), "een alias (*naam) verwijst naar het anker (&naam) waar hij zelf in staat"
            )
        budget.ancestors.append(node)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError(
                    Place(file, path, key_node.start_mark.line + 1), "een sleutel moet een gewone tekst zijn, geen lijst of mapping"
                )
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
            _walk(value_node, child, lines, file, depth + 1, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, join_path(path, index), lines, file, depth + 1, budget)
    if isinstance(node, yaml.CollectionNode):
        budget.ancestors.pop()


def _unreadable_value(top: yaml.Node, file: Path | str | None, loader: Loader) -> DataError:
    """A DataError naming the first date or number in ``top`` that ``loader`` (whose building stopped) cannot build."""
    constructor = loader
    yaml.constructor.BaseConstructor.__init__(constructor)  # forget the half-built document: build value by value
    todo = [top]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node)
            except (ValueError, OverflowError, yaml.YAMLError):
                what = "deze datum bestaat niet" if "timestamp" in node.tag else "dit getal is te groot"
                return DataError(
                    Place(file, "", node.start_mark.line + 1),
                    f"{what} ({node.value[:40]}{'...' if len(node.value) > 40 else ''}); "
                    "bedoel je tekst, zet die dan tussen aanhalingstekens",
                )
        elif isinstance(node, yaml.MappingNode):
            todo.extend(child for pair in reversed(node.value) for child in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(reversed(node.value))
    return DataError(Place(file), "een waarde kan niet gelezen worden (een datum die niet bestaat of een te groot getal)")


def _count_events(text: str, file: Path | str | None) -> None:
    """Refuse a file of more than :data:`MAX_YAML_EVENTS` parser events, before any tree is built.

    The parser's event stream costs little memory and stops at the limit; the
    tree PyYAML composes next would cost hundreds of bytes per value.
    """
    for count, _ in enumerate(yaml.parse(text, Loader=_Loader), start=1):
        if count > MAX_YAML_EVENTS:
            raise DataError(
                Place(file),
                f"te veel waarden (meer dan {MAX_YAML_EVENTS:,} onderdelen; het kader heeft er zo'n 1.400); ".replace(",", ".")
                + "dit is geen bestand voor ictbekwaam",
            )


def parse_yaml(text: str, file: Path | str | None = None, *, loader_class: type[Loader] = Loader) -> tuple[Any, LineMap]:
    """Parse YAML text safely; return the data and its :class:`LineMap`.

    ``loader_class`` decides which plain words become which type (:class:`Loader`,
    :class:`WordLoader`, :class:`TextLoader`). Raises :class:`DataError` (Dutch, with
    the line to change and how: :mod:`~ictbekwaam.files.yamlerrors`) for syntax errors,
    duplicate keys, too deep nesting and aliases that would blow the file up.
    """
    loader = loader_class(text)
    try:
        _count_events(text, file)
        node = loader.get_single_node()
        if node is None:
            return None, LineMap()
        lines: dict[str, int] = {}
        _walk(node, "", lines, file, 0, _Budget(EXPANSION * len(text) + 100))
        try:
            data = loader.construct_document(node)
        except (ValueError, OverflowError):
            # PyYAML builds dates and numbers with plain Python: 2025-13-45 or an integer of
            # thousands of digits raise ValueError there, without a place. Find the value.
            raise _unreadable_value(node, file, loader) from None
    except yaml.YAMLError as exc:
        line, message = explain(exc, text)
        raise DataError(Place(file, "", line), message) from None
    except RecursionError:  # the pure-Python parser, without libyaml's own depth limit
        raise DataError(Place(file), TOO_DEEP) from None
    finally:
        loader.dispose()
    return data, LineMap(lines)


def read_yaml(path: Path, *, what: str = "een YAML-bestand", loader_class: type[Loader] = Loader) -> tuple[Any, LineMap]:
    """Read (with :func:`~ictbekwaam.files.read.read_text`) and parse a YAML file; Dutch errors for every way it can fail."""
    return parse_yaml(read_text(path, limit=MAX_YAML_BYTES, what=what), path, loader_class=loader_class)
