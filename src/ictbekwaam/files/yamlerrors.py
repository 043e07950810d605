"""PyYAML's syntax errors as one Dutch sentence: the line to change, what is wrong there, and the fix.

PyYAML (and libyaml, whose English differs) stops where its parser noticed a
problem, which is often not where the person made it: an apostrophe that opens
a quoted text (``voorbeeld: 's Ochtends een quiz``) is noticed at the end of
the file, a missing colon (``BV1 ja``) on the next line. :func:`explain` looks
at the error and at the text to name the line to change, and says how, with
the corrected line where it can (``voorbeeld: "Les over rekenen: breuken"``).
What it does not recognise gets a plain Dutch description from
:data:`PROBLEMS`, or a general hint: never PyYAML's English.

The fix for text is always the same rule, the one the answers template
explains (:func:`quoted`): double quotes around it, and ``\\"`` and ``\\\\``
for a quote or a backslash inside.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Callable

import yaml

from ictbekwaam import dutch

__all__ = ["PROBLEMS", "TAB", "explain", "quote_hint", "quoted", "split_lines"]

PREFIX = "geen geldige YAML: "
TAB = "hier staat een tab; gebruik spaties in plaats van tabs"
QUOTE_RULE = "zet tekst met een dubbele punt tussen aanhalingstekens"
_GENERAL = (
    "controleer op deze regel de inspringing (spaties, geen tabs), de dubbele punten en de aanhalingstekens; "
    "zet tekst met een dubbele punt of een # tussen dubbele aanhalingstekens"
)
# Characters that mean something at the start of a YAML value, so that text starting with one must be quoted.
_SPECIAL_START = "@`%*&|>-?!"

# PyYAML's and libyaml's problems, in Dutch (the first whose English marker fits), for what
# :func:`explain` has no more precise sentence for.
PROBLEMS: tuple[tuple[str, str], ...] = (
    ("tab character", TAB),
    ("mapping values are not allowed", "een dubbele punt op een plek waar die niet mag; " + QUOTE_RULE),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na de naam van een veld (zo: naam: Sam)"),
    ("did not find expected key", "de inspringing klopt niet; zet deze regel even ver in als de andere velden van hetzelfde blok"),
    ("expected <block end>", "de inspringing klopt niet; zet deze regel even ver in als de andere velden van hetzelfde blok"),
    ("did not find expected '-' indicator", "de inspringing van een lijst klopt niet; zet elke regel die met - begint even ver in"),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet goed afgesloten"),
    ("expected ',' or '}'", "een mapping tussen { } is niet goed afgesloten"),
    ("found unexpected end of stream", "het bestand houdt op midden in een waarde (ontbreekt er een aanhalingsteken?)"),
    ("undefined alias", "een alias (*naam) zonder bijbehorend anker (&naam)"),
    ("exceeded maximum nesting depth", "te diep genest"),
    ("control characters are not allowed", "het bestand bevat stuurtekens (onzichtbare tekens); typ deze regel opnieuw"),
    ("unacceptable character", "het bestand bevat stuurtekens (onzichtbare tekens); typ deze regel opnieuw"),
    ("special characters are not allowed", "het bestand bevat stuurtekens (onzichtbare tekens); typ deze regel opnieuw"),
    ("but found another document", "het bestand bevat meer dan één document (een regel ---); haal die regel en wat erna komt weg"),
    ("duplicate anchor", "hetzelfde anker (&naam) staat er twee keer in"),
    ("found unknown escape character", "tussen dubbele aanhalingstekens is \\ een speciaal teken; schrijf \\\\ voor één \\"),
    ("sequence entries are not allowed", "een lijstregel (-) op een plek waar die niet mag"),
    ("mapping keys are not allowed", "een vraagteken (?) aan het begin op een plek waar dat niet mag; " + QUOTE_RULE),
    ("cannot start any token", "een teken waarmee een waarde niet mag beginnen; zet de tekst tussen aanhalingstekens"),
    ("could not determine a constructor for the tag", "een waarde met ! ervoor (een YAML-tag) kan ictbekwaam niet lezen"),
)

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what PyYAML counts as a line break
# "  key: value" (also "  - key: value"): the key and the value as written.
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)*([^\s#'\"\[{][^:#]*?)\s*:(?:\s+(.*?))?\s*$")
# The name of a field as the template writes them (BV1, respondent-id, voorbeeld), after any "- ".
_NAME = re.compile(r"(?:-\s+)*([\w.-]+)(?=\s|$)")
_MAX_FIX = 90  # a corrected line longer than this is described, not shown


def quoted(text: str) -> str:
    """``text`` as a YAML value between double quotes: the quoting rule of the answers template.

    Any text without line breaks or control characters reads back as itself (tested with hypothesis).
    """
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as PyYAML counts them (also ``\\r``, NEL and the Unicode line separators)."""
    if text.isascii() and "\r" not in text:
        return text.split("\n")  # the usual file: ten times faster than the expression
    return _LINE_BREAK.split(text)


class _Source:
    """The text PyYAML refused, split into lines once, and only when an explanation needs a line."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def rows(self) -> list[str]:
        return split_lines(self.text)

    def row(self, line: int) -> str:
        """Line ``line`` (0-based, as PyYAML counts); '' past the end."""
        return self.rows[line] if 0 <= line < len(self.rows) else ""


def quote_hint(row: str) -> str:
    """", zo: key: "value"" for a ``key: value`` line whose value should be quoted; else a short general example."""
    match = _KEY_VALUE.match(row)
    value = (match[2] or "") if match else ""
    value = re.sub(r"\s{2,}#.*$", "", value)  # the template's own comment after a value is not part of the text
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]  # quoted, with more after or inside: the text meant is what is between the quotes
    if match and value and len(match[1]) + len(value) < _MAX_FIX:
        return f", zo: {match[1]}: {quoted(value)}"
    return ' (een " aan het begin en een aan het eind)'


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _content_before(source: _Source, line: int) -> int | None:
    """The 0-based number of the nearest line above ``line`` with something other than a comment, or None."""
    rows = source.rows
    for number in range(min(line, len(rows)) - 1, -1, -1):
        stripped = rows[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _tab(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    mark = exc.problem_mark
    if mark is None:
        return None
    row = source.row(mark.line)
    if "\t" in row[: _indent(row) + 1] or "\t" in row[mark.column : mark.column + 1] or "tab" in str(exc.problem):
        return mark.line, TAB
    return None


def _unclosed_quote(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """A quoted text that never ends: named at the line where its quote opened, not at the end of the file."""
    mark = exc.context_mark
    if mark is None or "quoted scalar" not in str(exc.context) or "end of stream" not in str(exc.problem):
        return None
    row = source.row(mark.line)
    if row[mark.column : mark.column + 1] == "'":
        return mark.line, (
            "de tekst begint met een apostrof ('), en die leest het bestand als een aanhalingsteken dat nergens wordt "
            "gesloten; zet zo'n tekst helemaal tussen dubbele aanhalingstekens" + quote_hint(row)
        )
    return mark.line, "de tekst begint met een aanhalingsteken (\") dat nergens wordt gesloten; zet er aan het eind van de tekst ook een"


def _quoted_token_before(source: _Source, mark: yaml.Mark) -> yaml.ScalarToken | None:
    """The quoted text that ends just before ``mark`` on its line, if that is what the parser stumbled over."""
    if source.row(mark.line)[: mark.column].rstrip()[-1:] not in ("'", '"'):
        return None  # no quote just before: no need to scan the file up to here
    last = None
    try:
        for token in yaml.scan(source.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"') and last.end_mark.line == mark.line:
        return last
    return None


def _after_quote(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """More text after a quoted text: ``voorbeeld: 'Ik' zei het``, or an apostrophe that ran on to the next one."""
    mark = exc.problem_mark
    if mark is None or not isinstance(exc, yaml.parser.ParserError):
        return None
    token = _quoted_token_before(source, mark)
    if token is None:
        return None
    start = token.start_mark.line
    row = source.row(start)
    opens_next = re.fullmatch(r"\s*(?:-\s+)*[\w.-]+\s*:\s*", source.row(mark.line)[: token.end_mark.column - 1])
    if start != mark.line and token.style == '"' and opens_next:  # the quote taken as its end opens the next field's text
        return start, (
            f'het aanhalingsteken (") dat op regel {start + 1} de tekst opent, wordt nergens gesloten: het bestand leest alles '
            f'tot het volgende " op regel {mark.line + 1} als één tekst; zet er aan het eind van de tekst ook een'
            + quote_hint(re.sub(r"\s{2,}#.*$", "", row).rstrip() + '"')  # (not the template's comment after it)
        )
    if start != mark.line and token.style == "'":
        return start, (
            f"de tekst begint met een apostrof ('), en die leest het bestand als aanhalingsteken tot de volgende ' op regel "
            f"{mark.line + 1}; zet zo'n tekst helemaal tussen dubbele aanhalingstekens" + quote_hint(row)
        )
    return start, (
        "na het aanhalingsteken dat de tekst sluit, staat nog meer; zet de hele tekst tussen dubbele aanhalingstekens "
        '(een " in de tekst schrijf je als \\")' + (quote_hint(row) if start == mark.line else "")  # over lines: no example
    )


def _outdented(source: _Source, above: int, indent: int) -> str | None:
    """The fix when line ``above`` (0-based) sticks out to the left of its block, whose fields spring in ``indent``.

    So it is when the line before it is a field of that block too, or the field the block belongs
    under (``B3: 3`` moved to the start of the line between ``  B2: 3`` and ``  B4: 3``).
    """
    prior = _content_before(source, above)
    if prior is None or _indent(source.row(prior)) > indent:
        return None
    prior_field = _KEY_VALUE.match(source.row(prior))
    if prior_field is None:
        return None
    parent = prior
    while parent is not None and _indent(source.row(parent)) >= indent:
        parent = _content_before(source, parent)
    if _indent(source.row(prior)) < indent and (
        parent != prior
        or (prior_field[2] and not prior_field[2].startswith("#"))
        or _indent(source.row(above)) > _indent(source.row(prior))
    ):
        return None  # the line before is neither a field of the block nor the one it belongs under (and left of the line)
    name = _KEY_VALUE.match(source.row(parent)) if parent is not None else None
    others = "de andere vragen" if name is not None and name[1] == "antwoorden" else "de andere velden van dat blok"
    return f"zet 'KEY:' even ver in als {others} ({dutch.count(indent, 'spatie', 'spaties')})"


def _indentation(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """A field that springs in further than the field above it, which has a value (so nothing can belong under it)."""
    mark = exc.problem_mark
    if mark is None or not isinstance(exc, yaml.parser.ParserError) or "block mapping" not in str(exc.context):
        return None
    above = _content_before(source, mark.line)
    upper = source.row(above) if above is not None else ""
    field = _KEY_VALUE.match(upper)
    has_value = field is not None and bool(field[2]) and not field[2].startswith("#")  # "A:   # Kerntaak A": a comment only
    if above is None or not has_value or _indent(source.row(mark.line)) <= _indent(upper):
        return None
    outdented = _outdented(source, above, _indent(source.row(mark.line)))
    if outdented is not None:
        return above, outdented.replace("KEY", field[1])  # type: ignore[index]
    return mark.line, (
        f"deze regel springt verder in dan regel {above + 1} ('{field[1]}:'); "
        "zet ze even ver in als de andere velden van hetzelfde blok"
    )


def _text_after_flow(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """Text that starts with [ or { and goes on after the ] or } (``voorbeeld: [Kahoot] quiz``): a list, then more."""
    mark = exc.problem_mark
    if mark is None or not isinstance(exc, yaml.parser.ParserError):
        return None
    row = source.row(mark.line)
    field = _KEY_VALUE.match(row)
    value = (field[2] or "") if field else ""
    if field is None or value[:1] not in ("[", "{") or mark.column <= field.start(2):
        return None
    return mark.line, f"een tekst die met {value[0]} begint, zet je tussen dubbele aanhalingstekens" + quote_hint(row)


def _colon(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """A colon that may not be there: in a text, or the first of a line whose line above is the mistake."""
    mark = exc.problem_mark
    if mark is None or "mapping values are not allowed" not in str(exc.problem):
        return None
    row = source.row(mark.line)
    in_text = mark.line, "de tekst bevat een dubbele punt; " + QUOTE_RULE + quote_hint(row)
    key = _NAME.fullmatch(row[: mark.column].strip())
    above = _content_before(source, mark.line)
    if key is None or above is None:
        return in_text
    # The line itself is "key: ...": the mistake is on the line above.
    upper = source.row(above)
    name = _NAME.match(upper.strip())
    if ":" not in upper and name is not None:
        rest = upper.strip()[name.end() :].strip()
        example = f" (zo: {name[1]}: {rest or '...'})" if len(upper) < _MAX_FIX else ""
        return above, f"hier ontbreekt de dubbele punt na de naam van het veld{example}"
    if _indent(row) > _indent(upper):
        outdented = _outdented(source, above, _indent(row))
        field = _KEY_VALUE.match(upper)
        if outdented is not None and field is not None:
            return above, outdented.replace("KEY", field[1])
        return mark.line, f"deze regel springt verder in dan regel {above + 1}; zet '{key[1]}:' even ver in als de regel erboven"
    return in_text


def _no_colon(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """A line without a colon between fields: often the rest of the text on the line above, or ``A1:1``."""
    mark = exc.context_mark
    if mark is None or "simple key" not in str(exc.context) or "expected ':'" not in str(exc.problem):
        return None
    glued = re.match(r"\s*(?:-\s+)*([\w.-]+):(\S.*?)\s*$", source.row(mark.line))
    if glued is not None:
        return mark.line, f"na de dubbele punt hoort een spatie (zo: {glued[1]}: {glued[2]})"
    return mark.line, (
        "op deze regel ontbreekt de dubbele punt na de naam van het veld; is het een vervolg van de tekst op de regel "
        "erboven, zet het dan op die regel of laat deze regel verder inspringen dan de naam erboven"
    )


def _special_start(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """Text that starts with a character YAML reads as something else (@, `, %, *, &, |, >, -, ?, !)."""
    context = str(exc.context or "")
    use_context = any(word in context for word in ("alias", "anchor", "block scalar", "tag", "directive"))
    mark = exc.context_mark if use_context else exc.problem_mark
    if mark is None:
        return None
    row = source.row(mark.line)
    char = row[mark.column : mark.column + 1]
    start = row[: mark.column].rstrip()
    if not char or char not in _SPECIAL_START or not (start.endswith(":") or start.endswith("-") or not start):
        return None
    if char == "-" and row[mark.column : mark.column + 2].strip() != "-":
        return None
    if "undefined alias" in str(exc.problem):
        return mark.line, (
            "een alias (*naam) zonder bijbehorend anker (&naam); bedoel je een tekst die met * begint, "
            "zet die dan tussen dubbele aanhalingstekens" + quote_hint(row)
        )
    return mark.line, f"een tekst die met {char} begint, zet je tussen dubbele aanhalingstekens" + quote_hint(row)


def _flow(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """A [ or { that is never closed: named where it opened, with the hint for text that starts with one."""
    mark = exc.context_mark
    context = str(exc.context or "")
    if mark is None or not ("flow sequence" in context or "flow mapping" in context):
        return None
    what, opens, closes = ("een lijst tussen [ ]", "[", "]") if "sequence" in context else ("een mapping tussen { }", "{", "}")
    return mark.line, (
        f"{what} is niet goed afgesloten: zet er een {closes} achter, of is het een tekst die met {opens} begint, "
        "zet die dan tussen dubbele aanhalingstekens"
    )


def _escape(exc: yaml.MarkedYAMLError, source: _Source) -> tuple[int, str] | None:
    """A backslash in double quotes that starts no escape (``"C:\\map"``)."""
    mark = exc.problem_mark
    if mark is None or "unknown escape character" not in str(exc.problem):
        return None
    row = source.row(mark.line)
    return mark.line, "tussen dubbele aanhalingstekens is \\ een speciaal teken; schrijf \\\\ voor één \\" + quote_hint(row)


# Most precise first: each looks at the error and the text, and gives (0-based line, Dutch) or None.
_EXPLAINERS: tuple[Callable[[yaml.MarkedYAMLError, _Source], tuple[int, str] | None], ...] = (
    _tab, _unclosed_quote, _after_quote, _text_after_flow, _indentation, _colon, _no_colon, _special_start, _flow, _escape,
)


def _described(exc: yaml.YAMLError) -> str:
    english = " ".join(str(part) for part in (getattr(exc, "problem", None), getattr(exc, "context", None)) if part)
    english = english or str(exc)
    for marker, said in PROBLEMS:
        if marker in english:
            return said
    return _GENERAL


def explain(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """The 1-based line to change (None: unknown) and one Dutch sentence for a YAML error in ``text``."""
    source = _Source(text)
    if isinstance(exc, yaml.MarkedYAMLError) and "nesting depth" not in str(exc.problem):  # libyaml's own depth limit
        for explainer in _EXPLAINERS:
            found = explainer(exc, source)
            if found is not None:
                return _within(found[0] + 1, source), PREFIX + found[1]
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return (_within(mark.line + 1, source) if mark is not None else None), PREFIX + _described(exc)
    return _reader_line(exc, text), PREFIX + _described(exc)


def _reader_line(exc: yaml.YAMLError, text: str) -> int | None:
    """The 1-based line of a ReaderError (a control character), which has no mark, only a position.

    PyYAML's own reader counts that position in characters; libyaml (encoding "?") in bytes of
    the UTF-8 it was given: before an "é" or a "’" the two differ.
    """
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return None
    if getattr(exc, "encoding", None) == "?":  # libyaml: a byte offset into the text as UTF-8
        before = text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore")
    else:
        before = text[:position]
    return len(split_lines(before))


def _within(line: int, source: _Source) -> int:
    """``line``, or the last line when libyaml places the end of a file without a final line break after it."""
    if line <= source.text.count("\n") + 1:  # every \n is a line break: no need to split the file
        return line
    return min(line, len(source.rows))
