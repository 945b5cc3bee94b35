"""Claim links: an editor's judgement between two claims.

Readers see links whose two claims are both published.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from factcheck.ledger.models import ClaimLink
from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.services import links

from ..filters import LinkFilter
from ..serializers.links import LinkSerializer, LinkUpdateSerializer, LinkWriteSerializer
from .base import Creatable, Deletable, Patchable, ServiceResource, expand_parameter

LINK_EXPAND = ("from_claim", "to_claim")


@extend_schema_view(
    list=extend_schema(summary="List claim links", parameters=[expand_parameter(LINK_EXPAND)]),
    retrieve=extend_schema(summary="A claim link", parameters=[expand_parameter(LINK_EXPAND)]),
    create=extend_schema(summary="Link two claims", responses={201: LinkSerializer}),
    partial_update=extend_schema(
        summary="Change a link's relation or note", responses={200: LinkSerializer}
    ),
    destroy=extend_schema(summary="Delete a link"),
)
class LinkViewSet(Creatable, Patchable, Deletable, ServiceResource):
    """An editor's judgement between two claims: corroborates, contradicts…"""

    serializer_class = LinkSerializer
    write_serializers = {"create": LinkWriteSerializer, "partial_update": LinkUpdateSerializer}
    write_permissions = {
        "create": "ledger.add_claimlink",
        "partial_update": "ledger.change_claimlink",
        "destroy": "ledger.delete_claimlink",
    }
    filterset_class = LinkFilter
    ordering_fields = ["id", "created_at", "relation"]
    expandable = LINK_EXPAND

    def get_queryset(self):
        queryset = ClaimLink.objects.with_related()
        return queryset if is_newsroom(self.request.user) else queryset.between_published()

    def service_create(self, data):
        return links.link_create(user=self.request.user, **data)

    def service_update(self, instance, data):
        return links.link_update(link=instance, user=self.request.user, **data)

    def service_delete(self, instance):
        links.link_delete(link=instance, user=self.request.user)
