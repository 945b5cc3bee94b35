"""Claims: the brief form, the list and detail (figures, corroboration), what an editor sends,
the workflow's rating, and the sentence lookup."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from factcheck.ledger.choices import (
    Bound,
    ClaimKind,
    ClaimStatus,
    CorroborationStatus,
    LinkRelation,
    Rating,
)
from factcheck.ledger.models import Actor, Article, Claim, Event, Measurement, Topic

from .actors import ActorBriefSerializer
from .articles import ArticleBriefSerializer
from .events import EventBriefSerializer
from .fields import TEXT_MAX, ApiUrlField, EnumField, Expandable, FigureField, InputSerializer
from .topics import TopicBriefSerializer


class ClaimBriefSerializer(serializers.ModelSerializer):
    status = EnumField(ClaimStatus.choices, enum_name="ClaimStatus", read_only=True)
    quote = serializers.CharField(source="exact", read_only=True)

    class Meta:
        model = Claim
        fields = ["id", "article", "quote", "summary", "status"]


class MeasurementSerializer(serializers.ModelSerializer):
    value = FigureField()

    class Meta:
        model = Measurement
        fields = ["quantity", "value", "bound", "text", "unit"]


class MeasurementWriteSerializer(InputSerializer):
    quantity = serializers.CharField(max_length=60)
    value = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=Decimal(0))
    bound = serializers.ChoiceField(choices=Bound.choices, default=Bound.EXACT)
    text = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    unit = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")


class CorroborationSerializer(serializers.Serializer):
    status = EnumField(
        CorroborationStatus.choices, enum_name="CorroborationStatus", source="corroboration"
    )
    independent_origins = serializers.IntegerField()


class ClaimSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:claim-detail")
    article = Expandable(ArticleBriefSerializer)
    quote = serializers.CharField(source="exact", read_only=True, help_text="The exact span.")
    claimant = Expandable(
        ActorBriefSerializer, allow_null=True, help_text="Who asserts it (null: the outlet)."
    )
    subjects = Expandable(ActorBriefSerializer, many=True, help_text="Whom it is about.")
    event = Expandable(EventBriefSerializer, allow_null=True)
    topic = Expandable(TopicBriefSerializer, allow_null=True)
    kind = EnumField(ClaimKind.choices, enum_name="ClaimKind", read_only=True)
    status = EnumField(ClaimStatus.choices, enum_name="ClaimStatus", read_only=True)
    rating = EnumField(Rating.choices, enum_name="Rating", read_only=True)
    measurements = MeasurementSerializer(many=True, read_only=True)
    corroboration = CorroborationSerializer(source="*", read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "url",
            "article",
            "quote",
            "prefix",
            "suffix",
            "start",
            "end",
            "summary",
            "kind",
            "claimant",
            "claimant_label",
            "subjects",
            "event",
            "topic",
            "status",
            "rating",
            "measurements",
            "corroboration",
            "about_start",
            "about_end",
            "version",
            "published_at",
            "updated_at",
        ]


class ClaimWriteSerializer(InputSerializer):
    """What an editor sends to create a claim (PATCH sends any subset)."""

    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all())
    start = serializers.IntegerField(
        min_value=0,
        max_value=10_000_000,
        required=False,
        help_text="Offset of the span's first character (or give `quote`).",
    )
    end = serializers.IntegerField(
        min_value=1,
        max_value=10_000_000,
        required=False,
        help_text="Offset just after the span's last character.",
    )
    quote = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=TEXT_MAX,
        help_text="The exact span; without start and end it is looked up in the article text.",
    )
    claimant = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), allow_null=True, required=False
    )
    claimant_label = serializers.CharField(max_length=200, required=False, allow_blank=True)
    subjects = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), many=True, required=False
    )
    event = serializers.PrimaryKeyRelatedField(
        queryset=Event.objects.all(), allow_null=True, required=False
    )
    topic = serializers.PrimaryKeyRelatedField(
        queryset=Topic.objects.all(), allow_null=True, required=False
    )
    kind = EnumField(ClaimKind.choices, enum_name="ClaimKind", required=False)
    summary = serializers.CharField(max_length=300, required=False, allow_blank=True)
    about_start = serializers.DateField(required=False, allow_null=True)
    about_end = serializers.DateField(required=False, allow_null=True)
    measurements = MeasurementWriteSerializer(many=True, required=False)
    status = EnumField(
        [ClaimStatus.SUGGESTED, ClaimStatus.DRAFT],
        enum_name="NewClaimStatus",
        required=False,
        help_text="A new claim starts as a draft (or a suggestion); the workflow actions move it.",
    )

    def validate(self, attrs):
        start, end = attrs.get("start"), attrs.get("end")
        if start is not None and end is not None and start >= end:
            raise serializers.ValidationError({"end": "The end must come after the start."})
        about_start, about_end = attrs.get("about_start"), attrs.get("about_end")
        if about_start and about_end and about_end < about_start:
            raise serializers.ValidationError({"about_end": "The end precedes the start."})
        return attrs


class ClaimUpdateSerializer(ClaimWriteSerializer):
    """PATCH: any field of a claim but its article (a claim never moves to another article)."""

    article = None
    status = None


class ClaimRateSerializer(InputSerializer):
    rating = EnumField(Rating.choices, enum_name="Rating")


class ClaimMatchSerializer(InputSerializer):
    text = serializers.CharField(max_length=5000, help_text="A sentence to look up.")
    limit = serializers.IntegerField(min_value=1, max_value=50, default=10)
    actors = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(),
        many=True,
        required=False,
        help_text="Actors the sentence is about or quotes (ids), besides those named in it.",
    )
    event = serializers.PrimaryKeyRelatedField(
        queryset=Event.objects.all(),
        required=False,
        allow_null=True,
        help_text="The event the sentence reports (id).",
    )
    quantity = serializers.CharField(
        max_length=60, required=False, help_text="What a figure counts (drones, people_injured…)."
    )
    value = FigureField(min_value=Decimal(0), required=False, help_text="The figure's value.")
    bound = EnumField(Bound.choices, enum_name="Bound", required=False, default=Bound.EXACT)
    unit = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    about_start = serializers.DateField(
        required=False, help_text="First day the sentence is about (e.g. the night's first day)."
    )
    about_end = serializers.DateField(required=False, help_text="Last day the sentence is about.")
    published = serializers.DateField(
        required=False,
        help_text="When the sentence was published: relative dates in it (“overnight”) are "
        "read from this day. Default: today.",
    )

    def validate(self, attrs):
        if ("quantity" in attrs) != ("value" in attrs):
            raise serializers.ValidationError(
                {"value": "Give a figure's quantity and value together."}
            )
        start, end = attrs.get("about_start"), attrs.get("about_end")
        if end and not start:
            raise serializers.ValidationError({"about_start": "Give the first day too."})
        if start and end and end < start:
            raise serializers.ValidationError({"about_end": "The end precedes the start."})
        return attrs


class ClaimMatchItemSerializer(serializers.Serializer):
    score = serializers.FloatField(
        help_text="0 to 1: how surely the claim says what the sentence says (wording, actors, "
        "event, figures)."
    )
    relation = EnumField(
        LinkRelation.choices,
        enum_name="LinkRelation",
        help_text="The link the match suggests: corroborates (same claim), contradicts (says "
        "the opposite), same_event_different_figure, different_event (same quantity, other days).",
    )
    repeat = serializers.BooleanField(
        help_text="Whether the sentence repeats the claim: the score reaches the repeat "
        "threshold and the relation is corroborates or same_event_different_figure."
    )
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text="Why, in words, as editors see them."
    )
    claim = ClaimSerializer()


class ClaimMatchResultSerializer(serializers.Serializer):
    results = ClaimMatchItemSerializer(many=True)


class ClaimTellingSerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim.pk", help_text="The claim telling it.")
    outlet = serializers.CharField(help_text="The outlet that published it.")
    wire_agency = serializers.CharField(help_text="The agency whose copy it was, if any.")
    published = serializers.DateField(help_text="When its article was published.")
    relation = serializers.CharField(
        help_text="How it relates to the claim: corroborates, same_event_different_figure, "
        "or empty for the claim itself."
    )


class ClaimRepeatsDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    count = serializers.IntegerField()


class ClaimRepeatsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many times it was told, this claim included.")
    outlets = serializers.ListField(child=serializers.CharField())
    independent_origins = serializers.IntegerField(
        help_text="Distinct origins (wire agency, else outlet) among the tellings."
    )
    first = serializers.DateField(allow_null=True)
    last = serializers.DateField(allow_null=True)
    by_day = ClaimRepeatsDaySerializer(many=True)
    tellings = ClaimTellingSerializer(many=True, help_text="Oldest first.")
