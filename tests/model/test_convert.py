"""msgspec's English never reaches the user: every message it can give for our types is Dutch."""

from __future__ import annotations

import pytest
from english import english_in

from ictbekwaam.model.convert import translate


# msgspec's messages (from its source), each with the Dutch we show.
MESSAGES = [
    ("Object missing required field `id` - at `$.framework`", "verplicht veld 'id' ontbreekt", "framework"),
    ("Object contains unknown field `x` - at `$`", "onbekend veld 'x'", "x"),
    ("Expected `int`, got `str` - at `$.position`", "verwacht een geheel getal, maar dit is tekst", "position"),
    ("Expected `int | str`, got `float` - at `$.answers[...]`", "verwacht een geheel getal of tekst, maar dit is een getal", "answers"),
    ("Expected `str` of length >= 1 - at `$.tool_version`", "mag niet leeg zijn", "tool_version"),
    ("Expected `str` of length <= 200 - at `$.respondent.naam`", "mag hooguit 200 lang zijn", "respondent.naam"),
    ("Expected `str` matching regex '^r-[0-9a-f]{32}$' - at `$.respondent.id`", "heeft niet de juiste vorm (patroon ^r-[0-9a-f]{32}$)", "respondent.id"),
    ("Expected `int` >= 0 - at `$.position`", "moet minstens 0 zijn", "position"),
    ("Expected `int` <= 1 - at `$.schema_version`", "mag hooguit 1 zijn", "schema_version"),
    ("Invalid enum value 'havo' - at `$.context.sector`", "ongeldige waarde 'havo'", "context.sector"),
    ("Invalid value 'x' - at `$.schema`", "ongeldige waarde 'x'", "schema"),
    ("Invalid RFC3339 encoded datetime - at `$.created_at`", "geen geldige datum en tijd (RFC 3339)", "created_at"),
    ("Invalid RFC3339 encoded date - at `$.d`", "geen geldige datum of tijd (RFC 3339)", "d"),
    (
        "Expected `datetime` with a timezone component - at `$.created_at`",
        "een datum met tijd moet een tijdzone hebben (zoals 2026-03-12T14:30:00+01:00)",
        "created_at",
    ),
    ("Expected `datetime` with no timezone component - at `$.t`", "een datum met tijd zonder tijdzone verwacht", "t"),
    ("Integer value out of range - at `$.position`", "dit getal is te groot", "position"),
    ("Number out of range - at `$.x`", "dit getal is te groot", "x"),
    ("Expected `int` that's a multiple of 5 - at `$.x`", "moet een veelvoud van 5 zijn", "x"),
    ("Expected `object` of length <= 3 - at `$.x`", "hooguit 3 velden", "x"),
    ("Expected `array` of length 2, got 3 - at `$.x`", "de lijst heeft niet het juiste aantal waarden", "x"),
    ("Expected `array` of at least length 1, got 0 - at `$.x`", "de lijst heeft niet het juiste aantal waarden", "x"),
    ("Expected `str` - at `$.x`", "verwacht tekst", "x"),
]


@pytest.mark.parametrize(("english", "dutch", "path"), MESSAGES)
def test_each_message_is_translated_with_its_place(english, dutch, path):
    assert translate(english) == (dutch, path)


@pytest.mark.parametrize(
    "english",
    ["Something msgspec adds in a later version - at `$.x`", "Invalid base64 encoded string", "Expected `float` > 0.5"],
)
def test_an_unknown_message_shows_no_english(english):
    text, _ = translate(english)
    assert not english_in(text)
    assert text.startswith("ongeldige waarde") or text.startswith("verwacht")
