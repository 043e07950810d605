"""Turn loose data into the typed model, with Dutch errors that name the place.

msgspec does the type checking (in C, so result files are fast to validate);
this module only translates its English messages into Dutch and attaches the
file, the path inside the data and, when known, the line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from ictbekwaam.errors import DataError, Place
from ictbekwaam.errors import LineMap, join_path

T = TypeVar("T")

_TYPE_NAMES = {
    "str": "tekst",
    "int": "een geheel getal",
    "float": "een getal",
    "bool": "ja/nee (true/false)",
    "null": "niets (leeg)",
    "object": "een verzameling velden (mapping)",
    "array": "een lijst",
    "datetime": "een datum met tijd",
    # What YAML can make besides text (an unquoted 2025-01-01, !!binary, !!set):
    "date": "een datum",
    "time": "een tijd",
    "bytes": "binaire gegevens",
    "set": "een verzameling zonder waarden (set)",
}



def _type_names(spec: str) -> str:
    """``int | null`` -> ``een geheel getal of niets (leeg)``."""
    return " of ".join(_TYPE_NAMES.get(part.strip(), part.strip()) for part in spec.split("|"))


_PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"Expected `object` of length (<=|>=) (\d+)"), lambda m: f"{'hooguit' if m[1] == '<=' else 'minstens'} {m[2]} velden"),
    (re.compile(r"Object missing required field `(.+)`"), lambda m: f"verplicht veld '{m[1]}' ontbreekt"),
    (re.compile(r"Object contains unknown field `(.+)`"), lambda m: f"onbekend veld '{m[1]}'"),
    (
        re.compile(r"Expected `([\w |]+)`, got `(\w+)`"),
        lambda m: f"verwacht {_type_names(m[1])}, maar dit is {_type_names(m[2])}",
    ),
    (
        re.compile(r"Expected `(\w+)` of length >= (\d+)"),
        lambda m: "mag niet leeg zijn" if m[2] == "1" else f"moet minstens {m[2]} lang zijn",
    ),
    (re.compile(r"Expected `(\w+)` of length <= (\d+)"), lambda m: f"mag hooguit {m[2]} lang zijn"),
    (re.compile(r"Expected `str` matching regex '(.+)'"), lambda m: f"heeft niet de juiste vorm (patroon {m[1]})"),
    (re.compile(r"Expected `(\w+)` >= (\S+)"), lambda m: f"moet minstens {m[2]} zijn"),
    (re.compile(r"Expected `(\w+)` <= (\S+)"), lambda m: f"mag hooguit {m[2]} zijn"),
    (re.compile(r"Invalid enum value (.+)"), lambda m: f"ongeldige waarde {m[1]}"),
    (re.compile(r"Invalid RFC3339 encoded datetime"), lambda m: "geen geldige datum en tijd (RFC 3339)"),
    (
        re.compile(r"Expected `datetime` with a timezone component"),
        lambda m: "een datum met tijd moet een tijdzone hebben (zoals 2026-03-12T14:30:00+01:00)",
    ),
    (re.compile(r"Expected `datetime` with no timezone component"), lambda m: "een datum met tijd zonder tijdzone verwacht"),
    (re.compile(r"Expected `(\w+)` that's a multiple of (\S+)"), lambda m: f"moet een veelvoud van {m[2]} zijn"),
    (re.compile(r"Expected `array` of (?:at (most|least) )?length"), lambda m: "de lijst heeft niet het juiste aantal waarden"),
    (re.compile(r"(?:Integer value|Number) out of range"), lambda m: "dit getal is te groot"),
    (re.compile(r"Invalid value (.+)"), lambda m: f"ongeldige waarde {m[1]}"),
    (re.compile(r"Invalid RFC3339 encoded (date|time)"), lambda m: "geen geldige datum of tijd (RFC 3339)"),
    (re.compile(r"Expected `(\w+)`$"), lambda m: f"verwacht {_type_names(m[1])}"),
]

_AT = re.compile(r"^(.*?)(?: - at `\$(.*)`)?$", re.S)


def translate(message: str) -> tuple[str, str]:
    """Split a msgspec message into (Dutch text, path without ``$.``)."""
    match = _AT.match(message)
    text, raw_path = (match[1], match[2] or "") if match else (message, "")
    path = raw_path[1:] if raw_path.startswith(".") else raw_path
    path = path.replace("[...]", "")
    for pattern, make in _PATTERNS:
        found = pattern.match(text)
        if found:
            dutch = make(found)
            unknown = re.match(r"Object contains unknown field `(.+)`", text)
            if unknown:  # point at the field itself, not at its parent
                path = join_path(path, unknown[1])
            return dutch, path
    # A message we have no translation for: never show the English, only that the value is wrong.
    return "ongeldige waarde", path


def convert(data: Any, kind: type[T], *, file: Path | str | None, lines: LineMap | None = None) -> T:
    """Validate ``data`` against the msgspec type ``kind`` and build it.

    Raises :class:`DataError` with a Dutch message, the path and the line.
    """
    try:
        return msgspec.convert(data, kind, strict=True)
    except msgspec.ValidationError as exc:
        text, path = translate(str(exc))
        place = lines.place(file, path) if lines is not None else Place(file, path)
        raise DataError(place, text) from None
