"""Events: talks, strikes, exchanges… every reader may see; the detail adds their figures."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from factcheck.ledger.models import Event
from factcheck.ledger.permissions import is_newsroom
from factcheck.ledger.reports.event_figures import event_figures
from factcheck.ledger.services.catalog import catalog_update, event_create

from ..filters import EventFilter
from ..serializers.events import EventDetailSerializer, EventSerializer, EventWriteSerializer
from .base import Creatable, Patchable, ServiceResource, expand_parameter

EVENT_EXPAND = ("series", "participants")


@extend_schema_view(
    list=extend_schema(summary="List events", parameters=[expand_parameter(EVENT_EXPAND)]),
    retrieve=extend_schema(
        summary="An event with its figures", parameters=[expand_parameter(EVENT_EXPAND)]
    ),
    create=extend_schema(summary="Create an event", responses={201: EventDetailSerializer}),
    partial_update=extend_schema(summary="Change an event", responses={200: EventDetailSerializer}),
)
class EventViewSet(Creatable, Patchable, ServiceResource):
    """Talks, strikes, exchanges, calls… The detail adds the figures every source reported."""

    serializer_class = EventSerializer
    detail_serializer_class = EventDetailSerializer
    write_serializers = {"create": EventWriteSerializer, "partial_update": EventWriteSerializer}
    write_permissions = {"create": "ledger.add_event", "partial_update": "ledger.change_event"}
    filterset_class = EventFilter
    ordering_fields = ["id", "start", "name"]
    expandable = EVENT_EXPAND

    def get_queryset(self):
        return Event.objects.with_related()

    def detail_context(self, instance) -> dict:
        # Every detail (read, create, change) and its ETag show the figures this caller may see.
        published_only = not is_newsroom(self.request.user)
        return {"figures": event_figures(event=instance, published_only=published_only)}

    def service_create(self, data):
        return event_create(**data)

    def service_update(self, instance, data):
        return catalog_update(obj=instance, user=self.request.user, **data)
