"""Index pages, one per kind of record readers can open: articles (newest first), actors
(by name), events (latest first) and series (by name), each paginated.

Only what readers may see is listed: current article revisions with an outlet; actors, events
and series a published claim names. Each page runs a fixed number of queries (a count and the
page's rows).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.models import Actor, Article, Claim, Event, Series

from ..caching import public_page
from ..paging import page_of

PER_PAGE = 30


def _published_claims():
    return Claim.objects.published()


@require_safe
@public_page
def articles(request):
    published = Q(claims__status=ClaimStatus.PUBLISHED)
    queryset = (
        Article.objects.visible_to(AnonymousUser())  # what readers see, also for staff
        .select_related("source")
        .annotate(claims_published=Count("claims", filter=published))
        .order_by("-published", "-id")
    )
    return render(
        request, "web/index_articles.html", {"page": page_of(request, queryset, PER_PAGE)}
    )


@require_safe
@public_page
def actors(request):
    named = Q(pk__in=_published_claims().values("claimant_id")) | Q(
        pk__in=_published_claims().values("subjects")
    )
    queryset = Actor.objects.filter(named).select_related("affiliation").order_by("name", "id")
    return render(request, "web/index_actors.html", {"page": page_of(request, queryset, PER_PAGE)})


@require_safe
@public_page
def events(request):
    queryset = (
        Event.objects.filter(pk__in=_published_claims().values("event_id"))
        .select_related("series")
        .order_by("-start", "name", "id")
    )
    return render(request, "web/index_events.html", {"page": page_of(request, queryset, PER_PAGE)})


@require_safe
@public_page
def series_index(request):
    with_claims = Event.objects.filter(pk__in=_published_claims().values("event_id"))
    queryset = (
        Series.objects.filter(events__in=with_claims)
        .annotate(event_count=Count("events", distinct=True))
        .order_by("name", "id")
    )
    return render(request, "web/index_series.html", {"page": page_of(request, queryset, PER_PAGE)})
