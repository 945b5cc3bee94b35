"""Import jobs: progress (n of m), totals and each item's result line."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.ledger.choices import ImportItemStatus, ImportJobStatus
from factcheck.ledger.models import ImportJob, ImportJobItem
from factcheck.ledger.services.jobs import import_job_progress

from .fields import ApiUrlField, EnumField


class ImportJobItemSerializer(serializers.ModelSerializer):
    status = EnumField(ImportItemStatus.choices, enum_name="ImportItemStatus")

    class Meta:
        model = ImportJobItem
        fields = ["position", "target", "status", "line", "reason", "article"]


class ImportJobSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:importjob-detail")
    status = EnumField(ImportJobStatus.choices, enum_name="ImportJobStatus")
    done = serializers.SerializerMethodField(help_text="Items with their result.")
    total = serializers.SerializerMethodField(help_text="Items in the job (a feed's entries).")
    imported = serializers.SerializerMethodField()
    unchanged = serializers.SerializerMethodField()
    rejected = serializers.SerializerMethodField()
    items = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "url",
            "label",
            "status",
            "done",
            "total",
            "imported",
            "unchanged",
            "rejected",
            "created_at",
            "finished_at",
            "items",
        ]

    def _progress(self, job):
        cache = self.context.setdefault("_progress", {})
        if job.pk not in cache:
            cache[job.pk] = import_job_progress(job)
        return cache[job.pk]

    def get_done(self, job) -> int:
        return self._progress(job).done

    def get_total(self, job) -> int:
        return self._progress(job).total

    def get_imported(self, job) -> int:
        return self._progress(job).imported

    def get_unchanged(self, job) -> int:
        return self._progress(job).unchanged

    def get_rejected(self, job) -> int:
        return self._progress(job).rejected

    @extend_schema_field(ImportJobItemSerializer(many=True))
    def get_items(self, job) -> list[dict]:
        items = job.items.order_by("position")
        return ImportJobItemSerializer(items, many=True, context=self.context).data
