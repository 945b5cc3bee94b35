"""On the seeds: Donetsk corroborated by AP and AFP, the strikes a two-night series, links made."""

from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.ledger.models import Claim, ClaimLink, Series
from factcheck.ledger.reports.series_figures import series_figures

pytestmark = pytest.mark.django_db


def test_seed_links_corroborate_and_the_strikes_are_a_series():
    call_command("load_seeds", stdout=StringIO())
    donbas = Claim.objects.get(exact__startswith="Russia is still insisting")
    donetsk = Claim.objects.get(exact__startswith="Russia, which has signalled")
    for claim in (donbas, donetsk):
        assert (claim.corroboration, claim.independent_origins) == ("corroborated", 2)
    assert {donbas.article.wire_agency, donetsk.article.wire_agency} == {"AP", "AFP"}
    assert Claim.objects.get(exact__contains="We have no deadlines").corroboration == "disputed"
    assert ClaimLink.objects.filter(relation="different_event").count() == 1
    assert ClaimLink.objects.count() == 5

    strikes = series_figures(series=Series.objects.get(name="Overnight Russian strikes on Ukraine"))
    assert len(strikes.events) == 2
    drones = [g.reports[0].value for g in strikes.rows["drones"]]
    missiles = [g.reports[0].value for g in strikes.rows["missiles"]]
    assert (drones, missiles) == ([400, 420], [29, 39])
    assert all(g.agree for row in strikes.rows.values() for g in row if g)
    for claim in Claim.objects.filter(kind="quantity"):
        assert claim.corroboration != "disputed"
