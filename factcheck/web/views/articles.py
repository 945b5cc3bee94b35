"""An article's page: its text with the published claims highlighted, and a card per claim."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from factcheck.ledger.models import Article, Claim

from ..caching import public_page
from ..highlight import highlighted_paragraphs, placed_spans


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
