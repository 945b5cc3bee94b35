"""The claim page and the API's ClaimReview feed publish the same review of a claim."""

from __future__ import annotations

import json
import re

import pytest

from tests.factories import ActorFactory, ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db

SUMMARY = (
    "Russia demands full control of the Donetsk region, including the parts Ukraine still "
    "holds, as the condition of any deal"
)


def page_reviews(client, claim) -> list[dict]:
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def feed_reviews(anon, **params) -> list[dict]:
    response = anon.get("/api/v1/claims/claimreview/", params)
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content))["dataFeedElement"]


def test_the_page_and_the_feed_give_the_same_claim_review(client, anon):
    claim = ClaimFactory(
        article=ArticleFactory(source=SourceFactory(name="The Straits Times"), wire_agency="AFP"),
        published=True,
        rating="corroborated",
        claimant=ActorFactory(name="Russia", kind="government", wikidata_id="Q159"),
        summary=SUMMARY,
    )

    (on_page,) = page_reviews(client, claim)
    (in_feed,) = feed_reviews(anon, article=claim.article_id)

    assert on_page == in_feed
    assert in_feed["claimReviewed"] == SUMMARY
    assert in_feed["itemReviewed"]["appearance"]["@type"] == "NewsArticle"
    assert in_feed["itemReviewed"]["author"]["sameAs"] == "https://www.wikidata.org/wiki/Q159"


def test_an_unrated_claim_has_no_claim_review_anywhere(client, anon):
    unrated = ClaimFactory(published=True, rating="")
    rated = ClaimFactory(published=True, rating="false")

    assert page_reviews(client, unrated) == []
    assert [review["url"] for review in feed_reviews(anon)] == [
        f"http://testserver/claims/{rated.pk}/"
    ]
