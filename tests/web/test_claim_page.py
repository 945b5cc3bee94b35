"""The claim page: quote in context, links across sources, figures, rating history."""

from __future__ import annotations

import pytest

from factcheck.ledger.choices import ClaimStatus
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    MeasurementFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status",
    [ClaimStatus.SUGGESTED, ClaimStatus.DRAFT, ClaimStatus.IN_REVIEW, ClaimStatus.REJECTED],
)
def test_unpublished_claims_answer_404(client, status):
    claim = ClaimFactory(status=status)
    assert client.get(f"/claims/{claim.pk}/").status_code == 404


def test_it_shows_the_quote_in_context_with_the_span_marked(client):
    claim = ClaimFactory(published=True)
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "<mark>Overnight, Russia used almost 400 long-range drones to strike 12 regions," in html
    assert f'href="/articles/{claim.article_id}/"' in html


def test_it_shows_linked_claims_from_either_side_with_their_origins(client):
    claim = ClaimFactory(published=True)
    ap = ClaimFactory(
        published=True,
        article=ArticleFactory(source=SourceFactory(name="The Independent"), wire_agency="AP"),
    )
    afp = ClaimFactory(
        published=True,
        article=ArticleFactory(source=SourceFactory(name="The Straits Times"), wire_agency="AFP"),
    )
    draft = ClaimFactory(article=ArticleFactory(source=SourceFactory(name="Hidden Outlet")))
    ClaimLinkFactory(from_claim=ap, to_claim=claim, relation="corroborates", note="editor's note")
    ClaimLinkFactory(from_claim=claim, to_claim=afp, relation="contradicts")
    ClaimLinkFactory(from_claim=draft, to_claim=claim, relation="corroborates")

    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "<h3>Corroborates</h3>" in html
    assert "<h3>Contradicts</h3>" in html
    assert "The Independent · origin: AP" in html
    assert "The Straits Times · origin: AFP" in html
    assert "Hidden Outlet" not in html
    assert "editor&#x27;s note" not in html and "editor's note" not in html


def test_it_shows_the_figures(client):
    claim = ClaimFactory(published=True)
    MeasurementFactory(claim=claim, quantity="people_injured", value=9, bound="exact", text="nine")
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "<td>people injured</td><td>Exactly 9</td><td>nine</td>" in html


def test_the_rating_history_shows_published_ratings_only(client):
    claim = ClaimFactory(rating="false", status=ClaimStatus.DRAFT)  # draft-era rating: hidden
    claim.status, claim.rating = ClaimStatus.PUBLISHED, "unverified"
    claim.save()
    claim.summary = "reworded"  # not a rating change
    claim.save()
    claim.rating = "corroborated"
    claim._change_reason = "internal: AFP confirmed by phone"
    claim.save()

    html = client.get(f"/claims/{claim.pk}/").content.decode()
    history = html[html.index('id="history-heading"') :]
    assert history.count("<li>") == 2
    assert history.index("Unverified") < history.index("Corroborated")
    assert "False" not in history
    assert "internal" not in html


def test_the_claimant_links_to_the_actor_page(client):
    actor = ActorFactory(name="Volodymyr Zelensky")
    claim = ClaimFactory(published=True, claimant=actor)
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'<a href="/actors/{actor.pk}/">Volodymyr Zelensky</a>' in html


@pytest.mark.parametrize("rows", [1, 20])
def test_it_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    claim = ClaimFactory(published=True, rating="corroborated", subjects=[ActorFactory()])
    for i in range(rows):
        MeasurementFactory(claim=claim, value=i)
        other = ClaimFactory(published=True)
        ClaimLinkFactory(from_claim=other, to_claim=claim)
        ClaimLinkFactory(from_claim=claim, to_claim=ClaimFactory(published=True))
        claim.rating = "disputed" if i % 2 else "corroborated"
        claim.save()
    with django_assert_num_queries(6):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2. the claim with article, source, claimant, event, series, topic
        # 3. its subject actors
        # 4. its measurements
        # 5. links touching it, both ends published, with their articles and sources
        # 6. its history rows (date, rating, status)
        response = client.get(f"/claims/{claim.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count('class="related-list"') == 1


def test_it_shows_how_often_and_where_the_claim_was_repeated(client):
    claim = ClaimFactory(
        published=True,
        article=ArticleFactory(source=SourceFactory(name="The Herald"), wire_agency="AP"),
    )
    for name, day, relation in (
        ("Daily Post", "2026-02-18", "corroborates"),
        ("Evening News", "2026-02-20", "same_event_different_figure"),
        ("Weekly", "2026-02-21", "context"),  # context is no repeat
    ):
        other = ClaimFactory(
            published=True,
            article=ArticleFactory(source=SourceFactory(name=name), published=day),
        )
        ClaimLinkFactory(from_claim=other, to_claim=claim, relation=relation)
    ClaimLinkFactory(  # an unpublished repeat stays out
        from_claim=ClaimFactory(article=ArticleFactory(source=SourceFactory(name="Draft"))),
        to_claim=claim,
        relation="corroborates",
    )
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    section = html[html.index('id="repeats"') :]
    section = section[: section.index("</section>")]
    assert "Told 3 times by 3 outlets (3 independent origins)" in section
    assert "Daily Post" in section and "Evening News" in section
    assert "Weekly" not in section and "Draft" not in section
    assert "the same claim with another figure" in section
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in section


def test_a_claim_told_once_says_so(client):
    claim = ClaimFactory(published=True)
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "No other published report of this claim has been linked yet." in html
