"""The one text-safety rule (:mod:`ictbekwaam.safe`): controls and bidi shown as escapes, ordinary text untouched."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import BIDI, leftover_controls
from ictbekwaam import safe

ANY_TEXT = st.text(st.characters(blacklist_categories=()))  # lone surrogates too (hypothesis leaves them out by default)


def unsafe(char: str) -> bool:
    """The rule, written out from Unicode's categories (C0, DEL, C1, bidi, separators, lone surrogates)."""
    return bool(leftover_controls(char))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("\x1b]8;;http://x\x1b\\klik\x1b]8;;\x1b\\", "\\x1b]8;;http://x\\x1b\\klik\\x1b]8;;\\x1b\\"),
        ("voor\rna", "voor\\rna"),
        ("een\ntwee\tdrie", "een\\ntwee\\tdrie"),
        ("n\x00ul", "n\\x00ul"),
        ("del\x7f en csi\x9b", "del\\x7f en csi\\x9b"),
        ("abc\u202edef", "abc\\u202edef"),
        ("abc\u2066def\u2069", "abc\\u2066def\\u2069"),
        ("\u200e\u200f\u061c\u202a\u202d", "\\u200e\\u200f\\u061c\\u202a\\u202d"),
        ("regel\u2028regel\u2029", "regel\\u2028regel\\u2029"),
        ("bad\udcff.json", "bad\\udcff.json"),  # a file name that is not UTF-8
    ],
)
def test_control_and_bidi_characters_are_shown_as_escapes(raw, shown):
    assert safe.text(raw) == shown


@pytest.mark.parametrize(
    "ordinary",
    [
        "Onderbouw [/]",
        "Bovenbouw [havo/vwo]",
        "[link=http://x]klik[/link]",
        "Zoë Één, café, ĳsbeer, coöperatie",
        "汉字 and العربية",
        "👩‍🏫 🏳️‍🌈 🏴󠁧󠁢󠁥󠁮󠁧󠁿",  # ZWJ sequences, a variation selector and tag characters stay
        "C:\\Users\\marieke\\x1b.json",  # a backslash is ordinary
        "",
    ],
)
def test_ordinary_text_is_left_exactly_as_it_is(ordinary):
    assert safe.text(ordinary) == ordinary
    assert safe.text(ordinary, multiline=True) == ordinary


def test_multiline_keeps_line_breaks_and_nothing_else():
    assert safe.text("een\ntwee\r\ndrie\rvier\x1b", multiline=True) == "een\ntwee\ndrie\\rvier\\x1b"
    assert safe.text("een\ntwee") == "een\\ntwee"


@given(ANY_TEXT)
def test_the_output_of_text_never_holds_a_control_or_bidi_character(value):
    assert leftover_controls(safe.text(value)) == []
    assert leftover_controls(safe.text(value, multiline=True), allowed="\n") == []


@given(ANY_TEXT)
def test_text_is_idempotent(value):
    once = safe.text(value)
    assert safe.text(once) == once
    lines = safe.text(value, multiline=True)
    assert safe.text(lines, multiline=True) == lines


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=BIDI)))
def test_text_without_such_characters_is_unchanged(value):
    assert safe.text(value) == value
    assert safe.text(value, multiline=True) == value


@given(ANY_TEXT)
def test_only_the_unsafe_characters_change(value):
    # Every safe character is kept, in order; every unsafe one becomes a backslash escape.
    shown = safe.text(value)
    expected = "".join(c if not unsafe(c) else {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (
        f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") for c in value)
    assert shown == expected


@given(st.recursive(ANY_TEXT | st.integers() | st.none(), lambda inner: st.lists(inner) | st.dictionaries(ANY_TEXT, inner)))
def test_json_document_keeps_the_data_and_leaves_nothing_raw(data):
    document = safe.json_document(json.dumps(data, ensure_ascii=False, indent=2))
    assert json.loads(document) == data
    assert leftover_controls(document, allowed="\n") == []


def test_the_json_encoder_escapes_esc_and_nul_itself():
    # json.dumps (team report, profile, compare) and msgspec (kader) write C0 controls as \u00XX.
    import msgspec

    for encoded in (json.dumps("\x1b\x00", ensure_ascii=False), msgspec.json.encode("\x1b\x00").decode()):
        assert "\x1b" not in encoded and "\x00" not in encoded
        assert json.loads(encoded) == "\x1b\x00"
