"""The ClaimReview builder: which claims get a review, and what it says."""

from __future__ import annotations

import pytest

from factcheck.ledger.claimreview import claim_review
from factcheck.ledger.models import Claim
from tests.factories import ActorFactory, ArticleFactory, ClaimFactory, SourceFactory


def absolute(path: str) -> str:
    return f"https://ledger.example{path}"


def built_claim(**fields) -> Claim:
    article = ArticleFactory.build(pk=3, source=SourceFactory.build(name="The Independent"))
    return ClaimFactory.build(pk=7, article=article, **fields)


@pytest.mark.parametrize(
    ("status", "rating"), [("published", ""), ("draft", "false"), ("in_review", "accurate")]
)
def test_only_published_rated_claims_are_reviewed(status, rating):
    claim = built_claim(status=status, rating=rating)
    assert claim_review(claim, absolute=absolute) is None


def test_claim_reviewed_is_the_whole_summary_or_else_the_quote():
    long_summary = "word " * 40
    claim = built_claim(published=True, rating="disputed", summary=long_summary)
    assert claim_review(claim, absolute=absolute)["claimReviewed"] == long_summary.strip()

    quote = "Overnight, Russia used\n\nalmost 400 long-range drones."
    claim = built_claim(published=True, rating="disputed", summary="", exact=quote)
    assert claim_review(claim, absolute=absolute)["claimReviewed"] == (
        "Overnight, Russia used almost 400 long-range drones."
    )


def test_the_claim_appears_in_its_article_published_by_the_outlet():
    claim = built_claim(published=True, rating="misleading", claimant=None, claimant_label="")
    review = claim_review(claim, absolute=absolute)
    assert review["url"] == "https://ledger.example/claims/7/"
    assert review["reviewRating"]["ratingValue"] == 2
    assert review["reviewRating"]["alternateName"] == "Misleading"
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "The Independent"}
    assert item["appearance"]["@type"] == "NewsArticle"
    assert item["appearance"]["url"] == "https://ledger.example/articles/3/"
    assert item["appearance"]["publisher"] == {"@type": "Organization", "name": "The Independent"}


def test_a_person_claimant_is_a_person_with_wikidata_as_same_as():
    zelensky = ActorFactory.build(name="Volodymyr Zelensky", kind="person", wikidata_id="Q3881")
    review = claim_review(
        built_claim(published=True, rating="accurate", claimant=zelensky), absolute=absolute
    )
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Volodymyr Zelensky",
        "sameAs": "https://www.wikidata.org/wiki/Q3881",
    }


@pytest.mark.django_db
def test_it_runs_no_query_of_its_own(django_assert_num_queries):
    ClaimFactory(published=True, rating="accurate", claimant=ActorFactory())
    (claim,) = Claim.objects.with_related()
    with django_assert_num_queries(0):
        assert claim_review(claim, absolute=absolute) is not None
