"""The read side: chainable filters and the one place that decides what to prefetch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Prefetch

from .choices import ClaimStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def is_newsroom(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether the user may see unpublished records (staff of the newsroom)."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


class ArticleQuerySet(models.QuerySet):
    def current(self) -> ArticleQuerySet:
        """Only the newest revision of each origin."""
        return self.filter(is_current=True)

    def with_published_claims(self) -> ArticleQuerySet:
        """Articles that carry at least one published claim."""
        return self.filter(claims__status=ClaimStatus.PUBLISHED).distinct()

    def visible_to(self, user) -> ArticleQuerySet:
        """Newsroom staff see every article; others see the current revisions."""
        return self if is_newsroom(user) else self.current()


class ActorQuerySet(models.QuerySet):
    def with_related(self) -> ActorQuerySet:
        """Aliases and affiliation in a fixed number of queries."""
        return self.select_related("affiliation").prefetch_related("aliases")


class EventQuerySet(models.QuerySet):
    def with_related(self) -> EventQuerySet:
        """Series, parent and participants in a fixed number of queries."""
        return self.select_related("series", "parent").prefetch_related("participants")


class ClaimQuerySet(models.QuerySet):
    def published(self) -> ClaimQuerySet:
        """Claims readers may see."""
        return self.filter(status=ClaimStatus.PUBLISHED)

    def visible_to(self, user) -> ClaimQuerySet:
        """Newsroom staff see every claim; everyone else sees published ones only."""
        return self if is_newsroom(user) else self.published()

    def in_review(self) -> ClaimQuerySet:
        """The review queue, oldest submission first."""
        return self.filter(status=ClaimStatus.IN_REVIEW).order_by("submitted_at", "id")

    def needing_reanchoring(self) -> ClaimQuerySet:
        """Claims a re-import could not place with confidence."""
        return self.filter(needs_reanchoring=True)

    def with_related(self) -> ClaimQuerySet:
        """Everything a claim row shows, in a fixed number of queries."""
        return self.select_related(
            "article__source", "claimant", "event__series", "topic"
        ).prefetch_related("subjects", "measurements")


class ClaimLinkQuerySet(models.QuerySet):
    def touching(self, claim_ids) -> ClaimLinkQuerySet:
        """Links from or to any of the claims."""
        return self.filter(models.Q(from_claim__in=claim_ids) | models.Q(to_claim__in=claim_ids))

    def between_published(self) -> ClaimLinkQuerySet:
        """Links whose two ends are both published."""
        return self.filter(
            from_claim__status=ClaimStatus.PUBLISHED, to_claim__status=ClaimStatus.PUBLISHED
        )

    def with_related(self) -> ClaimLinkQuerySet:
        return self.select_related(
            "from_claim__article__source", "to_claim__article__source", "created_by"
        )


class PositionQuerySet(models.QuerySet):
    def with_related(self) -> PositionQuerySet:
        """Actor, topic and evidence claims in a fixed number of queries."""
        from .models import Claim

        return self.select_related("actor", "topic").prefetch_related(
            Prefetch("evidence", queryset=Claim.objects.select_related("article__source"))
        )

    def with_published_evidence(self) -> PositionQuerySet:
        """Positions backed by at least one published claim (what readers may see)."""
        return self.filter(evidence__status=ClaimStatus.PUBLISHED).distinct()

    def visible_to(self, user) -> PositionQuerySet:
        return self if is_newsroom(user) else self.with_published_evidence()
