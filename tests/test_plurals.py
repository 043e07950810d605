"""No "1 vragen": every count the user reads agrees in number, by :func:`ictbekwaam.dutch.count`.

The scan walks the syntax tree of every module under ``src/ictbekwaam`` and
finds each place where a formatted value is directly followed by a Dutch plural
noun (optionally after one adjective: ``{n} beantwoorde onderdelen``): in an
f-string (``f"nog {n} vragen"``) and in a template for ``str.format``
(``"{0} waarden"``). Such a place is a defect unless the value is itself a
``dutch.count(...)`` or the place is in :data:`ALLOWED`, with the reason the
number is never 1.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "ictbekwaam"

# Dutch plural nouns the program counts (and a few it might): "1 <noun>" would be wrong.
NOUNS = (
    "vragen", "stellingen", "basisvaardigheden", "kerntaken", "niveaus", "niveau's", "bestanden", "respondenten",
    "antwoorden", "items", "regels", "resultaten", "voorbeelden", "teams", "scholen", "onderdelen", "punten",
    "ontwikkelpunten", "groepen", "leraren", "collega's", "fouten", "minuten", "seconden", "tekens", "dagen",
    "rondes", "versies", "mappen", "scores", "opties", "secties", "doelen", "sectoren", "waarden", "keuzes",
    "thema's", "onderwerpen", "concepten", "deelnemers", "stappen", "cellen",
)
_NOUN = "|".join(re.escape(n) for n in NOUNS)
# After the value: a space, at most one adjective (Dutch adjectives before a plural end in -e), the noun.
_AFTER = re.compile(rf"^\s+(?:[a-zà-ÿ]+e\s+)?(?:{_NOUN})(?![\w'])", re.I)
_IN_TEMPLATE = re.compile(rf"\{{[^{{}}]*\}}\s+(?:[a-zà-ÿ]+e\s+)?(?:{_NOUN})(?![\w'])", re.I)

ALLOWED = {
    ("cli/dutch.py", "{1} waarden"): "click's 'requires N arguments' (for one it says 'an argument', matched apart)",
    ("core/team/differencing.py", "{minimum - 1} respondenten"): "a range, '1 tot N respondenten', N >= 1",
    ("core/team/differencing.py", "{minimum - 1} antwoorden"): "a range, '1 tot N antwoorden', N >= 1",
    ("core/team/rounds.py", "{minimum - 1} respondenten"): "a range, '1 tot N respondenten', N >= 1",
    ("files/answers.py", "{len(cleaned)} tekens"): "only said when longer than the limit (200 or 5000)",
    ("files/yamlsource.py", "{MAX_YAML_DEPTH} niveaus"): "a constant, 32",
    ("files/yamlsource.py", "{MAX_YAML_EVENTS:,} onderdelen"): "a constant, 50.000",
    ("model/result.py", "{MAX_JSON_DEPTH} niveaus"): "a constant, 32",
    ("ui/prompts.py", "{limit} tekens"): "the limit of a text field: SHORT_MAX (200) or LONG_MAX (5000)",
    ("ui/start.py", "{MINUTES} minuten"): "a constant, 15",
}


def _is_count(node: ast.expr) -> bool:
    """``dutch.count(...)`` (or ``count(...)`` imported from it): the noun comes with the number."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr == "count" and isinstance(func.value, ast.Name)
            and func.value.id == "dutch") or (isinstance(func, ast.Name) and func.id == "count")


def plural_places(source: str) -> list[tuple[int, str]]:
    """Every (line, ``"{value} noun"``) in ``source`` where a formatted number is followed by a plural noun."""
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    in_fstrings: set[int] = set()
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        in_fstrings.update(id(v) for v in node.values)
        for value, after in zip(node.values, node.values[1:]):
            if not (isinstance(value, ast.FormattedValue) and isinstance(after, ast.Constant)):
                continue
            match = _AFTER.match(after.value)
            if match and not _is_count(value.value):
                expression = ast.unparse(value.value)  # the same text on every Python version
                spec = ""
                if isinstance(value.format_spec, ast.JoinedStr):  # {n:,}
                    spec = ":" + "".join(str(v.value) for v in value.format_spec.values if isinstance(v, ast.Constant))
                found.append((node.lineno, f"{{{expression}{spec}}}{match.group(0)}"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstrings | docstrings:
            found += [(node.lineno, m.group(0)) for m in _IN_TEMPLATE.finditer(node.value)]
    return found


def scan() -> dict[tuple[str, str], list[int]]:
    """``(module, "{value} noun")`` -> lines, for every module of the package."""
    places: dict[tuple[str, str], list[int]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for line, text in plural_places(path.read_text(encoding="utf-8")):
            places.setdefault((path.relative_to(SOURCE).as_posix(), text), []).append(line)
    return places


def test_every_count_the_user_reads_agrees_in_number():
    offenders = {f"{module}:{lines[0]}: {text}" for (module, text), lines in scan().items() if (module, text) not in ALLOWED}
    assert not offenders, f"use dutch.count(n, enkelvoud, meervoud), or add to ALLOWED why it is never 1: {sorted(offenders)}"


def test_the_allow_list_is_short_and_still_needed():
    assert len(ALLOWED) <= 12 and all(reason.strip() for reason in ALLOWED.values())
    assert set(ALLOWED) <= set(scan()), f"no longer found, remove: {set(ALLOWED) - set(scan())}"


@pytest.mark.parametrize(
    ("snippet", "found"),
    [
        ('f"Er staan nog {len(open_steps)} vragen open."', [(1, "{len(open_steps)} vragen")]),
        ('f"Je zit bij {on_target} van de {counted} beantwoorde onderdelen op doel."', [(1, "{counted} beantwoorde onderdelen")]),
        ('f"(en nog {n - 1} fouten)"', [(1, "{n - 1} fouten")]),
        ('f"{n:,} regels"', [(1, "{n:,} regels")]),
        ('"optie {0} heeft {1} waarden nodig".format(a, b)', [(1, "{1} waarden")]),
        ('x = 1\nmessage = (\n    "Let op: "\n    f"{count} bestanden overgeslagen"\n)', [(3, "{count} bestanden")]),
    ],
)
def test_the_scan_finds_a_number_before_a_plural(snippet, found):
    assert plural_places(snippet) == found


@pytest.mark.parametrize(
    "snippet",
    [
        'f"Er staan nog {dutch.count(n, \'vraag\', \'vragen\')} open."',  # the noun comes with the number
        'f"{count(n, \'bestand\', \'bestanden\')} gelezen"',
        'f"vraag {number} van {total}"',  # no noun after the number
        'f"{naam} antwoordt"',  # not a plural noun
        'f"{n} vragenlijsten"',  # another word
        '"""Docstring: {n} vragen, an example."""',
    ],
)
def test_the_scan_lets_a_count_and_other_words_pass(snippet):
    assert plural_places(snippet) == []
