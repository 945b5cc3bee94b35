"""ClaimReview JSON-LD on the claim page, read back the way a crawler reads it."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from tests.factories import ActorFactory, ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


class _JsonLd(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and ("type", "application/ld+json") in attrs
        if self._in:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data


def json_ld(html: str) -> list[dict]:
    parser = _JsonLd()
    parser.feed(html)
    return [json.loads(block) for block in parser.blocks]


def test_a_rated_published_claim_carries_one_claim_review(client, settings):
    settings.NEWSROOM_NAME = "The Ledger"
    settings.NEWSROOM_URL = "https://ledger.example/"
    russia = ActorFactory(name="Russia", kind="government", wikidata_id="Q159")
    article = ArticleFactory(
        source=SourceFactory(name="The Straits Times"),
        title="Russia will not budge",
        wire_agency="AFP",
    )
    claim = ClaimFactory(
        article=article,
        published=True,
        claimant=russia,
        rating="corroborated",
        summary="Russia demands full control of the Donetsk region as the condition of any deal",
    )

    blocks = json_ld(client.get(f"/claims/{claim.pk}/").content.decode())

    assert len(blocks) == 1
    review = blocks[0]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"http://testserver/claims/{claim.pk}/"
    assert review["datePublished"] == claim.published_at.date().isoformat()
    assert review["author"] == {
        "@type": "Organization",
        "name": "The Ledger",
        "url": "https://ledger.example/",
    }
    assert review["claimReviewed"] == claim.summary
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Corroborated",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {
        "@type": "Organization",
        "name": "Russia",
        "sameAs": "https://www.wikidata.org/wiki/Q159",
    }
    assert item["datePublished"] == "2026-02-17"
    assert item["appearance"] == {
        "@type": "NewsArticle",
        "url": f"http://testserver/articles/{article.pk}/",
        "headline": "Russia will not budge",
        "datePublished": "2026-02-17",
        "publisher": {"@type": "Organization", "name": "The Straits Times"},
    }


def test_an_unrated_claim_has_no_claim_review(client):
    claim = ClaimFactory(published=True, rating="")
    assert json_ld(client.get(f"/claims/{claim.pk}/").content.decode()) == []


def test_markup_in_the_summary_cannot_break_out_of_the_script(client):
    summary = "</script><script>alert(1)</script> & <!-- x"
    claim = ClaimFactory(published=True, rating="false", summary=summary)
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    review = json_ld(html)[0]
    assert review["claimReviewed"] == summary
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["itemReviewed"]["author"]["name"] == claim.article.source.name
