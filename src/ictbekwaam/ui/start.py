"""The start of an assessment: a new one, or the draft continued or set aside.

:func:`begin` decides from the :class:`~ictbekwaam.files.storage.Store` and the
start option (``ask``, ``resume``, ``new``) whether to offer the unfinished
draft, continue it, or set it aside and welcome the teacher to a new one.
"""

from __future__ import annotations

from typing import Any, Optional

from ictbekwaam import dutch, safe
from ictbekwaam.core.interview import Interview, adopt_draft
from ictbekwaam.errors import DataError, Place
from ictbekwaam.files.storage import Store
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import Result, new_result
from ictbekwaam.ui.protocol import BACK_KEY, EXPLAIN_KEY, SKIP_KEY, MenuChoice, Ui

MINUTES = 15
_MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]
_TITLE = ("ictbekwaam", "zelfevaluatie ict-bekwaamheid")  # a heading and its detail: "·" between them, or a comma when plain


def dutch_datetime(moment: Any) -> str:
    """``22 november 2025 om 10:14`` (in the local time zone)."""
    moment = moment.astimezone()
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} om {moment:%H:%M}"


def begin(kader: Kader, store: Store, ui: Ui, start: str) -> Optional[Interview]:
    """Set up the interview, new or continued; None when the teacher chose to stop.

    Args:
        kader: the kader to assess against.
        store: where the draft and the respondent id are.
        ui: how to ask.
        start: ``ask`` (offer to continue a draft), ``resume`` (continue it) or ``new`` (set it aside).

    Raises:
        DataError: the draft is damaged; the message says how to start anew.
    """
    if start == "new":
        aside = store.set_draft_aside()
        if aside is not None:
            ui.say(f"Je vorige concept is bewaard als {aside}.")
    draft = _load_draft(store)
    offered = False
    if draft is not None and start == "ask":
        offered = True
        start = _offer_resume(kader, store, ui, draft)
        if start == "stop":
            return None
    if draft is not None and start == "new":  # chosen in the offer
        aside = store.set_draft_aside()
        ui.say(f"Je vorige concept is bewaard als {aside}.")
        draft = None
    if draft is None:
        if start == "resume":
            ui.say("Er is geen onafgemaakte zelfevaluatie om mee verder te gaan; je begint een nieuwe.")
        if not _welcome(kader, store, ui):
            return None
        # A provisional id: the name is not known yet; run_assess settles it before the result is saved.
        return Interview(kader, new_result(kader, store.respondent_id()))
    adopted, notes = adopt_draft(draft, kader)
    for note in notes:
        ui.say(note, "yellow")
    interview = Interview(kader, adopted)
    welcome = "Welkom terug. Je gaat verder waar je was"
    if not offered:
        welcome += f" ({interview.answered_count()} van {dutch.count(interview.total_items, 'vraag', 'vragen')} beantwoord)"
    ui.say(welcome + ".", "bold")
    return interview


def _load_draft(store: Store) -> Optional[Result]:
    try:
        return store.load_draft()
    except DataError as exc:
        raise DataError(
            exc.place,
            exc.problems[0][1],
            more=[
                *exc.problems[1:],
                (
                    Place(store.draft_path),
                    "je concept is beschadigd; begin opnieuw met 'ictbekwaam assess --new' "
                    "(het beschadigde concept blijft dan apart bewaard in je gegevensmap)",
                ),
            ],
        ) from None


def _offer_resume(kader: Kader, store: Store, ui: Ui, draft: Result) -> str:
    interview = Interview(kader, draft)
    ui.heading(*_TITLE)
    ui.say(
        f"Je hebt een zelfevaluatie die nog niet af is: begonnen op {dutch_datetime(draft.created_at)}, "
        f"{interview.answered_count()} van {dutch.count(interview.total_items, 'vraag', 'vragen')} beantwoord."
    )
    return ui.choose(
        "Wat wil je doen?",
        [
            MenuChoice("resume", "Verdergaan waar ik was", "1"),
            MenuChoice("new", "Opnieuw beginnen (dit concept blijft apart bewaard)", "2"),
            MenuChoice("stop", "Stoppen", "3"),
        ],
    )


def _welcome(kader: Kader, store: Store, ui: Ui) -> bool:
    total = sum(len(k.items) for k in kader.kerntaken) + len(kader.basisvaardigheden.items)
    kerntaken = ", ".join(k.id for k in kader.kerntaken[:-1]) + f" en {kader.kerntaken[-1].id}"
    ui.heading(*_TITLE)
    ui.say(
        f"Met deze vragenlijst bekijk je zelf hoe ict-bekwaam je bent, volgens het {kader.meta.titel} "
        f"({kader.meta.uitgever}). Eerst een paar vragen over jou (die mogen leeg blijven), dan de "
        f"digitale basisvaardigheden en de stellingen bij kerntaak {kerntaken}: {dutch.count(total, 'vraag', 'vragen')}, samen "
        f"ongeveer {MINUTES} minuten."
    )
    ui.say()
    if ui.is_plain():
        ui.say(
            f"Kiezen doe je door het nummer van je keuze te typen en op Enter te drukken; 1 is altijd het eerste "
            f"antwoord. Bij elke stelling kun je ook een letter typen: {EXPLAIN_KEY} voor de toelichting, {SKIP_KEY} om "
            f"over te slaan en {BACK_KEY} voor de vorige vraag. In een tekstveld typ je < voor de vorige vraag."
        )
    else:
        ui.say(
            "Kiezen doe je met de pijltjestoetsen of de toets voor je keuze, en dan Enter. Bij elke stelling: "
            f"{EXPLAIN_KEY} = toelichting, {SKIP_KEY} = overslaan, {BACK_KEY} of Esc = vorige vraag."
        )
    ui.say(
        "Je kunt altijd terug naar de vorige vraag, een vraag overslaan en aan het eind elk antwoord nog "
        "wijzigen. Stoppen kan altijd (Ctrl-C): je antwoorden worden na elke vraag bewaard en je gaat later "
        "verder waar je was."
    )
    ui.say()
    ui.say("Je antwoorden blijven op deze computer; ictbekwaam gebruikt geen internet. Tussendoor staan ze in:")
    ui.say(f"  {safe.text(str(store.draft_path))}")
    ui.say("Aan het eind komt je resultaat in een nieuw bestand in:")
    ui.say(f"  {safe.text(str(store.results_dir))}")
    ui.say()
    go = ui.choose(
        "Klaar om te beginnen?",
        [MenuChoice(True, "Beginnen", "1"), MenuChoice(False, "Stoppen", "2")],
    )
    return bool(go)
