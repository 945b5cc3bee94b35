"""Admin: events and the series they belong to, written through services.catalog."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect

from ..models import Claim, Event, Series
from ..services import claims as claim_svc
from ..services.catalog import event_create, series_create
from ..services.claims import ClaimConflict
from .base import RETRY, HistoryAdmin, conflict_message, error_messages, update_changed_fields


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

    def response_add(self, request, obj, post_url_continue=None):
        """Created from a claim's one-night-or-two warning: attach it and go back to the claim."""
        claim_id, version = request.GET.get("for_claim", ""), request.GET.get("claim_version", "")
        if "_popup" in request.POST or not (claim_id.isdigit() and version.isdigit()):
            return super().response_add(request, obj, post_url_continue)
        claim = get_object_or_404(Claim, pk=claim_id)
        try:
            claim_svc.claim_update(
                claim=claim, user=request.user, expected_version=int(version), event=obj
            )
        except ClaimConflict as err:
            messages.error(request, conflict_message(err, advice=RETRY))
        except (ValidationError, PermissionDenied) as err:
            messages.error(request, " ".join(error_messages(err)))
        else:
            messages.success(request, f"Event “{obj.name}” created and attached to this claim.")
        return redirect("admin:ledger_claim_change", claim.pk)


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
