from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Topic(models.Model):
    """A contested question phrased as a proposition actors can support or oppose."""

    title = models.CharField(
        "proposition",
        max_length=300,
        unique=True,
        help_text="Phrased as a proposition, e.g. “Ukraine cedes the rest of Donetsk region”.",
    )
    description = models.TextField("description", blank=True, help_text="Background, briefly.")
    created_at = models.DateTimeField("created", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = "topic"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("web:topic", args=[self.pk])
