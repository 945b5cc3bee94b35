"""Claims as CSV, as a ClaimReview JSON-LD feed and as W3C Web Annotations."""

from __future__ import annotations

import csv
import io

import pytest

from factcheck.ledger.models import Claim

pytestmark = pytest.mark.django_db


def test_csv_export_with_filters(anon, world):
    response = anon.get(f"/api/v1/claims/export.csv?event={world.event.pk}&ordering=id")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [int(r["id"]) for r in rows] == [world.published.pk, world.other.pk]
    assert rows[0]["claimant"] == "Sergei Lavrov"
    assert rows[0]["measurements"] == "drones at_most 400"
    only = anon.get(f"/api/v1/claims/export.csv?article={world.other_article.pk}")
    assert len(list(csv.DictReader(io.StringIO(only.content.decode())))) == 1


def test_csv_export_hides_drafts_from_readers(anon, world):
    text = anon.get("/api/v1/claims/export.csv").content.decode()
    assert str(world.draft.summary) not in text


def test_claimreview_feed_lists_published_rated_claims(anon, world):
    Claim.objects.filter(pk=world.published.pk).update(rating="disputed")
    response = anon.get("/api/v1/claims/claimreview/")
    assert response["Content-Type"].startswith("application/ld+json")
    feed = response.json()
    assert feed["@context"] == "https://schema.org"
    (review,) = feed["dataFeedElement"]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == world.published.summary
    assert review["reviewRating"]["ratingValue"] == 3
    assert review["itemReviewed"]["author"]["name"] == "Sergei Lavrov"
    assert review["url"].endswith(world.published.get_absolute_url())


def test_web_annotations_carry_both_selectors(anon, world):
    response = anon.get(f"/api/v1/claims/annotations/?article={world.article.pk}")
    collection = response.json()
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
    with django_assert_num_queries(3):
        # 1 claims with their joins, 2 subjects, 3 measurements
        anon.get(f"/api/v1/claims/{path}")
