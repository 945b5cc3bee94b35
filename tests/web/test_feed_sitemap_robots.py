"""The Atom feed, sitemap.xml and robots.txt list published records only."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from factcheck.ledger.choices import ClaimStatus
from tests.factories import ActorFactory, ArticleFactory, ClaimFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_feed_lists_newly_published_claims_only(client):
    published = ClaimFactory(published=True, summary="Published <b>claim</b>")
    ClaimFactory(status=ClaimStatus.IN_REVIEW, summary="Claim in review")
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Published <b>claim</b>"]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/claims/{published.pk}/")
    assert b"Claim in review" not in response.content


@pytest.mark.parametrize("rows", [1, 20])
def test_the_feed_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        ClaimFactory(published=True, claimant=ActorFactory(), subjects=[ActorFactory()])
    with django_assert_num_queries(4):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2. newest published claims with article, source, claimant, event, series, topic
        # 3. their subject actors
        # 4. their measurements
        response = client.get("/feed/")
    assert response.content.count(b"<entry>") == rows


def test_the_sitemap_lists_published_records_and_what_they_name(client):
    actor, event, topic = ActorFactory(), EventFactory(), TopicFactory()
    claim = ClaimFactory(published=True, claimant=actor, event=event, topic=topic)
    hidden_actor, hidden_event = ActorFactory(), EventFactory()
    draft = ClaimFactory(claimant=hidden_actor, event=hidden_event, article=ArticleFactory())

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}
    paths = {url.removeprefix("http://testserver") for url in urls}
    assert {
        f"/claims/{claim.pk}/",
        f"/articles/{claim.article_id}/",
        f"/actors/{actor.pk}/",
        f"/events/{event.pk}/",
        f"/topics/{topic.pk}/",
    } <= paths
    assert f"/claims/{draft.pk}/" not in paths
    assert f"/articles/{draft.article_id}/" not in paths
    assert f"/actors/{hidden_actor.pk}/" not in paths
    assert f"/events/{hidden_event.pk}/" not in paths


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.parametrize("rows", [1, 20])
def test_the_sitemap_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        ClaimFactory(
            published=True,
            claimant=ActorFactory(),
            subjects=[ActorFactory()],
            event=EventFactory(),
            topic=TopicFactory(),
        )
    with django_assert_num_queries(11):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2-3. published claims: count, then the page of them
        # 4-5. current articles with a published claim: count, page
        # 6-7. actors a published claim names: count, page
        # 8-9. events of published claims: count, page
        # 10-11. topics of published claims: count, page
        response = client.get("/sitemap.xml")
    assert response.content.count(b"<url>") == 5 * rows + rows  # actors: claimant + subject


def test_robots_txt_runs_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/robots.txt")
