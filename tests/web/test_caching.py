"""HTTP caching: validators and 304s for anonymous readers, no-store for the newsroom."""

from __future__ import annotations

import pytest

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/articles/{article}/",
    "/claims/{claim}/",
    "/actors/{actor}/",
    "/search/?q=x",
    "/feed/",
    "/sitemap.xml",
]


@pytest.fixture
def claim():
    from tests.factories import ActorFactory

    return ClaimFactory(published=True, claimant=ActorFactory())


def _url(template, claim):
    return template.format(article=claim.article_id, claim=claim.pk, actor=claim.claimant_id)


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_pages_send_validators_and_public_cache_control(client, claim, page):
    response = client.get(_url(page, claim))
    assert response.status_code == 200
    assert response["ETag"]
    assert response["Last-Modified"]
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]


@pytest.mark.parametrize("page", PAGES)
def test_a_matching_if_none_match_answers_304(client, claim, page):
    url = _url(page, claim)
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


def test_a_matching_if_modified_since_answers_304_in_one_query(
    client, claim, django_assert_num_queries
):
    url = f"/claims/{claim.pk}/"
    last_modified = client.get(url)["Last-Modified"]
    with django_assert_num_queries(1):
        # 1. the public ledger clock: nothing else runs for an unchanged page
        response = client.get(url, headers={"If-Modified-Since": last_modified})
    assert response.status_code == 304


def test_a_change_to_the_ledger_changes_the_etag(client, claim):
    url = f"/claims/{claim.pk}/"
    etag = client.get(url)["ETag"]
    claim.rating = "false"
    claim.save()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_the_validator_reads_the_clock_row_not_history(client, claim, django_assert_num_queries):
    url = f"/claims/{claim.pk}/"
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(1) as captured:
        client.get(url, headers={"If-None-Match": etag})
    (sql,) = [query["sql"] for query in captured.captured_queries]
    assert "ledger_ledgerclock" in sql
    assert "historical" not in sql


def test_a_draft_edit_keeps_the_etag_and_a_publish_changes_it(client, reviewer):
    from factcheck.ledger.models import Claim
    from factcheck.ledger.services.claims import claim_publish, claim_send_back

    ClaimFactory(published=True)  # something public, so the home page has content
    draft = ClaimFactory(status="in_review")
    etag = client.get("/")["ETag"]

    draft = Claim.objects.get(pk=draft.pk)
    draft.summary = "an edit nobody outside the newsroom sees"
    draft.save()
    assert client.get("/")["ETag"] == etag

    claim_publish(claim=Claim.objects.get(pk=draft.pk), user=reviewer)
    published_etag = client.get("/")["ETag"]
    assert published_etag != etag

    claim_send_back(claim=Claim.objects.get(pk=draft.pk), user=reviewer, note="check the figure")
    sent_back_etag = client.get("/")["ETag"]
    assert sent_back_etag != published_etag

    again = Claim.objects.get(pk=draft.pk)
    again.summary = "a second edit, back in draft"
    again.save()
    assert client.get("/")["ETag"] == sent_back_etag


def test_an_edit_to_a_record_pages_show_changes_the_etag(client, claim):
    etag = client.get("/")["ETag"]
    actor = claim.claimant
    actor.name = "A new name"
    actor.save()
    assert client.get("/")["ETag"] != etag


def test_different_pages_have_different_etags(client, claim):
    assert client.get("/")["ETag"] != client.get("/search/?q=x")["ETag"]


def test_newsroom_staff_get_private_no_store(editor_client, claim):
    response = editor_client.get(f"/claims/{claim.pk}/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response


@pytest.mark.parametrize("page", PAGES)
def test_a_page_already_rendered_for_a_reader_costs_one_query(
    client, claim, page, django_assert_num_queries
):
    url = _url(page, claim)
    first = client.get(url)
    with django_assert_num_queries(1):
        # 1. the public ledger clock: the page itself comes from the cache
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"]


def test_a_public_change_renders_the_page_again(client, claim):
    url = f"/claims/{claim.pk}/"
    client.get(url)
    claim.summary = "A new summary"
    claim.save()
    assert "A new summary" in client.get(url).content.decode()


def test_pages_for_the_newsroom_are_never_kept(editor_client, claim, monkeypatch):
    from django.test import Client

    from factcheck.web import caching

    kept, real = [], caching.cache

    class Recording:  # whatever the cache backend (local memory or Redis)
        def __getattr__(self, name):
            return getattr(real, name)

        def set(self, key, *args, **kwargs):
            kept.append(key)
            return real.set(key, *args, **kwargs)

    monkeypatch.setattr(caching, "cache", Recording())
    url = f"/claims/{claim.pk}/"
    editor_client.get(url)
    assert kept == []
    Client().get("/")  # an anonymous reader's page is kept: the recorder sees it
    assert len(kept) == 1 and kept[0].startswith("page:")
