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


def dates_of(text: str) -> list[tuple[str, str, str]]:
    return [
        (s.text, s.start_date.isoformat(), s.end_date.isoformat())
        for s in run(text, published=NOVEMBER, kind="date")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cases rose in the 12 months to August, the agency said.",
            ("in the 12 months to August", "2025-09-01", "2026-08-31"),
        ),
        (
            "Sales fell 4% in the first nine months.",
            ("in the first nine months", "2026-01-01", "2026-09-30"),
        ),
        ("Profit was 1.2 billion a year earlier.", ("a year earlier", "2025-01-01", "2025-12-31")),
        ("Emissions must halve this decade.", ("this decade", "2020-01-01", "2029-12-31")),
    ],
)
def test_periods_named_by_their_length_are_dates(text, expected):
    assert expected in dates_of(text)


def test_a_duration_that_delimits_a_period_is_not_a_figure():
    found = figures("Deliveries fell 4% in the first nine months.")
    assert [f[0] for f in found] == ["4%"]


def test_by_n_to_m_is_a_change_not_a_range():
    found = figures("Vacancies fell by 9,000 to 717,000, the ONS said.")
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("9,000", 9000, "exact"),
        ("717,000", 717000, "exact"),
    ]


def actor_list(text: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.actor_kind, s.rule) for s in run(text, published=NOVEMBER, kind="actor")]


def test_a_post_held_in_a_body_names_the_body():
    found = actor_list("The former chief executive of Credit Suisse said he would run.")
    assert [(t, k) for t, k, _ in found] == [("Credit Suisse", "organisation")]
    assert "post held in it" in found[0][2]


def test_a_single_name_doing_something_to_its_is_a_body():
    found = actor_list("BMW's profit fell, and Mercedes-Benz cut its outlook in October.")
    assert ("Mercedes-Benz", "organisation") in [(t, k) for t, k, _ in found]


def test_the_head_word_of_a_body_points_back_to_it():
    found = run(
        "The Bank of England held rates. The Bank said inflation would fall.",
        published=NOVEMBER,
        kind="actor",
    )
    assert [(s.text, s.name) for s in found] == [
        ("Bank of England", "Bank of England"),
        ("Bank", "Bank of England"),
    ]


def test_a_country_a_post_is_about_or_a_neighbouring_one_is_a_place():
    found = actor_list("The US special envoy for Sudan, Tom Perriello, said talks failed.")
    assert [t for t, _, _ in found] == ["US", "Tom Perriello"]
    assert actor_list("Some 6,000 died in neighbouring Syria.") == []


def test_a_body_in_front_of_a_role_or_as_an_area_is_not_proposed():
    found = actor_list("Sarah Olney, the Liberal Democrat Treasury spokesperson, said so.")
    assert [(t, k) for t, k, _ in found] == [("Sarah Olney", "person")]
    assert actor_list("It counted 35,212 cases across the European Union.") == []


def test_according_to_a_named_body_keeps_it_as_the_claimant():
    found = run(
        "According to the World Bank, Côte d'Ivoire, the leading cocoa producer, grew 6%.",
        published=NOVEMBER,
        kind="statement",
    )
    assert [s.claimant for s in found] == ["World Bank"]
