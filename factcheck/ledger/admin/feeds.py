"""Feed subscriptions: the outlets' RSS/Atom feeds the newsroom follows, with each run's result."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from ..models import FeedSubscription
from ..tasks import feed_run
from .jobs import may_import

RECENT_JOBS = 5


@admin.register(FeedSubscription)
class FeedSubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "url",
        "source",
        "interval",
        "active",
        "last_run_at",
        "last_result",
        "errors_in_a_row",
        "next_run_at",
    ]
    list_filter = ["active", "source"]
    list_select_related = ["source"]
    search_fields = ["url", "source__name"]
    autocomplete_fields = ["source"]
    fields = [
        "url",
        "source",
        "interval",
        "active",
        "next_run_at",
        "last_run_at",
        "last_result",
        "last_error",
        "errors_in_a_row",
        "recent_jobs",
    ]
    readonly_fields = ["last_run_at", "last_result", "last_error", "errors_in_a_row", "recent_jobs"]
    actions = ["run_now"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_module_permission(self, request):
        return may_import(request)

    def has_view_permission(self, request, obj=None):
        return may_import(request)

    def has_add_permission(self, request):
        return may_import(request)

    def has_change_permission(self, request, obj=None):
        return may_import(request)

    def has_delete_permission(self, request, obj=None):
        return may_import(request)

    @admin.display(description="recent runs")
    def recent_jobs(self, obj):
        if obj.pk is None:
            return "—"
        jobs = list(obj.jobs.order_by("-created_at")[:RECENT_JOBS])
        if not jobs:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (reverse("admin:ledger_importjob_change", args=[j.pk]), j, j.status)
                    for j in jobs
                ),
            ),
        )

    @admin.action(description="Run the selected feeds now")
    def run_now(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        for pk in ids:
            feed_run.delay(pk)
        self.message_user(
            request,
            f"{len(ids)} feed(s) queued; their runs appear under Import jobs.",
            messages.SUCCESS,
        )
