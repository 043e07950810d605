"""Data text for rich: shown literally, never read as markup or as control characters.

rich reads markup in every plain ``str`` it is given: ``console.print``,
``Table.add_row``, ``Table.add_column``, a table's title, ``Tree.add``. A team
named ``Onderbouw [/]`` then stops the report with a ``MarkupError``,
``Bovenbouw [havo/vwo]`` loses its brackets and ``[link=…]`` becomes a link.
A :class:`rich.text.Text` is never parsed, so every text from a file reaches
rich as one, made by :func:`literal` after :func:`ictbekwaam.safe.text`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ictbekwaam import safe

if TYPE_CHECKING:
    from rich.text import Text


def literal(value: str, style: str = "", *, multiline: bool = False) -> "Text":
    """``value`` as a rich Text: no markup, control characters shown as escapes (see :mod:`ictbekwaam.safe`)."""
    from rich.text import Text

    return Text(safe.text(value, multiline=multiline), style=style)
