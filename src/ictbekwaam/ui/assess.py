"""The interactive assessment from start to end: :func:`run_assess`.

:func:`run_assess` starts an :class:`~ictbekwaam.core.interview.Interview`
(:mod:`ictbekwaam.ui.start`), asks it step by step (:mod:`ictbekwaam.ui.walk`)
up to the overview (:mod:`ictbekwaam.ui.overview`), saves the result and shows
the end screen (:mod:`ictbekwaam.ui.end`). It talks to the teacher only through
a :class:`~ictbekwaam.ui.protocol.Ui` and saves the draft after every answer, so
that Ctrl-C, a closed terminal or a crash never loses one. The whole session
holds the lock on the data folder's drafts (:mod:`ictbekwaam.files.lock`), so
that a second run cannot overwrite them: it refuses. All text is Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ictbekwaam import safe
from ictbekwaam.core.interview import Interview
from ictbekwaam.errors import Cancelled, ExitCode, IctbekwaamError
from ictbekwaam.files.lock import holder_of
from ictbekwaam.files.storage import Store
from ictbekwaam.model.kader import Kader
from ictbekwaam.model.result import Result
from ictbekwaam.ui.end import Commands, show_end
from ictbekwaam.ui.overview import Overview
from ictbekwaam.ui.protocol import Ui
from ictbekwaam.ui.start import begin
from ictbekwaam.ui.walk import Questions

if TYPE_CHECKING:
    from ictbekwaam.model.targets import Targets


class Hangup(SystemExit):
    """The terminal was closed (SIGHUP): stop at once, the draft is already saved.

    A SystemExit (with exit code 129), not just a BaseException: raised by the
    signal handler in whatever code runs, possibly a task of the menu's event
    loop, and asyncio lets only SystemExit and KeyboardInterrupt out of a task;
    any other exception there ends up in prompt_toolkit's "Press ENTER to
    continue", and the program would hang on a terminal that is gone.
    """

    def __init__(self) -> None:
        super().__init__(ExitCode.HANGUP)


@dataclass
class Outcome:
    """How :func:`run_assess` ended.

    Attributes:
        path: the saved result file, or None when the teacher stopped first.
        result: the saved result, or None.
    """

    path: Optional[Path] = None
    result: Optional[Result] = None


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
        ui: how to ask: :class:`~ictbekwaam.ui.prompts.MenuUi`, :class:`~ictbekwaam.ui.prompts.PlainUi`
            or any other :class:`~ictbekwaam.ui.protocol.Ui`.
        start: ``ask`` (offer to continue a draft), ``resume`` (continue it) or ``new`` (start anew).
        targets: the school's targets for the profile at the end; None = the kader's standaarddoelen.
        commands: the options of this run, for the commands named on screen (continue, profile, pop).

    Returns:
        The saved result and its path, or an empty :class:`Outcome` when the teacher stopped.

    Raises:
        IctbekwaamError: another run has this data folder's drafts open (before anything is asked or changed).
        Cancelled: on Ctrl-C or closed input; the draft is saved and the message says how to continue.
        Hangup: when the terminal was closed (the caller exits quietly).
    """
    if targets is None:
        from ictbekwaam.model.targets import default_targets

        targets = default_targets(kader)
    resume_command = commands.resume()
    # Before the draft is read, offered or set aside (--new): until this session ends, it is ours alone.
    lock = store.lock_drafts()
    if lock is None:
        raise in_use(store, resume_command)
    with lock:
        if not lock.supported:
            ui.say(NO_LOCKING.format(folder=safe.text(str(store.root))), "yellow")
        return _session(kader, store, ui, start, targets, commands, resume_command)


NO_LOCKING = (
    "Let op: in {folder} kan ictbekwaam je concept niet vergrendelen (dat kan niet op elke netwerkschijf). "
    "Open de zelfevaluatie daar niet in twee vensters tegelijk: dan overschrijven ze elkaars antwoorden."
)


def in_use(store: Store, resume_command: str) -> IctbekwaamError:
    """The refusal of a second run: another one has this data folder's drafts open."""
    holder = holder_of(store.lock_path)
    which = f" (ictbekwaam assess, proces {holder})" if holder is not None else ""
    return IctbekwaamError(
        f"er is al een zelfevaluatie open met deze gegevensmap{which}:\n  {safe.text(str(store.root))}\n"
        "Twee tegelijk zouden elkaars antwoorden overschrijven; daarom begint deze niet. Ga verder in het "
        "venster waarin die open is. Of stop daar eerst (je antwoorden blijven bewaard) en ga dan hier verder "
        f"met: {resume_command}"
    )


def _session(
    kader: Kader, store: Store, ui: Ui, start: str, targets: "Targets", commands: Commands, resume_command: str
) -> Outcome:
    """:func:`run_assess` once the lock is held."""
    interview: Optional[Interview] = None
    store.check_respondent_files()  # a damaged one must not cost a teacher 15 minutes
    try:
        interview = begin(kader, store, ui, start)
        if interview is None:
            if store.has_draft():
                ui.say(f"Tot later. Je concept blijft bewaard; ga verder met: {resume_command}")
            else:
                ui.say("Tot een volgende keer.")
            return Outcome()
        store.save_draft(interview.snapshot())
        action = _walk(kader, ui, interview, store)
        if action == "stop":
            ui.say()
            ui.say(f"Je antwoorden zijn bewaard. Ga later verder met: {resume_command}")
            return Outcome()
        # The id follows the name, now that it is final: the draft's id was provisional.
        result = store.with_respondent_id(interview.finish())
        path = store.save_result(result)
        store.remove_draft()
        show_end(ui.show, result, kader, targets, path, commands, plain=ui.is_plain())
        return Outcome(path, result)
    except (KeyboardInterrupt, EOFError):
        if interview is not None:
            store.save_draft(interview.snapshot())
        raise _cancelled(store, interview, resume_command) from None
    except Hangup:
        if interview is not None:
            store.save_draft(interview.snapshot())
        raise


def _walk(kader: Kader, ui: Ui, interview: Interview, store: Store) -> str:
    """Ask steps, saving the draft after each, until the teacher saves (``save``) or stops (``stop``) at the overview."""
    questions = Questions(kader, ui, interview)
    overview = Overview(ui, interview)
    while True:
        step = interview.current()
        if step is None:
            questions.forget_section()
            action = overview.ask()
            if action in ("save", "stop"):
                return action
        else:
            questions.ask(step)
        store.save_draft(interview.snapshot())


def _cancelled(store: Store, interview: Optional[Interview], resume_command: str) -> Cancelled:
    """The error to raise on Ctrl-C: says where the answers are and how to continue."""
    if interview is None:
        if store.has_draft():
            return Cancelled(f"Gestopt. Je concept staat nog in {safe.text(str(store.draft_path))}.\nGa verder met: {resume_command}")
        return Cancelled("Gestopt. Er is nog niets opgeslagen.")
    return Cancelled(f"Gestopt. Je antwoorden zijn bewaard in {safe.text(str(store.draft_path))}.\nGa verder met: {resume_command}")
