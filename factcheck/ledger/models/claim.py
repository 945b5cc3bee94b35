from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Greatest, Least
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..choices import (
    Bound,
    ClaimKind,
    ClaimStatus,
    CorroborationStatus,
    LinkRelation,
    Rating,
)
from ..querysets import ClaimLinkQuerySet, ClaimQuerySet


class Claim(models.Model):
    """A statement in one article, anchored to its exact span (W3C Web Annotation selectors)."""

    article = models.ForeignKey(
        "ledger.Article",
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name="article",
        help_text="The article revision the span points into.",
    )
    # TextPositionSelector
    start = models.PositiveIntegerField(
        "start", help_text="Offset of the first character in the body."
    )
    end = models.PositiveIntegerField("end", help_text="Offset just after the last character.")
    # TextQuoteSelector
    exact = models.TextField("quote", help_text="The exact text of the span.")
    prefix = models.CharField(
        "prefix", max_length=64, blank=True, help_text="Up to 32 characters before the span."
    )
    suffix = models.CharField(
        "suffix", max_length=64, blank=True, help_text="Up to 32 characters after the span."
    )

    claimant = models.ForeignKey(
        "ledger.Actor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims_made",
        verbose_name="claimant",
        help_text="Who asserts it. Leave empty when the outlet itself asserts it.",
    )
    claimant_label = models.CharField(
        "claimant as written",
        max_length=200,
        blank=True,
        help_text="How the copy names the claimant when it is no actor (“authorities”).",
    )
    subjects = models.ManyToManyField(
        "ledger.Actor",
        blank=True,
        related_name="claims_about",
        verbose_name="subject actors",
        help_text="Whom the claim is about.",
    )
    event = models.ForeignKey(
        "ledger.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name="event",
        help_text="The event the claim is about.",
    )
    topic = models.ForeignKey(
        "ledger.Topic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name="topic",
        help_text="The contested question the claim bears on.",
    )
    kind = models.CharField(
        "kind",
        max_length=20,
        choices=ClaimKind.choices,
        default=ClaimKind.FACTUAL,
        help_text="Factual, quantity, statement of position or quote.",
    )
    summary = models.CharField(
        "summary", max_length=300, blank=True, help_text="The claim in plain words."
    )
    about_start = models.DateField(
        "about (from)",
        null=True,
        blank=True,
        help_text="First day the claim is about (not always the publication date).",
    )
    about_end = models.DateField(
        "about (to)", null=True, blank=True, help_text="Last day the claim is about."
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=ClaimStatus.choices,
        default=ClaimStatus.DRAFT,
        help_text="suggested → draft → in review → published, or rejected.",
    )
    rating = models.CharField(
        "rating",
        max_length=20,
        choices=Rating.choices,
        blank=True,
        default=Rating.UNRATED,
        help_text="The newsroom's verdict for publication; set by a reviewer.",
    )
    corroboration = models.CharField(
        "corroboration",
        max_length=20,
        choices=CorroborationStatus.choices,
        default=CorroborationStatus.SINGLE_SOURCE,
        editable=False,
        help_text="Computed from links and figures; kept current by the corroboration service.",
    )
    independent_origins = models.PositiveSmallIntegerField(
        "independent origins",
        default=1,
        editable=False,
        help_text="How many independent origins (agency, else outlet) report this claim.",
    )
    needs_reanchoring = models.BooleanField(
        "needs re-anchoring",
        default=False,
        help_text="Set when a re-import could not place the span with confidence.",
    )
    anchor_score = models.FloatField(
        "anchor score",
        null=True,
        blank=True,
        editable=False,
        help_text="Match score of the last re-anchoring (1.0 = exact).",
    )
    version = models.PositiveIntegerField(
        "version",
        default=1,
        editable=False,
        help_text="Raised on every save; guards concurrent edits.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="created by",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    updated_at = models.DateTimeField("updated", auto_now=True)
    submitted_at = models.DateTimeField(
        "submitted for review", null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField("published", null=True, blank=True, editable=False)

    history = HistoricalRecords(m2m_fields=[subjects])
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start", "id"]
        verbose_name = "claim"
        permissions = [
            ("review_claim", "Can publish, send back, reject and rate claims"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lt=models.F("end")),
                name="claim_start_before_end",
                violation_error_message="A claim's span must start before it ends.",
            ),
            models.CheckConstraint(
                condition=models.Q(about_end__isnull=True)
                | models.Q(about_start__isnull=True)
                | models.Q(about_end__gte=models.F("about_start")),
                name="claim_about_end_not_before_start",
                violation_error_message="What a claim is about cannot end before it starts.",
            ),
        ]
        # Lists filter on status (readers see published claims) then order or filter: one
        # index per ordering and filter the API offers, each led by status.
        indexes = [
            models.Index(fields=["status", "published_at"], name="claim_status_published_idx"),
            models.Index(fields=["status", "submitted_at"], name="claim_status_submitted_idx"),
            models.Index(
                fields=["status", "article", "start", "id"], name="claim_status_order_idx"
            ),
            models.Index(fields=["status", "updated_at", "id"], name="claim_status_updated_idx"),
            models.Index(fields=["status", "rating", "id"], name="claim_status_rating_idx"),
            models.Index(fields=["status", "kind", "id"], name="claim_status_kind_idx"),
            models.Index(fields=["status", "corroboration", "id"], name="claim_status_corrob_idx"),
            # Counting a topic's or an event's published claims from the index alone.
            models.Index(fields=["topic", "status"], name="claim_topic_status_idx"),
            models.Index(fields=["event", "status"], name="claim_event_status_idx"),
        ]

    def __str__(self) -> str:
        return self.summary or self.exact[:80]

    def get_absolute_url(self) -> str:
        return reverse("web:claim", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The status as stored, so a save can tell a claim leaving publication (a public
        # change) from a draft's edit (none) without asking the database again.
        if "status" in field_names:
            instance.stored_status = instance.status
        return instance

    @property
    def is_published(self) -> bool:
        return self.status == ClaimStatus.PUBLISHED


class Measurement(models.Model):
    """A number carried by a claim: what is counted, the value and its bound as written."""

    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="measurements", verbose_name="claim"
    )
    quantity = models.CharField(
        "quantity",
        max_length=60,
        db_index=True,
        help_text="What is counted, from the shared vocabulary: drones, missiles, people_injured…",
    )
    value = models.DecimalField(
        "value", max_digits=14, decimal_places=2, help_text="The number as written."
    )
    bound = models.CharField(
        "bound",
        max_length=10,
        choices=Bound.choices,
        default=Bound.EXACT,
        help_text="“almost 400” is at most; “some 420” is about; “at least six” is at least.",
    )
    unit = models.CharField(
        "unit", max_length=20, blank=True, help_text="%, mile, km… blank for counts."
    )
    text = models.CharField(
        "as written", max_length=200, blank=True, help_text="The words of the figure."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim_id", "id"]
        verbose_name = "measurement"
        indexes = [
            # Matching looks up figures of one quantity near a value.
            models.Index(fields=["quantity", "value"], name="measurement_quantity_value_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=0),
                name="measurement_value_not_negative",
                violation_error_message="A figure cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity}: {self.get_bound_display().lower()} {self.value.normalize():f}"


class ClaimLink(models.Model):
    """An editor's judgement between two claims."""

    from_claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="links_out", verbose_name="from claim"
    )
    to_claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="links_in", verbose_name="to claim"
    )
    relation = models.CharField(
        "relation",
        max_length=40,
        choices=LinkRelation.choices,
        help_text="How the first claim bears on the second.",
    )
    note = models.TextField("note", blank=True, help_text="Why: the editor's reasoning.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="author",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)

    history = HistoricalRecords()
    objects = ClaimLinkQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = "claim link"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_claim=models.F("to_claim")),
                name="link_not_to_itself",
                violation_error_message="A claim cannot be linked to itself.",
            ),
            # One judgement per pair of claims, whichever way round: the pair is stored in
            # either order, so the database compares the smaller and the larger id.
            models.UniqueConstraint(
                Least("from_claim", "to_claim"),
                Greatest("from_claim", "to_claim"),
                name="link_one_per_pair",
                violation_error_message="These two claims are already linked.",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.from_claim_id} {self.relation} #{self.to_claim_id}"
