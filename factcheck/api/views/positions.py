"""Positions: an actor's stance on a topic as of a date.

Readers see positions evidenced by at least one published claim, and only that evidence.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from factcheck.ledger.models import Position
from factcheck.ledger.services import positions

from ..filters import PositionFilter
from ..serializers.positions import (
    PositionSerializer,
    PositionUpdateSerializer,
    PositionWriteSerializer,
)
from .base import Creatable, Deletable, Patchable, ServiceResource, expand_parameter

POSITION_EXPAND = ("actor", "topic", "evidence")


@extend_schema_view(
    list=extend_schema(summary="List positions", parameters=[expand_parameter(POSITION_EXPAND)]),
    retrieve=extend_schema(summary="A position", parameters=[expand_parameter(POSITION_EXPAND)]),
    create=extend_schema(summary="Record a position", responses={201: PositionSerializer}),
    partial_update=extend_schema(
        summary="Change a position (or override its change, with a reason)",
        responses={200: PositionSerializer},
    ),
    destroy=extend_schema(summary="Delete a position"),
)
class PositionViewSet(Creatable, Patchable, Deletable, ServiceResource):
    """Stances over time; `change` compares each with the actor's previous one on the topic."""

    serializer_class = PositionSerializer
    write_serializers = {
        "create": PositionWriteSerializer,
        "partial_update": PositionUpdateSerializer,
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
