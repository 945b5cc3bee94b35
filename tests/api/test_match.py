"""POST /api/v1/claims/match/: the tracked claims a sentence repeats, with a score, the
relation the match suggests and the reasons."""

from __future__ import annotations

import pytest

from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_it_ranks_the_closest_claim_first(anon, world):
    response = anon.post(
        "/api/v1/claims/match/",
        {"text": "Overnight, Russia used almost 400 long-range drones"},
        format="json",
    )
    assert response.status_code == 200
    found = response.json()["results"]
    assert found[0]["score"] > 0.5
    assert found[0]["claim"]["id"] in {world.published.pk, world.other.pk}
    assert [r["score"] for r in found] == sorted((r["score"] for r in found), reverse=True)


def test_readers_match_published_claims_only(anon, editor_api, world):
    text = {"text": "A draft about deadlines"}
    assert world.draft.pk not in [
        r["claim"]["id"]
        for r in anon.post("/api/v1/claims/match/", text, format="json").json()["results"]
    ]
    assert (
        editor_api.post("/api/v1/claims/match/", text, format="json").json()["results"][0]["claim"][
            "id"
        ]
        == world.draft.pk
    )


def test_nothing_alike_finds_nothing(anon, world):
    response = anon.post("/api/v1/claims/match/", {"text": "zebra quartz"}, format="json")
    assert response.json() == {"results": []}


def test_text_is_required(anon):
    assert anon.post("/api/v1/claims/match/", {}, format="json").status_code == 400


@pytest.mark.parametrize("rows", [1, 20])
def test_match_runs_a_fixed_number_of_queries(anon, rows, django_assert_num_queries):
    article = ArticleFactory()
    for _ in range(rows):
        ClaimFactory(published=True, article=article)
    with django_assert_num_queries(6):
        # 1 the candidates' rows with claimant, event and article (the lookups by wording,
        # figure, actors, event and topic are its subquery), 2 their figures, 3 their subjects;
        # the best claims for the answer: 4 claims with their joins, 5 subjects, 6 measurements
        response = anon.post(
            "/api/v1/claims/match/",
            {"text": "almost 400 long-range drones", "limit": 50},
            format="json",
        )
    assert len(response.json()["results"]) == rows


def test_a_paraphrase_with_the_same_figure_corroborates(anon, world):
    response = anon.post(
        "/api/v1/claims/match/",
        {
            "text": "Moscow fired some 390 drones at 12 regions overnight.",
            "published": "2026-02-17",
        },
        format="json",
    )
    best = response.json()["results"][0]
    assert best["claim"]["id"] == world.published.pk
    assert best["relation"] == "corroborates"
    assert best["repeat"] is True
    assert any("the figures agree" in reason for reason in best["reasons"])


def test_the_same_quantity_a_week_later_is_another_event(anon, world):
    response = anon.post(
        "/api/v1/claims/match/",
        {
            "text": "Overnight, Russia used almost 400 long-range drones to strike 12 regions.",
            "published": "2026-02-26",
        },
        format="json",
    )
    (found,) = [r for r in response.json()["results"] if r["claim"]["id"] == world.published.pk]
    assert found["relation"] == "different_event"
    assert found["repeat"] is False


def test_a_figure_given_apart_from_the_text_is_used(anon, world):
    response = anon.post(
        "/api/v1/claims/match/",
        {
            "text": "Russia used long-range drones to strike 12 regions, officials said.",
            "published": "2026-02-17",
            "quantity": "drones",
            "value": 470,
        },
        format="json",
    )
    (found,) = [r for r in response.json()["results"] if r["claim"]["id"] == world.published.pk]
    assert found["relation"] == "same_event_different_figure"
    assert found["repeat"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "drones", "quantity": "drones"}, "value"),
        ({"text": "drones", "actors": [999999]}, "actors"),
        ({"text": "drones", "about_end": "2026-02-17"}, "about_start"),
        ({"text": "drones", "value": -1, "quantity": "drones"}, "value"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(anon, body, field):
    response = anon.post("/api/v1/claims/match/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
