"""Admin: events and the series they belong to, written through services.catalog."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from ..models import Event, Series
from ..services.catalog import event_create, series_create
from .base import HistoryAdmin, update_changed_fields


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    list_display = ["name", "kind", "start", "end", "precision", "series", "parent"]
    list_filter = ["kind", "precision", "series"]
    list_select_related = ["series", "parent"]
    search_fields = ["name", "place", "description"]
    autocomplete_fields = ["parent", "series", "participants"]
    date_hierarchy = "start"
    fields = [
        "name",
        "kind",
        "place",
        "start",
        "end",
        "precision",
        "parent",
        "series",
        "participants",
        "description",
    ]

    def save_model(self, request, obj, form, change):
        if change:
            update_changed_fields(request, obj, form)
        else:
            data = {k: form.cleaned_data[k] for k in self.fields}
            created = event_create(**data)
            obj.pk, obj._state.adding = created.pk, False

    def save_related(self, request, form, formsets, change):
        pass  # participants are saved by event_create / update_changed_fields


@admin.register(Series)
class SeriesAdmin(HistoryAdmin):
    list_display = ["name", "event_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_events=Count("events"))

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj):
        return obj.n_events

    def save_model(self, request, obj, form, change):
        if change:
            update_changed_fields(request, obj, form)
        else:
            created = series_create(name=obj.name, description=obj.description)
            obj.pk, obj._state.adding = created.pk, False
