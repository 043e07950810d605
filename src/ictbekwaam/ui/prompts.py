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

import functools
import shutil
import textwrap
from typing import Any, Callable, Optional, Sequence

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.text import Text

from ictbekwaam import safe
from ictbekwaam.core.interview import Nav
from ictbekwaam.render.literal import literal
from ictbekwaam.ui.protocol import SEPARATOR, MenuChoice, is_separator

__all__ = ["ESCAPE_WAIT", "SEPARATOR", "MenuChoice", "MenuUi", "PlainUi", "terminal_height", "terminal_width"]


def terminal_width(default: int = 80) -> int:
    """The terminal's width in columns (at least 40)."""
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def terminal_height(default: int = 24) -> int:
    """The terminal's height in rows (at least 10)."""
    return max(10, shutil.get_terminal_size((80, default)).lines)


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


ESCAPE_WAIT = 0.025
"""Seconds a menu waits after a lone Esc byte for the rest of an escape sequence.

prompt_toolkit's ``Application.ttimeoutlen`` (0.5 s by default) and ``timeoutlen``
(1 s): with those, Esc went back only after half a second. A terminal sends the
sequence of an arrow key (``ESC [ A``) in one piece, so a short wait still tells
Esc from an arrow key; ``benchmarks/bench_keys.py`` measures Esc beside Enter.
"""

_HINTS = (
    "(pijltjes of toets, Enter = kiezen, Esc = vorige vraag)",
    "(Enter = kiezen, Esc = vorige vraag)",
    "(Enter = kiezen)",
)
_HINTS_NO_BACK = ("(pijltjes of toets, Enter = kiezen)", "(Enter = kiezen)")
_READ_ON = "(Enter = verder lezen)"
_TO_THE_QUESTION = "(Enter = terug naar de vraag)"


class MenuUi(_Screen):
    """Questionary menus and text fields in the current prompt_toolkit app session.

    On a low screen the menu gives way, not the question. MenuUi keeps what was
    shown since the last heading (the question: its heading, statement, an
    introduction) and draws the menu so that it stays on screen above it: the
    full menu wraps each choice and has a blank line between groups; when that
    does not fit, each choice gets at most two lines and then one (cut with
    "…"), without the blank line and with a shorter instruction. The keys stay
    the same.

    After the toelichting (a choice :attr:`Nav.EXPLAIN`) the explanation is shown
    a screenful at a time (any key reads on), and when the question would not be
    on screen with its menu, it is shown again under the explanation.
    """

    plain = False

    def __init__(self, console: Console) -> None:
        super().__init__(console)
        _share_default_key_bindings()
        self._question: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []  # shown since the last heading
        self._question_rows = 0
        self._unread = 0  # rows shown since the teacher last pressed a key
        self._explaining = False  # after the toelichting was asked for, until the next menu
        self._explanation_rows = 0  # rows shown under the question since then

    # --- what is on screen -------------------------------------------------------------
    def say(self, text: str = "", style: str = "") -> None:
        self._output("say", literal(text, multiline=True), text, style)

    def heading(self, title: str, detail: str = "") -> None:
        self._output("heading", literal(f"{title} · {detail}" if detail else title), title, detail)

    def echo(self, text: str) -> None:
        self._output("echo", literal(f"  → {text}"), text)

    def show(self, renderable: Optional[RenderableType] = None, *, soft_wrap: Optional[bool] = None) -> None:
        self._output("show", renderable, renderable, soft_wrap=soft_wrap)

    def _output(self, name: str, measured: Optional[RenderableType], *args: Any, **kwargs: Any) -> None:
        rows = 1 if measured is None else len(self.console.render_lines(measured, self.console.options, pad=False))
        if name == "heading":
            rows += 1  # the empty line above it
        if self._explaining and self._unread and self._unread + rows > terminal_height() - 1:
            self._pause(_READ_ON)
        getattr(super(), name)(*args, **kwargs)
        self._unread += rows
        if name == "heading":  # a new question
            self._question, self._question_rows, self._explaining, self._explanation_rows = [], 0, False, 0
        if self._explaining:
            self._explanation_rows += rows
        else:
            self._question.append((name, args, kwargs))
            self._question_rows += rows

    def _answered(self, explain: bool = False) -> None:
        """A key was pressed: what follows is new; after the toelichting, the question is kept to show again."""
        self._unread = self._explanation_rows = 0
        self._explaining = explain
        if not explain:
            self._question, self._question_rows = [], 0

    def _pause(self, hint: str) -> None:
        """Wait for a key, with ``hint`` on the last line (erased after); Ctrl-C stops, closed input raises EOFError."""
        from prompt_toolkit.application import Application
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.layout import FormattedTextControl, Layout, Window

        bindings = KeyBindings()

        @bindings.add("c-c", eager=True)
        def _stop(event):  # type: ignore[no-untyped-def]
            event.app.exit(exception=KeyboardInterrupt)

        @bindings.add("<any>")
        def _go_on(event):  # type: ignore[no-untyped-def]
            event.app.exit()

        control = FormattedTextControl([("class:instruction", hint)], show_cursor=False)
        application: Any = Application(
            layout=Layout(Window(control, height=1)), key_bindings=bindings, style=_style(), erase_when_done=True
        )
        _answer_at_once(application)
        application.run()
        self._unread = 0

    # --- asking -------------------------------------------------------------------------
    def choose(self, message: str, choices: Sequence[MenuChoice], default: Any = None, *, back: bool = False) -> Any:
        """Ask one choice; returns its value, or :attr:`Nav.BACK` on Esc when ``back`` is allowed."""
        import questionary
        from prompt_toolkit.keys import Keys

        message = safe.text(message)
        height = terminal_height()
        room = height - self._question_rows - self._explanation_rows
        entries, hint, rows = self._menu(message, choices, back, room)
        if self._explaining and rows > room:  # the explanation pushed the question away: show it again
            entries, hint, rows = self._menu(message, choices, back, height - self._question_rows)
            if self._unread + self._question_rows + rows > height:  # after the explanation's last screenful was read
                self._pause(_TO_THE_QUESTION)
            shown, self._question, self._question_rows, self._explaining = self._question, [], 0, False
            for name, args, kwargs in shown:
                getattr(self, name)(*args, **kwargs)
        self._explaining = False
        default_index = next(
            (i for i, c in enumerate(choices) if default is not None and not is_separator(c) and c.value == default), None
        )
        prompt = questionary.select(
            message,
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
        _answer_at_once(prompt.application)
        bindings = prompt.application.key_bindings
        # Some terminals (and type-ahead before the menu was drawn) send \n for Enter.
        for binding in list(bindings.bindings):  # type: ignore[union-attr]
            if binding.keys == (Keys.ControlM,):
                bindings.add(Keys.ControlJ, eager=True)(binding.handler)  # type: ignore[union-attr]
        if back:

            @bindings.add("escape", eager=True)  # type: ignore[union-attr]
            def _back(event):  # type: ignore[no-untyped-def]
                event.app.exit(result=_BACK_INDEX)

        picked = prompt.unsafe_ask()
        value = Nav.BACK if picked == _BACK_INDEX else choices[picked].value
        self._answered(explain=value is Nav.EXPLAIN)
        return value

    def _menu(self, message: str, choices: Sequence[MenuChoice], back: bool, room: int) -> tuple[list[Any], str, int]:
        """The menu's entries (value = index in ``choices``), instruction and rows: the fullest that fits in ``room``."""
        import questionary

        width = terminal_width()
        hints = _HINTS if back else _HINTS_NO_BACK
        for lines in (None, 2, 1):
            if lines is None:
                hint = hints[0]
            else:  # the longest instruction that keeps the question on one line (the cursor after it)
                hint = next((h for h in hints if cell_len(f"? {message} {h}") < width), hints[-1])
            rows = cell_len(f"? {message} {hint} ") // width + 1
            entries: list[Any] = []
            for index, choice in enumerate(choices):
                if is_separator(choice):
                    if lines is None:
                        entries.append(questionary.Separator(" "))
                        rows += 1
                    continue
                title = _wrap(safe.text(choice.title), width - 8, indent=6, max_lines=lines)
                rows += title.count("\n") + 1
                entries.append(questionary.Choice(title=title, value=index, shortcut_key=choice.key or True))
            if rows <= room:
                break
        return entries, hint, rows

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

        question = questionary.text(
            safe.text(message),
            default=default,
            qmark="?",
            instruction=f"({', '.join(parts)})",
            validate=check,
            style=_style(),
            key_bindings=bindings,
            erase_when_done=True,
        )
        _answer_at_once(question.application)
        answer = question.unsafe_ask()
        self._answered()
        return answer


_BACK_INDEX = -1


def _share_default_key_bindings() -> None:
    """Build prompt_toolkit's default key bindings once, not for every menu.

    Every prompt_toolkit Application loads its default bindings (emacs, vi, mouse:
    about 600) when it is made, and a questionary menu makes three: that took 15 to
    30 ms of every answer (``benchmarks/bench_keys.py``). The bindings keep no state
    of their own (their filters look at the running application), so one set serves
    all; a test checks that menus share it.
    """
    from prompt_toolkit.application import application

    load = getattr(application, "load_key_bindings", None)
    if load is not None and not hasattr(load, "cache_info"):
        application.load_key_bindings = functools.lru_cache(maxsize=1)(load)  # type: ignore[attr-defined]


def _answer_at_once(application: Any) -> None:
    """Esc without waiting half a second for an escape sequence that does not come (see :data:`ESCAPE_WAIT`)."""
    application.ttimeoutlen = ESCAPE_WAIT
    application.timeoutlen = ESCAPE_WAIT


def _wrap(text: str, width: int, *, indent: int, max_lines: Optional[int] = None) -> str:
    """``text`` in lines of ``width``, the next ones indented; at most ``max_lines``, the last one cut with "…"."""
    lines = textwrap.wrap(text, max(20, width), max_lines=max_lines, placeholder=" …") or [""]
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
