"""Positions over time: the change rule, overrides, out-of-order entry, the as-of matrix."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from factcheck.ledger.choices import PositionChange, Stance
from factcheck.ledger.models import Position
from factcheck.ledger.reports.matrix import position_matrix
from factcheck.ledger.reports.timelines import actor_positions, topic_timeline
from factcheck.ledger.rules import change_between
from factcheck.ledger.services.positions import (
    position_delete,
    position_override,
    position_record,
    position_update,
)
from tests.factories import ActorFactory, ClaimFactory, PositionFactory, TopicFactory, UserFactory

FEB = lambda day: dt.date(2026, 2, day)  # noqa: E731


def _p(stance: str, strength: int = 2) -> Position:
    return Position(stance=stance, strength=strength)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (None, _p(Stance.SUPPORTS), PositionChange.NEW),
        (_p(Stance.SUPPORTS), _p(Stance.SUPPORTS), PositionChange.UNCHANGED),
        (_p(Stance.SUPPORTS, 2), _p(Stance.SUPPORTS, 3), PositionChange.HARDENED),
        (_p(Stance.OPPOSES, 3), _p(Stance.OPPOSES, 1), PositionChange.SOFTENED),
        (_p(Stance.SUPPORTS), _p(Stance.OPPOSES), PositionChange.REVERSED),
        (_p(Stance.OPPOSES, 3), _p(Stance.SUPPORTS, 1), PositionChange.REVERSED),
        (_p(Stance.CONDITIONAL, 3), _p(Stance.SUPPORTS, 1), PositionChange.HARDENED),
        (_p(Stance.OPPOSES), _p(Stance.CONDITIONAL), PositionChange.SOFTENED),
        (_p(Stance.SUPPORTS), _p(Stance.AMBIGUOUS), PositionChange.SOFTENED),
        (_p(Stance.AMBIGUOUS), _p(Stance.CONDITIONAL), PositionChange.HARDENED),
    ],
)
def test_change_rule(before, after, change):
    assert change_between(before, after) == change


pytestmark = pytest.mark.django_db


def test_recording_classifies_against_the_previous_position(editor):
    russia, donetsk = ActorFactory(name="Russia"), TopicFactory()
    first = position_record(
        actor=russia, topic=donetsk, as_of=FEB(17), stance=Stance.SUPPORTS, user=editor
    )
    second = position_record(
        actor=russia, topic=donetsk, as_of=FEB(26), stance=Stance.SUPPORTS, strength=3, user=editor
    )
    assert first.change == PositionChange.NEW
    assert second.change == PositionChange.HARDENED
    assert second.created_by == editor


def test_out_of_order_entry_recomputes_its_successor(editor):
    actor, topic = ActorFactory(), TopicFactory()
    later = position_record(actor=actor, topic=topic, as_of=FEB(26), stance="opposes", user=editor)
    assert later.change == PositionChange.NEW
    earlier = position_record(
        actor=actor, topic=topic, as_of=FEB(17), stance="supports", user=editor
    )
    later.refresh_from_db()
    assert earlier.change == PositionChange.NEW
    assert later.change == PositionChange.REVERSED


def test_moving_or_deleting_a_position_recomputes_the_chain(editor):
    actor, topic = ActorFactory(), TopicFactory()
    a = position_record(actor=actor, topic=topic, as_of=FEB(1), stance="supports", user=editor)
    b = position_record(actor=actor, topic=topic, as_of=FEB(10), stance="opposes", user=editor)
    c = position_record(actor=actor, topic=topic, as_of=FEB(20), stance="opposes", user=editor)
    assert [x.change for x in (a, b, c)] == ["new", "reversed", "unchanged"]
    position_update(position=a, user=editor, as_of=FEB(15))  # now between b and c
    b.refresh_from_db()
    c.refresh_from_db()
    a.refresh_from_db()
    assert (b.change, a.change, c.change) == ("new", "reversed", "reversed")
    position_delete(position=a, user=editor)
    c.refresh_from_db()
    assert c.change == PositionChange.UNCHANGED


def test_override_keeps_the_computed_change_and_is_in_history(editor):
    actor, topic = ActorFactory(), TopicFactory()
    position_record(actor=actor, topic=topic, as_of=FEB(17), stance="supports", user=editor)
    p = position_record(actor=actor, topic=topic, as_of=FEB(26), stance="supports", user=editor)
    with pytest.raises(ValidationError):
        position_override(position=p, user=editor, change="hardened", reason=" ")
    position_override(position=p, user=editor, change="hardened", reason="threat of force")
    p.refresh_from_db()
    assert (p.change, p.computed_change) == ("hardened", "unchanged")
    latest = p.history.latest()
    assert latest.change_override == "hardened"
    assert latest.override_reason == "threat of force"
    assert latest.history_user == editor
    assert "threat of force" in latest.history_change_reason
    # A later recompute keeps the override.
    position_update(position=p, user=editor, strength=1)
    p.refresh_from_db()
    assert (p.change, p.computed_change) == ("hardened", "softened")
    position_override(position=p, user=editor, change="", reason="")
    p.refresh_from_db()
    assert p.change == "softened"


def test_one_position_per_actor_topic_and_day(editor):
    actor, topic = ActorFactory(), TopicFactory()
    position_record(actor=actor, topic=topic, as_of=FEB(17), stance="supports", user=editor)
    with pytest.raises(ValidationError):
        position_record(actor=actor, topic=topic, as_of=FEB(17), stance="opposes", user=editor)


def test_only_editors_record_positions():
    reader = UserFactory()
    with pytest.raises(PermissionDenied):
        position_record(
            actor=ActorFactory(),
            topic=TopicFactory(),
            as_of=FEB(17),
            stance="supports",
            user=reader,
        )


def test_as_of_matrix_shows_the_stance_as_it_stood(editor):
    russia, ukraine = ActorFactory(name="Russia"), ActorFactory(name="Ukraine")
    donetsk, deadline = TopicFactory(title="Donetsk"), TopicFactory(title="Deadline")
    evidence = [ClaimFactory(published=True)]
    position_record(
        actor=russia,
        topic=donetsk,
        as_of=FEB(17),
        stance="supports",
        user=editor,
        evidence=evidence,
    )
    position_record(
        actor=russia,
        topic=donetsk,
        as_of=FEB(26),
        stance="supports",
        strength=3,
        user=editor,
        evidence=evidence,
    )
    position_record(
        actor=ukraine,
        topic=deadline,
        as_of=FEB(26),
        stance="opposes",
        user=editor,
        evidence=evidence,
    )
    before = position_matrix(as_of=FEB(20))
    after = position_matrix(as_of=FEB(27))
    assert [a.name for a in before.actors] == ["Russia"]
    assert before.cells[(russia.pk, donetsk.pk)].change == "new"
    assert after.cells[(russia.pk, donetsk.pk)].change == "hardened"
    assert after.cells[(ukraine.pk, deadline.pk)].stance == "opposes"
    assert [t.title for t in after.topics] == ["Deadline", "Donetsk"]
    assert position_matrix(as_of=FEB(1)).cells == {}


def test_readers_see_only_positions_with_published_evidence(editor):
    actor, topic = ActorFactory(), TopicFactory()
    shown = PositionFactory(
        actor=actor, topic=topic, as_of=FEB(1), evidence=[ClaimFactory(published=True)]
    )
    PositionFactory(actor=actor, topic=topic, as_of=FEB(2), evidence=[ClaimFactory()])
    PositionFactory(actor=actor, topic=topic, as_of=FEB(3))
    (track,) = topic_timeline(topic=topic)
    assert track.steps == [shown]
    assert len(topic_timeline(topic=topic, user=editor)[0].steps) == 3
    assert len(actor_positions(actor=actor)[0].steps) == 1
    assert len(position_matrix(user=None).cells) == 1


def test_recompute_all_reclassifies_every_chain(editor):
    import io

    from django.core.management import call_command

    one, two, topic = ActorFactory(), ActorFactory(), TopicFactory()
    a = position_record(actor=one, topic=topic, as_of=FEB(1), stance="supports", user=editor)
    b = position_record(actor=one, topic=topic, as_of=FEB(10), stance="opposes", user=editor)
    c = position_record(actor=two, topic=topic, as_of=FEB(5), stance="opposes", user=editor)
    # As if the change rule had changed: every stored change is stale.
    Position.objects.update(
        computed_change=PositionChange.UNCHANGED, change=PositionChange.UNCHANGED
    )

    out = io.StringIO()
    call_command("recompute_ledger", "--only", "positions", stdout=out)

    changes = dict(Position.objects.values_list("pk", "change"))
    assert changes == {
        a.pk: PositionChange.NEW,
        b.pk: PositionChange.REVERSED,
        c.pk: PositionChange.NEW,
    }
    assert "positions: 3 positions changed" in out.getvalue()
