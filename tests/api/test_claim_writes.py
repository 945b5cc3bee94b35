"""Editors write claims through the claim services; stale writes are refused with 412."""

from __future__ import annotations

import pytest

from factcheck.ledger.models import Claim
from factcheck.ledger.services.claims import claim_update

pytestmark = pytest.mark.django_db


def etag(claim) -> str:
    claim.refresh_from_db()
    return f'"claim-{claim.pk}-v{claim.version}"'


def test_an_editor_creates_a_draft_claim_with_a_token(editor_api, editor, world):
    response = editor_api.post(
        "/api/v1/claims/",
        {
            "article": world.article.pk,
            "quote": "almost 400 long-range drones",
            "claimant": world.actor.pk,
            "subjects": [world.subject.pk],
            "kind": "quantity",
            "event": world.event.pk,
            "summary": "Almost 400 drones",
            "measurements": [{"quantity": "drones", "value": 400, "bound": "at_most"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    claim = Claim.objects.get(pk=body["id"])
    assert claim.created_by == editor and claim.status == "draft"
    assert body["quote"] == "almost 400 long-range drones"
    assert body["measurements"][0]["value"] == 400
    assert response["ETag"] == etag(claim)


def test_a_service_refusal_is_a_400_with_the_message(editor_api, world):
    response = editor_api.post(
        "/api/v1/claims/",
        {"article": world.article.pk, "quote": "not in the text"},
        format="json",
    )
    assert response.status_code == 400
    assert "not in the article" in response.json()["quote"][0]


def test_patch_without_if_match_is_a_428(editor_api, world):
    response = editor_api.patch(
        f"/api/v1/claims/{world.draft.pk}/", {"summary": "x"}, format="json"
    )
    assert response.status_code == 428


def test_patch_with_the_current_etag_saves(editor_api, world):
    response = editor_api.patch(
        f"/api/v1/claims/{world.draft.pk}/",
        {"summary": "Deadlines, again"},
        format="json",
        HTTP_IF_MATCH=etag(world.draft),
    )
    assert response.status_code == 200, response.content
    assert response.json()["summary"] == "Deadlines, again"
    assert response["ETag"] == etag(world.draft)


def test_a_stale_patch_is_a_412_with_the_current_claim(editor_api, editor, world):
    stale = etag(world.draft)
    claim_update(
        claim=world.draft,
        user=editor,
        expected_version=world.draft.version,
        summary="Someone else's words",
    )
    response = editor_api.patch(
        f"/api/v1/claims/{world.draft.pk}/",
        {"summary": "Mine"},
        format="json",
        HTTP_IF_MATCH=stale,
    )
    assert response.status_code == 412
    assert response.json()["summary"] == "Someone else's words"
    assert response["ETag"] == etag(world.draft)


def test_a_conflict_found_by_the_service_is_a_412(editor_api, editor, world, monkeypatch):
    """Another save lands between the view's check and the service's conditional update."""
    from factcheck.ledger.services import claims

    real = claims.claim_update

    def racing(**kwargs):
        Claim.objects.filter(pk=world.draft.pk).update(version=world.draft.version + 5)
        return real(**kwargs)

    monkeypatch.setattr(claims, "claim_update", racing)
    response = editor_api.patch(
        f"/api/v1/claims/{world.draft.pk}/",
        {"summary": "Mine"},
        format="json",
        HTTP_IF_MATCH=etag(world.draft),
    )
    assert response.status_code == 412
    assert response.json()["version"] == world.draft.version + 5


def test_delete_needs_if_match_and_a_current_one(editor_api, world):
    path = f"/api/v1/claims/{world.draft.pk}/"
    assert editor_api.delete(path).status_code == 428
    assert editor_api.delete(path, HTTP_IF_MATCH='"claim-1-v999"').status_code == 412
    assert editor_api.delete(path, HTTP_IF_MATCH=etag(world.draft)).status_code == 204
    assert not Claim.objects.filter(pk=world.draft.pk).exists()


def test_the_workflow_holds_through_the_api(editor_api, reviewer_api, world):
    path = f"/api/v1/claims/{world.draft.pk}"
    assert editor_api.post(f"{path}/submit/", HTTP_IF_MATCH="*").status_code == 200
    refused = editor_api.post(f"{path}/publish/", HTTP_IF_MATCH="*")
    assert refused.status_code == 403
    assert "permission" in refused.json()["detail"]
    published = reviewer_api.post(f"{path}/publish/", HTTP_IF_MATCH=etag(world.draft))
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    rated = reviewer_api.post(
        f"{path}/rate/", {"rating": "disputed"}, format="json", HTTP_IF_MATCH=published["ETag"]
    )
    assert rated.json()["rating"] == "disputed"
    sent_back = reviewer_api.post(f"{path}/send-back/", HTTP_IF_MATCH=rated["ETag"])
    assert sent_back.json()["status"] == "draft"


def test_a_workflow_action_with_a_stale_if_match_is_a_412(reviewer_api, world):
    response = reviewer_api.post(
        f"/api/v1/claims/{world.in_review.pk}/publish/",
        HTTP_IF_MATCH=f'"claim-{world.in_review.pk}-v0"',
    )
    assert response.status_code == 412
    assert response.json()["status"] == "in_review"


def test_a_wrong_transition_is_a_400(reviewer_api, world):
    response = reviewer_api.post(
        f"/api/v1/claims/{world.draft.pk}/publish/", HTTP_IF_MATCH=etag(world.draft)
    )
    assert response.status_code == 400


def test_an_editor_cannot_edit_a_published_claim(editor_api, world):
    response = editor_api.patch(
        f"/api/v1/claims/{world.published.pk}/",
        {"summary": "x"},
        format="json",
        HTTP_IF_MATCH=etag(world.published),
    )
    assert response.status_code == 403
