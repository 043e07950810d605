"""Numbers, counts and lists the Dutch way: one rule for every text the user reads.

Pure, and importing nothing of weight (not even :mod:`decimal`: start-up
counts), so that every layer may use it: the core's sentences as much as the
renderers.

- A **decimal** always shows its digit, with a decimal comma: ``2.5`` ->
  ``"2,5"``, ``2.96`` -> ``"3,0"`` (never ``"3"``). It is rounded half away
  from zero on the value *as written*: ``2.95`` -> ``"3,0"`` and ``0.25`` ->
  ``"0,3"``, although the binary floats behind them are a hair smaller.
- A **number** is a decimal, except that a whole amount kept as an ``int``
  (levels to go, a summed gap in levels, a change of level) is shown whole:
  ``2`` -> ``"2"``, ``2.0`` -> ``"2,0"``.
- A **percentage** is a whole number with ``%``: ``0.5`` -> ``"50%"``,
  ``1/3`` -> ``"33%"`` (same rounding).
- A **change** carries its sign, with a real minus sign: ``"+0,3"``,
  ``"−0,1"``, ``"0,0"``; in percentage points ``"+12 pp"``, ``"−3 pp"``, ``"0"``.
  The change *between two shown numbers* is worked out from the numbers as
  shown (:func:`difference`, :func:`points_difference`): ``2,3 → 2,4`` is
  always ``+0,1``, never ``0,0``.
- A **count** agrees in number: ``"1 respondent"``, ``"2 respondenten"``.
- A **list** reads ``"a, b en c"``.

Machine output (JSON, CSV) keeps its own machine numbers and does not use this.
"""

from __future__ import annotations

from collections.abc import Sequence

MINUS = "\u2212"  # "−": a minus sign, not a hyphen


def _scaled(value: float, digits: int) -> int:
    """``value * 10**digits`` rounded half away from zero, on the value as written (its shortest repr).

    Exact integer arithmetic on the repr's digits: ``2.95`` is 295/100, not
    the binary 2.9499999999999997 (and no ``decimal`` import at start-up).
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value * 10**digits
    text = repr(float(value))  # "2.95", "-0.25", "1e-05", "1.5e+20"
    if text in ("inf", "-inf", "nan"):
        raise ValueError(f"geen getal: {text}")
    mantissa, _, exponent = text.partition("e")
    negative = mantissa.startswith("-")
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    numerator = int(whole + fraction) * 10**digits
    shift = len(fraction) - int(exponent or 0)  # value = int(whole + fraction) / 10**shift
    if shift <= 0:
        rounded = numerator * 10**-shift
    else:
        quotient, remainder = divmod(numerator, 10**shift)
        rounded = quotient + (1 if 2 * remainder >= 10**shift else 0)
    return -rounded if negative else rounded


def _text(scaled: int, digits: int) -> str:
    """A scaled whole number with ``digits`` decimals after a comma, and a minus sign; never "−0,0"."""
    sign = MINUS if scaled < 0 else ""
    text = str(abs(scaled)).rjust(digits + 1, "0")
    if digits:
        text = text[:-digits] + "," + text[-digits:]
    return sign + text


def decimal(value: float, digits: int = 1) -> str:
    """A decimal with ``digits`` digits after the comma: ``2.96`` -> ``"3,0"``, ``2.95`` -> ``"3,0"``, ``-0.25`` -> ``"−0,3"``."""
    return _text(_scaled(float(value), digits), digits)


def _is_int(value: float) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def number(value: float, digits: int = 1) -> str:
    """An amount: an ``int`` whole (``2`` -> ``"2"``), anything else as a :func:`decimal` (``2.0`` -> ``"2,0"``)."""
    return _text(value, 0) if _is_int(value) else decimal(value, digits)


def signed(value: float, digits: int = 1) -> str:
    """A change as a :func:`number` with its sign: ``0.3`` -> ``"+0,3"``, ``-0.1`` -> ``"−0,1"``, ``1`` -> ``"+1"``.

    No sign when it rounds to zero (``0.04`` -> ``"0,0"``, ``0`` -> ``"0"``).
    """
    scaled, shown = (value, 0) if _is_int(value) else (_scaled(float(value), digits), digits)
    return ("+" if scaled > 0 else "") + _text(scaled, shown)


def percent(share: float) -> str:
    """A share (0..1) as a whole percentage: ``0.5`` -> ``"50%"``, ``1/3`` -> ``"33%"``, ``0.125`` -> ``"13%"``."""
    return _text(_scaled(float(share), 2), 0) + "%"


def signed_points(delta: float) -> str:
    """A change of a share in whole percentage points: ``0.12`` -> ``"+12 pp"``, ``-0.03`` -> ``"−3 pp"``, else ``"0"``."""
    points = _scaled(float(delta), 2)
    if not points:
        return "0"
    return f"{'+' if points > 0 else MINUS}{abs(points)} pp"


def difference(before: float, after: float, digits: int = 1) -> str:
    """The change from ``before`` to ``after`` as their :func:`decimal` texts show it: ``2.34, 2.36`` -> ``"+0,1"`` (2,3 → 2,4)."""
    scaled = _scaled(float(after), digits) - _scaled(float(before), digits)
    return ("+" if scaled > 0 else "") + _text(scaled, digits)


def points_difference(before: float, after: float) -> str:
    """The change between two shares as their :func:`percent` texts show them, in points: ``0.124, 0.126`` -> ``"+1 pp"``."""
    points = _scaled(float(after), 2) - _scaled(float(before), 2)
    if not points:
        return "0"
    return f"{'+' if points > 0 else MINUS}{abs(points)} pp"


def count(n: int, one: str, many: str) -> str:
    """A count that agrees in number: ``count(1, "bestand", "bestanden")`` -> ``"1 bestand"``, 3 -> ``"3 bestanden"``."""
    return f"{n} {one if n == 1 else many}"


def levels(gap: float) -> str:
    """A gap of kerntaak statements in whole levels: ``"1 niveau"``, ``"3 niveaus"``."""
    return count(int(gap), "niveau", "niveaus")


def levels_to_go(gap: float) -> str:
    """A gap still to close: ``"nog 1 niveau te gaan"``, ``"nog 6 niveaus te gaan"``."""
    return f"nog {levels(gap)} te gaan"


def join(words: Sequence[str]) -> str:
    """``["a"]`` -> ``"a"``, ``["a", "b", "c"]`` -> ``"a, b en c"``; nothing -> ``""``."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]
