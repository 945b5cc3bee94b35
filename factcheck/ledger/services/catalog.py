"""Actors, events, series and topics: the things claims are about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from ..choices import ActorKind, DatePrecision, EventKind
from ..models import Actor, ActorAlias, Article, Event, Series, Topic
from ..permissions import require_write
from .corroboration import article_corroboration_refresh


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


@transaction.atomic
def catalog_update(*, obj: Model, user, **changes) -> Model:
    """Change a source, article, event, series or topic: validated, only what changed saved,
    many-to-many included, the editor recorded in its history."""
    opts = obj._meta
    require_write(user, obj, "change", f"You may not change {opts.verbose_name_plural}.")
    concrete = {f.name for f in opts.concrete_fields if f.editable}
    many = {f.name for f in opts.many_to_many}
    unknown = set(changes) - concrete - many
    if unknown:
        raise ValidationError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    fields = [name for name in changes if name in concrete and getattr(obj, name) != changes[name]]
    for name in fields:
        setattr(obj, name, changes[name])
    # The whole record is validated: a constraint may span a changed and an unchanged field.
    obj.full_clean()
    obj._history_user = user
    if fields:
        obj.save(update_fields=fields)
    m2m = [name for name in changes if name in many]
    if m2m:
        # One history record for the whole change, written after the relations are set.
        obj.skip_history_when_saving = True
        try:
            for name in m2m:
                getattr(obj, name).set(changes[name])
        finally:
            del obj.skip_history_when_saving
        obj.save(update_fields=[opts.concrete_fields[1].name])
    if isinstance(obj, Article) and {"wire_agency", "source"} & set(fields):
        # The article's origin changed: every claim in it may count differently now.
        transaction.on_commit(lambda: article_corroboration_refresh(article=obj))
    return obj
