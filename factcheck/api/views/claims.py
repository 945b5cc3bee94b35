"""Claims: published ones for readers; editors write through the claim services."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from factcheck.ledger.choices import ClaimStatus
from factcheck.ledger.claimreview import claim_review
from factcheck.ledger.matching import Figure, claims_matching
from factcheck.ledger.matching.probes import probe_statement
from factcheck.ledger.models import Claim, ClaimLink
from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.reports.repeats import claim_repeats
from factcheck.ledger.services import claims

from ..concurrency import (
    PreconditionFailed,
    claim_etag,
    claim_etag_of,
    claim_version_from,
    if_match_tags,
    none_match,
)
from ..exports import (
    CSVRenderer,
    JSONLDRenderer,
    annotation_claims,
    claim_annotation,
    csv_stream,
    json_opening,
    json_stream,
    mapped,
    review_claims,
)
from ..filters import MAX_ID, ClaimFilter
from ..pagination import ClaimPagination
from ..serializers.claim_rows import claim_rows
from ..serializers.claims import (
    ClaimMatchResultSerializer,
    ClaimMatchSerializer,
    ClaimRateSerializer,
    ClaimRepeatsSerializer,
    ClaimSerializer,
    ClaimUpdateSerializer,
    ClaimWriteSerializer,
)
from ..snapshots import kept_export
from .base import ServiceResource, expand_parameter

CLAIM_EXPAND = ("article", "claimant", "subjects", "event", "topic")


class FirstRenderer(BaseContentNegotiation):
    """Exports answer in their own format whatever the client's Accept says."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _workflow(summary: str, description: str, request=None):
    return extend_schema(
        summary=summary,
        description=description,
        request=request,
        responses={200: ClaimSerializer},
    )


@extend_schema_view(
    list=extend_schema(summary="List claims", parameters=[expand_parameter(CLAIM_EXPAND)]),
    retrieve=extend_schema(summary="A claim", parameters=[expand_parameter(CLAIM_EXPAND)]),
    create=extend_schema(
        summary="Create a claim (a draft)",
        request=ClaimWriteSerializer,
        responses={201: ClaimSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a claim",
        request=ClaimUpdateSerializer,
        responses={200: ClaimSerializer},
    ),
    destroy=extend_schema(summary="Delete a claim (reviewers)"),
)
class ClaimViewSet(ServiceResource):
    """Statements anchored to a span of an article, with their figures and corroboration.

    Readers see published claims only. The ETag of a claim is its id and version; send it
    back as If-Match to change, delete or move the claim through the workflow.
    """

    serializer_class = ClaimSerializer
    write_serializers = {
        "create": ClaimWriteSerializer,
        "partial_update": ClaimUpdateSerializer,
        "rate": ClaimRateSerializer,
        "match": ClaimMatchSerializer,
    }
    write_permissions = {
        "create": "ledger.add_claim",
        "partial_update": "ledger.change_claim",
        "destroy": "ledger.change_claim",  # the service: editors their drafts, reviewers more
        "submit": "ledger.change_claim",
        "publish": "ledger.review_claim",
        "send_back": "ledger.review_claim",
        "reject": "ledger.review_claim",
        "rate": "ledger.review_claim",
    }
    open_actions = ("match",)
    workflow_actions = ("submit", "publish", "send_back", "reject", "rate")
    filtered_actions = ("export_csv", "claimreview", "annotations")
    # whole exports kept per ledger version, with an ETag (factcheck/api/snapshots.py)
    kept_actions = ("export_csv", "claimreview", "annotations")
    # actions whose errors are JSON error objects whatever their own media type (a CSV error
    # would be a one-column table)
    json_error_actions = ("export_csv",)
    filterset_class = ClaimFilter
    pagination_class = ClaimPagination
    ordering_fields = ["id", "start", "published_at", "updated_at", "article"]
    expandable = CLAIM_EXPAND

    def get_queryset(self):
        claims = Claim.objects.visible_to(self.request.user)
        if self.action in ("list", "retrieve"):
            return claims  # rows are built by claim_rows, from values
        if self.action in ("export_csv", "claimreview", "annotations", "match"):
            return claims.as_rows()
        return claims.with_related()

    def get_renderers(self):
        if getattr(self, "action", None) == "export_csv":
            return [CSVRenderer()]
        if getattr(self, "action", None) in ("claimreview", "annotations"):
            return [JSONLDRenderer(), JSONRenderer()]
        return super().get_renderers()

    def get_content_negotiator(self):
        if getattr(self, "action", None) == "export_csv":
            return FirstRenderer()
        return super().get_content_negotiator()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            getattr(self, "action", None) in self.json_error_actions
            and isinstance(response, Response)
            and response.status_code >= 400
        ):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response

    def etag_for(self, instance, representation=None) -> str:
        return claim_etag(instance)

    def list(self, request, *args, **kwargs):
        ids = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(claim_rows(ids, expand=self.expand, request=request))

    def retrieve(self, request, *args, **kwargs):
        try:
            pk = int(kwargs[self.lookup_field])
        except ValueError:
            raise NotFound() from None
        if not 0 < pk <= MAX_ID:
            raise NotFound()
        rows = claim_rows([pk], expand=self.expand, request=request, claims=self.get_queryset())
        if not rows:
            raise NotFound()
        (row,) = rows
        etag = claim_etag_of(row["id"], row["version"])
        if none_match(request, etag):
            return Response(status=304, headers={"ETag": etag})
        return Response(row, headers={"ETag": etag})

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        claim = claims.claim_create(user=request.user, **data)
        return self.detail_response(self.refetch(claim), status=201)

    def partial_update(self, request, *args, **kwargs):
        claim = self.get_object()
        expected = self.expected_version(claim, required=True)
        serializer = self.get_serializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        measurements = data.pop("measurements", None)
        with self.conflicts_as_412():
            claim = claims.claim_update(
                claim=claim,
                user=request.user,
                expected_version=expected,
                measurements=measurements,
                **data,
            )
        return self.detail_response(self.refetch(claim))

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            claim = self.locked_object()
            self.expected_version(claim, required=True)
            claims.claim_delete(claim=claim, user=request.user)
        return Response(status=204)

    def expected_version(self, claim, *, required: bool) -> int | None:
        """The version If-Match names: 428 if required and absent, 412 if it is not current."""
        tags = if_match_tags(self.request, required=required)
        if tags is None:
            return None
        if "*" in tags:
            return claim.version
        versions = [claim_version_from(tag, claim) for tag in tags]
        if claim.version not in versions:
            raise PreconditionFailed(self.output(claim), claim_etag(claim))
        return claim.version

    @contextmanager
    def conflicts_as_412(self):
        """A version conflict the service found (a save in between) answers 412 too."""
        try:
            yield
        except claims.ClaimConflict as conflict:
            current = self.refetch(conflict.current)
            raise PreconditionFailed(self.output(current), claim_etag(current)) from conflict

    def transition(self, service_name: str, **extra):
        claim = self.get_object()
        expected = self.expected_version(claim, required=True)
        with self.conflicts_as_412():
            claim = getattr(claims, service_name)(
                claim=claim, user=self.request.user, expected_version=expected, **extra
            )
        return self.detail_response(self.refetch(claim))

    @_workflow("Submit for review", "draft → in review.")
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def submit(self, request, pk=None):
        return self.transition("claim_submit")

    @_workflow("Publish (reviewers)", "in review → published.")
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def publish(self, request, pk=None):
        return self.transition("claim_publish")

    @_workflow("Send back (reviewers)", "in review or published → draft.")
    @action(
        detail=True,
        methods=["post"],
        url_path="send-back",
        filter_backends=[],
        pagination_class=None,
    )
    def send_back(self, request, pk=None):
        return self.transition("claim_send_back")

    @_workflow("Reject (reviewers)", "→ rejected.")
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def reject(self, request, pk=None):
        return self.transition("claim_reject")

    @_workflow(
        "Rate (reviewers)",
        "Set the rating shown with the published claim.",
        request=ClaimRateSerializer,
    )
    @action(detail=True, methods=["post"], filter_backends=[], pagination_class=None)
    def rate(self, request, pk=None):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self.transition("claim_rate", rating=serializer.validated_data["rating"])

    @extend_schema(
        summary="Find tracked claims a sentence repeats",
        description=(
            "Finds the claims a sentence states again, in other words, and the link each "
            "suggests. Candidates come from indexed lookups (the same figure's quantity near "
            "its value, the same actors, the same event, and the wording: full-text on "
            "PostgreSQL), then each is scored 0–1 on stemmed words with a synonym vocabulary, "
            "character trigrams, shared actors and event, and whether the figures agree for the "
            "same days. Figures and relative dates in the text are read by the suggestion "
            "engine against `published`; `actors`, `event`, a figure (`quantity`, `value`, "
            "`bound`) and `about_start`/`about_end` add what the caller knows. `repeat` is true "
            "for a corroborating or same-event-other-figure match above the repeat threshold. "
            "Readers get published claims only."
        ),
        request=ClaimMatchSerializer,
        responses={200: ClaimMatchResultSerializer},
        parameters=[expand_parameter(CLAIM_EXPAND)],
    )
    @action(detail=False, methods=["post"], filter_backends=[], pagination_class=None)
    def match(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        figure = (
            Figure(data["quantity"], data["value"], data["bound"], data["unit"])
            if "quantity" in data
            else None
        )
        probe = probe_statement(
            data["text"],
            published=data.get("published"),
            actors=data.get("actors", ()),
            event=data.get("event"),
            figure=figure,
            about_start=data.get("about_start"),
            about_end=data.get("about_end"),
        )
        found = claims_matching(self.get_queryset(), probe, limit=data["limit"])
        # One list serializer for all the claims: its fields are built once, not per match.
        claims = ClaimSerializer(
            [match.claim for match in found], many=True, context=self.get_serializer_context()
        ).data
        results = [
            {
                "score": match.score,
                "relation": match.relation,
                "repeat": match.repeat,
                "reasons": match.reasons,
                "claim": claim,
            }
            for match, claim in zip(found, claims, strict=True)
        ]
        return Response({"results": results})

    @extend_schema(
        summary="How often and where a claim was repeated",
        description=(
            "The claim and every linked claim stating it again (corroborates, or the same claim "
            "with another figure), with outlets, origins and dates, oldest first; `by_day` "
            "counts the tellings per day. Readers see published claims and links only."
        ),
        responses={200: ClaimRepeatsSerializer},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def repeats(self, request, pk=None):
        claim = self.get_object()
        links = ClaimLink.objects.touching([claim.pk]).with_related()
        if not is_newsroom(request.user):
            links = links.between_published()
        links = links.exclude(from_claim__status=ClaimStatus.REJECTED).exclude(
            to_claim__status=ClaimStatus.REJECTED
        )
        found = claim_repeats(claim, links)
        data = {
            "count": found.count,
            "outlets": found.outlets,
            "independent_origins": found.independent_origins,
            "first": found.first,
            "last": found.last,
            "by_day": [{"date": day, "count": n} for day, n in found.by_day],
            "tellings": found.tellings,
        }
        return Response(ClaimRepeatsSerializer(data).data)

    def _kept(self, name: str, build):
        """A reader's whole-ledger export is kept per ledger clock version (``snapshots``);
        a filtered one, or the newsroom's, is built for the request."""
        if self.request.query_params or is_newsroom(self.request.user):
            return build()
        return kept_export(self.request, name, build)

    def _exported(self):
        return self.filter_queryset(self.get_queryset())

    def _absolute(self):
        return self.request.build_absolute_uri

    @extend_schema(
        summary="Claims as CSV (filters apply)",
        operation_id="v1_claims_export_csv",
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV")},
    )
    @action(detail=False, methods=["get"], url_path=r"export\.csv", pagination_class=None)
    def export_csv(self, request):
        return self._kept("claims-csv", lambda: csv_stream(self._exported(), filename="claims.csv"))

    @extend_schema(
        summary="ClaimReview JSON-LD feed (published, rated claims; filters apply)",
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="A schema.org DataFeed")},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def claimreview(self, request):
        return self._kept("claimreview", self._claimreview)

    def _claimreview(self):
        absolute = self._absolute()
        # Unrated claims have no review; leaving them out of the query saves loading them.
        rated = self._exported().published().exclude(rating="")
        return json_stream(
            json_opening(
                {"@context": "https://schema.org", "@type": "DataFeed"}, "dataFeedElement"
            ),
            mapped(review_claims(rated), lambda claim: claim_review(claim, absolute=absolute)),
            "}",
            content_type=JSONLDRenderer.media_type,
        )

    @extend_schema(
        summary="W3C Web Annotations of the claims (filters apply)",
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT, description="An AnnotationCollection with one page"
            )
        },
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def annotations(self, request):
        return self._kept("annotations", self._annotations)

    def _annotations(self):
        request = self.request
        absolute = self._absolute()
        claims = self._exported()
        collection_id = absolute(request.get_full_path())
        collection = {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": collection_id,
            "type": "AnnotationCollection",
            "label": "Claims of the factcheck ledger",
            "total": claims.count(),
        }
        page = {
            "id": f"{collection_id}#page-1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
        }
        return json_stream(
            json_opening(collection, "first") + json_opening(page, "items"),
            mapped(annotation_claims(claims), lambda claim: claim_annotation(claim, absolute)),
            "}}",
            content_type=JSONLDRenderer.media_type,
        )
