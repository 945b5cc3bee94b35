"""The lean claim rows the list, detail and match read are ClaimSerializer's output, exactly."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import RequestFactory
from rest_framework.renderers import JSONRenderer

from factcheck.api.serializers.claim_rows import claim_rows
from factcheck.api.serializers.claims import ClaimSerializer
from factcheck.ledger.choices import Bound, ClaimStatus
from factcheck.ledger.models import Claim
from tests.api.conftest import ROW_QUERIES
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    SeriesFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

EXPANSIONS = [
    frozenset(),
    frozenset({"article"}),
    frozenset({"claimant", "subjects"}),
    frozenset({"article", "claimant", "subjects", "event", "topic"}),
]


def _varied_claims() -> list[int]:
    """Claims with and without each relation, several figures (whole, fractional, zero),
    dates, a rating, a label without a claimant, every status, and a non-ASCII text."""
    series = SeriesFactory()
    event = EventFactory(series=series, end=None, precision="day")
    span = EventFactory()
    topic = TopicFactory()
    wire = ArticleFactory(wire_agency="AP")
    actors = [ActorFactory(name=name) for name in ("Zelensky", "Ана Петрова", "Biden")]
    claims = [
        ClaimFactory(
            published=True,
            article=wire,
            claimant=actors[0],
            subjects=actors[1:],
            event=event,
            topic=topic,
            kind="quantity",
            rating="false",
            about_start=dt.date(2026, 2, 16),
            about_end=dt.date(2026, 2, 17),
            summary="«Почти» 400 drones",
        ),
        ClaimFactory(published=True, claimant_label="a spokesman", event=span),
        ClaimFactory(status=ClaimStatus.DRAFT, subjects=[actors[2]]),
        ClaimFactory(in_review=True, article=wire, topic=topic),
        ClaimFactory(status=ClaimStatus.REJECTED),
    ]
    MeasurementFactory(claim=claims[0])
    MeasurementFactory(claim=claims[0], quantity="missiles", value=Decimal("12.5"), unit="t")
    MeasurementFactory(claim=claims[1], value=0, bound=Bound.EXACT, text="")
    return [c.pk for c in claims]


def _as_json(data) -> bytes:
    return JSONRenderer().render(data)


@pytest.mark.parametrize("expand", EXPANSIONS, ids=lambda e: ",".join(sorted(e)) or "none")
def test_rows_are_the_serializers_output_byte_for_byte(expand):
    ids = _varied_claims()
    ordered = ids[::-1]  # the caller's order is kept
    request = RequestFactory().get("/api/v1/claims/")
    claims = {c.pk: c for c in Claim.objects.filter(pk__in=ids).with_related()}
    context = {"request": request, "expand": expand}
    expected = [ClaimSerializer(claims[pk], context=context).data for pk in ordered]

    assert _as_json(claim_rows(ordered, expand=expand, request=request)) == _as_json(expected)
    assert json.loads(_as_json(expected))[-1]["subjects"]  # the comparison saw subjects


def test_without_a_request_the_url_is_a_path():
    (pk, *_) = _varied_claims()
    (row,) = claim_rows([pk])
    assert row["url"] == f"/api/v1/claims/{pk}/"


def test_missing_ids_are_left_out(django_assert_num_queries):
    ids = _varied_claims()
    with django_assert_num_queries(ROW_QUERIES):
        rows = claim_rows([*ids, max(ids) + 1000])
    assert [row["id"] for row in rows] == ids


def test_no_ids_no_queries(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert claim_rows([]) == []


def test_each_call_reads_its_own_ids_and_visibility():
    # The one-query read keeps its compiled SQL: another call must not see the last one's ids
    # or its visibility.
    ids = _varied_claims()
    everything = claim_rows(ids)
    published = claim_rows(ids, claims=Claim.objects.published())
    assert [row["id"] for row in everything] == ids
    assert [row["id"] for row in published] == ids[:2]
    assert [row["id"] for row in claim_rows(ids[2:])] == ids[2:]
    assert claim_rows(ids[2:], claims=Claim.objects.published()) == []
