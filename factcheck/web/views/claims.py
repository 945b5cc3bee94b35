"""A claim's page: the quote in context, the record, its figures, the claims linked to it across
sources, how often and where it was repeated, its rating history and its schema.org ClaimReview.

Text from articles and editors is escaped in the template and in factcheck/web/highlight.py,
never marked safe.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.ledger.charts import repeats_svg
from factcheck.ledger.choices import ClaimStatus, LinkRelation, Rating
from factcheck.ledger.claimreview import claim_review, json_ld_script
from factcheck.ledger.models import Claim, ClaimLink
from factcheck.ledger.reports.repeats import claim_repeats

from ..caching import public_page
from ..highlight import quote_in_context


@require_safe
@public_page
def claim(request, pk: int):
    # Newsroom staff preview any claim in the readers' design, under a "not published" banner;
    # everyone else gets published claims only (public_page never caches a staff response).
    claim = get_object_or_404(Claim.objects.visible_to(request.user).with_related(), pk=pk)
    links = list(ClaimLink.objects.touching([claim.pk]).between_published().with_related())
    repeats = claim_repeats(claim, links)
    review = claim_review(claim, absolute=request.build_absolute_uri)
    return render(
        request,
        "web/claim.html",
        {
            "claim": claim,
            "context_html": quote_in_context(
                claim.article.body, claim.article.paragraphs, claim.start, claim.end
            ),
            "related": related_by_relation(claim, links),
            "rating_history": rating_history(claim),
            "repeats": repeats,
            "repeats_chart": repeats_svg(repeats.by_day),
            "claim_review": json_ld_script(review) if review else "",
            "preview": claim.status != ClaimStatus.PUBLISHED,
        },
    )


def related_by_relation(claim: Claim, links) -> list[dict]:
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


def rating_history(claim: Claim) -> list[dict]:
    """Each rating the claim has carried while published, oldest first (one query).

    Reads only the rating, status and date columns: change reasons and who made the change are
    newsroom notes and stay out of the page.
    """
    labels = dict(Rating.choices)
    rows = claim.history.order_by("history_date", "history_id").values(
        "history_date", "rating", "status"
    )
    changes, shown = [], None
    for row in rows:
        if row["status"] != ClaimStatus.PUBLISHED or row["rating"] == shown:
            continue
        shown = row["rating"]
        label = labels.get(shown, shown or "Not rated")
        changes.append({"date": row["history_date"], "rating": shown, "label": label})
    return changes
