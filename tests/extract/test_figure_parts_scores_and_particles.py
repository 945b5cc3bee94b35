"""Figures: "X of Y" counts X, ranges after "by", "over" as a verb's particle, scores, halves."""

from __future__ import annotations

import pytest

from factcheck.extract import vocabulary
from tests.extract.helpers import run


def figures(text: str) -> list[tuple[str, float | None, str]]:
    return [(s.text, s.value, s.bound) for s in run(text, kind="figure")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leeds have won two of their last five matches.",
         [("two of their last five matches", 2, "exact")]),
        ("The carrier plans to lease 40 of its new Boeing jets.",
         [("40 of its new Boeing jets", 40, "exact")]),
        ("Rebels hold 12 of the 18 provinces.", [("12 of the 18 provinces", 12, "exact")]),
        ("He scored in four of the past six games.", [("four of the past six games", 4, "exact")]),
        ("The club has won one of its last six matches.",
         [("one of its last six matches", 1, "exact")]),
        ("He gave up one of his two jobs.", []),
    ],
)  # fmt: skip
def test_x_of_y_counts_x_and_the_whole_is_no_figure(text, expected):
    assert figures(text) == expected


def test_by_n_to_m_is_a_range_unless_a_verb_of_change_comes_first():
    assert figures("The yard will miss its goal by 30 to 40 ships.") == [
        ("30 to 40 ships", 30, "at_least")
    ]
    found = figures("Unemployment fell by 9,000 to 717,000 people.")
    assert [value for _text, value, _bound in found] == [9000, 717000]
    # A new level is far from the change; close numbers after "by" are a range even so.
    assert figures("Prices rose by 2 to 3 percent.") == [("2 to 3 percent", 2, "at_least")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The airline handed over 35 jets last month.", ("35 jets", 35, "exact")),
        ("The chain took over 120 stores.", ("120 stores", 120, "exact")),
        ("The airline ordered over 35 jets.", ("over 35 jets", 35, "more_than")),
    ],
)
def test_over_after_a_verb_that_takes_it_is_no_hedge(text, expected):
    assert figures(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Porto drew 0-0 with Braga on Sunday.",
        "Lyon, beaten 3-1 by Lille, dropped to ninth.",
        "It was a 2-1 win for the visitors.",
        "City held on for a 1-1 draw.",
    ],
)
def test_a_score_is_no_figure(text):
    assert figures(text) == []


def test_a_split_without_match_words_still_counts():
    found = figures("The party took 61 of the 100 seats, keeping a 61-39 majority.")
    assert [value for _text, value, _bound in found] == [61, 61]


def test_a_half_of_a_match_or_season_is_no_share():
    assert figures("He scored early in the second half.") == []
    assert figures("The club sold a half of its stake.") == [("a half of its stake", 50, "exact")]


def test_an_audience_of_n_is_a_total():
    [(text, value, bound)] = figures("The final drew an audience of 4.1 million.")
    assert (text, bound) == ("4.1 million", "exact")
    assert value == pytest.approx(4_100_000)


@pytest.mark.parametrize(
    "name", ["over_particle_verbs.txt", "change_verb_stems.txt", "score_words.txt"]
)
def test_the_figure_vocabularies_are_lower_case_unique_words(name):
    entries = vocabulary.data_lines(name)
    assert entries and len(entries) == len(set(entries))
    assert all(e == e.lower() and e.isalpha() for e in entries)


def test_the_population_after_a_share_of_the_is_measured_too():
    found = figures("Nearly 80% of the 1.4 million residents have fled.")
    assert [(value, bound) for _text, value, bound in found] == [
        (80, "at_most"),
        (pytest.approx(1_400_000), "exact"),
    ]


def test_a_toll_put_at_a_number_counts_the_dead():
    [hit] = run("The ministry put the death toll of the floods at 1,250.", kind="figure")
    assert (hit.quantity, hit.value, hit.bound) == ("people_killed", 1250, "exact")


def test_n_and_over_is_at_least_n():
    [hit] = run("Vaccines are free for everyone aged 70 and over.", kind="figure")
    assert (hit.quantity, hit.value, hit.bound) == ("age", 70, "at_least")


def test_an_adverb_after_the_noun_does_not_name_what_is_counted():
    [hit] = run("It has delivered 657 aircraft so far this year.", kind="figure")
    assert (hit.text, hit.quantity) == ("657 aircraft", "aircraft")
