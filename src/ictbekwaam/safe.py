"""Text from a file, made safe to show: one rule for every output.

Names, school, team, evidence, the texts of a school's own kader or
handreiking, file names and the reasons a file was skipped all come from files
that anyone can write. Shown raw, a control character in them acts instead of
being seen: ``ESC [2J`` clears the coach's terminal, ``ESC ]8;;…`` makes a
hidden link, ``\\r`` overwrites the start of a line, NUL ends a string in some
tools, and a bidi override (U+202E) reverses the text after it, so that a
file name reads as something else.

:func:`text` shows each such character as a visible escape, the way Python
writes it in a string: ``\\x1b``, ``\\x00``, ``\\r``, ``\\u202e``. Every
renderer (terminal, text file, Markdown, HTML, CSV) and every message that
echoes a file name or a value passes data text through it.

JSON keeps the data as it is: its encoder writes C0 control characters as
``\\u001b``, and :func:`json_document` writes the other characters of the
same set as JSON escapes too (``\\u202e``), so that a JSON reader gets the
exact text back and no raw bidi or C1 character is in the file.

Which characters:

- every C0 and C1 control character and DEL (U+0000–U+001F, U+007F–U+009F),
  so also newline, carriage return and tab;
- the bidi controls: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069;
- the line and paragraph separators U+2028 and U+2029;
- lone surrogates (a file name that is not UTF-8 reaches Python as them;
  they cannot be written as UTF-8 at all).

Everything else stays exactly as it is: letters with accents, ``ĳ``, Chinese,
emoji (also those joined with U+200D), and a backslash, so ordinary text is
never changed. ``multiline=True`` keeps line breaks, for texts shown as a
paragraph (an explanation in a kader, an error message of several lines);
``\\r\\n`` counts as one line break there.

Pure and light (only :mod:`re`), so that every layer may use it.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "json_document", "text"]

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
"""One character that :func:`text` shows as an escape (see the module docstring)."""

_UNSAFE_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def text(value: str, *, multiline: bool = False) -> str:
    """``value`` with every control, bidi and separator character shown as a visible escape.

    ``"Team\\x1b[2J"`` -> ``"Team\\\\x1b[2J"`` (a backslash, then ``x1b[2J``);
    ``"a\\u202eb"`` -> ``"a\\\\u202eb"``. With ``multiline`` a line break stays a
    line break. Idempotent: what it returns holds no such character, so a
    second pass changes nothing.
    """
    if not UNSAFE.search(value):  # nearly every text: nothing to do
        return value
    if multiline:
        return _UNSAFE_BUT_NEWLINE.sub(_escape, value.replace("\r\n", "\n"))
    return UNSAFE.sub(_escape, value)


# In a JSON document a raw C0 character can only be white space between values (the encoder
# escapes them inside strings); the rest of the set can only be inside a string.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def json_document(document: str) -> str:
    """A JSON document (from ``json.dumps`` or msgspec) with DEL, C1, bidi, separator and surrogate characters as ``\\uXXXX``.

    The same data for every JSON reader, written so that nothing in the file
    acts on a terminal; a lone surrogate (from a file name that is not
    UTF-8) becomes writable as UTF-8.
    """
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", document)
