"""Articles: reference data. Readers see the current revision of each origin; the newsroom
sees every revision. Editors import new text through the same importer as the command."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from factcheck.ingest.feeds import looks_like_feed
from factcheck.ledger.models import Article
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.jobs import ImportTarget, import_job_create, targets_from_file
from factcheck.ledger.tasks import job_start_on_commit

from ..filters import ArticleFilter
from ..parsers import ImportFormParser, ImportJSONParser, ImportMultiPartParser
from ..serializers.articles import (
    ArticleDetailSerializer,
    ArticleImportResultSerializer,
    ArticleImportSerializer,
    ArticleSerializer,
)
from ..serializers.jobs import ImportJobSerializer
from .base import ReadOnlyResource


@extend_schema_view(
    list=extend_schema(summary="List articles"),
    retrieve=extend_schema(summary="An article with its body"),
)
class ArticleViewSet(ReadOnlyResource):
    """Imported texts; the detail adds the body the claims point into.

    Readers see the current revision of each origin; newsroom staff see every revision.
    """

    serializer_class = ArticleSerializer
    detail_serializer_class = ArticleDetailSerializer
    write_serializers = {"import_article": ArticleImportSerializer}
    write_permissions = {"import_article": "ledger.add_article"}
    filterset_class = ArticleFilter
    ordering_fields = ["id", "published", "title"]

    def get_queryset(self):
        return Article.objects.select_related("source").visible_to(self.request.user)

    @extend_schema(
        summary="Import an article (text or file)",
        request={
            "multipart/form-data": ArticleImportSerializer,
            "application/json": ArticleImportSerializer,
        },
        responses={
            201: OpenApiResponse(ArticleImportResultSerializer, description="Imported."),
            200: OpenApiResponse(
                ArticleImportResultSerializer,
                description="Unchanged: the same text is already in the ledger.",
            ),
            202: OpenApiResponse(
                ImportJobSerializer,
                description="Accepted as a job: a URL, a feed or a list of ninjs items is "
                "imported in the background; `Location` (and `url`) is the job to follow.",
            ),
            400: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Rejected: an import result with `status` `rejected` and the "
                "`reason`; or invalid input (field names map to messages).",
            ),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[ImportMultiPartParser, ImportFormParser, ImportJSONParser],
        filter_backends=[],
        pagination_class=None,
    )
    def import_article(self, request):
        """One article (a file or the text) is imported at once; a URL, a feed or a ninjs list
        becomes a job (202) imported in the background."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        source_name = data.get("source", "")
        content_type = ""
        if data.get("url"):
            targets = [ImportTarget(target=data["url"])]
            return self.job_accepted(targets, label=data["url"], source_name=source_name)
        if data.get("file"):
            upload = data["file"]
            raw, origin = upload.read(), data.get("origin") or upload.name
            content_type = upload.content_type or ""
            targets = targets_from_file(data=raw, name=origin, content_type=content_type)
            if len(targets) > 1 or looks_like_feed(raw[:4096]):
                return self.job_accepted(targets, label=origin, source_name=source_name)
        else:
            raw, origin = data["text"].encode("utf-8"), data["origin"]
        result = article_import(
            data=raw, origin=origin, source_name=source_name, content_type=content_type
        )
        body = {
            "status": result.status,
            "article": (
                ArticleSerializer(result.article, context=self.get_serializer_context()).data
                if result.article is not None
                else None
            ),
            "reason": result.reason,
            "warnings": list(result.warnings),
        }
        code = {"imported": 201, "unchanged": 200}.get(result.status, 400)
        return Response(body, status=code)

    def job_accepted(self, targets, *, label: str, source_name: str) -> Response:
        job = import_job_create(
            targets=targets, label=label, source_name=source_name, user=self.request.user
        )
        job_start_on_commit(job)
        body = ImportJobSerializer(job, context=self.get_serializer_context()).data
        return Response(body, status=202, headers={"Location": body["url"]})
