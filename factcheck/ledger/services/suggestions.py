"""Suggestions: what the extraction engine finds in an article, and the editor's decisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from factcheck import extract

from ..choices import ActorKind, ClaimKind, ClaimStatus, SuggestionKind, SuggestionStatus
from ..models import Actor, ActorAlias, Article, Claim, Suggestion
from ..permissions import require_write
from ..spans import sentence_bounds
from .catalog import actor_aliases_add, actor_create
from .claims import claim_create
from .repeats import suggestions_assess
from .rows import values_prepared


def known_actors() -> tuple[extract.KnownActor, ...]:
    """The actor table as the engine sees it, built once and reused until the table changes.

    An import analyses thousands of articles against one table: rebuilding 3,000 actors as
    model objects for every article cost far more than the analysis. The cache is keyed on the
    table's version (one cheap query, `actor_table_version`), so an actor added, renamed or
    deleted anywhere (another process, the admin, a shell) is seen on the next call. The same
    tuple is handed out each time, so the engine's compiled matcher for it is reused too.
    """
    version = actor_table_version()
    cached = _ACTOR_CACHE.get(connection.alias)
    if cached is not None and cached[0] == version:
        return cached[1]
    table = tuple(
        extract.KnownActor(
            id=actor.pk,
            name=actor.name,
            aliases=tuple(alias.name for alias in actor.aliases.all()),
            kind=actor.kind,
            affiliation=actor.affiliation.name if actor.affiliation else "",
        )
        for actor in Actor.objects.with_related()
    )
    _ACTOR_CACHE[connection.alias] = (version, table)
    return table


# Per database alias: (table version, the actor table as the engine's records). Replacing a
# dict entry is atomic, so threads at worst build the same table twice.
_ACTOR_CACHE: dict[str, tuple[tuple, tuple[extract.KnownActor, ...]]] = {}


def actor_table_version() -> tuple:
    """A value that changes whenever an actor or an alias is created, changed or deleted.

    Every write through the models leaves a history row, so the newest history row of each
    table (its id and time, read on the primary key index) marks the version; the row counts
    also catch writes that bypass the models (bulk loads). One query whatever the table size.
    """
    quote = connection.ops.quote_name
    parts = []
    for model in (Actor, ActorAlias):
        history = quote(model.history.model._meta.db_table)
        parts += [
            f"(SELECT COUNT(*) FROM {quote(model._meta.db_table)})",
            f"(SELECT history_id FROM {history} ORDER BY history_id DESC LIMIT 1)",
            f"(SELECT history_date FROM {history} ORDER BY history_id DESC LIMIT 1)",
        ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())


def suggestions_find(*, body: str, published: dt.date) -> list[extract.Suggestion]:
    """Run the engine over a text with the current actor table; stores nothing."""
    return extract.suggest(body, published=published, actors=known_actors())


@transaction.atomic
def suggestions_refresh(*, article: Article) -> int:
    """Analyse an article again: add what is new, never bring back what an editor rejected.

    Returns how many suggestions were added."""
    found = suggestions_find(body=article.body, published=article.published)
    keys = [item.key for item in found]  # a key hashes the words around: computed once
    # One query for what this origin already has: a rejection holds for every revision of the
    # same origin; what this revision already holds is not added twice.
    decided: set[str] = set()
    existing: set[str] = set()
    for key, status, article_id in Suggestion.objects.filter(
        article__origin=article.origin
    ).values_list("key", "status", "article_id"):
        if status != SuggestionStatus.OPEN:
            decided.add(key)
        if article_id == article.pk:
            existing.add(key)
    skip = decided | existing
    rows = []
    for item, key in zip(found, keys, strict=True):
        if key in skip:
            continue
        skip.add(key)
        data = item.as_dict()
        for field in ("kind", "start", "end", "text", "rule", "key"):
            data.pop(field, None)
        rows.append((item.kind, item.start, item.end, item.text, item.rule[:200], key, data))
    _suggestions_insert(article, rows)
    if existing:
        # Open suggestions the engine no longer finds (the actor table changed) go away.
        article.suggestions.filter(status=SuggestionStatus.OPEN).exclude(key__in=keys).delete()
    suggestions_assess(article=article)
    return len(rows)


_ROW = ("kind", "start", "end", "text", "rule", "key", "data")  # what the engine gives


def _suggestions_insert(article: Article, rows: list[tuple]) -> None:
    """Store new suggestions in one batched INSERT.

    An article has a hundred suggestions or so; building and compiling a model instance per
    row (what bulk_create does) cost more than the analysis, so rows go straight to the
    cursor, each value prepared by its own model field; every other column gets its field's
    default, so a field added to the model later is filled too.
    """
    if not rows:
        return
    opts = Suggestion._meta
    fields = [f for f in opts.concrete_fields if not f.primary_key]
    fixed = {
        "article": article.pk,
        "status": SuggestionStatus.OPEN,
        "created_at": timezone.now(),
    }
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(opts.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    # Prepared once for the batch: the same for every row.
    others = [f for f in fields if f.name not in _ROW]
    defaults = [fixed[f.name] if f.name in fixed else f.get_default() for f in others]
    constant = dict(zip([f.name for f in others], values_prepared(others, defaults), strict=True))
    given = [opts.get_field(name) for name in _ROW]
    params = []
    for row in rows:
        values = {**constant, **dict(zip(_ROW, values_prepared(given, row), strict=True))}
        params.append([values[f.name] for f in fields])
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _check_editor(user) -> None:
    require_write(user, Suggestion, "change", "Only editors can accept or reject suggestions.")


def _decide(suggestion: Suggestion, user, status: str) -> None:
    if suggestion.status != SuggestionStatus.OPEN:
        raise ValidationError(f"This suggestion was already {suggestion.status}.")
    suggestion.status = status
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])


@transaction.atomic
def suggestion_reject(*, suggestion: Suggestion, user) -> Suggestion:
    """Reject a suggestion; it will not come back when the article is analysed again."""
    _check_editor(user)
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    _decide(suggestion, user, SuggestionStatus.REJECTED)
    return suggestion


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, user) -> Actor | Claim | None:
    """Accept a suggestion: a new actor, a draft claim, or a measurement on a draft claim."""

    _check_editor(user)
    suggestion = (
        Suggestion.objects.select_for_update().select_related("article").get(pk=suggestion.pk)
    )
    article, data = suggestion.article, suggestion.data
    result: Actor | Claim | None = None

    if suggestion.kind == SuggestionKind.ACTOR:
        result = _accept_actor(suggestion)

    elif suggestion.kind == SuggestionKind.STATEMENT:
        claimant = (
            Actor.objects.filter(pk=data.get("claimant_id")).first()
            if data.get("claimant_id")
            else None
        )
        result = claim_create(
            article=article,
            user=user,
            start=suggestion.start,
            end=suggestion.end,
            claimant=claimant,
            claimant_label="" if claimant else (data.get("claimant") or "")[:200],
            kind=ClaimKind.QUOTE if data.get("claim_kind") == "quote" else ClaimKind.POSITION,
            about_start=_date(data.get("about_start")),
            about_end=_date(data.get("about_end")),
            status=ClaimStatus.DRAFT,
        )

    elif suggestion.kind == SuggestionKind.FIGURE:
        measurement = {
            "quantity": data.get("quantity") or "count",
            "value": Decimal(str(data.get("value") or 0)),
            "bound": data.get("bound") or "exact",
            "unit": data.get("unit") or "",
            "text": suggestion.text[:200],
        }
        start, end = sentence_bounds(article.body, suggestion.start, suggestion.end)
        result = claim_create(
            article=article,
            user=user,
            start=start,
            end=end,
            kind=ClaimKind.QUANTITY,
            about_start=_date(data.get("about_start")),
            about_end=_date(data.get("about_end")),
            measurements=[measurement],
            status=ClaimStatus.DRAFT,
        )

    _decide(suggestion, user, SuggestionStatus.ACCEPTED)
    return result


# The engine's kinds of actor and the table's.
_ACTOR_KINDS = {
    "person": ActorKind.PERSON,
    "organisation": ActorKind.ORGANISATION,
    "government": ActorKind.GOVERNMENT,
    "country": ActorKind.GOVERNMENT,
    "armed_group": ActorKind.ARMED_FORCE,
    "armed_force": ActorKind.ARMED_FORCE,
}


def _actor_named(name: str) -> Actor | None:
    """The actor whose name or alias this is, whatever the letter case."""
    if not name:
        return None
    return (
        Actor.objects.filter(name__iexact=name).first()
        or Actor.objects.filter(aliases__name__iexact=name).first()
    )


def _accept_actor(suggestion: Suggestion) -> Actor | None:
    """A known actor's mention links to it; a new actor joins the table with its kind, role,
    affiliation and the aliases the text introduced, and its mentions in the article then
    point to it. An actor entered meanwhile under that name or alias is linked, not doubled."""
    data = suggestion.data
    if data.get("actor_id") is not None:
        return Actor.objects.filter(pk=data["actor_id"]).first()
    name = " ".join((data.get("name") or suggestion.text).split())
    aliases = [a for a in data.get("aliases") or () if a.lower() != name.lower()]
    actor = _actor_named(name)
    # An alias another actor already answers to stays that actor's.
    free = [a for a in aliases if _actor_named(a) in (None, actor)]
    if actor is None:
        actor = actor_create(
            name=name,
            kind=_ACTOR_KINDS.get(data.get("actor_kind") or "", ActorKind.PERSON),
            role=data.get("role") or "",
            affiliation=_actor_named(data.get("affiliation") or ""),
            aliases=free,
        )
    else:
        actor_aliases_add(actor=actor, aliases=free)
    # Every open mention of the same new actor in this article now names it.
    siblings = suggestion.article.suggestions.filter(
        kind=SuggestionKind.ACTOR, status=SuggestionStatus.OPEN, data__actor_id=None
    )
    linked = []
    for mention in [suggestion, *siblings.exclude(pk=suggestion.pk)]:
        if mention.pk == suggestion.pk or (mention.data.get("name") or "").lower() == name.lower():
            mention.data = {**mention.data, "actor": actor.name, "actor_id": actor.pk}
            linked.append(mention)
    Suggestion.objects.bulk_update(linked, ["data"])
    return actor


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
