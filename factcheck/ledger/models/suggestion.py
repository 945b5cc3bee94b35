from __future__ import annotations

from django.conf import settings
from django.db import models

from ..choices import LinkRelation, SuggestionKind, SuggestionStatus


class Suggestion(models.Model):
    """Something the extraction engine found in an article, waiting for an editor's decision."""

    article = models.ForeignKey(
        "ledger.Article",
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name="article",
    )
    kind = models.CharField("kind", max_length=20, choices=SuggestionKind.choices)
    start = models.PositiveIntegerField("start")
    end = models.PositiveIntegerField("end")
    text = models.TextField("text", help_text="The words found.")
    rule = models.CharField("rule", max_length=200, help_text="Which rule or alias found it.")
    key = models.CharField(
        "key", max_length=300, help_text="Stable fingerprint: a rejected key never comes back."
    )
    data = models.JSONField(
        "details", default=dict, blank=True, help_text="Claimant, figure, dates…"
    )
    status = models.CharField(
        "status", max_length=20, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField("decided", null=True, blank=True)
    created_at = models.DateTimeField("created", auto_now_add=True)
    # What the claim matcher found when the suggestion was made (statements and figures).
    match_claim = models.ForeignKey(
        "ledger.Claim",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="repeat_suggestions",
        verbose_name="already tracked as",
        help_text="The tracked claim this statement or figure most surely repeats or relates to.",
    )
    match_relation = models.CharField(
        "suggested relation",
        max_length=30,
        choices=LinkRelation.choices,
        blank=True,
        help_text="The link the match suggests (corroborates, same event other figure…).",
    )
    match_score = models.FloatField(
        "match score", null=True, blank=True, help_text="0–1: how surely it is the same claim."
    )
    match_reason = models.TextField("match reasons", blank=True, help_text="Why, in words.")
    worth = models.FloatField(
        "check-worthiness",
        default=0.0,
        help_text="0–1: how checkable and consequential the statement or figure is.",
    )
    worth_reasons = models.JSONField(
        "check-worthiness reasons", default=list, blank=True, help_text="Why, in words."
    )

    class Meta:
        ordering = ["article_id", "start", "id"]
        verbose_name = "suggestion"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "key"],
                name="suggestion_unique_key_per_article",
                violation_error_message="This suggestion is already recorded for the article.",
            ),
            models.CheckConstraint(
                condition=models.Q(start__lt=models.F("end")),
                name="suggestion_start_before_end",
                violation_error_message="A suggestion's span must start before it ends.",
            ),
        ]
        indexes = [
            # The desk lists open suggestions of recent articles, most check-worthy first.
            models.Index(fields=["status", "-worth"], name="suggestion_status_worth_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text[:60]}"
