"""Every admin list and change page of the ledger loads, in a fixed number of queries.

Each page is fetched once to warm per-process caches (content types), then measured with
20 rows and with 1 row: the counts are the same.
Common to every page: 1 session, 2 user, 3 the user's permissions, 4 their groups' permissions.
"""

from __future__ import annotations

import pytest

from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    SeriesFactory,
    SourceFactory,
    SuggestionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 20], ids=["1-row", "20-rows"])
def world(request):
    """`rows` of everything, all tied to one article, actor, event and topic."""
    article = ArticleFactory()
    actor = ActorFactory()
    ActorAliasFactory(actor=actor)
    series = SeriesFactory()
    event = EventFactory(series=series)
    event.participants.set([actor])
    topic = TopicFactory()
    for _ in range(request.param):
        other = ActorFactory(affiliation=actor)
        ActorAliasFactory(actor=other)
        ActorAliasFactory(actor=other)
        claim = ClaimFactory(
            article=article,
            claimant=other,
            event=event,
            topic=topic,
            subjects=[other, actor],
            in_review=True,
        )
        MeasurementFactory(claim=claim)
        MeasurementFactory(claim=claim, quantity="missiles", value=29, bound="exact")
        EventFactory(series=series, parent=event)
        TopicFactory()
        SourceFactory()
        ArticleFactory()
        SuggestionFactory(article=article)
    return {
        "article": article,
        "actor": actor,
        "event": event,
        "topic": topic,
        "claim": claim,
        "series": series,
    }


def measure(client, url, n, django_assert_num_queries):
    assert client.get(url).status_code == 200
    with django_assert_num_queries(n):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_claim_changelist(editor_client, world, django_assert_num_queries):
    # 5 count of the filtered rows, 6 count of all rows, 7 the page of claims with article,
    # source, claimant, event, series and topic joined, 8 their subjects, 9 their measurements
    response = measure(editor_client, "/admin/ledger/claim/", 9, django_assert_num_queries)
    assert b"Review queue" in response.content


def test_review_queue(editor_client, world, django_assert_num_queries):
    # 5 count in review, 6 count of all, 7 claims (joined as above), 8 subjects, 9 measurements
    response = measure(
        editor_client, "/admin/ledger/claim/?queue=review", 9, django_assert_num_queries
    )
    assert response.context["cl"].queryset.query.order_by[:2] == ("submitted_at", "id")


def test_claim_change_page(editor_client, world, django_assert_num_queries):
    # 5 the claim (joined), 6 its subjects, 7 its links both ways (with the other claims'
    # articles and sources), 8 the measurement inline rows,
    # 9 the selected claimant (autocomplete widget), 10 the selected subjects, 11 the event,
    # 12 the topic, 13 the history log ("who did what")
    url = f"/admin/ledger/claim/{world['claim'].pk}/change/"
    response = measure(editor_client, url, 13, django_assert_num_queries)
    assert b'name="expected_version"' in response.content


def test_claim_add_page(editor_client, world, django_assert_num_queries):
    # (no further query: an empty form with autocomplete widgets)
    measure(editor_client, "/admin/ledger/claim/add/", 4, django_assert_num_queries)


def test_article_changelist(editor_client, world, django_assert_num_queries):
    # 5 count filtered, 6 count all (both with the claim count annotation), 7 the date
    # hierarchy's years, 8 the wire-agency filter choices... 9 the page of articles with
    # source and claim count, 10 the source filter's choices, 11 the date hierarchy's range
    measure(editor_client, "/admin/ledger/article/", 11, django_assert_num_queries)


def test_article_change_page_with_marked_text(editor_client, world, django_assert_num_queries):
    # 5 the article, 6 its claims (joined), 7 their subjects, 8 their measurements,
    # 9 claims waiting for re-anchoring, 10 the other revisions, 11 the article again with its
    # source (admin's get_object), 12 the selected source (autocomplete), 13 the open suggestions,
    # 14 the article's copies (other outlets running the same story)
    url = f"/admin/ledger/article/{world['article'].pk}/change/"
    response = measure(editor_client, url, 14, django_assert_num_queries)
    assert response.content.count(b'class="claim-mark') >= 1


def test_actor_changelist(editor_client, world, django_assert_num_queries):
    # 5 count filtered, 6 count all, 7 the actors with affiliation, 8 their aliases
    measure(editor_client, "/admin/ledger/actor/", 8, django_assert_num_queries)


def test_actor_change_page(editor_client, world, django_assert_num_queries):
    # 5 the actor (affiliation joined), 6 its aliases (prefetched), 7 the alias inline rows
    # (it has no affiliation, so the autocomplete widget has nothing to look up)
    url = f"/admin/ledger/actor/{world['actor'].pk}/change/"
    measure(editor_client, url, 7, django_assert_num_queries)


def test_event_changelist(editor_client, world, django_assert_num_queries):
    # 5 the series filter's choices, 6 count filtered, 7 count all, 8 events with series and
    # parent, 9 the date hierarchy's range, 10 its days
    measure(editor_client, "/admin/ledger/event/", 10, django_assert_num_queries)


def test_event_change_page(editor_client, world, django_assert_num_queries):
    # 5 the event, 6 its participants (the form's initial value), 7 the selected series,
    # 8 the selected participants (autocomplete widgets; it has no parent)
    url = f"/admin/ledger/event/{world['event'].pk}/change/"
    measure(editor_client, url, 8, django_assert_num_queries)


@pytest.mark.parametrize("model", ["topic", "series", "source", "suggestion"])
def test_small_changelists(editor_client, world, django_assert_num_queries, model):
    # 5 count filtered, 6 count all (with their counts annotated), 7 the page of rows
    measure(editor_client, f"/admin/ledger/{model}/", 7, django_assert_num_queries)


def test_topic_change_page(editor_client, world, django_assert_num_queries):
    # 5 the topic (with claim and position counts)
    url = f"/admin/ledger/topic/{world['topic'].pk}/change/"
    measure(editor_client, url, 5, django_assert_num_queries)


def test_series_change_page(editor_client, world, django_assert_num_queries):
    # 5 the series (with its event count)
    url = f"/admin/ledger/series/{world['series'].pk}/change/"
    measure(editor_client, url, 5, django_assert_num_queries)


def test_history_pages_load(editor_client, world):
    claim = world["claim"]
    assert editor_client.get(f"/admin/ledger/claim/{claim.pk}/history/").status_code == 200
    version = claim.history.first()
    response = editor_client.get(f"/admin/ledger/claim/{claim.pk}/history/{version.history_id}/")
    assert response.status_code == 200 and b"This is the current version" in response.content
