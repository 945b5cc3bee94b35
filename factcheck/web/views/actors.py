"""An actor's page (what they claimed, what was claimed about them, their positions) and their
positions over time. The claims come a page at a time, newest first.

Positions show only when backed by published evidence, with only that evidence.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.ledger.charts import timeline_svg
from factcheck.ledger.models import Actor, Claim
from factcheck.ledger.reports.timelines import positions_visible, tracks_from

from ..caching import public_page
from ..paging import page_of

CLAIMS_PER_PAGE = 50  # claims by or about the actor on one page, newest first


@require_safe
@public_page
def actor(request, pk: int):
    actor = get_object_or_404(Actor.objects.with_related(), pk=pk)
    # By or about: a union of two indexed lookups, not an OR that scans every claim.
    by_or_about = (
        Claim.objects.filter(claimant=actor)
        .order_by()
        .values("pk")
        .union(Claim.subjects.through.objects.filter(actor=actor).order_by().values("claim_id"))
    )
    page = page_of(
        request,
        Claim.objects.published()
        .filter(pk__in=by_or_about)
        .as_rows()
        .order_by("-article__published", "article_id", "start", "id"),
        CLAIMS_PER_PAGE,
    )
    claims = list(page)
    positions = positions_visible().filter(actor=actor).order_by("topic__title", "as_of", "pk")
    return render(
        request,
        "web/actor.html",
        {
            "actor": actor,
            "page": page,
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
