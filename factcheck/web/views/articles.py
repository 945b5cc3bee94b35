"""An article's page: its text with the published claims highlighted, and a card per claim."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.models import Article, Claim

from ..caching import public_page
from ..highlight import highlighted_paragraphs, placed_spans


@require_safe
@public_page
def article(request, pk: int):
    article = get_object_or_404(
        Article.objects.visible_to(request.user).select_related("source"), pk=pk
    )
    # Newsroom staff preview the page as it will read once the claims in the works are
    # published (rejected ones stay out); readers see published claims only.
    claims = list(
        Claim.objects.visible_to(request.user)
        .exclude(status=ClaimStatus.REJECTED)
        .with_related()
        .filter(article=article)
    )
    unpublished = sum(c.status != ClaimStatus.PUBLISHED for c in claims)
    spans, unplaced = placed_spans(article.body, claims)
    return render(
        request,
        "web/article.html",
        {
            "article": article,
            "claims": claims,
            "unplaced": unplaced,
            "body_html": highlighted_paragraphs(article.body, article.paragraphs, spans),
            "preview": unpublished or not article.is_current,
            "unpublished": unpublished,
        },
    )
