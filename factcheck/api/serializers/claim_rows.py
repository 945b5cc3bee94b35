"""Claims as the API reads them, built from ``values()``: the dicts ``ClaimSerializer`` gives
(same keys, same order, same values; tests/api/test_claim_rows.py compares the two on a varied
set of claims), without a model instance or a serializer field call per value.

Serializing 50 claims with their figures through nested serializers cost about 40 ms of Python
a page; these rows cost a few. ``ClaimSerializer`` stays the schema and shapes the answers to
writes (one claim each), this module the reads of many.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections
from django.db.models import BooleanField, CharField, OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, JSONObject
from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from factcheck.ledger.models import Claim, Measurement

from .fields import FigureField

# The serializers' own field for dates; times are written as DRF's DateTimeField writes them
# (``_datetime``), without its per-call settings lookups.
_date = serializers.DateField().to_representation


def _datetime(value: dt.datetime | None, zone) -> str | None:
    """DRF's ISO 8601: in the current time zone, `Z` for UTC."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


_figure = FigureField().to_representation

_CLAIM = (
    "id",
    "article_id",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "summary",
    "kind",
    "claimant_id",
    "claimant_label",
    "event_id",
    "topic_id",
    "status",
    "rating",
    "corroboration",
    "independent_origins",
    "about_start",
    "about_end",
    "version",
    "published_at",
    "updated_at",
)
# The columns of each expandable record's brief form, read in the same query (joins).
_BRIEF = {
    "article": (
        "article__title",
        "article__source__name",
        "article__published",
        "article__wire_agency",
    ),
    "claimant": ("claimant__name", "claimant__kind"),
    "event": (
        "event__name",
        "event__kind",
        "event__start",
        "event__end",
        "event__precision",
        "event__series_id",
    ),
    "topic": ("topic__title",),
}


def _article(row: dict) -> dict:
    return {
        "id": row["article_id"],
        "title": row["article__title"],
        "source": row["article__source__name"],
        "published": _date(row["article__published"]),
        "wire_agency": row["article__wire_agency"],
    }


def _claimant(row: dict) -> dict | None:
    if row["claimant_id"] is None:
        return None
    return {"id": row["claimant_id"], "name": row["claimant__name"], "kind": row["claimant__kind"]}


def _event(row: dict) -> dict | None:
    if row["event_id"] is None:
        return None
    return {
        "id": row["event_id"],
        "name": row["event__name"],
        "kind": row["event__kind"],
        "start": _date(row["event__start"]),
        "end": _date(row["event__end"]),
        "precision": row["event__precision"],
        "series": row["event__series_id"],
    }


def _topic(row: dict) -> dict | None:
    if row["topic_id"] is None:
        return None
    return {"id": row["topic_id"], "title": row["topic__title"]}


_EXPANDED = {"article": _article, "claimant": _claimant, "event": _event, "topic": _topic}


def _figure_row(quantity, value, bound, text, unit) -> dict:
    return {
        "quantity": quantity,
        "value": _figure(value),
        "bound": bound,
        "text": text,
        "unit": unit,
    }


def _subject_rows(claim_ids) -> QuerySet:
    return Claim.subjects.through.objects.filter(claim_id__in=claim_ids).order_by(
        "actor__name", "actor_id"
    )


def _read_in_three_queries(claims: QuerySet, columns: list[str], expand_subjects: bool):
    """The claims' columns, then their subjects, then their figures."""
    found = {row["id"]: row for row in claims.values(*columns)}
    subjects: dict[int, list] = defaultdict(list)
    figures: dict[int, list] = defaultdict(list)
    if not found:
        return found, subjects, figures
    if expand_subjects:
        for claim_id, pk, name, kind in _subject_rows(list(found)).values_list(
            "claim_id", "actor_id", "actor__name", "actor__kind"
        ):
            subjects[claim_id].append({"id": pk, "name": name, "kind": kind})
    else:
        for claim_id, pk in _subject_rows(list(found)).values_list("claim_id", "actor_id"):
            subjects[claim_id].append(pk)
    for claim_id, *figure in (
        Measurement.objects.filter(claim_id__in=list(found))
        .order_by("claim_id", "id")
        .values_list("claim_id", "quantity", "value", "bound", "text", "unit")
    ):
        figures[claim_id].append(_figure_row(*figure))
    return found, subjects, figures


# The one-query read's SQL, compiled once per visibility, columns and expansion: compiling it
# (22 columns, two array subqueries) cost more than running it. The ids are its one array
# parameter (`id = ANY(%s)`), so the text does not depend on how many there are.
_COMPILED: dict[tuple, tuple[str, list, int]] = {}


def _one_query_sql(claims: QuerySet, columns: list[str], expand_subjects: bool):
    key = (claims.db, str(claims.query.where), tuple(columns), expand_subjects)
    if key in _COMPILED:
        return _COMPILED[key]
    subject_rows = Claim.subjects.through.objects.filter(claim_id=OuterRef("pk")).order_by(
        "actor__name", "actor_id"
    )
    if expand_subjects:
        subject_rows = subject_rows.values(
            json=JSONObject(id="actor_id", name="actor__name", kind="actor__kind")
        )
    else:
        subject_rows = subject_rows.values("actor_id")
    figure_rows = (
        Measurement.objects.filter(claim_id=OuterRef("pk"))
        .order_by("id")
        .values(
            json=JSONObject(
                # as text: a JSON number would come back a float, not the Decimal stored
                quantity="quantity",
                value=Cast("value", CharField()),
                bound="bound",
                text="text",
                unit="unit",
            )
        )
    )
    marker = [-7919, -104729]  # no id is negative: found again among the parameters by value
    ids = RawSQL(f'"{Claim._meta.db_table}"."id" = ANY(%s)', (marker,), BooleanField())
    rows = claims.filter(ids).values(
        *columns,
        subject_list=ArraySubquery(subject_rows),
        figure_list=ArraySubquery(figure_rows),
    )
    sql, params = rows.query.sql_with_params()
    (position,) = [i for i, param in enumerate(params) if param == marker]
    _COMPILED[key] = sql, list(params), position
    return _COMPILED[key]


def _json(value):
    # Django reads jsonb as text (its JSONField decodes it); arrays of it come as lists of text.
    return json.loads(value) if isinstance(value, str) else value


def _read_in_one_query(claims: QuerySet, ids: list[int], columns: list[str], expand_subjects):
    """PostgreSQL: the claims' columns with their subjects and figures as arrays beside them
    (each an ARRAY(SELECT …) by the claim's key), one round trip instead of three."""
    sql, params, position = _one_query_sql(claims, columns, expand_subjects)
    params = [*params]
    params[position] = ids
    with connections[claims.db].cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        fetched = cursor.fetchall()
    found, subjects, figures = {}, {}, {}
    for values in fetched:
        row = dict(zip(names, values, strict=True))
        pk = row["id"]
        found[pk] = row
        listed = [_json(subject) for subject in row.pop("subject_list")]
        if expand_subjects:  # jsonb keeps its keys in its own order: back to the brief's
            listed = [{"id": a["id"], "name": a["name"], "kind": a["kind"]} for a in listed]
        subjects[pk] = listed
        figures[pk] = [
            _figure_row(f["quantity"], Decimal(f["value"]), f["bound"], f["text"], f["unit"])
            for f in map(_json, row.pop("figure_list"))
        ]
    return found, subjects, figures


def claim_rows(
    ids: Iterable[int],
    *,
    expand: frozenset[str] = frozenset(),
    request=None,
    claims: QuerySet | None = None,
) -> list[dict]:
    """The claims with these ids, in this order, as ``ClaimSerializer`` shows them (with
    ``?expand=`` honoured). One query on PostgreSQL whatever the number (the claims with the
    joins their expansions need, their subjects and figures beside them); three elsewhere
    (the claims, their subjects, their figures; only the first when none is found). Ids not
    among ``claims`` (default: every claim) are left out."""
    ids = list(ids)
    if not ids:
        return []
    columns = [*_CLAIM]
    for name in _BRIEF.keys() & expand:
        columns.extend(_BRIEF[name])
    claims = Claim.objects.all() if claims is None else claims
    claims = claims.select_related(None).prefetch_related(None).order_by()
    if connections[claims.db].vendor == "postgresql":
        found, subjects, figures = _read_in_one_query(claims, ids, columns, "subjects" in expand)
    else:
        found, subjects, figures = _read_in_three_queries(
            claims.filter(pk__in=ids), columns, "subjects" in expand
        )
    if not found:
        return []
    ids = [pk for pk in ids if pk in found]

    # One reverse() for the page, not one per row.
    base = reverse("api:claim-list")
    if request is not None:
        base = request.build_absolute_uri(base)
    expanded = {name: _EXPANDED[name] for name in _EXPANDED.keys() & expand}
    zone = timezone.get_current_timezone()
    rows = []
    for pk in ids:
        row = found[pk]
        rows.append(
            {
                "id": pk,
                "url": f"{base}{pk}/",
                "article": expanded["article"](row) if "article" in expanded else row["article_id"],
                "quote": row["exact"],
                "prefix": row["prefix"],
                "suffix": row["suffix"],
                "start": row["start"],
                "end": row["end"],
                "summary": row["summary"],
                "kind": row["kind"],
                "claimant": (
                    expanded["claimant"](row) if "claimant" in expanded else row["claimant_id"]
                ),
                "claimant_label": row["claimant_label"],
                "subjects": subjects[pk],
                "event": expanded["event"](row) if "event" in expanded else row["event_id"],
                "topic": expanded["topic"](row) if "topic" in expanded else row["topic_id"],
                "status": row["status"],
                "rating": row["rating"],
                "measurements": figures[pk],
                "corroboration": {
                    "status": row["corroboration"],
                    "independent_origins": row["independent_origins"],
                },
                "about_start": _date(row["about_start"]),
                "about_end": _date(row["about_end"]),
                "version": row["version"],
                "published_at": _datetime(row["published_at"], zone),
                "updated_at": _datetime(row["updated_at"], zone),
            }
        )
    return rows
