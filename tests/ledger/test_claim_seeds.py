"""The seeds' key claims: published, anchored by quote, with their figures; loaded once."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.ledger.models import Claim, Measurement
from factcheck.ledger.seeding.claims import claim_by_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("load_seeds", stdout=StringIO())


def figures(key):
    claim = claim_by_key(key)
    return {m.quantity: (m.value, m.bound) for m in claim.measurements.all()}


def test_the_strike_reports_carry_every_figure(seeded):
    assert figures("000-strike-figures") == {
        "drones": (Decimal(400), "at_most"),
        "missiles": (Decimal(29), "exact"),
        "regions": (Decimal(12), "exact"),
        "people_injured": (Decimal(9), "exact"),
    }
    assert figures("003-strike-figures") == {
        "drones": (Decimal(420), "about"),
        "missiles": (Decimal(39), "exact"),
        "people_injured": (Decimal(24), "more_than"),
        "regions": (Decimal(6), "at_least"),
    }
    assert claim_by_key("000-strike-figures").claimant.name == "Volodymyr Zelensky"
    assert claim_by_key("003-strike-figures").claimant_label == "authorities"
    assert figures("003-body-exchange") == {
        "bodies_returned": (Decimal(1000), "exact"),
        "bodies_received": (Decimal(35), "exact"),
    }


def test_every_seed_claim_is_published_and_anchored(seeded):
    claims = Claim.objects.select_related("article")
    assert claims.count() >= 17
    for claim in claims:
        assert claim.status == "published" and claim.published_at is not None
        assert claim.article.body[claim.start : claim.end] == claim.exact


def test_the_named_claims_have_their_records(seeded):
    assert claim_by_key("000-donbas-demand").topic.title.startswith("Ukraine cedes")
    assert claim_by_key("003-donetsk-force").topic == claim_by_key("000-donbas-demand").topic
    assert claim_by_key("003-no-deadlines").claimant.name == "Sergei Lavrov"
    assert claim_by_key("000-june-deadline").event.kind == "deadline"
    assert claim_by_key("003-leaders-meeting").event.start.isoformat() == "2026-03-05"
    assert {a.name for a in claim_by_key("000-medinsky-heads-russia").subjects.all()} >= {
        "Vladimir Medinsky"
    }
    for key in ("000-umerov-heads-ukraine", "003-umerov-leads-ukraine"):
        assert "Rustem Umerov" in {a.name for a in claim_by_key(key).subjects.all()}
    for key in ("000-witkoff-kushner", "003-witkoff-kushner"):
        assert {"Steve Witkoff", "Jared Kushner"} <= {
            a.name for a in claim_by_key(key).subjects.all()
        }


def test_loading_twice_creates_nothing(seeded):
    before = (Claim.objects.count(), Measurement.objects.count())
    call_command("load_seeds", stdout=StringIO())
    assert (Claim.objects.count(), Measurement.objects.count()) == before
