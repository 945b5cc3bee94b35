"""An event's page (its figures from every source, side by side) and a series' page (each
quantity per event, in a table and a chart).

Figures of different events of one series are a series, never a discrepancy.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.ledger.charts import series_charts
from factcheck.ledger.models import Claim, Event, Series
from factcheck.ledger.reports.event_figures import event_figures
from factcheck.ledger.reports.series_figures import series_figures

from ..caching import public_page
from ..paging import page_of

CLAIMS_PER_PAGE = 50  # an event's claims on one page, oldest first
EVENTS_PER_PAGE = 50  # a series' events (table columns, chart points) on one page, oldest first


@require_safe
@public_page
def event(request, pk: int):
    event = get_object_or_404(Event.objects.with_related(), pk=pk)
    page = page_of(
        request,
        Claim.objects.published()
        .filter(event=event)
        .as_rows()
        .order_by("article__published", "article_id", "start", "id"),
        CLAIMS_PER_PAGE,
    )
    return render(
        request,
        "web/event.html",
        {"event": event, "figures": event_figures(event=event), "claims": page, "page": page},
    )


@require_safe
@public_page
def series(request, pk: int):
    series = get_object_or_404(Series, pk=pk)
    page = page_of(request, series.events.order_by("start", "id"), EVENTS_PER_PAGE)
    figures = series_figures(series=series, events=page)
    return render(
        request,
        "web/series.html",
        {"series": series, "figures": figures, "charts": series_charts(figures), "page": page},
    )
