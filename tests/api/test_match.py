"""POST /api/v1/claims/match/: the tracked claims most like a sentence, with a score."""

from __future__ import annotations

import pytest

from factcheck.api.matching import jaccard, words
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_the_score_is_the_jaccard_index_of_word_sets():
    assert words("The Russians used 400 drones!") == {"russians", "used", "400", "drones"}
    assert jaccard({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)


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
    with django_assert_num_queries(3):
        # 1 candidates with their joins, 2 subjects, 3 measurements
        response = anon.post(
            "/api/v1/claims/match/",
            {"text": "almost 400 long-range drones", "limit": 50},
            format="json",
        )
    assert len(response.json()["results"]) == rows
