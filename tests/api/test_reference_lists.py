"""Articles, actors, events, topics, positions and links: filters, visibility, query counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.api.conftest import ids, results
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    EventFactory,
    MeasurementFactory,
    PositionFactory,
    SeriesFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


# ---- articles ------------------------------------------------------------------------------


def test_readers_see_current_revisions_only(anon, editor_api, world):
    old = ArticleFactory(origin="same.txt", revision=1, is_current=False)
    new = ArticleFactory(origin="same.txt", revision=2, source=old.source)
    assert old.pk not in ids(anon.get("/api/v1/articles/"))
    assert new.pk in ids(anon.get("/api/v1/articles/"))
    assert anon.get(f"/api/v1/articles/{old.pk}/").status_code == 404
    assert old.pk in ids(editor_api.get("/api/v1/articles/"))


def test_article_list_and_detail_fields(anon, world):
    row = results(anon.get("/api/v1/articles/?wire_agency=ap"))[0]
    assert {"id", "title", "source", "published", "wire_agency"} <= set(row)
    assert "body" not in row
    detail = anon.get(f"/api/v1/articles/{world.article.pk}/").json()
    assert detail["body"] == world.article.body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("wire_agency=AFP", ["other_article"]),
        ("source={w.article.source.name}", ["article"]),
        ("q={w.article.title}", ["article"]),
        ("published_after=2026-02-18", []),
        ("published_before=2026-02-17", ["article", "other_article"]),
    ],
)
def test_article_filters(anon, world, query, expected):
    found = ids(anon.get("/api/v1/articles/?" + query.format(w=world)))
    assert sorted(found) == sorted(getattr(world, name).pk for name in expected)


# ---- actors --------------------------------------------------------------------------------


def test_actor_fields_and_alias_search(anon, world):
    ActorAliasFactory(actor=world.actor, name="Russia's foreign minister")
    (row,) = results(anon.get("/api/v1/actors/?q=foreign minister"))
    assert row["id"] == world.actor.pk
    assert row["aliases"] == ["Russia's foreign minister"]
    assert {"id", "name", "kind", "aliases"} <= set(row)


def test_actor_kind_filter(anon, world):
    assert ids(anon.get("/api/v1/actors/?kind=government")) == [world.subject.pk]


# ---- events --------------------------------------------------------------------------------


def test_event_filters(anon, world):
    series = SeriesFactory()
    strike = EventFactory(series=series, kind="strike")
    talks = EventFactory(kind="talks", start=dt.date(2026, 2, 26), end=None)
    talks.participants.set([world.actor])
    assert ids(anon.get(f"/api/v1/events/?series={series.pk}")) == [strike.pk]
    assert ids(anon.get("/api/v1/events/?kind=talks")) == [talks.pk]
    assert ids(anon.get(f"/api/v1/events/?actor={world.actor.pk}")) == [talks.pk]
    assert ids(anon.get("/api/v1/events/?starts_after=2026-02-20")) == [talks.pk]
    assert ids(anon.get(f"/api/v1/events/?q={talks.name}")) == [talks.pk]


def test_event_detail_shows_figures_from_published_claims(anon, editor_api, world):
    MeasurementFactory(
        claim=world.other, quantity="drones", value=420, bound="about", text="some 420 drones"
    )
    draft = ClaimFactory(event=world.event, article=world.article)
    MeasurementFactory(claim=draft, quantity="drones", value=10, bound="exact")
    body = anon.get(f"/api/v1/events/{world.event.pk}/").json()
    assert {
        "id",
        "name",
        "kind",
        "start",
        "end",
        "precision",
        "series",
        "participants",
        "figures",
    } <= set(body)
    (drones,) = body["figures"]
    assert drones["quantity"] == "drones"
    assert sorted(r["value"] for r in drones["reports"]) == [400, 420]
    assert {r["wire_agency"] for r in drones["reports"]} == {"AP", "AFP"}
    assert {r["claim"] for r in drones["reports"]} == {world.published.pk, world.other.pk}
    assert drones["agree"] is True
    newsroom = editor_api.get(f"/api/v1/events/{world.event.pk}/").json()
    assert len(newsroom["figures"][0]["reports"]) == 3
    assert newsroom["figures"][0]["agree"] is False


def test_event_figures_are_the_figure_serializers_output(world):
    from decimal import Decimal

    from rest_framework.renderers import JSONRenderer

    from factcheck.api.serializers.events import FigureSerializer, figure_rows
    from factcheck.ledger.reports.event_figures import event_figures

    MeasurementFactory(claim=world.other, value=Decimal("420.5"), bound="about", text="")
    MeasurementFactory(claim=world.other, quantity="missiles", value=0, unit="t")
    figures = event_figures(event=world.event, published_only=False)
    assert len(figures) == 2
    render = JSONRenderer().render
    assert render(figure_rows(figures)) == render(FigureSerializer(figures, many=True).data)


def test_event_expand(anon, world):
    world.event.participants.set([world.actor])
    row = results(anon.get("/api/v1/events/?expand=participants,series"))[0]
    assert row["participants"] == [
        {"id": world.actor.pk, "name": "Sergei Lavrov", "kind": "person"}
    ]


# ---- topics, positions, timelines ----------------------------------------------------------


def test_topic_search(anon, world):
    TopicFactory(title="Ukraine cedes the rest of Donetsk region to Russia")
    (row,) = results(anon.get("/api/v1/topics/?q=donetsk"))
    assert row["title"].startswith("Ukraine cedes")


def test_positions_visible_to_readers_only_with_published_evidence(anon, editor_api, world):
    hidden = PositionFactory(actor=world.subject, topic=world.topic, evidence=[world.draft])
    bare = PositionFactory(actor=world.subject, topic=world.topic, as_of=dt.date(2026, 2, 1))
    assert ids(anon.get("/api/v1/positions/")) == [world.position.pk]
    assert set(ids(editor_api.get("/api/v1/positions/"))) == {world.position.pk, hidden.pk, bare.pk}


def test_readers_see_only_published_evidence(anon, editor_api, world):
    world.position.evidence.add(world.draft)
    path = f"/api/v1/positions/{world.position.pk}/"
    assert anon.get(path).json()["evidence"] == [world.published.pk]
    assert sorted(editor_api.get(path).json()["evidence"]) == sorted(
        [world.published.pk, world.draft.pk]
    )


def test_position_fields_and_filters(anon, world):
    other_topic = TopicFactory()
    PositionFactory(actor=world.actor, topic=other_topic, evidence=[world.other], stance="opposes")
    row = results(anon.get(f"/api/v1/positions/?topic={world.topic.pk}"))[0]
    assert {"id", "actor", "topic", "stance", "as_of", "change", "evidence"} <= set(row)
    assert row["change"] == "new"
    assert len(ids(anon.get(f"/api/v1/positions/?actor={world.actor.pk}"))) == 2
    assert len(ids(anon.get("/api/v1/positions/?stance=opposes"))) == 1
    expanded = results(anon.get(f"/api/v1/positions/?topic={world.topic.pk}&expand=evidence"))
    assert expanded[0]["evidence"][0]["quote"] == world.published.exact


def test_topic_timeline_and_actor_positions(anon, world):
    timeline = anon.get(f"/api/v1/topics/{world.topic.pk}/timeline/").json()
    assert timeline["topic"]["id"] == world.topic.pk
    (track,) = timeline["tracks"]
    assert track["actor"]["id"] == world.actor.pk
    assert [p["id"] for p in track["positions"]] == [world.position.pk]
    mine = anon.get(f"/api/v1/actors/{world.actor.pk}/positions/").json()
    assert mine["tracks"][0]["topic"]["id"] == world.topic.pk


# ---- links ---------------------------------------------------------------------------------


def test_readers_see_links_between_published_claims_only(anon, editor_api, world):
    hidden = ClaimLinkFactory(from_claim=world.draft, to_claim=world.published, relation="context")
    assert ids(anon.get("/api/v1/links/")) == [world.link.pk]
    assert set(ids(editor_api.get("/api/v1/links/"))) == {world.link.pk, hidden.pk}


def test_link_fields_and_filters(anon, world):
    row = results(anon.get(f"/api/v1/links/?claim={world.other.pk}"))[0]
    assert {"id", "from_claim", "to_claim", "relation", "note"} <= set(row)
    assert ids(anon.get("/api/v1/links/?relation=contradicts")) == []
    assert ids(anon.get(f"/api/v1/links/?from_claim={world.published.pk}")) == [world.link.pk]
    row = results(anon.get("/api/v1/links/?expand=from_claim,to_claim"))[0]
    assert row["to_claim"]["id"] == world.other.pk


# ---- query counts: every list and detail, 1 row and 20 rows the same ----------------------


def _rows(resource: str, n: int):
    if resource in ("events", "positions"):
        actor = ActorFactory()
    if resource == "positions":
        topic = TopicFactory()
    for i in range(n):
        if resource == "articles":
            ArticleFactory()
        elif resource == "actors":
            ActorAliasFactory(actor=ActorFactory())
        elif resource == "events":
            EventFactory(series=SeriesFactory()).participants.set([actor])
        elif resource == "topics":
            TopicFactory()
        elif resource == "positions":
            claim = ClaimFactory(published=True)
            PositionFactory(
                actor=actor, topic=topic, as_of=dt.date(2026, 1, 1 + i), evidence=[claim]
            )
        elif resource == "links":
            ClaimLinkFactory(
                from_claim=ClaimFactory(published=True), to_claim=ClaimFactory(published=True)
            )


LIST_QUERIES = {
    # count, rows (with their joins), then one query per prefetched relation
    "articles": 2,  # count; articles with source
    "actors": 3,  # count; actors with affiliation; aliases
    "events": 3,  # count; events with series and parent; participants
    "topics": 2,  # count; topics
    "positions": 3,  # count; positions with actor and topic; evidence claims
    "links": 2,  # count; links with both claims, their articles and sources
}


@pytest.mark.parametrize("resource", LIST_QUERIES)
@pytest.mark.parametrize("rows", [1, 20])
def test_list_queries_do_not_grow_with_rows(anon, resource, rows, django_assert_num_queries):
    _rows(resource, rows)
    with django_assert_num_queries(LIST_QUERIES[resource]):
        response = anon.get(f"/api/v1/{resource}/")
    assert len(response.json()["results"]) == rows


DETAIL_QUERIES = {
    "articles": ("article", 1),  # the article with its source
    "actors": ("actor", 2),  # the actor with its affiliation; aliases
    "events": ("event", 3),  # the event with series and parent; participants; figures
    "topics": ("topic", 1),  # the topic
    "positions": ("position", 2),  # the position with actor and topic; evidence claims
    "links": ("link", 1),  # the link with both claims, their articles and sources
}


@pytest.mark.parametrize("resource", DETAIL_QUERIES)
def test_detail_queries(anon, world, resource, django_assert_num_queries):
    attr, count = DETAIL_QUERIES[resource]
    with django_assert_num_queries(count):
        response = anon.get(f"/api/v1/{resource}/{getattr(world, attr).pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_timeline_queries_do_not_grow(anon, rows, django_assert_num_queries):
    topic = TopicFactory()
    for i in range(rows):
        PositionFactory(
            topic=topic, as_of=dt.date(2026, 1, 1 + i), evidence=[ClaimFactory(published=True)]
        )
    with django_assert_num_queries(3):
        # 1 the topic; 2 positions with actor and topic; 3 published evidence
        response = anon.get(f"/api/v1/topics/{topic.pk}/timeline/")
    assert len(response.json()["tracks"]) == rows
