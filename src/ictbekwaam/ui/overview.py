"""The overview after the last question: every answer, the open ones, and what to do next.

From :class:`Overview` the teacher saves (asked first when questions are still
open), changes any answer, answers the open questions, or stops for now. The
keys of these choices never move: 1 opslaan, 2 wijzigen, 3 stoppen, 4 de open
vragen (only when there are), and ``x`` is "terug naar het overzicht" in every
menu that leads away from it. A menu has at most nine numbered entries (the
digits): a longer list of questions is first split in parts ("A1 tot en met A7a").
"""

from __future__ import annotations

from typing import Any, NamedTuple, Optional, Sequence

from ictbekwaam import dutch, safe
from ictbekwaam.core.interview import Interview, Mode, OverviewRow
from ictbekwaam.render.literal import literal
from ictbekwaam.ui.protocol import OVERVIEW_KEY, SEPARATOR, MenuChoice, Ui
from ictbekwaam.ui.walk import shown_answer

PAGE = 9
"""The most numbered entries in one menu: the digits 1 to 9 (a tenth would need a letter as its key)."""

TO_OVERVIEW = MenuChoice(None, "Terug naar het overzicht", OVERVIEW_KEY)


class Entry(NamedTuple):
    """One entry of a list to choose from: what it returns, its title, and its short name for a part's title."""

    value: Any
    title: str
    name: str


def parts(entries: Sequence[Entry], size: int = PAGE) -> list[list[Entry]]:
    """``entries`` split in order into at most ``size`` parts of (nearly) equal length."""
    count = min(size, -(-len(entries) // size))
    base, extra = divmod(len(entries), count)
    out, at = [], 0
    for number in range(count):
        length = base + (1 if number < extra else 0)
        out.append(list(entries[at : at + length]))
        at += length
    return out


def open_sentence(count: int) -> str:
    """``Er staat nog 1 vraag open. Toch opslaan?`` / ``Er staan nog 3 vragen open. Toch opslaan?``"""
    return f"Er {'staat' if count == 1 else 'staan'} nog {dutch.count(count, 'vraag', 'vragen')} open. Toch opslaan?"


class Overview:
    """The overview of one interview."""

    def __init__(self, ui: Ui, interview: Interview) -> None:
        self.ui = ui
        self.interview = interview

    def ask(self) -> str:
        """Show the overview and ask what next: ``save``, ``stop`` or ``walk`` (a step to ask is set)."""
        interview = self.interview
        ui = self.ui
        progress = interview.progress()
        ui.heading("Overzicht van je antwoorden", progress.label)
        self._print()
        open_steps = interview.open_steps()
        ui.say()
        if open_steps:
            which = dutch.join([s.key for s in open_steps])
            ui.say(f"Nog open: {dutch.count(len(open_steps), 'vraag', 'vragen')}, {which}.", "yellow")
        else:
            ui.say("Alle vragen zijn beantwoord.", "green")
        while True:
            choices = [
                MenuChoice("save", "Opslaan en afronden", "1"),
                MenuChoice("change", "Een antwoord wijzigen", "2"),
                MenuChoice("stop", "Stoppen en later verdergaan (alles blijft bewaard)", "3"),
            ]
            if open_steps:  # the last: the keys before it are the same with or without open questions
                choices.append(MenuChoice("open", f"De open vragen nu beantwoorden ({len(open_steps)})", "4"))
            action = ui.choose("Wat wil je doen?", choices)
            if action == "change":
                if self._choose_change():
                    return "walk"
                continue
            if action == "open":
                interview.start_open()
                return "walk"
            if action == "save" and open_steps:
                confirm = ui.choose(
                    open_sentence(len(open_steps)),
                    [
                        MenuChoice("open", "Nee, eerst de open vragen beantwoorden", "1"),
                        MenuChoice("save", "Ja, opslaan; de open vragen blijven leeg", "2"),
                        SEPARATOR,
                        TO_OVERVIEW,
                    ],
                )
                if confirm == "open":
                    interview.start_open()
                    return "walk"
                if confirm is None:
                    continue
            return action

    def _print(self) -> None:
        interview = self.interview
        ui = self.ui
        plain = ui.is_plain()
        rows = interview.overview()
        for section, title in interview.sections():
            ui.say()
            ui.say(title, "bold")
            mine = [r for r in rows if r.step.section == section]
            items = [r for r in mine if r.step.kind == "item"]
            if items and not plain:
                # A table of its own: one line per statement, cut to fit, the answers in a column.
                id_width = max(len(r.step.key) for r in items)
                answer_width = min(26, max(len(r.answer or "open") for r in items))
                room = max(10, ui.width() - id_width - answer_width - 4)
                for row in items:
                    stelling = safe.text(row.step.item.stelling) if row.step.item else ""
                    if len(stelling) > room:
                        stelling = stelling[: room - 1] + "…"
                    line = literal(f"{row.step.key:<{id_width}}  ", style="bold")
                    line.append(f"{stelling:<{room}}  ", style="dim")
                    line.append(safe.text(row.answer or "open"), style="yellow" if row.is_open else "")
                    line.no_wrap = True
                    line.overflow = "ellipsis"
                    ui.show(line)
            for row in mine:
                step = row.step
                if step.kind == "item":
                    if plain:
                        ui.say(self._plain_row(row))
                    continue
                if step.kind == "evidence":
                    label, answer = "Eigen voorbeeld", row.answer or "(geen)"
                else:
                    label, answer = step.field.label if step.field else step.key, row.answer or "(leeg)"
                line = literal(f"{label}: {answer}")
                line.overflow, line.no_wrap = "ellipsis", not plain
                ui.show(line)

    def _plain_row(self, row: OverviewRow) -> str:
        """``A1. Ik ... (the whole statement) Antwoord: niveau 3 van 4, Bekwaam.``"""
        stelling = row.step.item.stelling if row.step.item else ""
        answer = shown_answer(self.interview, row.step, plain=True) or "nog open"
        return f"{row.step.key}. {stelling} Antwoord: {answer}."

    def _choose_change(self) -> bool:
        interview = self.interview
        ui = self.ui
        sections = [Entry(sid, title, title) for sid, title in interview.sections()]
        section = self._pick("Welk onderdeel?", sections)
        if section is None:
            return False
        plain = ui.is_plain()
        width = ui.width()
        entries = []
        for row in interview.overview():
            if row.step.section != section:
                continue
            step = row.step
            if step.kind == "item" and step.item is not None:
                if plain:  # the whole statement, and the answer in words
                    title = self._plain_row(row)
                else:  # one line in the menu, the answer in view
                    answer = row.answer or "open"
                    room = max(20, width - 8 - len(step.key) - 1 - 3 - len(answer) - 1)
                    stelling = step.item.stelling
                    text = stelling if len(stelling) <= room else stelling[: room - 1] + "…"
                    title = f"{step.key} {text} — {answer}"
                name = step.key
            elif step.kind == "evidence":
                title = ("Eigen voorbeeld: " if plain else "Eigen voorbeeld — ") + ("ingevuld" if row.answer else "leeg")
                name = "je eigen voorbeeld"
            else:
                label = step.field.label if step.field else step.key
                title = f"{label}{': ' if plain else ' — '}{row.answer or '(leeg)'}"
                name = label
            entries.append(Entry(row.index, title, name))
        index = self._pick("Welke vraag wil je wijzigen?", entries)
        if index is None:
            return False
        interview.goto(index, Mode.FIX)
        return True

    def _pick(self, message: str, entries: Sequence[Entry]) -> Optional[Any]:
        """Choose one entry, numbered 1 to 9 at most: a longer list is first narrowed to a part; None = back."""
        while len(entries) > PAGE:
            choices = [
                MenuChoice(part, f"{part[0].name} tot en met {part[-1].name}", str(number))
                for number, part in enumerate(parts(entries), start=1)
            ]
            part = self.ui.choose(f"{message} Kies eerst het deel waarin die staat.", [*choices, SEPARATOR, TO_OVERVIEW])
            if part is None:
                return None
            entries = part
        choices = [MenuChoice(e.value, e.title, str(number)) for number, e in enumerate(entries, start=1)]
        return self.ui.choose(message, [*choices, SEPARATOR, TO_OVERVIEW])
