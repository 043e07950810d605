"""Dates in a result file must be possible: not before 2000, not more than a day ahead, not updated before created."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import msgspec
import pytest
from builders import everything, make_result

from ictbekwaam.errors import DataError
from ictbekwaam.model.result import date_problems, decode, encode

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def dated(kader, created: datetime, updated: datetime):
    return msgspec.structs.replace(make_result(kader, everything(kader, 3)), created_at=created, updated_at=updated)


def test_a_normal_result_has_no_date_problem(kader):
    assert date_problems(dated(kader, NOW - timedelta(days=30), NOW - timedelta(days=29)), NOW) == []


def test_a_clock_a_few_hours_ahead_is_tolerated(kader):
    ahead = NOW + timedelta(hours=23)
    assert date_problems(dated(kader, ahead, ahead), NOW) == []


@pytest.mark.parametrize(
    ("created", "updated", "path", "message"),
    [
        (
            datetime(2099, 1, 1, tzinfo=timezone.utc),
            datetime(2099, 1, 1, tzinfo=timezone.utc),
            "created_at",
            "2099-01-01T00:00+00:00 ligt in de toekomst; stond de klok van de computer goed toen dit werd opgeslagen?",
        ),
        (
            NOW - timedelta(days=1),
            NOW + timedelta(days=2),
            "updated_at",
            "2026-11-27T12:00+00:00 ligt in de toekomst; stond de klok van de computer goed toen dit werd opgeslagen?",
        ),
        (
            datetime(1, 1, 1, tzinfo=timezone.utc),
            NOW,
            "created_at",
            "0001-01-01T00:00+00:00 ligt vóór 2000; zo oud kan een resultaat niet zijn",
        ),
        (
            NOW,
            NOW - timedelta(minutes=1),
            "updated_at",
            "2026-11-25T11:59+00:00 ligt vóór het begin van de zelfevaluatie (created_at 2026-11-25T12:00+00:00)",
        ),
    ],
)
def test_impossible_dates_are_named(kader, created, updated, path, message):
    assert date_problems(dated(kader, created, updated), NOW)[0] == (path, message)


def test_decode_refuses_an_impossible_date_with_its_place(kader):
    future = datetime.now(timezone.utc) + timedelta(days=3)
    data = encode(dated(kader, future, future))
    with pytest.raises(DataError) as caught:
        decode(data, "toekomst.json")
    place, message = caught.value.problems[0]
    assert (str(place.file), place.path) == ("toekomst.json", "created_at")
    assert "ligt in de toekomst" in message
