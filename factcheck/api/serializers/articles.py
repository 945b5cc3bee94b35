"""Articles: the brief form, the list and detail, and an import's input and result."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.ledger.models import Article

from .fields import ApiUrlField, EnumField, InputSerializer


class ArticleBriefSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name", read_only=True, help_text="The outlet.")

    class Meta:
        model = Article
        fields = ["id", "title", "source", "published", "wire_agency"]


class ArticleSerializer(serializers.ModelSerializer):
    url = ApiUrlField("api:article-detail")
    source = serializers.CharField(source="source.name", read_only=True, help_text="The outlet.")

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "source",
            "published",
            "wire_agency",
            "origin",
            "revision",
            "is_current",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "paragraphs"]


class ArticleImportSerializer(InputSerializer):
    """A file (multipart), the text itself, or a URL; same importer and errors as the command."""

    file = serializers.FileField(
        required=False,
        help_text="An article file: the seed text format, a saved web page, IPTC ninjs JSON "
        "(one item or a list), or an RSS/Atom feed.",
    )
    url = serializers.URLField(
        required=False,
        max_length=1000,
        help_text="A published article's page or an RSS/Atom feed, fetched in the background.",
    )
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="The article text in the seed format."
    )
    origin = serializers.CharField(
        required=False,
        max_length=500,
        help_text="File name or URL the text came from; re-importing an origin makes a new "
        "revision. Defaults to the uploaded file's name.",
    )
    source = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="The outlet, when the file does not name it.",
    )

    def validate(self, attrs):
        if sum(bool(attrs.get(name)) for name in ("file", "text", "url")) != 1:
            raise serializers.ValidationError(
                "Send one of `file`, `text` or `url`, not several or none."
            )
        if attrs.get("text") and not attrs.get("origin", "").strip():
            raise serializers.ValidationError({"origin": "Name the origin of the text."})
        return attrs


class ArticleImportResultSerializer(serializers.Serializer):
    status = EnumField(
        [("imported", "imported"), ("unchanged", "unchanged"), ("rejected", "rejected")],
        enum_name="ImportStatus",
    )
    article = ArticleSerializer(allow_null=True)
    reason = serializers.CharField(help_text="Why the file was rejected (empty otherwise).")
    warnings = serializers.ListField(child=serializers.CharField())
