"""Actors, events, series and topics: the things claims are about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from ..choices import ActorKind, DatePrecision, EventKind
from ..models import Actor, ActorAlias, Event, Series, Topic


def _clean(value: str) -> str:
    return " ".join(value.split())


@transaction.atomic
def actor_aliases_add(*, actor: Actor, aliases: Iterable[str]) -> list[ActorAlias]:
    """Add aliases to an actor; an alias already used by another actor is refused by name."""
    added = []
    for raw in aliases:
        name = _clean(raw)
        if not name or name.lower() == actor.name.lower():
            continue
        existing = ActorAlias.objects.select_related("actor").filter(name__iexact=name).first()
        if existing is not None:
            if existing.actor_id == actor.pk:
                continue
            raise ValidationError(
                {"aliases": f"“{name}” is already an alias of {existing.actor.name}."}
            )
        added.append(ActorAlias.objects.create(actor=actor, name=name))
    return added


@transaction.atomic
def actor_create(
    *,
    name: str,
    kind: str = ActorKind.PERSON,
    aliases: Sequence[str] = (),
    affiliation: Actor | None = None,
    role: str = "",
    wikidata_id: str = "",
    description: str = "",
) -> Actor:
    """Create an actor with its aliases, validated."""
    actor = Actor(
        name=_clean(name),
        kind=kind,
        affiliation=affiliation,
        role=_clean(role),
        wikidata_id=wikidata_id.strip(),
        description=description.strip(),
    )
    actor.full_clean()
    actor.save()
    actor_aliases_add(actor=actor, aliases=aliases)
    return actor


@transaction.atomic
def actor_update(*, actor: Actor, aliases: Sequence[str] | None = None, **fields) -> Actor:
    """Change an actor's fields (and add aliases), validated, saving only what changed."""
    changed = []
    for name, value in fields.items():
        if getattr(actor, name) != value:
            setattr(actor, name, value)
            changed.append(name)
    if changed:
        actor.full_clean()
        actor.save(update_fields=changed)
    if aliases:
        actor_aliases_add(actor=actor, aliases=aliases)
    return actor


@transaction.atomic
def series_create(*, name: str, description: str = "") -> Series:
    """Create a series of recurring events."""
    series = Series(name=_clean(name), description=description.strip())
    series.full_clean()
    series.save()
    return series


@transaction.atomic
def event_create(
    *,
    name: str,
    start: dt.date,
    end: dt.date | None = None,
    precision: str = DatePrecision.DAY,
    kind: str = EventKind.OTHER,
    place: str = "",
    parent: Event | None = None,
    series: Series | None = None,
    participants: Iterable[Actor] = (),
    description: str = "",
) -> Event:
    """Create an event; the end may not precede the start."""
    if end is not None and end < start:
        raise ValidationError({"end": f"The end ({end}) is before the start ({start})."})
    event = Event(
        name=_clean(name),
        start=start,
        end=end,
        precision=precision,
        kind=kind,
        place=_clean(place),
        parent=parent,
        series=series,
        description=description.strip(),
    )
    event.full_clean()
    event.save()
    event.participants.set(list(participants))
    return event


@transaction.atomic
def topic_create(*, title: str, description: str = "") -> Topic:
    """Create a topic (a contested proposition)."""
    topic = Topic(title=_clean(title), description=description.strip())
    topic.full_clean()
    topic.save()
    return topic
