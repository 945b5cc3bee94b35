"""The one tokeniser and word similarity (claim match, link ranking) and the claim filter
by words (API `q`, claim match candidates, the search fallback)."""

from __future__ import annotations

import pytest

from factcheck.ledger.models import Claim
from factcheck.ledger.text import stems, word_similarity, words
from tests.factories import ArticleFactory, ClaimFactory


def test_words_are_letters_and_digits_without_function_words_or_single_letters():
    assert words("Russia's 5 drones, and the 400km front!") == {
        "russia",
        "5",
        "drones",
        "400km",
        "front",
    }


def test_stems_are_the_snowball_english_stems():
    assert stems("Negotiations negotiated") == {"negoti"}
    assert stems("wounded wounds 400") == {"wound", "400"}


def test_similarity_is_the_jaccard_index():
    assert word_similarity("drones hit Kyiv", "Kyiv drones") == pytest.approx(2 / 3)
    assert word_similarity("the", "drones") == 0.0
    assert word_similarity("negotiations", "negotiated", stemmed=True) == 1.0
    assert word_similarity("negotiations", "negotiated") == 0.0


@pytest.mark.django_db
def test_containing_wants_every_word_or_any_word():
    article = ArticleFactory(title="Talks in Quixotia")
    both = ClaimFactory(article=article, summary="Zebras over Ulmbridge")
    one = ClaimFactory(article=article, summary="Quokkas over Ulmbridge")
    assert set(Claim.objects.containing(["ZEBRAS", "ulmbridge"])) == {both}
    assert set(Claim.objects.containing(["zebras", "quokkas"], any_word=True)) == {both, one}
    assert set(Claim.objects.containing(["quixotia"])) == set()
    assert set(Claim.objects.containing(["quixotia"], article_title=True)) == {both, one}
    assert set(Claim.objects.containing([])) == {both, one}
