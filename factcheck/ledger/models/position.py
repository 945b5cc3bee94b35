from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import Attribution, PositionChange, Stance
from ..querysets import PositionQuerySet


class Position(models.Model):
    """An actor's stance on a topic as of a date, with the claims that evidence it."""

    actor = models.ForeignKey(
        "ledger.Actor", on_delete=models.CASCADE, related_name="positions", verbose_name="actor"
    )
    topic = models.ForeignKey(
        "ledger.Topic", on_delete=models.CASCADE, related_name="positions", verbose_name="topic"
    )
    as_of = models.DateField("as of", help_text="The date the stance was held (the claim's date).")
    stance = models.CharField(
        "stance",
        max_length=20,
        choices=Stance.choices,
        help_text="Supports, opposes, conditional or ambiguous.",
    )
    strength = models.PositiveSmallIntegerField(
        "strength",
        default=2,
        help_text="1 tentative, 2 firm, 3 maximal (e.g. backed by a threat of force).",
    )
    conditions = models.TextField(
        "conditions or strength in words", blank=True, help_text="E.g. “only with a US backstop”."
    )
    attribution = models.CharField(
        "attribution",
        max_length=10,
        choices=Attribution.choices,
        default=Attribution.OWN,
        help_text="The actor's own statement, or a position others report.",
    )
    evidence = models.ManyToManyField(
        "ledger.Claim",
        blank=True,
        related_name="positions",
        verbose_name="evidence",
        help_text="The claims that show this stance.",
    )
    change = models.CharField(
        "change",
        max_length=20,
        choices=PositionChange.choices,
        default=PositionChange.NEW,
        editable=False,
        help_text="Compared with the actor's previous position on the topic.",
    )
    computed_change = models.CharField(
        "computed change",
        max_length=20,
        choices=PositionChange.choices,
        default=PositionChange.NEW,
        editable=False,
        help_text="What the rule says.",
    )
    change_override = models.CharField(
        "change override",
        max_length=20,
        choices=PositionChange.choices,
        blank=True,
        help_text="An editor's judgement replacing the computed change.",
    )
    override_reason = models.TextField("override reason", blank=True, help_text="Why the override.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="recorded by",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[evidence])
    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["topic_id", "actor_id", "as_of"]
        verbose_name = "position"
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "topic", "as_of"],
                name="position_one_per_actor_topic_day",
                violation_error_message=(
                    "This actor already has a position on this topic on that day."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(strength__gte=1, strength__lte=3),
                name="position_strength_1_to_3",
                violation_error_message="Strength is 1 (tentative), 2 (firm) or 3 (maximal).",
            ),
            models.CheckConstraint(
                condition=models.Q(change_override="") | ~models.Q(override_reason=""),
                name="position_override_needs_reason",
                violation_error_message="Overriding the change needs a reason.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} {self.stance} “{self.topic}” ({self.as_of})"
