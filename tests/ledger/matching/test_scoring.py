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


def test_the_same_result_with_the_names_swapped_contradicts():
    match = compare(
        statement("Wales beat England 46-17 in the Six Nations on Saturday."),
        statement("England beat Wales 46-17 in the Six Nations on Saturday."),
    )
    assert match.relation == "contradicts"
    assert not match.repeat
    assert any("the names swap places" in reason for reason in match.reasons)


def test_a_moved_attribution_swaps_no_names():
    match = compare(
        statement("Some 300 properties in Yorkshire were inundated, the Environment Agency said."),
        statement("The Environment Agency said 300 homes had been flooded in Yorkshire."),
    )
    assert match.relation == "corroborates"


def test_a_negation_that_is_also_a_synonym_still_negates():
    match = compare(
        statement("Labour abandoned its pledge to build 1.5 million homes by 2029."),
        statement("Labour pledged to build 1.5 million homes by 2029."),
    )
    assert match.relation == "contradicts"


def test_the_same_words_from_other_known_actors_are_no_repeat():
    def said_by(actor_id, text):
        return statement(text, actor_ids=frozenset({actor_id}), actor_names={actor_id: "x"})

    match = compare(
        said_by(17, "Labour said it would scrap the two-child benefit cap."),
        said_by(18, "The Conservatives said they would scrap the two-child benefit cap."),
    )
    assert match is None or not match.repeat
    same_toll = compare(
        said_by(
            14,
            "The cholera outbreak has killed 1,200 people in Sudan, the health ministry said.",
        ),
        said_by(13, "The WHO said the cholera outbreak had killed 1,200 people in Sudan."),
    )
    assert same_toll.repeat  # no figure ties the first pair; one ties the second


def test_a_figure_answered_by_no_number_tells_something_else():
    deaths = Figure("people_killed", Decimal(45))
    with_figure = statement(
        "The health ministry said 45 children had died of malnutrition in northern Gaza.",
        figures=(deaths,),
    )
    fuel = compare(
        statement("The health ministry said hospitals in northern Gaza had received fuel."),
        with_figure,
    )
    assert "a figure on one side only" in fuel.reasons
    toll = compare(
        statement("Forty-five children died of malnutrition in northern Gaza, the ministry said."),
        with_figure,
    )
    assert toll.rank > fuel.rank


def test_two_overlapping_periods_of_a_rolling_figure_are_other_days():
    def unemployment(value, start, end):
        return statement(
            f"UK unemployment rose to {value}% in the three months, the ONS said.",
            figures=(Figure("unemployment", Decimal(value), unit="%"),),
            about_start=start,
            about_end=end,
        )

    to_january = unemployment("5.2", dt.date(2025, 11, 1), dt.date(2026, 1, 31))
    to_february = unemployment("5.3", dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    assert compare(to_february, to_january).relation == "different_event"
    last_year = unemployment("5.2", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    past_year = unemployment("5.2", dt.date(2025, 1, 20), dt.date(2026, 1, 19))
    assert compare(past_year, last_year).relation == "corroborates"


def test_a_name_after_a_function_word_is_a_name():
    match = compare(
        statement("The AfD won 20.8% of the vote in the German election."),
        statement("The CDU won 20.8% of the vote in the German election."),
    )
    assert any("about other names (afd / cdu)" in reason for reason in match.reasons)


def test_according_to_is_attribution_not_an_accord():
    assert "~agreement" not in statement("300 homes flooded, according to the agency").tokens
    assert "~agreement" in statement("The peace accord was signed").tokens


def test_figures_of_other_quantities_are_another_statistic():
    economy = Figure("economy", Decimal("0.1"), unit="%")
    unemployment = Figure("unemployment", Decimal("5.1"), unit="%")
    match = compare(
        statement(
            "The ONS said UK unemployment rose to 5.1% in the final quarter of 2025.",
            figures=(unemployment,),
        ),
        statement(
            "The UK economy grew by 0.1% in the final quarter of 2025, the ONS said.",
            figures=(economy,),
        ),
    )
    assert "figures of other quantities" in match.reasons
    assert not match.repeat


def test_a_passive_keeps_the_roles():
    match = compare(
        statement("Arsenal were defeated by Manchester City at the Etihad on Sunday."),
        statement("Manchester City defeated Arsenal at the Etihad on Sunday."),
    )
    assert match.relation == "corroborates"
