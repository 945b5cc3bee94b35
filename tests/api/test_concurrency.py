"""ETags on every detail; If-Match on every PATCH and DELETE (428 without, 412 when stale)."""

from __future__ import annotations

import pytest

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


def test_a_weak_or_listed_etag_matches(editor_api, world):
    path = f"/api/v1/actors/{world.actor.pk}/"
    current = editor_api.get(path)["ETag"]
    response = editor_api.patch(
        path, {"role": "Minister"}, format="json", HTTP_IF_MATCH=f'"other", W/{current}'
    )
    assert response.status_code == 200
