"""The Atom feed, sitemap.xml and robots.txt list published records only."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from factcheck.ledger.choices import ClaimStatus
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    SeriesFactory,
    TopicFactory,
)

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


def _locs(response):
    return [
        loc.text.removeprefix("http://testserver")
        for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")
    ]


def _sitemap_paths(client):
    """Every page the sitemap index names, through each of its sections' pages."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"<sitemapindex" in index.content
    paths = set()
    for section in _locs(index):
        response = client.get(section)
        assert response.status_code == 200
        paths.update(_locs(response))
    return paths


def test_the_sitemap_lists_published_records_and_what_they_name(client):
    actor, topic = ActorFactory(), TopicFactory()
    event = EventFactory(series=SeriesFactory())
    claim = ClaimFactory(published=True, claimant=actor, event=event, topic=topic)
    hidden_actor, hidden_event = ActorFactory(), EventFactory()
    draft = ClaimFactory(claimant=hidden_actor, event=hidden_event, article=ArticleFactory())

    paths = _sitemap_paths(client)
    assert {
        f"/claims/{claim.pk}/",
        f"/articles/{claim.article_id}/",
        f"/actors/{actor.pk}/",
        f"/events/{event.pk}/",
        f"/series/{event.series_id}/",
        f"/topics/{topic.pk}/",
        f"/actors/{actor.pk}/positions/",
        "/",
        "/articles/",
        "/actors/",
        "/events/",
        "/series/",
        "/topics/",
        "/matrix/",
        "/search/",
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
def test_the_sitemap_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, rows, settings
):
    settings.PUBLIC_CLOCK_CACHED = False  # counted afresh (kept counts: the test below)
    for _ in range(rows):
        ClaimFactory(
            published=True,
            claimant=ActorFactory(),
            subjects=[ActorFactory()],
            event=EventFactory(series=SeriesFactory()),
            topic=TopicFactory(),
        )
    with django_assert_num_queries(8):
        # 1. the public ledger clock (Last-Modified / ETag)
        # (the pages that are not records: a fixed list, no query)
        # 2-8. how many pages: a count of the published claims, current articles with a
        #      published claim, actors they name, their events, series and topics, and the
        #      actors again for their positions pages
        index = client.get("/sitemap.xml")
    assert len(_locs(index)) == 8
    with django_assert_num_queries(3):
        # 1. the public ledger clock
        # 2-3. the published claims: count, then the page of them
        response = client.get("/sitemap-claims.xml")
    assert response.content.count(b"<url>") == rows
    with django_assert_num_queries(3):
        # 1. the public ledger clock
        # 2-3. the actors a published claim names: count, then the page of them
        response = client.get("/sitemap-actors.xml")
    assert response.content.count(b"<url>") == 2 * rows  # claimant + subject


def test_the_sitemap_pages_every_section(client, monkeypatch):
    from factcheck.web import sitemaps

    monkeypatch.setattr(sitemaps.PagedSitemap, "limit", 2)
    claims = [ClaimFactory(published=True) for _ in range(5)]
    index = _locs(client.get("/sitemap.xml"))
    assert [loc for loc in index if "claims" in loc] == [
        "/sitemap-claims.xml",
        "/sitemap-claims.xml?p=2",
        "/sitemap-claims.xml?p=3",
    ]
    paths = _sitemap_paths(client)
    assert {f"/claims/{claim.pk}/" for claim in claims} <= paths
    assert client.get("/sitemap-claims.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_runs_no_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/robots.txt")


@pytest.mark.django_db(transaction=True)
def test_with_the_clock_kept_each_section_is_counted_once_per_public_change(
    client, settings, django_assert_num_queries
):
    settings.PUBLIC_CLOCK_CACHED = True
    ClaimFactory(published=True, claimant=ActorFactory(), subjects=[ActorFactory()])
    with django_assert_num_queries(6):
        # one count per section (the clock is kept since the commit): the actors once for both
        # of their sections (their pages and their positions pages)
        client.get("/sitemap.xml")
    for section in ("actors", "actor-positions", "claims"):
        with django_assert_num_queries(1):  # the page of records: clock and count are kept
            response = client.get(f"/sitemap-{section}.xml")
        assert response.status_code == 200
    ClaimFactory(published=True)  # a public change: counted afresh
    with django_assert_num_queries(2):
        assert client.get("/sitemap-claims.xml").content.count(b"<url>") == 2
