"""Bodies no endpoint can choke on: JSON nested too deeply is a 400, a body over the limit a
413 refused before it is read, on every JSON endpoint the schema lists."""

from __future__ import annotations

import io

import pytest
from rest_framework.test import APIClient

from factcheck.ledger.models import Actor, Article, Claim, ClaimLink, Event, Position, Topic
from tests.conftest import token_client

pytestmark = pytest.mark.django_db

WRITES = ("post", "patch")


def _counts():
    return [m.objects.count() for m in (Actor, Article, Claim, ClaimLink, Event, Position, Topic)]


def _json_operations(client, world) -> list[tuple[str, str]]:
    """Every (method, path) of the schema taking a JSON body, with the world's ids filled in."""
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    ids = {
        "claims": world.draft.pk,
        "links": world.link.pk,
        "positions": world.position.pk,
        "events": world.event.pk,
        "topics": world.topic.pk,
        "actors": world.actor.pk,
    }
    found = []
    for path, item in schema["paths"].items():
        for method in WRITES:
            body = item.get(method, {}).get("requestBody", {}).get("content", {})
            if "application/json" not in body:
                continue
            resource = path.split("/")[3]
            found.append((method, path.replace("{id}", str(ids.get(resource, 0)))))
    return found


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_is_a_400_everywhere(superuser, world, depth):
    api = token_client(superuser)  # every write permission, so each body is parsed
    operations = _json_operations(api, world)
    assert len(operations) >= 10, operations
    before = _counts()
    for method, path in operations:
        response = getattr(api, method)(
            path, _nested(depth), content_type="application/json", HTTP_IF_MATCH="*"
        )
        assert response.status_code == 400, (method, path, response.status_code)
        assert "nested too deeply" in response.json()["detail"], (method, path)
    assert _counts() == before


def test_an_anonymous_match_with_nested_json_is_a_400(anon, world):
    response = anon.post("/api/v1/claims/match/", _nested(5_000), content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_a_body_over_the_limit_is_refused_by_its_declared_length(anon, world, settings):
    settings.API_JSON_MAX_BYTES = 1_000
    body = '{"text": "' + "drones " * 1_000 + '"}'
    response = anon.post("/api/v1/claims/match/", body, content_type="application/json")
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]


class _Unread(io.BytesIO):
    """A request body that records how much of it was read."""

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read = getattr(self, "bytes_read", 0) + len(data)
        return data


def test_a_large_body_is_not_read_into_memory(world, settings):
    """Thirty megabytes announced: the answer comes before the body is read."""
    settings.API_JSON_MAX_BYTES = 1_000_000
    stream = _Unread(b'{"text": "' + b"x" * 30_000_000 + b'"}')
    client = APIClient()
    response = client.generic(
        "POST",
        "/api/v1/claims/match/",
        content_type="application/json",
        **{"wsgi.input": stream, "CONTENT_LENGTH": str(len(stream.getvalue()))},
    )
    assert response.status_code == 413
    assert getattr(stream, "bytes_read", 0) == 0


def test_a_body_longer_than_it_declared_is_read_only_to_the_limit(world, settings):
    settings.API_JSON_MAX_BYTES = 1_000
    data = b'{"text": "' + b"x" * 5_000 + b'"}'
    stream = _Unread(data)
    response = APIClient().generic(
        "POST",
        "/api/v1/claims/match/",
        content_type="application/json",
        **{"wsgi.input": stream, "CONTENT_LENGTH": "900"},
    )
    # Django reads only the declared length; the parser sees a truncated body and refuses it.
    assert response.status_code == 400
    assert getattr(stream, "bytes_read", 0) <= 1_001


def test_the_json_import_has_its_own_limit(editor_api, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    before = _counts()
    response = editor_api.post(
        "/api/v1/articles/import/",
        {"text": " date 2026-02-17 " + "Drones. " * 10_000, "origin": "big.txt"},
        format="json",
    )
    assert response.status_code == 413
    assert "50000 bytes" in response.json()["detail"]
    assert _counts() == before


def test_an_oversized_upload_is_refused_before_parsing(editor_api, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    upload = io.BytesIO(b" date 2026-02-17 " + b"Drones. " * 10_000)
    upload.name = "big.txt"
    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")
    assert response.status_code == 413
