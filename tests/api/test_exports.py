"""Claims as CSV, as a ClaimReview JSON-LD feed and as W3C Web Annotations."""

from __future__ import annotations

import csv
import io
import json

import pytest

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
    with django_assert_num_queries(expected):
        # export.csv: 1 the claims' values with their joins, 2 subjects, 3 measurements;
        # claimreview: 1 claims with article, outlet and claimant (all a review shows);
        # annotations: 1 the total, 2 the claims' own columns (no join needed);
        # the claims per EXPORT_CHUNK, read while the response streams
        _text(anon.get(f"/api/v1/claims/{path}"))


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
