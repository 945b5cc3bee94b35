"""Dates read from the tense of their sentence, fixtures, bare years, names holding a weekday."""

from __future__ import annotations

import datetime

import pytest

from factcheck.extract import dates as date_rules
from factcheck.extract import vocabulary
from tests.extract.helpers import run

DECEMBER = datetime.date(2026, 12, 2)  # a Wednesday


def dates(text: str, published: datetime.date = DECEMBER) -> list[tuple[str, str, str]]:
    return [(s.text, str(s.start_date), str(s.end_date))
            for s in run(text, published=published, kind="date")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A past-tense sentence: the month that has gone by, not the coming one.
        ("The council shut two libraries in Leeds in March.", ("in March", "2026-03-01")),
        ("Ministers said the rail strikes in April had cost £90m.", ("in April", "2026-04-01")),
        ("The bank raised rates twice, in February and again later.",
         ("in February", "2026-02-01")),
        # The future wins, and so does a month the past verb looks ahead to.
        ("The council said it will shut two libraries in March.", ("in March", "2027-03-01")),
        ("She was picked for the tour of India in February.", ("in February", "2027-02-01")),
        ("Officials met ahead of the summit in March.", ("in March", "2027-03-01")),
        ("The company said it expects to open the plant in March.", ("in March", "2027-03-01")),
        ("Parliament voted on Tuesday to hold a vote in March.", ("in March", "2027-03-01")),
        ("Officials said the bridge reopens in May.", ("in May", "2027-05-01")),
        ("The minister said elections would be held in April.", ("in April", "2027-04-01")),
        # Nothing past: the nearest such month.
        ("The museum reopens in March.", ("in March", "2027-03-01")),
    ],
)  # fmt: skip
def test_a_month_without_a_year_follows_the_tense_of_its_sentence(text, expected):
    found = dates(text)
    assert [(t, start) for t, start, _end in found if t.startswith("in ")] == [expected]


def test_a_verb_after_the_comma_is_another_clause():
    assert dates("Talks resume in March, the envoy added.") == [
        ("in March", "2027-03-01", "2027-03-31")
    ]


def test_the_year_to_a_month_is_twelve_months_ending_with_it():
    assert dates("Visits fell 8% in the year to March.") == [
        ("in the year to March", "2025-04-01", "2026-03-31")
    ]
    assert dates("Exports rose in the year to October 2024.") == [
        ("in the year to October 2024", "2023-11-01", "2024-10-31")
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Leeds host Fulham on Saturday.", "2026-12-05"),
        ("The committee meets on Monday to vote on the budget.", "2026-12-07"),
        ("Porto visits Benfica on Sunday.", "2026-12-06"),
        # Not a fixture verb in the present: the last such day.
        ("The hosts scored twice on Saturday.", "2026-11-28"),
        ("His visits ended on Monday.", "2026-11-30"),
        ("Leeds hosted Fulham on Saturday.", "2026-11-28"),
    ],
)
def test_a_fixture_in_the_present_tense_is_on_the_coming_weekday(text, day):
    assert [start for _t, start, _end in dates(text)] == [day]


def test_a_weekday_in_front_of_a_name_is_not_a_date():
    assert dates("A poll for the Sunday Telegraph put Labour ahead.") == []
    assert dates("He told the Monday Club dinner.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deliveries will slip into 2028.", ("into 2028", "2028-01-01")),
        ("Analysts think 2029 is more likely.", ("2029", "2029-01-01")),
        ("and that 2030 would be a record year", ("2030", "2030-01-01")),
    ],
)
def test_a_bare_year_after_into_or_before_a_verb_is_a_year(text, expected):
    assert [(t, start) for t, start, _end in dates(text)] == [expected]


def test_a_bare_number_before_a_noun_is_no_year():
    assert dates("The plant employs 2030 people.") == []


@pytest.mark.parametrize(
    "name", ["past_tense_verbs.txt", "ed_words_not_past.txt", "schedule_verbs.txt"]
)
def test_the_tense_vocabularies_are_lower_case_unique_words(name):
    entries = vocabulary.data_lines(name)
    assert entries and len(entries) == len(set(entries))
    assert all(e == e.lower().strip() and e.replace(" ", "").isalpha() for e in entries)


def test_regular_past_forms_are_left_to_the_ed_rule():
    # "led" is too short for the "-ed" rule, which wants five letters or more.
    assert not [w for w in date_rules._PAST_VERBS if w.endswith("ed") and len(w) > 4]


def test_a_weekday_before_a_date_is_that_date():
    found = dates("The window closes at 7pm on Tuesday 1 December.")
    assert found == [("1 December", "2026-12-01", "2026-12-01")]
    assert dates("The vote is on Monday December 7.") == [
        ("December 7", "2026-12-07", "2026-12-07")
    ]


def test_next_weekday_or_a_future_weekday_written_on_that_day_is_a_week_on():
    sunday = datetime.date(2026, 11, 29)
    assert dates("They play Lazio next Sunday.", sunday) == [
        ("next Sunday", "2026-12-06", "2026-12-06")
    ]
    assert dates("The season will start on Sunday.", sunday) == [
        ("on Sunday", "2026-12-06", "2026-12-06")
    ]


def test_n_years_earlier_counts_back_from_the_year_the_sentence_names():
    assert dates("Exports made up 48% of output in 2024, up from 36% five years earlier.")[-1] == (
        "five years earlier",
        "2019-01-01",
        "2019-12-31",
    )
    assert dates("Sales fell 4% from a year earlier.") == [
        ("a year earlier", "2025-01-01", "2025-12-31")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose 5% in the quarter to September.",
         ("in the quarter to September", "2026-07-01", "2026-09-30")),
        ("The club plays this weekend.", ("this weekend", "2026-12-05", "2026-12-06")),
        ("They lost last weekend.", ("last weekend", "2026-11-28", "2026-11-29")),
        ("The 2025-26 season was short.", ("2025-26", "2025-01-01", "2026-12-31")),
    ],
)  # fmt: skip
def test_quarters_to_a_month_named_weekends_and_seasons_across_two_years(text, expected):
    assert dates(text) == [expected]


def test_a_fixture_on_the_day_of_publication_is_that_day():
    sunday = datetime.date(2026, 11, 29)
    assert dates("PSG travel to Lens on Sunday.", sunday) == [
        ("on Sunday", "2026-11-29", "2026-11-29")
    ]


def test_this_weekend_written_on_a_saturday_is_that_weekend():
    saturday = datetime.date(2026, 12, 5)
    assert dates("The club plays this weekend.", saturday) == [
        ("this weekend", "2026-12-05", "2026-12-06")
    ]
    assert dates("The club plays next weekend.", saturday) == [
        ("next weekend", "2026-12-12", "2026-12-13")
    ]


def test_a_name_ending_in_ed_tells_no_tense():
    assert dates("Ahmed Khan plans a visit in March.") == [("in March", "2027-03-01", "2027-03-31")]
