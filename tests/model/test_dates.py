"""Dates in a result file must be possible: not before 2000, not more than a day ahead, not updated before created."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import msgspec
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
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


offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
# Anywhere, and (where a shortcut would go wrong by a time zone's offset) within two days of now.
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2110, 1, 1)) | st.integers(
    min_value=-48 * 3600, max_value=48 * 3600
).map(lambda seconds: datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(seconds=seconds))


@given(moments, moments, offsets)
def test_the_fast_check_agrees_with_the_exact_one(kader_for_dates, created, updated, tz):
    """date_problems without ``at`` takes a shortcut (bounds cached per time zone); it must say the same."""
    result = dated(kader_for_dates, created.replace(tzinfo=tz), updated.replace(tzinfo=tz))
    now = datetime.now(timezone.utc)
    assume(all(abs(stamp - (now + timedelta(days=1))) > timedelta(minutes=5) for stamp in (result.created_at, result.updated_at)))
    assert date_problems(result) == date_problems(result, now)


@pytest.fixture(scope="module")
def kader_for_dates():
    from ictbekwaam.files.loader import load_kader

    return load_kader(None)


@pytest.mark.parametrize("hours", [-14, -5, 0, 1, 14])
@pytest.mark.parametrize("ahead", [-13, -2, 2, 13])  # hours past "a day from now"
def test_the_fast_check_is_exact_near_the_limit_in_every_time_zone(kader_for_dates, hours, ahead):
    tz = timezone(timedelta(hours=hours))
    stamp = (datetime.now(timezone.utc) + timedelta(days=1, hours=ahead)).astimezone(tz)
    result = dated(kader_for_dates, stamp - timedelta(hours=1), stamp)
    assert result.created_at.tzinfo is result.updated_at.tzinfo  # the fast check applies
    assert bool(date_problems(result)) is (ahead > 0)


def test_before_2000_is_in_the_time_zone_it_was_written_in(kader):
    new_year = datetime(2000, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))  # 1999 in UTC, 2000 where it was written
    assert date_problems(dated(kader, new_year, new_year), NOW) == []
    assert date_problems(dated(kader, new_year, new_year)) == []  # the fast check too


def test_times_that_differ_in_seconds_only_show_them(kader):
    created = datetime(2025, 1, 1, 10, 0, 0, 500_000, tzinfo=timezone.utc)
    updated = datetime(2025, 1, 1, 10, 0, 0, 200_000, tzinfo=timezone.utc)
    assert date_problems(dated(kader, created, updated), NOW) == [
        ("updated_at", "2025-01-01T10:00:00.200+00:00 ligt vóór het begin van de zelfevaluatie (created_at 2025-01-01T10:00:00.500+00:00)")
    ]
