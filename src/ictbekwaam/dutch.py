"""Numbers, counts and lists the Dutch way: one rule for every text the user reads.

Pure, standard library only, so that every layer may use it (the core's
sentences as much as the renderers).

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
- A **count** agrees in number: ``"1 respondent"``, ``"2 respondenten"``.
- A **list** reads ``"a, b en c"``.

Machine output (JSON, CSV) keeps its own machine numbers and does not use this.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

MINUS = "\u2212"  # "−": a minus sign, not a hyphen


def _rounded(value: float, digits: int) -> Decimal:
    """``value`` as written (its shortest repr), rounded half away from zero to ``digits`` decimals."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _text(amount: Decimal) -> str:
    """A rounded amount with a decimal comma and a minus sign; never "−0,0"."""
    if amount.is_zero():
        amount = abs(amount)
    text = f"{amount:f}".replace(".", ",")
    return MINUS + text[1:] if text.startswith("-") else text


def _amount(value: float, digits: int) -> Decimal:
    """An ``int`` exactly, anything else rounded as a decimal."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return _rounded(float(value), digits)


def decimal(value: float, digits: int = 1) -> str:
    """A decimal with ``digits`` digits after the comma: ``2.96`` -> ``"3,0"``, ``2.95`` -> ``"3,0"``, ``-0.25`` -> ``"−0,3"``."""
    return _text(_rounded(float(value), digits))


def number(value: float, digits: int = 1) -> str:
    """An amount: an ``int`` whole (``2`` -> ``"2"``), anything else as a :func:`decimal` (``2.0`` -> ``"2,0"``)."""
    return _text(_amount(value, digits))


def signed(value: float, digits: int = 1) -> str:
    """A change as a :func:`number` with its sign: ``0.3`` -> ``"+0,3"``, ``-0.1`` -> ``"−0,1"``, ``1`` -> ``"+1"``.

    No sign when it rounds to zero (``0.04`` -> ``"0,0"``, ``0`` -> ``"0"``).
    """
    amount = _amount(value, digits)
    return ("+" if amount > 0 else "") + _text(amount)


def percent(share: float) -> str:
    """A share (0..1) as a whole percentage: ``0.5`` -> ``"50%"``, ``1/3`` -> ``"33%"``, ``0.125`` -> ``"13%"``."""
    return _text(_rounded(float(share), 2).scaleb(2).quantize(Decimal(1))) + "%"


def signed_points(delta: float) -> str:
    """A change of a share in whole percentage points: ``0.12`` -> ``"+12 pp"``, ``-0.03`` -> ``"−3 pp"``, else ``"0"``."""
    points = _rounded(float(delta), 2).scaleb(2).quantize(Decimal(1))
    if points.is_zero():
        return "0"
    return f"{'+' if points > 0 else MINUS}{abs(points)} pp"


def count(n: int, one: str, many: str) -> str:
    """A count that agrees in number: ``count(1, "bestand", "bestanden")`` -> ``"1 bestand"``, 3 -> ``"3 bestanden"``."""
    return f"{n} {one if n == 1 else many}"


def join(words: Sequence[str]) -> str:
    """``["a"]`` -> ``"a"``, ``["a", "b", "c"]`` -> ``"a, b en c"``; nothing -> ``""``."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]
