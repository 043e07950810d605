"""The interactive assessment from start to end: :func:`run_assess`.

:func:`run_assess` starts an :class:`~ictbekwaam.core.interview.Interview`
(:mod:`ictbekwaam.ui.start`), asks it step by step (:mod:`ictbekwaam.ui.walk`)
up to the overview (:mod:`ictbekwaam.ui.overview`), saves the result and shows
the end screen (:mod:`ictbekwaam.ui.end`). It talks to the teacher only through
a :class:`~ictbekwaam.ui.protocol.Ui` and saves the draft after every answer, so
that Ctrl-C, a closed terminal or a crash never loses one. All text is Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ictbekwaam.core.interview import Interview
from ictbekwaam.errors import Cancelled, ExitCode
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
        Cancelled: on Ctrl-C or closed input; the draft is saved and the message says how to continue.
        Hangup: when the terminal was closed (the caller exits quietly).
    """
    if targets is None:
        from ictbekwaam.model.targets import default_targets

        targets = default_targets(kader)
    resume_command = commands.resume()
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
            return Cancelled(f"Gestopt. Je concept staat nog in {store.draft_path}.\nGa verder met: {resume_command}")
        return Cancelled("Gestopt. Er is nog niets opgeslagen.")
    return Cancelled(f"Gestopt. Je antwoorden zijn bewaard in {store.draft_path}.\nGa verder met: {resume_command}")
