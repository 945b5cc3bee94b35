"""Editing events, topics and articles in the admin goes through catalog_update."""

import datetime as dt

import pytest

from tests.factories import ActorFactory, ArticleFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_an_event_edit_saves_the_changed_fields_and_participants_with_the_editor(
    editor_client, editor
):
    event = EventFactory(place="Geneva")
    actor = ActorFactory()
    response = editor_client.post(
        f"/admin/ledger/event/{event.pk}/change/",
        {
            "name": event.name,
            "kind": event.kind,
            "place": "Geneva, Switzerland",
            "start": "2026-02-16",
            "end": "2026-02-17",
            "precision": "span",
            "participants": [actor.pk],
            "description": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    event.refresh_from_db()
    assert event.place == "Geneva, Switzerland"
    assert list(event.participants.all()) == [actor]
    assert event.history.first().history_user == editor


def test_an_event_ending_before_it_starts_is_refused_in_the_form(editor_client):
    event = EventFactory()
    response = editor_client.post(
        f"/admin/ledger/event/{event.pk}/change/",
        {
            "name": event.name,
            "kind": event.kind,
            "start": "2026-02-17",
            "end": "2026-02-16",
            "precision": "span",
        },
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.end == dt.date(2026, 2, 17)


def test_a_topic_and_an_article_title_are_edited_and_recorded(editor_client, editor):
    topic = TopicFactory()
    editor_client.post(
        f"/admin/ledger/topic/{topic.pk}/change/", {"title": "Reworded", "description": ""}
    )
    topic.refresh_from_db()
    assert topic.title == "Reworded" and topic.history.first().history_user == editor
    article = ArticleFactory()
    response = editor_client.get(f"/admin/ledger/article/{article.pk}/change/")
    form = response.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update({"title": "A better title", "source": article.source_id})
    editor_client.post(f"/admin/ledger/article/{article.pk}/change/", data)
    article.refresh_from_db()
    assert article.title == "A better title"
    assert article.history.first().history_user == editor
