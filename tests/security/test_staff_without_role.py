"""A staff account in neither newsroom group (Editor, Reviewer) reads only what readers read
and writes nothing: the newsroom is who holds the permissions, not who may open the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied

from factcheck.ledger.models import Claim
from factcheck.ledger.permissions import can_edit, can_review, is_newsroom
from factcheck.ledger.services.claims import claim_update
from factcheck.ledger.services.links import link_create
from tests.conftest import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_claim_list_hides_drafts_from_staff_without_a_role(staff_api, world):
    response = staff_api.get("/api/v1/claims/?status=draft")
    assert response.status_code == 200
    assert response.json()["results"] == []
    shown = {row["id"] for row in staff_api.get("/api/v1/claims/").json()["results"]}
    assert world.published.pk in shown
    assert world.draft.pk not in shown and world.in_review.pk not in shown


def test_a_draft_claim_answers_404_to_staff_without_a_role(staff_api, world):
    assert staff_api.get(f"/api/v1/claims/{world.draft.pk}/").status_code == 404
    assert staff_api.get(f"/api/v1/claims/{world.in_review.pk}/").status_code == 404


def test_staff_without_a_role_cannot_write(staff_api, world):
    created = staff_api.post(
        "/api/v1/claims/", {"article": world.article.pk, "quote": "Overnight"}, format="json"
    )
    assert created.status_code == 403
    submitted = staff_api.post(f"/api/v1/claims/{world.draft.pk}/submit/")
    assert submitted.status_code == 403
    patched = staff_api.patch(
        f"/api/v1/claims/{world.published.pk}/",
        {"summary": "changed"},
        format="json",
        HTTP_IF_MATCH="*",
    )
    assert patched.status_code == 403
    linked = staff_api.post(
        "/api/v1/links/",
        {"from_claim": world.published.pk, "to_claim": world.other.pk, "relation": "context"},
        format="json",
    )
    assert linked.status_code == 403
    world.draft.refresh_from_db()
    assert world.draft.status == "draft"
    assert Claim.objects.count() == 4


def test_the_services_refuse_staff_without_a_role(staff_without_role, world):
    assert not is_newsroom(staff_without_role)
    assert not can_edit(staff_without_role, world.draft)
    assert not can_review(staff_without_role)
    with pytest.raises(PermissionDenied):
        claim_update(
            claim=world.draft,
            user=staff_without_role,
            expected_version=world.draft.version,
            summary="changed",
        )
    with pytest.raises(PermissionDenied):
        link_create(
            from_claim=world.published,
            to_claim=world.other,
            relation="context",
            user=staff_without_role,
        )


def test_the_rule_follows_permissions_not_group_names(world):
    """Staff given the view permission directly (no group) see drafts but still cannot write."""
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_claim"))
    client = token_client(viewer)
    assert client.get(f"/api/v1/claims/{world.draft.pk}/").status_code == 200
    created = client.post(
        "/api/v1/claims/", {"article": world.article.pk, "quote": "Overnight"}, format="json"
    )
    assert created.status_code == 403


def test_a_superuser_sees_drafts(superuser, world):
    client = token_client(superuser)
    assert client.get(f"/api/v1/claims/{world.draft.pk}/").status_code == 200
