"""Positions: the list and detail, what an editor sends, and the tracks (an actor's positions
on one topic over time) that an actor's positions and a topic's timeline are made of."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.ledger.choices import Attribution, PositionChange, Stance
from factcheck.ledger.models import Actor, Claim, Position, Topic

from .actors import ActorBriefSerializer
from .claims import ClaimBriefSerializer
from .fields import TEXT_MAX, ApiUrlField, Expandable, InputSerializer, VisibleClaims
from .topics import TopicBriefSerializer, TopicSerializer


class PositionSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:position-detail")
    actor = Expandable(ActorBriefSerializer)
    topic = Expandable(TopicBriefSerializer)
    evidence = VisibleClaims(
        ClaimBriefSerializer,
        many=True,
        help_text="The claims that show the stance (published ones for readers).",
    )

    class Meta:
        model = Position
        fields = [
            "id",
            "url",
            "actor",
            "topic",
            "stance",
            "strength",
            "conditions",
            "attribution",
            "as_of",
            "change",
            "computed_change",
            "change_override",
            "override_reason",
            "evidence",
        ]


class PositionWriteSerializer(InputSerializer):
    actor = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all())
    topic = serializers.PrimaryKeyRelatedField(queryset=Topic.objects.all())
    as_of = serializers.DateField()
    stance = serializers.ChoiceField(choices=Stance.choices)
    strength = serializers.IntegerField(min_value=1, max_value=3, default=2)
    conditions = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=TEXT_MAX
    )
    attribution = serializers.ChoiceField(choices=Attribution.choices, default=Attribution.OWN)
    evidence = serializers.PrimaryKeyRelatedField(
        queryset=Claim.objects.all(), many=True, required=False, default=list
    )


class PositionUpdateSerializer(PositionWriteSerializer):
    change_override = serializers.ChoiceField(
        choices=[("", "No override"), *PositionChange.choices], required=False
    )
    override_reason = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)


class TrackSerializer(serializers.Serializer):
    """One actor's positions on one topic, oldest first."""

    actor = ActorBriefSerializer()
    topic = TopicBriefSerializer()
    positions = PositionSerializer(many=True, source="steps")


class TopicTimelineSerializer(serializers.Serializer):
    topic = TopicSerializer()
    tracks = TrackSerializer(many=True, help_text="One per actor, by actor name.")


class ActorPositionsSerializer(serializers.Serializer):
    actor = ActorBriefSerializer()
    tracks = TrackSerializer(many=True, help_text="One per topic, by topic title.")
