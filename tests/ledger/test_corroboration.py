"""Corroboration: independent origins, figures as intervals, one night or two."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from factcheck.ledger.choices import Bound, CorroborationStatus, LinkRelation
from factcheck.ledger.models import Claim
from factcheck.ledger.reports.event_figures import event_figures
from factcheck.ledger.reports.event_matching import event_matching
from factcheck.ledger.reports.series_figures import series_figures
from factcheck.ledger.rules import event_mismatch, measurement_interval
from factcheck.ledger.services.corroboration import claims_refresh
from factcheck.ledger.services.links import link_create, link_delete
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    SeriesFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def _figure(event, value, bound, *, agency="", source=None, quantity="drones", published=True):
    article = ArticleFactory(wire_agency=agency, source=source or SourceFactory())
    claim = ClaimFactory(article=article, event=event, kind="quantity", published=published)
    MeasurementFactory(claim=claim, quantity=quantity, value=value, bound=bound)
    return claim


def _status(claim) -> tuple[str, int]:
    claim.refresh_from_db()
    return claim.corroboration, claim.independent_origins


# ---- intervals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "bound", "low", "high"),
    [
        (400, Bound.EXACT, 400, 400),
        (420, Bound.ABOUT, 378, 462),
        (400, Bound.AT_MOST, 360, 400),
        (6, Bound.AT_LEAST, 6, None),
        (24, Bound.MORE_THAN, 24, None),
        (10, Bound.LESS_THAN, 0, 10),
    ],
)
def test_each_bound_is_an_interval(value, bound, low, high):
    interval = measurement_interval(value, bound)
    assert interval.low == (None if low is None else Decimal(low))
    assert interval.high == (None if high is None else Decimal(high))


def test_open_ends_do_not_touch():
    assert not measurement_interval(24, Bound.MORE_THAN).overlaps(measurement_interval(24, "exact"))
    assert measurement_interval(24, Bound.AT_LEAST).overlaps(measurement_interval(24, "exact"))
    assert not measurement_interval(10, Bound.LESS_THAN).overlaps(measurement_interval(10, "exact"))


def test_almost_400_and_about_390_overlap():
    assert measurement_interval(400, Bound.AT_MOST).overlaps(measurement_interval(390, Bound.ABOUT))


# ---- origins -------------------------------------------------------------------------------


def test_origin_is_the_agency_else_the_outlet():
    ap_one = ArticleFactory(wire_agency="AP", source=SourceFactory(name="The Independent"))
    ap_two = ArticleFactory(wire_agency="AP", source=SourceFactory(name="The Guardian"))
    own = ArticleFactory(source=SourceFactory(name="The Guardian"))
    assert ap_one.origin_key == ap_two.origin_key
    assert own.origin_key != ap_two.origin_key


def test_same_ap_copy_in_two_outlets_is_one_origin(editor):
    one = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    two = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    link_create(from_claim=one, to_claim=two, relation=LinkRelation.CORROBORATES, user=editor)
    assert _status(one) == (CorroborationStatus.SINGLE_SOURCE, 1)
    assert _status(two) == (CorroborationStatus.SINGLE_SOURCE, 1)


def test_two_independent_origins_corroborate(editor):
    ap = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    afp = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    link_create(from_claim=ap, to_claim=afp, relation=LinkRelation.CORROBORATES, user=editor)
    assert _status(ap) == (CorroborationStatus.CORROBORATED, 2)
    assert _status(afp) == (CorroborationStatus.CORROBORATED, 2)


def test_an_unpublished_counterpart_does_not_count(editor):
    ap = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    draft = ClaimFactory(article=ArticleFactory(wire_agency="AFP"))
    link_create(from_claim=ap, to_claim=draft, relation=LinkRelation.CONTRADICTS, user=editor)
    assert _status(ap) == (CorroborationStatus.SINGLE_SOURCE, 1)


def test_a_contradicting_published_claim_disputes(editor):
    us = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    lavrov = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    link_create(from_claim=us, to_claim=lavrov, relation=LinkRelation.CONTRADICTS, user=editor)
    assert _status(us)[0] == CorroborationStatus.DISPUTED
    assert _status(lavrov)[0] == CorroborationStatus.DISPUTED


def test_a_deleted_link_is_recomputed(editor):
    ap = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    afp = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    link = link_create(from_claim=ap, to_claim=afp, relation="corroborates", user=editor)
    assert _status(ap)[0] == CorroborationStatus.CORROBORATED
    link_delete(link=link, user=editor)
    assert _status(ap) == (CorroborationStatus.SINGLE_SOURCE, 1)
    assert _status(afp) == (CorroborationStatus.SINGLE_SOURCE, 1)


def test_a_counterpart_leaving_publication_is_recomputed(editor):
    ap = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    afp = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    link_create(from_claim=ap, to_claim=afp, relation="corroborates", user=editor)
    Claim.objects.filter(pk=afp.pk).update(status="rejected")  # as the workflow would
    claims_refresh(claim_ids=[afp.pk])
    assert _status(ap) == (CorroborationStatus.SINGLE_SOURCE, 1)


def test_a_changed_wire_agency_is_recomputed(editor):
    ap = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    other = ArticleFactory(wire_agency="AFP")
    afp = ClaimFactory(article=other, published=True)
    link_create(from_claim=ap, to_claim=afp, relation="corroborates", user=editor)
    other.wire_agency = "AP"
    other.save(update_fields=["wire_agency"])
    from factcheck.ledger.services.corroboration import article_corroboration_refresh

    article_corroboration_refresh(article=other)
    assert _status(ap) == (CorroborationStatus.SINGLE_SOURCE, 1)


# ---- figures ----------------------------------------------------------------------------------


def test_same_night_two_origins_non_overlapping_is_disputed():
    night = EventFactory()
    ap = _figure(night, 400, Bound.EXACT, agency="AP")
    afp = _figure(night, 250, Bound.ABOUT, agency="AFP")
    claims_refresh(claim_ids=[ap.pk])
    assert _status(ap)[0] == CorroborationStatus.DISPUTED
    assert _status(afp)[0] == CorroborationStatus.DISPUTED
    (drones,) = event_figures(event=night)
    assert not drones.agree
    assert drones.spread == Decimal(150)
    assert drones.origins == ["AFP", "AP"]


def test_overlapping_hedged_figures_agree_and_corroborate():
    night = EventFactory()
    ap = _figure(night, 400, Bound.AT_MOST, agency="AP")  # "almost 400"
    afp = _figure(night, 390, Bound.ABOUT, agency="AFP")  # "about 390"
    claims_refresh(claim_ids=[ap.pk])
    assert _status(ap) == (CorroborationStatus.CORROBORATED, 2)
    assert _status(afp) == (CorroborationStatus.CORROBORATED, 2)
    (drones,) = event_figures(event=night)
    assert drones.agree


def test_non_overlapping_figures_from_one_origin_are_no_dispute():
    night = EventFactory()
    first = _figure(night, 400, Bound.EXACT, agency="AP")
    _figure(night, 250, Bound.EXACT, agency="AP")
    claims_refresh(claim_ids=[first.pk])
    assert _status(first) == (CorroborationStatus.SINGLE_SOURCE, 1)


def test_different_nights_of_a_series_are_a_series_not_a_discrepancy():
    strikes = SeriesFactory()
    first = EventFactory(series=strikes, start=dt.date(2026, 2, 16), end=dt.date(2026, 2, 17))
    second = EventFactory(series=strikes, start=dt.date(2026, 2, 25), end=dt.date(2026, 2, 26))
    ap = _figure(first, 400, Bound.AT_MOST, agency="AP")
    afp = _figure(second, 420, Bound.ABOUT, agency="AFP")
    _figure(first, 29, Bound.EXACT, agency="AP", quantity="missiles")
    _figure(second, 39, Bound.EXACT, agency="AFP", quantity="missiles")
    claims_refresh(claim_ids=[ap.pk, afp.pk])
    assert _status(ap)[0] == CorroborationStatus.SINGLE_SOURCE
    assert _status(afp)[0] == CorroborationStatus.SINGLE_SOURCE
    table = series_figures(series=strikes)
    assert [e.pk for e in table.events] == [first.pk, second.pk]
    assert table.quantities == ["drones", "missiles"]
    drones = table.rows["drones"]
    assert [g.reports[0].value for g in drones] == [400, 420]
    assert all(g.agree for row in table.rows.values() for g in row)


def test_unpublished_figures_stay_off_the_event():
    night = EventFactory()
    _figure(night, 400, Bound.EXACT, agency="AP")
    _figure(night, 100, Bound.EXACT, agency="AFP", published=False)
    (drones,) = event_figures(event=night)
    assert len(drones.reports) == 1
    assert len(event_figures(event=night, published_only=False)[0].reports) == 2


# ---- one night or two -----------------------------------------------------------------------


def test_a_report_about_another_night_is_warned_and_the_matching_event_offered():
    strikes = SeriesFactory()
    first = EventFactory(series=strikes, start=dt.date(2026, 2, 16), end=dt.date(2026, 2, 17))
    second = EventFactory(series=strikes, start=dt.date(2026, 2, 25), end=dt.date(2026, 2, 26))
    claim = ClaimFactory.build(about_start=dt.date(2026, 2, 25), about_end=dt.date(2026, 2, 26))
    assert event_mismatch(claim=claim, event=first) == (
        "this report is about the night of 25–26 Feb; the event is the night of 16–17 Feb"
    )
    assert event_mismatch(claim=claim, event=second) is None
    assert event_matching(claim=claim, event=first) == second


def test_a_report_within_the_event_days_is_no_mismatch():
    talks = EventFactory(kind="talks", start=dt.date(2026, 2, 17), end=dt.date(2026, 2, 18))
    claim = ClaimFactory.build(about_start=dt.date(2026, 2, 17), about_end=None)
    assert event_mismatch(claim=claim, event=talks) is None
    assert event_mismatch(claim=ClaimFactory.build(), event=talks) is None


def test_a_claim_moved_to_another_event_leaves_the_old_event_recomputed(
    reviewer, django_capture_on_commit_callbacks
):
    from factcheck.ledger.services.claims import claim_update

    night = EventFactory()
    other_night = EventFactory(start=dt.date(2026, 2, 25), end=dt.date(2026, 2, 26))
    ap = _figure(night, 400, Bound.AT_MOST, agency="AP")
    afp = _figure(night, 300, Bound.EXACT, agency="AFP")
    claims_refresh(claim_ids=[ap.pk, afp.pk])
    assert _status(ap)[0] == CorroborationStatus.DISPUTED
    with django_capture_on_commit_callbacks(execute=True):
        claim_update(claim=afp, user=reviewer, expected_version=afp.version, event=other_night)
    assert _status(ap) == (CorroborationStatus.SINGLE_SOURCE, 1)


# ---- recomputing the whole ledger -----------------------------------------------------------


def test_recompute_all_matches_the_local_recompute_and_records_history(editor):
    from django.core.management import call_command

    ap = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    afp = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    link_create(from_claim=ap, to_claim=afp, relation=LinkRelation.CORROBORATES, user=editor)
    night = EventFactory()
    low = _figure(night, 400, Bound.EXACT, agency="AP")
    high = _figure(night, 900, Bound.EXACT, agency="AFP")
    claims_refresh(claim_ids=[low.pk, high.pk])
    expected = {claim.pk: _status(claim) for claim in (ap, afp, low, high)}
    # As if a rule had changed: every stored value is stale.
    Claim.objects.update(corroboration=CorroborationStatus.SINGLE_SOURCE, independent_origins=9)

    call_command("recompute_ledger", "--only", "corroboration", stdout=io.StringIO())

    assert {claim.pk: _status(claim) for claim in (ap, afp, low, high)} == expected
    assert expected[ap.pk] == (CorroborationStatus.CORROBORATED, 2)
    assert expected[low.pk][0] == CorroborationStatus.DISPUTED
    assert ap.history.first().history_change_reason == "corroboration recomputed"
