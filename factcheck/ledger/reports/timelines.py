"""Stances over time: each actor's positions on a topic (a topic's timeline), or one actor's
positions on every topic, as tracks; readers see only positions backed by published claims."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..models import Actor, Claim, Position, Topic
from ..permissions import is_newsroom


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
