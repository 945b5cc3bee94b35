"""The home page: latest published claims, recent events, topics in dispute."""

from __future__ import annotations

import pytest

from factcheck.ledger.choices import ClaimStatus
from tests.factories import ActorFactory, ClaimFactory, EventFactory, PositionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_it_lists_published_claims_events_and_disputed_topics(client):
    event = EventFactory(name="Overnight strikes, 16–17 Feb")
    ClaimFactory(published=True, event=event, summary="Russia launched almost 400 drones")
    ClaimFactory(status=ClaimStatus.DRAFT, summary="not yet checked")
    ClaimFactory(status=ClaimStatus.REJECTED, event=EventFactory(name="Hidden event"))
    disputed = TopicFactory(title="A settlement must be reached by June")
    settled = TopicFactory(title="Everyone agrees on this")
    evidence = ClaimFactory(published=True)
    PositionFactory(topic=disputed, stance="supports", evidence=[evidence])
    PositionFactory(topic=disputed, stance="opposes", evidence=[evidence])
    PositionFactory(topic=settled, stance="supports", evidence=[evidence])
    PositionFactory(
        topic=settled, stance="opposes", evidence=[ClaimFactory(status=ClaimStatus.DRAFT)]
    )

    html = client.get("/").content.decode()

    assert "Russia launched almost 400 drones" in html
    assert "not yet checked" not in html
    assert "Overnight strikes, 16–17 Feb" in html and "16–17 Feb 2026" in html
    assert "Hidden event" not in html
    assert "A settlement must be reached by June" in html
    assert "Everyone agrees on this" not in html


def test_the_layout_has_landmarks_a_skip_link_and_the_main_navigation(client):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav aria-label="Main">' in html
    for url in ("/search/", "/topics/", "/matrix/"):
        assert f'href="{url}"' in html
    assert 'href="/" aria-current="page"' in html
    assert 'type="application/atom+xml"' in html
    assert "https://" not in html.split("</head>")[0]  # no CDN, no external font


@pytest.mark.parametrize("rows", [1, 20])
def test_it_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        claim = ClaimFactory(
            published=True, event=EventFactory(), claimant=ActorFactory(), subjects=[ActorFactory()]
        )
        topic = TopicFactory()
        PositionFactory(topic=topic, stance="supports", evidence=[claim])
        PositionFactory(topic=topic, stance="opposes", evidence=[claim])
    with django_assert_num_queries(6):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2. latest published claims with article, source, claimant, event, series, topic
        # 3. their subject actors
        # 4. their measurements
        # 5. recent events with published claims
        # 6. topics whose published positions hold more than one stance
        response = client.get("/")
    assert response.status_code == 200
