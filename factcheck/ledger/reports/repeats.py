"""How often and where a claim has been repeated: the claim itself and every linked claim an
editor judged to state it again (``corroborates``, or ``same_event_different_figure``: the same
claim with another figure), with their outlets, origins and dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..matching import REPEAT_RELATIONS
from ..models import Claim, ClaimLink


@dataclass(frozen=True)
class Repeat:
    """One telling of the claim: which claim, where, when, and how it relates."""

    claim: Claim
    outlet: str
    wire_agency: str
    origin: str
    published: dt.date
    relation: str  # "" for the claim itself


@dataclass
class Repeats:
    """Every telling, oldest first, with counts for the page and the API."""

    tellings: list[Repeat] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many times it was told, the claim itself included."""
        return len(self.tellings)

    @property
    def outlets(self) -> list[str]:
        return sorted({t.outlet for t in self.tellings})

    @property
    def independent_origins(self) -> int:
        return len({t.origin for t in self.tellings})

    @property
    def by_day(self) -> list[tuple[dt.date, int]]:
        return sorted(Counter(t.published for t in self.tellings).items())

    @property
    def first(self) -> dt.date | None:
        return self.tellings[0].published if self.tellings else None

    @property
    def last(self) -> dt.date | None:
        return self.tellings[-1].published if self.tellings else None


def _telling(claim: Claim, relation: str) -> Repeat:
    article = claim.article
    return Repeat(
        claim=claim,
        outlet=article.source.name,
        wire_agency=article.wire_agency,
        origin=article.origin_key,
        published=article.published,
        relation=relation,
    )


def claim_repeats(claim: Claim, links: Iterable[ClaimLink]) -> Repeats:
    """The claim's tellings from links already loaded with their claims' articles and outlets
    (``ClaimLink.objects.touching([claim.pk]).with_related()``); no query of its own."""
    tellings = [_telling(claim, "")]
    for link in links:
        if link.relation not in REPEAT_RELATIONS:
            continue
        other = link.from_claim if link.to_claim_id == claim.pk else link.to_claim
        tellings.append(_telling(other, link.relation))
    tellings.sort(key=lambda t: (t.published, t.claim.pk))
    return Repeats(tellings=tellings)
