from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..choices import DatePrecision, EventKind
from ..querysets import EventQuerySet


class Series(models.Model):
    """Events of one recurring kind whose figures are compared over time (overnight strikes)."""

    name = models.CharField(
        "name", max_length=200, unique=True, help_text="E.g. “Overnight strikes on Ukraine”."
    )
    description = models.TextField("description", blank=True, help_text="What belongs in it.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "series"
        verbose_name_plural = "series"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("web:series", args=[self.pk])


class Event(models.Model):
    name = models.CharField(
        "name", max_length=300, unique=True, help_text="E.g. “Geneva talks, 17–18 Feb 2026”."
    )
    kind = models.CharField(
        "kind",
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.OTHER,
        help_text="Talks, strike, exchange, call, meeting, deadline…",
    )
    place = models.CharField("place", max_length=200, blank=True, help_text="Where it happened.")
    start = models.DateField("start", help_text="First day (or the only day).")
    end = models.DateField("end", null=True, blank=True, help_text="Last day, for spans.")
    precision = models.CharField(
        "date precision",
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the dates are known: a day, a span (a night), a month…",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="part of",
        help_text="A larger event this belongs to (a round of a process).",
    )
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="series",
        help_text="The recurring series this event is one of.",
    )
    participants = models.ManyToManyField(
        "ledger.Actor",
        blank=True,
        related_name="events",
        verbose_name="participants",
        help_text="Actors who took part.",
    )
    description = models.TextField("description", blank=True, help_text="What happened, briefly.")
    created_at = models.DateTimeField("created", auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[participants])
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = "event"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="event_end_not_before_start",
                violation_error_message="An event cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")),
                name="event_not_own_parent",
                violation_error_message="An event cannot be its own parent.",
            ),
        ]
        indexes = [models.Index(fields=["start"], name="event_start_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("web:event", args=[self.pk])

    @property
    def last_day(self):
        return self.end or self.start
