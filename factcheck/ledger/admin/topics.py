"""Admin: topics, the contested questions claims and positions are about."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from ..models import Topic
from ..services.catalog import topic_create
from .base import HistoryAdmin, update_changed_fields


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["title", "claim_count", "position_count"]
    search_fields = ["title", "description"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_claims=Count("claims", distinct=True),
                n_positions=Count("positions", distinct=True),
            )
        )

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, obj):
        return obj.n_claims

    @admin.display(description="positions", ordering="n_positions")
    def position_count(self, obj):
        return obj.n_positions

    def save_model(self, request, obj, form, change):
        if change:
            update_changed_fields(request, obj, form)
        else:
            created = topic_create(title=obj.title, description=obj.description)
            obj.pk, obj._state.adding = created.pk, False
