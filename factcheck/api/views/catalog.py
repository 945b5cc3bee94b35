"""Actors, events and topics: reference data every reader may see."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from factcheck.ledger.models import Actor, Event, Topic
from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.reports.timelines import actor_positions, topic_timeline
from factcheck.ledger.services.catalog import (
    actor_create,
    actor_update,
    catalog_update,
    event_create,
    topic_create,
)

from .. import serializers as s
from ..filters import ActorFilter, EventFilter, TopicFilter
from .base import Creatable, Patchable, ServiceResource, expand_parameter
from .figures import figures_for


@extend_schema_view(
    list=extend_schema(summary="List actors"),
    retrieve=extend_schema(summary="An actor"),
    create=extend_schema(summary="Create an actor", responses={201: s.ActorSerializer}),
    partial_update=extend_schema(
        summary="Change an actor (aliases are added)", responses={200: s.ActorSerializer}
    ),
)
class ActorViewSet(Creatable, Patchable, ServiceResource):
    """People, governments, delegations, organisations and armed forces, with their aliases."""

    serializer_class = s.ActorSerializer
    write_serializers = {"create": s.ActorWriteSerializer, "partial_update": s.ActorWriteSerializer}
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
        responses={200: s.ActorPositionsSerializer},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def positions(self, request, pk=None):
        """Per topic, the actor's positions in date order (published evidence for readers)."""
        actor = self.get_object()
        tracks = actor_positions(actor=actor, user=request.user)
        data = s.ActorPositionsSerializer(
            {"actor": actor, "tracks": tracks}, context=self.get_serializer_context()
        ).data
        return Response(data)


EVENT_EXPAND = ("series", "participants")


@extend_schema_view(
    list=extend_schema(summary="List events", parameters=[expand_parameter(EVENT_EXPAND)]),
    retrieve=extend_schema(
        summary="An event with its figures", parameters=[expand_parameter(EVENT_EXPAND)]
    ),
    create=extend_schema(summary="Create an event", responses={201: s.EventDetailSerializer}),
    partial_update=extend_schema(
        summary="Change an event", responses={200: s.EventDetailSerializer}
    ),
)
class EventViewSet(Creatable, Patchable, ServiceResource):
    """Talks, strikes, exchanges, calls… The detail adds the figures every source reported."""

    serializer_class = s.EventSerializer
    detail_serializer_class = s.EventDetailSerializer
    write_serializers = {"create": s.EventWriteSerializer, "partial_update": s.EventWriteSerializer}
    write_permissions = {"create": "ledger.add_event", "partial_update": "ledger.change_event"}
    filterset_class = EventFilter
    ordering_fields = ["id", "start", "name"]
    expandable = EVENT_EXPAND

    def get_queryset(self):
        return Event.objects.with_related()

    def detail_response(self, instance, status=200, **context):
        # Every detail (read, create, change) shows the figures this caller may see.
        published_only = not is_newsroom(self.request.user)
        context.setdefault("figures", figures_for(instance, published_only=published_only))
        return super().detail_response(instance, status, **context)

    def retrieve(self, request, *args, **kwargs):
        return self.detail_response(self.get_object())

    def service_create(self, data):
        return event_create(**data)

    def service_update(self, instance, data):
        return catalog_update(obj=instance, user=self.request.user, **data)


@extend_schema_view(
    list=extend_schema(summary="List topics"),
    retrieve=extend_schema(summary="A topic"),
    create=extend_schema(summary="Create a topic", responses={201: s.TopicSerializer}),
    partial_update=extend_schema(summary="Reword a topic", responses={200: s.TopicSerializer}),
)
class TopicViewSet(Creatable, Patchable, ServiceResource):
    """Contested questions phrased as propositions actors support or oppose."""

    serializer_class = s.TopicSerializer
    write_serializers = {"create": s.TopicWriteSerializer, "partial_update": s.TopicWriteSerializer}
    write_permissions = {"create": "ledger.add_topic", "partial_update": "ledger.change_topic"}
    filterset_class = TopicFilter
    ordering_fields = ["id", "title"]

    def get_queryset(self):
        return Topic.objects.all()

    def service_create(self, data):
        return topic_create(**data)

    def service_update(self, instance, data):
        return catalog_update(obj=instance, user=self.request.user, **data)

    @extend_schema(
        summary="Every actor's stance on the topic over time",
        responses={200: s.TopicTimelineSerializer},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def timeline(self, request, pk=None):
        """Per actor, their positions on the topic in date order, each with its change."""
        topic = self.get_object()
        tracks = topic_timeline(topic=topic, user=request.user)
        data = s.TopicTimelineSerializer(
            {"topic": topic, "tracks": tracks}, context=self.get_serializer_context()
        ).data
        return Response(data)
