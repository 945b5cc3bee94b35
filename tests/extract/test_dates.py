"""Dates resolved against the published date (a Tuesday, 17 Feb 2026, unless said otherwise)."""

from __future__ import annotations

import datetime

import pytest

from tests.extract.helpers import run


def dates(text: str, published: datetime.date = datetime.date(2026, 2, 17)):
    return [
        (s.text, str(s.start_date), str(s.end_date), s.precision)
        for s in run(text, published=published, kind="date")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Overnight, Russia used drones.", ("Overnight", "2026-02-16", "2026-02-17", "span")),
        ("he told reporters late Monday", ("late Monday", "2026-02-16", "2026-02-16", "day")),
        ("the first day of talks on Tuesday", ("on Tuesday", "2026-02-17", "2026-02-17", "day")),
        ("talks were set to continue on Wednesday",
         ("on Wednesday", "2026-02-18", "2026-02-18", "day")),
        ("they met on Wednesday", ("on Wednesday", "2026-02-11", "2026-02-11", "day")),
        ("talks ended on Feb 26", ("on Feb 26", "2026-02-26", "2026-02-26", "day")),
        ("talks on March 5", ("on March 5", "2026-03-05", "2026-03-05", "day")),
        ("in Istanbul in March 2022", ("in March 2022", "2022-03-01", "2022-03-31", "month")),
        ("on 26 February", ("on 26 February", "2026-02-26", "2026-02-26", "day")),
        ("on February 26, 2026", ("on February 26, 2026", "2026-02-26", "2026-02-26", "day")),
        ("published 2026-02-10 here", ("2026-02-10", "2026-02-10", "2026-02-10", "day")),
        ("It rained yesterday.", ("yesterday", "2026-02-16", "2026-02-16", "day")),
        ("It rains today.", ("today", "2026-02-17", "2026-02-17", "day")),
        ("They met last week.", ("last week", "2026-02-09", "2026-02-15", "week")),
        ("a June deadline", ("a June", "2026-06-01", "2026-06-30", "month")),
        ("since 2022", ("since 2022", "2022-01-01", "2022-12-31", "year")),
        ("in December", ("in December", "2025-12-01", "2025-12-31", "month")),
    ],
)  # fmt: skip
def test_it_resolves_against_the_published_date(text, expected):
    assert dates(text) == [expected]


def test_relative_dates_inside_quotes_are_left_alone():
    assert dates("“Today, in Geneva, we begin,” he said on Monday.") == [
        ("on Monday", "2026-02-16", "2026-02-16", "day")
    ]


def test_event_relative_dates_are_left_alone():
    assert dates("a week before the fourth anniversary; hours before the meeting") == []


def test_a_date_late_in_the_year_is_read_in_the_previous_year_in_january():
    assert dates("on Dec 28", datetime.date(2026, 1, 3)) == [
        ("on Dec 28", "2025-12-28", "2025-12-28", "day")
    ]
