"""Too many requests answer 429 with Retry-After, per anonymous client and per user."""

from __future__ import annotations

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "3/minute"},
    }


def test_anonymous_clients_are_throttled(anon, tight_rates):
    assert [anon.get("/api/v1/topics/").status_code for _ in range(2)] == [200, 200]
    refused = anon.get("/api/v1/topics/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60


def test_each_token_has_its_own_budget(editor_api, reviewer_api, tight_rates):
    assert [editor_api.get("/api/v1/topics/").status_code for _ in range(3)] == [200] * 3
    assert editor_api.get("/api/v1/topics/").status_code == 429
    assert reviewer_api.get("/api/v1/topics/").status_code == 200


def test_an_anonymous_client_is_counted_once(anon, tight_rates):
    """Only the anonymous budget keeps a request log for an anonymous client."""
    cache.clear()
    anon.get("/api/v1/topics/")
    assert len(cache.get("throttle_anon_127.0.0.1")) == 1
    assert cache.get("throttle_user_127.0.0.1") is None
