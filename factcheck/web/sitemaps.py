"""sitemap.xml: the public pages worth crawling (only records readers may see).

``/sitemap.xml`` is a sitemap index naming one paginated section per kind of page
(``/sitemap-claims.xml?p=2`` …), so every published record is listed whatever the ledger's
size, each file at most ``PAGE_SIZE`` URLs (the protocol allows 50,000; smaller files render
fast).
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.urls import reverse

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.models import Actor, Article, Claim, Event, Series, Topic
from factcheck.ledger.services.clock import kept_with_clock

PAGE_SIZE = 5000


def _published():
    return Claim.objects.published()


class PagedSitemap(Sitemap):
    """A section counted once per request, and with the clock in the shared cache, once per
    public change: Django's sitemap builds a new paginator, and so counts the section again,
    each time it is asked for one; the count is kept under the public clock instead, for the
    index and the section's own pages, and shared by the sections that list the same records
    (an actor's page and its positions)."""

    limit = PAGE_SIZE
    counted_as = ""  # sections listing the same records share their count

    @cached_property
    def paginator(self):
        paginator = Paginator(self._items(), self.limit)
        if settings.PUBLIC_CLOCK_CACHED:  # else reading the clock would cost a query a section
            name = self.counted_as or type(self).__name__
            paginator.count = kept_with_clock(f"sitemap-count:{name}", lambda: paginator.count)
        return paginator

    def get_latest_lastmod(self):
        # The index would read every item for it; crawlers re-read the sections anyway.
        return None


class ClaimSitemap(PagedSitemap):
    changefreq = "weekly"

    def items(self):
        return _published().order_by("id").only("id", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(PagedSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Article.objects.current()
            .filter(pk__in=_published().values("article_id"))
            .order_by("id")
            .only("id", "published")
        )

    def lastmod(self, item):
        return item.published


class ActorSitemap(PagedSitemap):
    counted_as = "actors"

    def items(self):
        # Actors a published claim names, as claimant or as subject: two index probes per
        # actor. "id IN (every published claim's claimant) OR id IN (every subject)" ran for
        # minutes at 1,000,000 claims (the subjects' list outgrew memory, so PostgreSQL walked
        # it again for each actor).
        subjects = Claim.subjects.through.objects.filter(
            actor_id=OuterRef("pk"), claim__status=ClaimStatus.PUBLISHED
        )
        named = Exists(_published().filter(claimant_id=OuterRef("pk"))) | Exists(subjects)
        return Actor.objects.filter(named).order_by("id")


class EventSitemap(PagedSitemap):
    def items(self):
        return Event.objects.filter(pk__in=_published().values("event_id")).order_by("id")


class SeriesSitemap(PagedSitemap):
    def items(self):
        return Series.objects.filter(
            pk__in=_published().filter(event__series__isnull=False).values("event__series_id")
        ).order_by("id")


class TopicSitemap(PagedSitemap):
    def items(self):
        return Topic.objects.filter(pk__in=_published().values("topic_id")).order_by("id")


class ActorPositionsSitemap(ActorSitemap):
    def location(self, item):
        return reverse("web:actor_positions", args=[item.pk])


class PagesSitemap(Sitemap):
    """The pages that are not one record: home, the indexes, topics, the matrix, search."""

    changefreq = "daily"

    def items(self):
        return [
            "web:home",
            "web:articles",
            "web:actors",
            "web:events",
            "web:series_index",
            "web:topics",
            "web:matrix",
            "web:search",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PagesSitemap,
    "claims": ClaimSitemap,
    "articles": ArticleSitemap,
    "actors": ActorSitemap,
    "events": EventSitemap,
    "series": SeriesSitemap,
    "topics": TopicSitemap,
    "actor-positions": ActorPositionsSitemap,
}
