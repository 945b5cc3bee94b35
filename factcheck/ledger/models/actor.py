from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..choices import ActorKind
from ..querysets import ActorQuerySet


class Actor(models.Model):
    name = models.CharField(
        "name", max_length=200, unique=True, help_text="Full name, e.g. “Rustem Umerov”."
    )
    kind = models.CharField(
        "kind",
        max_length=20,
        choices=ActorKind.choices,
        default=ActorKind.PERSON,
        help_text="Person, government, delegation, organisation or armed force.",
    )
    affiliation = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name="affiliation",
        help_text="The actor this one belongs to or speaks for (Umerov → Ukraine).",
    )
    role = models.CharField(
        "role", max_length=200, blank=True, help_text="Current role, e.g. “Kremlin spokesperson”."
    )
    wikidata_id = models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id looks like Q12345.")],
        help_text="Optional Wikidata item id, e.g. Q3775484.",
    )
    description = models.TextField("description", blank=True, help_text="Who this is, briefly.")
    created_at = models.DateTimeField("created", auto_now_add=True)

    history = HistoricalRecords()
    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "actor"
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~models.Q(wikidata_id=""),
                name="actor_unique_wikidata_id",
                violation_error_message="Another actor already has this Wikidata id.",
            ),
            models.CheckConstraint(
                condition=~models.Q(affiliation=models.F("pk")),
                name="actor_not_own_affiliation",
                violation_error_message="An actor cannot be affiliated with itself.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("web:actor", args=[self.pk])

    @property
    def wikidata_url(self) -> str:
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""


class ActorAlias(models.Model):
    """Another way the copy names an actor ("Mr Umerov", "the Ukrainian leader", "Kyiv")."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="aliases", verbose_name="actor"
    )
    name = models.CharField(
        "alias", max_length=200, help_text="Unique across all actors, whatever the letter case."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "alias"
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="alias_unique_name_ci",
                violation_error_message="This alias is already used by an actor.",
            ),
            models.CheckConstraint(
                condition=~models.Q(name=""),
                name="alias_not_empty",
                violation_error_message="An alias cannot be empty.",
            ),
        ]

    def __str__(self) -> str:
        return self.name
