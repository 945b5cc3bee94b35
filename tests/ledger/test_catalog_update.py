"""catalog_update: the one write path for sources, articles, events, series and topics."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from factcheck.ledger.choices import CorroborationStatus
from factcheck.ledger.services.catalog import catalog_update
from factcheck.ledger.services.corroboration import claims_refresh
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_it_saves_only_what_changed_and_records_the_editor(editor):
    topic = TopicFactory(title="Old wording")
    catalog_update(obj=topic, user=editor, title="New wording", description="")
    latest = topic.history.first()
    assert (latest.title, latest.history_user) == ("New wording", editor)
    assert latest.history_type == "~"


def test_participants_change_in_one_recorded_version(editor):
    event = EventFactory()
    actors = ActorFactory.create_batch(2)
    before = event.history.count()
    catalog_update(obj=event, user=editor, participants=actors)
    assert set(event.participants.all()) == set(actors)
    assert event.history.count() == before + 1


def test_an_event_ending_before_it_starts_is_refused_and_nothing_saved(editor):
    event = EventFactory()
    with pytest.raises(ValidationError):
        catalog_update(obj=event, user=editor, end=event.start - dt.timedelta(days=1))
    event.refresh_from_db()
    assert event.end >= event.start


def test_unknown_fields_are_refused(editor):
    with pytest.raises(ValidationError, match="cannot be changed"):
        catalog_update(obj=TopicFactory(), user=editor, colour="red")


def test_it_needs_the_change_permission():
    with pytest.raises(PermissionDenied):
        catalog_update(obj=TopicFactory(), user=UserFactory(), title="x")


def test_a_changed_wire_agency_recomputes_the_articles_claims(
    editor, django_capture_on_commit_callbacks
):
    ours = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    theirs = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    from factcheck.ledger.services.links import link_create

    link_create(from_claim=theirs, to_claim=ours, relation="corroborates", user=None)
    claims_refresh(claim_ids=[ours.pk, theirs.pk])
    ours.refresh_from_db()
    assert ours.corroboration == CorroborationStatus.CORROBORATED
    with django_capture_on_commit_callbacks(execute=True):
        catalog_update(obj=ours.article, user=editor, wire_agency="AFP")
    ours.refresh_from_db()
    assert (ours.corroboration, ours.independent_origins) == (CorroborationStatus.SINGLE_SOURCE, 1)
