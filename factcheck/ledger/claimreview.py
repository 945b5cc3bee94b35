"""schema.org ClaimReview: the one document a published, rated claim is reviewed by.

The claim page embeds it as JSON-LD and the API's feed (`/api/v1/claims/claimreview/`) lists
it, so crawlers and newsroom tools read the same review. Built from a claim whose article,
source and claimant are already loaded (`Claim.objects.with_related()`): no query of its own.

- Only a published claim with a rating is reviewed. A review without `reviewRating` is not a
  ClaimReview a fact-check reader can use, so an unrated claim gets none, on the page or in
  the feed.
- `claimReviewed` is the editor's plain-language summary, else the quote, whole: schema.org
  asks for "a short summary of the specific claims reviewed", which the summary already is,
  and cutting it mid-sentence would publish a claim nobody made.
- The claim appeared in the imported article: a `NewsArticle` with its headline, date and
  outlet as publisher.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .choices import RATING_VALUES, ActorKind
from .models import Claim

SCHEMA_ORG = "https://schema.org"

# JSON inside <script> must not be able to close the element or open a comment.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def claim_review(claim: Claim, *, absolute: Callable[[str], str]) -> dict[str, Any] | None:
    """The ClaimReview of a published, rated claim (None otherwise); `absolute` makes full URLs."""
    if not claim.is_published or claim.rating not in RATING_VALUES:
        return None
    article = claim.article
    reviewed = claim.published_at or claim.updated_at
    return {
        "@context": SCHEMA_ORG,
        "@type": "ClaimReview",
        "url": absolute(claim.get_absolute_url()),
        "datePublished": reviewed.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings.NEWSROOM_NAME,
            "url": settings.NEWSROOM_URL,
        },
        "claimReviewed": " ".join((claim.summary or claim.exact).split()),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[claim.rating],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": claim.get_rating_display(),
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": claim_author(claim),
            "datePublished": article.published.isoformat(),
            "appearance": {
                "@type": "NewsArticle",
                "url": absolute(article.get_absolute_url()),
                "headline": article.title,
                "datePublished": article.published.isoformat(),
                "publisher": {"@type": "Organization", "name": article.source.name},
            },
        },
    }


def claim_author(claim: Claim) -> dict[str, Any]:
    """Who made the claim: its claimant (with Wikidata as sameAs), else the label or outlet."""
    actor = claim.claimant
    if actor is None:
        # The outlet itself (or an unnamed "authorities") asserts it.
        return {"@type": "Organization", "name": claim.claimant_label or claim.article.source.name}
    author: dict[str, Any] = {
        "@type": "Person" if actor.kind == ActorKind.PERSON else "Organization",
        "name": actor.name,
    }
    if actor.wikidata_id:
        author["sameAs"] = actor.wikidata_url
    return author


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> element; <, > and & are \\u-escaped inside."""
    payload = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    # The payload can no longer end the script element, so it is safe as element content.
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))
