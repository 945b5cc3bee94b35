"""Public analysis pages: event, series, topic(s), matrix, actor positions."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.ledger.choices import Bound
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    PositionFactory,
    SeriesFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _figure(event, value, bound=Bound.EXACT, *, agency="", quantity="drones", published=True):
    article = ArticleFactory(wire_agency=agency, source=SourceFactory())
    claim = ClaimFactory(article=article, event=event, kind="quantity", published=published)
    MeasurementFactory(claim=claim, quantity=quantity, value=value, bound=bound, text=f"{value}")
    return claim


def test_event_page_flags_a_discrepancy_with_spread_and_sources(client):
    night = EventFactory(name="Night of 16–17 Feb")
    _figure(night, 400, agency="AP")
    _figure(night, 250, agency="AFP")
    _figure(night, 5, agency="Reuters", published=False)
    page = client.get(f"/events/{night.pk}/").content.decode()
    assert "discrepancy: from 250 to 400 (spread 150) across AFP, AP" in page
    assert "16–17 Feb 2026" in page
    assert ">5<" not in page  # the unpublished figure


def test_event_page_shows_agreeing_figures(client):
    night = EventFactory()
    _figure(night, 400, Bound.AT_MOST, agency="AP")
    _figure(night, 390, Bound.ABOUT, agency="AFP")
    page = client.get(f"/events/{night.pk}/").content.decode()
    assert "the 2 reports agree, from 2 independent origins" in page
    assert "discrepancy:" not in page


def test_one_report_is_not_called_agreement(client):
    night = EventFactory()
    _figure(night, 400, Bound.AT_MOST, agency="AP")
    page = client.get(f"/events/{night.pk}/").content.decode()
    assert "one report so far, nothing to compare it with" in page
    assert "agree" not in page.split("<main")[1]


def test_reports_from_one_origin_agree_but_say_so(client):
    night = EventFactory()
    _figure(night, 400, Bound.AT_MOST, agency="AP")
    _figure(night, 400, Bound.AT_MOST, agency="AP")
    page = client.get(f"/events/{night.pk}/").content.decode()
    assert "the 2 reports agree, but all come from one origin (AP)" in page


def test_series_page_shows_two_nights_side_by_side_with_a_chart(client):
    strikes = SeriesFactory(name="Overnight strikes")
    first = EventFactory(series=strikes, start=dt.date(2026, 2, 16), end=dt.date(2026, 2, 17))
    second = EventFactory(series=strikes, start=dt.date(2026, 2, 25), end=dt.date(2026, 2, 26))
    _figure(first, 400, Bound.AT_MOST, agency="AP")
    _figure(second, 420, Bound.ABOUT, agency="AFP")
    response = client.get(f"/series/{strikes.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") == 1
    assert "16–17 Feb 2026" in page and "25–26 Feb 2026" in page
    assert "disagree" not in page
    assert "public" in response.headers["Cache-Control"]


def test_svg_text_is_escaped(client):
    strikes = SeriesFactory()
    night = EventFactory(series=strikes)
    article = ArticleFactory(source=SourceFactory(name="<script>alert(1)</script>"))
    claim = ClaimFactory(article=article, event=night, published=True)
    MeasurementFactory(claim=claim, text="<b>400</b>")
    page = client.get(f"/series/{strikes.pk}/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unknown_records_are_404(client):
    for url in ("/events/999/", "/series/999/", "/topics/999/", "/actors/999/positions/"):
        assert client.get(url).status_code == 404


def _positions(n: int, topic=None, actor=None):
    evidence = ClaimFactory(published=True)
    hidden = ClaimFactory()
    for i in range(n):
        PositionFactory(
            actor=actor or ActorFactory(),
            topic=topic or TopicFactory(),
            as_of=dt.date(2026, 2, 1) + dt.timedelta(days=i),
            stance="opposes" if i % 2 else "supports",
            evidence=[evidence, hidden],
        )
    return evidence, hidden


def test_topic_page_shows_each_step_linked_to_published_evidence_only(client):
    topic = TopicFactory(title="Ukraine cedes Donetsk")
    russia = ActorFactory(name="Russia")
    evidence, hidden = _positions(2, topic=topic, actor=russia)
    PositionFactory(actor=ActorFactory(name="Secret"), topic=topic, evidence=[hidden])
    page = client.get(f"/topics/{topic.pk}/").content.decode()
    assert f'href="/claims/{evidence.pk}/"' in page
    assert f"/claims/{hidden.pk}/" not in page
    assert "Secret" not in page
    assert page.count("<svg") == 1
    assert "Supports" in page and "Opposes" in page


def test_matrix_as_of_shows_the_past(client):
    actor, topic = ActorFactory(name="Russia"), TopicFactory(title="Donetsk")
    evidence = ClaimFactory(published=True)
    PositionFactory(actor=actor, topic=topic, as_of=dt.date(2026, 2, 17), evidence=[evidence])
    PositionFactory(
        actor=actor,
        topic=topic,
        as_of=dt.date(2026, 2, 26),
        stance="opposes",
        change="reversed",
        evidence=[evidence],
    )
    before = client.get("/matrix/?as_of=2026-02-20").content.decode()
    after = client.get("/matrix/?as_of=2026-02-27").content.decode()
    assert "17 Feb 2026" in before and "Opposes" not in before
    assert "26 Feb 2026" in after and "Opposes" in after
    assert client.get("/matrix/?as_of=soon").status_code == 400


def test_actor_positions_page_and_include(client):
    actor = ActorFactory(name="Ukraine")
    _positions(3, actor=actor)
    page = client.get(f"/actors/{actor.pk}/positions/").content.decode()
    assert page.count('class="positions-track"') == 3
    assert page.count("<svg") == 1


# ---- query counts: 1 row and 20 rows cost the same ------------------------------------------

# Every page first asks when the ledger last changed (the ETag/Last-Modified validator).


@pytest.mark.parametrize("rows", [1, 20])
def test_event_page_queries(rows, client, django_assert_num_queries):
    night = EventFactory()
    night.participants.set([ActorFactory() for _ in range(rows)])
    for i in range(rows):
        _figure(night, 100 + i, agency=f"A{i}", quantity=f"q{i % 3}")
    # 1 last change, 2 event with series and parent, 3 participants,
    # 4 measurements with claim, article and source,
    # 5 how many published claims (the page's count),
    # 6 the page of claims with article, source, claimant, event, series and topic,
    # 7 subjects, 8 measurements of the claims
    with django_assert_num_queries(8):
        assert client.get(f"/events/{night.pk}/").status_code == 200


@pytest.mark.parametrize("rows", [1, 20, 60])
def test_series_page_queries(rows, client, django_assert_num_queries):
    strikes = SeriesFactory()
    for i in range(rows):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i)
        night = EventFactory(series=strikes, start=day, end=day)
        _figure(night, 100 + i, agency="AP")
        _figure(night, 120 + i, agency="AFP", quantity="missiles")
    # 1 last change, 2 series, 3 how many events (the page's count), 4 the page of events,
    # 5 measurements of the page's events with claim, article, source and event
    for url in (f"/series/{strikes.pk}/", f"/series/{strikes.pk}/?page=1"):
        with django_assert_num_queries(5):
            assert client.get(url).status_code == 200


def test_series_page_shows_50_events_a_page_with_previous_and_next_links(client):
    strikes = SeriesFactory()
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(51)]
    nights = [
        EventFactory(series=strikes, name=f"Night {i:02}", start=day, end=day)
        for i, day in enumerate(days)
    ]
    _figure(nights[0], 4321, agency="AP")
    _figure(nights[50], 8765, agency="AP")

    first = client.get(f"/series/{strikes.pk}/").content.decode()
    assert "Night 49" in first and "Night 50" not in first
    assert "1–50 of 51" in first
    assert 'rel="next" href="?page=2"' in first and 'rel="prev"' not in first
    assert '"num">4321<' in first and '"num">8765<' not in first

    second = client.get(f"/series/{strikes.pk}/?page=2").content.decode()
    assert "Night 50" in second and "Night 49" not in second
    assert 'rel="prev" href="?page=1"' in second and 'rel="next"' not in second
    assert '"num">8765<' in second and '"num">4321<' not in second


def test_a_short_series_has_no_pager(client):
    strikes = SeriesFactory()
    EventFactory(series=strikes)
    assert 'class="pager"' not in client.get(f"/series/{strikes.pk}/").content.decode()


@pytest.mark.parametrize("rows", [1, 20])
def test_topic_page_queries(rows, client, django_assert_num_queries):
    topic = TopicFactory()
    _positions(rows, topic=topic)
    # 1 last change, 2 topic, 3 positions with actor and topic, 4 published evidence
    with django_assert_num_queries(4):
        assert client.get(f"/topics/{topic.pk}/").status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_topics_page_queries(rows, client, django_assert_num_queries):
    _positions(rows)
    # 1 last change, 2 topics with their counts
    with django_assert_num_queries(2):
        assert client.get("/topics/").status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_matrix_page_queries(rows, client, django_assert_num_queries):
    _positions(rows)
    # 1 the public ledger clock, 2 how many actors have a position, 3 the page of them,
    # 4 their positions with actor and topic, 5 published evidence
    with django_assert_num_queries(5):
        assert client.get("/matrix/?as_of=2026-03-31").status_code == 200


def test_the_matrix_pages_its_actors(client, monkeypatch):
    from factcheck.ledger.reports import matrix

    monkeypatch.setattr(matrix, "ACTORS_PER_PAGE", 2)
    _positions(3)
    first = client.get("/matrix/?as_of=2026-03-31").content.decode()
    assert first.count('<th scope="row">') == 2
    assert "page=2" in first
    second = client.get("/matrix/?as_of=2026-03-31&page=2").content.decode()
    assert second.count('<th scope="row">') == 1
    assert "Next actors" not in second


@pytest.mark.parametrize("rows", [1, 20])
def test_actor_positions_page_queries(rows, client, django_assert_num_queries):
    actor = ActorFactory()
    _positions(rows, actor=actor)
    # 1 last change, 2 actor, 3 positions with actor and topic, 4 published evidence
    with django_assert_num_queries(4):
        assert client.get(f"/actors/{actor.pk}/positions/").status_code == 200
