"""Claims as CSV and as W3C Web Annotations (the ClaimReview is factcheck.ledger.claimreview)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

from django.http import StreamingHttpResponse
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

# Claims read per query while streaming an export: memory stays flat whatever the ledger's size.
EXPORT_CHUNK = 2000

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


def _chunked(claims) -> Iterator:
    return claims.iterator(chunk_size=EXPORT_CHUNK)


def csv_stream(claims, *, filename: str) -> StreamingHttpResponse:
    """The claims as CSV, written while they are read (``EXPORT_CHUNK`` at a time)."""

    def lines() -> Iterator[str]:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for claim in _chunked(claims):
            writer.writerow(claim_csv_row(claim))
            if out.tell() > 64_000:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_opening(head: dict, key: str) -> str:
    """The JSON text of ``head`` left open at a new ``key`` (``{"a": 1, "key":``)."""
    text = json.dumps(head, cls=JSONEncoder)[:-1]
    return text + ("," if head else "") + json.dumps(key) + ":"


def json_stream(
    opening: str, items: Iterable, closing: str, *, content_type: str
) -> StreamingHttpResponse:
    """``opening``, the items as a JSON array (``None`` items left out), ``closing``: written
    while the items are read."""

    def chunks() -> Iterator[str]:
        yield opening + "["
        first = True
        for item in items:
            if item is None:
                continue
            yield ("" if first else ",") + json.dumps(item, cls=JSONEncoder)
            first = False
        yield "]" + closing

    return StreamingHttpResponse(chunks(), content_type=content_type)


def mapped(claims, to_item: Callable) -> Iterator:
    return (to_item(claim) for claim in _chunked(claims))
