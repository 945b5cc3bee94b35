"""Copies of one story: recognise near-duplicate wire copy on import, and count it as one origin.

The fingerprint and the comparison are in ``factcheck.ingest.copies`` (plain Python); this
module stores each article's lookup keys in an indexed table, finds the candidates that share
enough keys in one query, and records on the new article which earlier one it copies and the
origin it shares with it (``origin_of`` in rules.py reads that origin).
"""

from __future__ import annotations

from django.db.models import Count, Q

from factcheck.ingest.copies import MIN_SHARED_KEYS, CopyFingerprint, copies_among, copy_fingerprint

from ..models import Article, ArticleCopyKey, Claim
from ..rules import agency_origin
from .corroboration import corroboration_refresh_on_commit

# Candidates read in full per import, best first: more are never copies in practice.
MAX_CANDIDATES = 50


def copies_of(*, fingerprint: CopyFingerprint, exclude_origin: str = "") -> list[Article]:
    """Current articles whose text is a copy of the fingerprinted text, best match first."""
    keys = fingerprint.keys
    if not keys:
        return []
    candidate_ids = list(
        ArticleCopyKey.objects.filter(key__in=keys, article__is_current=True)
        .exclude(article__origin=exclude_origin)
        .values("article_id")
        .annotate(shared=Count("id"))
        .filter(shared__gte=MIN_SHARED_KEYS)
        .order_by("-shared", "article_id")
        .values_list("article_id", flat=True)[:MAX_CANDIDATES]
    )
    if not candidate_ids:
        return []
    candidates = {
        article.pk: article
        for article in Article.objects.filter(pk__in=candidate_ids).exclude(
            copy_fingerprint__isnull=True
        )
    }
    matches = copies_among(
        fingerprint,
        ((pk, CopyFingerprint.from_text(a.copy_fingerprint)) for pk, a in candidates.items()),
    )
    return [candidates[pk] for pk, _score in matches]


def article_copies_record(*, article: Article) -> list[Article]:
    """Fingerprint a newly stored article, store its keys, and tie it to its earlier copies.

    The copies share one origin: an agency any of them credits, else the origin of the
    earliest. An uncredited earlier copy takes the agency a later copy credits (and its
    claims' corroboration is recomputed). Returns the copies found.
    """
    fingerprint = copy_fingerprint(article.body)
    article.copy_fingerprint = fingerprint.as_text()
    ArticleCopyKey.objects.bulk_create(
        [ArticleCopyKey(article=article, key=key) for key in set(fingerprint.keys)]
    )
    found = copies_of(fingerprint=fingerprint, exclude_origin=article.origin)
    fields = ["copy_fingerprint"]
    if found:
        earliest = min(found, key=lambda a: a.pk)
        credited = sorted((a for a in [*found, article] if a.wire_agency), key=lambda a: a.pk or 0)
        shared = agency_origin(credited[0].wire_agency) if credited else earliest.origin_key
        article.copy_of_id = earliest.copy_of_id or earliest.pk
        article.copy_origin = "" if article.wire_agency else shared
        fields += ["copy_of", "copy_origin"]
        changed = [a for a in found if not a.wire_agency and a.origin_key != shared]
        for other in changed:
            other.copy_origin = shared
            other._change_reason = f"copy of article {article.pk}, which credits its origin"
            other.save(update_fields=["copy_origin"])
        if changed:
            corroboration_refresh_on_commit(
                Claim.objects.filter(article__in=changed).values_list("pk", flat=True)
            )
    article.save(update_fields=fields)
    return found


def article_copies(*, article: Article) -> list[Article]:
    """The other current articles of the same story (for the admin), oldest first."""
    root = article.copy_of_id or article.pk
    return list(
        Article.objects.select_related("source")
        .filter(is_current=True)
        .filter(Q(pk=root) | Q(copy_of_id=root))
        .exclude(pk=article.pk)
        .order_by("pk")
    )
