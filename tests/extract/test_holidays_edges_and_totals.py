"""Holidays, the start or end of a month or year, old years, and figures after "the"."""

from __future__ import annotations

import datetime

from tests.extract.helpers import run

NOVEMBER = datetime.date(2026, 11, 26)
JANUARY = datetime.date(2027, 1, 10)


def dates(text: str, published: datetime.date = NOVEMBER) -> list[tuple[str, str, str]]:
    return [(s.text, str(s.start_date), str(s.end_date))
            for s in run(text, published=published, kind="date")]  # fmt: skip


def figures(text: str) -> list[tuple[str, float, str]]:
    return [(s.text, s.value, s.bound) for s in run(text, kind="figure")]


def test_a_holiday_is_the_nearest_one_to_the_published_day():
    assert dates("Ministers want the law passed before Christmas.") == [
        ("before Christmas", "2026-12-25", "2026-12-25")
    ]
    assert dates("Shops closed over Christmas.", JANUARY) == [
        ("over Christmas", "2026-12-25", "2026-12-25")
    ]
    assert dates("Sales fell at Easter.")[0][1] == "2027-03-28"  # nearer than April 2026


def test_last_and_next_choose_the_holiday_before_or_after():
    assert dates("Sales fell last Easter.")[0][1] == "2026-04-05"


def test_the_start_or_end_of_the_month_or_year_is_a_day():
    assert dates("Strikes have risen since the start of the year.") == [
        ("since the start of the year", "2026-01-01", "2026-01-01")
    ]
    assert dates("The plan ends at the end of the month.") == [
        ("at the end of the month", "2026-11-30", "2026-11-30")
    ]


def test_a_year_at_the_start_of_a_sentence_or_before_1900_after_a_preposition():
    assert dates("In 2018, the river flooded.") == [("In 2018", "2018-01-01", "2018-12-31")]
    assert dates("The statues were taken in 1897.") == [("in 1897", "1897-01-01", "1897-12-31")]
    assert dates("The fire of 1666 spread fast.") == []


def test_a_number_of_100_or_more_after_the_measures_but_a_small_one_points_back():
    found = figures("Ferro won in front of the 12,000 home fans.")
    assert [(v, b) for _t, v, b in found] == [(12000, "exact")]
    assert figures("Aid reached the 11 provinces hit by the storm.") == []


def test_a_total_after_topped_has_no_noun_after_it():
    found = figures("Ticket sales for the week topped 70,000, the organisers said.")
    assert [(v, b) for _t, v, b in found] == [(70000, "more_than")]


def test_ranks_and_ordinals_are_not_counts_or_fractions():
    assert figures("She beat world number two Ana Ruiz.") == []
    assert figures("Italy won a third straight title.") == []
    assert figures("Turnout fell by a third.") == [("a third", 100 / 3, "exact")]


def test_a_year_after_in_is_not_the_base_of_a_share():
    found = figures("Visitors reached 32.7 million in 2024.")
    assert all(v != 32.7e6 / 2024 * 100 for _t, v, _b in found)


def test_from_one_year_to_or_until_another_is_one_span():
    assert dates("Morales governed from 2006 to 2019.") == [
        ("from 2006 to 2019", "2006-01-01", "2019-12-31")
    ]
    assert dates("She served from 2017 until 2021.") == [
        ("from 2017 until 2021", "2017-01-01", "2021-12-31")
    ]
