"""Actors, series, events and topics of the editorial layer."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from ..models import Actor, Event, Series, Topic
from ..services.catalog import (
    actor_create,
    actor_update,
    event_create,
    series_create,
    topic_create,
)


def actor_by_name(name: str) -> Actor:
    """The actor of that name or alias, or a precise error."""
    actor = (
        Actor.objects.filter(name__iexact=name).first()
        or Actor.objects.filter(aliases__name__iexact=name).first()
    )
    if actor is None:
        raise ValidationError(f"unknown actor “{name}” in the editorial layer")
    return actor


def event_by_name(name: str) -> Event:
    try:
        return Event.objects.get(name=name)
    except Event.DoesNotExist:
        raise ValidationError(f"unknown event “{name}” in the editorial layer") from None


def topic_by_title(title: str) -> Topic:
    try:
        return Topic.objects.get(title=title)
    except Topic.DoesNotExist:
        raise ValidationError(f"unknown topic “{title}” in the editorial layer") from None


def load(data: dict) -> list[str]:
    created: list[str] = []
    # Two passes over actors so an affiliation may be listed after its member.
    for row in data.get("actors", []):
        actor = Actor.objects.filter(name=row["name"]).first()
        if actor is None:
            actor_create(
                name=row["name"],
                kind=row.get("kind", "person"),
                role=row.get("role", ""),
                wikidata_id=row.get("wikidata", ""),
                description=row.get("description", ""),
                aliases=row.get("aliases", []),
            )
            created.append(f"actor {row['name']}")
        else:
            actor_update(actor=actor, aliases=row.get("aliases", []))
    for row in data.get("actors", []):
        if row.get("affiliation"):
            actor = Actor.objects.get(name=row["name"])
            if actor.affiliation_id is None:
                actor_update(actor=actor, affiliation=actor_by_name(row["affiliation"]))

    for row in data.get("series", []):
        if not Series.objects.filter(name=row["name"]).exists():
            series_create(name=row["name"], description=row.get("description", ""))
            created.append(f"series {row['name']}")

    for row in data.get("events", []):
        if Event.objects.filter(name=row["name"]).exists():
            continue
        event_create(
            name=row["name"],
            kind=row.get("kind", "other"),
            place=row.get("place", ""),
            start=dt.date.fromisoformat(row["start"]),
            end=dt.date.fromisoformat(row["end"]) if row.get("end") else None,
            precision=row.get("precision", "day"),
            parent=event_by_name(row["parent"]) if row.get("parent") else None,
            series=Series.objects.get(name=row["series"]) if row.get("series") else None,
            participants=[actor_by_name(n) for n in row.get("participants", [])],
            description=row.get("description", ""),
        )
        created.append(f"event {row['name']}")

    for row in data.get("topics", []):
        if not Topic.objects.filter(title=row["title"]).exists():
            topic_create(title=row["title"], description=row.get("description", ""))
            created.append(f"topic {row['title']}")
    return created
