"""The home page: the latest published claims, recent events and the topics in dispute."""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.models import Claim, Event, Topic

from ..caching import public_page

HOME_CLAIMS = 10
HOME_EVENTS = 6
HOME_TOPICS = 6


@require_safe
@public_page
def home(request):
    claims = Claim.objects.published().as_rows().order_by("-published_at", "-id")
    events = Event.objects.filter(pk__in=Claim.objects.published().values("event_id"))
    published_positions = Q(positions__evidence__status=ClaimStatus.PUBLISHED)
    # In dispute: actors with published evidence hold more than one stance on it.
    topics = (
        Topic.objects.annotate(
            stances=Count("positions__stance", filter=published_positions, distinct=True),
            actors=Count("positions__actor", filter=published_positions, distinct=True),
        )
        .filter(stances__gte=2)
        .order_by("-actors", "title")
    )
    return render(
        request,
        "web/home.html",
        {
            "claims": claims[:HOME_CLAIMS],
            "events": events.order_by("-start", "name")[:HOME_EVENTS],
            "topics": topics[:HOME_TOPICS],
        },
    )
