"""Figures: number forms, hedges → bounds, the counted thing → vocabulary key."""

from __future__ import annotations

import pytest

from factcheck.extract import QUANTITIES
from tests.extract.helpers import run


def figures(text: str) -> list[tuple[str, float | None, str, str]]:
    return [(s.quantity, s.value, s.bound, s.unit) for s in run(text, kind="figure")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia used almost 400 long-range drones.", ("drones", 400, "at_most", "")),
        ("It fired 29 missiles of various types.", ("missiles", 29, "exact", "")),
        ("Russia launched some 420 drones.", ("drones", 420, "about", "")),
        ("wounding more than two dozen people", ("people_injured", 24, "more_than", "")),
        ("in at least six different regions", ("regions", 6, "at_least", "")),
        ("It struck 12 regions of Ukraine.", ("regions", 12, "exact", "")),
        ("injuring nine people, including children", ("people_injured", 9, "exact", "")),
        ("the roughly 750-mile front line", ("distance", 750, "about", "mile")),
        ("the almost 20% of Ukrainian land", ("territory", 20, "at_most", "%")),
        ("a 30-minute call", ("duration", 30, "exact", "minute")),
        ("tens of thousands of residents were left without heating",
         ("people_affected", 20000, "at_least", "")),
        ("Strikes killed three people.", ("people_killed", 3, "exact", "")),
        ("as many as a dozen drones", ("drones", 12, "at_most", "")),
        ("upwards of 1,500 missiles", ("missiles", 1500, "more_than", "")),
        ("no fewer than ten regions", ("regions", 10, "at_least", "")),
        ("fewer than 50 countries", ("countries", 50, "less_than", "")),
        ("an estimated 3.7 million people remain displaced",
         ("people_displaced", 3_700_000, "about", "")),
        ("a £1.5bn package", ("money", 1_500_000_000, "exact", "GBP")),
        ("dozens of drones", ("drones", 24, "at_least", "")),
        ("twenty-five drones", ("drones", 25, "exact", "")),
        ("about a fifth of Ukraine's territory", ("territory", 20, "about", "%")),
    ],
)  # fmt: skip
def test_it_reads_number_hedge_and_counted_thing(text, expected):
    assert figures(text) == [expected]


def test_bodies_returned_and_received_share_one_key():
    text = (
        "Russia returned the bodies of 1,000 killed Ukrainian soldiers to Ukraine, "
        "while Moscow received 35 Russian bodies in exchange."
    )
    assert figures(text) == [
        ("bodies_returned", 1000, "exact", ""),
        ("bodies_returned", 35, "exact", ""),
    ]


def test_a_hedge_applies_to_its_own_number_only():
    assert figures("almost 400 drones and 29 missiles") == [
        ("drones", 400, "at_most", ""),
        ("missiles", 29, "exact", ""),
    ]


def test_an_elliptic_number_counts_what_the_verb_or_previous_figure_counts():
    assert figures("Strikes killed three people and wounded 11 in Kherson.") == [
        ("people_killed", 3, "exact", ""),
        ("people_injured", 11, "exact", ""),
    ]
    assert figures("Ukraine received 909 bodies, while 43 were handed over.") == [
        ("bodies_returned", 909, "exact", ""),
        ("bodies_returned", 43, "exact", ""),
    ]


def test_downed_drones_are_their_own_quantity():
    assert figures("Air defences shot down 287 of the drones.") == [
        ("drones_downed", 287, "exact", "")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In March 2022 talks began.",
        "talks on Feb 26 and on March 5",
        "on 26 February at 10:30",
        "a week before the fourth anniversary",
        "the two sides met; one of the few areas",
        "since World War II, four years ago",
    ],
)
def test_years_dates_times_ordinals_and_references_are_not_figures(text):
    assert figures(text) == []


def test_every_quantity_key_has_a_label():
    assert all(isinstance(label, str) and label for label in QUANTITIES.values())
    for quantity, *_ in figures("12 regions, 400 drones, nine people were injured"):
        assert quantity in QUANTITIES


def test_figures_carry_the_date_they_are_about():
    found = run("Overnight, Russia used almost 400 long-range drones.", kind="figure")
    assert (str(found[0].about_start), str(found[0].about_end)) == ("2026-02-16", "2026-02-17")


# Rules added after the blind run on fresh_005 (vocabulary gaps), tested on invented sentences.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # homes / flats → households; houses / buildings / blocks → buildings
        ("Shelling cut power to 12,000 homes in the region.", ("households", 12000, "exact", "")),
        ("Debris damaged some 40 flats on the upper floors.", ("households", 40, "about", "")),
        ("Five houses were destroyed in the village.", ("buildings", 5, "exact", "")),
        ("The blast hit three apartment blocks.", ("buildings", 3, "exact", "")),
        # hospital → people injured
        ("Another nine people were treated in hospital.", ("people_injured", 9, "exact", "")),
        ("Eleven residents were hospitalised overnight.", ("people_injured", 11, "exact", "")),
        ("At least 4 people were taken to hospital.", ("people_injured", 4, "at_least", "")),
        ("The shelling left 6 of the injured in a coma.", ("people_injured", 6, "exact", "")),
        # consumers / customers / subscribers of a supply → people affected
        ("About 45% of customers in the city had no electricity.",
         ("people_affected", 45, "about", "%")),
        ("Some 80,000 subscribers were left without heating.",
         ("people_affected", 80000, "about", "")),
        ("The outage hit more than 1,000 consumers in the north.",
         ("people_affected", 1000, "more_than", "")),
        ("The bank has 3,000 customers in the town.", ("customers", 3000, "exact", "")),
        # areas
        ("Its troops seized 1,200 sq km in the spring.", ("area", 1200, "exact", "km2")),
        ("an area of about 300 square miles", ("area", 300, "about", "mile2")),
        ("a 50-square-kilometre buffer zone", ("area", 50, "exact", "km2")),
        ("more than 2,000 hectares of farmland", ("area", 2000, "more_than", "ha")),
        ("fields of 15 acres", ("area", 15, "exact", "acre")),
        ("some 80 km2 of forest", ("area", 80, "about", "km2")),
        # money: symbols and currency words
        ("a loan of 450 million euros", ("money", 450_000_000, "exact", "EUR")),
        ("a 20m euros grant", ("money", 20_000_000, "exact", "EUR")),
        ("a fund of US$40 million", ("money", 40_000_000, "exact", "USD")),
        ("nearly 1.2 billion hryvnias in damage", ("money", 1_200_000_000, "at_most", "UAH")),
        ("a further €250 million", ("money", 250_000_000, "exact", "EUR")),
        ("up to 5 billion dollars", ("money", 5_000_000_000, "at_most", "USD")),
        # word numbers with a multiplier
        ("a city of a million people", ("people", 1_000_000, "exact", "")),
        ("half a million people fled", ("refugees", 500_000, "exact", "")),
        # ranges → the lower end, at_least
        ("between 20 and 30 people were killed", ("people_killed", 20, "at_least", "")),
        ("The army reported 20-30 drones a night.", ("drones", 20, "at_least", "")),
        ("cuts of four to six hours a day", ("duration", 4, "at_least", "hour")),
        ("between 2 and 3 million people", ("people", 2_000_000, "at_least", "")),
        ("between 5 and 8 per cent of consumers lost power",
         ("people_affected", 5, "at_least", "%")),
        ("between €1bn and €2bn", ("money", 1_000_000_000, "at_least", "EUR")),
        # remains of → bodies
        ("Kyiv received the remains of 12 soldiers.", ("bodies_returned", 12, "exact", "")),
    ],
)  # fmt: skip
def test_vocabulary_added_after_fresh_005(text, expected):
    assert figures(text) == [expected]


def test_a_range_is_one_figure_whose_rule_names_both_ends():
    (hit,) = run("Between 15 and 25 drones were launched.", kind="figure")
    assert hit.text == "Between 15 and 25 drones"
    assert "range 15–25" in hit.rule


@pytest.mark.parametrize(
    "text",
    [
        "The number of attacks rose from 20 to 30 drones a night.",
        "Russia launched 136 drones and 4 missiles.",
        "The vote was 20 to 5 in favour of 30 drones.",
    ],
)
def test_changes_lists_and_scores_are_not_ranges(text):
    assert all(s.bound != "at_least" for s in run(text, kind="figure"))


def test_dates_are_not_ranges():
    assert figures("Talks ran on March 3-5 and between 2022 and 2024.") == []
