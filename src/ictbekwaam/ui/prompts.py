"""How the assessment asks: arrow-key menus (questionary) or plain numbered questions.

Two implementations of the :class:`~ictbekwaam.ui.protocol.Ui` protocol, used by
:mod:`ictbekwaam.ui.assess`:

- :class:`MenuUi`: questionary / prompt_toolkit menus. Choose with the arrow
  keys or the key in front of a choice, then Enter; Esc goes to the previous
  question. It reads from prompt_toolkit's current app session, so tests run
  it with ``create_app_session(input=create_pipe_input(), output=DummyOutput())``.
- :class:`PlainUi`: the answers numbered from 1 and the other choices by the
  same letters the menus show (t, o, v, x), typed and then Enter, one line at a
  time with ``input()``; no colour, no cursor movement and no symbols that carry
  meaning; for screen readers and dumb terminals (``--plain``, ``TERM=dumb``,
  ``ACCESSIBLE``).

Both raise KeyboardInterrupt on Ctrl-C and EOFError when the input is closed;
the caller saves and stops. questionary is imported here only, and this module
only from the ``assess`` command.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import Any, Callable, Optional, Sequence

from rich.console import Console, RenderableType
from rich.text import Text

from ictbekwaam import safe
from ictbekwaam.core.interview import Nav
from ictbekwaam.render.literal import literal
from ictbekwaam.ui.protocol import SEPARATOR, MenuChoice, is_separator

__all__ = ["SEPARATOR", "MenuChoice", "MenuUi", "PlainUi", "terminal_width"]


def terminal_width(default: int = 80) -> int:
    """The terminal's width in columns (at least 40)."""
    return max(40, shutil.get_terminal_size((default, 24)).columns)


class _Screen:
    """Printing, shared by both interfaces: user text is always printed as text, never as markup.

    Every text passes :func:`ictbekwaam.safe.text` (through
    :func:`~ictbekwaam.render.literal.literal`): a statement of a school's own
    kader or an answer from a draft file with ``[/]`` or an escape character
    in it is shown as it is, never obeyed.
    """

    plain: bool = False

    def __init__(self, console: Console) -> None:
        self.console = console

    def say(self, text: str = "", style: str = "") -> None:
        """Print a paragraph (wrapped by the console)."""
        self.console.print(literal(text, style=style if not self.plain else "", multiline=True))

    def heading(self, title: str, detail: str = "") -> None:
        """A section heading with an optional right-hand detail (``vraag 7 van 33``)."""
        self.console.print()
        if self.plain:
            self.console.print(literal(f"{title}, {detail}." if detail else f"{title}."))
            return
        line = literal(title, style="bold")
        if detail:
            line.append(" · ", style="dim")
            line.append(safe.text(detail), style="cyan")
        self.console.print(line)

    def echo(self, text: str) -> None:
        """Confirm what was chosen, right under the question (plain: as a sentence, without an arrow)."""
        if self.plain:
            self.console.print(literal(_sentence(text)))
            return
        self.console.print(literal(f"  → {text}", style="green"))

    def show(self, renderable: Optional[RenderableType] = None, *, soft_wrap: Optional[bool] = None) -> None:
        """Print a rich renderable; None = an empty line."""
        if renderable is None:
            self.console.print()
        else:
            self.console.print(renderable, soft_wrap=soft_wrap)

    def width(self) -> int:
        """The console's width in columns."""
        return self.console.width

    def is_plain(self) -> bool:
        """Whether this is :class:`PlainUi`."""
        return self.plain


def _sentence(text: str) -> str:
    """``terug naar de vorige vraag`` -> ``Terug naar de vorige vraag.``"""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


# --- arrow-key menus ----------------------------------------------------------------


def _style():  # type: ignore[no-untyped-def]
    from questionary import Style

    return Style(
        [
            ("qmark", "fg:ansicyan bold"),
            ("question", "bold"),
            ("answer", "fg:ansicyan bold"),
            ("pointer", "fg:ansicyan bold"),
            ("highlighted", "fg:ansicyan bold"),
            ("selected", ""),
            ("separator", "fg:ansibrightblack"),
            ("instruction", "fg:ansibrightblack"),
            ("text", ""),
            ("validation-toolbar", "bg:ansired fg:ansiwhite"),
        ]
    )


class MenuUi(_Screen):
    """Questionary menus and text fields in the current prompt_toolkit app session."""

    plain = False

    def choose(self, message: str, choices: Sequence[MenuChoice], default: Any = None, *, back: bool = False) -> Any:
        """Ask one choice; returns its value, or :attr:`Nav.BACK` on Esc when ``back`` is allowed."""
        import questionary
        from prompt_toolkit.keys import Keys

        width = terminal_width()
        entries: list[Any] = []
        default_index = None
        for index, choice in enumerate(choices):
            if is_separator(choice):
                entries.append(questionary.Separator(" "))
                continue
            title = _wrap(safe.text(choice.title), width - 8, indent=6)
            entries.append(questionary.Choice(title=title, value=index, shortcut_key=choice.key or True))
            if default is not None and choice.value == default and default_index is None:
                default_index = index
        hint = "(pijltjes of toets, Enter = kiezen" + (", Esc = vorige vraag)" if back else ")")
        question = questionary.select(
            safe.text(message),
            choices=entries,
            default=default_index,
            qmark="?",
            pointer="»",
            use_shortcuts=True,
            use_arrow_keys=True,
            use_jk_keys=False,
            show_description=False,
            instruction=hint,
            style=_style(),
            erase_when_done=True,
        )
        bindings = question.application.key_bindings
        # Some terminals (and type-ahead before the menu was drawn) send \n for Enter.
        for binding in list(bindings.bindings):  # type: ignore[union-attr]
            if binding.keys == (Keys.ControlM,):
                bindings.add(Keys.ControlJ, eager=True)(binding.handler)  # type: ignore[union-attr]
        if back:

            @bindings.add("escape", eager=True)  # type: ignore[union-attr]
            def _back(event):  # type: ignore[no-untyped-def]
                event.app.exit(result=_BACK_INDEX)

        picked = question.unsafe_ask()
        if picked == _BACK_INDEX:
            return Nav.BACK
        return choices[picked].value

    def text(self, message: str, default: str = "", *, limit: int, hint: str = "", back: bool = True) -> Any:
        """Ask a line of text (prefilled with ``default``); :attr:`Nav.BACK` on Esc."""
        import questionary
        from prompt_toolkit.key_binding import KeyBindings

        bindings = KeyBindings()
        if back:

            @bindings.add("escape", eager=True)
            def _back(event):  # type: ignore[no-untyped-def]
                event.app.exit(result=Nav.BACK)

        if hint:
            self.say(hint[0].upper() + hint[1:] + ".", "dim")
        parts = ["Enter = verder", "Esc = vorige vraag"] if back else ["Enter = verder"]

        def check(value: str) -> Any:
            if len(value.strip()) > limit:
                return f"Dat is te lang: hooguit {limit} tekens (nu {len(value.strip())})."
            return True

        answer = questionary.text(
            safe.text(message),
            default=default,
            qmark="?",
            instruction=f"({', '.join(parts)})",
            validate=check,
            style=_style(),
            key_bindings=bindings,
            erase_when_done=True,
        ).unsafe_ask()
        return answer


_BACK_INDEX = -1


def _wrap(text: str, width: int, *, indent: int) -> str:
    lines = textwrap.wrap(text, max(20, width)) or [""]
    return ("\n" + " " * indent).join(lines)


# --- plain, numbered ------------------------------------------------------------------


class PlainUi(_Screen):
    """Numbered answers and lettered actions, typed and then Enter; no menus, no colour, one line per input.

    The answers are numbered from 1 in every question, so a number never moves;
    the other choices keep their letter (:data:`~ictbekwaam.ui.protocol.LETTER_KEYS`:
    ``t`` toelichting, ``o`` overslaan, ``v`` vorige vraag, ``x`` terug naar het
    overzicht), the same letters the arrow-key menus show, in upper or lower case.

    Attributes:
        read_line: reads one line of input without the newline (``input``);
            raises EOFError at the end of the input.
    """

    plain = True

    def __init__(self, console: Console, read_line: Callable[[], str] = input) -> None:
        super().__init__(console)
        self.read_line = read_line

    def _ask(self, prompt: str) -> str:
        self.console.print(Text(prompt + " "), end="")
        self.console.file.flush()
        return self.read_line().strip()

    def choose(self, message: str, choices: Sequence[MenuChoice], default: Any = None, *, back: bool = False) -> Any:
        """Print the numbered answers and the lettered choices and read one; Enter alone keeps ``default``."""
        self.console.print(literal(message))
        keyed: dict[str, MenuChoice] = {}
        numbers: list[str] = []
        letters: list[str] = []
        for choice in choices:
            if is_separator(choice):
                continue
            if choice.key and choice.key.isalpha():
                key = choice.key.lower()
                letters.append(key)
            else:
                key = choice.key if choice.key and choice.key.isdigit() else str(len(numbers) + 1)
                numbers.append(key)
            keyed[key] = choice
            self.console.print(literal(f"  {key}. {choice.title}"))
        default_key = next((k for k, c in keyed.items() if default is not None and c.value == default), None)
        prompt = "Typ een nummer of een letter en druk op Enter" if letters else "Typ een nummer en druk op Enter"
        if default_key is not None:
            prompt += f" (alleen Enter: {default_key}, je huidige antwoord)"
        while True:
            typed = self._ask(prompt + ":").lower()
            if not typed and default_key is not None:
                return keyed[default_key].value
            if typed in keyed:
                return keyed[typed].value
            self.console.print(Text("Dat is geen keuze. " + _what_to_type(numbers, letters)))

    def text(self, message: str, default: str = "", *, limit: int, hint: str = "", back: bool = True) -> Any:
        """Read a line of text; ``<`` goes back, ``-`` empties, Enter alone keeps ``default``."""
        self.console.print(literal(message + (f" ({hint})" if hint else "")))
        if default:
            self.console.print(literal(f"Nu: {default}. Alleen Enter houdt dit; typ - om het leeg te maken."))
        help_line = "Typ je antwoord en druk op Enter."
        if back:
            help_line += " Typ < voor de vorige vraag."
        self.console.print(Text(help_line))
        while True:
            typed = self._ask(">")
            if back and typed == "<":
                return Nav.BACK
            if not typed:
                return default
            if typed == "-":
                return ""
            if len(typed) > limit:
                self.console.print(Text(f"Dat is te lang: hooguit {limit} tekens (nu {len(typed)}). Probeer het korter."))
                continue
            return typed


def _what_to_type(numbers: Sequence[str], letters: Sequence[str]) -> str:
    """``Typ een nummer van 1 tot en met 5, of t, o of v.``"""
    if len(numbers) == 1:
        text = f"Typ {numbers[0]}"
    else:
        text = f"Typ een nummer van {numbers[0]} tot en met {numbers[-1]}" if numbers else "Typ"
    if letters:
        text += (", of " if numbers else " ") + (", ".join(letters[:-1]) + " of " if len(letters) > 1 else "") + letters[-1]
    return text + "."
