"""Public read-only pages: pick a queryset of published records, render.

Every page runs a fixed number of queries (see tests/web). Text from articles and editors is
escaped in the templates and in factcheck/web/highlight.py, never marked safe.
"""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe

from factcheck.ledger.choices import ClaimStatus, LinkRelation, Rating
from factcheck.ledger.claimreview import claim_review, json_ld_script
from factcheck.ledger.models import Actor, Article, Claim, ClaimLink, Event, Topic
from factcheck.ledger.reports.timelines import positions_visible

from . import feeds, sitemaps
from .caching import public_page
from .highlight import highlighted_paragraphs, placed_spans, quote_in_context
from .search import SearchForm, search_run

HOME_CLAIMS = 10
HOME_EVENTS = 6
HOME_TOPICS = 6


@require_safe
@public_page
def home(request):
    claims = Claim.objects.published().with_related().order_by("-published_at", "-id")
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


@require_safe
@public_page
def article(request, pk: int):
    article = get_object_or_404(
        Article.objects.visible_to(request.user).select_related("source"), pk=pk
    )
    claims = list(Claim.objects.published().with_related().filter(article=article))
    spans, unplaced = placed_spans(article.body, claims)
    return render(
        request,
        "web/article.html",
        {
            "article": article,
            "claims": claims,
            "unplaced": unplaced,
            "body_html": highlighted_paragraphs(article.body, article.paragraphs, spans),
        },
    )


@require_safe
@public_page
def claim(request, pk: int):
    claim = get_object_or_404(Claim.objects.published().with_related(), pk=pk)
    links = ClaimLink.objects.touching([claim.pk]).between_published().with_related()
    review = claim_review(claim, absolute=request.build_absolute_uri)
    return render(
        request,
        "web/claim.html",
        {
            "claim": claim,
            "context_html": quote_in_context(
                claim.article.body, claim.article.paragraphs, claim.start, claim.end
            ),
            "related": _related_claims(claim, links),
            "rating_history": _rating_history(claim),
            "claim_review": json_ld_script(review) if review else "",
        },
    )


def _related_claims(claim: Claim, links) -> list[dict]:
    """Linked claims grouped by relation, whichever side of the link this claim is on."""
    labels = dict(LinkRelation.choices)
    groups: dict[str, dict] = {}
    for link in links:
        incoming = link.to_claim_id == claim.pk
        other = link.from_claim if incoming else link.to_claim
        key, label = link.relation, labels[link.relation]
        # Only "updates" has a direction a reader needs told apart.
        if link.relation == LinkRelation.UPDATES and incoming:
            key, label = "updated_by", "Updated or superseded by"
        groups.setdefault(key, {"relation": key, "label": label, "rows": []})["rows"].append(
            (link, other)
        )
    order = [value for value, _ in LinkRelation.choices] + ["updated_by"]
    return [groups[key] for key in order if key in groups]


def _rating_history(claim: Claim) -> list[dict]:
    """Each rating the claim has carried while published, oldest first (one query).

    Reads only the rating, status and date columns: change reasons and who made the change are
    newsroom notes and stay out of the page.
    """
    rows = claim.history.order_by("history_date", "history_id").values(
        "history_date", "rating", "status"
    )
    changes, shown = [], None
    for row in rows:
        if row["status"] != ClaimStatus.PUBLISHED or row["rating"] == shown:
            continue
        shown = row["rating"]
        changes.append(
            {"date": row["history_date"], "rating": shown, "label": _rating_label(shown)}
        )
    return changes


def _rating_label(value: str) -> str:
    return dict(Rating.choices).get(value, value or "Not rated")


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
    # Positions backed by published evidence, with only that evidence prefetched.
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


@require_GET
@public_page
def search(request):
    form = SearchForm(request.GET or None)
    results = search_run(form.cleaned_data) if form.is_search() else None
    return render(request, "web/search.html", {"form": form, "results": results})


feed = require_safe(public_page(feeds.PublishedClaimsFeed()))


@require_safe
@public_page
def sitemap(request):
    return sitemap_view(request, sitemaps=sitemaps.SITEMAPS)


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    return render(
        request,
        "web/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("web:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
