from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from ..choices import ImportItemStatus, ImportJobStatus


class ImportJob(models.Model):
    """A batch of imports run in the background: files, URLs, a feed's items."""

    label = models.CharField(
        "label", max_length=300, help_text="What was asked for: file names, a URL, a feed."
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=ImportJobStatus.choices,
        default=ImportJobStatus.QUEUED,
        help_text="Queued, running, or done (every item has its result).",
    )
    source_name = models.CharField(
        "source outlet",
        max_length=200,
        blank=True,
        help_text="The outlet the items are imported under; empty to take it from each copy.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="started by",
        help_text="Who started the job (empty for the command line and feed runs).",
    )
    subscription = models.ForeignKey(
        "ledger.FeedSubscription",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name="feed subscription",
        help_text="The subscription whose run this is, if any.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    finished_at = models.DateTimeField("finished", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "import job"

    def __str__(self) -> str:
        return f"Import job {self.pk}: {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("admin:ledger_importjob_change", args=[self.pk])


class ImportJobItem(models.Model):
    """One item of a job: a file, a URL or a feed entry, and what became of it."""

    job = models.ForeignKey(
        ImportJob, on_delete=models.CASCADE, related_name="items", verbose_name="job"
    )
    position = models.PositiveIntegerField("position", help_text="1, 2, 3… in the job's order.")
    target = models.CharField(
        "item", max_length=1000, help_text="The file name or URL this item imports."
    )
    content_type = models.CharField("content type", max_length=200, blank=True)
    payload = models.BinaryField(
        "file content",
        null=True,
        blank=True,
        editable=False,
        help_text="An uploaded file's bytes until the item is done (empty for a URL).",
    )
    feed_key = models.CharField(
        "feed entry key",
        max_length=1000,
        blank=True,
        help_text="The feed entry's guid (else link), so a later run skips it.",
    )
    published_hint = models.DateField(
        "feed date",
        null=True,
        blank=True,
        help_text="The date the feed gives the entry: used when its page states none.",
    )
    status = models.CharField(
        "result",
        max_length=20,
        choices=ImportItemStatus.choices,
        default=ImportItemStatus.PENDING,
    )
    line = models.TextField("result line", blank=True, help_text="As the command prints it.")
    reason = models.TextField("reason", blank=True, help_text="Why it was rejected.")
    article = models.ForeignKey(
        "ledger.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="article",
    )
    attempts = models.PositiveSmallIntegerField(
        "attempts", default=0, help_text="How many times a network failure was retried."
    )
    finished_at = models.DateTimeField("finished", null=True, blank=True)

    class Meta:
        ordering = ["job", "position"]
        verbose_name = "import job item"
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="importjobitem_unique_pos"),
        ]
        indexes = [models.Index(fields=["feed_key"], name="importjobitem_feed_key_idx")]

    def __str__(self) -> str:
        return f"{self.position}. {self.target}"
