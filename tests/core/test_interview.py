"""The walk as a pure state machine: steps, progress, answer/skip/back, overview, summary."""

from __future__ import annotations

import sys
import unicodedata

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ictbekwaam.model.kader import BASISVAARDIGHEDEN
from ictbekwaam.core.interview import (
    Interview,
    Mode,
    adopt_draft,
    build_steps,
    clean_text,
)
from ictbekwaam.model.result import Evidence, KaderRef, check_answers, new_result

RID = "r-" + "0" * 32


@pytest.fixture
def interview(kader):
    return Interview(kader, new_result(kader, RID))


def test_steps_follow_the_kader(kader):
    steps = build_steps(kader)
    kinds = [s.kind for s in steps]
    assert kinds[:5] == ["context"] * 5
    assert [s.key for s in steps[:5]] == ["naam", "school", "team", "sector", "rol"]
    items = [s for s in steps if s.kind == "item"]
    questions = len(kader.all_items())  # 10 basisvaardigheden and 26 statements
    assert [s.key for s in items] == [i.id for i in kader.all_items()]
    assert [s.number for s in items] == list(range(1, questions + 1))
    # Each kerntaak ends with its optional own example.
    evidence = [(i, s.key) for i, s in enumerate(steps) if s.kind == "evidence"]
    assert [k for _, k in evidence] == ["A", "B", "C"]
    for index, kerntaak_id in evidence:
        assert steps[index - 1].section == kerntaak_id
    assert len(steps) == 5 + questions + 3


def test_progress_names_section_and_number(interview, kader):
    questions = len(kader.all_items())
    interview.goto(5 + 6, Mode.WALK)
    progress = interview.progress()
    assert progress.section == "Digitale basisvaardigheden"
    assert progress.label == f"vraag 7 van {questions}"
    interview.goto(0, Mode.WALK)
    assert interview.progress().label == "1 van 5"
    interview.to_overview()
    assert interview.progress().section == "Overzicht"
    assert interview.progress().label == f"0 van {questions} vragen beantwoord"


def test_answer_skip_back(interview, kader):
    for _ in range(5):
        interview.answer(None)
    assert interview.current().key == "BV1"
    interview.answer("ja")
    interview.answer("deels")
    interview.back()
    assert interview.current().key == "BV2"
    assert interview.value(interview.current()) == "deels"
    interview.skip()  # leaves BV2 open: the answer is removed
    assert "BV2" not in interview.result.answers
    assert interview.current().key == "BV3"
    assert [s.key for s in interview.open_steps()][:2] == ["BV2", "BV3"]
    interview.back()
    interview.back()
    interview.back()
    assert interview.current().key == "rol"


def test_back_stays_at_the_first_question(interview):
    interview.back()
    assert interview.position == 0


def test_invalid_answers_are_refused(interview):
    for _ in range(5):
        interview.answer(None)
    with pytest.raises(ValueError):
        interview.answer(3)  # BV1 is a checklist item
    with pytest.raises(ValueError):
        interview.answer(True)
    interview.answer("nee")
    for _ in range(9):
        interview.answer("ja")
    assert interview.current().key == "A1"
    for bad in ("ja", 0, 5, True, "3"):
        with pytest.raises(ValueError):
            interview.answer(bad)
    interview.answer("nvt")
    assert interview.result.answers["A1"] == "nvt"


def test_context_answers(interview):
    interview.answer("  Sam  ")
    interview.answer("")
    interview.answer("Team\x1b[31m rood")
    with pytest.raises(ValueError):
        interview.answer("havo")
    interview.answer("mbo")
    interview.answer("x" * 500)
    result = interview.result
    assert result.respondent.naam == "Sam"
    assert result.context.school is None
    assert result.context.team == "Team[31m rood"  # the escape character is gone
    assert result.context.sector == "mbo"
    assert len(result.context.rol) == 200


def test_evidence(interview, kader):
    index = next(i for i, s in enumerate(interview.steps) if s.kind == "evidence" and s.key == "B")
    interview.goto(index, Mode.WALK)
    interview.answer(Evidence(voorbeeld="Ouders via het portaal", meerwaarde=""))
    assert interview.result.evidence["B"].voorbeeld == "Ouders via het portaal"
    assert interview.current().key == "C1"
    interview.back()
    interview.answer(None)
    assert "B" not in interview.result.evidence


def test_fix_mode_returns_to_the_overview(interview):
    interview.to_overview()
    index = next(i for i, s in enumerate(interview.steps) if s.key == "A3")
    interview.goto(index)
    interview.answer(2)
    assert interview.at_overview()
    assert interview.result.answers["A3"] == 2


def test_open_mode_visits_only_open_questions(interview, kader):
    # answer everything but BV4 and B2
    for step in interview.steps:
        if step.kind != "item" or step.key in ("BV4", "B2"):
            continue
        interview.goto(interview.steps.index(step), Mode.WALK)
        interview.answer(interview.options(step)[0].value)
    interview.to_overview()
    assert interview.start_open()
    assert interview.current().key == "BV4"
    interview.answer("nee")
    assert interview.current().key == "B2"
    interview.skip()
    assert interview.at_overview()
    assert [s.key for s in interview.open_steps()] == ["B2"]


def test_start_open_when_nothing_is_open(kader):
    answers = {i.id: ("ja" if kader.section_of(i.id) == BASISVAARDIGHEDEN else 3) for i in kader.all_items()}
    done = Interview(kader, msgspec.structs.replace(new_result(kader, RID), answers=answers))
    assert done.start_open() is False


def test_overview_rows(interview):
    interview.answer("Sam")
    rows = interview.overview()
    assert rows[0].answer == "Sam" and not rows[0].is_open
    bv1 = next(r for r in rows if r.step.key == "BV1")
    assert bv1.is_open and bv1.answer == ""
    assert len(rows) == len(interview.steps)


def test_snapshot_and_finish(interview):
    interview.answer("Sam")
    draft = interview.snapshot()
    assert draft.position == 1 and draft.complete is False
    done = interview.finish()
    assert done.complete is True and done.position == 0
    assert done.updated_at >= done.created_at


def test_position_of_a_draft_is_restored(kader):
    draft = msgspec.structs.replace(new_result(kader, RID), position=12)
    assert Interview(kader, draft).current().key == "BV8"
    beyond = msgspec.structs.replace(new_result(kader, RID), position=999)
    assert Interview(kader, beyond).at_overview()


def test_a_draft_stopped_while_changing_an_answer_goes_back_to_the_overview(kader):
    """Ctrl-C while changing A3 from the overview: resumed, A3 is asked and then the overview, not A4 and on."""
    answers = {i.id: ("ja" if kader.section_of(i.id) == BASISVAARDIGHEDEN else 3) for i in kader.all_items()}
    at_a3 = next(n for n, s in enumerate(build_steps(kader)) if s.key == "A3")
    fixing = Interview(kader, msgspec.structs.replace(new_result(kader, RID), answers=answers, position=at_a3))
    assert fixing.current().key == "A3" and fixing.mode is Mode.FIX
    fixing.answer(2)
    assert fixing.at_overview() and fixing.result.answers["A3"] == 2
    # A walk stopped halfway (the last statement still open) walks on, also after going back a few questions.
    halfway = {k: v for k, v in answers.items() if kader.section_of(k) in (BASISVAARDIGHEDEN, "A")}
    walking = Interview(kader, msgspec.structs.replace(new_result(kader, RID), answers=halfway, position=at_a3))
    assert walking.mode is Mode.WALK
    walking.answer(2)
    assert walking.current().key == "A4a"


def test_adopting_a_draft_of_another_kader_version(kader):
    draft = msgspec.structs.replace(
        new_result(kader, RID),
        kader=KaderRef(id=kader.meta.id, versie="0.9", hash="sha256:" + "1" * 64),
        answers={"BV1": "ja", "A1": 7, "OUD9": 2},
        evidence={"A": Evidence(voorbeeld="x"), "Z": Evidence(voorbeeld="y")},
    )
    adopted, notes = adopt_draft(draft, kader)
    assert adopted.kader.versie == kader.meta.versie
    assert adopted.answers == {"BV1": "ja", "OUD9": 2}  # A1's 7 fits no level: open again
    assert set(adopted.evidence) == {"A"}
    assert any("andere versie" in n for n in notes)
    assert "1 antwoord past niet bij deze versie en staat weer open." in notes
    assert not check_answers(adopted, kader).problems
    same, none = adopt_draft(new_result(kader, RID), kader)
    assert none == []


@given(st.lists(st.sampled_from(["answer", "skip", "back", "overview", "open"]), max_size=80), st.randoms())
def test_any_walk_keeps_a_valid_result(kader, moves, rnd):
    """Whatever a teacher does, the draft stays a valid result for this kader."""
    walk = Interview(kader, new_result(kader, RID))
    for move in moves:
        step = walk.current()
        if move == "overview":
            walk.to_overview()
        elif move == "open":
            walk.start_open()
        elif step is None:
            walk.goto(rnd.randrange(len(walk.steps)))
        elif move == "back":
            walk.back()
        elif move == "skip":
            walk.skip()
        else:
            options = walk.options(step)
            if options:
                walk.answer(rnd.choice(options).value)
            elif step.kind == "evidence":
                walk.answer(Evidence(voorbeeld="v", meerwaarde="m"))
            else:
                walk.answer("tekst")
        assert 0 <= walk.position <= len(walk.steps)
    draft = walk.snapshot()
    assert not check_answers(draft, kader).problems
    from ictbekwaam.model.result import decode, encode

    assert decode(encode(draft)) == draft


def _characters_in(ranges: list[tuple[int, int]], categories: set[str]) -> list[str]:
    return [chr(c) for low, high in ranges for c in range(low, high) if unicodedata.category(chr(c)) in categories]


# The characters clean_text must remove or replace, from the blocks where most of them live
# (control, format, surrogate, line and paragraph separators, spaces); any other code point comes
# from the uniform part. Not st.text(): that first tabulates all of Unicode, 5-9 s on a fresh checkout.
SPECIAL_CHARACTERS = _characters_in(
    [(0, 0x3000), (0xD800, 0xD808), (0xDFF8, 0xE000), (0xFE00, 0x10000), (0xE0000, 0xE0080)],
    {"Cc", "Cf", "Cs", "Zl", "Zp", "Zs"},
)
any_text = st.lists(
    st.sampled_from(SPECIAL_CHARACTERS) | st.integers(0x20, 0x7E).map(chr) | st.integers(0, sys.maxunicode).map(chr),
    max_size=40,
).map("".join)


@given(any_text)
def test_clean_text_never_keeps_control_characters(text):
    cleaned = clean_text(text)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in cleaned)
    assert not any(unicodedata.category(ch) == "Cf" and ch != "\u200d" for ch in cleaned)
    assert cleaned == cleaned.strip()
    assert clean_text("regel 1\nregel 2", multiline=True) == "regel 1\nregel 2"
    assert clean_text("a\u202eb\x07c") == "abc"  # right-to-left override and bell
