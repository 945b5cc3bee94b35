"""Index pages: /articles/ /actors/ /events/ /series/, paginated, in a sensible order, showing
only what readers may see, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.web.views.indexes import PER_PAGE
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db


def test_articles_are_listed_newest_first(client):
    old = ArticleFactory(title="Older piece", published=dt.date(2026, 2, 17))
    new = ArticleFactory(title="Newer piece", published=dt.date(2026, 2, 27))
    ClaimFactory(article=new, published=True)
    html = client.get("/articles/").content.decode()
    assert html.index("Newer piece") < html.index("Older piece")
    assert "1 published claim" in html and f'href="/articles/{old.pk}/"' in html


def test_actors_events_and_series_list_only_what_published_claims_name(client):
    series = SeriesFactory(name="Overnight strikes")
    shown_event = EventFactory(name="Night of 25–26 Feb", series=series)
    hidden_event = EventFactory(name="Secret night")
    ClaimFactory(published=True, claimant=ActorFactory(name="Sergei Lavrov"), event=shown_event)
    ClaimFactory(claimant=ActorFactory(name="Draft Only"), event=hidden_event)
    actors = client.get("/actors/").content.decode()
    assert "Sergei Lavrov" in actors and "Draft Only" not in actors
    events = client.get("/events/").content.decode()
    assert "Night of 25–26 Feb" in events and "Secret night" not in events
    assert "Overnight strikes" in client.get("/series/").content.decode()


def test_pages_follow_each_other_and_a_wrong_page_is_404(client):
    for n in range(PER_PAGE + 1):
        ArticleFactory(title=f"Piece {n}", published=dt.date(2026, 1, 1) + dt.timedelta(days=n))
    first = client.get("/articles/").content.decode()
    assert 'href="?page=2" rel="next"' in first and "Page 1 of 2" in first
    second = client.get("/articles/?page=2").content.decode()
    assert "Piece 0" in second and 'rel="prev"' in second
    assert client.get("/articles/?page=3").status_code == 404
    assert client.get("/articles/?page=abc").status_code == 404


@pytest.mark.parametrize("path", ["/articles/", "/actors/", "/events/", "/series/"])
def test_head_answers_like_get(client, path):
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405


@pytest.mark.parametrize("rows", [1, 20])
@pytest.mark.parametrize("path", ["/articles/", "/actors/", "/events/", "/series/"])
def test_each_index_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows, path):
    series = SeriesFactory()
    for _ in range(rows):
        ClaimFactory(
            published=True,
            claimant=ActorFactory(affiliation=ActorFactory()),
            event=EventFactory(series=series),
        )
    with django_assert_num_queries(3):
        # 1. newest history date (Last-Modified / ETag)
        # 2. the count of rows (pagination)
        # 3. the page's rows, with what they show joined in
        response = client.get(path)
    assert response.status_code == 200


def test_a_records_own_pages_follow_the_same_page_rule(client):
    """An actor's, an event's and a series' pages: page 1 even when empty, 404 past the last
    or for what is not a page number (not quietly page 1 or the last page)."""
    event = EventFactory(series=SeriesFactory())
    actor = ActorFactory()
    for path in (f"/actors/{actor.pk}/", f"/events/{event.pk}/", f"/series/{event.series_id}/"):
        assert client.get(path).status_code == 200
        assert client.get(path + "?page=1").status_code == 200
        assert client.get(path + "?page=2").status_code == 404, path
        assert client.get(path + "?page=abc").status_code == 404, path
        assert client.get(path + "?page=０").status_code == 404, path
