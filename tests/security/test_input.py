"""Malformed and oversized input answers 400 with a precise message and stores nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.ledger.models import Article, Claim, ClaimLink, Event, Position

pytestmark = pytest.mark.django_db

BAD_DATE = "2026-02-30"


def _counts():
    return [m.objects.count() for m in (Article, Claim, ClaimLink, Event, Position)]


def test_a_10_mb_import_is_refused(editor_api, world):
    before = _counts()
    response = editor_api.post(
        "/api/v1/articles/import/",
        {"text": "x" * 10_000_000, "origin": "huge.txt"},
        format="json",
    )
    assert response.status_code in (400, 413)
    assert "limit" in response.content.decode()
    assert _counts() == before


def test_malformed_json_is_a_400(editor_api, world):
    for path in ("/api/v1/claims/", "/api/v1/links/", "/api/v1/positions/", "/api/v1/events/"):
        response = editor_api.post(path, '{"article": ', content_type="application/json")
        assert response.status_code == 400, path
        assert "JSON parse error" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "data", "field"),
    [
        ("/api/v1/claims/", {"summary": "s" * 100_000}, "summary"),
        ("/api/v1/claims/", {"about_start": BAD_DATE}, "about_start"),
        ("/api/v1/events/", {"name": "E", "start": BAD_DATE}, "start"),
        ("/api/v1/positions/", {"as_of": BAD_DATE}, "as_of"),
        ("/api/v1/links/", {"note": "n" * 100_000}, "note"),
        ("/api/v1/positions/", {"conditions": "c" * 100_000}, "conditions"),
        ("/api/v1/topics/", {"title": "T", "description": "d" * 100_000}, "description"),
    ],
)
def test_api_writes_refuse_bad_fields(editor_api, world, path, data, field):
    base = {
        "/api/v1/claims/": {"article": world.article.pk, "quote": "Overnight"},
        "/api/v1/events/": {"name": "E", "start": "2026-02-17"},
        "/api/v1/positions/": {
            "actor": world.actor.pk,
            "topic": world.topic.pk,
            "as_of": "2026-03-01",
            "stance": "supports",
        },
        "/api/v1/links/": {
            "from_claim": world.published.pk,
            "to_claim": world.draft.pk,
            "relation": "context",
        },
        "/api/v1/topics/": {"title": "T"},
    }[path]
    before = _counts()
    response = editor_api.post(path, {**base, **data}, format="json")
    assert response.status_code == 400, response.content[:300]
    assert field in response.json(), response.content[:300]
    assert _counts() == before


def test_api_patch_refuses_a_wrong_date(editor_api, world):
    path = f"/api/v1/claims/{world.draft.pk}/"
    etag = editor_api.get(path)["ETag"]
    response = editor_api.patch(path, {"about_start": BAD_DATE}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert "about_start" in response.json()
    world.draft.refresh_from_db()
    assert world.draft.about_start is None


# ---- admin endpoints ------------------------------------------------------------------------


def _json(client, url, data):
    return client.post(url, data, HTTP_ACCEPT="application/json")


def test_marking_refuses_a_wrong_date(editor_client, world):
    before = _counts()
    url = reverse("admin:ledger_claim_mark", args=[world.article.pk])
    response = _json(
        editor_client, url, {"start": 0, "end": 9, "kind": "factual", "about_start": BAD_DATE}
    )
    assert response.status_code == 400
    assert "about_start" in response.json()["fields"]  # shown beside that field
    assert any(e.startswith("About (from): ") for e in response.json()["errors"])
    assert _counts() == before


def test_marking_refuses_a_huge_summary(editor_client, world):
    before = _counts()
    url = reverse("admin:ledger_claim_mark", args=[world.article.pk])
    response = _json(
        editor_client, url, {"start": 0, "end": 9, "kind": "factual", "summary": "s" * 1_000_000}
    )
    assert response.status_code == 400
    assert "summary" in response.json()["fields"]
    assert any(e.startswith("Summary: ") for e in response.json()["errors"])
    assert _counts() == before


@pytest.mark.parametrize(
    "data", [{"start": "a", "end": "9", "version": "1"}, {"start": "0", "end": "9", "version": "x"}]
)
def test_span_refuses_garbage(editor_client, world, data):
    url = reverse("admin:ledger_claim_span", args=[world.draft.pk])
    response = _json(editor_client, url, data)
    assert response.status_code == 400


def test_span_refuses_a_garbage_article(editor_client, world):
    url = reverse("admin:ledger_claim_span", args=[world.draft.pk])
    response = _json(
        editor_client, url, {"start": "0", "end": "9", "version": "1", "article": "abc"}
    )
    assert response.status_code in (400, 404)


def test_event_switch_refuses_a_garbage_event(editor_client, world):
    url = reverse("admin:ledger_claim_event", args=[world.draft.pk])
    response = editor_client.post(url, {"event": "abc", "version": "1"})
    assert response.status_code == 302
    world.draft.refresh_from_db()
    assert world.draft.event_id is None


def test_workflow_refuses_a_garbage_version(reviewer_client, world):
    url = reverse("admin:ledger_claim_workflow", args=[world.in_review.pk, "publish"])
    response = reviewer_client.post(url, {"version": "x"})
    assert response.status_code == 302
    world.in_review.refresh_from_db()
    assert world.in_review.status == "in_review"


def test_event_switch_without_a_version_is_refused_not_applied_blindly(editor_client, world):
    from tests.factories import EventFactory

    event = EventFactory()
    url = reverse("admin:ledger_claim_event", args=[world.draft.pk])
    response = editor_client.post(url, {"event": str(event.pk)}, follow=True)
    assert "not a number" in response.content.decode()
    world.draft.refresh_from_db()
    assert world.draft.event_id is None
