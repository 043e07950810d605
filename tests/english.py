"""English that no message of ictbekwaam may contain: one check for every test of Dutch messages."""

from __future__ import annotations

import re
from pathlib import Path

# English a message must never contain (from Python, msgspec, PyYAML or the OS), as whole words,
# case-insensitive. Checked after the file names are taken out of the text.
ENGLISH = (
    "Traceback",
    "Error",
    "Exception",
    "Expected",
    "Too many levels",
    "out of range",
    "found",
    "while",
    "Invalid",
    "exceeded",
    "truncated",
    "unexpected",
    "not allowed",
    "cannot",
    "could not",
    "recursion",
    "No such",
    "Permission denied",
    "Is a directory",
    "codec",
    "decode",
    "can't",
    "nesting",
    "characters",
    "mapping values",
    "scanning",
    "parsing",
    "did not",
    "length",
    "got",
    "timezone",
    "component",
    "matching",
    "Integer",
)


def english_in(text: str, *names: str | Path) -> list[str]:
    """The English words of :data:`ENGLISH` in ``text``, after taking out the file names ``names``."""
    for name in sorted((str(n) for n in names), key=len, reverse=True):
        text = text.replace(name, "")
    found = [word for word in ENGLISH if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE)]
    # Python's exception names (RecursionError, UnicodeDecodeError, ...) anywhere.
    return found + re.findall(r"[A-Z][a-zA-Z]*(?:Error|Exception)\b", text)
