"""Link candidates: claims from other origins worth linking to a claim, ranked, each with the
reasons shown to the editor (same event, topic, subjects, claimant or quantity; agreeing or
differing figures; similar wording; an independent origin)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from ..choices import ClaimStatus, LinkRelation
from ..models import Claim, ClaimLink
from ..rules import measurement_interval
from ..text import word_similarity


@dataclass
class Candidate:
    """A claim worth linking to, with a score and the reasons shown to the editor."""

    claim: Claim
    score: float
    reasons: list[str] = field(default_factory=list)
    relation: str = ""  # the relation the figures suggest, if any
    relation_reason: str = ""  # why that relation, in the editor's words

    @property
    def relation_label(self) -> str:
        return LinkRelation(self.relation).label if self.relation else ""


CANDIDATE_POOL = 300


def link_candidates(*, claim: Claim, limit: int = 10) -> list[Candidate]:
    """Claims from other articles on the same event, topic, subjects or quantity, ranked."""
    subject_ids = set(claim.subjects.values_list("pk", flat=True))
    own_measurements = list(claim.measurements.all())
    quantities = {m.quantity for m in own_measurements}
    series_id = claim.event.series_id if claim.event_id else None

    near = Q(pk__in=[])
    if claim.event_id:
        near |= Q(event_id=claim.event_id)
    if series_id:
        near |= Q(event__series_id=series_id)
    if claim.topic_id:
        near |= Q(topic_id=claim.topic_id)
    if subject_ids:
        near |= Q(subjects__in=subject_ids)
    if quantities:
        near |= Q(measurements__quantity__in=quantities)
    if claim.claimant_id:
        near |= Q(claimant_id=claim.claimant_id)

    linked = set()
    for a, b in ClaimLink.objects.touching([claim.pk]).values_list("from_claim_id", "to_claim_id"):
        linked.update((a, b))

    pool_ids = list(
        Claim.objects.filter(near)
        .exclude(article__origin=claim.article.origin)
        .exclude(status=ClaimStatus.REJECTED)
        .exclude(pk__in=linked | {claim.pk})
        .order_by("-article__published", "-pk")
        .values_list("pk", flat=True)
        .distinct()[: CANDIDATE_POOL * 3]
    )
    pool = (
        Claim.objects.filter(pk__in=list(dict.fromkeys(pool_ids))[:CANDIDATE_POOL])
        .select_related("article__source", "event", "topic", "claimant")
        .prefetch_related("subjects", "measurements")
    )

    own_origin = claim.article.origin_key
    own_text = f"{claim.exact} {claim.summary}"
    found: list[Candidate] = []
    for other in pool:
        score, reasons, relation, why = 0.0, [], "", ""
        if claim.event_id and other.event_id == claim.event_id:
            score += 3
            reasons.append(f"same event: {other.event}")
        elif series_id and other.event and other.event.series_id == series_id:
            score += 1
            reasons.append(f"another event of the same series: {other.event}")
            relation = LinkRelation.DIFFERENT_EVENT
            why = f"it is about another event of the same series ({other.event})"
        if claim.topic_id and other.topic_id == claim.topic_id:
            score += 2
            reasons.append(f"same topic: {other.topic}")
        shared = [a for a in other.subjects.all() if a.pk in subject_ids]
        if shared:
            score += min(len(shared), 3)
            reasons.append("same subject: " + ", ".join(a.name for a in shared))
        if claim.claimant_id and other.claimant_id == claim.claimant_id:
            score += 1
            reasons.append(f"same claimant: {other.claimant}")
        for m in other.measurements.all():
            if m.quantity not in quantities:
                continue
            score += 1
            reasons.append(f"same counted quantity: {m.quantity.replace('_', ' ')}")
            if other.event_id and other.event_id == claim.event_id:
                mine = [
                    x for x in own_measurements if x.quantity == m.quantity and x.unit == m.unit
                ]
                theirs = measurement_interval(m.value, m.bound)
                if any(measurement_interval(x.value, x.bound).overlaps(theirs) for x in mine):
                    if not relation:
                        relation = LinkRelation.CORROBORATES
                        why = f"same event, and the figures agree ({m.text or m.value})"
                    reasons.append(f"the figures agree ({m.text or m.value})")
                elif mine:
                    relation = LinkRelation.SAME_EVENT_DIFFERENT_FIGURE
                    why = f"same event, but the figures differ ({m.text or m.value})"
                    reasons.append(f"the figures differ ({m.text or m.value})")
            break
        similarity = word_similarity(own_text, f"{other.exact} {other.summary}", stemmed=True)
        if similarity >= 0.1:
            score += round(similarity * 5, 2)
            reasons.append(f"similar wording ({similarity:.0%} of words in common)")
        if other.article.origin_key != own_origin:
            score += 0.5
            reasons.append(f"independent origin: {other.article.origin_label}")
        else:
            reasons.append(f"same origin as this claim: {other.article.origin_label}")
        if score > 0.5:
            found.append(
                Candidate(
                    claim=other,
                    score=round(score, 2),
                    reasons=reasons,
                    relation=relation,
                    relation_reason=why,
                )
            )
    found.sort(key=lambda c: (-c.score, -c.claim.pk))
    return found[:limit]
