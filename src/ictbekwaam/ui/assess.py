"""The interactive assessment: welcome, the walk, the overview and the end screen.

:func:`run_assess` drives an :class:`~ictbekwaam.core.interview.Interview` with one
of the user interfaces of :mod:`ictbekwaam.ui.prompts` and saves the draft after
every answer, so that Ctrl-C, a closed terminal or a crash never loses one.
All text is Dutch. The end screen, :func:`show_end`, is the gap profile of
``ictbekwaam profile`` plus where the result file is.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from rich.console import Console
from rich.text import Text

from ictbekwaam.errors import Cancelled, DataError, Place
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Kader
from ictbekwaam.core.interview import (
    LONG_MAX,
    OVER_JOU,
    SHORT_MAX,
    Interview,
    Mode,
    Nav,
    Step,
    adopt_draft,
)
from ictbekwaam.ui.prompts import SEPARATOR, MenuChoice, MenuUi, PlainUi
from ictbekwaam.model.result import Evidence, Result, new_result
from ictbekwaam.files.storage import Store

if TYPE_CHECKING:
    from ictbekwaam.core.scoring import Profile
    from ictbekwaam.model.targets import Targets

Ui = Union[MenuUi, PlainUi]

MINUTES = 15
_MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]


@dataclass(frozen=True)
class Commands:
    """The commands named on screen (continue, look again, POP), with the same options as this run.

    Attributes:
        kader: the school's own kader (``--kader``), or None.
        doelen: the school's targets (``--doelen``), or None.
        out: the folder for results (``--out``), or None.
    """

    kader: Optional[Path] = None
    doelen: Optional[Path] = None
    out: Optional[Path] = None

    def _join(self, command: str, *args: str) -> str:
        parts = ["ictbekwaam"]
        if self.kader is not None:
            parts += ["--kader", shlex.quote(str(self.kader))]
        parts += [command, *args]
        if self.doelen is not None:
            parts += ["--doelen", shlex.quote(str(self.doelen))]
        return " ".join(parts)

    def resume(self) -> str:
        """``ictbekwaam assess --resume``, with --kader, --doelen and --out as given."""
        out = ["--out", shlex.quote(str(self.out))] if self.out is not None else []
        return self._join("assess", "--resume", *out)

    def profile(self, path: Path) -> str:
        """``ictbekwaam profile FILE``."""
        return self._join("profile", shlex.quote(str(path)))

    def pop(self, path: Path) -> str:
        """``ictbekwaam pop FILE -o pop.md``."""
        return self._join("pop", shlex.quote(str(path))) + " -o pop.md"


class Hangup(BaseException):
    """The terminal was closed (SIGHUP): stop at once, the draft is already saved."""


@dataclass
class Outcome:
    """How :func:`run_assess` ended.

    Attributes:
        path: the saved result file, or None when the teacher stopped first.
        result: the saved result, or None.
    """

    path: Optional[Path] = None
    result: Optional[Result] = None


def dutch_datetime(moment: Any) -> str:
    """``22 november 2025 om 10:14`` (in the local time zone)."""
    moment = moment.astimezone()
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} om {moment:%H:%M}"


class _Walk:
    """One run of the interactive assessment."""

    def __init__(self, kader: Kader, store: Store, ui: Ui, targets: "Targets", commands: Commands) -> None:
        self.kader = kader
        self.store = store
        self.ui = ui
        self.targets = targets
        self.commands = commands
        self.resume_command = commands.resume()
        self.interview: Optional[Interview] = None
        self.shown_section: Optional[str] = None

    # --- start ---------------------------------------------------------------------
    def start(self, start: str) -> bool:
        """Set up the interview (new or continued); False when the teacher chose to stop."""
        if start == "new":
            aside = self.store.set_draft_aside()
            if aside is not None:
                self.ui.say(f"Je vorige concept is bewaard als {aside}.")
        try:
            draft = self.store.load_draft()
        except DataError as exc:
            raise DataError(
                exc.place,
                exc.problems[0][1],
                more=[
                    *exc.problems[1:],
                    (
                        Place(self.store.draft_path),
                        "je concept is beschadigd; begin opnieuw met 'ictbekwaam assess --new' "
                        f"(het beschadigde concept wordt dan bewaard als {self.store.previous_draft_path.name})",
                    ),
                ],
            ) from None
        offered = False
        if draft is not None and start == "ask":
            offered = True
            start = self._offer_resume(draft)
            if start == "stop":
                return False
        if draft is not None and start == "new":  # chosen in the offer
            aside = self.store.set_draft_aside()
            self.ui.say(f"Je vorige concept is bewaard als {aside}.")
            draft = None
        if draft is None:
            if start == "resume":
                self.ui.say("Er is geen onafgemaakte zelfevaluatie om mee verder te gaan; je begint een nieuwe.")
            if not self._welcome():
                return False
            result = new_result(self.kader, self.store.respondent_id())
            self.interview = Interview(self.kader, result)
        else:
            adopted, notes = adopt_draft(draft, self.kader)
            for note in notes:
                self.ui.say(note, "yellow")
            self.interview = Interview(self.kader, adopted)
            welcome = "Welkom terug. Je gaat verder waar je was"
            if not offered:
                welcome += f" ({self.interview.answered_count()} van {self.interview.total_items} vragen beantwoord)"
            self.ui.say(welcome + ".", "bold")
        self.save()
        return True

    def _offer_resume(self, draft: Result) -> str:
        interview = Interview(self.kader, draft)
        self.ui.heading("ictbekwaam · zelfevaluatie ict-bekwaamheid")
        self.ui.say(
            f"Je hebt een zelfevaluatie die nog niet af is: begonnen op {dutch_datetime(draft.created_at)}, "
            f"{interview.answered_count()} van {interview.total_items} vragen beantwoord."
        )
        return self.ui.choose(
            "Wat wil je doen?",
            [
                MenuChoice("resume", "Verdergaan waar ik was", "1"),
                MenuChoice("new", f"Opnieuw beginnen (het concept wordt bewaard als {self.store.previous_draft_path.name})", "2"),
                MenuChoice("stop", "Stoppen", "3"),
            ],
        )

    def _welcome(self) -> bool:
        ui = self.ui
        total = sum(len(k.items) for k in self.kader.kerntaken) + len(self.kader.basisvaardigheden.items)
        kerntaken = ", ".join(k.id for k in self.kader.kerntaken[:-1]) + f" en {self.kader.kerntaken[-1].id}"
        ui.heading("ictbekwaam · zelfevaluatie ict-bekwaamheid")
        ui.say(
            f"Met deze vragenlijst bekijk je zelf hoe ict-bekwaam je bent, volgens het {self.kader.meta.titel} "
            f"({self.kader.meta.uitgever}). Eerst een paar vragen over jou (die mogen leeg blijven), dan de "
            f"digitale basisvaardigheden en de stellingen bij kerntaak {kerntaken}: {total} vragen, samen "
            f"ongeveer {MINUTES} minuten."
        )
        ui.say()
        if ui.plain:
            ui.say("Kiezen doe je door het nummer van je keuze te typen en op Enter te drukken.")
        else:
            ui.say("Kiezen doe je met de pijltjestoetsen of de toets voor je keuze, en dan Enter. Esc = vorige vraag.")
        ui.say(
            "Je kunt altijd terug naar de vorige vraag, een vraag overslaan en aan het eind elk antwoord nog "
            "wijzigen. Stoppen kan altijd (Ctrl-C): je antwoorden worden na elke vraag bewaard en je gaat later "
            "verder waar je was."
        )
        ui.say()
        ui.say("Je antwoorden blijven op deze computer; ictbekwaam gebruikt geen internet. Tussendoor staan ze in:")
        ui.say(f"  {self.store.draft_path}")
        ui.say("Aan het eind komt je resultaat in een nieuw bestand in:")
        ui.say(f"  {self.store.results_dir}")
        ui.say()
        go = ui.choose(
            "Klaar om te beginnen?",
            [MenuChoice(True, "Beginnen", "1"), MenuChoice(False, "Stoppen", "2")],
        )
        return bool(go)

    # --- saving ------------------------------------------------------------------------
    def save(self) -> None:
        """Save the draft as it is now."""
        if self.interview is not None:
            self.store.save_draft(self.interview.snapshot())

    def cancelled(self) -> Cancelled:
        """The error to raise on Ctrl-C: says where the answers are and how to continue."""
        if self.interview is None:
            if self.store.has_draft():
                return Cancelled(f"Gestopt. Je concept staat nog in {self.store.draft_path}.\nGa verder met: {self.resume_command}")
            return Cancelled("Gestopt. Er is nog niets opgeslagen.")
        return Cancelled(
            f"Gestopt. Je antwoorden zijn bewaard in {self.store.draft_path}.\nGa verder met: {self.resume_command}"
        )

    # --- the walk ----------------------------------------------------------------------
    def run(self) -> Outcome:
        """Ask steps until the teacher saves or stops at the overview."""
        interview = self.interview
        assert interview is not None
        while True:
            step = interview.current()
            if step is None:
                action = self._overview()
                if action == "save":
                    return self._finish()
                if action == "stop":
                    self.ui.say()
                    self.ui.say(f"Je antwoorden zijn bewaard. Ga later verder met: {self.resume_command}")
                    return Outcome()
            elif step.kind == "item":
                self._ask_item(step)
            elif step.kind == "evidence":
                self._ask_evidence(step)
            else:
                self._ask_context(step)
            self.save()

    def _intro(self, step: Step) -> None:
        if step.section == self.shown_section:
            return
        self.shown_section = step.section
        ui = self.ui
        ui.heading(step.section_title.upper() if not ui.plain else step.section_title)
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

    def _progress(self, step: Step) -> None:
        assert self.interview is not None
        progress = self.interview.progress(step)
        self.ui.heading(progress.section, progress.label)

    def _ask_item(self, step: Step) -> None:
        interview = self.interview
        assert interview is not None and step.item is not None
        self._intro(step)
        self._progress(step)
        item = step.item
        if item.onderdeel:
            self.ui.say(f"{item.id} · {item.onderdeel}", "dim")
        self.ui.say(item.stelling, "bold")
        current = interview.value(step)
        options = interview.options(step)
        choices = [
            MenuChoice(o.value, f"{o.label} – {o.description}" if o.description else o.label, str(i))
            for i, o in enumerate(options, start=1)
        ]
        choices += [
            SEPARATOR,
            MenuChoice(Nav.EXPLAIN, "Toelichting bij deze vraag", "t"),
            MenuChoice(Nav.SKIP, "Overslaan (staat later open in het overzicht)", "o"),
        ]
        can_go_back = interview.position > 0
        if can_go_back:
            choices.append(MenuChoice(Nav.BACK, "Vorige vraag", "v"))
        message = "Jouw antwoord"
        if current is not None:
            message += f" (nu: {interview.value_text(step)})"
        while True:
            picked = self.ui.choose(message, choices, default=current, back=can_go_back)
            if picked is Nav.EXPLAIN:
                self._explain(step)
                continue
            break
        if picked is Nav.BACK:
            self.ui.echo("terug naar de vorige vraag")
            interview.back()
        elif picked is Nav.SKIP:
            interview.skip()
            self.ui.echo("overgeslagen: deze vraag staat open")
        else:
            interview.answer(picked)
            self.ui.echo(interview.value_text(step))

    def _explain(self, step: Step) -> None:
        item = step.item
        assert item is not None
        self.ui.say()
        self.ui.say("Toelichting", "bold")
        self.ui.say(item.toelichting)
        self.ui.say(f"Bron: {self.kader.meta.titel}, {item.bron}.", "dim")
        examples = self.kader.examples_for(item.id)
        if examples:
            self.ui.say("Voorbeelden uit het Kader: " + "; ".join(v.titel for v in examples) + ".", "dim")
        self.ui.say()

    def _ask_context(self, step: Step) -> None:
        interview = self.interview
        assert interview is not None and step.field is not None
        self._intro(step)
        self._progress(step)
        can_go_back = interview.position > 0
        current = interview.value(step)
        if step.key == "sector":
            choices = [MenuChoice(o.value, o.label, str(i)) for i, o in enumerate(interview.options(step), start=1)]
            if can_go_back:
                choices += [SEPARATOR, MenuChoice(Nav.BACK, "Vorige vraag", "v")]
            picked = self.ui.choose(step.field.question, choices, default=current, back=can_go_back)
        else:
            picked = self.ui.text(
                step.field.question, default=str(current or ""), limit=SHORT_MAX, hint=step.field.hint, back=can_go_back
            )
        if picked is Nav.BACK:
            self.ui.echo("terug naar de vorige vraag")
            interview.back()
            return
        interview.answer(picked)
        self.ui.echo(f"{step.field.label}: {interview.value_text(step) or '(leeg)'}")

    def _ask_evidence(self, step: Step) -> None:
        interview = self.interview
        assert interview is not None
        self._intro(step)
        self._progress(step)
        kerntaak = self.kader.kerntaak(step.key)
        self.ui.say(
            "Heb je een voorbeeld uit je eigen praktijk waarin ict bij deze kerntaak echt iets toevoegde? "
            "Beschrijf het kort; het helpt in je POP-gesprek. Geen voorbeeld? Laat het leeg."
        )
        ideas = [v.titel for v in self.kader.voorbeelden if kerntaak is not None and v.kerntaak == kerntaak.id]
        if ideas:
            more = " en meer (zie: ictbekwaam kader)" if len(ideas) > 5 else ""
            self.ui.say("Ter inspiratie, voorbeelden uit het Kader: " + "; ".join(ideas[:5]) + more + ".", "dim")
        current = interview.value(step)
        existing = current if isinstance(current, Evidence) else Evidence()
        while True:
            voorbeeld = self.ui.text(
                "Je voorbeeld: wat deed je?", default=existing.voorbeeld, limit=LONG_MAX, hint="leeg laten = overslaan"
            )
            if voorbeeld is Nav.BACK:
                self.ui.echo("terug naar de vorige vraag")
                interview.back()
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

    # --- overview ----------------------------------------------------------------------
    def _overview(self) -> str:
        interview = self.interview
        assert interview is not None
        ui = self.ui
        self.shown_section = None
        progress = interview.progress()
        ui.heading("Overzicht van je antwoorden", progress.label)
        self._print_overview()
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

    def _print_overview(self) -> None:
        interview = self.interview
        assert interview is not None
        ui = self.ui
        rows = interview.overview()
        for section, title in interview.sections():
            ui.say()
            ui.say(title, "bold")
            mine = [r for r in rows if r.step.section == section]
            items = [r for r in mine if r.step.kind == "item"]
            if items and not ui.plain:
                id_width = max(len(r.step.key) for r in items)
                answer_width = min(26, max(len(r.answer or "open") for r in items))
                room = max(10, ui.console.width - id_width - answer_width - 4)
                for row in items:
                    stelling = row.step.item.stelling if row.step.item else ""
                    if len(stelling) > room:
                        stelling = stelling[: room - 1] + "…"
                    line = Text(f"{row.step.key:<{id_width}}  ", style="bold")
                    line.append(f"{stelling:<{room}}  ", style="dim")
                    line.append(row.answer or "open", style="yellow" if row.is_open else "")
                    line.no_wrap = True
                    line.overflow = "ellipsis"
                    ui.console.print(line)
            for row in mine:
                step = row.step
                if step.kind == "item":
                    if ui.plain:
                        stelling = step.item.stelling if step.item else ""
                        ui.say(f"{step.key}. {stelling} Antwoord: {row.answer or 'open'}.")
                    continue
                if step.kind == "evidence":
                    label, answer = "Eigen voorbeeld", row.answer or "(geen)"
                else:
                    label, answer = step.field.label if step.field else step.key, row.answer or "(leeg)"
                line = Text(f"{label}: {answer}", overflow="ellipsis", no_wrap=not ui.plain)
                ui.console.print(line)

    def _choose_change(self) -> bool:
        interview = self.interview
        assert interview is not None
        ui = self.ui
        sections = interview.sections()
        choices = [MenuChoice(sid, title, str(i)) for i, (sid, title) in enumerate(sections, start=1)]
        choices += [SEPARATOR, MenuChoice(None, "Terug naar het overzicht", "t")]
        section = ui.choose("Welk onderdeel?", choices)
        if section is None:
            return False
        width = ui.console.width
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

    # --- the end -----------------------------------------------------------------------
    def _finish(self) -> Outcome:
        interview = self.interview
        assert interview is not None
        result = interview.finish()
        path = self.store.save_result(result)
        self.store.remove_draft()
        show_end(self.ui.console, result, self.kader, self.targets, path, self.commands, plain=self.ui.plain)
        return Outcome(path, result)


def run_assess(
    kader: Kader,
    store: Store,
    ui: Ui,
    *,
    start: str = "ask",
    targets: "Targets | None" = None,
    commands: Commands = Commands(),
) -> Outcome:
    """The whole interactive assessment.

    Args:
        kader: the kader to assess against.
        store: where the draft, the respondent id and the result go.
        ui: :class:`~ictbekwaam.ui.prompts.MenuUi` or :class:`~ictbekwaam.ui.prompts.PlainUi`.
        start: ``ask`` (offer to continue a draft), ``resume`` (continue it) or ``new`` (start anew).
        targets: the school's targets for the profile at the end; None = the kader's standaarddoelen.
        commands: the options of this run, for the commands named on screen (continue, profile, pop).

    Returns:
        The saved result and its path, or an empty :class:`Outcome` when the teacher stopped.

    Raises:
        Cancelled: on Ctrl-C or closed input; the draft is saved and the message says how to continue.
        Hangup: when the terminal was closed (the caller exits quietly).
    """
    if targets is None:
        from ictbekwaam.model.targets import default_targets

        targets = default_targets(kader)
    walk = _Walk(kader, store, ui, targets, commands)
    try:
        if not walk.start(start):
            if store.has_draft():
                ui.say(f"Tot later. Je concept blijft bewaard; ga verder met: {walk.resume_command}")
            else:
                ui.say("Tot een volgende keer.")
            return Outcome()
        return walk.run()
    except (KeyboardInterrupt, EOFError):
        walk.save()
        raise walk.cancelled() from None
    except Hangup:
        walk.save()
        raise


def show_end(
    console: Console,
    result: Result,
    kader: Kader,
    targets: "Targets",
    path: Path,
    commands: Commands = Commands(),
    *,
    plain: bool = False,
) -> "Profile":
    """The end screen: the gap profile (the screen of ``ictbekwaam profile``) and where the result is.

    Returns the profile that was shown.
    """
    from ictbekwaam.render.profile.terminal import profile_renderable
    from ictbekwaam.core.scoring import score

    profile = score(result, kader, targets)
    console.print()
    console.print(Text("Klaar! Je zelfevaluatie is opgeslagen.", style="" if plain else "bold green"))
    console.print()
    console.print(profile_renderable(profile, plain=plain))
    console.print()
    console.print(Text("Je resultaat staat in:"))
    console.print(Text(f"  {path}", style="" if plain else "bold"), soft_wrap=True)
    console.print(
        Text(
            "Dit bestand is van jou. Bewaar het voor je POP-gesprek, of lever het in bij je i-coach "
            "als je school een teamoverzicht maakt."
        )
    )
    console.print(Text("Dit profiel later nog eens bekijken:"))
    console.print(Text(f"  {commands.profile(path)}"), soft_wrap=True)
    console.print(Text("Een concept-POP maken voor het gesprek met je leidinggevende:"))
    console.print(Text(f"  {commands.pop(path)}"), soft_wrap=True)
    return profile
