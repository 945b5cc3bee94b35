"""Editors cannot do a reviewer's work; readers cannot write; session writes need CSRF."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action", ["publish", "reject", "send-back"])
def test_an_editor_cannot_review_through_the_api(editor_api, world, action):
    response = editor_api.post(f"/api/v1/claims/{world.in_review.pk}/{action}/")
    assert response.status_code == 403
    world.in_review.refresh_from_db()
    assert world.in_review.status == "in_review"


def test_an_editor_cannot_rate(editor_api, world):
    response = editor_api.post(
        f"/api/v1/claims/{world.published.pk}/rate/", {"rating": "false"}, format="json"
    )
    assert response.status_code == 403


@pytest.mark.parametrize("action", ["publish", "reject", "rate"])
def test_an_editor_cannot_review_through_the_admin(editor_client, world, action):
    url = reverse("admin:ledger_claim_workflow", args=[world.in_review.pk, action])
    editor_client.post(url, {"rating": "false"})
    world.in_review.refresh_from_db()
    assert world.in_review.status == "in_review" and world.in_review.rating == ""


def test_admin_workflow_ignores_get(reviewer_client, world):
    url = reverse("admin:ledger_claim_workflow", args=[world.in_review.pk, "publish"])
    reviewer_client.get(url)
    world.in_review.refresh_from_db()
    assert world.in_review.status == "in_review"


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_readers_cannot_write(world, outsider_api, who):
    client = APIClient() if who == "anonymous" else outsider_api
    for path, data in [
        ("/api/v1/claims/", {"article": world.article.pk, "quote": "Overnight"}),
        (f"/api/v1/claims/{world.published.pk}/send-back/", {}),
        ("/api/v1/articles/import/", {"text": "x", "origin": "x.txt"}),
    ]:
        assert client.post(path, data, format="json").status_code in (401, 403), path


def test_session_writes_need_csrf(world, editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        "/api/v1/claims/",
        {"article": world.article.pk, "quote": "Overnight"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    response = client.post(
        reverse("admin:ledger_claim_mark", args=[world.article.pk]), {"start": 0, "end": 9}
    )
    assert response.status_code == 403


def test_outsider_cannot_open_admin_endpoints(client, world, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("admin:ledger_claim_mark", args=[world.article.pk]),
        {"start": 0, "end": 9, "kind": "factual"},
    )
    assert response.status_code == 302 and "/login/" in response["Location"]
