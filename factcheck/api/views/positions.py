"""Positions (an actor's stance on a topic as of a date) and links between claims.

Readers see positions evidenced by at least one published claim, and only that evidence;
links whose two claims are both published.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from factcheck.ledger.models import ClaimLink, Position
from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.services import links, positions

from .. import serializers as s
from ..filters import LinkFilter, PositionFilter
from .base import Creatable, Deletable, Patchable, ServiceResource, expand_parameter

POSITION_EXPAND = ("actor", "topic", "evidence")
LINK_EXPAND = ("from_claim", "to_claim")


@extend_schema_view(
    list=extend_schema(summary="List positions", parameters=[expand_parameter(POSITION_EXPAND)]),
    retrieve=extend_schema(summary="A position", parameters=[expand_parameter(POSITION_EXPAND)]),
    create=extend_schema(summary="Record a position", responses={201: s.PositionSerializer}),
    partial_update=extend_schema(
        summary="Change a position (or override its change, with a reason)",
        responses={200: s.PositionSerializer},
    ),
    destroy=extend_schema(summary="Delete a position"),
)
class PositionViewSet(Creatable, Patchable, Deletable, ServiceResource):
    """Stances over time; `change` compares each with the actor's previous one on the topic."""

    serializer_class = s.PositionSerializer
    write_serializers = {
        "create": s.PositionWriteSerializer,
        "partial_update": s.PositionUpdateSerializer,
    }
    write_permissions = {
        "create": "ledger.add_position",
        "partial_update": "ledger.change_position",
        "destroy": "ledger.delete_position",
    }
    filterset_class = PositionFilter
    ordering_fields = ["id", "as_of", "actor", "topic"]
    expandable = POSITION_EXPAND

    def get_queryset(self):
        return Position.objects.with_related().visible_to(self.request.user)

    def service_create(self, data):
        return positions.position_record(user=self.request.user, **data)

    def service_update(self, instance, data):
        data = dict(data)
        override = {k: data.pop(k) for k in ("change_override", "override_reason") if k in data}
        position = positions.position_update(position=instance, user=self.request.user, **data)
        if override:
            position = positions.position_override(
                position=position,
                user=self.request.user,
                change=override.get("change_override", position.change_override),
                reason=override.get("override_reason", position.override_reason),
            )
        return position

    def service_delete(self, instance):
        positions.position_delete(position=instance, user=self.request.user)


@extend_schema_view(
    list=extend_schema(summary="List claim links", parameters=[expand_parameter(LINK_EXPAND)]),
    retrieve=extend_schema(summary="A claim link", parameters=[expand_parameter(LINK_EXPAND)]),
    create=extend_schema(summary="Link two claims", responses={201: s.LinkSerializer}),
    partial_update=extend_schema(
        summary="Change a link's relation or note", responses={200: s.LinkSerializer}
    ),
    destroy=extend_schema(summary="Delete a link"),
)
class LinkViewSet(Creatable, Patchable, Deletable, ServiceResource):
    """An editor's judgement between two claims: corroborates, contradicts…"""

    serializer_class = s.LinkSerializer
    write_serializers = {"create": s.LinkWriteSerializer, "partial_update": s.LinkUpdateSerializer}
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
