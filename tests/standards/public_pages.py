"""Every public page, as paths on the seeded ledger (the seeds' own articles and editorial
layer): one record of each kind, every index, search with and without words."""

from __future__ import annotations

from factcheck.ledger.models import Actor, Article, Claim, Event, Series, Topic


def public_paths() -> dict[str, str]:
    """A name for each public page and its path, on whatever the database holds."""
    claim = Claim.objects.published().order_by("id").first()
    actor = (
        Actor.objects.filter(claims_made__in=Claim.objects.published(), positions__isnull=False)
        .order_by("id")
        .first()
    )
    event = Event.objects.filter(claims__in=Claim.objects.published()).order_by("id").first()
    series = Series.objects.order_by("id").first()
    topic = Topic.objects.filter(claims__in=Claim.objects.published()).order_by("id").first()
    article = Article.objects.current().order_by("id").first()
    return {
        "home": "/",
        "articles": "/articles/",
        "article": f"/articles/{article.pk}/",
        "claim": f"/claims/{claim.pk}/",
        "actors": "/actors/",
        "actor": f"/actors/{actor.pk}/",
        "actor-positions": f"/actors/{actor.pk}/positions/",
        "events": "/events/",
        "event": f"/events/{event.pk}/",
        "series-index": "/series/",
        "series": f"/series/{series.pk}/",
        "topics": "/topics/",
        "topic": f"/topics/{topic.pk}/",
        "matrix": "/matrix/",
        "search": "/search/",
        "search-results": "/search/?q=Donetsk",
    }
