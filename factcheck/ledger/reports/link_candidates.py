"""Link candidates: claims from other origins worth linking to a claim, ranked by the claim
matcher (``ledger.matching``), each with its reasons and the relation it suggests."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..choices import ClaimStatus, LinkRelation
from ..matching import claims_matching, statement_from_claim
from ..models import Claim, ClaimLink


@dataclass
class Candidate:
    """A claim worth linking to, with a score and the reasons shown to the editor."""

    claim: Claim
    score: float
    reasons: list[str] = field(default_factory=list)
    relation: str = ""  # the relation the matcher suggests
    repeat: bool = False

    @property
    def relation_label(self) -> str:
        return LinkRelation(self.relation).label if self.relation else ""

    @property
    def relation_reason(self) -> str:
        """Why that relation, in the editor's words (the matcher's reasons)."""
        return "; ".join(self.reasons)


def link_candidates(*, claim: Claim, limit: int = 10) -> list[Candidate]:
    """Claims of other origins the matcher relates to this one, best first (already linked
    claims, rejected claims and the claim's own origin left out)."""
    claim = Claim.objects.with_related().get(pk=claim.pk)
    linked = {claim.pk}
    for a, b in ClaimLink.objects.touching([claim.pk]).values_list("from_claim_id", "to_claim_id"):
        linked.update((a, b))
    others = (
        Claim.objects.exclude(article__origin=claim.article.origin)
        .exclude(status=ClaimStatus.REJECTED)
        .with_related()
    )
    found = claims_matching(others, statement_from_claim(claim), limit=limit, exclude=linked)
    return [
        Candidate(
            claim=match.claim,
            score=match.score,
            reasons=match.reasons,
            relation=match.relation,
            repeat=match.repeat,
        )
        for match in found
    ]
