"""Topics: contested questions every reader may see, with every actor's stance over time."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from factcheck.ledger.models import Topic
from factcheck.ledger.reports.timelines import topic_timeline
from factcheck.ledger.services.catalog import catalog_update, topic_create

from ..filters import TopicFilter
from ..serializers.positions import TopicTimelineSerializer
from ..serializers.topics import TopicSerializer, TopicWriteSerializer
from .base import Creatable, Patchable, ServiceResource


@extend_schema_view(
    list=extend_schema(summary="List topics"),
    retrieve=extend_schema(summary="A topic"),
    create=extend_schema(summary="Create a topic", responses={201: TopicSerializer}),
    partial_update=extend_schema(summary="Reword a topic", responses={200: TopicSerializer}),
)
class TopicViewSet(Creatable, Patchable, ServiceResource):
    """Contested questions phrased as propositions actors support or oppose."""

    serializer_class = TopicSerializer
    write_serializers = {"create": TopicWriteSerializer, "partial_update": TopicWriteSerializer}
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
        responses={200: TopicTimelineSerializer},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def timeline(self, request, pk=None):
        """Per actor, their positions on the topic in date order, each with its change."""
        topic = self.get_object()
        tracks = topic_timeline(topic=topic, user=request.user)
        data = TopicTimelineSerializer(
            {"topic": topic, "tracks": tracks}, context=self.get_serializer_context()
        ).data
        return Response(data)
