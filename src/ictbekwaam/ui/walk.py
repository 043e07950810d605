"""The question-by-question walk: one step of the interview at a time.

:class:`Questions` asks the current step (a statement, a question about the
teacher, an own example), with the section's introduction the first time, an
explanation on request (shown once per visit), skipping, and going back (a
choice, or Esc). The answers are numbered from 1; the other choices have the
same letter in every question (:data:`~ictbekwaam.ui.protocol.LETTER_KEYS`).
"""

from __future__ import annotations

from typing import Optional

from ictbekwaam.core.interview import LONG_MAX, OVER_JOU, SHORT_MAX, Interview, Nav, Step
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, TOEGEVOEGD, Kader
from ictbekwaam.model.result import Evidence
from ictbekwaam.ui.protocol import BACK_KEY, EXPLAIN_KEY, SEPARATOR, SKIP_KEY, MenuChoice, Ui


def shown_answer(interview: Interview, step: Step, *, plain: bool) -> str:
    """The current answer of ``step`` as shown: ``3 · Bekwaam``; plain, in words: ``niveau 3 van 4, Bekwaam``."""
    value = interview.value(step)
    if plain and step.kind == "item" and isinstance(value, int) and not isinstance(value, bool):
        levels = [o for o in interview.options(step) if isinstance(o.value, int)]
        label = next((o.label for o in levels if o.value == value), "")
        top = max((o.value for o in levels), default=value)  # type: ignore[type-var]
        return f"niveau {value} van {top}, {label}" if label else f"niveau {value} van {top}"
    return interview.value_text(step)


class Questions:
    """Asks the steps of one interview and records the answers in it."""

    def __init__(self, kader: Kader, ui: Ui, interview: Interview) -> None:
        self.kader = kader
        self.ui = ui
        self.interview = interview
        self.shown_section: Optional[str] = None

    def ask(self, step: Step) -> None:
        """Ask ``step`` and record the answer (or the skip, or go back)."""
        if step.kind == "item":
            self._ask_item(step)
        elif step.kind == "evidence":
            self._ask_evidence(step)
        else:
            self._ask_context(step)

    def forget_section(self) -> None:
        """Introduce the next section again (after the overview)."""
        self.shown_section = None

    def _intro(self, step: Step) -> None:
        if step.section == self.shown_section:
            return
        self.shown_section = step.section
        ui = self.ui
        ui.heading(step.section_title.upper() if not ui.is_plain() else step.section_title)
        if step.section == OVER_JOU:
            ui.say("Eerst een paar vragen over jou. Alles mag leeg blijven; het staat alleen in jouw resultaat.")
        elif step.section == BASISVAARDIGHEDEN:
            ui.say(
                "Digitale basisvaardigheden zijn voorwaardelijk om ict effectief in je onderwijs te gebruiken. "
                "Geef per vaardigheid aan of je die beheerst: ja, deels of nee."
            )
        else:
            kerntaak = self.kader.kerntaak(step.section)
            if kerntaak is not None:
                ui.say(kerntaak.omschrijving)
            ui.say("Kies per stelling het niveau dat nu bij jou past, of 'niet van toepassing'.")

    def _begin(self, step: Step) -> None:
        """The section's introduction (once) and where we are."""
        self._intro(step)
        progress = self.interview.progress(step)
        self.ui.heading(progress.section, progress.label)

    def _back(self) -> None:
        self.ui.echo("terug naar de vorige vraag")
        self.interview.back()

    def _ask_item(self, step: Step) -> None:
        interview = self.interview
        assert step.item is not None
        self._begin(step)
        item = step.item
        plain = self.ui.is_plain()
        if item.onderdeel:
            self.ui.say(f"{item.id}, {item.onderdeel}" if plain else f"{item.id} · {item.onderdeel}", "dim")
        self.ui.say(item.stelling, "bold")
        current = interview.value(step)
        options = interview.options(step)
        dash = ": " if plain else " – "
        choices = [
            MenuChoice(o.value, f"{o.label}{dash}{o.description}" if o.description else o.label, str(i))
            for i, o in enumerate(options, start=1)
        ]
        # Skipping leaves the question open; with an answer already given, that means wiping it: say so.
        skip = "Overslaan (staat later open in het overzicht)" if current is None else "Antwoord wissen (de vraag staat dan open)"
        choices += [
            SEPARATOR,
            MenuChoice(Nav.EXPLAIN, "Toelichting bij deze vraag", EXPLAIN_KEY),
            MenuChoice(Nav.SKIP, skip, SKIP_KEY),
        ]
        can_go_back = interview.position > 0
        if can_go_back:
            choices.append(MenuChoice(Nav.BACK, "Vorige vraag", BACK_KEY))
        message = "Jouw antwoord"
        if current is not None:
            message += f" (nu: {shown_answer(interview, step, plain=plain)})"
        explained = False
        while True:
            picked = self.ui.choose(message, choices, default=current, back=can_go_back)
            if picked is not Nav.EXPLAIN:
                break
            if explained:  # once per visit: the same block again would only push the question away
                self.ui.say(f"De toelichting bij {item.id} staat hierboven.", "dim")
            else:
                self._explain(step)
                explained = True
        if picked is Nav.BACK:
            self._back()
        elif picked is Nav.SKIP:
            interview.skip()
            self.ui.echo("overgeslagen: deze vraag staat open" if current is None else "antwoord gewist: deze vraag staat open")
        else:
            interview.answer(picked)
            self.ui.echo(f"je antwoord: {shown_answer(interview, step, plain=True)}" if plain else interview.value_text(step))

    def _explain(self, step: Step) -> None:
        item = step.item
        assert item is not None
        self.ui.say()
        self.ui.say("Toelichting", "bold")
        self.ui.say(item.toelichting)
        self.ui.say(f"Bron: {self.kader.meta.titel}, {item.bron}.", "dim")
        if item.referenties:
            self.ui.say(f"Referenties in het Kader: {'; '.join(item.referenties)}.", "dim")
        self.ui.say(f"Stelling en toelichting: {TOEGEVOEGD}; tussen “ en ” staat het Kader, letterlijk.", "dim")
        examples = self.kader.examples_for(item.id)
        if examples:
            self.ui.say("Voorbeelden uit het Kader: " + "; ".join(v.titel for v in examples) + ".", "dim")
        self.ui.say()

    def _ask_context(self, step: Step) -> None:
        interview = self.interview
        assert step.field is not None
        self._begin(step)
        can_go_back = interview.position > 0
        current = interview.value(step)
        if step.key == "sector":
            choices = [MenuChoice(o.value, o.label, str(i)) for i, o in enumerate(interview.options(step), start=1)]
            if can_go_back:
                choices += [SEPARATOR, MenuChoice(Nav.BACK, "Vorige vraag", BACK_KEY)]
            picked = self.ui.choose(step.field.question, choices, default=current, back=can_go_back)
        else:
            picked = self.ui.text(
                step.field.question, default=str(current or ""), limit=SHORT_MAX, hint=step.field.hint, back=can_go_back
            )
        if picked is Nav.BACK:
            self._back()
            return
        interview.answer(picked)
        self.ui.echo(f"{step.field.label}: {interview.value_text(step) or '(leeg)'}")

    def _ask_evidence(self, step: Step) -> None:
        interview = self.interview
        self._begin(step)
        kerntaak = self.kader.kerntaak(step.key)
        self.ui.say(
            "Heb je een voorbeeld uit je eigen praktijk waarin ict bij deze kerntaak echt iets toevoegde? "
            "Beschrijf het kort; het helpt in je POP-gesprek."  # that it may stay empty: once, in the heading above
        )
        ideas = [v.titel for v in self.kader.voorbeelden if kerntaak is not None and v.kerntaak == kerntaak.id]
        if ideas:
            more = " en meer (zie: ictbekwaam kader)" if len(ideas) > 5 else ""
            self.ui.say("Ter inspiratie, voorbeelden uit het Kader: " + "; ".join(ideas[:5]) + more + ".", "dim")
        current = interview.value(step)
        existing = current if isinstance(current, Evidence) else Evidence()
        while True:
            voorbeeld = self.ui.text(
                "Je voorbeeld: wat deed je?", default=existing.voorbeeld, limit=LONG_MAX
            )
            if voorbeeld is Nav.BACK:
                self._back()
                return
            if not voorbeeld.strip():
                interview.answer(None)
                self.ui.echo("geen eigen voorbeeld")
                return
            meerwaarde = self.ui.text(
                "En de meerwaarde: wat voegde ict hier toe?", default=existing.meerwaarde, limit=LONG_MAX, hint="mag leeg blijven"
            )
            if meerwaarde is Nav.BACK:
                existing = Evidence(voorbeeld=voorbeeld, meerwaarde=existing.meerwaarde)
                continue
            interview.answer(Evidence(voorbeeld=voorbeeld, meerwaarde=meerwaarde))
            self.ui.echo("eigen voorbeeld bewaard")
            return
