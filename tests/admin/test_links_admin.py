"""Admin: claim links and the "Link this claim" tool (ranked candidates, search, linking)."""

from __future__ import annotations

import pytest

from factcheck.ledger.models import ClaimLink
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    SeriesFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_link_tool_shows_candidates_with_reasons_and_links(editor_client):
    topic = TopicFactory(title="Donetsk")
    mine = ClaimFactory(article=ArticleFactory(wire_agency="AP"), topic=topic, published=True)
    other = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), topic=topic, published=True)
    url = f"/admin/ledger/claimlink/from-claim/{mine.pk}/"
    page = editor_client.get(url).content.decode()
    assert f'value="{other.pk}"' in page
    assert "same topic: Donetsk" in page
    response = editor_client.post(
        url, {"to_claim": other.pk, "relation": "corroborates", "note": "AFP agrees"}
    )
    assert response.status_code == 302
    link = ClaimLink.objects.get()
    assert (link.from_claim, link.to_claim, link.created_by.username) == (mine, other, "ed")
    mine.refresh_from_db()
    assert (mine.corroboration, mine.independent_origins) == ("corroborated", 2)


def test_link_tool_refuses_a_duplicate_on_the_form(editor_client, editor):
    a, b = ClaimFactory(), ClaimFactory()
    ClaimLink.objects.create(from_claim=a, to_claim=b, relation="corroborates")
    response = editor_client.post(
        f"/admin/ledger/claimlink/from-claim/{b.pk}/",
        {"to_claim": a.pk, "relation": "corroborates"},
    )
    assert response.status_code == 200
    assert "already linked" in response.content.decode()
    assert ClaimLink.objects.count() == 1


def test_link_tool_searches_by_text(editor_client):
    mine = ClaimFactory()
    body = "Lavrov said: We have no deadlines, we have tasks."
    found = ClaimFactory(article=ArticleFactory(body=body))
    url = f"/admin/ledger/claimlink/from-claim/{mine.pk}/?q=deadlines"
    assert f'id="res-{found.pk}"' in editor_client.get(url).content.decode()


def test_readers_cannot_use_the_link_tool(client):
    claim = ClaimFactory()
    url = f"/admin/ledger/claimlink/from-claim/{claim.pk}/"
    assert client.get(url).status_code == 302  # to the admin login


# Admin pages start with: 1 session, 2 user, then the page's own queries.


@pytest.mark.parametrize("rows", [1, 20])
def test_claimlink_changelist_queries(rows, editor_client, django_assert_num_queries):
    for _ in range(rows):
        ClaimLink.objects.create(
            from_claim=ClaimFactory(), to_claim=ClaimFactory(), relation="context"
        )
    # 1 session, 2 user, 3-4 user and group permissions, 5-6 counts (filtered, full),
    # 7 links with both claims, their articles and sources, and the author
    with django_assert_num_queries(7):
        assert editor_client.get("/admin/ledger/claimlink/").status_code == 200


def test_the_relation_has_no_default_and_a_link_without_one_is_refused(editor_client):
    mine, other = ClaimFactory(), ClaimFactory()
    url = f"/admin/ledger/claimlink/from-claim/{mine.pk}/"
    page = editor_client.get(url).content.decode()
    assert '<option value="" selected>— choose a relation —</option>' in page
    response = editor_client.post(url, {"to_claim": other.pk, "relation": ""})
    assert response.status_code == 200
    assert "Choose how the two claims relate." in response.content.decode()
    assert not ClaimLink.objects.exists()


def test_a_candidate_on_another_night_suggests_different_event_and_says_why(editor_client):
    series = SeriesFactory(name="Overnight strikes")
    first = EventFactory(name="Night of 16–17 Feb", series=series)
    second = EventFactory(name="Night of 25–26 Feb", series=series)
    mine = ClaimFactory(article=ArticleFactory(wire_agency="AP"), event=first)
    other = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), event=second)
    page = editor_client.get(f"/admin/ledger/claimlink/from-claim/{mine.pk}/").content.decode()
    radio = page.split(f'id="cand-{other.pk}"')[1].split(">")[0]
    assert 'data-relation="different_event"' in radio
    # The reason is the matcher's: here, the same figure told for other days.
    assert "Suggested “Different event of the same series” because " in radio
    assert "the same figure for other days" in radio
