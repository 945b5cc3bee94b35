"""Atom feed of newly published claims."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from factcheck.ledger.models import Claim

FEED_SIZE = 30


class PublishedClaimsFeed(Feed):
    feed_type = Atom1Feed
    link = reverse_lazy("web:home")
    subtitle = "Claims newly published in the ledger, newest first."

    def title(self) -> str:
        return f"{settings.NEWSROOM_NAME}: newly published claims"

    def items(self):
        return Claim.objects.published().as_rows().order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, item: Claim) -> str:
        return item.summary or item.exact[:120]

    def item_description(self, item: Claim) -> str:
        # Plain text: the feed generator escapes it for XML.
        rating = item.get_rating_display() if item.rating else "Not rated"
        source = f"{item.article.source.name} ({item.article.origin_label})"
        return f"“{item.exact}” — {source}. Rating: {rating}."

    def item_pubdate(self, item: Claim):
        return item.published_at

    def item_updateddate(self, item: Claim):
        return item.updated_at

    def item_author_name(self, item: Claim) -> str:
        return (
            item.claimant.name
            if item.claimant
            else (item.claimant_label or item.article.source.name)
        )
