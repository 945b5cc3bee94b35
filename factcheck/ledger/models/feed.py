from __future__ import annotations

import datetime as dt

from django.db import models

from .article import Source


class FeedSubscription(models.Model):
    """An outlet's RSS or Atom feed the newsroom follows: new items are imported on schedule."""

    url = models.URLField(
        "feed URL", max_length=1000, unique=True, help_text="The RSS or Atom feed's address."
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feeds",
        verbose_name="outlet",
        help_text="The outlet its items are imported under; empty to take it from each page.",
    )
    interval = models.DurationField(
        "how often",
        default=dt.timedelta(hours=1),
        help_text="Time between runs, e.g. 01:00:00 for hourly (at least five minutes).",
    )
    active = models.BooleanField("active", default=True, help_text="Runs on schedule.")
    last_run_at = models.DateTimeField("last run", null=True, blank=True)
    next_run_at = models.DateTimeField(
        "next run", null=True, blank=True, help_text="Empty: due now.", db_index=True
    )
    last_result = models.CharField(
        "last result",
        max_length=300,
        blank=True,
        help_text="What the last run did: items found, new, imported, unchanged, rejected.",
    )
    last_error = models.TextField(
        "last error", blank=True, help_text="Why the last run failed, empty if it did not."
    )
    errors_in_a_row = models.PositiveIntegerField(
        "failed runs in a row", default=0, help_text="Reset by a run that succeeds."
    )
    created_at = models.DateTimeField("created", auto_now_add=True)

    class Meta:
        ordering = ["url"]
        verbose_name = "feed subscription"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(interval__gte=dt.timedelta(minutes=5)),
                name="feedsubscription_interval_gte_5min",
            ),
        ]

    def __str__(self) -> str:
        return self.url
