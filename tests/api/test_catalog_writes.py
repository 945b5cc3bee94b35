"""PATCH on events and topics: through catalog_update, under If-Match, with precise errors."""

import pytest

from tests.factories import ActorFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db


def etag(client, url):
    return client.get(url).headers["ETag"]


def test_an_editor_changes_an_event_and_its_participants(editor_client, editor):
    event = EventFactory()
    actor = ActorFactory()
    url = f"/api/v1/events/{event.pk}/"
    response = editor_client.patch(
        url,
        {"place": "Geneva", "participants": [actor.pk]},
        content_type="application/json",
        HTTP_IF_MATCH=etag(editor_client, url),
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["place"] == "Geneva" and body["participants"] == [actor.pk]
    assert "figures" in body
    assert event.history.first().history_user == editor


def test_an_event_ending_before_it_starts_is_a_400_and_nothing_changes(editor_client):
    event = EventFactory()
    url = f"/api/v1/events/{event.pk}/"
    response = editor_client.patch(
        url,
        {"end": "2026-02-01"},
        content_type="application/json",
        HTTP_IF_MATCH=etag(editor_client, url),
    )
    assert response.status_code == 400
    event.refresh_from_db()
    assert str(event.end) == "2026-02-17"


def test_a_stale_topic_change_is_refused_with_412(editor_client):
    topic = TopicFactory()
    url = f"/api/v1/topics/{topic.pk}/"
    stale = etag(editor_client, url)
    first = editor_client.patch(
        url, {"title": "First wording"}, content_type="application/json", HTTP_IF_MATCH=stale
    )
    assert first.status_code == 200
    second = editor_client.patch(
        url, {"title": "Second wording"}, content_type="application/json", HTTP_IF_MATCH=stale
    )
    assert second.status_code == 412
    topic.refresh_from_db()
    assert topic.title == "First wording"


def test_patch_without_if_match_is_428(editor_client):
    topic = TopicFactory()
    response = editor_client.patch(
        f"/api/v1/topics/{topic.pk}/", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 428
