"""A draft begun with kaderversie 1.0.0 and continued after the upgrade goes on where it stood, told what changed."""

from __future__ import annotations

import msgspec

from locations import ROOT
from ictbekwaam.core.interview import adopt_draft, build_steps
from ictbekwaam.model import result as results

OLD = ROOT / "tests" / "fixtures" / "kader-1.0.0"


def test_a_1_0_0_draft_resumes_at_the_same_statement_and_names_the_new_ones(kader):
    finished = results.decode((OLD / "resultaat.json").read_bytes(), "resultaat.json")
    steps = build_steps(kader)
    at_b1 = next(n for n, s in enumerate(steps) if s.kind == "item" and s.key == "B1")
    # In 1.0.0 four fewer statements came before B1: A2b, A4b, A7b and A14b (A2a, ... stand where A2, ... stood).
    draft = msgspec.structs.replace(finished, complete=False, position=at_b1 - 4)
    adopted, notes = adopt_draft(draft, kader)
    assert adopted.position == at_b1
    assert adopted.kader.versie == kader.meta.versie
    assert adopted.answers["A8"] == finished.answers["A8"]  # narrowed: the answer stays
    assert "A2" in adopted.answers  # kept as entered (the result format allows it), counted for nothing
    assert notes[0] == "Je concept is begonnen met een andere versie van het kader (1.0.0); je gaat verder met versie 1.1.0."
    assert any(n.startswith("Gesplitst omdat ze twee dingen vroegen: A2 in A2a en A2b;") for n in notes)
    assert "Die nieuwe stellingen staan open in het overzicht: A2a, A2b, A4a, A4b, A7a, A7b, A14a en A14b." in notes


def test_a_draft_at_its_first_step_or_past_the_end_stays_there(kader):
    finished = results.decode((OLD / "resultaat.json").read_bytes(), "resultaat.json")
    steps = build_steps(kader)
    for old_position, expected in ((0, 0), (10_000, len(steps))):
        adopted, _ = adopt_draft(msgspec.structs.replace(finished, complete=False, position=old_position), kader)
        assert adopted.position == expected
