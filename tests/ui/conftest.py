"""A scripted teacher for the walk: a fake :class:`~ictbekwaam.ui.protocol.Ui` with queued answers.

The walk logic is tested through :class:`ScriptedUi` in milliseconds; the real
menus (prompt_toolkit, a pseudo-terminal) have a few smoke tests of their own.
A script is a list of the keys a teacher presses, one entry per question:

- in a menu, the shortcut key of a choice (entries without one are numbered
  ``1``, ``2``, ... as questionary numbers them), ``"\\r"`` (Enter) for the
  highlighted entry (the current answer, else the first), ``"\\x1b"`` (Esc) to go back;
- in a text field, which starts with the current answer as the real one does:
  the text typed after it (``"\\x7f"`` erases a character; ``""`` or ``"\\r"``
  keeps the answer), or ``"\\x1b"`` to go back;
- anywhere, ``"\\x03"`` (Ctrl-C) raises KeyboardInterrupt and an exception in the
  script is raised (``Hangup()``: the terminal was closed); an empty script is
  closed input (EOFError).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

import pytest
from rich.console import Console, RenderableType

from ictbekwaam.core.interview import Interview, Nav
from ictbekwaam.ui.protocol import MenuChoice, is_separator


ENTER = "\r"
ESC = "\x1b"
CTRL_C = "\x03"


@dataclass
class Asked:
    """One question as the walk put it."""

    message: str
    titles: list[str]
    default: Any
    back: bool
    keys: list[Optional[str]] = ()  # type: ignore[assignment]  # the keys of the choices, as given (None = numbered)


class ScriptedUi:
    """Answers from a script; records what was asked and, as text, everything shown.

    Text is recorded as it is; rich renderables (the overview's lines, the end
    screen) are rendered by a console of ``width`` columns without colour.
    """

    def __init__(self, script: Iterable[Any] = (), *, plain: bool = False, width: int = 100) -> None:
        self.script = list(script)
        self.plain = plain
        self.lines: list[str] = []
        self.asked: list[Asked] = []
        self._buffer = io.StringIO()
        self._console = Console(file=self._buffer, width=width, color_system=None, highlight=False)

    # --- what the test looks at -------------------------------------------------------
    def seen(self) -> str:
        """Everything shown so far, with line wrapping undone (one space between words)."""
        return " ".join(" ".join(self.lines).split())

    def feed(self, *keys: Any) -> "ScriptedUi":
        """Queue more answers."""
        self.script.extend(keys)
        return self

    # --- the protocol --------------------------------------------------------------------
    def _next(self) -> Any:
        if not self.script:
            raise EOFError
        key = self.script.pop(0)
        if key == CTRL_C:
            raise KeyboardInterrupt
        if isinstance(key, BaseException):
            raise key
        return key

    def choose(self, message: str, choices: Sequence[MenuChoice], default: Any = None, *, back: bool = False) -> Any:
        real = [c for c in choices if not is_separator(c)]
        self.asked.append(Asked(message, [c.title for c in real], default, back, [c.key for c in real]))
        self.lines.append(message)
        self.lines += [f"  {choice.key or number}) {choice.title}" for number, choice in enumerate(real, start=1)]
        key = self._next()
        if key == ESC:
            assert back, f"Esc is not allowed in {message!r}"
            return Nav.BACK
        if key == ENTER:
            defaults = [c.value for c in real if default is not None and c.value == default]
            return defaults[0] if defaults else real[0].value
        for number, choice in enumerate(real, start=1):
            if (choice.key or str(number)) == key:
                return choice.value
        raise AssertionError(f"no choice {key!r} in {message!r}: {[c.title for c in real]}")

    def text(self, message: str, default: str = "", *, limit: int, hint: str = "", back: bool = True) -> Any:
        self.asked.append(Asked(message, [], default, back))
        self.lines.append(message + (f" ({hint})" if hint else ""))
        key = self._next()
        if key == ESC:
            assert back, f"Esc is not allowed in {message!r}"
            return Nav.BACK
        assert isinstance(key, str), f"{key!r} typed in the text field {message!r}"
        if key in ("", ENTER):
            return default
        value = default
        for char in key:
            value = value[:-1] if char == "\x7f" else value + char
        assert len(value.strip()) <= limit
        return value

    def say(self, text: str = "", style: str = "") -> None:
        self.lines.append(text)

    def heading(self, title: str, detail: str = "") -> None:
        self.lines += ["", f"{title} · {detail}" if detail else title]

    def echo(self, text: str) -> None:
        self.lines.append(f"  → {text}")

    def show(self, renderable: Optional[RenderableType] = None, *, soft_wrap: Optional[bool] = None) -> None:
        if renderable is None:
            self.lines.append("")
            return
        self._console.print(renderable, soft_wrap=soft_wrap)
        self.lines.append(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()

    def width(self) -> int:
        return self._console.width

    def is_plain(self) -> bool:
        return self.plain


@pytest.fixture(autouse=True)
def _no_waiting_for_the_disk(monkeypatch):
    """The walk saves the draft after every answer: that the files are written is checked here,
    that they survive a crash (fsync) in tests/files. Not waiting for the disk keeps a walk in milliseconds.
    """
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture
def teacher():
    """Make a :class:`ScriptedUi` from a script: ``teacher(keys, plain=False, width=100)``."""
    return ScriptedUi


@pytest.fixture
def draft_of(kader):
    """Save a draft as the walk leaves it after these answers, one per step: ``draft_of(values) -> Result``.

    The answers go through :class:`~ictbekwaam.core.interview.Interview` like the
    walk's do; a value :data:`~ictbekwaam.core.interview.Nav.SKIP` skips a step.
    """
    from ictbekwaam.files.storage import Store
    from ictbekwaam.model.result import new_result

    def make(values: Iterable[Any]):
        store = Store()
        interview = Interview(kader, new_result(kader, store.respondent_id()))
        for value in values:
            if value is Nav.SKIP:
                interview.skip()
            else:
                interview.answer(value)
        store.save_draft(interview.snapshot())
        return store.load_draft()

    return make
