"""An article's copies (the same story run by other outlets), as the article page lists them."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from ..models import Article
from ..services.copies import article_copies


def copies_display(article: Article) -> str:
    """Links to the other current articles of the same story, or a dash."""
    found = article_copies(article=article)
    if not found:
        return "—"
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}">{}</a> — {}, {}{}</li>',
            (
                (
                    reverse("admin:ledger_article_change", args=[a.pk]),
                    a.title,
                    a.source.name,
                    a.published,
                    f" ({a.wire_agency})" if a.wire_agency else "",
                )
                for a in found
            ),
        ),
    )
