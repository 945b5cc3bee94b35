"""The matcher's vocabulary: synonym groups and opposites read from data files."""

from __future__ import annotations

import pytest

from factcheck.ledger.matching.scoring import tokens
from factcheck.ledger.matching.vocabulary import (
    VocabularyError,
    build_synonyms,
    negations,
    opposites,
    synonyms,
)


def test_the_shipped_synonym_file_loads_with_no_phrase_in_two_groups():
    table = synonyms()
    assert table[("unman", "aerial", "vehicl")] == table[("drone",)]
    assert table[("wound",)] == table[("injur",)]


def test_a_phrase_in_two_groups_is_refused_by_name():
    with pytest.raises(VocabularyError, match="“fire” is in two synonym groups"):
        build_synonyms([["launch", "fire"], ["blaze", "fire"]])


def test_inflected_forms_and_phrases_become_one_token():
    assert tokens("Russia fired 400 unmanned aerial vehicles") == tokens(
        "Moscow launched 400 drones"
    )


def test_capitals_and_seats_of_government_are_their_country():
    assert tokens("the Kremlin") == tokens("Moscow") == tokens("Russia")
    assert tokens("Britain") == tokens("UK")


def test_irregular_past_tenses_join_their_verb():
    assert tokens("prices rose") == tokens("prices rise")
    assert tokens("prices fell") == tokens("prices fall")


def test_negations_and_opposite_pairs_come_from_the_data_file():
    assert {"not", "never", "denied"} <= negations()
    raise_, cut = tokens("raise")[0], tokens("cut")[0]
    assert (raise_, cut) in opposites()
