from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..querysets import ArticleQuerySet
from ..rules import origin_of


class Source(models.Model):
    name = models.CharField(
        "name", max_length=200, unique=True, help_text="The outlet, e.g. “The Straits Times”."
    )
    domain = models.CharField(
        "domain", max_length=200, blank=True, help_text="The outlet's web domain, if known."
    )
    created_at = models.DateTimeField("created", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "source"

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    """One imported revision of a text. Re-imported changed text is a new revision."""

    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name="source",
        help_text="The outlet that published this copy.",
    )
    title = models.CharField(
        "title", max_length=300, help_text="Derived from the first sentence on import; editable."
    )
    published = models.DateField("published", help_text="Publication date from the file header.")
    body = models.TextField(
        "body",
        help_text="The article's prose exactly as imported after cleaning; claims point into it.",
    )
    paragraphs = models.JSONField(
        "paragraph offsets",
        default=list,
        blank=True,
        help_text="[start, end] character offsets of each paragraph in the body.",
    )
    set_aside = models.JSONField(
        "set aside",
        default=list,
        blank=True,
        help_text="Promos, photo captions and sign-offs removed from the body, kept here "
        "as [{kind, text, index}].",
    )
    content_hash = models.CharField(
        "content hash", max_length=64, db_index=True, help_text="SHA-256 of the imported text."
    )
    origin = models.CharField(
        "origin", max_length=500, help_text="Where the text came from: file name or URL."
    )
    wire_agency = models.CharField(
        "wire agency",
        max_length=40,
        blank=True,
        db_index=True,
        help_text="The news agency the copy comes from (AP, AFP, Reuters…), blank if none.",
    )
    revision = models.PositiveIntegerField(
        "revision", default=1, help_text="1 for the first import of an origin, then 2, 3…"
    )
    is_current = models.BooleanField(
        "current revision",
        default=True,
        help_text="Whether this is the newest revision of its origin.",
    )
    encoding = models.CharField(
        "encoding", max_length=40, default="utf-8", help_text="How the file was decoded."
    )
    import_warnings = models.JSONField(
        "import warnings", default=list, blank=True, help_text="What the importer reported."
    )
    imported_at = models.DateTimeField("imported", auto_now_add=True)
    analysed_at = models.DateTimeField(
        "suggestions found",
        null=True,
        blank=True,
        help_text="When the suggestion engine last read this text; empty while it has not, so "
        "the next import of the same text runs it instead of answering unchanged.",
    )
    copy_fingerprint = models.CharField(
        "copy fingerprint",
        max_length=800,
        null=True,  # nullable columns are added without rebuilding the table on SQLite
        blank=True,
        help_text="A sketch of the body's running text that recognises other copies of the "
        "same story however an outlet edited it.",
    )
    copy_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name="copy of",
        help_text="The first article imported of the same story (the same wire copy, edited), "
        "if this one is a later copy of it.",
    )
    copy_origin = models.CharField(
        "copy origin",
        max_length=60,
        null=True,
        blank=True,
        help_text="The independent origin this copy shares with the other copies of its story "
        "when it credits no agency itself (e.g. an uncredited AP story counts as AP).",
    )

    history = HistoricalRecords(
        excluded_fields=["body", "paragraphs", "set_aside", "copy_fingerprint", "analysed_at"]
    )
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = "article"
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "revision"],
                name="article_unique_origin_revision",
                violation_error_message="This origin already has a revision with that number.",
            ),
            models.UniqueConstraint(
                fields=["origin"],
                condition=models.Q(is_current=True),
                name="article_one_current_revision_per_origin",
                violation_error_message="This origin already has a current revision.",
            ),
            models.CheckConstraint(
                condition=models.Q(revision__gte=1),
                name="article_revision_gte_1",
                violation_error_message="A revision number starts at 1.",
            ),
        ]
        indexes = [models.Index(fields=["published"], name="article_published_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("web:article", args=[self.pk])

    @property
    def origin_key(self) -> str:
        """The independent origin this copy counts as: its wire agency, else its outlet."""
        return origin_of(
            wire_agency=self.wire_agency, source_id=self.source_id, copy_origin=self.copy_origin
        )

    @property
    def origin_label(self) -> str:
        return self.wire_agency or self.source.name


class ArticleCopyKey(models.Model):
    """One lookup key of an article's copy fingerprint: finds its candidate copies by index."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="copy_keys", verbose_name="article"
    )
    key = models.BigIntegerField("key", help_text="One bin of the fingerprint: bin and value.")

    class Meta:
        verbose_name = "article copy key"
        constraints = [
            models.UniqueConstraint(fields=["key", "article"], name="articlecopykey_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.key}"
