"""The overview after the last question: every answer, the open ones, and what to do next.

From :class:`Overview` the teacher saves (asked first when questions are still
open), changes any answer, answers the open questions, or stops for now.
"""

from __future__ import annotations

from ictbekwaam import safe
from ictbekwaam.core.interview import Interview, Mode
from ictbekwaam.render.literal import literal
from ictbekwaam.ui.protocol import SEPARATOR, MenuChoice, Ui


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
            ui.say(f"Nog open ({len(open_steps)}): " + ", ".join(s.key for s in open_steps), "yellow")
        else:
            ui.say("Alle vragen zijn beantwoord.", "green")
        while True:
            choices = [MenuChoice("save", "Opslaan en afronden", "1"), MenuChoice("change", "Een antwoord wijzigen", "2")]
            if open_steps:
                choices.append(MenuChoice("open", f"De open vragen nu beantwoorden ({len(open_steps)})", "3"))
            choices.append(MenuChoice("stop", "Stoppen en later verdergaan (alles blijft bewaard)", "4" if open_steps else "3"))
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
                    f"Er staan nog {len(open_steps)} vragen open. Toch opslaan?",
                    [
                        MenuChoice("open", "Nee, eerst de open vragen beantwoorden", "1"),
                        MenuChoice("save", "Ja, opslaan; de open vragen blijven leeg", "2"),
                        MenuChoice("back", "Terug naar het overzicht", "3"),
                    ],
                )
                if confirm == "open":
                    interview.start_open()
                    return "walk"
                if confirm == "back":
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
                        stelling = step.item.stelling if step.item else ""
                        ui.say(f"{step.key}. {stelling} Antwoord: {row.answer or 'open'}.")
                    continue
                if step.kind == "evidence":
                    label, answer = "Eigen voorbeeld", row.answer or "(geen)"
                else:
                    label, answer = step.field.label if step.field else step.key, row.answer or "(leeg)"
                line = literal(f"{label}: {answer}")
                line.overflow, line.no_wrap = "ellipsis", not plain
                ui.show(line)

    def _choose_change(self) -> bool:
        interview = self.interview
        ui = self.ui
        sections = interview.sections()
        choices = [MenuChoice(sid, title, str(i)) for i, (sid, title) in enumerate(sections, start=1)]
        choices += [SEPARATOR, MenuChoice(None, "Terug naar het overzicht", "t")]
        section = ui.choose("Welk onderdeel?", choices)
        if section is None:
            return False
        width = ui.width()
        step_choices = []
        for row in interview.overview():
            if row.step.section != section:
                continue
            step = row.step
            if step.kind == "item" and step.item is not None:
                answer = row.answer or "open"
                room = max(20, width - 8 - len(step.key) - 1 - 3 - len(answer) - 1)
                text = step.item.stelling if len(step.item.stelling) <= room else step.item.stelling[: room - 1] + "…"
                title = f"{step.key} {text} — {answer}"
            elif step.kind == "evidence":
                title = "Eigen voorbeeld — " + ("ingevuld" if row.answer else "leeg")
            else:
                title = f"{step.field.label if step.field else step.key} — {row.answer or '(leeg)'}"
            step_choices.append(MenuChoice(row.index, title))
        step_choices += [SEPARATOR, MenuChoice(None, "Terug naar het overzicht", "t")]
        index = ui.choose("Welke vraag wil je wijzigen?", step_choices)
        if index is None:
            return False
        interview.goto(index, Mode.FIX)
        return True
