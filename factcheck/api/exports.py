"""Claims as CSV and as W3C Web Annotations (the ClaimReview is factcheck.ledger.claimreview)."""

from __future__ import annotations

import csv
import io

from rest_framework.renderers import BaseRenderer, JSONRenderer

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
