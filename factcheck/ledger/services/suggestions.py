"""Suggestions: what the extraction engine finds in an article, and the editor's decisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from factcheck import extract

from ..choices import ClaimKind, ClaimStatus, SuggestionKind, SuggestionStatus
from ..models import Actor, Article, Claim, Suggestion
from ..permissions import require_write
from ..spans import sentence_bounds
from .catalog import actor_create
from .claims import claim_create
from .repeats import suggestions_assess


def known_actors() -> list[extract.KnownActor]:
    """The actor table as the engine sees it (two queries whatever its size)."""
    return [
        extract.KnownActor(
            id=actor.pk,
            name=actor.name,
            aliases=tuple(alias.name for alias in actor.aliases.all()),
            kind=actor.kind,
            affiliation=actor.affiliation.name if actor.affiliation else "",
        )
        for actor in Actor.objects.with_related()
    ]


def suggestions_find(*, body: str, published: dt.date) -> list[extract.Suggestion]:
    """Run the engine over a text with the current actor table; stores nothing."""
    return extract.suggest(body, published=published, actors=known_actors())


@transaction.atomic
def suggestions_refresh(*, article: Article) -> list[Suggestion]:
    """Analyse an article again: add what is new, never bring back what an editor rejected."""
    found = suggestions_find(body=article.body, published=article.published)
    # A rejection holds for every revision of the same origin.
    decided = set(
        Suggestion.objects.filter(article__origin=article.origin)
        .exclude(status=SuggestionStatus.OPEN)
        .values_list("key", flat=True)
    )
    existing = set(article.suggestions.values_list("key", flat=True))
    new = []
    seen: set[str] = set()
    for item in found:
        if item.key in decided or item.key in existing or item.key in seen:
            continue
        seen.add(item.key)
        data = item.as_dict()
        for field in ("kind", "start", "end", "text", "rule", "key"):
            data.pop(field, None)
        new.append(
            Suggestion(
                article=article,
                kind=item.kind,
                start=item.start,
                end=item.end,
                text=item.text,
                rule=item.rule[:200],
                key=item.key,
                data=data,
            )
        )
    Suggestion.objects.bulk_create(new)
    # Open suggestions the engine no longer finds (the actor table changed) go away.
    found_keys = {item.key for item in found}
    article.suggestions.filter(status=SuggestionStatus.OPEN).exclude(key__in=found_keys).delete()
    suggestions_assess(article=article)
    return new


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
        if data.get("actor") is None:
            affiliation = (
                Actor.objects.filter(name__iexact=data.get("affiliation") or "").first()
                if data.get("affiliation")
                else None
            )
            name = suggestion.text
            existing = Actor.objects.filter(name__iexact=name).first()
            result = existing or actor_create(
                name=name, role=data.get("role", ""), affiliation=affiliation
            )
        else:
            result = Actor.objects.filter(pk=data.get("actor_id")).first()

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


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
