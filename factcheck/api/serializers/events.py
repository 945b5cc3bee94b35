"""Events: the brief forms (an event, its series), the list, the detail with its figures, and
what an editor sends."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.ledger.choices import Bound, DatePrecision, EventKind
from factcheck.ledger.models import Actor, Event, Series

from .actors import ActorBriefSerializer
from .fields import TEXT_MAX, ApiUrlField, EnumField, Expandable, FigureField, InputSerializer


class SeriesBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Series
        fields = ["id", "name"]


class EventBriefSerializer(serializers.ModelSerializer):
    kind = EnumField(EventKind.choices, enum_name="EventKind", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "name", "kind", "start", "end", "precision", "series"]


class EventSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:event-detail")
    kind = EnumField(EventKind.choices, enum_name="EventKind", read_only=True)
    series = Expandable(SeriesBriefSerializer, allow_null=True)
    participants = Expandable(ActorBriefSerializer, many=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "url",
            "name",
            "kind",
            "start",
            "end",
            "precision",
            "series",
            "participants",
            "place",
            "parent",
            "description",
        ]


# Figures serialize the corroboration service's reports (event_figures) as they are.
class FigureReportSerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim.pk")
    value = FigureField()
    bound = serializers.ChoiceField(choices=Bound.choices)
    text = serializers.CharField(allow_blank=True)
    source = serializers.CharField(help_text="The outlet.")
    wire_agency = serializers.CharField(allow_blank=True)


class FigureSerializer(serializers.Serializer):
    quantity = serializers.CharField(help_text="What is counted: drones, missiles…")
    unit = serializers.CharField(allow_blank=True)
    agree = serializers.BooleanField(
        help_text="Whether the reports' intervals (from value and bound) all overlap."
    )
    reports = FigureReportSerializer(many=True)


class EventDetailSerializer(EventSerializer):
    figures = serializers.SerializerMethodField(
        help_text="Per counted quantity, every report (published claims for readers) and "
        "whether they agree."
    )

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "figures"]

    @extend_schema_field(FigureSerializer(many=True))
    def get_figures(self, event) -> list[dict]:
        return figure_rows(self.context.get("figures") or [])


_figure = FigureField().to_representation


def figure_rows(figures) -> list[dict]:
    """``FigureSerializer(figures, many=True).data``, written directly: the busiest event has
    hundreds of reports, and a serializer field call per value cost milliseconds."""
    return [
        {
            "quantity": group.quantity,
            "unit": group.unit,
            "agree": group.agree,
            "reports": [
                {
                    "claim": report.claim.pk,
                    "value": _figure(report.value),
                    "bound": report.bound,
                    "text": report.text,
                    "source": report.source,
                    "wire_agency": report.wire_agency,
                }
                for report in group.reports
            ],
        }
        for group in figures
    ]


class EventWriteSerializer(InputSerializer):
    name = serializers.CharField(max_length=300)
    kind = EnumField(EventKind.choices, enum_name="EventKind", default=EventKind.OTHER)
    start = serializers.DateField()
    end = serializers.DateField(required=False, allow_null=True)
    precision = serializers.ChoiceField(choices=DatePrecision.choices, default=DatePrecision.DAY)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True)
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Event.objects.all(), allow_null=True, required=False
    )
    series = serializers.PrimaryKeyRelatedField(
        queryset=Series.objects.all(), allow_null=True, required=False
    )
    participants = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), many=True, required=False
    )
    description = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)
