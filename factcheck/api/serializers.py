"""Serializers shape data; the services hold the rules.

Read serializers give related records as ids; `?expand=name,…` inlines them from what the
views' `with_related()` querysets already loaded, so expansion costs no query per row. Write
serializers only check the shape of the input and resolve ids; views pass the result to the
ledger services.
"""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.ledger.choices import (
    ActorKind,
    Attribution,
    Bound,
    ClaimKind,
    ClaimStatus,
    CorroborationStatus,
    DatePrecision,
    EventKind,
    LinkRelation,
    PositionChange,
    Rating,
    Stance,
)
from factcheck.ledger.models import (
    Actor,
    Article,
    Claim,
    ClaimLink,
    Event,
    Measurement,
    Position,
    Series,
    Topic,
)
from factcheck.ledger.permissions import is_newsroom

TEXT_MAX = 10_000
"""The longest free text (a note, conditions, a description) an API write may carry."""


class Expandable(serializers.Field):
    """A related record as its id, or inline (`brief` serializer) when asked for by ?expand=."""

    def __init__(self, brief, *, many: bool = False, **kwargs):
        self.brief = brief
        self.many = many
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        if self.field_name in self.context.get("expand", ()):
            items = list(value.all()) if self.many else value
            return self.brief(items, many=self.many, context=self.context).data
        if self.many:
            return [item.pk for item in value.all()]
        return value.pk


class EnumField(serializers.ChoiceField):
    """A choice field documented as a named enum component (`ActorKind`, `ClaimStatus`…)."""

    def __init__(self, choices, *, enum_name: str, **kwargs):
        self.enum_name = enum_name
        super().__init__(choices=choices, **kwargs)


@extend_schema_field(OpenApiTypes.NUMBER)
class FigureField(serializers.DecimalField):
    """A number in JSON: 400, not "400.00"."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=14, decimal_places=2, **kwargs)

    def to_representation(self, value):
        value = Decimal(value)
        return int(value) if value == value.to_integral_value() else float(value)


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The record's URL in the API."""

    def __init__(self, route: str, **kwargs):
        self.route = route
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        path = reverse(self.route, args=[value.pk])
        return _absolute(self.context.get("request"), path)


class VisibleClaims(Expandable):
    """Claims as ids (or inline), published ones only unless the caller is newsroom staff."""

    def to_representation(self, value):
        request = self.context.get("request")
        everything = request is not None and is_newsroom(request.user)
        claims = [c for c in value.all() if everything or c.status == ClaimStatus.PUBLISHED]
        if self.field_name in self.context.get("expand", ()):
            return self.brief(claims, many=True, context=self.context).data
        return [claim.pk for claim in claims]


# ---- brief forms, used inline by ?expand= -------------------------------------------------


class ActorBriefSerializer(serializers.ModelSerializer):
    kind = EnumField(ActorKind.choices, enum_name="ActorKind", read_only=True)

    class Meta:
        model = Actor
        fields = ["id", "name", "kind"]


class TopicBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "title"]


class SeriesBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Series
        fields = ["id", "name"]


class EventBriefSerializer(serializers.ModelSerializer):
    kind = EnumField(EventKind.choices, enum_name="EventKind", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "name", "kind", "start", "end", "precision", "series"]


class ArticleBriefSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name", read_only=True, help_text="The outlet.")

    class Meta:
        model = Article
        fields = ["id", "title", "source", "published", "wire_agency"]


class ClaimBriefSerializer(serializers.ModelSerializer):
    status = EnumField(ClaimStatus.choices, enum_name="ClaimStatus", read_only=True)
    quote = serializers.CharField(source="exact", read_only=True)

    class Meta:
        model = Claim
        fields = ["id", "article", "quote", "summary", "status"]


# ---- articles ----------------------------------------------------------------------------


class ArticleSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:article-detail")
    source = serializers.CharField(source="source.name", read_only=True, help_text="The outlet.")

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "source",
            "published",
            "wire_agency",
            "origin",
            "revision",
            "is_current",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "paragraphs"]


class ArticleImportSerializer(serializers.Serializer):
    """Either a file (multipart) or the text itself; same parser and errors as the command."""

    file = serializers.FileField(required=False, help_text="One article file in the seed format.")
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="The article text in the seed format."
    )
    origin = serializers.CharField(
        required=False,
        max_length=500,
        help_text="File name or URL the text came from; re-importing an origin makes a new "
        "revision. Defaults to the uploaded file's name.",
    )
    source = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="The outlet, when the file does not name it.",
    )

    def validate(self, attrs):
        if bool(attrs.get("file")) == bool(attrs.get("text")):
            raise serializers.ValidationError("Send either `file` or `text`, not both or neither.")
        if attrs.get("text") and not attrs.get("origin", "").strip():
            raise serializers.ValidationError({"origin": "Name the origin of the text."})
        return attrs


class ArticleImportResultSerializer(serializers.Serializer):
    status = EnumField(
        [("imported", "imported"), ("unchanged", "unchanged"), ("rejected", "rejected")],
        enum_name="ImportStatus",
    )
    article = ArticleSerializer(allow_null=True)
    reason = serializers.CharField(help_text="Why the file was rejected (empty otherwise).")
    warnings = serializers.ListField(child=serializers.CharField())


# ---- actors, events, topics --------------------------------------------------------------


class ActorSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:actor-detail")
    kind = EnumField(ActorKind.choices, enum_name="ActorKind", read_only=True)
    aliases = serializers.SerializerMethodField(help_text="Other names the copy uses.")
    wikidata_id = serializers.CharField(
        read_only=True, help_text="Wikidata item id (Q12345), empty when unknown."
    )

    class Meta:
        model = Actor
        fields = [
            "id",
            "url",
            "name",
            "kind",
            "aliases",
            "affiliation",
            "role",
            "wikidata_id",
            "description",
        ]

    def get_aliases(self, actor) -> list[str]:
        return [alias.name for alias in actor.aliases.all()]


class ActorWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = EnumField(ActorKind.choices, enum_name="ActorKind", default=ActorKind.PERSON)
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        help_text="Aliases to add (existing ones are kept).",
    )
    affiliation = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), allow_null=True, required=False
    )
    role = serializers.CharField(max_length=200, required=False, allow_blank=True)
    wikidata_id = serializers.CharField(
        max_length=20, required=False, allow_blank=True, help_text="Like Q12345, or empty."
    )
    description = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)


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


class FigureReportSerializer(serializers.Serializer):
    claim = serializers.IntegerField()
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
        figures = self.context.get("figures")
        return FigureSerializer(figures or [], many=True).data


class EventWriteSerializer(serializers.Serializer):
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


class TopicSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:topic-detail")

    class Meta:
        model = Topic
        fields = ["id", "url", "title", "description"]


class TopicWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)


# ---- claims ------------------------------------------------------------------------------


class MeasurementSerializer(serializers.ModelSerializer):
    value = FigureField()

    class Meta:
        model = Measurement
        fields = ["quantity", "value", "bound", "text", "unit"]


class MeasurementWriteSerializer(serializers.Serializer):
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


class ClaimWriteSerializer(serializers.Serializer):
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


class ClaimRateSerializer(serializers.Serializer):
    rating = EnumField(Rating.choices, enum_name="Rating")


class ClaimMatchSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000, help_text="A sentence to look up.")
    limit = serializers.IntegerField(min_value=1, max_value=50, default=10)


class ClaimMatchItemSerializer(serializers.Serializer):
    score = serializers.FloatField(help_text="0 to 1; 1 is the same words.")
    claim = ClaimSerializer()


class ClaimMatchResultSerializer(serializers.Serializer):
    results = ClaimMatchItemSerializer(many=True)


# ---- positions and links -----------------------------------------------------------------


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


class PositionWriteSerializer(serializers.Serializer):
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


class LinkSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:link-detail")
    from_claim = Expandable(ClaimBriefSerializer)
    to_claim = Expandable(ClaimBriefSerializer)

    class Meta:
        model = ClaimLink
        fields = ["id", "url", "from_claim", "to_claim", "relation", "note", "created_at"]


class LinkWriteSerializer(serializers.Serializer):
    from_claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    to_claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    relation = serializers.ChoiceField(choices=LinkRelation.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=TEXT_MAX)


class LinkUpdateSerializer(serializers.Serializer):
    relation = serializers.ChoiceField(choices=LinkRelation.choices, required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)
