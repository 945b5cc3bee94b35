"""The read side: chainable filters and the one place that decides what to prefetch."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connections, models
from django.db.models import Expression, OuterRef, Prefetch, Q, Subquery
from django.db.models.expressions import Col
from django.db.models.query import ModelIterable

from .choices import NO_OUTLET, ClaimStatus
from .permissions import is_newsroom
from .rules import PreviousStance, change_between

SEARCH_CONFIG = "english"
_WORD = re.compile(r"[^\W_]+")


class StoredSearchVector(Expression):
    """The ``search_vector`` column PostgreSQL keeps on claims and articles (not a model field,
    so rows never load it; see migration ``0008_search_index``)."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs):
        column = SearchVectorField()
        column.set_attributes_from_name("search_vector")
        column.model = query.model
        return Col(query.get_initial_alias(), column, output_field=column)


def word_prefix_query(words: Iterable[str], *, weights: str = "", any_word: bool = False):
    """A tsquery matching words that start with each given word (``drone`` finds ``drones``),
    restricted to the given weights, all words (or any with ``any_word``); None when no word."""
    terms = [term for word in words for term in _WORD.findall(word.lower())]
    if not terms:
        return None
    glue = " | " if any_word else " & "
    raw = glue.join(f"'{term}':*{weights}" for term in terms)
    return SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)


class ArticleQuerySet(models.QuerySet):
    def current(self) -> ArticleQuerySet:
        """Only the newest revision of each origin."""
        return self.filter(is_current=True)

    def with_published_claims(self) -> ArticleQuerySet:
        """Articles that carry at least one published claim."""
        return self.filter(claims__status=ClaimStatus.PUBLISHED).distinct()

    def needing_outlet(self) -> ArticleQuerySet:
        """Articles whose copy named no outlet and no editor has chosen one yet."""
        return self.filter(source__name=NO_OUTLET)

    def visible_to(self, user) -> ArticleQuerySet:
        """Newsroom staff see every article; others see the current revisions that have an
        outlet (readers never see the placeholder)."""
        if is_newsroom(user):
            return self
        return self.current().exclude(source__name=NO_OUTLET)


class ActorQuerySet(models.QuerySet):
    def with_related(self) -> ActorQuerySet:
        """Aliases and affiliation in a fixed number of queries."""
        return self.select_related("affiliation").prefetch_related("aliases")


class EventQuerySet(models.QuerySet):
    def with_related(self) -> EventQuerySet:
        """Series, parent and participants in a fixed number of queries."""
        return self.select_related("series", "parent").prefetch_related("participants")


# The article's text columns, which lists of claims never need.
ARTICLE_TEXT = ("body", "paragraphs", "set_aside")


class ClaimQuerySet(models.QuerySet):
    def published(self) -> ClaimQuerySet:
        """Claims readers may see."""
        return self.filter(status=ClaimStatus.PUBLISHED)

    def visible_to(self, user) -> ClaimQuerySet:
        """Newsroom staff see every claim; everyone else sees published ones only."""
        return self if is_newsroom(user) else self.published()

    def containing(
        self, words: Iterable[str], *, any_word: bool = False, article_title: bool = False
    ) -> ClaimQuerySet:
        """Claims whose quote or summary (or, with ``article_title``, their article's title)
        contains every word, ignoring case; with ``any_word``, at least one of them.

        On PostgreSQL this asks the stored search vector's GIN index: a word matches the words
        it starts (after English stemming, so "zebras" finds "zebra"), not the middle of one."""
        words = list(words)
        if words and connections[self.db].vendor == "postgresql":
            # The stored search vector: the quote and summary are weight A, the title C.
            query = word_prefix_query(
                words, weights="" if article_title else "A", any_word=any_word
            )
            if query is not None:
                return self.alias(search_document=StoredSearchVector()).filter(
                    search_document=query
                )
        fields = ("exact", "summary", "article__title") if article_title else ("exact", "summary")
        conditions = [
            reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields)) for word in words
        ]
        if not conditions:
            return self
        return self.filter(reduce(or_ if any_word else and_, conditions))

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

    def as_rows(self) -> ClaimQuerySet:
        """``with_related()`` for lists: the article comes without its text (``ARTICLE_TEXT``),
        which a row never shows and which is most of a row's bytes."""
        return self.with_related().defer(*(f"article__{name}" for name in ARTICLE_TEXT))


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


class ReaderPositionIterable(ModelIterable):
    """Positions whose change is reclassified against the previous position readers see."""

    def __iter__(self):
        for position in super().__iter__():
            if hasattr(position, "visible_previous_stance"):
                stance = position.visible_previous_stance
                previous = (
                    None
                    if stance is None
                    else PreviousStance(stance, position.visible_previous_strength)
                )
                position.computed_change = change_between(previous, position)
                position.change = position.change_override or position.computed_change
            yield position


class PositionQuerySet(models.QuerySet):
    def with_related(self) -> PositionQuerySet:
        """Actor, topic and evidence claims in a fixed number of queries."""
        claims = self.model._meta.get_field("evidence").related_model.objects
        return self.select_related("actor", "topic").prefetch_related(
            Prefetch("evidence", queryset=claims.select_related("article__source"))
        )

    def with_published_evidence(self) -> PositionQuerySet:
        """Positions backed by at least one published claim (what readers may see).

        Their stored ``change`` compares each with the actor's previous position on the topic,
        which readers may not be allowed to see: each row also carries the stance and strength
        of its previous *visible* position, and its change is reclassified against that one
        (same query), so a hidden position never shows through a ``reversed`` or ``hardened``.
        """
        previous = (
            self.model.objects.filter(
                actor_id=OuterRef("actor_id"),
                topic_id=OuterRef("topic_id"),
                evidence__status=ClaimStatus.PUBLISHED,
            )
            .filter(
                Q(as_of__lt=OuterRef("as_of")) | Q(as_of=OuterRef("as_of"), pk__lt=OuterRef("pk"))
            )
            .order_by("-as_of", "-pk")
        )
        qs = (
            self.filter(evidence__status=ClaimStatus.PUBLISHED)
            .annotate(
                visible_previous_stance=Subquery(previous.values("stance")[:1]),
                visible_previous_strength=Subquery(previous.values("strength")[:1]),
            )
            .distinct()
        )
        qs._iterable_class = ReaderPositionIterable
        return qs

    def visible_to(self, user) -> PositionQuerySet:
        return self if is_newsroom(user) else self.with_published_evidence()
