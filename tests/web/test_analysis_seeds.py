"""On the seeds, the public pages tell the story of issues 5 and 6."""

from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.ledger.models import Claim, Event, Series, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(db):
    call_command("load_seeds", stdout=StringIO())


def test_strike_pages(client, seeds):
    night = Event.objects.get(name="Overnight strikes on Ukraine, 16–17 Feb 2026")
    page = client.get(f"/events/{night.pk}/").content.decode()
    assert "almost 400 long-range drones" in page
    assert "discrepancy:" not in page
    series = Series.objects.get()
    page = client.get(f"/series/{series.pk}/").content.decode()
    assert "some 420 drones" in page and "almost 400 long-range drones" in page
    assert "disagree" not in page


def test_donetsk_topic_page_links_each_step_to_its_evidence(client, seeds):
    topic = Topic.objects.get(title="Ukraine cedes the rest of Donetsk region to Russia")
    page = client.get(f"/topics/{topic.pk}/").content.decode()
    for quote in ("Russia is still insisting", "Ukraine has rejected the demand"):
        claim = Claim.objects.get(exact__startswith=quote)
        assert f'href="/claims/{claim.pk}/"' in page
    assert "Hardened" in page


def test_matrix_differs_between_20_and_27_feb(client, seeds):
    before = client.get("/matrix/?as_of=2026-02-20").content.decode()
    after = client.get("/matrix/?as_of=2026-02-27").content.decode()
    assert "Hardened" not in before and "Hardened" in after


def test_the_seeds_rate_what_their_evidence_supports_and_carry_claimreview(client, seeds):
    donbas = Claim.objects.get(exact__startswith="Russia is still insisting")
    strikes = Claim.objects.get(exact__startswith="Overnight, Russia used almost 400")
    deadline = Claim.objects.get(exact__startswith="the United States setting a June deadline")
    assert (donbas.rating, strikes.rating, deadline.rating) == ("corroborated", "unverified", "")
    page = client.get(f"/claims/{donbas.pk}/").content.decode()
    assert '"@type": "ClaimReview"' in page or '"@type":"ClaimReview"' in page
    assert "Not rated" not in page.split("Rating history")[1]  # rated before it was published
    assert Claim.objects.exclude(rating="").count() == 8
    # Loading again neither re-rates nor overrides an editor's rating.
    Claim.objects.filter(pk=strikes.pk).update(rating="disputed")
    call_command("load_seeds", stdout=StringIO())
    assert Claim.objects.get(pk=strikes.pk).rating == "disputed"
