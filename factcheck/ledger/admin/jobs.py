"""Import jobs: the batch an editor started (files, URLs, a feed), item by item as it happens.

The job page shows progress (n of m) and each item's result line; a static script polls the
job's small JSON view and updates the page (no inline script: the CSP forbids it).
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..choices import ImportItemStatus
from ..models import Article, ImportJob
from ..permissions import can_write
from ..services.articles import ImportResult, article_import
from ..services.jobs import (
    ImportTarget,
    import_job_create,
    import_job_progress,
    targets_from_file,
)
from ..tasks import job_start_on_commit


def may_import(request) -> bool:
    """Who may import articles may start, follow and manage import jobs and feeds."""
    return can_write(request.user, Article, "add")


def import_submit(
    request, *, uploads, url: str, source_name: str
) -> list[ImportResult] | HttpResponseRedirect:
    """Import what the form sent: one file of one article at once (its result shown on the
    page); anything more (several files, a URL, a feed, a ninjs list) as a job, whose page the
    editor is sent to."""
    targets: list[ImportTarget] = []
    for upload in uploads:
        data = upload.read()
        targets.extend(
            targets_from_file(data=data, name=upload.name, content_type=upload.content_type or "")
        )
    if url.strip():
        targets.append(ImportTarget(target=url.strip()))
    single_file = len(targets) == 1 and targets[0].payload is not None and not url.strip()
    if single_file:
        result = article_import(
            data=targets[0].payload,
            origin=targets[0].target,
            source_name=source_name,
            content_type=targets[0].content_type,
        )
        if "several articles" not in result.reason:
            return [result]
    label = url.strip() or ", ".join(u.name for u in uploads[:3])
    if len(uploads) > 3:
        label += f" and {len(uploads) - 3} more"
    job = import_job_create(
        targets=targets, label=label, source_name=source_name, user=request.user
    )
    job_start_on_commit(job)
    return HttpResponseRedirect(reverse("admin:ledger_importjob_change", args=[job.pk]))


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "progress", "created_by", "created_at", "finished_at"]
    list_filter = ["status"]
    list_select_related = ["created_by"]
    show_full_result_count = False

    def has_module_permission(self, request):
        return may_import(request)

    def has_view_permission(self, request, obj=None):
        return may_import(request)

    def has_add_permission(self, request):
        return False  # jobs start from the import page and feed runs

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # The progress column from one query for the whole page, not one per job.
        counted = ~Q(items__status=ImportItemStatus.FEED)
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_items=Count("items", filter=counted),
                n_done=Count(
                    "items",
                    filter=counted & ~Q(items__status=ImportItemStatus.PENDING),
                ),
            )
        )

    @admin.display(description="progress")
    def progress(self, obj):
        return f"{obj.n_done} of {obj.n_items}"

    def get_urls(self):
        return [
            path(
                "<int:job_id>/progress.json",
                self.admin_site.admin_view(self.progress_view),
                name="ledger_importjob_progress",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not may_import(request):
            raise PermissionDenied
        job = get_object_or_404(
            ImportJob.objects.select_related("created_by", "subscription"), pk=object_id
        )
        context = {
            **self.admin_site.each_context(request),
            "title": str(job),
            "opts": self.model._meta,
            "job": job,
            **job_state(job),
            "progress_url": reverse("admin:ledger_importjob_progress", args=[job.pk]),
        }
        return TemplateResponse(request, "admin/ledger/importjob/job.html", context)

    def progress_view(self, request, job_id: int):
        if not may_import(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob, pk=job_id)
        state = job_state(job)
        return JsonResponse(
            {
                "status": job.status,
                **state["progress"].as_dict(),
                "items": [
                    {
                        "position": item.position,
                        "target": item.target,
                        "status": item.status,
                        "line": item.line,
                        "article": (
                            reverse("admin:ledger_article_change", args=[item.article_id])
                            if item.article_id
                            else None
                        ),
                    }
                    for item in state["items"]
                ],
            }
        )


def job_state(job: ImportJob) -> dict:
    """The job's progress and items, in two queries whatever its size."""
    items = list(
        job.items.order_by("position").only(
            "position", "target", "status", "line", "article_id", "job_id"
        )
    )
    return {"progress": import_job_progress(job), "items": items}
