"""Check-worthiness: a plain rule with its reasons (no database)."""

from __future__ import annotations

from factcheck.ledger.checkworthiness import check_worthiness


def test_a_specific_figure_about_many_people_from_officials_ranks_high():
    worth = check_worthiness(
        kind="figure",
        sentence="More than 12,000 civilians have been killed, according to UN officials.",
        data={"quantity": "people_killed", "value": 12000},
    )
    assert worth.score >= 0.6
    assert worth.reasons[0] == "a specific figure (people killed: 12000)"
    assert "from an official source (officials)" in worth.reasons
    assert any(r.startswith("about many people") for r in worth.reasons)


def test_an_opinion_ranks_below_a_statement_of_fact():
    fact = check_worthiness(
        kind="statement",
        sentence="The minister said 300 schools had closed.",
        data={"claimant": "the minister", "claimant_id": 4},
        claimant_known=True,
    )
    opinion = check_worthiness(
        kind="statement",
        sentence="The minister said she believed the closures were shameful.",
        data={"claimant": "the minister", "claimant_id": 4},
        claimant_known=True,
    )
    assert fact.score > opinion.score
    assert "an opinion (shameful), not a statement of fact" in opinion.reasons
    assert "attributed to the minister" in fact.reasons


def test_a_prediction_is_marked_and_a_year_is_no_figure():
    worth = check_worthiness(
        kind="statement",
        sentence="Prices will fall in 2027, the analyst said.",
        data={"claimant": "the analyst"},
    )
    assert "a prediction (will)" in worth.reasons
    assert "states a figure" not in worth.reasons


def test_a_claim_already_disputed_elsewhere_ranks_higher():
    plain = check_worthiness(
        kind="figure",
        sentence="Russia launched 470 drones.",
        data={"quantity": "drones", "value": 470},
    )
    disputed = check_worthiness(
        kind="figure",
        sentence="Russia launched 470 drones.",
        data={"quantity": "drones", "value": 470},
        match_relation="same_event_different_figure",
        match_claim_id=7,
    )
    assert disputed.score > plain.score
    assert "already disputed elsewhere (claim 7)" in disputed.reasons


def test_the_score_stays_between_zero_and_one():
    low = check_worthiness(kind="statement", sentence="I think it should be great.", data={})
    assert low.score == 0.0


def test_the_odds_of_something_happening_are_a_prediction():
    worth = check_worthiness(
        kind="statement",
        sentence="Markets put the chance of a rate cut in March at about 60%, traders said.",
        data={"claimant": "traders"},
    )
    assert "a prediction (chance of)" in worth.reasons


def test_an_expectation_that_is_past_is_no_prediction():
    worth = check_worthiness(
        kind="statement",
        sentence="Prices rose 3.8%, the office said; economists had expected 3.5%.",
        data={"claimant": "the office"},
    )
    assert not any(r.startswith("a prediction") for r in worth.reasons)


def test_a_duration_counts_less_than_a_figure_and_a_time_of_day_is_none():
    duration = check_worthiness(
        kind="figure",
        sentence="The two-year yield fell.",
        data={"quantity": "duration", "value": 2},
    )
    count = check_worthiness(
        kind="figure", sentence="Two buildings fell.", data={"quantity": "buildings", "value": 2}
    )
    assert duration.score < count.score
    assert duration.reasons == ["a duration (2)"]
    clock = check_worthiness(
        kind="statement", sentence="The quake hit at 4:17 a.m., the agency said.", data={}
    )
    assert "states a figure" not in clock.reasons
