"""Admin: the desk's "today's suggestions", most worth checking first, filtered by beat,
outlet and actor."""

from __future__ import annotations

import pytest

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    SourceFactory,
    SuggestionFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
URL = "/admin/ledger/suggestion/desk/"


def rows(html: str) -> list[str]:
    return [part.split('"', 1)[0] for part in html.split('id="desk-suggestion-')[1:]]


def test_it_lists_the_days_open_statements_and_figures_most_worth_checking_first(editor_client):
    low = SuggestionFactory(worth=0.2, worth_reasons=["a prediction (will)"])
    high = SuggestionFactory(worth=0.9, worth_reasons=["a specific figure (drones: 400)"])
    SuggestionFactory(worth=0.95, status="rejected")
    SuggestionFactory(worth=0.99, kind="date", key="date:1")
    html = editor_client.get(URL).content.decode()
    assert rows(html) == [str(high.pk), str(low.pk)]
    assert "a specific figure (drones: 400)" in html


def test_another_day_shows_that_days_suggestions(editor_client):
    SuggestionFactory(worth=0.5)
    html = editor_client.get(URL, {"day": "2001-01-01"}).content.decode()
    assert rows(html) == []
    assert "No open statement or figure was suggested on this day" in html


def test_filters_by_outlet_beat_and_actor(editor_client):
    outlet = SourceFactory(name="The Herald")
    topic = TopicFactory(title="A settlement by June")
    lavrov = ActorFactory(name="Sergei Lavrov")
    herald = SuggestionFactory(article=ArticleFactory(source=outlet))
    on_topic = SuggestionFactory()
    ClaimFactory(article=on_topic.article, topic=topic)
    tracked = ClaimFactory(claimant=lavrov)
    by_actor = SuggestionFactory(data={"claimant": "Lavrov"})
    repeat = SuggestionFactory(match_claim=tracked, match_relation="corroborates")
    assert rows(editor_client.get(URL, {"source": outlet.pk}).content.decode()) == [str(herald.pk)]
    assert rows(editor_client.get(URL, {"topic": topic.pk}).content.decode()) == [str(on_topic.pk)]
    by_name = rows(editor_client.get(URL, {"actor": "lavrov"}).content.decode())
    assert sorted(by_name) == sorted([str(by_actor.pk), str(repeat.pk)])


def test_people_outside_the_newsroom_cannot_see_it(client):
    client.force_login(UserFactory(is_staff=False))
    assert client.get(URL).status_code == 302
    client.force_login(UserFactory(is_staff=True))  # staff with no ledger permission
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("count", [1, 20])
def test_it_runs_a_fixed_number_of_queries(editor_client, count, django_assert_num_queries):
    tracked = ClaimFactory()
    for _ in range(count):
        SuggestionFactory(match_claim=tracked, match_relation="corroborates")
    editor_client.get(URL)  # the session and permissions are loaded once
    with django_assert_num_queries(7):
        # 1 session, 2 user, 3 user permissions, 4 group permissions, 5 the suggestions with
        # their article, outlet and tracked claim, 6 topics and 7 outlets for the filters
        response = editor_client.get(URL)
    assert len(rows(response.content.decode())) == count


def test_the_suggestion_list_links_to_the_desk(editor_client):
    html = editor_client.get("/admin/ledger/suggestion/").content.decode()
    assert f'href="{URL}"' in html
