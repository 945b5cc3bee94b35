"""Links between the seed claims (seeds/editorial/links.toml), made through the link service.

Claims are named by the ``key`` they have in claims.toml; ``claim_by_key`` finds the claim
an entry of that file made, by its article's origin and its quote.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q

from ..models import Claim, ClaimLink
from ..services.links import link_create
from . import register

CLAIMS_FILE = "claims.toml"
# Look-alike characters, one for one, so a quote typed with straight quotes matches the copy.
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _norm(text: str) -> str:
    return " ".join(text.translate(_FOLD).split())


def editorial_folder() -> Path:
    """Where the editorial layer lives (the folder `load_seeds` reads by default)."""
    return Path(getattr(settings, "SEEDS_EDITORIAL_DIR", settings.BASE_DIR / "seeds" / "editorial"))


@cache
def _claim_entries(path: Path) -> dict[str, dict]:
    if not path.exists():
        raise ValidationError(f"{path.name} is missing: links and positions name its claims")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = data.get("claims", [])
    return {row["key"]: row for row in rows if row.get("key")}


def claim_find(*, origin: str, quote: str) -> Claim | None:
    """The claim on the current revision of the article from ``origin`` whose quote this is.

    ``origin`` is the article's file name or its prefix ("000" for 000_dc9d….txt).
    """
    quote = _norm(quote)
    claims = Claim.objects.filter(
        Q(article__origin=origin) | Q(article__origin__startswith=f"{origin}_"),
        article__is_current=True,
    ).select_related("article")
    exact = [c for c in claims if _norm(c.exact) == quote]
    if exact:
        return exact[0]
    within = [c for c in claims if quote in _norm(c.exact)]
    return within[0] if within else None


def claim_by_key(key: str, *, folder: Path | None = None) -> Claim:
    """The claim made from the claims.toml entry with this key, or a precise error."""
    entries = _claim_entries((folder or editorial_folder()) / CLAIMS_FILE)
    row = entries.get(key)
    if row is None:
        raise ValidationError(f"unknown claim key “{key}” (not in {CLAIMS_FILE})")
    origin = row.get("article") or row.get("origin") or ""
    quote = row.get("quote") or row.get("exact") or ""
    claim = claim_find(origin=str(origin), quote=quote)
    if claim is None:
        raise ValidationError(f"claim “{key}” ({origin}: “{quote[:60]}”) has not been loaded")
    return claim


def load(data: dict) -> list[str]:
    created: list[str] = []
    for row in data.get("links", []):
        source, target = claim_by_key(row["from"]), claim_by_key(row["to"])
        relation = row["relation"]
        pair = Q(from_claim=source, to_claim=target) | Q(from_claim=target, to_claim=source)
        if ClaimLink.objects.filter(pair, relation=relation).exists():
            continue
        link_create(
            from_claim=source,
            to_claim=target,
            relation=relation,
            note=row.get("note", ""),
            user=None,
        )
        created.append(f"link {row['from']} {relation} {row['to']}")
    return created


register("links.toml", load)
