"""A write naming a field the endpoint does not take (a typo, a read-only field) is a 400 that
names it, and stores nothing; it is never silently dropped."""

from __future__ import annotations

import pytest

from factcheck.ledger.models import Claim, ClaimLink, Topic

pytestmark = pytest.mark.django_db


def test_an_unknown_field_on_create_is_named(editor_api, world):
    before = Topic.objects.count()
    response = editor_api.post(
        "/api/v1/topics/", {"title": "Kyiv joins NATO", "titel": "typo"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["titel"]
    assert "accepted: description, title" in response.json()["titel"][0]
    assert Topic.objects.count() == before


def test_a_read_only_field_on_patch_is_named(editor_api, world):
    path = f"/api/v1/claims/{world.draft.pk}/"
    etag = editor_api.get(path)["ETag"]
    response = editor_api.patch(
        path,
        {"summary": "Changed", "status": "published", "id": 99},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 400
    assert set(response.json()) == {"status", "id"}
    world.draft.refresh_from_db()
    assert world.draft.summary != "Changed" and world.draft.status == "draft"


def test_a_claim_cannot_be_moved_to_another_article_by_patch(editor_api, world):
    path = f"/api/v1/claims/{world.draft.pk}/"
    etag = editor_api.get(path)["ETag"]
    response = editor_api.patch(
        path, {"article": world.other_article.pk}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 400
    assert "article" in response.json()
    assert Claim.objects.get(pk=world.draft.pk).article_id == world.article.pk


def test_an_unknown_field_in_a_nested_measurement_is_named(editor_api, world):
    response = editor_api.post(
        "/api/v1/claims/",
        {
            "article": world.article.pk,
            "quote": "Overnight",
            "measurements": [{"quantity": "drones", "value": 400, "colour": "red"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "colour" in str(response.json()["measurements"])


def test_an_unknown_field_on_a_link_is_named(editor_api, world):
    before = ClaimLink.objects.count()
    response = editor_api.post(
        "/api/v1/links/",
        {
            "from_claim": world.published.pk,
            "to_claim": world.draft.pk,
            "relation": "context",
            "created_by": 1,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "created_by" in response.json()
    assert ClaimLink.objects.count() == before


def test_an_unknown_field_on_the_anonymous_match_is_named(anon, world):
    response = anon.post("/api/v1/claims/match/", {"text": "drones", "max": 3}, format="json")
    assert response.status_code == 400
    assert "max" in response.json()
