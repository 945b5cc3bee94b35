"""Whether one statement repeats another, and the relation suggested (no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factcheck.ledger.matching import Figure, Statement, compare

DAY = dt.date(2026, 2, 17)


def statement(text, **kwargs) -> Statement:
    kwargs.setdefault("published", DAY)
    return Statement(text=text, **kwargs)


def drones(value, bound="exact") -> Figure:
    return Figure("drones", Decimal(value), bound)


def test_a_paraphrase_with_an_agreeing_figure_is_a_repeat_that_corroborates():
    match = compare(
        statement(
            "Moscow fired some 390 unmanned aerial vehicles overnight",
            figures=(drones(390, "about"),),
        ),
        statement(
            "Overnight, Russia launched almost 400 drones", figures=(drones(400, "at_most"),)
        ),
    )
    assert match.relation == "corroborates"
    assert match.repeat
    assert "the figures agree (390 / 400)" in match.reasons


def test_another_figure_for_the_same_night_is_the_same_event_with_a_different_figure():
    match = compare(
        statement("Russia launched 470 drones at Ukraine overnight", figures=(drones(470),)),
        statement(
            "Overnight, Russia launched almost 400 drones", figures=(drones(400, "at_most"),)
        ),
    )
    assert match.relation == "same_event_different_figure"
    assert match.repeat


def test_the_same_quantity_on_another_night_is_a_different_event_and_no_repeat():
    match = compare(
        statement(
            "Overnight, Russia launched some 420 drones",
            figures=(drones(420, "about"),),
            about_start=dt.date(2026, 2, 25),
            about_end=dt.date(2026, 2, 26),
        ),
        statement(
            "Overnight, Russia launched almost 400 drones",
            figures=(drones(400, "at_most"),),
            about_start=dt.date(2026, 2, 16),
            about_end=dt.date(2026, 2, 17),
        ),
    )
    assert match.relation == "different_event"
    assert not match.repeat


def test_the_same_words_negated_contradict():
    match = compare(
        statement("Russia is no longer insisting that Ukraine cede the Donbas"),
        statement("Russia is still insisting that Ukraine cede the Donbas"),
    )
    assert match.relation == "contradicts"
    assert not match.repeat


def test_opposite_verbs_contradict_even_when_the_figures_agree():
    match = compare(
        statement(
            "Knife crime rose by 9% last year", figures=(Figure("crime", Decimal(9), unit="%"),)
        ),
        statement(
            "Knife crime fell by 9% last year", figures=(Figure("crime", Decimal(9), unit="%"),)
        ),
    )
    assert match.relation == "contradicts"


def test_the_same_sentence_about_other_names_is_no_repeat():
    match = compare(
        statement("The WHO said 1,400 people had died of cholera in Yemen this year."),
        statement("The WHO said 1,400 people had died of mpox in Congo this year."),
    )
    assert match is None or not match.repeat


def test_shared_actors_and_event_raise_the_score_and_are_named():
    plain = compare(
        statement("Talks resumed in Geneva"), statement("Talks resumed in Geneva today")
    )
    known = compare(
        statement("Talks resumed in Geneva", actor_ids=frozenset({1}), event_id=5),
        statement(
            "Talks resumed in Geneva today",
            actor_ids=frozenset({1}),
            actor_names={1: "Ukraine"},
            event_id=5,
            event_label="Geneva talks",
        ),
    )
    assert known.rank > plain.rank
    assert "same actors: Ukraine" in known.reasons
    assert "same event: Geneva talks" in known.reasons


def test_unrelated_statements_do_not_match():
    assert (
        compare(statement("The central bank held rates"), statement("Storm floods 300 homes"))
        is None
    )
