"""What the assessment needs from a user interface: the :class:`Ui` protocol and its menu entries.

The walk (:mod:`ictbekwaam.ui.start`, :mod:`ictbekwaam.ui.walk`,
:mod:`ictbekwaam.ui.overview`, :mod:`ictbekwaam.ui.assess`) talks to the
teacher only through these methods. :class:`~ictbekwaam.ui.prompts.MenuUi` and
:class:`~ictbekwaam.ui.prompts.PlainUi` implement them on a terminal; the tests
implement them with a scripted fake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Protocol, Sequence

from rich.console import RenderableType


@dataclass(frozen=True)
class MenuChoice:
    """One entry of a menu.

    Attributes:
        value: what :meth:`Ui.choose` returns (any object, also None or a :class:`~ictbekwaam.core.interview.Nav`).
        title: the Dutch text shown.
        key: the key of the choice: a digit for an answer (``1`` is always the first answer), one of
            :data:`LETTER_KEYS` for the rest; None = numbered by its place (the arrow-key menu numbers it).
    """

    value: Any
    title: str
    key: Optional[str] = None


EXPLAIN_KEY = "t"
"""Toelichting: the explanation of the question (in every question about a statement)."""
SKIP_KEY = "o"
"""Overslaan: leave the question open for now."""
BACK_KEY = "v"
"""Vorige vraag: back to the previous question (also Esc in the arrow-key menus)."""
OVERVIEW_KEY = "x"
"""Terug naar het overzicht, without changing anything (in the menus of the overview)."""
LETTER_KEYS = (EXPLAIN_KEY, SKIP_KEY, BACK_KEY, OVERVIEW_KEY)
"""The letters of the walk: each means one thing everywhere; digits are only for answers."""


_SEPARATOR = object()
SEPARATOR = MenuChoice(_SEPARATOR, "")
"""A blank line between groups of choices; it cannot be chosen."""


def is_separator(choice: MenuChoice) -> bool:
    """Whether ``choice`` is :data:`SEPARATOR` (a blank line, not a choice)."""
    return choice.value is _SEPARATOR


class Ui(Protocol):
    """How the assessment asks and shows; both raise KeyboardInterrupt on Ctrl-C and EOFError on closed input."""

    def choose(self, message: str, choices: Sequence[MenuChoice], default: Any = None, *, back: bool = False) -> Any:
        """Ask one choice; returns its value, or :attr:`Nav.BACK` when ``back`` is allowed and asked for."""
        ...

    def text(self, message: str, default: str = "", *, limit: int, hint: str = "", back: bool = True) -> Any:
        """Ask a line of text of at most ``limit`` characters (``default`` = the current answer); or :attr:`Nav.BACK`."""
        ...

    def say(self, text: str = "", style: str = "") -> None:
        """Show a paragraph of plain text (never markup); no text = an empty line."""
        ...

    def heading(self, title: str, detail: str = "") -> None:
        """Show a section heading with an optional detail (``vraag 7 van 33``)."""
        ...

    def echo(self, text: str) -> None:
        """Confirm what was chosen, right under the question."""
        ...

    def show(self, renderable: Optional[RenderableType] = None, *, soft_wrap: Optional[bool] = None) -> None:
        """Show a rich renderable (a table, a styled line); None = an empty line; ``soft_wrap`` None = the screen's way."""
        ...

    def width(self) -> int:
        """The width of the screen in columns."""
        ...

    def is_plain(self) -> bool:
        """Whether this is the plain interface: no colour, no menus, nothing laid out in columns."""
        ...
