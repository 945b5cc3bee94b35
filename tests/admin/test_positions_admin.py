"""Admin: positions, the position-from-claim tool and the matrix/timeline overview."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.ledger.models import Position
from tests.factories import ActorFactory, ClaimFactory, PositionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_readers_cannot_record_a_position_from_a_claim(client):
    claim = ClaimFactory()
    url = f"/admin/ledger/position/from-claim/{claim.pk}/"
    assert client.get(url).status_code == 302  # to the admin login


def test_position_from_claim_is_prefilled_and_records(editor_client):
    russia, topic = ActorFactory(name="Russia"), TopicFactory()
    claim = ClaimFactory(claimant=russia, topic=topic, about_start=dt.date(2026, 2, 26))
    url = f"/admin/ledger/position/from-claim/{claim.pk}/"
    page = editor_client.get(url).content.decode()
    assert 'value="2026-02-26"' in page
    assert f'<option value="{russia.pk}" selected>' in page
    response = editor_client.post(
        url,
        {
            "actor": russia.pk,
            "topic": topic.pk,
            "as_of": "2026-02-26",
            "stance": "supports",
            "strength": 3,
            "conditions": "threatens force",
            "attribution": "own",
        },
    )
    assert response.status_code == 302
    position = Position.objects.get()
    assert list(position.evidence.all()) == [claim]
    assert position.change == "new"


def test_position_admin_override_goes_through_the_service(editor_client, editor):
    actor, topic = ActorFactory(), TopicFactory()
    first = PositionFactory(actor=actor, topic=topic, as_of=dt.date(2026, 2, 17))
    second = PositionFactory(actor=actor, topic=topic, as_of=dt.date(2026, 2, 26))
    data = {
        "actor": actor.pk,
        "topic": topic.pk,
        "as_of": "2026-02-26",
        "stance": "supports",
        "strength": 2,
        "conditions": "",
        "attribution": "own",
        "evidence": "",
        "change_override": "hardened",
        "override_reason": "",
    }
    url = f"/admin/ledger/position/{second.pk}/change/"
    assert editor_client.post(url, data).status_code == 200  # a reason is needed
    data["override_reason"] = "threat of force"
    assert editor_client.post(url, data).status_code == 302
    second.refresh_from_db()
    assert (second.change, second.computed_change) == ("hardened", "unchanged")
    assert second.history.latest().history_user == editor
    first.refresh_from_db()
    assert first.change == "new"


def test_overview_shows_the_matrix_and_a_timeline(editor_client):
    topic = TopicFactory(title="Donetsk")
    PositionFactory(actor=ActorFactory(name="Russia"), topic=topic)
    page = editor_client.get(f"/admin/ledger/position/overview/?topic={topic.pk}").content.decode()
    assert "Russia" in page and "<svg" in page


# Admin pages start with: 1 session, 2 user, then the page's own queries.


@pytest.mark.parametrize("rows", [1, 20])
def test_position_changelist_queries(rows, editor_client, django_assert_num_queries):
    topic = TopicFactory()
    for i in range(rows):
        PositionFactory(topic=topic, as_of=dt.date(2026, 1, 1) + dt.timedelta(days=i))
    # 1 session, 2 user, 3-4 user and group permissions, 5 topics for the filter,
    # 6-7 counts (filtered, full), 8 positions with actor and topic,
    # 9 first and last date, 10 days for the date hierarchy
    with django_assert_num_queries(10):
        assert editor_client.get("/admin/ledger/position/").status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_position_overview_queries(rows, editor_client, django_assert_num_queries):
    topic = TopicFactory()
    for i in range(rows):
        PositionFactory(topic=topic, as_of=dt.date(2026, 1, 1) + dt.timedelta(days=i))
    # 1 session, 2 user, 3-4 user and group permissions, 5 the topic asked for,
    # 6 its positions with actor and topic, 7 their evidence, 8 the matrix's positions,
    # 9 their evidence, 10 topics for the form's choices
    with django_assert_num_queries(10):
        assert (
            editor_client.get(f"/admin/ledger/position/overview/?topic={topic.pk}").status_code
            == 200
        )
