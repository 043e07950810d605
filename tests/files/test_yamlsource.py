"""YAML reading is bounded and Dutch: aliases cannot blow a file up, nesting is capped, PyYAML's English never shows."""

from __future__ import annotations

import tracemalloc

import pytest
import yaml
from english import english_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ictbekwaam.errors import DataError
from ictbekwaam.files.yamlerrors import explain
from ictbekwaam.files.yamlsource import MAX_YAML_DEPTH, Loader, TextLoader, WordLoader, parse_yaml

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi")
) + "doelen: *i\n"



class PURE(yaml.SafeLoader):
    """PyYAML's own parser in pure Python (used where libyaml is not installed), with the same types."""


def refused(text: str, loader_class: type = Loader) -> tuple[object, str]:
    with pytest.raises(DataError) as info:
        parse_yaml(text, "doelen.yaml", loader_class=loader_class)
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


TAB = "geen geldige YAML: hier staat een tab; gebruik spaties in plaats van tabs"
COLON = "geen geldige YAML: de tekst bevat een dubbele punt; zet tekst met een dubbele punt tussen aanhalingstekens, zo: "
APOSTROPHE = (
    "geen geldige YAML: de tekst begint met een apostrof ('), en die leest het bestand als een aanhalingsteken dat nergens "
    "wordt gesloten; zet zo'n tekst helemaal tussen dubbele aanhalingstekens, zo: "
)
STARTS_WITH = "geen geldige YAML: een tekst die met {} begint, zet je tussen dubbele aanhalingstekens, zo: "


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # A tab: wherever it stands in the indentation, the line and "spaties in plaats van tabs".
        ("doelen:\n\tA1: 3\n", 2, TAB),
        ("\tdoelen: 3\n", 1, TAB),
        ("doelen:\n  a: 1\n\tb: 2\n", 3, TAB),
        ("doelen:\n  a: 1\n  \tb: 2\n", 3, TAB),
        ("doelen:\n  a:\n\t\tb: 2\n", 3, TAB),
        ("a: 1\n\t# commentaar\nb: 2\n", 2, TAB),
        # A colon in a text: the corrected line to copy.
        ("a: b: c\n", 1, COLON + 'a: "b: c"'),
        ("voorbeelden:\n  A:\n    voorbeeld: Les over rekenen: breuken\n", 3, COLON + 'voorbeeld: "Les over rekenen: breuken"'),
        ('a:\n  naam: Sam "de Brug": leraar\n', 2, COLON + 'naam: "Sam \\"de Brug\\": leraar"'),
        # An apostrophe that opens a quote: at its own line, not at the end of the file or at the next apostrophe.
        ("a:\n  voorbeeld: 's Ochtends een quiz\n  meerwaarde:\nb: 1\n", 2, APOSTROPHE + "voorbeeld: \"'s Ochtends een quiz\""),
        (
            "a:\n  voorbeeld: 's Ochtends een quiz\n  meerwaarde: en 's middags\n",
            2,
            "geen geldige YAML: de tekst begint met een apostrof ('), en die leest het bestand als aanhalingsteken tot de "
            "volgende ' op regel 3; zet zo'n tekst helemaal tussen dubbele aanhalingstekens, zo: voorbeeld: \"'s Ochtends een quiz\"",
        ),
        (
            "a:\n  voorbeeld: 'Ik' zei het\n",
            2,
            "geen geldige YAML: na het aanhalingsteken dat de tekst sluit, staat nog meer; zet de hele tekst tussen dubbele "
            'aanhalingstekens (een " in de tekst schrijf je als \\"), zo: voorbeeld: "\'Ik\' zei het"',
        ),
        (
            'a:\n  voorbeeld: "Hij zei "hoi" tegen"\n',
            2,
            "geen geldige YAML: na het aanhalingsteken dat de tekst sluit, staat nog meer; zet de hele tekst tussen dubbele "
            'aanhalingstekens (een " in de tekst schrijf je als \\"), zo: voorbeeld: "Hij zei \\"hoi\\" tegen"',
        ),
        ('a: "open\n', 1, 'geen geldige YAML: de tekst begint met een aanhalingsteken (") dat nergens wordt gesloten; zet er aan het eind van de tekst ook een'),
        # Text that starts with a character YAML reads as something else.
        ("a:\n  voorbeeld: @school doet mee\n", 2, STARTS_WITH.format("@") + 'voorbeeld: "@school doet mee"'),
        ("a:\n  voorbeeld: `code`\n", 2, STARTS_WITH.format("`") + 'voorbeeld: "`code`"'),
        ("a:\n  voorbeeld: %50 beter\n", 2, STARTS_WITH.format("%") + 'voorbeeld: "%50 beter"'),
        ("a:\n  voorbeeld: *belangrijk* is dit\n", 2, STARTS_WITH.format("*") + 'voorbeeld: "*belangrijk* is dit"'),
        ("a:\n  voorbeeld: & en zo\n", 2, STARTS_WITH.format("&") + 'voorbeeld: "& en zo"'),
        ("a:\n  voorbeeld: !belangrijk\n", 2, STARTS_WITH.format("!") + 'voorbeeld: "!belangrijk"'),
        ("a:\n  voorbeeld: - punt een\n", 2, STARTS_WITH.format("-") + 'voorbeeld: "- punt een"'),
        ("a:\n  voorbeeld: > 50% meer\n", 2, STARTS_WITH.format(">") + 'voorbeeld: "> 50% meer"'),
        ("a:\n  voorbeeld: | tabel\n", 2, STARTS_WITH.format("|") + 'voorbeeld: "| tabel"'),
        ("a:\n  voorbeeld: ? vraag\n", 2, STARTS_WITH.format("?") + 'voorbeeld: "? vraag"'),
        (
            "doelen: *nergens\n",
            1,
            "geen geldige YAML: een alias (*naam) zonder bijbehorend anker (&naam); bedoel je een tekst die met * begint, "
            'zet die dan tussen dubbele aanhalingstekens, zo: doelen: "*nergens"',
        ),
        (
            'a:\n  map: "C:\\mijn map"\n',
            2,
            'geen geldige YAML: tussen dubbele aanhalingstekens is \\ een speciaal teken; schrijf \\\\ voor één \\, zo: map: "C:\\\\mijn map"',
        ),
        # Where the parser stops a line late: the line with the mistake.
        ("antwoorden:\n  BV1 ja\n  BV2: nee\n", 2, "geen geldige YAML: hier ontbreekt de dubbele punt na de naam van het veld (zo: BV1: ja)"),
        ("a: 1\n b: 2\n", 2, "geen geldige YAML: deze regel springt verder in dan regel 1; zet 'b:' even ver in als de regel erboven"),
        ("antwoorden:\n  BV1: ja\n  A1:1\n  A2: 2\n", 3, "geen geldige YAML: na de dubbele punt hoort een spatie (zo: A1: 1)"),
        (
            "antwoorden:\n  BV1: ja\nA1: 1\n\n  # A2. Een stelling\n  A2: 2\n",
            3,
            "geen geldige YAML: zet 'A1:' even ver in als de andere vragen (2 spaties)",
        ),
        ("antwoorden:\n  B2: 3\nB3: 3\n  B4: 3\n", 3, "geen geldige YAML: zet 'B3:' even ver in als de andere vragen (2 spaties)"),
        ("x:\n a: 1\nc: 2\n d: 3\n", 3, "geen geldige YAML: zet 'c:' even ver in als de andere velden van dat blok (1 spatie)"),
        (
            "voorbeelden:\n  A:   # Kerntaak A\nvoorbeeld: x\n    meerwaarde: y\n",
            3,
            "geen geldige YAML: zet 'voorbeeld:' even ver in als de andere velden van dat blok (4 spaties)",
        ),
        (
            "a:\n  voorbeeld: eerste regel\n  tweede regel\n  meerwaarde: x\n",
            3,
            "geen geldige YAML: op deze regel ontbreekt de dubbele punt na de naam van het veld; is het een vervolg van de tekst "
            "op de regel erboven, zet het dan op die regel of laat deze regel verder inspringen dan de naam erboven",
        ),
        (
            "antwoorden:\n  BV1: ja\n BV2: nee\n",
            3,
            "geen geldige YAML: de inspringing klopt niet; zet deze regel even ver in als de andere velden van hetzelfde blok",
        ),
        # The opening [ or { that is never closed.
        (
            "doelen: [1, 2\n",
            1,
            "geen geldige YAML: een lijst tussen [ ] is niet goed afgesloten: zet er een ] achter, of is het een tekst die met [ "
            "begint, zet die dan tussen dubbele aanhalingstekens",
        ),
        (
            "doelen: {a: 1\n",
            1,
            "geen geldige YAML: een mapping tussen { } is niet goed afgesloten: zet er een } achter, of is het een tekst die met { "
            "begint, zet die dan tussen dubbele aanhalingstekens",
        ),
        ("a: 1\n---\nb: 2\n", 2, "geen geldige YAML: het bestand bevat meer dan één document (een regel ---); haal die regel en wat erna komt weg"),
        ("? [a]\n: 1\n", 1, "een sleutel moet een gewone tekst zijn, geen lijst of mapping"),
    ],
)
@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_syntax_errors_are_one_dutch_sentence_with_the_line_to_change_and_the_fix(text, line, message, loader):
    """libyaml and PyYAML's own parser say different English; the Dutch is the same."""
    place, said = refused(text, PURE if loader == "python" else Loader)
    assert (said, place.line) == (message, line)


def test_the_suggested_line_reads_back_as_the_text_meant():
    """The corrected line that a message proposes is valid YAML with the text the teacher meant."""
    for text, meant in [
        ("a: b: c\n", "b: c"),
        ("voorbeeld: 's Ochtends een quiz\n", "'s Ochtends een quiz"),
        ('voorbeeld: "Hij zei "hoi" tegen"\n', 'Hij zei "hoi" tegen'),
        ("voorbeeld: @school\n", "@school"),
        ('map: "C:\\mijn map"\n', "C:\\mijn map"),
    ]:
        _, said = refused(text)
        suggested = said.rsplit(", zo: ", 1)[1]
        assert list(parse_yaml(suggested + "\n")[0].values()) == [meant]


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
    assert (place.line, said) == (2, "geen geldige YAML: het bestand bevat stuurtekens (onzichtbare tekens); typ deze regel opnieuw")


@pytest.mark.parametrize("loader", [getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader])
@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ("voorbeelden:\n  A:   # Kerntaak A\n    voorbeeld: [Kahoot] quiz\n", 3, 'een tekst die met [ begint, zet je tussen dubbele aanhalingstekens, zo: voorbeeld: "[Kahoot] quiz"'),
        ("a:\n  A:   # Kerntaak A\n      b: 1\n", None, None),  # more indented under a key with only a comment: valid YAML
        ("a:\n  A: 1   # Kerntaak A\n      b: 1\n", 3, "deze regel springt verder in dan regel 2 ('A:'); zet ze even ver in als de andere velden van hetzelfde blok"),
    ],
)
def test_a_comment_after_a_key_is_no_value(loader, text, line, said):
    """The template writes a comment after 'A:'; explained with libyaml's and PyYAML's own errors alike."""
    if said is None:
        assert yaml.load(text, Loader=loader)
        return
    with pytest.raises(yaml.YAMLError) as error:
        yaml.load(text, Loader=loader)
    assert explain(error.value, text) == (line, "geen geldige YAML: " + said)


@pytest.mark.parametrize("loader", [getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader])
@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        (
            'A:\n  voorbeeld: "Les over breuken\n  meerwaarde: "sneller"\n',
            2,
            'het aanhalingsteken (") dat op regel 2 de tekst opent, wordt nergens gesloten: het bestand leest alles tot het '
            'volgende " op regel 3 als één tekst; zet er aan het eind van de tekst ook een, zo: voorbeeld: "Les over breuken"',
        ),
        (
            'school: "OBS De Brug     # Je school\nteam: "x"\n',
            1,
            'het aanhalingsteken (") dat op regel 1 de tekst opent, wordt nergens gesloten: het bestand leest alles tot het '
            'volgende " op regel 2 als één tekst; zet er aan het eind van de tekst ook een, zo: school: "OBS De Brug"',
        ),
        (  # closed on the next line, then more: no example made of the first line only
            'A:\n  voorbeeld: "Les over\n    breuken" extra\n',
            2,
            'na het aanhalingsteken dat de tekst sluit, staat nog meer; zet de hele tekst tussen dubbele aanhalingstekens '
            '(een " in de tekst schrijf je als \\")',
        ),
    ],
)
def test_a_quote_that_is_not_closed_before_the_next_quoted_text(loader, text, line, said):
    with pytest.raises(yaml.YAMLError) as error:
        yaml.load(text, Loader=loader)
    assert explain(error.value, text) == (line, "geen geldige YAML: " + said)


@pytest.mark.parametrize("loader", [getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader])
@pytest.mark.parametrize("before", ["# één collega’s\n", "# " + "é" * 3000 + "\n", "# ’\r\n# 😀\n"])
def test_a_control_character_after_letters_outside_ascii_is_named_with_its_own_line(loader, before):
    """libyaml gives the place of a control character in bytes, PyYAML's own reader in characters: same line."""
    text = "doelen:\n" + before * 3 + "  naam: x\x1b\n" + "  team: é\n" * 5
    line = text[: text.index("\x1b")].count("\n") + 1
    with pytest.raises(yaml.reader.ReaderError) as error:
        yaml.load(text, Loader=loader)
    assert explain(error.value, text)[0] == line
    assert refused(text)[0].line == line


def test_a_file_of_too_many_values_is_refused_before_a_tree_is_built():
    _, said, peak = refused_with_peak("a: [" + "[], " * 60_000 + "]\n")
    assert said == "te veel waarden (meer dan 50.000 onderdelen; het kader heeft er zo'n 1.400); dit is geen bestand voor ictbekwaam"
    assert peak < 10 * 1024 * 1024


# --- which plain words become which type ------------------------------------------------------------

WORDS = "a: yes\nb: no\nc: on\nd: off\ne: true\nf: False\ng: y\nh: n\n"


def test_the_kader_loader_reads_yaml_1_1_as_pyyaml_does():
    data, _ = parse_yaml(WORDS + "i: 3\nj: 2024-09-01\n", loader_class=Loader)
    assert [data[k] for k in "abcdef"] == [True, False, True, False, True, False]
    assert (data["g"], data["h"], data["i"], str(data["j"])) == ("y", "n", 3, "2024-09-01")


def test_the_doelen_loader_keeps_yes_and_no_as_words_and_nothing_else_changes():
    data, _ = parse_yaml(WORDS + "i: 3\nj: ~\n", loader_class=WordLoader)
    assert [data[k] for k in "abcdefgh"] == ["yes", "no", "on", "off", "true", "False", "y", "n"]
    assert (data["i"], data["j"]) == (3, None)
    # Dates and numbers are what they were: a date that does not exist is still refused.
    assert refused("doelen:\n  naam: 2025-13-45\n", WordLoader)[1].startswith("deze datum bestaat niet")


def test_the_answers_loader_keeps_every_value_as_the_text_written():
    text = WORDS + "i: 3\nj: 010\nk: 1e3\nl: 2024-09-31\nm: 3.10\nn: " + "9" * 5000 + "\no:\np: ~\nq: null\nr: '3'\n"
    data, _ = parse_yaml(text, loader_class=TextLoader)
    assert [data[k] for k in "abcdefgh"] == ["yes", "no", "on", "off", "true", "False", "y", "n"]
    assert [data[k] for k in "ijklm"] == ["3", "010", "1e3", "2024-09-31", "3.10"]
    assert data["n"] == "9" * 5000
    assert (data["o"], data["p"], data["q"], data["r"]) == (None, None, None, "3")


# --- any mistake: Dutch, with a line ----------------------------------------------------------------


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["a", "b: ", ":", " ", "  ", "\t", "\n", "'", '"', "#", "-", "[", "]", "{", "}", ",", "@", "*", "&", "!", "|", ">", "?", "%", "\\", "é"]), max_size=30))
def test_any_mistake_is_one_dutch_sentence_with_a_line(parts):
    text = "".join(parts)
    for loader in (Loader, TextLoader, PURE):
        try:
            parse_yaml(text, "x.yaml", loader_class=loader)
        except DataError as error:
            (place, message), *more = error.problems
            assert not more
            assert not english_in(message), message
            assert place.line is not None, message
            assert 1 <= place.line <= text.count("\n") + 1
