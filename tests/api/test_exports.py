"""Claims as CSV, as a ClaimReview JSON-LD feed and as W3C Web Annotations."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.http import StreamingHttpResponse
from django.test import RequestFactory

from factcheck.api.snapshots import kept_export
from factcheck.ledger.models import Claim

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    """An export's body: exports stream, written while the claims are read."""
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def _json(response):
    return json.loads(_text(response))


def test_csv_export_with_filters(anon, world):
    response = anon.get(f"/api/v1/claims/export.csv?event={world.event.pk}&ordering=id")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_text(response))))
    assert [int(r["id"]) for r in rows] == [world.published.pk, world.other.pk]
    assert rows[0]["claimant"] == "Sergei Lavrov"
    assert rows[0]["measurements"] == "drones at_most 400"
    only = anon.get(f"/api/v1/claims/export.csv?article={world.other_article.pk}")
    assert len(list(csv.DictReader(io.StringIO(_text(only))))) == 1


def test_csv_export_hides_drafts_from_readers(anon, world):
    text = _text(anon.get("/api/v1/claims/export.csv"))
    assert str(world.draft.summary) not in text


def test_claimreview_feed_lists_published_rated_claims(anon, world):
    Claim.objects.filter(pk=world.published.pk).update(rating="disputed")
    response = anon.get("/api/v1/claims/claimreview/")
    assert response["Content-Type"].startswith("application/ld+json")
    feed = _json(response)
    assert feed["@context"] == "https://schema.org"
    (review,) = feed["dataFeedElement"]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == world.published.summary
    assert review["reviewRating"]["ratingValue"] == 3
    assert review["itemReviewed"]["author"]["name"] == "Sergei Lavrov"
    assert review["url"].endswith(world.published.get_absolute_url())


def test_web_annotations_carry_both_selectors(anon, world):
    response = anon.get(f"/api/v1/claims/annotations/?article={world.article.pk}")
    collection = _json(response)
    assert collection["total"] == 1
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    (item,) = collection["first"]["items"]
    target = item["target"]
    assert target["source"] == f"http://testserver{world.article.get_absolute_url()}"
    quote, position = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": world.published.exact,
        "prefix": world.published.prefix,
        "suffix": world.published.suffix,
    }
    assert position == {
        "type": "TextPositionSelector",
        "start": world.published.start,
        "end": world.published.end,
    }
    assert world.article.body[position["start"] : position["end"]] == quote["exact"]


@pytest.mark.parametrize("path", ["export.csv", "claimreview/", "annotations/"])
def test_exports_run_a_fixed_number_of_queries(anon, world, path, django_assert_num_queries):
    Claim.objects.filter(pk=world.published.pk).update(rating="accurate")
    expected = {"export.csv": 3, "claimreview/": 1, "annotations/": 2}[path]
    with django_assert_num_queries(expected + 2):
        # 1 the ledger clock's version (is a kept export current?), then
        # export.csv: 1 the claims' values with their joins, 2 subjects, 3 measurements;
        # claimreview: 1 claims with article, outlet and claimant (all a review shows);
        # annotations: 1 the total, 2 the claims' own columns (no join needed);
        # the claims per EXPORT_CHUNK, read while the response streams; last, the clock again
        # (it must not have moved while the export was built, for the export to be kept)
        built = _text(anon.get(f"/api/v1/claims/{path}"))
    with django_assert_num_queries(1):
        # 1 the clock's version: the export kept for it is sent from its file
        assert _text(anon.get(f"/api/v1/claims/{path}")) == built
    with django_assert_num_queries(expected):
        # a filtered export is built for the request: the export's queries only
        _text(anon.get(f"/api/v1/claims/{path}?ordering=id"))


def test_exports_stream_in_chunks_with_every_row(anon, world, monkeypatch):
    from factcheck.api import exports

    monkeypatch.setattr(exports, "EXPORT_CHUNK", 1)
    Claim.objects.filter(pk=world.published.pk).update(rating="accurate")
    rows = list(csv.DictReader(io.StringIO(_text(anon.get("/api/v1/claims/export.csv")))))
    assert {int(row["id"]) for row in rows} == {world.published.pk, world.other.pk}
    annotations = _json(anon.get("/api/v1/claims/annotations/"))
    assert annotations["total"] == len(annotations["first"]["items"]) == 2


def test_a_bad_filter_on_an_export_is_a_400_not_a_stream(anon):
    response = anon.get("/api/v1/claims/export.csv", {"event": "x"})
    assert response.status_code == 400
    assert not response.streaming
    assert response["Content-Type"] == "application/json"
    assert "event" in response.json()


@pytest.mark.parametrize("path", ["export.csv", "claimreview/", "annotations/"])
def test_a_whole_export_is_kept_until_a_public_change(anon, world, path, settings):
    first = anon.get(f"/api/v1/claims/{path}")
    etag, text, kind = first["ETag"], _text(first), first["Content-Type"]
    kept = anon.get(f"/api/v1/claims/{path}")
    assert (kept["ETag"], _text(kept), kept["Content-Type"]) == (etag, text, kind)
    assert kept.get("Content-Disposition") == first.get("Content-Disposition")
    assert len(list(settings.API_EXPORT_DIR.glob("*.body"))) == 1

    unchanged = anon.get(f"/api/v1/claims/{path}", HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged["ETag"] == etag

    world.other.rating = "false"
    world.other.summary = "A public change"
    world.other.save(update_fields=["rating", "summary"])
    changed = anon.get(f"/api/v1/claims/{path}", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "A public change" in _text(changed)
    # the file of the earlier version is gone once the new one is kept
    assert len(list(settings.API_EXPORT_DIR.glob("*.body"))) == 1


def _streamed(*chunks):
    return lambda: StreamingHttpResponse(iter(chunks), content_type="text/plain")


def test_an_export_cut_short_is_not_kept(settings):
    # Through the view, not the test client: the client reads every answer whole (to check it
    # against the schema), so it cannot hang up half way.
    response = kept_export(RequestFactory().get("/e"), "e", _streamed(b"one", b"two"))
    chunks = iter(response.streaming_content)
    assert next(chunks) == b"one"
    # The client went away: the server closes the response (without closing the test's
    # database connection, as the test client also does).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert not list(settings.API_EXPORT_DIR.glob("*"))
    whole = kept_export(RequestFactory().get("/e"), "e", _streamed(b"one", b"two"))
    assert b"".join(whole.streaming_content) == b"onetwo"
    assert sorted(p.suffix for p in settings.API_EXPORT_DIR.glob("*")) == [".body", ".headers"]


def test_an_export_built_across_a_public_change_is_not_kept(world, settings):
    response = kept_export(RequestFactory().get("/e"), "e", _streamed(b"one", b"two"))
    chunks = iter(response.streaming_content)
    next(chunks)
    world.other.summary = "Changed while the export was sent"
    world.other.save(update_fields=["summary"])
    assert list(chunks) == [b"two"]
    assert not list(settings.API_EXPORT_DIR.glob("*"))


def test_the_newsroom_export_is_built_each_time_with_drafts(editor_api, world, settings):
    assert world.draft.summary in _text(editor_api.get("/api/v1/claims/export.csv"))
    assert "ETag" not in editor_api.get("/api/v1/claims/export.csv")
    assert not list(settings.API_EXPORT_DIR.glob("*.body"))
