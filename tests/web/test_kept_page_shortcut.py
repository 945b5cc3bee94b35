"""KeptPageMiddleware: anonymous readers of public pages answered from the shared cache.

The tests commit (``transaction=True``), as a running site does: the clock kept in the cache is
written back when a transaction that moved it commits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from factcheck.ledger.models import Claim
from factcheck.ledger.services import clock
from factcheck.ledger.services.claims import claim_publish
from factcheck.ledger.services.clock import CLOCK_CACHE_KEY
from tests.factories import ActorFactory, ClaimFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
# Headers the full stack sets on a kept page; the shortcut must send each of them too.
SAME_HEADERS = (
    "Content-Type",
    "Content-Length",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


@pytest.fixture(autouse=True)
def _clock_in_cache(settings):
    settings.PUBLIC_CLOCK_CACHED = True


@pytest.fixture
def claim():
    return ClaimFactory(published=True, claimant=ActorFactory())


def test_a_kept_page_is_answered_without_the_database(client, claim, django_assert_num_queries):
    url = f"/claims/{claim.pk}/"
    first = client.get(url)
    with django_assert_num_queries(0):
        # the clock and the page both come from the cache, before sessions and the view
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    for header in SAME_HEADERS:
        assert again[header] == first[header], header
    assert again["Content-Length"] == str(len(first.content))


def test_a_head_request_gets_the_kept_pages_headers(client, claim, django_assert_num_queries):
    url = f"/articles/{claim.article_id}/"
    first = client.get(url)
    with django_assert_num_queries(0):
        head = client.head(url)
    assert head.status_code == 200
    assert head["ETag"] == first["ETag"]


def test_a_304_needs_only_the_kept_clock(client, claim, django_assert_num_queries):
    url = "/"
    first = client.get(url)
    with django_assert_num_queries(0):
        response = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == first["ETag"]
    assert response["Content-Security-Policy"] == first["Content-Security-Policy"]
    with django_assert_num_queries(0):
        response = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert response.status_code == 304


def test_a_stale_if_none_match_gets_the_kept_page(client, claim, django_assert_num_queries):
    url = f"/claims/{claim.pk}/"
    first = client.get(url)
    with django_assert_num_queries(0):
        response = client.get(url, headers={"If-None-Match": '"an-old-etag"'})
    assert response.status_code == 200
    assert response.content == first.content


def test_a_missing_clock_is_read_from_the_database_and_kept(
    client, claim, django_assert_num_queries
):
    from django.core.cache import cache

    url = f"/claims/{claim.pk}/"
    first = client.get(url)
    cache.delete(CLOCK_CACHE_KEY)
    with django_assert_num_queries(1):
        # 1. the public ledger clock, which is then kept; the page is still kept
        again = client.get(url)
    assert again["ETag"] == first["ETag"]
    with django_assert_num_queries(0):
        client.get(url)


def test_a_remembered_clock_answers_a_304_without_the_cache(
    client, claim, settings, monkeypatch, django_assert_num_queries
):
    from django.core.cache import cache

    settings.PUBLIC_CLOCK_LOCAL_SECONDS = 60
    url = f"/claims/{claim.pk}/"
    first = client.get(url)
    cache.delete(CLOCK_CACHE_KEY)  # only the process's own memory of it is left
    with django_assert_num_queries(0):
        assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    monkeypatch.setattr(clock, "_remembered", None)  # forgotten: read and kept again
    with django_assert_num_queries(1):
        assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_this_process_sees_its_own_publish_at_once_with_a_remembered_clock(
    client, reviewer, settings
):
    settings.PUBLIC_CLOCK_LOCAL_SECONDS = 60
    ClaimFactory(published=True)
    draft = ClaimFactory(status="in_review")
    first = client.get("/")
    assert client.get("/", headers={"If-None-Match": first["ETag"]}).status_code == 304
    claim_publish(claim=Claim.objects.get(pk=draft.pk), user=reviewer)
    after = client.get("/", headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]


def test_a_page_read_for_the_current_clock_is_served_from_this_processs_copy(
    client, reviewer, settings, django_assert_num_queries
):
    from django.core.cache import cache

    settings.PUBLIC_CLOCK_LOCAL_SECONDS = 60
    claim = ClaimFactory(published=True, summary="First words.")
    draft = ClaimFactory(status="in_review", article=claim.article)
    url = f"/articles/{claim.article_id}/"
    first = client.get(url)  # rendered, kept in the shared cache
    client.get(url)  # read from the shared cache, copied here
    cache.clear()  # the shared cache loses the page and the clock
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    claim_publish(claim=Claim.objects.get(pk=draft.pk), user=reviewer)
    after = client.get(url)  # a new clock: the copy here is not for it
    assert after["ETag"] != first["ETag"]
    assert after.content != first.content


def test_a_draft_edit_keeps_the_etag_and_a_publish_changes_it(client, reviewer):
    ClaimFactory(published=True)
    draft = ClaimFactory(status="in_review", summary="Before.")
    first = client.get("/")

    edited = Claim.objects.get(pk=draft.pk)
    edited.summary = "an edit nobody outside the newsroom sees"
    edited.save()
    assert client.get("/")["ETag"] == first["ETag"]

    claim_publish(claim=Claim.objects.get(pk=draft.pk), user=reviewer)
    after = client.get("/")
    assert after["ETag"] != first["ETag"]
    assert client.get("/", headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_a_public_edit_shows_at_once(client, claim):
    url = f"/claims/{claim.pk}/"
    client.get(url)
    claim.summary = "A new summary"
    claim.save()
    assert "A new summary" in client.get(url).content.decode()


def test_the_newsroom_never_gets_a_kept_page(client, editor, claim):
    url = f"/claims/{claim.pk}/"
    anonymous = client.get(url)
    client.force_login(editor)
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response
    assert response.content != anonymous.content  # the editor's page links to the admin
    assert client.get(url, headers={"If-None-Match": anonymous["ETag"]}).status_code == 200


def test_other_paths_go_down_the_stack(client, claim):
    client.get("/")
    response = client.get("/api/v1/claims/")
    assert response.status_code == 200
    assert "ETag" not in response
    assert client.get("/no-such-page/").status_code == 404


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL")
    or django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="needs a Redis server (REDIS_URL) and PostgreSQL for a second process to share",
)
def test_a_publish_in_another_process_changes_the_etag_here(
    client, reviewer, settings, monkeypatch
):
    """A second Python process, with its own cache client, publishes: this one sees it once
    the clock it remembers has expired."""
    settings.PUBLIC_CLOCK_LOCAL_SECONDS = 600
    ClaimFactory(published=True)
    draft = ClaimFactory(status="in_review")
    url = "/"
    first = client.get(url)
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}"
        f"/{db['NAME']}",
        "REDIS_URL": django_settings.CACHES["default"]["LOCATION"],
        "PUBLIC_CLOCK_CACHED": "true",
    }
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from factcheck.ledger.models import Claim\n"
        "from factcheck.ledger.services.claims import claim_publish\n"
        f"user = get_user_model().objects.get(pk={reviewer.pk})\n"
        f"claim_publish(claim=Claim.objects.get(pk={draft.pk}), user=user)\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, check=True, timeout=120)

    # still within the time this process may reuse the clock it read
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    monkeypatch.setattr(clock, "_remembered", None)  # that time is up
    response = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]


def test_a_host_the_site_does_not_serve_is_refused_before_any_kept_page(client, claim):
    url = f"/claims/{claim.pk}/"
    client.get(url)
    assert client.get(url, headers={"Host": "evil.example"}).status_code == 400


def test_pages_are_kept_per_host(client, claim, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    client.get("/feed/")
    feed = client.get("/feed/", headers={"Host": "other.example"}).content.decode()
    assert "http://other.example/" in feed
    assert "http://testserver/" not in feed
