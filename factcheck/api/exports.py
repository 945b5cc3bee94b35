"""Claims as CSV, as a schema.org ClaimReview feed and as W3C Web Annotations."""

from __future__ import annotations

import csv
import io

from django.conf import settings
from rest_framework.renderers import BaseRenderer, JSONRenderer

from factcheck.ledger.choices import RATING_VALUES, Rating

CSV_COLUMNS = [
    "id",
    "article",
    "source",
    "published",
    "wire_agency",
    "start",
    "end",
    "quote",
    "summary",
    "kind",
    "claimant",
    "subjects",
    "event",
    "topic",
    "status",
    "rating",
    "corroboration",
    "independent_origins",
    "measurements",
]


class CSVRenderer(BaseRenderer):
    """Rows of dicts as CSV; an error ({"detail": …}) as a one-column table."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        out = io.StringIO()
        if isinstance(data, dict):
            data = [{"detail": data.get("detail", data)}]
        rows = list(data or [])
        columns = list(rows[0]) if rows else CSV_COLUMNS
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode(self.charset)


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


def claim_csv_row(claim) -> dict:
    """One claim as a flat row (the claimant by name, figures as `quantity bound value`)."""
    article = claim.article
    return {
        "id": claim.pk,
        "article": article.pk,
        "source": article.source.name,
        "published": article.published.isoformat(),
        "wire_agency": article.wire_agency,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.exact,
        "summary": claim.summary,
        "kind": claim.kind,
        "claimant": claim.claimant.name if claim.claimant else claim.claimant_label,
        "subjects": "; ".join(actor.name for actor in claim.subjects.all()),
        "event": claim.event.name if claim.event else "",
        "topic": claim.topic.title if claim.topic else "",
        "status": claim.status,
        "rating": claim.rating,
        "corroboration": claim.corroboration,
        "independent_origins": claim.independent_origins,
        "measurements": "; ".join(
            f"{m.quantity} {m.bound} {m.value.normalize():f}" for m in claim.measurements.all()
        ),
    }


def claim_review(claim, absolute) -> dict:
    """A schema.org ClaimReview for a published, rated claim (`absolute` makes full URLs)."""
    article = claim.article
    if claim.claimant is not None:
        author = {
            "@type": "Person" if claim.claimant.kind == "person" else "Organization",
            "name": claim.claimant.name,
        }
    else:
        author = {"@type": "Organization", "name": claim.claimant_label or article.source.name}
    published = claim.published_at or claim.updated_at
    return {
        "@type": "ClaimReview",
        "url": absolute(claim.get_absolute_url()),
        "datePublished": published.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings.NEWSROOM_NAME,
            "url": settings.NEWSROOM_URL,
        },
        "claimReviewed": claim.summary or claim.exact,
        "itemReviewed": {
            "@type": "Claim",
            "author": author,
            "datePublished": article.published.isoformat(),
            "appearance": {
                "@type": "CreativeWork",
                "url": absolute(article.get_absolute_url()),
                "headline": article.title,
                "publisher": {"@type": "Organization", "name": article.source.name},
            },
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUES.get(claim.rating, 3),
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": Rating(claim.rating).label,
        },
    }


def claim_annotation(claim, absolute) -> dict:
    """A W3C Web Annotation of the claim's span on its article."""
    body = [{"type": "TextualBody", "purpose": "describing", "value": claim.summary or claim.exact}]
    if claim.rating:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": claim.rating})
    annotation = {
        "id": absolute(claim.get_absolute_url()),
        "type": "Annotation",
        "motivation": "assessing" if claim.rating else "highlighting",
        "modified": claim.updated_at.isoformat(),
        "body": body,
        "target": {
            "source": absolute(claim.article.get_absolute_url()),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": claim.exact,
                    "prefix": claim.prefix,
                    "suffix": claim.suffix,
                },
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }
    if claim.published_at:
        annotation["created"] = claim.published_at.isoformat()
    return annotation
