"""Positions over time: record an actor's stance on a topic, and keep each change current.

How a position differs from the previous one is ``factcheck.ledger.rules.change_between``.
An editor can override the computed change with a reason; the override and the reason are in
the history. Each service recomputes the whole chain of that actor on that topic, so a
position entered late with an earlier date re-classifies its successor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_update_with_history

from ..choices import Attribution, PositionChange, Stance
from ..models import Actor, Claim, Position, Topic
from ..permissions import require_write
from ..rules import change_between
from .clock import public_change_mark

EDITABLE = ("actor", "topic", "as_of", "stance", "strength", "conditions", "attribution")


def _require(user, action: str) -> None:
    require_write(user, Position, action, "Only editors may record positions.")


def _validate(position: Position) -> None:
    if position.stance not in Stance.values:
        raise ValidationError({"stance": f"“{position.stance}” is not a stance."})
    if position.attribution not in Attribution.values:
        raise ValidationError({"attribution": f"“{position.attribution}” is not an attribution."})
    if not 1 <= int(position.strength) <= 3:
        raise ValidationError({"strength": "Strength is 1 (tentative), 2 (firm) or 3 (maximal)."})
    clash = Position.objects.filter(
        actor_id=position.actor_id, topic_id=position.topic_id, as_of=position.as_of
    ).exclude(pk=position.pk)
    if clash.exists():
        raise ValidationError(
            {
                "as_of": f"{position.actor} already has a position on this topic "
                f"as of {position.as_of}."
            }
        )


def positions_recompute(*, actor_id: int, topic_id: int) -> list[Position]:
    """Re-classify every position of one actor on one topic, in date order; save what moved."""
    chain = list(
        Position.objects.select_for_update()
        .filter(actor_id=actor_id, topic_id=topic_id)
        .order_by("as_of", "pk")
    )
    previous = None
    for position in chain:
        computed = change_between(previous, position)
        shown = position.change_override or computed
        if (position.computed_change, position.change) != (computed, shown):
            position.computed_change, position.change = computed, shown
            position.save(update_fields=["computed_change", "change"])
        previous = position
    return chain


@transaction.atomic
def positions_recompute_all(*, batch_size: int = 2000) -> int:
    """Re-classify every position of the ledger (after the change rule changed): one read in
    chain order, then bulk UPDATEs with their history rows for what moved. Returns how many."""
    moved, previous, chain = [], None, None
    for position in Position.objects.order_by("actor_id", "topic_id", "as_of", "pk").iterator(
        chunk_size=batch_size
    ):
        if (position.actor_id, position.topic_id) != chain:
            chain, previous = (position.actor_id, position.topic_id), None
        computed = change_between(previous, position)
        shown = position.change_override or computed
        if (position.computed_change, position.change) != (computed, shown):
            position.computed_change, position.change = computed, shown
            moved.append(position)
        previous = position
    if moved:
        bulk_update_with_history(
            moved,
            Position,
            ["computed_change", "change"],
            batch_size=batch_size,
            default_change_reason="change recomputed",
        )
        public_change_mark()  # bulk writes send no history signal
    return len(moved)


def _evidence(claims: Iterable[Claim]) -> list[Claim]:
    return [c if isinstance(c, Claim) else Claim.objects.get(pk=c) for c in claims]


@transaction.atomic
def position_record(
    *,
    actor: Actor,
    topic: Topic,
    as_of: dt.date,
    stance: str,
    user,
    strength: int = 2,
    conditions: str = "",
    attribution: str = Attribution.OWN,
    evidence: Iterable[Claim] = (),
) -> Position:
    """Record a stance with its evidence; its change and its successor's are recomputed."""
    _require(user, "add")
    position = Position(
        actor=actor,
        topic=topic,
        as_of=as_of,
        stance=stance,
        strength=strength,
        conditions=conditions.strip(),
        attribution=attribution,
        created_by=user if getattr(user, "pk", None) else None,
    )
    _validate(position)
    position._history_user = user
    try:
        with transaction.atomic():
            position.save()
    except IntegrityError as err:  # a concurrent editor recorded the same day
        raise ValidationError(
            {"as_of": "A position for this actor, topic and day exists."}
        ) from err
    if evidence:
        position.evidence.set(_evidence(evidence))
    positions_recompute(actor_id=actor.pk, topic_id=topic.pk)
    position.refresh_from_db(fields=["change", "computed_change"])
    return position


@transaction.atomic
def position_update(*, position: Position, user, **fields) -> Position:
    """Change a position's fields (or ``evidence=``); the chains it leaves and joins recompute."""
    _require(user, "change")
    unknown = set(fields) - set(EDITABLE) - {"evidence"}
    if unknown:
        raise ValidationError(f"Cannot change {', '.join(sorted(unknown))} here.")
    before = (position.actor_id, position.topic_id)
    evidence = fields.pop("evidence", None)
    changed = []
    for name, value in fields.items():
        if name in ("actor", "topic"):
            if getattr(position, f"{name}_id") != value.pk:
                setattr(position, name, value)
                changed.append(name)
        elif getattr(position, name) != value:
            setattr(
                position,
                name,
                value.strip() if isinstance(value, str) and name == "conditions" else value,
            )
            changed.append(name)
    if changed:
        _validate(position)
        position._history_user = user
        position.save(update_fields=changed)
    if evidence is not None:
        position.evidence.set(_evidence(evidence))
    positions_recompute(actor_id=position.actor_id, topic_id=position.topic_id)
    if before != (position.actor_id, position.topic_id):
        positions_recompute(actor_id=before[0], topic_id=before[1])
    position.refresh_from_db(fields=["change", "computed_change"])
    return position


@transaction.atomic
def position_override(*, position: Position, user, change: str, reason: str) -> Position:
    """Replace the computed change with an editor's judgement (``change=""`` clears it)."""
    _require(user, "change")
    reason = reason.strip()
    if change and change not in PositionChange.values:
        raise ValidationError({"change_override": f"“{change}” is not a change."})
    if change and not reason:
        raise ValidationError({"override_reason": "Say why the computed change is overridden."})
    position.change_override = change
    position.override_reason = reason if change else ""
    position.change = change or position.computed_change
    position._history_user = user
    position._change_reason = (
        f"change overridden to {change}: {reason}" if change else "override removed"
    )[:100]
    position.save(update_fields=["change_override", "override_reason", "change"])
    return position


@transaction.atomic
def position_delete(*, position: Position, user) -> None:
    """Delete a position; its successor is re-classified."""
    _require(user, "delete")
    key = (position.actor_id, position.topic_id)
    position._history_user = user
    position.delete()
    positions_recompute(actor_id=key[0], topic_id=key[1])
