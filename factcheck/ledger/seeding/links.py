"""Links between the seed claims (seeds/editorial/links.toml), made through the link service.

Claims are named by the ``key`` they have in claims.toml (see ``seeding.claims.claim_by_key``).
"""

from __future__ import annotations

from django.db.models import Q

from ..models import ClaimLink
from ..services.links import link_create
from .claims import claim_by_key


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
