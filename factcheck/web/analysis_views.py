"""Public analysis pages: figures per event and series, stances per topic, actor and matrix.

Readers see published records only: figures from published claims, positions backed by
published evidence (and only that evidence). Views are thin: a queryset, a service, a template.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.ledger.analysis import series_charts, timeline_svg
from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.models import Actor, Claim, Event, Series, Topic
from factcheck.ledger.reports.event_figures import event_figures
from factcheck.ledger.reports.matrix import position_matrix
from factcheck.ledger.reports.series_figures import series_figures
from factcheck.ledger.reports.timelines import positions_visible, topic_timeline, tracks_from

from .caching import public_page


@require_safe
@public_page
def event(request, pk: int):
    event = get_object_or_404(Event.objects.with_related(), pk=pk)
    claims = (
        Claim.objects.published()
        .filter(event=event)
        .with_related()
        .order_by("article__published", "article_id", "start")
    )
    return render(
        request,
        "web/analysis/event.html",
        {"event": event, "figures": event_figures(event=event), "claims": claims},
    )


@require_safe
@public_page
def series(request, pk: int):
    series = get_object_or_404(Series, pk=pk)
    figures = series_figures(series=series)
    return render(
        request,
        "web/analysis/series.html",
        {"series": series, "figures": figures, "charts": series_charts(figures)},
    )


@require_safe
@public_page
def topics(request):
    visible = Q(positions__evidence__status=ClaimStatus.PUBLISHED)
    topics = Topic.objects.annotate(
        actors=Count("positions__actor", filter=visible, distinct=True),
        claims_published=Count(
            "claims", filter=Q(claims__status=ClaimStatus.PUBLISHED), distinct=True
        ),
    ).order_by("title")
    return render(request, "web/analysis/topics.html", {"topics": topics})


@require_safe
@public_page
def topic(request, pk: int):
    topic = get_object_or_404(Topic, pk=pk)
    tracks = topic_timeline(topic=topic)
    return render(
        request,
        "web/analysis/topic.html",
        {"topic": topic, "tracks": tracks, "svg": timeline_svg(tracks, label="actor")},
    )


@require_safe
@public_page
def actor_positions(request, pk: int):
    actor = get_object_or_404(Actor, pk=pk)
    positions = list(
        positions_visible().filter(actor=actor).order_by("topic__title", "as_of", "pk")
    )
    tracks = tracks_from(positions)
    return render(
        request,
        "web/analysis/actor_positions.html",
        {
            "actor": actor,
            "positions": positions,
            "svg": timeline_svg(tracks, label="topic"),
        },
    )


@require_safe
@public_page
def matrix(request):
    raw = request.GET.get("as_of", "").strip()
    as_of, error = None, ""
    if raw:
        try:
            as_of = dt.date.fromisoformat(raw)
        except ValueError:
            error = f"“{raw}” is not a date; use YYYY-MM-DD."
    context = {"matrix": position_matrix(as_of=as_of), "as_of": as_of, "raw": raw, "error": error}
    return render(request, "web/analysis/matrix.html", context, status=400 if error else 200)
