"""The one Dutch way of writing numbers, counts and lists (ictbekwaam.dutch)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictbekwaam import dutch


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.96, "3,0"),  # always one digit, never "3"
        (2.95, "3,0"),  # half away from zero on the value as written, not on the binary float (2.9499...)
        (0.25, "0,3"),
        (0.35, "0,4"),
        (2.65, "2,7"),
        (2.5, "2,5"),
        (3, "3,0"),
        (3.0, "3,0"),
        (0, "0,0"),
        (0.0, "0,0"),
        (-0.25, "−0,3"),  # half away from zero, with a minus sign
        (-2.96, "−3,0"),
        (-0.04, "0,0"),  # never "−0,0"
        (12.345, "12,3"),
    ],
)
def test_a_decimal_always_shows_one_digit_with_a_comma(value, text):
    assert dutch.decimal(value) == text


def test_very_small_and_very_large_decimals():
    assert dutch.decimal(1e-05) == "0,0"
    assert dutch.decimal(0.05) == "0,1"
    assert dutch.decimal(1.5e20) == "150000000000000000000,0"
    with pytest.raises(ValueError):
        dutch.decimal(float("nan"))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6), st.integers(0, 3))
def test_a_decimal_rounds_like_decimal_half_up_on_the_written_value(value, digits):
    expected = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{abs(expected) if expected.is_zero() else expected:f}".replace(".", ",").replace("-", dutch.MINUS)
    assert dutch.decimal(value, digits) == text


def test_a_decimal_can_have_more_digits():
    assert dutch.decimal(0.125, 2) == "0,13"
    assert dutch.decimal(2, 2) == "2,00"
    assert dutch.decimal(1.005, 2) == "1,01"


@pytest.mark.parametrize(
    ("value", "text"),
    [(2, "2"), (0, "0"), (-1, "−1"), (2.0, "2,0"), (0.5, "0,5"), (2.96, "3,0")],
)
def test_a_number_is_whole_only_when_it_is_an_int(value, text):
    assert dutch.number(value) == text


@pytest.mark.parametrize(
    ("share", "text"),
    [(0.5, "50%"), (1 / 3, "33%"), (2 / 3, "67%"), (0.125, "13%"), (0.625, "63%"), (0, "0%"), (1, "100%"), (0.994, "99%"), (0.995, "100%")],
)
def test_a_percentage_is_whole(share, text):
    assert dutch.percent(share) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.3, "+0,3"), (-0.1, "−0,1"), (0.25, "+0,3"), (-0.25, "−0,3"), (0.0, "0,0"), (0.04, "0,0"), (-0.04, "0,0"),
     (1, "+1"), (-2, "−2"), (0, "0"), (1.0, "+1,0")],
)
def test_a_change_has_its_sign(value, text):
    assert dutch.signed(value) == text


@pytest.mark.parametrize(
    ("delta", "text"),
    [(0.12, "+12 pp"), (-0.03, "−3 pp"), (0.0, "0"), (0.004, "0"), (0.125, "+13 pp"), (-1 / 3, "−33 pp")],
)
def test_a_change_of_a_share_is_in_whole_percentage_points(delta, text):
    assert dutch.signed_points(delta) == text


def test_a_count_agrees_in_number():
    assert dutch.count(1, "respondent", "respondenten") == "1 respondent"
    assert dutch.count(2, "respondent", "respondenten") == "2 respondenten"
    assert dutch.count(0, "bestand", "bestanden") == "0 bestanden"


def test_a_list_reads_a_b_en_c():
    assert dutch.join([]) == ""
    assert dutch.join(["a"]) == "a"
    assert dutch.join(["a", "b"]) == "a en b"
    assert dutch.join(["a", "b", "c"]) == "a, b en c"
    assert dutch.join(iter(("A1", "B2"))) == "A1 en B2"


def test_the_module_needs_nothing_but_the_standard_library():
    import ast
    import sys
    from pathlib import Path

    tree = ast.parse(Path(dutch.__file__).read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def _value(text: str) -> float:
    return float(text.replace("\u2212", "-").replace(",", ".").rstrip("%"))


@given(st.floats(0, 4, allow_nan=False), st.floats(0, 4, allow_nan=False))
def test_a_difference_is_that_of_the_numbers_as_shown(before, after):
    shown = round(_value(dutch.decimal(after)) - _value(dutch.decimal(before)), 1)
    assert _value(dutch.difference(before, after)) == shown
    assert dutch.difference(before, after).startswith("+") is (shown > 0)


def test_a_difference_never_contradicts_the_figures_beside_it():
    assert (dutch.decimal(2.34), dutch.decimal(2.36), dutch.difference(2.34, 2.36)) == ("2,3", "2,4", "+0,1")
    assert dutch.difference(2.36, 2.44) == "0,0"  # 2,4 and 2,4, although 0.08 apart
    assert dutch.difference(3, 2.04) == "\u22121,0"
    assert (dutch.percent(0.124), dutch.percent(0.126), dutch.points_difference(0.124, 0.126)) == ("12%", "13%", "+1 pp")
    assert dutch.points_difference(0.5, 0.504) == "0"
    assert dutch.points_difference(0.5, 0.25) == "\u221225 pp"
