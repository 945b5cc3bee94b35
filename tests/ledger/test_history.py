"""History: field-by-field diffs and restoring an earlier version as a new change."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from factcheck.ledger.models import Claim
from factcheck.ledger.reports.history_diff import history_diff, history_diff_display
from factcheck.ledger.services.catalog import actor_update
from factcheck.ledger.services.claims import ClaimConflict, claim_create, claim_update
from factcheck.ledger.services.history import claim_restore, record_restore
from tests.factories import ActorFactory, ArticleFactory, EventFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_claim(editor, **extra):
    return claim_create(
        article=ArticleFactory(),
        user=editor,
        start=0,
        end=9,
        summary="first words",
        measurements=[{"quantity": "drones", "value": 400, "bound": "at_most"}],
        **extra,
    )


def test_the_diff_lists_each_changed_field(editor):
    russia = ActorFactory(name="Russia")
    claim = make_claim(editor)
    claim_update(
        claim=claim,
        user=editor,
        expected_version=1,
        summary="second words",
        subjects=[russia],
        kind="quantity",
    )
    new, old = claim.history.all()[:2]
    assert history_diff(old, new) == [
        ("kind", "factual", "quantity"),
        ("summary", "first words", "second words"),
        ("subjects", [], [russia.pk]),
    ]
    assert history_diff_display(old, new) == [
        ("kind", "Factual", "Quantity"),
        ("summary", "first words", "second words"),
        ("subject actors", "—", "Russia"),
    ]
    assert new.history_user == editor


def test_restoring_a_claim_is_a_new_recorded_change(editor, reviewer):
    topic = TopicFactory()
    claim = make_claim(editor, topic=topic)
    first = claim.history.first()
    claim = claim_update(
        claim=claim,
        user=editor,
        expected_version=1,
        summary="later words",
        topic=None,
        start=10,
        end=20,
        measurements=[{"quantity": "drones", "value": 420, "bound": "about"}],
    )
    before = claim.history.count()
    claim = claim_restore(
        claim=claim, history_id=first.history_id, user=reviewer, expected_version=claim.version
    )
    claim = Claim.objects.get(pk=claim.pk)
    assert (claim.summary, claim.topic, claim.start, claim.end) == ("first words", topic, 0, 9)
    assert [(m.value, m.bound) for m in claim.measurements.all()] == [(400, "at_most")]
    assert claim.history.count() == before + 1
    latest = claim.history.first()
    assert latest.history_user == reviewer and latest.history_change_reason.startswith("restored")


def test_a_restore_from_a_stale_page_is_refused(editor):
    claim = make_claim(editor)
    first = claim.history.first()
    claim_update(claim=claim, user=editor, expected_version=1, summary="moved on")
    with pytest.raises(ClaimConflict):
        claim_restore(claim=claim, history_id=first.history_id, user=editor, expected_version=1)


def test_any_record_with_history_can_be_restored(editor):
    actor = ActorFactory(name="Sergei Lavrov", role="Foreign minister")
    first = actor.history.first()
    actor_update(actor=actor, role="Former minister")
    record_restore(obj=actor, history_id=first.history_id, user=editor)
    actor.refresh_from_db()
    assert actor.role == "Foreign minister"
    assert actor.history.first().history_user == editor


def test_event_participants_are_restored(editor):
    a, b = ActorFactory(), ActorFactory()
    event = EventFactory()
    event.participants.set([a])
    version = event.history.first()
    event.participants.set([b])
    record_restore(obj=event, history_id=version.history_id, user=editor)
    assert list(event.participants.all()) == [a]


def test_only_newsroom_staff_may_restore():
    actor = ActorFactory()
    with pytest.raises(PermissionDenied):
        record_restore(obj=actor, history_id=actor.history.first().history_id, user=UserFactory())
