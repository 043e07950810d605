"""YAML reading is bounded and Dutch: aliases cannot blow a file up, nesting is capped, PyYAML's English never shows."""

from __future__ import annotations

import tracemalloc

import pytest
from english import english_in

from ictbekwaam.errors import DataError
from ictbekwaam.files.yamlsource import MAX_YAML_DEPTH, parse_yaml

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi")
) + "doelen: *i\n"



def refused(text: str) -> tuple[object, str]:
    with pytest.raises(DataError) as info:
        parse_yaml(text, "doelen.yaml")
    place, message = info.value.problems[0]
    assert place.file == "doelen.yaml"
    assert not english_in(message), message
    return place, message


def refused_with_peak(text: str) -> tuple[object, str, int]:
    """As :func:`refused`, with the peak of memory Python allocated meanwhile."""
    tracemalloc.start()
    try:
        place, message = refused(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return place, message, peak


def test_a_billion_laughs_is_refused_quickly_and_small():
    assert len(LAUGHS) < 500
    place, message, peak = refused_with_peak(LAUGHS)
    assert message.startswith("ankers en aliassen (&naam, *naam) herhalen hier zo veel")
    assert place.line is not None
    assert peak < 5 * 1024 * 1024


def test_a_few_aliases_are_fine():
    data, _ = parse_yaml("standaard: &s {niveau: 3}\ndoelen:\n  A1: *s\n  A2: *s\n")
    assert data["doelen"] == {"A1": {"niveau": 3}, "A2": {"niveau": 3}}


def test_an_alias_inside_its_own_anchor_is_refused():
    place, message = refused("a: &a [1, *a]\n")
    assert message == "een alias (*naam) verwijst naar het anker (&naam) waar hij zelf in staat"
    assert place.path == "a[1]"


def test_nesting_is_capped():
    ok = "[" * MAX_YAML_DEPTH + "]" * MAX_YAML_DEPTH
    parse_yaml(ok)
    _, message = refused("x: " + "[" * (MAX_YAML_DEPTH + 1) + "]" * (MAX_YAML_DEPTH + 1))
    assert message == f"te diep genest (meer dan {MAX_YAML_DEPTH} niveaus)"
    _, message = refused("[" * 5000 + "]" * 5000)  # libyaml's own limit, in Dutch
    assert "te diep genest" in message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("doelen:\n\tA1: 3\n", 2, "geen geldige YAML: een tab waar spaties horen; spring in met spaties"),
        ("doelen: [1, 2\n", 2, "geen geldige YAML: een lijst tussen [ ] is niet goed afgesloten"),
        ("doelen: {a: 1\n", 2, "geen geldige YAML: een mapping tussen { } is niet goed afgesloten"),
        ("a: b: c\n", 1, "geen geldige YAML: een dubbele punt op een plek waar die niet mag (zet de tekst tussen aanhalingstekens)"),
        ("doelen: *nergens\n", 1, "geen geldige YAML: een alias (*naam) zonder bijbehorend anker (&naam)"),
        ('a: "open\n', 2, "geen geldige YAML: het bestand houdt op midden in een waarde (ontbreekt er een aanhalingsteken?)"),
        ("a: 1\n---\nb: 2\n", 2, "geen geldige YAML: het bestand bevat meer dan één document (---)"),
        ("a: 1\n b: 2\n", 2, "geen geldige YAML: een dubbele punt op een plek waar die niet mag (zet de tekst tussen aanhalingstekens)"),
        ("? [a]\n: 1\n", 1, "een sleutel moet een gewone tekst zijn, geen lijst of mapping"),
    ],
)
def test_syntax_errors_are_dutch_with_the_line(text, line, message):
    place, said = refused(text)
    assert (said, place.line) == (message, line)


@pytest.mark.parametrize("text", ["a: @b\n", "- a\nb: c\n", "a:\n  - b\n c: d\n", "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "a: !<tag:x> 1\n", "a: 'x\n\n"])
def test_any_other_syntax_error_is_dutch_too(text):
    _, message = refused(text)
    assert message.startswith("geen geldige YAML: ")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("doelen:\n  standaard: " + "9" * 5000 + "\n", 2, "dit getal is te groot (" + "9" * 40 + "...); "),
        ("doelen:\n  naam: 2025-13-45\n", 2, "deze datum bestaat niet (2025-13-45); "),
        ("doelen:\n  naam: 2024-09-31\n", 2, "deze datum bestaat niet (2024-09-31); "),
    ],
)
def test_a_value_yaml_cannot_build_is_named_with_its_line(text, line, message):
    place, said = refused(text)
    assert place.line == line
    assert said == message + "bedoel je tekst, zet die dan tussen aanhalingstekens"


def test_a_control_character_is_named_with_its_line():
    place, said = refused('doelen:\n  naam: "\x1b"\n')
    assert (place.line, said) == (2, "geen geldige YAML: het bestand bevat stuurtekens")


def test_a_file_of_too_many_values_is_refused_before_a_tree_is_built():
    _, said, peak = refused_with_peak("a: [" + "[], " * 60_000 + "]\n")
    assert said == "te veel waarden (meer dan 50.000 onderdelen; het kader heeft er zo'n 1.400); dit is geen bestand voor ictbekwaam"
    assert peak < 10 * 1024 * 1024
