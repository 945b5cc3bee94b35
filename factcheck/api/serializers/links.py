"""Claim links: the list and detail, and what an editor sends to link or change a link."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.ledger.choices import LinkRelation
from factcheck.ledger.models import Claim, ClaimLink

from .claims import ClaimBriefSerializer
from .fields import TEXT_MAX, ApiUrlField, Expandable, InputSerializer


class LinkSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:link-detail")
    from_claim = Expandable(ClaimBriefSerializer)
    to_claim = Expandable(ClaimBriefSerializer)

    class Meta:
        model = ClaimLink
        fields = ["id", "url", "from_claim", "to_claim", "relation", "note", "created_at"]


class LinkWriteSerializer(InputSerializer):
    from_claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    to_claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    relation = serializers.ChoiceField(choices=LinkRelation.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=TEXT_MAX)


class LinkUpdateSerializer(InputSerializer):
    relation = serializers.ChoiceField(choices=LinkRelation.choices, required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)
