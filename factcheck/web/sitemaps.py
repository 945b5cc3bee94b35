"""sitemap.xml: the public pages worth crawling (only records readers may see)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Q

from factcheck.ledger.models import Actor, Article, Claim, Event, Topic


def _published():
    return Claim.objects.published()


class ClaimSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return _published().order_by("id").only("id", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(Sitemap):
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


class ActorSitemap(Sitemap):
    def items(self):
        # Actors a published claim names, as claimant or as subject.
        named = Q(pk__in=_published().values("claimant_id")) | Q(
            pk__in=_published().values("subjects")
        )
        return Actor.objects.filter(named).order_by("id")


class EventSitemap(Sitemap):
    def items(self):
        return Event.objects.filter(pk__in=_published().values("event_id")).order_by("id")


class TopicSitemap(Sitemap):
    def items(self):
        return Topic.objects.filter(pk__in=_published().values("topic_id")).order_by("id")


SITEMAPS = {
    "claims": ClaimSitemap,
    "articles": ArticleSitemap,
    "actors": ActorSitemap,
    "events": EventSitemap,
    "topics": TopicSitemap,
}
