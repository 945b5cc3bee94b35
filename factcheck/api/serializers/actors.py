"""Actors: the brief form, the list and detail, and what an editor sends."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.ledger.choices import ActorKind
from factcheck.ledger.models import Actor

from .fields import TEXT_MAX, ApiUrlField, EnumField, InputSerializer


class ActorBriefSerializer(serializers.ModelSerializer):
    kind = EnumField(ActorKind.choices, enum_name="ActorKind", read_only=True)

    class Meta:
        model = Actor
        fields = ["id", "name", "kind"]


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


class ActorWriteSerializer(InputSerializer):
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
