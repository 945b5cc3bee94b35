"""An actor's page (what they claimed, what was claimed about them, their positions) and their
positions over time.

Positions show only when backed by published evidence, with only that evidence.
"""

from __future__ import annotations

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.ledger.charts import timeline_svg
from factcheck.ledger.models import Actor, Claim
from factcheck.ledger.reports.timelines import positions_visible, tracks_from

from ..caching import public_page


@require_safe
@public_page
def actor(request, pk: int):
    actor = get_object_or_404(Actor.objects.with_related(), pk=pk)
    claims = list(
        Claim.objects.published()
        .filter(Q(claimant=actor) | Q(pk__in=Claim.objects.filter(subjects=actor).values("pk")))
        .with_related()
        .order_by("-article__published", "article_id", "start")
    )
    positions = positions_visible().filter(actor=actor).order_by("topic__title", "as_of", "pk")
    return render(
        request,
        "web/actor.html",
        {
            "actor": actor,
            "claims_made": [c for c in claims if c.claimant_id == actor.pk],
            "claims_about": [c for c in claims if actor in c.subjects.all()],
            "positions": positions,
        },
    )


@require_safe
@public_page
def actor_positions(request, pk: int):
    actor = get_object_or_404(Actor, pk=pk)
    positions = list(
        positions_visible().filter(actor=actor).order_by("topic__title", "as_of", "pk")
    )
    return render(
        request,
        "web/actor_positions.html",
        {
            "actor": actor,
            "positions": positions,
            "svg": timeline_svg(tracks_from(positions), label="topic"),
        },
    )
