"""Actors: people, governments, delegations… every reader may see; editors add and change."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from factcheck.ledger.models import Actor
from factcheck.ledger.reports.timelines import actor_positions
from factcheck.ledger.services.catalog import actor_create, actor_update

from ..filters import ActorFilter
from ..serializers.actors import ActorSerializer, ActorWriteSerializer
from ..serializers.positions import ActorPositionsSerializer
from .base import Creatable, Patchable, ServiceResource


@extend_schema_view(
    list=extend_schema(summary="List actors"),
    retrieve=extend_schema(summary="An actor"),
    create=extend_schema(summary="Create an actor", responses={201: ActorSerializer}),
    partial_update=extend_schema(
        summary="Change an actor (aliases are added)", responses={200: ActorSerializer}
    ),
)
class ActorViewSet(Creatable, Patchable, ServiceResource):
    """People, governments, delegations, organisations and armed forces, with their aliases."""

    serializer_class = ActorSerializer
    write_serializers = {"create": ActorWriteSerializer, "partial_update": ActorWriteSerializer}
    write_permissions = {"create": "ledger.add_actor", "partial_update": "ledger.change_actor"}
    filterset_class = ActorFilter
    ordering_fields = ["id", "name", "kind"]

    def get_queryset(self):
        return Actor.objects.with_related()

    def service_create(self, data):
        return actor_create(**data)

    def service_update(self, instance, data):
        return actor_update(actor=instance, **data)

    @extend_schema(
        summary="An actor's positions on every topic",
        responses={200: ActorPositionsSerializer},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def positions(self, request, pk=None):
        """Per topic, the actor's positions in date order (published evidence for readers)."""
        actor = self.get_object()
        tracks = actor_positions(actor=actor, user=request.user)
        data = ActorPositionsSerializer(
            {"actor": actor, "tracks": tracks}, context=self.get_serializer_context()
        ).data
        return Response(data)
