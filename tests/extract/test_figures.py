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
