"""Figures, statements and dates of news beyond the seeds' war (each case failed before)."""

from __future__ import annotations

import datetime

import pytest

from tests.extract.helpers import run

NOVEMBER = datetime.date(2026, 11, 19)  # a Thursday


def figures(text: str) -> list[tuple[str, float, str, str]]:
    return [
        (s.text, round(s.value, 2), s.bound, s.unit)
        for s in run(text, published=NOVEMBER, kind="figure")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UK inflation rose to 3.8% in October.", ("3.8%", 3.8, "exact", "%")),
        ("She may raise as much as £30bn in taxes.", ("as much as £30bn", 3e10, "at_most", "GBP")),
        ("It cut rates by a quarter-point in August.", ("a quarter-point", 0.25, "exact", "pp")),
        (
            "Core inflation edged up by 0.2 percentage points.",
            ("0.2 percentage points", 0.2, "exact", "pp"),
        ),  # fmt: skip
        ("The yield rose by 8 basis points.", ("8 basis points", 8, "exact", "bp")),
        ("Warming must stay below 1.5C this century.", ("below 1.5C", 1.5, "less_than", "C")),
        (
            "Temperatures fell to minus 4 degrees Celsius.",
            ("minus 4 degrees Celsius", -4, "exact", "C"),
        ),  # fmt: skip
        ("The party won 171 of the 255 seats.", ("171 of the 255 seats", 171, "exact", "")),
        ("About 4 in 10 voters named the economy.", ("About 4 in 10 voters", 40, "about", "%")),
        (
            "Nearly two-thirds of the victims were retirees.",
            ("Nearly two-thirds of the victims", 66.67, "at_most", "%"),
        ),  # fmt: skip
        ("A magnitude 6.4 earthquake struck.", ("magnitude 6.4", 6.4, "exact", "")),
        ("It promised returns of 9% to 12% a year.", ("9% to 12%", 9, "at_least", "%")),
        ("Spending topped $4.5 billion.", ("topped $4.5 billion", 4.5e9, "more_than", "USD")),
        (
            "The party won all but two of the 58 seats.",
            ("all but two of the 58 seats", 56, "exact", ""),
        ),  # fmt: skip
    ],
)
def test_news_figures(text, expected):
    written, value, bound, unit = expected
    found = [f for f in figures(text) if f[1:] == (value, bound, unit)]
    assert found, figures(text)
    assert found[0][0].startswith(written)


def test_a_change_in_percent_and_money_is_not_a_range():
    found = figures("Profit fell 58% to 1.6 billion euros.")
    assert ("58%", 58, "exact", "%") in found
    assert ("1.6 billion euros", 1.6e9, "exact", "EUR") in found


def test_an_age_after_a_name_is_an_age_and_a_rate_base_is_not_a_count():
    found = run("Gregory Halloran, 61, pleaded guilty.", kind="figure")
    assert [(s.quantity, s.value, s.unit) for s in found] == [("age", 61, "year")]
    assert [s.text for s in run("It is 1.4 cases per 100,000 inhabitants.", kind="figure")] == [
        "1.4 cases"
    ]


def claimants(text: str) -> list[str]:
    return [s.claimant for s in run(text, published=NOVEMBER, kind="statement")]


def test_a_body_named_with_its_acronym_is_the_claimant_not_the_acronym():
    text = "The World Food Programme (WFP) warned that famine had spread."
    assert claimants(text) == ["World Food Programme"]


def test_a_role_phrase_points_back_to_the_actor_named_before():
    text = (
        "The Office for National Statistics published the figures. Rachel Reeves, 46, "
        "spoke later. The agency said prices rose. The chancellor insisted she would act."
    )
    assert claimants(text) == ["Office for National Statistics", "Rachel Reeves"]


def test_french_agency_verbs_and_according_to_by():
    assert claimants("The African Union, for its part, reaffirmed its support.") == [
        "African Union"
    ]
    text = "Turnout rose, according to results announced by the Electoral Commission (CEI)."
    assert claimants(text) == ["Electoral Commission"]


def test_states_as_a_noun_is_not_a_speech_verb():
    assert claimants("The 27 member states met in Brussels.") == []


def dates(text: str, published: datetime.date = NOVEMBER):
    return [
        (s.text, str(s.start_date), str(s.end_date), s.precision)
        for s in run(text, published=published, kind="date")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cases rose between Oct 1 and Oct 12.",
            ("between Oct 1 and Oct 12", "2026-10-01", "2026-10-12", "span"),
        ),  # fmt: skip
        (
            "It was warmer than the 1991-2020 average.",
            ("1991-2020", "1991-01-01", "2020-12-31", "year"),
        ),  # fmt: skip
        (
            "The agency said in January that it was the hottest year.",
            ("in January", "2026-01-01", "2026-01-31", "month"),
        ),  # fmt: skip
        ("Funding will last until March.", ("until March", "2027-03-01", "2027-03-31", "month")),
        (
            "Prices have been rising since March.",
            ("since March", "2026-03-01", "2026-03-31", "month"),
        ),  # fmt: skip
        (
            "Aid reached 1.2 million people over the past week.",
            ("over the past week", "2026-11-12", "2026-11-19", "span"),
        ),  # fmt: skip
        (
            "Infections rose compared with 2019 levels.",
            ("with 2019", "2019-01-01", "2019-12-31", "year"),
        ),  # fmt: skip
        (
            "Drones struck a hospital over the weekend.",
            ("over the weekend", "2026-11-14", "2026-11-15", "span"),
        ),  # fmt: skip
        (
            "It was the warmest summer of 2024 on record.",
            ("summer of 2024", "2024-06-01", "2024-08-31", "span"),
        ),  # fmt: skip
    ],
)
def test_news_dates(text, expected):
    assert expected in dates(text)
