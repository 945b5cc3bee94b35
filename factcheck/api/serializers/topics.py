"""Topics: the brief form, the list and detail, and what an editor sends."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.ledger.models import Topic

from .fields import TEXT_MAX, ApiUrlField, InputSerializer


class TopicBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "title"]


class TopicSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:topic-detail")

    class Meta:
        model = Topic
        fields = ["id", "url", "title", "description"]


class TopicWriteSerializer(InputSerializer):
    title = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)
