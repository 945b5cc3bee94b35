"""The actor page: who they are, what they claimed, what was claimed about them, positions."""

from __future__ import annotations

import pytest

from factcheck.ledger.choices import ClaimStatus
from tests.factories import ActorAliasFactory, ActorFactory, ClaimFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_it_separates_claims_made_from_claims_about_the_actor(client):
    russia = ActorFactory(name="Russia", kind="government", description="The Russian Federation.")
    ActorAliasFactory(actor=russia, name="Moscow")
    made = ClaimFactory(published=True, claimant=russia, summary="Russia says it will not budge")
    about = ClaimFactory(published=True, subjects=[russia], summary="Russia struck 12 regions")
    ClaimFactory(status=ClaimStatus.DRAFT, claimant=russia, summary="draft by Russia")
    ClaimFactory(status=ClaimStatus.IN_REVIEW, subjects=[russia], summary="in review about Russia")

    html = client.get(f"/actors/{russia.pk}/").content.decode()

    made_section = html[html.index('id="made-heading"') : html.index('id="about-heading"')]
    about_section = html[html.index('id="about-heading"') :]
    assert made.summary in made_section and about.summary not in made_section
    assert about.summary in about_section and made.summary not in about_section
    assert "draft by Russia" not in html
    assert "in review about Russia" not in html
    assert "Also named: Moscow" in html
    assert "The Russian Federation." in html


def test_it_shows_positions_with_published_evidence_only(client):
    russia = ActorFactory(name="Russia")
    shown = PositionFactory(
        actor=russia, evidence=[ClaimFactory(published=True, summary="public evidence")]
    )
    PositionFactory(
        actor=russia, evidence=[ClaimFactory(status=ClaimStatus.DRAFT, summary="draft evidence")]
    )
    html = client.get(f"/actors/{russia.pk}/").content.decode()
    assert shown.topic.title in html
    assert "draft evidence" not in html


def test_an_unknown_actor_answers_404(client):
    assert client.get("/actors/999999/").status_code == 404


@pytest.mark.parametrize("rows", [1, 20])
def test_it_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    actor = ActorFactory()
    ActorAliasFactory(actor=actor)
    for _ in range(rows):
        made = ClaimFactory(published=True, claimant=actor, subjects=[ActorFactory()])
        ClaimFactory(published=True, subjects=[actor])
        PositionFactory(actor=actor, evidence=[made])
    with django_assert_num_queries(9):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2. the actor with its affiliation
        # 3. its aliases
        # 4. how many published claims by or about it (the page's count)
        # 5. the page of them, with article, source, claimant, event, topic
        # 6. their subject actors
        # 7. their measurements
        # 8. its positions backed by published evidence, with actor and topic
        # 9. their published evidence claims with article and source
        response = client.get(f"/actors/{actor.pk}/")
    assert response.status_code == 200


def test_the_claims_come_a_page_at_a_time(client, monkeypatch):
    from factcheck.web.views import actors

    monkeypatch.setattr(actors, "CLAIMS_PER_PAGE", 2)
    actor = ActorFactory()
    made = [ClaimFactory(published=True, claimant=actor) for _ in range(2)]
    about = ClaimFactory(published=True, subjects=[actor])
    first = client.get(f"/actors/{actor.pk}/").content.decode()
    second = client.get(f"/actors/{actor.pk}/?page=2").content.decode()
    shown = [
        {c.pk for c in (*made, about) if f'href="/claims/{c.pk}/"' in html}
        for html in (first, second)
    ]
    assert len(shown[0]) == 2 and len(shown[1]) == 1
    assert shown[0] | shown[1] == {c.pk for c in (*made, about)}
    assert "?page=2" in first
    assert "of 3" in first
