"""The matrix: actors × topics with each actor's latest stance as it stood on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import Actor, Position, Topic
from .timelines import positions_visible


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
