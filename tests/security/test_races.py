"""Concurrent writes of the same thing: the database keeps one, the others get a 409 (or the
service's 400) naming what exists. Real requests on threads, each with its own connection."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from knox.models import AuthToken
from rest_framework.test import APIClient

from factcheck.ledger.models import ActorAlias, ClaimLink, Position, Topic
from tests.factories import ActorFactory, ClaimFactory, TopicFactory, UserFactory

# Each thread commits through its own connection, so the test database must be transactional.
# SQLite's in-memory test database locks whole tables between connections (the file database
# of the demo serialises writers instead), so the races run where production runs: PostgreSQL
# (CI runs the suite on both).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]

THREADS = 6


def _race(key: str, bodies: list[tuple[str, str, dict]], **headers) -> list:
    """Send every (method, path, body) at once, one thread each; the responses in order."""
    barrier = threading.Barrier(len(bodies))
    responses: list = [None] * len(bodies)

    def send(i, method, path, body):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}", **headers)
        try:
            barrier.wait(timeout=10)
            responses[i] = getattr(client, method)(path, body, format="json")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(i, *request)) for i, request in enumerate(bodies)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


@pytest.fixture
def key(db):
    user = UserFactory(editor=True, username="racer")
    return AuthToken.objects.create(user=user)[1]


def _codes(responses) -> list[int]:
    return sorted(r.status_code for r in responses)


def test_concurrent_links_of_one_pair_keep_one(key):
    a, b = ClaimFactory(), ClaimFactory()
    relations = ["corroborates", "contradicts", "context", "updates", "different_event"]
    bodies = [
        (
            "post",
            "/api/v1/links/",
            {
                "from_claim": (a if i % 2 else b).pk,
                "to_claim": (b if i % 2 else a).pk,
                "relation": relations[i % len(relations)],
            },
        )
        for i in range(THREADS)
    ]
    responses = _race(key, bodies)
    assert _codes(responses) == [201] + [409] * (THREADS - 1), [
        (r.status_code, r.content[:200]) for r in responses
    ]
    (link,) = ClaimLink.objects.all()
    for response in responses:
        if response.status_code == 409:
            assert response.json()["existing"] == link.pk
            assert f"link {link.pk}" in response.json()["detail"]


def test_concurrent_topics_with_one_title_keep_one(key):
    responses = _race(key, [("post", "/api/v1/topics/", {"title": "Kyiv joins NATO"})] * THREADS)
    assert Topic.objects.filter(title="Kyiv joins NATO").count() == 1
    codes = _codes(responses)
    assert codes.count(201) == 1
    assert set(codes) <= {201, 400, 409}, codes
    for response in responses:
        if response.status_code != 201:
            assert "already exists" in str(response.json()), response.json()


def test_concurrent_positions_on_one_day_keep_one(key):
    actor, topic = ActorFactory(), TopicFactory()
    body = {"actor": actor.pk, "topic": topic.pk, "as_of": "2026-02-17", "stance": "supports"}
    responses = _race(key, [("post", "/api/v1/positions/", body)] * THREADS)
    assert Position.objects.filter(actor=actor, topic=topic).count() == 1
    codes = _codes(responses)
    assert codes.count(201) == 1 and set(codes) <= {201, 400, 409}, codes


def test_concurrent_aliases_of_one_name_keep_one(key):
    actors = [ActorFactory() for _ in range(THREADS)]
    bodies = [
        ("patch", f"/api/v1/actors/{actor.pk}/", {"aliases": ["Mr Umerov"]}) for actor in actors
    ]

    responses = _race(key, bodies, HTTP_IF_MATCH="*")
    assert ActorAlias.objects.filter(name__iexact="mr umerov").count() == 1
    codes = _codes(responses)
    assert codes.count(200) == 1 and set(codes) <= {200, 400, 409}, codes
