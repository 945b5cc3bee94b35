"""GET /api/v1/claims/<id>/repeats/: how often and where a claim was repeated."""

from __future__ import annotations

import pytest

from tests.factories import ArticleFactory, ClaimFactory, ClaimLinkFactory, SourceFactory

pytestmark = pytest.mark.django_db


def told(claim, name: str, day: str, relation: str = "corroborates", **kwargs):
    other = ClaimFactory(
        article=ArticleFactory(source=SourceFactory(name=name), published=day), **kwargs
    )
    ClaimLinkFactory(from_claim=other, to_claim=claim, relation=relation)
    return other


def test_it_counts_the_tellings_with_outlets_origins_and_days(anon):
    claim = ClaimFactory(published=True, article=ArticleFactory(wire_agency="AP"))
    post = told(claim, "Daily Post", "2026-02-18", published=True)
    told(claim, "Evening News", "2026-02-18", "same_event_different_figure", published=True)
    told(claim, "Weekly", "2026-02-20", "context", published=True)
    body = anon.get(f"/api/v1/claims/{claim.pk}/repeats/").json()
    assert body["count"] == 3
    assert body["independent_origins"] == 3
    assert body["first"] == "2026-02-17" and body["last"] == "2026-02-18"
    assert body["by_day"] == [
        {"date": "2026-02-17", "count": 1},
        {"date": "2026-02-18", "count": 2},
    ]
    assert body["tellings"][0]["relation"] == ""
    assert {"claim": post.pk, "outlet": "Daily Post", "relation": "corroborates"}.items() <= (
        body["tellings"][1].items()
    )


def test_readers_see_published_tellings_only_and_the_newsroom_sees_drafts(anon, editor_api):
    claim = ClaimFactory(published=True)
    told(claim, "Draft Daily", "2026-02-18")
    assert anon.get(f"/api/v1/claims/{claim.pk}/repeats/").json()["count"] == 1
    assert editor_api.get(f"/api/v1/claims/{claim.pk}/repeats/").json()["count"] == 2


def test_an_unpublished_claim_is_not_found_by_readers(anon):
    claim = ClaimFactory()
    assert anon.get(f"/api/v1/claims/{claim.pk}/repeats/").status_code == 404


@pytest.mark.parametrize("rows", [1, 20])
def test_it_runs_a_fixed_number_of_queries(anon, rows, django_assert_num_queries):
    claim = ClaimFactory(published=True)
    for n in range(rows):
        told(claim, f"Outlet {n}", "2026-02-18", published=True)
    with django_assert_num_queries(4):
        # 1 the claim with its joins, 2 its subjects, 3 its measurements (the claim's own
        # prefetches), 4 the links with both claims' articles and outlets
        response = anon.get(f"/api/v1/claims/{claim.pk}/repeats/")
    assert response.json()["count"] == rows + 1
