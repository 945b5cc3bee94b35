"""Articles: reference data. Readers see the current revision of each origin; the newsroom
sees every revision. Editors import new text through the same importer as the command."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from factcheck.ledger.models import Article
from factcheck.ledger.services.articles import article_import

from ..filters import ArticleFilter
from ..parsers import ImportFormParser, ImportJSONParser, ImportMultiPartParser
from ..serializers.articles import (
    ArticleDetailSerializer,
    ArticleImportResultSerializer,
    ArticleImportSerializer,
    ArticleSerializer,
)
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
        """The file's bytes (or the text, UTF-8) go through the command's importer."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("file"):
            upload = data["file"]
            raw, origin = upload.read(), data.get("origin") or upload.name
        else:
            raw, origin = data["text"].encode("utf-8"), data["origin"]
        result = article_import(data=raw, origin=origin, source_name=data.get("source", ""))
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
