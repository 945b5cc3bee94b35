"""ETags on every detail; If-Match on every PATCH and DELETE (428 without, 412 when stale)."""

from __future__ import annotations

import pytest

from tests.factories import MeasurementFactory

pytestmark = pytest.mark.django_db

DETAILS = [
    ("articles", "article"),
    ("claims", "published"),
    ("actors", "actor"),
    ("events", "event"),
    ("topics", "topic"),
    ("positions", "position"),
    ("links", "link"),
]


@pytest.mark.parametrize(("resource", "attr"), DETAILS)
def test_every_detail_has_an_etag_that_is_stable(anon, world, resource, attr):
    path = f"/api/v1/{resource}/{getattr(world, attr).pk}/"
    first, second = anon.get(path), anon.get(path)
    assert first["ETag"].startswith('"') and first["ETag"] == second["ETag"]


WRITABLE = [
    ("actors", "actor", {"role": "Minister"}),
    ("positions", "position", {"strength": 3}),
    ("links", "link", {"note": "Two agencies"}),
]


@pytest.mark.parametrize(("resource", "attr", "change"), WRITABLE)
def test_patch_needs_if_match(editor_api, world, resource, attr, change):
    path = f"/api/v1/{resource}/{getattr(world, attr).pk}/"
    assert editor_api.patch(path, change, format="json").status_code == 428


@pytest.mark.parametrize(("resource", "attr", "change"), WRITABLE)
def test_a_patch_on_a_stale_etag_is_a_412_with_the_current_record(
    editor_api, reviewer_api, world, resource, attr, change
):
    path = f"/api/v1/{resource}/{getattr(world, attr).pk}/"
    seen = editor_api.get(path)["ETag"]
    first = reviewer_api.patch(path, change, format="json", HTTP_IF_MATCH=seen)
    assert first.status_code == 200, first.content
    assert first["ETag"] != seen
    second = editor_api.patch(path, change, format="json", HTTP_IF_MATCH=seen)
    assert second.status_code == 412
    assert second.json() == editor_api.get(path).json()
    assert second["ETag"] == first["ETag"]


@pytest.mark.parametrize(("resource", "attr"), [("positions", "position"), ("links", "link")])
def test_delete_needs_a_current_if_match(editor_api, world, resource, attr):
    path = f"/api/v1/{resource}/{getattr(world, attr).pk}/"
    assert editor_api.delete(path).status_code == 428
    assert editor_api.delete(path, HTTP_IF_MATCH='"stale"').status_code == 412
    current = editor_api.get(path)["ETag"]
    assert editor_api.delete(path, HTTP_IF_MATCH=current).status_code == 204
    assert editor_api.get(path).status_code == 404


def test_a_listed_etag_matches(editor_api, world):
    path = f"/api/v1/actors/{world.actor.pk}/"
    current = editor_api.get(path)["ETag"]
    response = editor_api.patch(
        path, {"role": "Minister"}, format="json", HTTP_IF_MATCH=f'"other", {current}'
    )
    assert response.status_code == 200


@pytest.mark.parametrize("resource", ["actors", "claims"])
def test_a_weak_etag_never_matches_if_match(editor_api, world, resource):
    """If-Match compares strongly: `W/"…"` is refused even when the tag is the current one."""
    pk = world.actor.pk if resource == "actors" else world.draft.pk
    path = f"/api/v1/{resource}/{pk}/"
    current = editor_api.get(path)["ETag"]
    response = editor_api.patch(
        path,
        {"summary" if resource == "claims" else "role": "Changed"},
        format="json",
        HTTP_IF_MATCH=f"W/{current}",
    )
    assert response.status_code == 412
    assert response["ETag"] == current


def test_a_detail_get_answers_304_to_its_etag(anon, world):
    path = f"/api/v1/claims/{world.published.pk}/"
    current = anon.get(path)["ETag"]
    for tag in (current, f"W/{current}", f'"other", {current}', "*"):
        response = anon.get(path, HTTP_IF_NONE_MATCH=tag)
        assert response.status_code == 304, tag
        assert response.content == b"" and response["ETag"] == current
    assert anon.get(path, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_an_unchanged_event_answers_304_and_a_changed_one_200(editor_api, world):
    path = f"/api/v1/events/{world.event.pk}/"
    before = editor_api.get(path)["ETag"]
    assert editor_api.get(path, HTTP_IF_NONE_MATCH=before).status_code == 304
    editor_api.patch(path, {"place": "Geneva"}, format="json", HTTP_IF_MATCH=before)
    assert editor_api.get(path, HTTP_IF_NONE_MATCH=before).status_code == 200


@pytest.mark.parametrize("action", ["submit", "publish", "send-back", "reject", "rate"])
def test_workflow_actions_require_if_match(reviewer_api, world, action):
    claim = world.in_review if action != "submit" else world.draft
    body = {"rating": "false"} if action == "rate" else {}
    response = reviewer_api.post(f"/api/v1/claims/{claim.pk}/{action}/", body, format="json")
    assert response.status_code == 428
    claim.refresh_from_db()
    assert claim.version == 1


def test_an_event_etag_follows_its_figures(anon, world):
    """The detail shows the figures every source reported: a new one is a new representation,
    so the old ETag gets the new figures, not a 304."""
    path = f"/api/v1/events/{world.event.pk}/"
    before = anon.get(path)
    MeasurementFactory(claim=world.other, value=512)
    after = anon.get(path, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert after.json()["figures"] != before.json()["figures"]
