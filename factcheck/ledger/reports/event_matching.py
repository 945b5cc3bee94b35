"""One night or two: the event of a series a figure claim is really about."""

from __future__ import annotations

from django.db.models import Q

from ..models import Claim, Event


def event_matching(*, claim: Claim, event: Event) -> Event | None:
    """The event of the same series whose days meet the claim's days (to offer instead)."""
    if claim.about_start is None or event.series_id is None:
        return None
    c_start, c_end = claim.about_start, claim.about_end or claim.about_start
    candidates = (
        Event.objects.filter(series_id=event.series_id, start__lte=c_end)
        .filter(Q(end__gte=c_start) | Q(end__isnull=True, start__gte=c_start))
        .exclude(pk=event.pk)
        .order_by("-start")
    )
    return candidates.first()
