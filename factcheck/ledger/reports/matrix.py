"""The matrix: actors × topics with each actor's latest stance as it stood on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from ..models import Actor, Position, Topic
from .timelines import positions_visible


@dataclass
class Matrix:
    """Actors × topics with the latest position as of a date (``None`` where none)."""

    as_of: dt.date | None
    actors: list[Actor]
    topics: list[Topic]
    cells: dict[tuple[int, int], Position]
    page: Page | None = None  # the page of actors shown, when paginated

    @property
    def rows(self) -> list[tuple[Actor, list[Position | None]]]:
        return [(a, [self.cells.get((a.pk, t.pk)) for t in self.topics]) for a in self.actors]


ACTORS_PER_PAGE = 50


def position_matrix(
    *, as_of: dt.date | None = None, user=None, page: int | str | None = None
) -> Matrix:
    """The latest stance of every actor on every topic, as it stood on ``as_of`` (default: now).

    With ``page``, only that page of actors (``ACTORS_PER_PAGE``, by name) and the topics
    they have a position on: two more queries (how many actors, which), and a bounded page.
    """
    qs = positions_visible(user).order_by("as_of", "pk")
    if as_of is not None:
        qs = qs.filter(as_of__lte=as_of)
    actor_page = None
    if page is not None:
        with_positions = Actor.objects.filter(pk__in=qs.values("actor_id")).order_by("name", "pk")
        actor_page = Paginator(with_positions.only("pk", "name"), ACTORS_PER_PAGE).get_page(page)
        qs = qs.filter(actor_id__in=[actor.pk for actor in actor_page])
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
        page=actor_page,
    )
