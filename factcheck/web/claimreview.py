"""schema.org ClaimReview for a published, rated claim (what search engines read)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

from factcheck.ledger.choices import RATING_VALUES, ActorKind

# Google shows claimReviewed in a short line; keep it under 75 characters.
CLAIM_REVIEWED_MAX = 74

# JSON inside <script> must not be able to close the element or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def truncate(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """Cut at a word boundary so the result, ellipsis included, is at most `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def _claimant(claim) -> dict[str, Any]:
    actor = claim.claimant
    if actor is None:
        # The outlet itself (or an unnamed "authorities") asserts it.
        name = claim.claimant_label or claim.article.source.name
        return {"@type": "Organization", "name": name}
    author: dict[str, Any] = {
        "@type": "Person" if actor.kind == ActorKind.PERSON else "Organization",
        "name": actor.name,
    }
    if actor.wikidata_id:
        author["sameAs"] = actor.wikidata_url
    return author


def claim_review(claim, *, absolute: Callable[[str], str]) -> dict[str, Any] | None:
    """The ClaimReview of a published claim, or None when it has no rating to publish."""
    if not claim.is_published or claim.rating not in RATING_VALUES:
        return None
    article = claim.article
    published = (claim.published_at or claim.updated_at).date().isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute(claim.get_absolute_url()),
        "datePublished": published,
        "author": {
            "@type": "Organization",
            "name": settings.NEWSROOM_NAME,
            "url": settings.NEWSROOM_URL,
        },
        "claimReviewed": truncate(claim.summary or claim.exact),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES[claim.rating],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": claim.get_rating_display(),
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": _claimant(claim),
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


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> element; <, > and & are \\u-escaped inside."""
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    # The payload can no longer end the script element, so it is safe as element content.
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))
