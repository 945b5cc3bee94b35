"""Import jobs: what a 202 from the article import points to, followed until it is done."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.permissions import BasePermission

from factcheck.ledger.models import Article, ImportJob
from factcheck.ledger.permissions import can_write

from ..serializers.jobs import ImportJobSerializer
from .base import ApiViewSet


class MayImport(BasePermission):
    """Jobs are the newsroom's work in progress: only those who may import see them."""

    message = "Only newsroom editors who may import articles see import jobs."

    def has_permission(self, request, view) -> bool:
        return can_write(request.user, Article, "add")


@extend_schema_view(
    retrieve=extend_schema(summary="An import job: progress, totals and each item's result"),
)
class ImportJobViewSet(mixins.RetrieveModelMixin, ApiViewSet):
    """Progress n of m, the totals, and each item's result line as it happens."""

    serializer_class = ImportJobSerializer
    permission_classes = [MayImport]
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return ImportJob.objects.all()
