"""The walk through a self-assessment, without any user interface.

An :class:`Interview` is the state of one assessment: the list of steps (the
context questions, the basisvaardigheden checklist, the statements of kerntaak
A, B and C, and per kerntaak an optional own example), the current position,
and the :class:`~ictbekwaam.model.result.Result` built so far. A user interface asks
the current step and calls :meth:`Interview.answer`, :meth:`Interview.skip` or
:meth:`Interview.back`; after every call :meth:`Interview.snapshot` is the
draft to save. Position ``len(steps)`` is the overview, where any answer can be
changed (:meth:`Interview.goto`) before :meth:`Interview.finish`. Skipped
questions are absent from ``Result.answers``; the overview lists them as open.
Nothing here reads input or prints.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Literal, Optional, Union

import msgspec

from ictbekwaam import dutch
from ictbekwaam.model.kader import BASISVAARDIGHEDEN, Item, Kader
from ictbekwaam.model.result import SECTOR_LABELS, Evidence, Result, check_answers, kader_ref, now
from ictbekwaam.core.versions import VersionGap, version_gap

SHORT_MAX = 200  # Result.ShortText
LONG_MAX = 5000  # Result.LongText

OVER_JOU = "over-jou"
OVER_JOU_TITLE = "Over jou"


@dataclass(frozen=True)
class ContextField:
    """A context question (all optional)."""

    key: Literal["naam", "school", "team", "sector", "rol"]
    label: str
    question: str
    hint: str = ""


CONTEXT_FIELDS: tuple[ContextField, ...] = (
    ContextField("naam", "Naam", "Je naam of een schuilnaam", "mag leeg blijven; staat alleen in je eigen resultaatbestand"),
    ContextField("school", "School", "Je school", "bijvoorbeeld: OBS De Brug"),
    ContextField("team", "Team", "Je team of sectie", "bijvoorbeeld: bovenbouw, sectie Nederlands"),
    ContextField("sector", "Sector", "In welke sector werk je?"),
    ContextField("rol", "Rol", "Je rol", "bijvoorbeeld: leraar, i-coach, intern begeleider"),
)


class Nav(Enum):
    """What a user can choose besides an answer."""

    BACK = "vorige"
    SKIP = "overslaan"
    EXPLAIN = "toelichting"


class Mode(Enum):
    """Where the interview goes after an answer.

    WALK: to the next question. FIX: back to the overview (one answer changed
    from the overview). OPEN: to the next open question, then the overview.
    """

    WALK = "walk"
    FIX = "fix"
    OPEN = "open"


@dataclass(frozen=True)
class Step:
    """One question of the walk.

    Attributes:
        kind: ``context`` (about the teacher), ``item`` (a statement) or ``evidence``.
        key: the context field, the item id or the kerntaak id.
        section: ``over-jou``, ``basisvaardigheden`` or a kerntaak id.
        section_title: Dutch heading of the section.
        item: the kader item, for ``item`` steps.
        number: 1-based number among all items (``vraag 7 van 33``), for item steps.
        field: the context field, for context steps.
    """

    kind: Literal["context", "item", "evidence"]
    key: str
    section: str
    section_title: str
    item: Optional[Item] = None
    number: int = 0
    field: Optional[ContextField] = None


@dataclass(frozen=True)
class Option:
    """An answer a user can choose.

    Attributes:
        value: what is stored (a level, the nvt code, a checklist or sector code; None = empty).
        label: short Dutch label.
        description: one line that says when to choose it.
        short: the short form shown in lists (``3``, ``ja``).
    """

    value: Union[int, str, None]
    label: str
    description: str = ""
    short: str = ""


@dataclass(frozen=True)
class Progress:
    """Where the user is, for the line above each question."""

    section: str
    label: str  # "vraag 7 van 33", "1 van 5", "eigen voorbeeld"


@dataclass(frozen=True)
class OverviewRow:
    """One line of the overview: a question and its current answer."""

    index: int
    step: Step
    answer: str  # Dutch text of the answer, "" when open
    is_open: bool


def section_title(kader: Kader, section: str) -> str:
    """The Dutch heading of a section (``Kerntaak A: Pedagogisch-didactisch handelen``)."""
    if section == OVER_JOU:
        return OVER_JOU_TITLE
    if section == BASISVAARDIGHEDEN:
        return kader.basisvaardigheden.naam
    kerntaak = kader.kerntaak(section)
    return f"Kerntaak {section}: {kerntaak.naam}" if kerntaak else section


def build_steps(kader: Kader) -> list[Step]:
    """Every step of the walk, in order."""
    steps = [
        Step("context", f.key, OVER_JOU, OVER_JOU_TITLE, field=f) for f in CONTEXT_FIELDS
    ]
    number = 0
    for item in kader.basisvaardigheden.items:
        number += 1
        steps.append(Step("item", item.id, BASISVAARDIGHEDEN, kader.basisvaardigheden.naam, item=item, number=number))
    for kerntaak in kader.kerntaken:
        title = section_title(kader, kerntaak.id)
        for item in kerntaak.items:
            number += 1
            steps.append(Step("item", item.id, kerntaak.id, title, item=item, number=number))
        steps.append(Step("evidence", kerntaak.id, kerntaak.id, title))
    return steps


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Strip and remove control characters (terminal escapes), so text is only ever text."""
    kept = []
    for char in value:
        if char in "\n\t" and multiline:
            kept.append(char)
        elif char in "\n\t\r" or unicodedata.category(char) in ("Zl", "Zp"):
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs") and char != "\u200d":
            continue
        else:
            kept.append(char)
    return "".join(kept).strip()


def item_options(kader: Kader, section: str) -> list[Option]:
    """The answers to an item of ``section``: checklist options, or levels plus nvt."""
    if section == BASISVAARDIGHEDEN:
        return [Option(o.code, o.label, o.omschrijving, o.code) for o in kader.checklist.opties]
    options = [Option(n.waarde, n.label, n.omschrijving, str(n.waarde)) for n in kader.schaal.niveaus]
    nvt = kader.schaal.niet_van_toepassing
    options.append(Option(nvt.code, nvt.label, nvt.omschrijving, nvt.code))
    return options


def sector_options() -> list[Option]:
    """The sectors, plus leaving it empty."""
    options = [Option(code, label, "", code) for code, label in SECTOR_LABELS.items()]
    options.append(Option(None, "Laat ik leeg", "", ""))
    return options


def answer_text(kader: Kader, section: str, value: object) -> str:
    """Dutch text of a stored answer (``3 · Bekwaam``, ``Deels``), "" when None."""
    if value is None:
        return ""
    for option in item_options(kader, section):
        if option.value == value and not isinstance(value, bool):
            if isinstance(value, int):
                return f"{value} · {option.label}"
            return option.label
    return str(value)


class Interview:
    """The state of one assessment: steps, position, answers.

    Attributes:
        kader: the kader being assessed.
        steps: every question, in order (:func:`build_steps`).
        result: the answers so far (a draft until :meth:`finish`).
        position: index into ``steps``; ``len(steps)`` is the overview.
        mode: where to go after an answer (:class:`Mode`).
    """

    def __init__(self, kader: Kader, result: Result) -> None:
        self.kader = kader
        self.steps = build_steps(kader)
        self.result = result
        self.position = min(max(result.position, 0), len(self.steps))
        self.mode = Mode.FIX if self._was_fixing() else Mode.WALK
        self._sections = {s.key: s.section for s in self.steps if s.kind == "item"}

    def _was_fixing(self) -> bool:
        # A draft keeps no mode. One standing before the last statement while that has an answer was changing
        # an answer from the overview (a walk leaves it open till the end): back to the overview after it.
        last = max((n for n, step in enumerate(self.steps) if step.kind == "item"), default=-1)
        return 0 <= self.position < last and self.steps[last].key in self.result.answers

    # --- where we are ------------------------------------------------------
    @property
    def overview_position(self) -> int:
        """The position of the overview (one past the last step)."""
        return len(self.steps)

    @property
    def total_items(self) -> int:
        """The number of statements (``33``)."""
        return sum(1 for s in self.steps if s.kind == "item")

    def at_overview(self) -> bool:
        """Whether the walk is at the overview."""
        return self.position >= len(self.steps)

    def current(self) -> Optional[Step]:
        """The current step, or None at the overview."""
        return None if self.at_overview() else self.steps[self.position]

    def progress(self, step: Optional[Step] = None) -> Progress:
        """Section and ``vraag 7 van 33`` for a step (default: the current one)."""
        step = step or self.current()
        if step is None:
            return Progress("Overzicht", f"{self.answered_count()} van {dutch.count(self.total_items, 'vraag', 'vragen')} beantwoord")
        if step.kind == "item":
            return Progress(step.section_title, f"vraag {step.number} van {self.total_items}")
        if step.kind == "context":
            number = [f.key for f in CONTEXT_FIELDS].index(step.key) + 1
            return Progress(step.section_title, f"{number} van {len(CONTEXT_FIELDS)}")
        return Progress(step.section_title, "eigen voorbeeld (mag leeg blijven)")

    def answered_count(self) -> int:
        """How many statements have an answer."""
        return sum(1 for s in self.steps if s.kind == "item" and s.key in self.result.answers)

    def options(self, step: Step) -> list[Option]:
        """The answers for a step with choices (item or sector); [] for free text."""
        if step.kind == "item":
            return item_options(self.kader, step.section)
        if step.kind == "context" and step.key == "sector":
            return sector_options()
        return []

    def value(self, step: Step) -> object:
        """The current answer of a step: an item value, a text, an Evidence, or None."""
        if step.kind == "item":
            return self.result.answers.get(step.key)
        if step.kind == "evidence":
            return self.result.evidence.get(step.key)
        if step.key == "naam":
            return self.result.respondent.naam
        return getattr(self.result.context, step.key)

    def value_text(self, step: Step) -> str:
        """Dutch text of a step's current answer; "" when open or empty."""
        value = self.value(step)
        if value is None:
            return ""
        if step.kind == "item":
            return answer_text(self.kader, step.section, value)
        if step.kind == "evidence":
            assert isinstance(value, Evidence)
            text = value.voorbeeld
            if value.meerwaarde:
                text += f" (meerwaarde: {value.meerwaarde})"
            return text
        if step.key == "sector":
            return SECTOR_LABELS.get(str(value), str(value))
        return str(value)

    # --- moving ------------------------------------------------------------
    def answer(self, value: object) -> None:
        """Store ``value`` for the current step and move on.

        Items take a level, the nvt code or a checklist code; context fields a
        text (sector: ``po``/``vo``/``mbo``) or None; evidence an
        :class:`~ictbekwaam.model.result.Evidence` or None. Raises ValueError for a
        value the step does not allow.
        """
        step = self._require_step()
        self._store(step, value)
        self._advance()

    def skip(self) -> None:
        """Leave the current step open (its answer is removed) and move on."""
        step = self._require_step()
        self._store(step, None)
        self._advance()

    def back(self) -> None:
        """Go to the previous question (stays put at the first)."""
        if self.position > 0:
            self.position -= 1

    def goto(self, index: int, mode: Mode = Mode.FIX) -> None:
        """Go to step ``index`` (from the overview); after it, ``mode`` decides where next."""
        if not 0 <= index <= len(self.steps):
            raise IndexError(index)
        self.position = index
        self.mode = mode

    def to_overview(self) -> None:
        """Go to the overview."""
        self.position = len(self.steps)
        self.mode = Mode.WALK

    def start_open(self) -> bool:
        """Go to the first open statement, answering only open ones; False if none is open."""
        first = next((i for i, s in enumerate(self.steps) if self._is_open(s)), None)
        if first is None:
            return False
        self.goto(first, Mode.OPEN)
        return True

    def _advance(self) -> None:
        if self.mode is Mode.FIX:
            self.to_overview()
        elif self.mode is Mode.OPEN:
            following = next(
                (i for i in range(self.position + 1, len(self.steps)) if self._is_open(self.steps[i])), None
            )
            if following is None:
                self.to_overview()
            else:
                self.position = following
        else:
            self.position = min(self.position + 1, len(self.steps))

    def _require_step(self) -> Step:
        step = self.current()
        if step is None:
            raise ValueError("er is geen vraag: dit is het overzicht")
        return step

    # --- storing -----------------------------------------------------------
    def _store(self, step: Step, value: object) -> None:
        replace = msgspec.structs.replace
        result = self.result
        if step.kind == "item":
            answers = dict(result.answers)
            if value is None:
                answers.pop(step.key, None)
            else:
                allowed = [o.value for o in self.options(step)]
                if isinstance(value, bool) or value not in allowed:
                    raise ValueError(f"{value!r} is geen antwoord op {step.key}")
                answers[step.key] = value  # type: ignore[assignment]
            self.result = replace(result, answers=answers)
        elif step.kind == "evidence":
            evidence = dict(result.evidence)
            if value is None:
                evidence.pop(step.key, None)
            elif isinstance(value, Evidence):
                cleaned = Evidence(
                    voorbeeld=clean_text(value.voorbeeld, multiline=True)[:LONG_MAX],
                    meerwaarde=clean_text(value.meerwaarde, multiline=True)[:LONG_MAX],
                )
                if cleaned.voorbeeld or cleaned.meerwaarde:
                    evidence[step.key] = cleaned
                else:
                    evidence.pop(step.key, None)
            else:
                raise ValueError("een eigen voorbeeld is een Evidence")
            self.result = replace(result, evidence=evidence)
        else:
            text = None
            if value is not None:
                if not isinstance(value, str):
                    raise ValueError(f"{step.key} is tekst")
                text = clean_text(value)[:SHORT_MAX] or None
            if step.key == "sector" and text is not None and text not in SECTOR_LABELS:
                raise ValueError(f"{text!r} is geen sector (po, vo of mbo)")
            if step.key == "naam":
                self.result = replace(result, respondent=replace(result.respondent, naam=text))
            else:
                self.result = replace(result, context=replace(result.context, **{step.key: text}))

    def _is_open(self, step: Step) -> bool:
        return step.kind == "item" and step.key not in self.result.answers

    # --- overview and end --------------------------------------------------
    def open_steps(self) -> list[Step]:
        """The statements without an answer, in order."""
        return [s for s in self.steps if self._is_open(s)]

    def overview(self) -> list[OverviewRow]:
        """Every step with its current answer, for the overview."""
        return [
            OverviewRow(i, step, self.value_text(step), self._is_open(step)) for i, step in enumerate(self.steps)
        ]

    def sections(self) -> list[tuple[str, str]]:
        """(section id, Dutch title) in walk order, ``over-jou`` first."""
        seen: dict[str, str] = {}
        for step in self.steps:
            seen.setdefault(step.section, step.section_title)
        return list(seen.items())

    def _ordered(self) -> Result:
        """The result with answers and evidence in kader order (unknown ids last)."""
        order = {s.key: i for i, s in enumerate(self.steps)}
        answers = dict(sorted(self.result.answers.items(), key=lambda kv: order.get(kv[0], len(order))))
        evidence = dict(sorted(self.result.evidence.items(), key=lambda kv: order.get(kv[0], len(order))))
        return msgspec.structs.replace(self.result, answers=answers, evidence=evidence)

    def snapshot(self) -> Result:
        """The draft to save now: the answers, the position, a fresh ``updated_at``."""
        return msgspec.structs.replace(self._ordered(), position=self.position, updated_at=now(), complete=False)

    def finish(self) -> Result:
        """The result the teacher confirmed in the overview (``complete: true``)."""
        return msgspec.structs.replace(self._ordered(), position=0, updated_at=now(), complete=True)


def adopt_draft(draft: Result, kader: Kader) -> tuple[Result, list[str]]:
    """Make a draft fit ``kader`` before continuing it; return it and Dutch notes.

    A draft of another version of the same kader keeps every answer that is
    still valid (answers to items the kader no longer has are kept as they
    are: the result format allows them); answers whose value no longer fits
    are removed and named in the notes, so the teacher answers them again.
    When the kader's history knows that version, the notes say what was split
    or narrowed and which new statements are open, and the draft goes on at
    the step where it stood (its position counted that version's steps).
    """
    ref = kader_ref(kader)
    notes: list[str] = []
    if draft.kader == ref:
        return draft, notes
    check = check_answers(draft, kader)
    answers = dict(draft.answers)
    for path, _message in check.problems:
        if path.startswith("answers."):
            answers.pop(path.removeprefix("answers."), None)
    evidence = {k: v for k, v in draft.evidence.items() if kader.kerntaak(k) is not None}
    if draft.kader.id != ref.id:
        notes.append(
            f"Let op: je concept is begonnen met een ander kader ({draft.kader.id}); je gaat verder met "
            f"{ref.id}. Antwoorden op stellingen die dit kader niet heeft, blijven bewaard maar tellen niet mee."
        )
    else:
        notes.append(
            f"Je concept is begonnen met een andere versie van het kader ({draft.kader.versie}); "
            f"je gaat verder met versie {ref.versie}."
        )
    position = draft.position
    gap = version_gap(kader, draft.kader.id, draft.kader.versie, draft.kader.hash)
    if gap is not None and gap.known:
        notes += gap.sentences("antwoorden in je concept")
        asked = [i for i in gap.new if i not in answers]
        if asked:
            notes.append(f"Die nieuwe stellingen staan open in het overzicht: {dutch.join(asked)}.")
        position = _position_in(kader, gap, draft.position)
    removed = len(draft.answers) - len(answers)
    if removed:
        verb = "staat" if removed == 1 else "staan"
        notes.append(f"{dutch.count(removed, 'antwoord past', 'antwoorden passen')} niet bij deze versie en {verb} weer open.")
    adopted = msgspec.structs.replace(draft, kader=ref, answers=answers, evidence=evidence, position=position)
    return adopted, notes


def _position_in(kader: Kader, gap: VersionGap, old_position: int) -> int:
    """The step of ``kader`` where a draft of the earlier version stood (its position counts that version's steps).

    That version's steps are this kader's with each split item in the place of its
    first part, and without the items that are new since.
    """
    later = {part for w in gap.split for part in w.naar[1:]} | set(gap.added)
    steps = build_steps(kader)
    earlier = [n for n, step in enumerate(steps) if not (step.kind == "item" and step.key in later)]
    return earlier[old_position] if 0 <= old_position < len(earlier) else len(steps)
