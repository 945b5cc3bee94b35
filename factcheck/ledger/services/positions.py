"""Positions over time: record an actor's stance on a topic, and classify how it moved.

The change rule (issue 6), over stance and strength:

* no earlier position of the actor on the topic → ``new``;
* ``supports`` ↔ ``opposes`` → ``reversed``;
* otherwise compare commitment, first by stance (``ambiguous`` 0 < ``conditional`` 1 <
  ``supports``/``opposes`` 2), then by strength (1 tentative, 2 firm, 3 maximal):
  more → ``hardened``, less → ``softened``, the same → ``unchanged``.

So dropping conditions (conditional → supports) hardens, adding them softens, and a
threat of force on an unchanged stance (strength 2 → 3) hardens. An editor can override
the computed change with a reason; the override and the reason are in the history.
Each service recomputes the whole chain of that actor on that topic, so a position
entered late with an earlier date re-classifies its successor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch

from ..choices import Attribution, PositionChange, Stance
from ..models import Actor, Claim, Position, Topic
from ..permissions import is_newsroom, require_write

COMMITMENT = {Stance.AMBIGUOUS: 0, Stance.CONDITIONAL: 1, Stance.SUPPORTS: 2, Stance.OPPOSES: 2}
OPPOSITE = {frozenset({Stance.SUPPORTS, Stance.OPPOSES})}
EDITABLE = ("actor", "topic", "as_of", "stance", "strength", "conditions", "attribution")


def change_between(previous: Position | None, current: Position) -> str:
    """How ``current`` differs from the actor's previous position on the topic (rule above)."""
    if previous is None:
        return PositionChange.NEW
    if frozenset({previous.stance, current.stance}) in OPPOSITE:
        return PositionChange.REVERSED
    before = (COMMITMENT[previous.stance], previous.strength)
    after = (COMMITMENT[current.stance], current.strength)
    if after > before:
        return PositionChange.HARDENED
    if after < before:
        return PositionChange.SOFTENED
    return PositionChange.UNCHANGED


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


# ---- read side: timelines and the matrix ---------------------------------------------------


def positions_visible(user=None):
    """Positions with their actor, topic and only the evidence the user may see."""
    claims = Claim.objects.select_related("article__source").order_by("article__published", "pk")
    qs = Position.objects.select_related("actor", "topic")
    if not is_newsroom(user):
        qs = qs.with_published_evidence()
        claims = claims.published()
    return qs.prefetch_related(Prefetch("evidence", queryset=claims))


@dataclass
class Track:
    """One actor's positions on one topic, oldest first."""

    actor: Actor
    topic: Topic
    steps: list[Position] = field(default_factory=list)

    @property
    def latest(self) -> Position | None:
        return self.steps[-1] if self.steps else None


def tracks_from(positions: Iterable[Position]) -> list[Track]:
    """Group positions (ordered by track, then date) into one track per actor and topic."""
    tracks: dict[tuple[int, int], Track] = {}
    for p in positions:
        track = tracks.setdefault((p.actor_id, p.topic_id), Track(actor=p.actor, topic=p.topic))
        track.steps.append(p)
    return list(tracks.values())


def topic_timeline(*, topic: Topic, user=None) -> list[Track]:
    """Every actor's stance on one topic over time, one track per actor."""
    qs = positions_visible(user).filter(topic=topic).order_by("actor__name", "as_of", "pk")
    return tracks_from(qs)


def actor_positions(*, actor: Actor, user=None) -> list[Track]:
    """One actor's positions on every topic, one track per topic."""
    qs = positions_visible(user).filter(actor=actor).order_by("topic__title", "as_of", "pk")
    return tracks_from(qs)


@dataclass
class Matrix:
    """Actors × topics with the latest position as of a date (``None`` where none)."""

    as_of: dt.date | None
    actors: list[Actor]
    topics: list[Topic]
    cells: dict[tuple[int, int], Position]

    @property
    def rows(self) -> list[tuple[Actor, list[Position | None]]]:
        return [(a, [self.cells.get((a.pk, t.pk)) for t in self.topics]) for a in self.actors]


def position_matrix(*, as_of: dt.date | None = None, user=None) -> Matrix:
    """The latest stance of every actor on every topic, as it stood on ``as_of`` (default: now)."""
    qs = positions_visible(user).order_by("as_of", "pk")
    if as_of is not None:
        qs = qs.filter(as_of__lte=as_of)
    cells: dict[tuple[int, int], Position] = {}
    actors: dict[int, Actor] = {}
    topics: dict[int, Topic] = {}
    for p in qs:
        cells[(p.actor_id, p.topic_id)] = p  # later dates overwrite earlier ones
        actors[p.actor_id] = p.actor
        topics[p.topic_id] = p.topic
    return Matrix(
        as_of=as_of,
        actors=sorted(actors.values(), key=lambda a: a.name),
        topics=sorted(topics.values(), key=lambda t: t.title),
        cells=cells,
    )
