"""Speaker phrases that point back to a body, and a court's ruling as its position."""

from __future__ import annotations

from tests.extract.helpers import run


def claimants(text: str) -> list[str]:
    return [s.claimant for s in run(text, kind="statement")]


def test_the_agency_points_back_to_the_public_body_not_the_latest_company():
    text = (
        "The Federal Aviation Administration cleared the engine, built by Norfolk Motors and "
        "sold as the N9, after tests on 12 aircraft, according to the agency."
    )
    assert claimants(text) == ["Federal Aviation Administration"]


def test_a_court_that_ruled_is_the_claimant():
    text = (
        "The Supreme Court has ruled that the law was valid. The court found that no right "
        "was breached."
    )
    assert claimants(text) == ["Supreme Court", "Supreme Court"]


def test_the_company_points_back_to_the_body_that_spoke_last():
    text = "Shell reported a 12% fall in profit. The company said it would buy back shares."
    assert claimants(text) == ["Shell", "Shell"]


def test_verbs_of_judgement_state_a_position():
    assert claimants("Oxfam criticised the terms of the loan.") == ["Oxfam"]


def test_any_past_reporting_verb_may_come_before_the_speaker_after_a_quote():
    text = (
        '"It was a hard match," lamented coach Pierre Dumas. '
        '"We lost," deplored the mayor, Anne Roux.'
    )
    assert claimants(text) == ["Pierre Dumas", "Anne Roux"]


def test_a_body_after_an_inverted_verb_is_where_the_speaker_works_not_the_speaker():
    text = '"Supplies are short," said a spokesman for the United Nations refugee agency.'
    assert claimants(text) == ["a spokesman for the United Nations refugee agency"]


def test_plural_subjects_and_a_court_ruling_state_positions():
    assert claimants("Investigators allege he took bribes.") == ["Investigators"]
    assert claimants(
        "The Supreme Court on Thursday ordered his release, ruling that the arrest was unlawful."
    ) == ["Supreme Court"]


def test_a_speaker_phrase_cut_by_and_is_the_whole_name():
    text = "The Centers for Disease Control and Prevention reported 412 cases."
    assert claimants(text) == ["Centers for Disease Control and Prevention"]


def test_a_previous_estimate_is_a_noun():
    text = "It expects 11.2 million sales, up from a previous estimate of 11 million, it said."
    assert len(claimants(text)) == 1
