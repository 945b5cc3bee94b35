"""Admin: sources (the outlets articles come from); new ones through the importer's lookup."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from ..models import Source
from ..services.articles import source_get_or_create
from ..services.catalog import catalog_update
from .base import HistoryAdmin, update_changed_fields


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["name", "domain", "article_count"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles

    def save_model(self, request, obj, form, change):
        if change:
            update_changed_fields(request, obj, form)
        else:
            created = source_get_or_create(name=obj.name)
            obj._state.adding = False
            if obj.domain and created.domain != obj.domain:
                catalog_update(obj=created, user=request.user, domain=obj.domain)
            obj.pk = created.pk
