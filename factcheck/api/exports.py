"""Claims as CSV and as W3C Web Annotations (the ClaimReview is factcheck.ledger.claimreview)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from django.http import StreamingHttpResponse
from django.urls import reverse
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

from factcheck.ledger.models import Claim, Measurement
from factcheck.ledger.querysets import ARTICLE_TEXT

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
    """Rows of dicts as CSV (the view answers errors as JSON objects)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        out = io.StringIO()
        rows = list(data or [])
        columns = list(rows[0]) if rows else CSV_COLUMNS
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode(self.charset)


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


# Each CSV column's value path, read with values(): no model instance per claim.
_CSV_VALUES = {
    "id": "pk",
    "article": "article_id",
    "source": "article__source__name",
    "published": "article__published",
    "wire_agency": "article__wire_agency",
    "start": "start",
    "end": "end",
    "quote": "exact",
    "summary": "summary",
    "kind": "kind",
    "claimant": "claimant__name",
    "event": "event__name",
    "topic": "topic__title",
    "status": "status",
    "rating": "rating",
    "corroboration": "corroboration",
    "independent_origins": "independent_origins",
}


def claim_csv_rows(claims) -> Iterator[dict]:
    """The claims as flat rows (the claimant by name, else as written; subjects by name; figures
    as `quantity bound value`), ``EXPORT_CHUNK`` claims per query plus two for their subjects
    and figures. Values, not model instances: a 100,000-claim export takes seconds."""
    rows = (
        claims.prefetch_related(None)
        .values(*_CSV_VALUES.values(), "claimant_label")
        .iterator(chunk_size=EXPORT_CHUNK)
    )
    while chunk := list(islice(rows, EXPORT_CHUNK)):
        ids = [row["pk"] for row in chunk]
        subjects: dict[int, list[str]] = defaultdict(list)
        for claim_id, name in (
            Claim.subjects.through.objects.filter(claim_id__in=ids)
            .order_by("actor__name")
            .values_list("claim_id", "actor__name")
        ):
            subjects[claim_id].append(name)
        figures: dict[int, list[str]] = defaultdict(list)
        for claim_id, quantity, bound, value in Measurement.objects.filter(
            claim_id__in=ids
        ).values_list("claim_id", "quantity", "bound", "value"):
            figures[claim_id].append(f"{quantity} {bound} {value.normalize():f}")
        for row in chunk:
            out = {column: row[path] for column, path in _CSV_VALUES.items()}
            out["published"] = row["article__published"].isoformat()
            out["claimant"] = row["claimant__name"] or row["claimant_label"]
            out["event"] = out["event"] or ""
            out["topic"] = out["topic"] or ""
            out["subjects"] = "; ".join(subjects[row["pk"]])
            out["measurements"] = "; ".join(figures[row["pk"]])
            yield out


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
            "source": absolute(reverse("web:article", args=[claim.article_id])),
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


# What an annotation reads: the claim's own columns, no join.
ANNOTATION_FIELDS = (
    "id",
    "article_id",
    "summary",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "rating",
    "updated_at",
    "published_at",
)


def annotation_claims(claims):
    """The claims as ``claim_annotation`` needs them: their own columns only, one query per
    ``EXPORT_CHUNK`` claims."""
    return claims.select_related(None).prefetch_related(None).only(*ANNOTATION_FIELDS)


def review_claims(claims):
    """The claims as a ClaimReview needs them: with article (without its text), outlet and
    claimant, nothing else; one query per ``EXPORT_CHUNK`` claims."""
    return (
        claims.select_related(None)
        .prefetch_related(None)
        .select_related("article__source", "claimant")
        .defer(*(f"article__{name}" for name in ARTICLE_TEXT))
    )


def _chunked(claims) -> Iterator:
    return claims.iterator(chunk_size=EXPORT_CHUNK)


def csv_stream(claims, *, filename: str) -> StreamingHttpResponse:
    """The claims as CSV, written while they are read (``EXPORT_CHUNK`` at a time)."""

    def lines() -> Iterator[str]:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in claim_csv_rows(claims):
            writer.writerow(row)
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
