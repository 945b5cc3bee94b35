"""The seeds' key claims (seeds/editorial/claims.toml), anchored by quote text, published.

Other parts of the editorial layer (links, positions) refer to a claim by its TOML `key`:
call `claim_by_key(key)`. Keys are not stored; a key resolves to article origin + quote.
"""

from __future__ import annotations

import datetime as dt
import tomllib

from django.conf import settings
from django.core.exceptions import ValidationError

from ..models import Article, Claim
from ..services.claims import claim_create, claim_publish, claim_rate, claim_submit
from ..text import quote_find
from .catalog import actor_by_name, event_by_name, topic_by_title

# key -> (article origin, quote as written in the TOML), filled by `load`.
CLAIM_KEYS: dict[str, tuple[str, str]] = {}


def _article(origin: str) -> Article:
    article = Article.objects.filter(origin=origin, is_current=True).first()
    if article is None:
        raise ValidationError(f"claims.toml: no imported article “{origin}”")
    return article


def _find(row_key: str, origin: str, quote: str) -> tuple[Article, int, int]:
    article = _article(origin)
    try:
        start, end = quote_find(body=article.body, quote=quote)
    except ValidationError as err:
        raise ValidationError(f"claims.toml, claim “{row_key}”: {'; '.join(err.messages)}") from err
    return article, start, end


def claim_by_key(key: str) -> Claim:
    """The seed claim a key of claims.toml names (for links.toml, positions.toml…)."""
    if not CLAIM_KEYS:
        path = settings.BASE_DIR / "seeds" / "editorial" / "claims.toml"
        for row in tomllib.loads(path.read_text(encoding="utf-8")).get("claims", []):
            CLAIM_KEYS[row["key"]] = (row["article"], row["quote"])
    if key not in CLAIM_KEYS:
        raise ValidationError(f"unknown claim key “{key}” in the editorial layer")
    origin, quote = CLAIM_KEYS[key]
    article, start, end = _find(key, origin, quote)
    claim = Claim.objects.filter(article=article, start=start, end=end).order_by("id").first()
    if claim is None:
        raise ValidationError(f"claim “{key}” is not loaded yet")
    return claim


def _date(value: str | None):
    return dt.date.fromisoformat(value) if value else None


def load(data: dict) -> list[str]:
    created: list[str] = []
    seen: set[str] = set()
    for row in data.get("claims", []):
        key = row["key"]
        if key in seen:
            raise ValidationError(f"claims.toml: the key “{key}” is used twice")
        seen.add(key)
        CLAIM_KEYS[key] = (row["article"], row["quote"])
        article, start, end = _find(key, row["article"], row["quote"])
        existing = Claim.objects.filter(article=article, start=start, end=end).first()
        if existing is not None:
            if _rate(existing, row):
                created.append(f"rating {key}")
            continue
        claim = claim_create(
            article=article,
            user=None,
            start=start,
            end=end,
            claimant=actor_by_name(row["claimant"]) if row.get("claimant") else None,
            claimant_label=row.get("claimant_label", ""),
            subjects=[actor_by_name(n) for n in row.get("subjects", [])],
            event=event_by_name(row["event"]) if row.get("event") else None,
            topic=topic_by_title(row["topic"]) if row.get("topic") else None,
            kind=row.get("kind", "factual"),
            summary=row.get("summary", ""),
            about_start=_date(row.get("about_start")),
            about_end=_date(row.get("about_end")),
            measurements=row.get("measurements", []),
        )
        # Through the same workflow steps as in the admin (the system as reviewer).
        if row.get("status", "published") in ("in_review", "published"):
            claim = claim_submit(claim=claim, user=None)
        # Rated before it is published, so readers' rating history starts with the verdict.
        claim = _rate(claim, row) or claim
        if row.get("status", "published") == "published":
            claim_publish(claim=claim, user=None)
        created.append(f"claim {key}")
    return created


def _rate(claim: Claim, row: dict) -> Claim | None:
    """Give the claim the seed's rating through the rating step, unless it has one already."""
    if not row.get("rating") or claim.rating:
        return None
    return claim_rate(claim=claim, user=None, rating=row["rating"])
